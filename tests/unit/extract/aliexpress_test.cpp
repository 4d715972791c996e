// The AliExpress adapter's tricky parts: prices and their currency, which id is the item's,
// how SKUs find their option values, and pages whose data is broken or partial. Whole-page
// behaviour per generation is in the golden fixtures (tests/fixtures/pages/aliexpress_*).

#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "core/extract/api.hpp"
#include "core/extract/sites/aliexpress_parts.hpp"

namespace caiji {
namespace {

using Json = nlohmann::json;

Json collect(const std::string& html) {
  return Json::parse(extract::extract_json(html, "", R"({"collectedAt":"2026-01-01T00:00:00Z","via":"file"})"));
}

// A 2020-style item page whose runParams data is `data`.
std::string runparams_page(const std::string& data, const std::string& canonical = "https://www.aliexpress.com/item/1005001234567890.html") {
  return "<html><head><link rel=\"canonical\" href=\"" + canonical +
         "\"></head><body><script>window.runParams = {data: " + data + "};</script></body></html>";
}

// One SKU with one axis value, its skuVal given.
std::string one_sku_data(const std::string& sku_val) {
  return R"({"titleModule":{"subject":"Test Lamp"},"imageModule":{"imagePathList":["https://ae01.alicdn.com/kf/H1.jpg"]},
  "commonModule":{"currencyCode":"USD"},
  "skuModule":{"productSKUPropertyList":[{"skuPropertyId":14,"skuPropertyName":"Color","skuPropertyValues":[
    {"propertyValueDisplayName":"Red","propertyValueId":10}]}],
  "skuPriceList":[{"skuAttr":"14:10#Red","skuIdStr":"1001","skuVal":)" +
         sku_val + "}]}}";
}

struct PriceCase {
  const char* story;
  const char* sku_val;
  const char* price;     // "" = none
  const char* original;  // "" = none
};

TEST(AliExpress, sale_and_original_prices_are_never_swapped) {
  const PriceCase cases[] = {
      {"a sale: pay the activity price, the regular one is struck through",
       R"({"isActivity":true,"skuActivityAmount":{"currency":"USD","value":3.5},"skuAmount":{"currency":"USD","value":7}})",
       "3.50", "7.00"},
      {"no sale: the regular price is what the buyer pays",
       R"({"isActivity":false,"skuAmount":{"currency":"USD","value":7}})", "7.00", ""},
      {"isActivity false wins over a leftover activity amount",
       R"({"isActivity":false,"skuActivityAmount":{"currency":"USD","value":3.5},"skuAmount":{"currency":"USD","value":7}})",
       "7.00", ""},
      {"a sale at the regular price shows nothing struck through",
       R"({"isActivity":true,"skuActivityAmount":{"currency":"USD","value":7},"skuAmount":{"currency":"USD","value":7}})",
       "7.00", ""},
      {"an activity price above the regular one is still what the buyer pays, with nothing struck through",
       R"({"isActivity":true,"skuActivityAmount":{"currency":"USD","value":9},"skuAmount":{"currency":"USD","value":7}})",
       "9.00", ""},
      {"the page hides the original price (hideOriPrice)",
       R"({"isActivity":true,"hideOriPrice":true,"skuActivityAmount":{"currency":"USD","value":3.5},"skuAmount":{"currency":"USD","value":7}})",
       "3.50", ""},
      {"amounts without a number are read from their printed text",
       R"({"isActivity":true,"skuActivityAmount":{"currency":"USD","formatedAmount":"US $1,234.50"},"skuAmount":{"currency":"USD","formatedAmount":"US $2,000.00"}})",
       "1234.50", "2000.00"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.story);
    Json r = collect(runparams_page(one_sku_data(c.sku_val)));
    ASSERT_TRUE(r["ok"].get<bool>()) << r.dump();
    const Json& v = r["item"]["variants"][0];
    EXPECT_EQ(v.value("price", ""), c.price);
    EXPECT_EQ(v.value("originalPrice", ""), c.original);
    EXPECT_EQ(r["item"]["currency"], "USD");
  }
}

TEST(AliExpress, item_ids_shifted_by_two_to_the_51_are_mapped_back) {
  using extract::aliexpress::real_product_id;
  // 2022 pages: data, og:url and itemDetailUrl carry the id plus 2^51; the canonical link has the real one.
  EXPECT_EQ(real_product_id("2251832701916007"), "32888230759");
  EXPECT_EQ(real_product_id("3256802425743915"), "1005002612058667");
  // Real ids of every era pass unchanged.
  EXPECT_EQ(real_product_id("32993251330"), "32993251330");
  EXPECT_EQ(real_product_id("4000465717631"), "4000465717631");
  EXPECT_EQ(real_product_id("1005006722922099"), "1005006722922099");
  EXPECT_EQ(real_product_id("12a"), "");
  EXPECT_EQ(real_product_id("99999999999999999999999"), "");
}

TEST(AliExpress, the_item_id_comes_from_the_item_address) {
  using extract::aliexpress::product_id_from_url;
  EXPECT_EQ(product_id_from_url("https://www.aliexpress.com/item/1005002612058667.html?spm=a2g0o"), "1005002612058667");
  EXPECT_EQ(product_id_from_url("//he.aliexpress.com/item/32995535623.html?src=ibdm"), "32995535623");
  EXPECT_EQ(product_id_from_url("https://www.aliexpress.com/item/3-1-Corer/32995535623.html"), "32995535623");
  EXPECT_EQ(product_id_from_url("https://he.aliexpress.com/store/product/3-1-Corer/3828002_32995535623.html"),
            "32995535623");
  EXPECT_EQ(product_id_from_url("https://www.aliexpress.com/item/3256802425743915.html"), "1005002612058667");
  EXPECT_EQ(product_id_from_url("https://www.aliexpress.com/store/1101255221"), "");
  EXPECT_EQ(product_id_from_url("not a url"), "");
}

TEST(AliExpress, a_page_without_canonical_link_still_gets_the_real_id) {
  // Only og:url, with the shifted id: the item must not be stored under a second key.
  std::string html =
      "<html><head><meta property=\"og:url\" content=\"//www.aliexpress.com/item/2251832701916007.html?src=ibdm\">"
      "</head><body><script>window.runParams = {data: " +
      one_sku_data(R"({"skuAmount":{"currency":"USD","value":7}})") + "};</script></body></html>";
  Json r = collect(html);
  ASSERT_TRUE(r["ok"].get<bool>()) << r.dump();
  EXPECT_EQ(r["item"]["source"]["productId"], "32888230759");
  EXPECT_EQ(r["item"]["source"]["dedupKey"], "aliexpress:32888230759");
}

TEST(AliExpress, titles_lose_the_aliexpress_tail) {
  using extract::aliexpress::strip_title_suffix;
  EXPECT_EQ(strip_title_suffix("Nowa wersja Pagoda pro - AliExpress 26"), "Nowa wersja Pagoda pro");
  EXPECT_EQ(strip_title_suffix("Lamp|Lighting| - AliExpress"), "Lamp|Lighting|");
  EXPECT_EQ(strip_title_suffix("AliExpress Choice Lamp"), "AliExpress Choice Lamp");
  EXPECT_EQ(strip_title_suffix("Case for AliExpress fans"), "Case for AliExpress fans");
  EXPECT_EQ(strip_title_suffix("AliExpress"), "AliExpress");
}

TEST(AliExpress, option_values_follow_skuAttr_whatever_its_order) {
  // skuAttr names the axis of each value, so its order need not match the property list;
  // without skuAttr, skuPropIds lists one value per axis in the list's order.
  std::string data = R"({"titleModule":{"subject":"Goggles"},"commonModule":{"currencyCode":"USD"},
  "skuModule":{"productSKUPropertyList":[
    {"skuPropertyId":14,"skuPropertyName":"Color","skuPropertyValues":[{"propertyValueDisplayName":"01 Army","propertyValueId":193},{"propertyValueDisplayName":"02 Gold","propertyValueId":350850}]},
    {"skuPropertyId":200007763,"skuPropertyName":"Ships From","skuPropertyValues":[{"propertyValueDisplayName":"China","propertyValueId":201336100},{"propertyValueDisplayName":"Spain","propertyValueId":201336104}]}],
  "skuPriceList":[
    {"skuAttr":"200007763:201336104;14:350850#02 Gold","skuIdStr":"1","skuVal":{"skuAmount":{"currency":"USD","value":2}}},
    {"skuPropIds":"193,201336100","skuIdStr":"2","skuVal":{"skuAmount":{"currency":"USD","value":3}}},
    {"skuAttr":"14:999#Custom Only;200007763:201336100","skuIdStr":"3","skuVal":{"skuAmount":{"currency":"USD","value":4}}}]}})";
  Json r = collect(runparams_page(data));
  ASSERT_TRUE(r["ok"].get<bool>()) << r.dump();
  const Json& v = r["item"]["variants"];
  ASSERT_EQ(v.size(), 3u);
  EXPECT_EQ(v[0]["optionValues"], Json({"02 Gold", "Spain"}));
  EXPECT_EQ(v[1]["optionValues"], Json({"01 Army", "China"}));
  // A value missing from the property list keeps the seller's name from skuAttr.
  EXPECT_EQ(v[2]["optionValues"], Json({"Custom Only", "China"}));
}

TEST(AliExpress, lists_kept_as_text_are_read) {
  // 2023 pages repeat the SKUs as the JSON string priceComponent.skuJson; one scraper's saved page
  // holds the property list in Python's repr ('…', False).
  std::string data = R"({"productInfoComponent":{"idStr":"32995535623","subject":"Avocado slicer"},
  "currencyComponent":{"currencyCode":"ILS"},
  "skuComponent":{"hasSkuProperty":"True","productSKUPropertyList":"[{'showTypeColor': False, 'skuPropertyId': 14, 'skuPropertyName': 'Color', 'skuPropertyValues': [{'propertyValueDisplayName': 'Green2', 'propertyValueId': 200006151, 'skuPropertyImagePath': 'https://ae01.alicdn.com/kf/H84.jpg_640x640.jpg'}]}]"},
  "priceComponent":{"skuJson":"[{\"skuAttr\":\"14:200006151#Green2\",\"skuIdStr\":\"1200\",\"skuVal\":{\"availQuantity\":5,\"isActivity\":true,\"skuActivityAmount\":{\"currency\":\"ILS\",\"value\":7.81},\"skuAmount\":{\"currency\":\"ILS\",\"value\":12.8}}}]"}})";
  Json r = collect(runparams_page(data, "https://he.aliexpress.com/item/32995535623.html"));
  ASSERT_TRUE(r["ok"].get<bool>()) << r.dump();
  const Json& item = r["item"];
  EXPECT_EQ(item["options"][0]["values"][0]["name"], "Green2");
  EXPECT_EQ(item["options"][0]["values"][0]["image"], "https://ae01.alicdn.com/kf/H84.jpg");
  EXPECT_EQ(item["variants"][0]["optionValues"], Json({"Green2"}));
  EXPECT_EQ(item["variants"][0]["price"], "7.81");
  EXPECT_EQ(item["variants"][0]["originalPrice"], "12.80");
  EXPECT_EQ(item["variants"][0]["stock"], 5);
  EXPECT_EQ(item["currency"], "ILS");
}

