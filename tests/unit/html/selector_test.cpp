#include "core/html/selector.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/html/document.hpp"

namespace caiji::html {
namespace {

// A small offer page modeled on marketplace layouts: a gallery, a price block, SKU options and
// nested lists.
constexpr const char* kOfferPage = R"(<!doctype html>
<html><head><meta property="og:title" content="Silicone phone case"></head>
<body>
<div id="root" class="page">
  <div class="gallery"><img id="g1" src="//img.example.com/1.jpg"><img id="g2" data-src="/2.jpg"></div>
  <div class="price-box price--sale" data-spm="price">
    <span class="price-current">US $3.50</span><span class="price-original">US $5.00</span>
  </div>
  <ul class="sku" data-sku-prop="color">
    <li data-sku-id="201" title="Black"><a href="/s/201">Black</a></li>
    <li data-sku-id="202" title="Dark Blue" class="selected"><a href="/s/202.html">Blue</a></li>
    <li data-sku-id="203" title="Pink"><ul><li id="nested">inner</li></ul></li>
  </ul>
  <p class="desc">Soft <em>TPU</em> case</p>
</div>
</body></html>)";

std::vector<std::string> ids_of(const std::vector<Node>& nodes) {
  std::vector<std::string> out;
  for (const Node& n : nodes) {
    auto id = n.attr("id");
    auto sku = n.attr("data-sku-id");
    out.push_back(id ? std::string(*id) : sku ? std::string(*sku) : std::string(n.tag()));
  }
  return out;
}

struct Case {
  const char* selector;
  std::vector<std::string> expected;  // id, data-sku-id or tag of each match, in document order
};

class SelectorOnOfferPage : public ::testing::TestWithParam<Case> {
 protected:
  static void SetUpTestSuite() {
    auto parsed = Document::parse(kOfferPage);
    ASSERT_TRUE(parsed.ok());
    doc_ = new Document(std::move(parsed).value());
  }
  static void TearDownTestSuite() {
    delete doc_;
    doc_ = nullptr;
  }
  static Document* doc_;
};
Document* SelectorOnOfferPage::doc_ = nullptr;

TEST_P(SelectorOnOfferPage, finds_the_expected_elements_in_document_order) {
  Result<Selector> sel = Selector::compile(GetParam().selector);
  ASSERT_TRUE(sel.ok()) << sel.error().message;
  EXPECT_EQ(ids_of(doc_->select(*sel)), GetParam().expected) << "selector: " << GetParam().selector;
  EXPECT_EQ(ids_of(doc_->select(GetParam().selector)), GetParam().expected) << "string form";
}

INSTANTIATE_TEST_SUITE_P(
    Subset, SelectorOnOfferPage,
    ::testing::Values(
        Case{"img", {"g1", "g2"}},
        Case{"IMG", {"g1", "g2"}},
        Case{"#g2", {"g2"}},
        Case{"html", {"html"}},
        Case{"html > body > div", {"root"}},
        Case{".price-current", {"span"}},
        Case{"div.price-box.price--sale", {"div"}},
        Case{"[data-src]", {"g2"}},
        Case{"[DATA-SRC]", {"g2"}},
        Case{"li[title=Black]", {"201"}},
        Case{"li[title=\"Dark Blue\"]", {"202"}},
        Case{"li[title='dark blue' i]", {"202"}},
        Case{"li[title='dark blue']", {}},
        Case{"a[href$=\".html\"]", {"a"}},
        Case{"a[href^='/s/20']", {"a", "a"}},
        Case{"[data-sku-id*=0]", {"201", "202", "203"}},
        Case{"[data-sku-id*='']", {}},
        Case{"[class~=price--sale]", {"div"}},
        Case{"meta[property=og\\:title]", {"meta"}},
        Case{"ul.sku li", {"201", "202", "203", "nested"}},
        Case{"ul.sku > li", {"201", "202", "203"}},
        Case{"ul.sku>li>a", {"a", "a"}},
        Case{"#root li li", {"nested"}},
        Case{"div#root.page[class] ul li.selected", {"202"}},
        Case{"li.selected, #g1, img", {"g1", "g2", "202"}},
        Case{"body *  >  em", {"em"}},
        Case{"p em, p > em, .desc em", {"em"}},
        Case{"section li", {}}));

TEST(Selector, child_combinator_matches_only_direct_children) {
  auto doc = Document::parse("<div class=a><p><span id=deep></span></p><span id=direct></span></div>");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(ids_of(doc->select(".a > span")), std::vector<std::string>{"direct"});
  EXPECT_EQ(ids_of(doc->select(".a span")), (std::vector<std::string>{"deep", "direct"}));
}

TEST(Selector, element_scope_matches_descendants_but_sees_ancestors) {
  auto doc = Document::parse("<div id=outer><div id=mid><p id=a></p></div></div><p id=b></p>");
  ASSERT_TRUE(doc.ok());
  Node mid = doc->select_first("#mid");
  EXPECT_EQ(ids_of(mid.select("#outer p")), std::vector<std::string>{"a"});
  EXPECT_TRUE(mid.select("div").empty()) << "the scope itself is not a candidate";
  EXPECT_EQ(ids_of(doc->select_first("#outer").select("div")), std::vector<std::string>{"mid"});
}

TEST(Selector, nested_matches_are_returned_once_in_document_order) {
  auto doc = Document::parse("<div id=1><div id=2><div id=3></div></div></div><div id=4></div>");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(ids_of(doc->select("div div, div, body div")),
            (std::vector<std::string>{"1", "2", "3", "4"}));
}

TEST(Selector, select_first_returns_the_first_in_document_order) {
  auto doc = Document::parse("<p id=a><b id=b></b></p><b id=c></b>");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(*doc->select_first("b, p").attr("id"), "a");
  EXPECT_FALSE(doc->select_first("table").valid());
}

TEST(Selector, matches_checks_one_element_against_the_whole_chain) {
  auto doc = Document::parse("<ul class=sku><li><a id=x></a></li></ul>");
  ASSERT_TRUE(doc.ok());
  auto sel = Selector::compile("ul.sku > li a");
  ASSERT_TRUE(sel.ok());
  EXPECT_TRUE(sel->matches(doc->select_first("#x")));
  EXPECT_FALSE(sel->matches(doc->select_first("li")));
  EXPECT_FALSE(sel->matches(Node()));
}

struct Invalid {
  const char* selector;
  const char* reason;
};

class InvalidSelector : public ::testing::TestWithParam<Invalid> {};

TEST_P(InvalidSelector, is_refused_with_the_reason_and_matches_nothing) {
  Result<Selector> sel = Selector::compile(GetParam().selector);
  ASSERT_FALSE(sel.ok()) << GetParam().selector;
  EXPECT_EQ(sel.error().code, ErrorCode::invalid_argument);
  EXPECT_NE(sel.error().message.find(GetParam().reason), std::string::npos) << sel.error().message;
  auto doc = Document::parse("<div class=a><p>x</p></div>");
  ASSERT_TRUE(doc.ok());
  EXPECT_TRUE(doc->select(GetParam().selector).empty());
  EXPECT_FALSE(doc->select_first(GetParam().selector).valid());
}

INSTANTIATE_TEST_SUITE_P(
    Selector, InvalidSelector,
    ::testing::Values(Invalid{"", "empty"}, Invalid{"   ", "empty"}, Invalid{"div[", "attribute name"},
                      Invalid{"div[x", "expected ']'"}, Invalid{"[x=\"open", "not closed"},
                      Invalid{"[x=]", "expected a value"}, Invalid{"[x!=1]", "operator"},
                      Invalid{"a,", "after ','"}, Invalid{",a", "unexpected ','"},
                      Invalid{"a,,b", "after ','"}, Invalid{"a >", "after '>'"},
                      Invalid{"> a", "unexpected '>'"}, Invalid{"a + b", "sibling"},
                      Invalid{"a ~ b", "sibling"}, Invalid{"li:first-child", "pseudo"},
                      Invalid{"p::before", "pseudo"}, Invalid{"svg|a", "namespaces"}, Invalid{"#", "an id"},
                      Invalid{".", "class name"}, Invalid{"a\\", "followed by a character"},
                      Invalid{"div{}", "unexpected '{'"}));

TEST(Selector, error_message_points_at_the_character) {
  Result<Selector> sel = Selector::compile("div[");
  ASSERT_FALSE(sel.ok());
  EXPECT_EQ(sel.error().message, "The selector \"div[\" is invalid at character 5: expected an attribute name.");
}

TEST(Selector, too_many_parts_are_refused_not_truncated) {
  std::string long_list;
  for (std::size_t i = 0; i <= Selector::max_steps; ++i) long_list += (i ? ", p" : "p");
  Result<Selector> sel = Selector::compile(long_list);
  ASSERT_FALSE(sel.ok());
  EXPECT_NE(sel.error().message.find("more than 64 parts"), std::string::npos) << sel.error().message;
}

TEST(Selector, hex_escapes_and_leading_digits_are_accepted) {
  auto doc = Document::parse("<span id='1688-price'>1</span><span class='a:b'>2</span>");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->select_first("#1688-price").text(), "1");
  EXPECT_EQ(doc->select_first("#\\31 688-price").text(), "1");
  EXPECT_EQ(doc->select_first(".a\\:b").text(), "2");
}

}  // namespace
}  // namespace caiji::html
