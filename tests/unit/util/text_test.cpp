#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/util/text.hpp"

namespace caiji {
namespace {

struct CleanCase {
  const char* in;
  const char* out;
};

class CleanText : public ::testing::TestWithParam<CleanCase> {};

TEST_P(CleanText, a_seller_reads_text_without_page_debris) {
  EXPECT_EQ(clean_text(GetParam().in), GetParam().out);
}

INSTANTIATE_TEST_SUITE_P(Cases, CleanText,
                         ::testing::Values(CleanCase{"  Red \n\t Dress  ", "Red Dress"},
                                           CleanCase{"Red\xC2\xA0" "Dress", "Red Dress"},                 // NBSP
                                           CleanCase{"\xE7\xBA\xA2\xE3\x80\x80\xE8\x89\xB2", "\xE7\xBA\xA2 \xE8\x89\xB2"},  // U+3000
                                           CleanCase{"Zero\xE2\x80\x8Bwidth\xEF\xBB\xBF", "Zerowidth"},
                                           CleanCase{"bad \xFF byte", "bad \xEF\xBF\xBD byte"},
                                           CleanCase{"", ""}));

TEST(ValidUtf8, invalid_bytes_and_nul_become_replacement_characters) {
  std::string in("a\0b\xC3(", 5);
  EXPECT_EQ(valid_utf8(in), "a\xEF\xBF\xBD" "b\xEF\xBF\xBD(");
}

TEST(ValidUtf8, overlong_and_surrogate_encodings_are_rejected) {
  EXPECT_EQ(valid_utf8("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(valid_utf8("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(DecodeEntities, named_and_numeric_references_decode) {
  EXPECT_EQ(decode_entities("Tom &amp; Jerry &#39;s &#x4E2D; &nbsp;x"), "Tom & Jerry 's \xE4\xB8\xAD \xC2\xA0x");
}

TEST(DecodeEntities, unknown_or_broken_references_stay_as_written) {
  EXPECT_EQ(decode_entities("AT&T &bogus; &#xZZ; &"), "AT&T &bogus; &#xZZ; &");
}

TEST(TextParagraph, plain_text_becomes_escaped_html) {
  EXPECT_EQ(text_paragraph_html(" <b>bold</b> & co "), "<p>&lt;b&gt;bold&lt;/b&gt; &amp; co</p>");
  EXPECT_EQ(text_paragraph_html("   "), "");
}


// find_text must answer exactly as std::string_view::find: the product-link search and the
// page verdicts depend on the positions it returns.
TEST(FindText, finds_markers_where_string_view_find_does) {
  const std::string page =
      "<a href=\"//item.taobao.com/item.htm?id=1\">x</a> itemscope itemscope \xE6\xAD\xA4\xE5\xAE\x9D\xE8\xB4\x9D "
      "/dp/B0ABCDEFGH/ /dp/ %2Fdp%2F aaaab Qz";
  const std::vector<std::string> needles = {"item.htm", "itemscope", "/dp/", "%2Fdp%2F", "aab", "Qz", "z",
                                            "\xE5\xAE\x9D\xE8\xB4\x9D", "<a href", "not here", "", page, page + "!"};
  for (const auto& needle : needles) {
    for (std::size_t from = 0; from <= page.size() + 1; ++from) {
      EXPECT_EQ(find_text(page, needle, from), std::string_view(page).find(needle, from))
          << "needle \"" << needle << "\" from " << from;
    }
  }
  EXPECT_TRUE(contains_text(page, "B0ABCDEFGH"));
  EXPECT_FALSE(contains_text("", "x"));
  EXPECT_EQ(find_text("", ""), 0u);
}

TEST(FindText, a_case_insensitive_search_finds_mixed_case) {
  EXPECT_TRUE(icontains("Sorry, this item is No Longer Available.", "no longer available"));
  EXPECT_FALSE(icontains("no longer availabl", "no longer available"));
  EXPECT_TRUE(icontains("NO", ""));
}

}  // namespace
}  // namespace caiji