TEST(AliExpress, a_sku_priced_in_another_currency_is_not_mixed_in) {
  std::string data = R"({"titleModule":{"subject":"Mug"},"commonModule":{"currencyCode":"EUR"},
  "skuModule":{"productSKUPropertyList":[{"skuPropertyId":14,"skuPropertyName":"Color","skuPropertyValues":[
    {"propertyValueDisplayName":"Red","propertyValueId":10},{"propertyValueDisplayName":"Blue","propertyValueId":173}]}],
  "skuPriceList":[
    {"skuAttr":"14:10","skuIdStr":"1","skuVal":{"skuAmount":{"currency":"EUR","value":5}}},
    {"skuAttr":"14:173","skuIdStr":"2","skuVal":{"skuAmount":{"currency":"USD","value":6}}}]}})";
  Json r = collect(runparams_page(data));
  ASSERT_TRUE(r["ok"].get<bool>()) << r.dump();
  EXPECT_EQ(r["item"]["currency"], "EUR");
  EXPECT_EQ(r["item"]["variants"][0]["price"], "5.00");
  EXPECT_FALSE(r["item"]["variants"][1].contains("price"));
  EXPECT_EQ(r["item"]["price"], Json({{"min", "5.00"}, {"max", "5.00"}}));
}

TEST(AliExpress, sold_out_skus_stay_out_of_the_price_range) {
  // As on the page: a sold-out SKU keeps its regular price, which the page's range leaves out.
  std::string data = R"({"titleModule":{"subject":"Glasses"},"commonModule":{"currencyCode":"USD"},
  "skuModule":{"productSKUPropertyList":[{"skuPropertyId":14,"skuPropertyName":"Color","skuPropertyValues":[
    {"propertyValueDisplayName":"A","propertyValueId":1},{"propertyValueDisplayName":"B","propertyValueId":2}]}],
  "skuPriceList":[
    {"skuAttr":"14:1","skuVal":{"availQuantity":10,"isActivity":true,"skuActivityAmount":{"currency":"USD","value":0.06},"skuAmount":{"currency":"USD","value":0.1}}},
    {"skuAttr":"14:2","skuVal":{"availQuantity":0,"skuAmount":{"currency":"USD","value":8.12}}}]}})";
  Json r = collect(runparams_page(data));
  ASSERT_TRUE(r["ok"].get<bool>()) << r.dump();
  EXPECT_EQ(r["item"]["price"], Json({{"min", "0.06"}, {"max", "0.06"}}));
  EXPECT_EQ(r["item"]["variants"][1]["stock"], 0);
}

