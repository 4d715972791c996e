#pragma once
// The box's short-term index: every 1- and 2-character sequence of an item's search text that
// holds a character beyond ASCII, so a seller's 1-2 character search in Chinese ("袜", "蕾丝",
// "T恤") is an index lookup instead of a scan of every item's text. The FTS5 trigram index
// answers terms of 3 or more characters; this table answers the short ones. Short terms of
// ASCII alone ("xl", "s") are left out on purpose: English words come between spaces, so such
// terms are rare, while their letter pairs would more than double the rows written per item and
// halve the box's batched write speed (docs/benchmarks-host.md); they are still scanned.
// No SQL here: only what goes into the table and what a term looks up.

#include <string>
#include <string_view>
#include <vector>

namespace caiji::store {

// The distinct grams of `text` (one search-text column: title, attributes or tags), sorted:
// each character and each pair of neighbouring characters that is not all ASCII, ASCII letters
// lower-cased (as SQLite's LIKE, which the scan uses, ignores ASCII case only), leaving out any
// that hold white space, since a search term never does. `text` is UTF-8 (items are stored as JSON, which is).
std::vector<std::string> search_grams(std::string_view text);

// The grams of all of an item's search-text columns, sorted and distinct. A gram never spans
// two columns, as the scan's instr(title) OR instr(attributes) OR instr(tags) never did.
std::vector<std::string> item_search_grams(std::string_view title, std::string_view attributes,
                                           std::string_view tags);

// The gram that finds `term` (1 or 2 characters, no white space), or "" when the index cannot
// answer it: ASCII alone, or malformed UTF-8 (which a byte-wise scan still can).
std::string gram_of_term(std::string_view term);

}  // namespace caiji::store
