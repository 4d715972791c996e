// Hostile or broken pages: none may crash the parser, and each is either read or refused with
// a clear error. Inputs are generated here rather than committed.

#include <gtest/gtest.h>

#include <string>

#include "core/html/document.hpp"
#include "core/html/selector.hpp"

namespace caiji::html {
namespace {

std::string repeat(std::string_view piece, std::size_t times) {
  std::string out;
  out.reserve(piece.size() * times);
  for (std::size_t i = 0; i < times; ++i) out.append(piece);
  return out;
}

// Like repeat, with "#" in the piece replaced by the repetition's index.
std::string repeat_numbered(std::string_view piece, std::size_t times) {
  std::string out;
  std::size_t hash = piece.find('#');
  for (std::size_t i = 0; i < times; ++i) {
    out.append(piece.substr(0, hash));
    if (hash != std::string_view::npos) {
      out += std::to_string(i);
      out.append(piece.substr(hash + 1));
    }
  }
  return out;
}

bool is_valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size()) return false;
    for (std::size_t k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += len;
  }
  return true;
}

struct NestingCase {
  const char* name;
  const char* piece;  // "#" becomes the repetition index
  std::size_t times;
  const char* tail;
  bool refused;
};

void PrintTo(const NestingCase& c, std::ostream* os) { *os << c.name; }

class HostileNesting : public ::testing::TestWithParam<NestingCase> {};

TEST_P(HostileNesting, is_read_or_refused_as_too_deep) {
  const NestingCase& c = GetParam();
  std::string html = repeat_numbered(c.piece, c.times) + c.tail;
  Result<Document> doc = Document::parse(html);
  if (c.refused) {
    ASSERT_FALSE(doc.ok()) << c.name;
    EXPECT_EQ(doc.error().code, ErrorCode::too_deep);
    EXPECT_NE(doc.error().message.find("more than 1024 levels deep"), std::string::npos) << doc.error().message;
  } else {
    ASSERT_TRUE(doc.ok()) << c.name << ": " << doc.error().message;
    EXPECT_TRUE(doc->body().valid());
  }
}

INSTANTIATE_TEST_SUITE_P(
    Document, HostileNesting,
    ::testing::Values(
        // Each refused pattern below makes gumbo 0.10.1 take seconds to minutes (or gigabytes).
        NestingCase{"divs_100k", "<div>", 100000, "x", true},
        NestingCase{"self_closed_divs_100k", "<div/>", 100000, "x", true},
        NestingCase{"span_with_div_100k", "<span><div></span>", 100000, "x", true},
        NestingCase{"misnested_bold_100k", "<b><div></b>", 100000, "x", true},
        NestingCase{"reopened_bold_per_paragraph", "<p><b id=#></p>", 5000, "x", true},
        NestingCase{"reopened_bold_per_div", "<div><b id=#></div>", 5000, "x", true},
        NestingCase{"nested_tables", "<table><tr><td>", 100000, "x", true},
        NestingCase{"nested_lists", "<ul><li>", 100000, "x", true},
        NestingCase{"svg_groups", "<svg><g>", 100000, "x", true},
        NestingCase{"custom_elements", "<x-a>", 100000, "x", true},
        // Sibling-closing and void tags do not nest, however many there are.
        NestingCase{"paragraphs_100k", "<p>", 100000, "x", false},
        NestingCase{"list_items_100k", "<li>", 100000, "x", false},
        NestingCase{"line_breaks_100k", "<br>", 100000, "x", false},
        NestingCase{"options_100k", "<option>", 100000, "x", false},
        NestingCase{"links_100k", "<a href=#>", 100000, "x", false},
        NestingCase{"closed_divs_100k", "<div>#</div>", 100000, "", false},
        NestingCase{"svg_paths_100k", "<svg>", 1, "<path d=M0/>", false},
        NestingCase{"sloppy_bold_paragraphs", "<p><b>#</p>", 100000, "x", false},
        NestingCase{"divs_in_comment", "<!--", 1, "<div><div><div>", false},
        NestingCase{"divs_in_script", "<script>", 1, "document.write('<div><div>')", false},
        NestingCase{"divs_at_the_limit", "<div>", 1000, "x", false}));

TEST(Document, svg_paths_by_the_hundred_thousand_are_read) {
  std::string html = "<svg>" + repeat("<path d='M0 0'/>", 100000) + "</svg><p id=after>ok</p>";
  Result<Document> doc = Document::parse(html);
  ASSERT_TRUE(doc.ok()) << doc.error().message;
  EXPECT_EQ(doc->select("path").size(), 100000u);
  EXPECT_EQ(doc->select_first("#after").text(), "ok");
}

TEST(Document, tree_100k_deep_is_walked_and_freed_without_recursion) {
  // Custom elements nest cheaply in gumbo, so with the depth limit lifted this builds a real
  // 100,000-level tree: select, text, scripts and the destructor must all cope.
  std::string html = repeat("<x-a>", 100000) + "<script id=s>1</script><b class=leaf>bottom</b>";
  ParseLimits limits;
  limits.max_depth = 1000000;
  Result<Document> doc = Document::parse(html, limits);
  ASSERT_TRUE(doc.ok()) << doc.error().message;
  Node leaf = doc->select_first("x-a > b.leaf");
  ASSERT_TRUE(leaf.valid());
  EXPECT_EQ(leaf.text(), "bottom");
  EXPECT_EQ(doc->root().text(), "bottom") << "script text is code, not page text";
  EXPECT_EQ(doc->select("x-a").size(), 100000u);
  EXPECT_EQ(doc->select("x-a x-a x-a b").size(), 1u);
  ASSERT_EQ(doc->scripts().size(), 1u);
  EXPECT_EQ(doc->scripts()[0].body, "1");
  auto sel = Selector::compile("body > x-a b");
  ASSERT_TRUE(sel.ok());
  EXPECT_TRUE(sel->matches(leaf));
}

