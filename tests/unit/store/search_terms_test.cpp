// How a seller's search text becomes index queries: long terms use the trigram index, short
// ones (most 1-2 character Chinese words) a substring scan.

#include <gtest/gtest.h>

#include "core/store/search_grams.hpp"
#include "core/store/search_terms.hpp"
#include "core/store/seller_edits.hpp"

namespace caiji::store {
namespace {

struct TermsCase {
  const char* text;
  const char* match;
  std::vector<std::string> grams;
  std::vector<std::string> substrings;
  std::vector<std::string> like;
};

TEST(SearchTerms, each_term_goes_where_the_index_can_answer_it) {
  const TermsCase cases[] = {
      {"lace bra", "\"lace\" AND \"bra\"", {}, {}, {}},
      {"蕾丝", "", {"蕾丝"}, {}, {}},
      {"袜", "", {"袜"}, {}, {}},
      {"蕾丝文胸", "\"蕾丝文胸\"", {}, {}, {}},
      {"袜\u3000lace", "\"lace\"", {"袜"}, {}, {}},  // the ideographic space separates terms
      {"50%", "\"50%\"", {}, {}, {}},
      {"5%", "", {}, {"5%"}, {}},                 // ASCII alone: scanned
      {"XL T恤", "", {"t恤"}, {}, {"%XL%"}},     // grams are lower case, as LIKE ignores ASCII case
      {"xl", "", {}, {}, {"%xl%"}},
      {"a_", "", {}, {}, {"%a\\_%"}},
      {"\xE8\xA2", "", {}, {"\xE8\xA2"}, {}},    // a broken character: scanned byte for byte
      {"X\xFF", "", {}, {}, {"%X\xFF%"}},
      {"say \"hi\"", "\"say\" AND \"\"\"hi\"\"\"", {}, {}, {}},
      {"   ", "", {}, {}, {}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    SearchTerms t = search_terms(c.text);
    EXPECT_EQ(t.match, c.match);
    EXPECT_EQ(t.grams, c.grams);
    EXPECT_EQ(t.substrings, c.substrings);
    EXPECT_EQ(t.like, c.like);
  }
}

using Grams = std::vector<std::string>;

TEST(SearchGrams, an_items_text_gives_every_chinese_character_and_pair_but_none_across_a_space) {
  EXPECT_EQ(search_grams("棉袜"), (Grams{"棉", "棉袜", "袜"}));
  EXPECT_EQ(search_grams("XL 袜"), (Grams{"袜"}));  // ASCII alone is not indexed
  EXPECT_EQ(search_grams("袜\u3000袜袜"), (Grams{"袜", "袜袜"}));  // U+3000 separates, duplicates go
  EXPECT_EQ(search_grams("T恤"), (Grams{"t恤", "恤"}));
  EXPECT_EQ(search_grams(""), Grams{});
  // Each column is cut apart: no gram joins the end of the title to the start of a tag.
  EXPECT_EQ(item_search_grams("丝", "", "袜"), (Grams{"丝", "袜"}));
}

TEST(SearchGrams, a_short_chinese_term_is_looked_up_by_its_lower_case_self) {
  EXPECT_EQ(gram_of_term("蕾丝"), "蕾丝");
  EXPECT_EQ(gram_of_term("T恤"), "t恤");
  EXPECT_EQ(gram_of_term("XL"), "");
  EXPECT_EQ(gram_of_term("连衣裙"), "");
  EXPECT_EQ(gram_of_term("\xE8\xA2"), "");
  EXPECT_EQ(gram_of_term(""), "");
}

struct PriceKeyCase {
  const char* amount;
  std::int64_t key;
};

TEST(SellerEdits, prices_sort_by_their_exact_amount) {
  const PriceKeyCase cases[] = {
      {"16.50", 16'500'000}, {"16.5", 16'500'000}, {"0.01", 10'000}, {"1000", 1'000'000'000},
      {"0.0000015", 1},      {"", kNoPriceLow},   {"cheap", kNoPriceLow},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.amount);
    EXPECT_EQ(price_sort_key(c.amount, kNoPriceLow), c.key);
  }
}

}  // namespace
}  // namespace caiji::store
