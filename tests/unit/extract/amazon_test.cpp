// Amazon adapter: what a fixture page alone does not pin down (currency rules, unit parsing,
// pages without an address, damaged script data).

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/extract/api.hpp"
#include "core/extract/product_links.hpp"
#include "core/extract/sites/amazon_private.hpp"

namespace caiji {
namespace {

using nlohmann::json;
namespace amazon = extract::amazon;

json parse(const std::string& html) {
  return json::parse(extract::extract_json(html, "", R"({"collectedAt":"2026-01-01T00:00:00Z","via":"file"})"));
}

struct PriceCase {
  const char* text;
  const char* marketplace;
  const char* preference;
  const char* currency;  // "" = the page does not vouch for one
  const char* min;
  const char* max;
};

TEST(Amazon, a_price_takes_its_currency_from_the_page_never_from_a_guess) {
  const PriceCase cases[] = {
      {"$35.99", "USD", "", "USD", "35.99", "35.99"},
      {"29,99\xC2\xA0\xE2\x82\xAC", "EUR", "", "EUR", "29.99", "29.99"},          // 29,99 €
      {"\xEF\xBF\xA5" "3,980", "JPY", "", "JPY", "3980", "3980"},                  // ￥3,980
      {"\xC2\xA3" "12.50", "USD", "", "GBP", "12.50", "12.50"},                    // £ is unambiguous
      {"$12.99 - $24.99", "CAD", "", "CAD", "12.99", "24.99"},
      {"$5.00", "EUR", "USD", "USD", "5.00", "5.00"},  // "$" is not the euro marketplace's symbol
      {"$5.00", "EUR", "", "", "5.00", "5.00"},
      {"1.234,56 \xE2\x82\xAC", "", "", "EUR", "1234.56", "1234.56"},
  };
  for (const auto& c : cases) {
    auto p = amazon::read_price(c.text, amazon::CurrencyHints{c.marketplace, c.preference});
    ASSERT_TRUE(p) << c.text;
    EXPECT_EQ(p->currency, c.currency) << c.text;
    EXPECT_EQ(p->min, c.min) << c.text;
    EXPECT_EQ(p->max, c.max) << c.text;
  }
}

TEST(Amazon, each_marketplace_sells_in_its_own_currency) {
  EXPECT_EQ(amazon::currency_of_marketplace("ATVPDKIKX0DER"), "USD");
  EXPECT_EQ(amazon::currency_of_marketplace("A1PA6795UKMFR9"), "EUR");
  EXPECT_EQ(amazon::currency_of_marketplace("A1VC38T7YXB528"), "JPY");
  EXPECT_EQ(amazon::currency_of_marketplace("nonsense"), "");
  EXPECT_EQ(amazon::currency_of_host("www.amazon.co.uk"), "GBP");
  EXPECT_EQ(amazon::currency_of_host("www.amazon.com.au"), "AUD");
  EXPECT_EQ(amazon::currency_of_host("smile.amazon.de"), "EUR");
  EXPECT_EQ(amazon::currency_of_host("www.amazon.example"), "");
}

TEST(Amazon, weights_are_read_only_when_the_unit_is_clear) {
  struct Case {
    const char* text;
    const char* value;  // "" = no weight
    const char* unit;
  } cases[] = {
      {"1.1 pounds", "1.1", "lb"},         {"5.3 Ounces", "5.3", "oz"},
      {"320 Grams", "320", "g"},           {"2,5 Kilogramm", "2.5", "kg"},
      {"7 x 4 x 5 inches; 1.1 Pounds", "1.1", "lb"}, {"12 x 8 x 20 cm; 450 Gramm", "450", "g"},
      {"heavy", "", ""},                   {"3 stones", "", ""},
  };
  for (const auto& c : cases) {
    auto w = amazon::parse_weight(c.text);
    if (*c.value == 0) {
      EXPECT_FALSE(w) << c.text;
      continue;
    }
    ASSERT_TRUE(w) << c.text;
    EXPECT_EQ(w->value, c.value) << c.text;
    EXPECT_EQ(w->unit, c.unit) << c.text;
  }
}

TEST(Amazon, dimensions_need_three_sides_and_a_unit) {
  auto d = amazon::parse_dimensions("7 x 4 x 5.5 inches");
  ASSERT_TRUE(d);
  EXPECT_EQ(*d, (Dimensions{"7", "4", "5.5", "in"}));
  d = amazon::parse_dimensions("30 x 28 x 12 Centimeters");
  ASSERT_TRUE(d);
  EXPECT_EQ(*d, (Dimensions{"30", "28", "12", "cm"}));
  EXPECT_FALSE(amazon::parse_dimensions("5.91\"L x 2.83\"W x 1.09\"Th"));
  EXPECT_FALSE(amazon::parse_dimensions("10 x 4 inches"));
  EXPECT_FALSE(amazon::parse_dimensions("7 x 4 x 5 furlongs"));
}

TEST(Amazon, the_robot_check_is_reported_as_a_captcha) {
  auto r = parse(R"(<html><head><title>Robot Check</title></head><body>
    <form action="/errors/validateCaptcha"><input name="field-keywords"></form></body></html>)");
  EXPECT_EQ(r["ok"], false);
  EXPECT_EQ(r["page"]["kind"], "captcha");
}

TEST(Amazon, the_404_dog_page_is_a_removed_product) {
  auto r = parse(R"(<html><head><title>Amazon.com Page Not Found</title>
    <link rel="canonical" href="https://www.amazon.com/dp/B0GONE0000"></head>
    <body><img alt="Sorry! We couldn't find that page. Try searching."></body></html>)");
  EXPECT_EQ(r["ok"], false) << r.dump();
  EXPECT_EQ(r["page"]["kind"], "removed");
}

TEST(Amazon, a_saved_page_without_its_address_is_still_read_as_amazon) {
  auto r = parse(R"(<html><head><script>var ue_mid = 'ATVPDKIKX0DER';</script></head><body>
    <span id="productTitle"> Folding Kettle </span>
    <div id="corePrice_feature_div"><span class="a-price"><span class="a-offscreen">$21.00</span></span></div>
    <input type="hidden" id="ASIN" value="B0KETTLE01">
    <img id="landingImage" data-old-hires="https://m.media-amazon.com/images/I/61kettle._AC_SL1500_.jpg">
    </body></html>)");
  ASSERT_EQ(r["ok"], true) << r.dump();
  const json& item = r["item"];
  EXPECT_EQ(item["source"]["platform"], "amazon");
  EXPECT_EQ(item["source"]["productId"], "B0KETTLE01");
  EXPECT_EQ(item["currency"], "USD");
  EXPECT_EQ(item["price"]["min"], "21.00");
  EXPECT_EQ(item["images"]["main"][0], "https://m.media-amazon.com/images/I/61kettle.jpg");
}

TEST(Amazon, sale_and_original_prices_are_never_swapped) {
  // A "list price" below the price paid is not a struck-through price.
  auto r = parse(R"(<html><head><link rel="canonical" href="https://www.amazon.com/dp/B0KETTLE01"></head><body>
    <span id="productTitle">Folding Kettle</span><input type="hidden" id="ASIN" value="B0KETTLE01">
    <div id="corePriceDisplay_desktop_feature_div"><span class="a-price priceToPay"><span class="a-offscreen">$30.00</span></span>
      <span class="basisPrice"><span class="a-price a-text-price"><span class="a-offscreen">$25.00</span></span></span></div>
    <div id="availability">Only 2 left in stock - order soon.</div></body></html>)");
  ASSERT_EQ(r["ok"], true) << r.dump();
  const json& v = r["item"]["variants"][0];
  EXPECT_EQ(v["price"], "30.00");
  EXPECT_FALSE(v.contains("originalPrice"));
  EXPECT_EQ(v["stock"], 2);
}

TEST(Amazon, damaged_twister_data_never_breaks_the_page) {
  // Indices out of range, wrong types, ids that are no ASIN: those children are skipped.
  auto r = parse(R"(<html><head><link rel="canonical" href="https://www.amazon.com/dp/B0KETTLE01"></head><body>
    <span id="productTitle">Folding Kettle</span>
    <span id="priceblock_ourprice">$21.00</span>
    <script>var dataToReturn = {"dimensions":["color_name", 7],"variationValues":{"color_name":["Red","Blue"]},
      "asinVariationValues":{"B0KETTLE01":{"color_name":"0"},"B0KETTLE02":{"color_name":"9"},"bad":{"color_name":"1"},
      "B0KETTLE03":"nonsense"},"dimensionValuesDisplayData":{"B0KETTLE04":["Blue"],"B0KETTLE05":{"x":1}}};</script>
    </body></html>)");
  ASSERT_EQ(r["ok"], true) << r.dump();
  const json& item = r["item"];
  ASSERT_TRUE(item.contains("variants")) << item.dump();
  std::vector<std::string> skus;
  for (const auto& v : item["variants"]) skus.push_back(v["skuId"]);
  // The non-string axis is dropped; of the children only those with a readable value remain:
  // B0KETTLE01 (index 0 = Red) and B0KETTLE04 (shown as Blue).
  EXPECT_EQ(skus, (std::vector<std::string>{"B0KETTLE01", "B0KETTLE04"}));
}

TEST(Amazon, a_twister_child_gets_the_buy_box_price_of_the_shown_asin_only) {
  auto r = parse(R"(<html><head><link rel="canonical" href="https://www.amazon.com/dp/B0KETTLE01"></head><body>
    <span id="productTitle">Folding Kettle</span><input type="hidden" id="ASIN" value="B0KETTLE01">
    <span id="priceblock_ourprice">$21.00</span>
    <script>var dataToReturn = {"dimensions":["color_name"],"variationValues":{"color_name":["Red","Blue"]},
      "asinVariationValues":{"B0KETTLE02":{"color_name":"1"},"B0KETTLE01":{"color_name":"0"},"B0KETTLE09":{"color_name":"7"}},
      "dimensionValuesDisplayData":{"B0KETTLE01":["Red"],"B0KETTLE02":["Blue"]}};</script>
    </body></html>)");
  ASSERT_EQ(r["ok"], true) << r.dump();
  const json& vs = r["item"]["variants"];
  ASSERT_EQ(vs.size(), 2u) << vs.dump();
  EXPECT_EQ(vs[0]["skuId"], "B0KETTLE01");
  EXPECT_EQ(vs[0]["optionValues"][0], "Red");
  EXPECT_EQ(vs[0]["price"], "21.00");
  EXPECT_EQ(vs[1]["skuId"], "B0KETTLE02");
  EXPECT_FALSE(vs[1].contains("price"));
}

// Sponsored results on search pages link only through "/sspa/click?...&url=%2F...%2Fdp%2F<ASIN>".
TEST(Amazon, sponsored_search_results_are_among_the_product_links) {
  auto links = extract::find_product_links(
      R"(<a href="/sspa/click?ie=UTF8&amp;spc=MTox&amp;url=%2FLumina-Pillow%2Fdp%2FB0LUMINA01%2Fref%3Dsr_1_3_sspa">x</a>)",
      "https://www.amazon.com/s?k=pillow");
  EXPECT_EQ(links, std::vector<std::string>{"https://www.amazon.com/dp/B0LUMINA01"});
}

}  // namespace
}  // namespace caiji