TEST(AliExpress, the_page_wide_range_is_used_when_no_sku_has_a_price) {
  std::string data = R"({"titleModule":{"subject":"Kettle"},"commonModule":{"currencyCode":"EUR"},
  "priceModule":{"minActivityAmount":{"currency":"EUR","value":12.9},"maxActivityAmount":{"currency":"EUR","value":17.5},
                 "minAmount":{"currency":"EUR","value":21.5},"maxAmount":{"currency":"EUR","value":25}}})";
  Json r = collect(runparams_page(data));
  ASSERT_TRUE(r["ok"].get<bool>()) << r.dump();
  EXPECT_EQ(r["item"]["price"], Json({{"min", "12.90"}, {"max", "17.50"}}));
  EXPECT_EQ(r["item"]["currency"], "EUR");
}

TEST(AliExpress, a_rendered_page_with_several_axes_gives_options_but_no_guessed_variants) {
  std::string html = R"(<html><head><link rel="canonical" href="https://www.aliexpress.us/item/3256799813685249.html"></head><body>
<script>window._d_c_ = window._d_c_ || {}; window._d_c_.DCData = {"imagePathList":["https://ae01.alicdn.com/kf/S1.jpg"]};</script>
<div class="pdp-info-right"><div class="price--current--I3Zeidd"><span class="price--currentPriceText--V8_y_b5">US $4.99</span></div>
<h1 data-pl="product-title">Shirt</h1>
<div class="sku-item--property--HuasaIz"><div class="sku-item--title--Z0HLO87"><span>Color: <span>Red</span></span></div>
  <div data-sku-col="14-10" class="sku-item--selected--ITGY_EO"><img src="https://ae01.alicdn.com/kf/S2.jpg_220x220.jpg" alt="Red"></div>
  <div data-sku-col="14-173" class="sku-item--image--x"><img src="https://ae01.alicdn.com/kf/S3.jpg_220x220.jpg" alt="Blue"></div></div>
<div class="sku-item--property--HuasaIz"><div class="sku-item--title--Z0HLO87"><span>Size: <span>M</span></span></div>
  <div data-sku-col="5-1" class="sku-item--text--a sku-item--selected--ITGY_EO" title="M"><span>M</span></div>
  <div data-sku-col="5-2" class="sku-item--text--a"><span>L</span></div></div>
</div></body></html>)";
  Json r = collect(html);
  ASSERT_TRUE(r["ok"].get<bool>()) << r.dump();
  const Json& item = r["item"];
  EXPECT_EQ(item["source"]["productId"], "1005000000000001");
  EXPECT_EQ(item["price"], Json({{"min", "4.99"}, {"max", "4.99"}}));
  EXPECT_EQ(item["currency"], "USD");
  ASSERT_EQ(item["options"].size(), 2u);
  EXPECT_EQ(item["options"][1]["name"], "Size");
  EXPECT_EQ(item["options"][1]["values"][1]["name"], "L");
  EXPECT_FALSE(item.contains("variants"));
  EXPECT_EQ(item["warnings"][0]["code"], "sku_prices_need_endpoint");
}