TEST(Document, page_over_the_size_limit_is_refused_not_truncated) {
  ParseLimits limits;
  limits.max_bytes = 1024;
  Result<Document> at_limit = Document::parse(std::string(1024, 'a'), limits);
  EXPECT_TRUE(at_limit.ok());
  Result<Document> over = Document::parse(std::string(1025, 'a'), limits);
  ASSERT_FALSE(over.ok());
  EXPECT_EQ(over.error().code, ErrorCode::input_too_large);
  EXPECT_NE(over.error().message.find("1025 bytes"), std::string::npos) << over.error().message;
}

TEST(Document, default_limit_refuses_a_page_over_64_mib) {
  std::string page((64u << 20) + 1, ' ');
  Result<Document> doc = Document::parse(page);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().code, ErrorCode::input_too_large);
  EXPECT_NE(doc.error().message.find("64.0 MiB"), std::string::npos) << doc.error().message;
}

TEST(Document, fifty_megabyte_page_is_read_whole) {
  // A catalog-style page: a large inline state script plus many product tiles.
  const std::string tile = "<div class=tile data-sku-id=1><span class=price>US $3.50</span>"
                           "<img src=//img.example.com/a.jpg></div>\n";
  const std::size_t tiles = 240000;
  std::string state = "window.__STATE__={\"items\":[" + repeat("{\"id\":1,\"title\":\"case\"},", 1200000) + "0]}";
  std::string html = "<!doctype html><html><head><script>" + state + "</script></head><body>" +
                     repeat(tile, tiles) + "<p id=end>end</p></body></html>";
  ASSERT_GT(html.size(), 50u << 20);
  Result<Document> doc = Document::parse(html);
  ASSERT_TRUE(doc.ok()) << doc.error().message;
  EXPECT_EQ(doc->select("div.tile > span.price").size(), tiles);
  EXPECT_EQ(doc->select_first("#end").text(), "end");
  ASSERT_EQ(doc->scripts().size(), 1u);
  EXPECT_EQ(doc->scripts()[0].body.size(), state.size());
}

TEST(Document, invalid_utf8_is_read_as_replacement_characters) {
  std::string html = "<p id=t>ab\xff\xfe c\xc3(d\xe2\x82 e\xed\xa0\x80</p><img alt='\xc0\xaf'>";
  Result<Document> doc = Document::parse(html);
  ASSERT_TRUE(doc.ok()) << doc.error().message;
  std::string text = doc->select_first("#t").text();
  EXPECT_TRUE(is_valid_utf8(text)) << text;
  EXPECT_NE(text.find("\xEF\xBF\xBD"), std::string::npos);
  EXPECT_EQ(text.substr(0, 2), "ab");
  EXPECT_TRUE(doc->select_first("img").attr("alt").has_value());
}

TEST(Document, nul_bytes_do_not_cut_the_page_short) {
  const char raw[] = "<p id=a>x\0y</p><di\0v id=b>z</di\0v><script>var s='\0';</script><p id=c>end</p>";
  const std::string html(raw, sizeof raw - 1);
  Result<Document> doc = Document::parse(html);
  ASSERT_TRUE(doc.ok()) << doc.error().message;
  EXPECT_EQ(doc->select_first("#c").text(), "end");
  EXPECT_EQ(doc->scripts().size(), 1u);
  EXPECT_TRUE(is_valid_utf8(doc->scripts()[0].body));
}

struct Broken {
  const char* name;
  const char* html;
  const char* selector;  // must still find an element with this text
  const char* text;
};

void PrintTo(const Broken& c, std::ostream* os) { *os << c.name; }

class UnterminatedMarkup : public ::testing::TestWithParam<Broken> {};

TEST_P(UnterminatedMarkup, is_read_up_to_where_it_breaks) {
  Result<Document> doc = Document::parse(GetParam().html);
  ASSERT_TRUE(doc.ok()) << doc.error().message;
  EXPECT_EQ(doc->select_first(GetParam().selector).text(), GetParam().text);
}

INSTANTIATE_TEST_SUITE_P(
    Document, UnterminatedMarkup,
    ::testing::Values(Broken{"comment", "<h1>Case</h1><!-- <div>hidden", "h1", "Case"},
                      Broken{"tag", "<h1>Case</h1><div class=\"x", "h1", "Case"},
                      Broken{"attribute_quote", "<h1>Case</h1><img alt='oops><p>lost</p>", "h1", "Case"},
                      Broken{"script", "<h1>Case</h1><script>var a = '</scr", "h1", "Case"},
                      Broken{"style", "<h1>Case</h1><style>p { color: red", "h1", "Case"},
                      Broken{"textarea", "<h1>Case</h1><textarea><p>x", "textarea", "<p>x"},
                      Broken{"cdata", "<h1>Case</h1><svg><![CDATA[ <g>", "h1", "Case"},
                      Broken{"doctype", "<!DOCTYPE html PUBLIC \"-//W3C", "body", ""},
                      Broken{"end_tag", "<h1>Case</h1></di", "h1", "Case"},
                      Broken{"lone_angle", "<h1>a < b</h1><", "h1", "a < b"}));

}  // namespace
}  // namespace caiji::html
