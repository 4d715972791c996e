// Microdata, RDFa Lite and the visible-price heuristics for shops with no JSON-LD.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/extract/api.hpp"

namespace caiji {
namespace {

nlohmann::json parse(const std::string& html) {
  return nlohmann::json::parse(extract::extract_json(html, "", R"({"collectedAt":"2026-01-01T00:00:00Z","via":"file"})"));
}

std::string page(const std::string& body) {
  return "<html><head><link rel=\"canonical\" href=\"https://shop.example/item/7\"></head><body>" + body + "</body></html>";
}

TEST(Microdata, a_printed_price_is_read_with_the_currency_the_markup_names) {
  auto r = parse(page(R"(<div itemscope itemtype="http://schema.org/Product"><h1 itemprop="name">Cards</h1>
    <div itemprop="offers" itemscope itemtype="http://schema.org/Offer"><h3 itemprop="price">$1,299.50</h3><meta itemprop="priceCurrency" content="USD"></div></div>)"));
  ASSERT_EQ(r["ok"], true) << r.dump();
  EXPECT_EQ(r["item"]["price"]["min"], "1299.50");
  EXPECT_EQ(r["item"]["currency"], "USD");
}

TEST(Microdata, a_related_products_price_is_not_the_products_price) {
  auto r = parse(page(R"(<div itemscope itemtype="http://schema.org/Product"><span itemprop="name">Lamp</span>
    <div itemprop="isRelatedTo" itemscope itemtype="http://schema.org/Product"><span itemprop="name">Bulb</span>
    <div itemprop="offers" itemscope itemtype="http://schema.org/Offer"><meta itemprop="price" content="2"><meta itemprop="priceCurrency" content="EUR"></div></div></div>)"));
  ASSERT_EQ(r["ok"], true) << r.dump();
  EXPECT_EQ(r["item"]["title"], "Lamp");
  EXPECT_FALSE(r["item"].contains("price"));
}

TEST(Microdata, an_offer_in_another_currency_than_the_first_is_not_mixed_in) {
  auto r = parse(page(R"(<div itemscope itemtype="https://schema.org/Product"><span itemprop="name">Lamp</span>
    <div itemprop="offers" itemscope itemtype="https://schema.org/Offer"><meta itemprop="price" content="10.00"><meta itemprop="priceCurrency" content="EUR"></div>
    <div itemprop="offers" itemscope itemtype="https://schema.org/Offer"><meta itemprop="price" content="900"><meta itemprop="priceCurrency" content="SEK"></div></div>)"));
  ASSERT_EQ(r["ok"], true) << r.dump();
  EXPECT_EQ(r["item"]["price"]["max"], "10.00");
}

TEST(Rdfa, prefixed_properties_are_read_too) {
  auto r = parse(page(R"(<div prefix="schema: http://schema.org/" typeof="schema:Product"><span property="schema:name">Tray</span>
    <div property="schema:offers" typeof="schema:Offer"><meta property="schema:price" content="12.00"><meta property="schema:priceCurrency" content="NZD"></div></div>)"));
  ASSERT_EQ(r["ok"], true) << r.dump();
  EXPECT_EQ(r["item"]["title"], "Tray");
  EXPECT_EQ(r["item"]["price"]["min"], "12.00");
  EXPECT_EQ(r["item"]["currency"], "NZD");
}

TEST(PageHeuristics, a_struck_through_price_is_never_taken) {
  auto r = parse(page(R"(<h1>Kettle</h1><div><del><span class="price">£40.00</span></del><span class="price">£32.00</span></div>)"));
  ASSERT_EQ(r["ok"], true) << r.dump();
  EXPECT_EQ(r["item"]["price"]["min"], "32.00");
  EXPECT_EQ(r["item"]["currency"], "GBP");
}

TEST(PageHeuristics, a_bare_number_is_not_a_price) {
  auto r = parse(page(R"(<h1>Kettle</h1><span class="price">32</span>)"));
  ASSERT_TRUE(r["ok"] == false || !r["item"].contains("price")) << r.dump();
}

TEST(PageHeuristics, a_page_with_structured_price_data_is_left_to_it) {
  auto r = parse(R"(<html><head><link rel="canonical" href="https://shop.example/item/7">
    <meta property="og:title" content="Kettle"><meta property="og:price:amount" content="30.00"><meta property="og:price:currency" content="GBP"></head>
    <body><h1>Kettle</h1><span class="price">£99.00</span></body></html>)");
  ASSERT_EQ(r["ok"], true) << r.dump();
  EXPECT_EQ(r["item"]["price"]["min"], "30.00");
  for (const auto& w : r["item"]["warnings"]) EXPECT_NE(w["code"], "price_from_page_text");
}

TEST(PageHeuristics, a_price_before_the_title_is_not_the_products) {
  auto r = parse(page(R"(<header><span class="price">$5.00</span></header><h1>Kettle</h1><p>No price here.</p>)"));
  ASSERT_TRUE(r["ok"] == false || !r["item"].contains("price")) << r.dump();
}

}  // namespace
}  // namespace caiji
