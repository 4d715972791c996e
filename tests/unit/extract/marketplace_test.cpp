// Marketplace readers (Shopee, Lazada, Temu, Walmart, VTEX): the parts fixtures do not pin down.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/extract/api.hpp"
#include "core/extract/sites/marketplace_json.hpp"

namespace caiji {
namespace {

nlohmann::json parse(const std::string& html) {
  return nlohmann::json::parse(extract::extract_json(html, "", R"({"collectedAt":"2026-01-01T00:00:00Z","via":"file"})"));
}

TEST(Marketplace, shopee_prices_in_hundred_thousandths_convert_exactly) {
  using extract::marketplace::scaled_money;
  EXPECT_EQ(scaled_money(nlohmann::json(1990000), 100000, "SGD"), "19.90");
  EXPECT_EQ(scaled_money(nlohmann::json(5), 100000, "SGD"), "0.00005");
  EXPECT_EQ(scaled_money(nlohmann::json(2500000000LL), 100000, "VND"), "25000");
  EXPECT_EQ(scaled_money(nlohmann::json(-1), 100000, "SGD"), std::nullopt);
  EXPECT_EQ(scaled_money(nlohmann::json("x"), 100000, "SGD"), std::nullopt);
}

TEST(Marketplace, a_shopee_page_without_item_data_still_knows_its_ids_from_the_address) {
  auto r = parse(R"(<html><head><link rel="canonical" href="https://shopee.ph/Rice-Cooker-i.12345.67890?sp_atk=x">
    <meta property="og:title" content="Rice Cooker"><meta property="og:price:amount" content="999"><meta property="og:price:currency" content="PHP"></head></html>)");
  ASSERT_EQ(r["ok"], true) << r.dump();
  EXPECT_EQ(r["item"]["source"]["productId"], "67890");
  EXPECT_EQ(r["item"]["source"]["shop"]["id"], "12345");
  EXPECT_EQ(r["item"]["source"]["platform"], "shopee");
}

TEST(Marketplace, a_vtex_search_page_with_several_products_gives_none_of_them) {
  auto r = parse(R"(<html><head><link rel="canonical" href="https://www.tienda.example/busca?q=salsa"></head><body>
    <template data-type="json" data-varname="__STATE__"><script>{"Product:a":{"productName":"A","productId":"1"},"Product:b":{"productName":"B","productId":"2"}}</script></template>
    <script>var vtex = 1;</script></body></html>)");
  EXPECT_TRUE(r["ok"] == false || r["item"].value("title", "") != "A") << r.dump();
}

TEST(Marketplace, embedded_json_of_the_wrong_shape_does_not_crash) {
  const char* pages[] = {
      R"(<html><head><link rel="canonical" href="https://www.walmart.com/ip/x/1"></head><body><script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"initialData":{"data":{"product":{"variantCriteria":[{"variantList":5}],"variantsMap":{"1":7},"priceInfo":[]}}}}}}</script></body></html>)",
      R"(<html><head><link rel="canonical" href="https://www.lazada.sg/products/x-i1.html"></head><body><script>app.run({data:{root:{fields:{skuInfos:[],productOption:{skuBase:{properties:[{values:7}],skus:[{propPath:":;:x;1"}]}}}}}});</script></body></html>)",
      R"(<html><head><link rel="canonical" href="https://www.temu.com/x-g-1.html"></head><body><script>window.rawData={store:{goods:{goodsName:"x"},sku:[{specs:[{specKey:"C"}],priceInfo:{price:"abc"}},5]}};</script></body></html>)",
      R"(<html><head><link rel="canonical" href="https://shopee.sg/x-i.1.2"></head><body><script type="application/json">{"itemid":1,"shopid":2,"name":"x","models":[{"extinfo":{"tier_index":[9,-1]}}],"tier_variations":[{"name":"C","options":[1]}]}</script></body></html>)",
  };
  for (const char* html : pages) {
    auto r = parse(html);
    EXPECT_TRUE(r.contains("ok")) << html;
  }
}

}  // namespace
}  // namespace caiji
