// 1688 logic that the golden pages do not pin down on their own: quantity tiers versus SKU
// price ranges, the "&gt;" keyed SKU matrix, group-buy original prices, hostile data.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/extract/api.hpp"
#include "core/extract/product_links.hpp"
#include "core/extract/sites/alibaba_1688_parts.hpp"

namespace caiji::extract {
namespace {

using Json = nlohmann::json;

Json parse(const std::string& html) {
  return Json::parse(extract_json(html, "https://detail.1688.com/offer/700000000001.html",
                                  R"({"collectedAt":"2026-01-01T00:00:00Z","via":"file"})"));
}

// A 2024 offer page around one module-data literal.
std::string context_page(const std::string& data_json, const std::string& model = "{}") {
  return "<html><head><title>t</title></head><body><script>window.contextPath = \"/default\"; "
         "window.context=(function(b,d){return d})(window.contextPath,{\"result\":{\"data\":{"
         "\"productTitle\":{\"fields\":{\"title\":\"测试商品\"}},"
         "\"Root\":{\"fields\":{\"dataJson\":" +
         data_json + "}}},\"global\":{\"globalData\":{\"model\":" + model + "}}}});</script></body></html>";
}

struct TierCase {
  const char* name;
  const char* list;
  std::size_t tiers;  // 0: not a tier list
};

void PrintTo(const TierCase& c, std::ostream* os) { *os << c.name; }

class TierCases : public ::testing::TestWithParam<TierCase> {};

TEST_P(TierCases, only_falling_prices_at_rising_quantities_are_quantity_tiers) {
  auto tiers = alibaba_1688::read_tiers(Json::parse(GetParam().list));
  EXPECT_EQ(tiers.size(), GetParam().tiers);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, TierCases,
    ::testing::Values(
        TierCase{"range_price_offer", R"([{"beginAmount":2,"price":"16.50"},{"beginAmount":50,"price":"15.80"}])", 2},
        TierCase{"string_amounts", R"([{"beginAmount":"2","price":"16.50"},{"beginAmount":"50","price":"15.80"}])", 2},
        TierCase{"2019_pairs", R"([[3,12.8],[100,11.6],[500,10.5]])", 3},
        TierCase{"one_price_from_two", R"([{"beginAmount":2,"price":"16.50"}])", 1},
        // SKU-priced offers print their lowest and highest SKU price in the same shape.
        TierCase{"sku_price_low_and_high", R"([{"beginAmount":3,"price":"3.80"},{"beginAmount":3,"price":"8.20"}])", 0},
        TierCase{"price_rising_with_quantity", R"([{"beginAmount":2,"price":"3.80"},{"beginAmount":3,"price":"8.20"}])", 0},
        TierCase{"zero_quantity", R"([{"beginAmount":0,"price":"1.00"}])", 0},
        TierCase{"no_price", R"([{"beginAmount":2}])", 0},
        TierCase{"not_a_list", R"({"beginAmount":2,"price":"1.00"})", 0}));

TEST(Alibaba1688, a_range_price_offer_gives_tiers_and_its_minimum_order) {
  Json r = parse(context_page(
      R"({"orderParamModel":{"orderParam":{"beginNum":2,"skuParam":{"skuPriceType":"rangePrice","skuRangePrices":[{"beginAmount":"2","price":"16.50"},{"beginAmount":"50","price":"15.80"}]}}}})"));
  ASSERT_TRUE(r["ok"].get<bool>()) << r.dump();
  const Json& item = r["item"];
  EXPECT_EQ(item["priceTiers"], Json::parse(R"([{"minQuantity":2,"price":"16.50"},{"minQuantity":50,"price":"15.80"}])"));
  EXPECT_EQ(item["minOrderQuantity"], 2);
  EXPECT_EQ(item["price"], Json::parse(R"({"min":"15.80","max":"16.50"})"));
  EXPECT_EQ(item["currency"], "CNY");
}

TEST(Alibaba1688, a_sku_priced_offer_never_shows_its_price_range_as_tiers) {
  Json r = parse(context_page(
      R"({"skuModel":{"skuProps":[{"prop":"颜色","value":[{"name":"红"},{"name":"蓝"}]}],"skuInfoMap":{"红":{"skuId":1,"price":"3.80","canBookCount":5},"蓝":{"skuId":2,"price":"8.20","canBookCount":6}}}})",
      R"({"tradeModel":{"beginAmount":3,"offerPriceModel":{"priceDisplayType":"skuPrice","currentPrices":[{"beginAmount":3,"price":"3.80"},{"beginAmount":3,"price":"8.20"}]}}})"));
  const Json& item = r["item"];
  EXPECT_FALSE(item.contains("priceTiers")) << item.dump();
  EXPECT_EQ(item["price"], Json::parse(R"({"min":"3.80","max":"8.20"})"));
  EXPECT_EQ(item["minOrderQuantity"], 3);
}

TEST(Alibaba1688, skus_keyed_by_escaped_value_pairs_follow_the_option_order) {
  Json r = parse(context_page(
      R"({"skuModel":{"skuProps":[{"prop":"颜色","value":[{"name":"红色"},{"name":"黑色"}]},{"prop":"尺码","value":[{"name":"M"},{"name":"L"}]}],
          "skuInfoMap":{"黑色&gt;L":{"skuId":4,"price":"2.00"},"红色&gt;M":{"skuId":1,"price":"1.00"},"红色>L":{"skuId":2,"price":"1.50"}}}})"));
  const Json& v = r["item"]["variants"];
  ASSERT_EQ(v.size(), 3u) << r.dump();
  EXPECT_EQ(v[0]["optionValues"], Json::parse(R"(["红色","M"])"));
  EXPECT_EQ(v[1]["optionValues"], Json::parse(R"(["红色","L"])"));
  EXPECT_EQ(v[2]["optionValues"], Json::parse(R"(["黑色","L"])"));
  EXPECT_EQ(v[2]["skuId"], "4");
}

TEST(Alibaba1688, the_sale_price_is_what_the_buyer_pays_and_the_list_price_is_struck_through) {
  Json r = parse(context_page(
      R"({"skuModel":{"skuProps":[{"prop":"颜色","value":[{"name":"红"}]}],"skuInfoMap":{"红":{"skuId":1,"price":"21.50","discountPrice":"19.90","canBookCount":0}}}})"));
  const Json& v = r["item"]["variants"][0];
  EXPECT_EQ(v["price"], "19.90");
  EXPECT_EQ(v["originalPrice"], "21.50");
  EXPECT_EQ(v["stock"], 0);  // sold out, not unknown
}

TEST(Alibaba1688, hostile_module_data_gives_no_crash_and_no_invented_numbers) {
  for (const char* data : {
           R"({"skuModel":{"skuProps":"x","skuInfoMap":[1,2,3]}})",
           R"({"skuModel":{"skuProps":[{"prop":null,"value":[null,{"name":5}]}],"skuInfoMap":{"5":{"price":-3,"canBookCount":"many"}}}})",
           R"({"orderParamModel":{"orderParam":{"beginNum":"abc","skuParam":{"skuRangePrices":[{"beginAmount":-1,"price":"1"}]}}}})",
           R"({"skuModel":null,"images":{"a":1},"tempModel":[]})",
       }) {
    Json r = parse(context_page(data));
    ASSERT_TRUE(r.is_object()) << data;
    if (r.value("ok", false)) {
      const Json& item = r["item"];
      EXPECT_FALSE(item.contains("priceTiers")) << data;
      for (const auto& v : item.value("variants", Json::array())) EXPECT_FALSE(v.contains("price")) << data;
    }
  }
}

TEST(Alibaba1688, a_huge_option_matrix_is_read_without_blowing_up) {
  std::string values;
  for (int i = 0; i < 400; ++i) values += (i ? "," : "") + std::string("{\"name\":\"v") + std::to_string(i) + "\"}";
  std::string props = "[{\"prop\":\"a\",\"value\":[" + values + "]},{\"prop\":\"b\",\"value\":[" + values + "]},{\"prop\":\"c\",\"value\":[" + values + "]}]";
  Json r = parse(context_page("{\"skuModel\":{\"skuProps\":" + props + ",\"skuInfoMap\":{\"v1&gt;v2&gt;v3\":{\"skuId\":9,\"price\":\"1\"}}}}"));
  ASSERT_TRUE(r["ok"].get<bool>());
  ASSERT_EQ(r["item"]["variants"].size(), 1u);
  EXPECT_EQ(r["item"]["variants"][0]["optionValues"], Json::parse(R"(["v1","v2","v3"])"));
}

TEST(Alibaba1688, a_search_page_lists_the_offers_its_script_data_names_by_number) {
  // s.1688.com renders its cards from script data: offers appear as "offerId":<number> only.
  std::string html = R"(<html><head><title>数据线批发</title></head><body><script>
    window.data = {"offerList":[{"offerId":718152613503,"title":"a"},{"offerId":"546639475124","title":"b"},
    {"offerId":718152613503,"tag":"dup"},{"offerId":12,"title":"too short to be an offer"}]};
  </script><a href="https://s.1688.com/selloffer/offer_search.htm">1688.com</a></body></html>)";
  auto links = find_product_links(html, "");
  EXPECT_EQ(links, (std::vector<std::string>{"https://detail.1688.com/offer/718152613503.html",
                                             "https://detail.1688.com/offer/546639475124.html"}));
  // Elsewhere the same key means nothing.
  EXPECT_TRUE(find_product_links(R"({"offerId":718152613503})", "https://shop.example.com/").empty());
}

}  // namespace
}  // namespace caiji::extract
