#include "core/html/document.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/html/text.hpp"

namespace caiji::html {
namespace {

Document parse_ok(std::string_view html) {
  Result<Document> doc = Document::parse(html);
  EXPECT_TRUE(doc.ok()) << doc.error().message;
  return std::move(doc).value();
}

TEST(Document, product_page_exposes_html_head_and_body) {
  Document doc = parse_ok("<!doctype html><title>Phone case</title><h1>Phone case</h1>");
  EXPECT_EQ(doc.root().tag(), "html");
  EXPECT_EQ(doc.head().tag(), "head");
  EXPECT_EQ(doc.body().tag(), "body");
  EXPECT_EQ(doc.select_first("h1").text(), "Phone case");
}

TEST(Document, empty_page_still_has_a_root) {
  Document doc = parse_ok("");
  EXPECT_EQ(doc.root().tag(), "html");
  EXPECT_TRUE(doc.body().valid());
  EXPECT_TRUE(doc.select("div").empty());
}

TEST(Document, moved_document_keeps_its_nodes_valid) {
  Document first = parse_ok("<p id=x>kept</p>");
  Node p = first.select_first("#x");
  Document second = std::move(first);
  EXPECT_EQ(p.text(), "kept");
  EXPECT_EQ(second.select_first("#x"), p);
}

TEST(Node, text_folds_whitespace_runs_across_child_elements) {
  Document doc = parse_ok("<div id=t>\n  US <b>$16.50</b>\t\t<span> / piece </span>\n</div>");
  EXPECT_EQ(doc.select_first("#t").text(), "US $16.50 / piece");
}

TEST(Node, text_keeps_nbsp_for_later_normalization) {
  Document doc = parse_ok("<p>US&nbsp;$16.50  </p>");
  EXPECT_EQ(doc.select_first("p").text(), "US\u00A0$16.50");
}

TEST(Node, text_decodes_entities_and_skips_comments) {
  Document doc = parse_ok("<p>Tom &amp; Jerry<!-- hidden --> &lt;3</p>");
  EXPECT_EQ(doc.select_first("p").text(), "Tom & Jerry <3");
}

TEST(Node, text_leaves_out_script_and_style_code) {
  Document doc = parse_ok(
      "<h1 id=t>Silk socks<script>var sku = {\"p\": 1};</script><style>.x{color:red}</style> <b>2 pairs</b></h1>");
  EXPECT_EQ(doc.select_first("#t").text(), "Silk socks 2 pairs");
}

// The scan's script and style bodies left out: the same elements, attributes and page text in
// the same places, the code elements empty.
TEST(Document, leaving_out_script_and_style_bodies_keeps_the_tree) {
  const std::string page =
      "<html><head><style>p{x:1}</style><script>if (a < b) document.write('<table>')</script></head>"
      "<body><table><tr><td class=price>US $3.50<script type=x>'</td>'</script></td></tr></table>"
      "<select><script>1</script><option>Red</option></select><p>Tail</p></body></html>";
  std::vector<TextRange> bodies;
  for (std::string_view open : {"p{x:1}", "if (a < b)", "'</td>'", ">1<"}) {
    std::size_t at = page.find(open);
    std::size_t begin = open == ">1<" ? at + 1 : at;
    std::size_t end = page.find("</", begin + (open == "'</td>'" ? open.size() : 0));
    bodies.push_back(TextRange{begin, end});
  }
  Result<Document> full = Document::parse(page);
  Result<Document> lean = Document::parse_omitting(page, bodies);
  ASSERT_TRUE(full.ok() && lean.ok());
  auto outline = [](const Document& d) {
    std::string out;
    for (const Node& n : d.select("*")) {
      const bool code = n.tag() == "script" || n.tag() == "style";
      out += std::string(n.tag()) + "(" + (code ? std::string() : n.text()) + ")";
    }
    return out;
  };
  EXPECT_EQ(outline(*lean), outline(*full));
  EXPECT_EQ(lean->select_first("td.price").text(), "US $3.50");
  EXPECT_EQ(lean->select("script").size(), 3u);
  ASSERT_EQ(full->scripts().size(), 3u);
  EXPECT_EQ(full->scripts()[1].body, "'</td>'");
  EXPECT_EQ(lean->scripts()[1].body, "");
}

TEST(Document, ranges_outside_the_page_are_refused_not_read) {
  EXPECT_FALSE(Document::parse_omitting("<p>x</p>", {TextRange{5, 50}}).ok());
  EXPECT_FALSE(Document::parse_omitting("<p>x</p>", {TextRange{4, 6}, TextRange{5, 7}}).ok());
}

TEST(Node, attribute_lookup_ignores_the_case_of_the_name) {
  Document doc = parse_ok("<img DATA-Src='//img.example.com/a.jpg' alt=\"A &amp; B\">");
  Node img = doc.select_first("img");
  ASSERT_TRUE(img.attr("data-src").has_value());
  EXPECT_EQ(*img.attr("data-src"), "//img.example.com/a.jpg");
  EXPECT_EQ(*img.attr("DATA-SRC"), "//img.example.com/a.jpg");
  EXPECT_EQ(*img.attr("alt"), "A & B");
  EXPECT_FALSE(img.attr("src").has_value());
}

TEST(Node, empty_attribute_is_present_with_an_empty_value) {
  Document doc = parse_ok("<input disabled>");
  ASSERT_TRUE(doc.select_first("input").attr("disabled").has_value());
  EXPECT_EQ(*doc.select_first("input").attr("disabled"), "");
}

TEST(Node, has_class_matches_whole_class_names_only) {
  Document doc = parse_ok("<div class=' price\tprice--sale\n'></div>");
  Node div = doc.select_first("div");
  EXPECT_TRUE(div.has_class("price"));
  EXPECT_TRUE(div.has_class("price--sale"));
  EXPECT_FALSE(div.has_class("pric"));
  EXPECT_FALSE(div.has_class(""));
}

TEST(Node, custom_element_tag_name_is_lower_case) {
  Document doc = parse_ok("<Product-Card SKU=1><Price-Tag>9</Price-Tag></Product-Card>");
  Node card = doc.select_first("product-card");
  ASSERT_TRUE(card.valid());
  EXPECT_EQ(card.tag(), "product-card");
  EXPECT_EQ(card.select_first("price-tag").tag(), "price-tag");
}

TEST(Node, children_lists_elements_and_text_in_order_without_comments) {
  Document doc = parse_ok("<ul>a<li>1</li><!-- c --><li>2</li></ul>");
  std::vector<Node> kids = doc.select_first("ul").children();
  ASSERT_EQ(kids.size(), 3u);
  EXPECT_TRUE(kids[0].is_text());
  EXPECT_EQ(kids[0].own_text(), "a");
  EXPECT_EQ(kids[1].tag(), "li");
  EXPECT_EQ(kids[2].text(), "2");
  EXPECT_EQ(kids[2].parent().tag(), "ul");
}

TEST(Node, parent_of_the_root_is_invalid) {
  Document doc = parse_ok("<p>x</p>");
  EXPECT_FALSE(doc.root().parent().valid());
  EXPECT_EQ(doc.body().parent(), doc.root());
}

TEST(Node, default_node_is_harmless_to_ask) {
  Node none;
  EXPECT_FALSE(none.valid());
  EXPECT_FALSE(none.is_element());
  EXPECT_EQ(none.tag(), "");
  EXPECT_EQ(none.text(), "");
  EXPECT_FALSE(none.attr("id").has_value());
  EXPECT_TRUE(none.children().empty());
  EXPECT_TRUE(none.select("div").empty());
  EXPECT_FALSE(none.parent().valid());
}

TEST(Scripts, inline_scripts_come_with_type_id_and_raw_body_in_order) {
  Document doc = parse_ok(
      "<head><script>window.runParams = {a: '&amp;'};</script>"
      "<script type=\"application/ld+json\" id=\"ld\">{\"@type\":\"Product\"}</script></head>"
      "<body><script src=\"/app.js\"></script>"
      "<script id=__NEXT_DATA__ type=application/json>{\"x\":\"<b>\"}</script></body>");
  std::vector<Script> scripts = doc.scripts();
  ASSERT_EQ(scripts.size(), 4u);
  EXPECT_EQ(scripts[0].type, "");
  EXPECT_EQ(scripts[0].body, "window.runParams = {a: '&amp;'};");
  EXPECT_EQ(scripts[1].type, "application/ld+json");
  EXPECT_EQ(scripts[1].id, "ld");
  EXPECT_EQ(scripts[1].body, "{\"@type\":\"Product\"}");
  EXPECT_EQ(scripts[2].body, "");
  EXPECT_EQ(*scripts[2].node.attr("src"), "/app.js");
  EXPECT_EQ(scripts[3].id, "__NEXT_DATA__");
  EXPECT_EQ(scripts[3].body, "{\"x\":\"<b>\"}");
}

TEST(Scripts, can_be_filtered_by_type) {
  Document doc = parse_ok(
      "<script type='Application/LD+JSON'>1</script><script>2</script><script type=application/ld+json>3</script>");
  std::vector<Script> ld = doc.scripts("application/ld+json");
  ASSERT_EQ(ld.size(), 2u);
  EXPECT_EQ(ld[0].body, "1");
  EXPECT_EQ(ld[1].body, "3");
  ASSERT_EQ(doc.scripts("").size(), 1u);
}

TEST(Scripts, unterminated_script_runs_to_the_end_of_the_page) {
  Document doc = parse_ok("<p>x</p><script>var data = {\"price\": 1};</p>");
  std::vector<Script> scripts = doc.scripts();
  ASSERT_EQ(scripts.size(), 1u);
  EXPECT_EQ(scripts[0].body, "var data = {\"price\": 1};</p>");
}

struct BaseCase {
  const char* html;
  const char* page;
  const char* expected;
};

class BaseUrl : public ::testing::TestWithParam<BaseCase> {};

TEST_P(BaseUrl, is_what_relative_links_resolve_against) {
  Document doc = parse_ok(GetParam().html);
  EXPECT_EQ(doc.base_url(GetParam().page), GetParam().expected) << GetParam().html;
}

INSTANTIATE_TEST_SUITE_P(
    Document, BaseUrl,
    ::testing::Values(
        BaseCase{"<p>no base</p>", "https://shop.example.com/p/1", "https://shop.example.com/p/1"},
        BaseCase{"<base href='https://cdn.example.com/s/'>", "https://shop.example.com/p/1",
                 "https://cdn.example.com/s/"},
        BaseCase{"<base href='/static/'>", "https://shop.example.com/p/1", "https://shop.example.com/static/"},
        BaseCase{"<base href='//m.example.com/'>", "https://shop.example.com/p", "https://m.example.com/"},
        BaseCase{"<base target=_blank><base href='a/'><base href='/b/'>", "https://s.example/x/y",
                 "https://s.example/x/a/"},
        BaseCase{"<base href='javascript:alert(1)'>", "https://s.example/p", "https://s.example/p"},
        BaseCase{"<base href='https://cdn.example.com/'>", "", "https://cdn.example.com/"},
        BaseCase{"<base href='rel/'>", "", ""}));

TEST(Text, fold_whitespace_trims_and_folds_ascii_whitespace_only) {
  EXPECT_EQ(fold_whitespace("  a \t\r\n b\f"), "a b");
  EXPECT_EQ(fold_whitespace("\u00A0a\u00A0"), "\u00A0a\u00A0");
  EXPECT_EQ(fold_whitespace(" \n "), "");
  EXPECT_EQ(fold_whitespace(""), "");
}

}  // namespace
}  // namespace caiji::html
