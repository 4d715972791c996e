#pragma once
// A seller's search text ("蕾丝 bra", "袜") turned into what the box's full-text index can
// answer. No SQL here beyond the FTS5 query syntax and LIKE patterns it produces.

#include <string>
#include <string_view>
#include <vector>

namespace caiji::store {

struct SearchTerms {
  // FTS5 MATCH expression for the terms of 3 or more characters, each a quoted phrase, all
  // required ("" when there are none).
  std::string match;
  // Terms of 1 or 2 characters with a character beyond ASCII, as the grams that find them in
  // the box's short-term index (search_grams.hpp). The trigram tokenizer indexes 3-character
  // sequences, so a shorter term has no entry in the FTS index and MATCH finds nothing for it;
  // Chinese queries are often 1-2 characters ("袜", "女装"), so those terms look up the table of
  // every short sequence instead, which finds exactly the items whose text holds the term.
  std::vector<std::string> grams;
  // The other short terms (ASCII alone, or malformed UTF-8), matched as substrings of the box's
  // search text: a scan, of short text, one pass for all of them. `substrings` holds terms
  // without ASCII letters, where case cannot matter and a plain instr() does (about twice as fast
  // as LIKE); `like` holds a LIKE pattern ("%xl%", escaped with '\') for the others, so "xl"
  // finds "XL".
  std::vector<std::string> substrings;
  std::vector<std::string> like;
  bool empty() const { return match.empty() && grams.empty() && substrings.empty() && like.empty(); }
};

// Terms are separated by white space (ASCII or the full-width U+3000 of Chinese input methods).
SearchTerms search_terms(std::string_view text);

}  // namespace caiji::store