TEST(AliExpress, broken_data_never_crashes_the_parser) {
  const char* broken[] = {
      R"({"titleModule":[],"skuModule":"nonsense"})",
      R"({"titleModule":{"subject":5},"skuModule":{"productSKUPropertyList":{"a":1},"skuPriceList":[1,"x",null,{}]}})",
      R"({"titleModule":{"subject":"x"},"skuModule":{"productSKUPropertyList":[{"skuPropertyValues":"[[["}],"skuPriceList":[{"skuAttr":";;;:#;14:","skuVal":{"skuAmount":{"value":-3},"availQuantity":-1}}]}})",
      R"({"titleModule":{"subject":"x"},"skuModule":{"skuPriceList":[{"skuAttr":"14:1","skuVal":{"skuAmount":{"currency":"USD","value":1e400}}}]}})",
      R"({"productInfoComponent":null,"priceComponent":{"skuJson":"[{"}})",
      R"({"productInfoComponent":{"idStr":"99999999999999999999999999"},"priceComponent":{"skuPriceList":[{"skuVal":{"skuAmount":"12"}}]},"breadcrumbComponent":{"pathList":[{"cateId":"x"},7]}})",
  };
  for (const char* data : broken) {
    SCOPED_TRACE(data);
    Json r = collect(runparams_page(data));
    EXPECT_TRUE(r.contains("ok")) << r.dump();
  }
}

}  // namespace
}  // namespace caiji
