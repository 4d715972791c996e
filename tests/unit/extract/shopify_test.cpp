// Shopify adapter: cents, the no-options product, and pages that are not Shopify.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/extract/api.hpp"

namespace caiji {
namespace {

nlohmann::json parse(const std::string& html) {
  return nlohmann::json::parse(extract::extract_json(html, "", R"({"collectedAt":"2026-01-01T00:00:00Z","via":"file"})"));
}

std::string store_page(const std::string& currency, const std::string& product) {
  return "<html><head><link rel=\"canonical\" href=\"https://shop.example/products/x\"><script>Shopify.shop = \"x.myshopify.com\";"
         "Shopify.currency = {\"active\":\"" + currency + "\",\"rate\":\"1.0\"};</script></head><body>"
         "<script type=\"application/json\" data-product-json>" + product + "</script></body></html>";
}

struct CentsCase {
  const char* currency;
  const char* amount;  // as the theme writes it
  const char* expected;
};

TEST(Shopify, prices_in_cents_convert_exactly_for_every_currency) {
  const CentsCase cases[] = {
      {"USD", "1999", "19.99"}, {"USD", "5", "0.05"},   {"EUR", "100000", "1000.00"},
      {"JPY", "280000", "2800"}, {"USD", "\"1999\"", "19.99"}, {"USD", "\"19.99\"", "19.99"},
      {"USD", "1999.0", "19.99"}, {"KWD", "1250", "12.500"},
  };
  for (const auto& c : cases) {
    std::string product = std::string("{\"id\":1,\"title\":\"Mug\",\"options\":[\"Title\"],\"variants\":[{\"id\":2,\"option1\":\"Default Title\",\"price\":") +
                          c.amount + "}]}";
    auto r = parse(store_page(c.currency, product));
    ASSERT_EQ(r["ok"], true) << r.dump();
    EXPECT_EQ(r["item"]["variants"][0]["price"], c.expected) << c.currency << " " << c.amount;
  }
}

TEST(Shopify, a_product_without_options_has_no_default_title_option) {
  auto r = parse(store_page("USD", R"({"id":1,"title":"Mug","options":["Title"],"variants":[{"id":2,"option1":"Default Title","price":1500,"compare_at_price":2000,"available":true}]})"));
  ASSERT_EQ(r["ok"], true) << r.dump();
  EXPECT_FALSE(r["item"].contains("options"));
  ASSERT_EQ(r["item"]["variants"].size(), 1u);
  EXPECT_EQ(r["item"]["variants"][0]["originalPrice"], "20.00");
  EXPECT_EQ(r["item"]["price"]["min"], "15.00");
}

TEST(Shopify, a_sold_out_variant_has_stock_zero) {
  auto r = parse(store_page("USD", R"({"id":1,"title":"Mug","options":["Size"],"variants":[{"id":2,"option1":"S","price":1500,"available":false},{"id":3,"option1":"M","price":1500,"available":true}]})"));
  ASSERT_EQ(r["ok"], true) << r.dump();
  EXPECT_EQ(r["item"]["variants"][0]["stock"], 0);
  EXPECT_FALSE(r["item"]["variants"][1].contains("stock"));
}

TEST(Shopify, a_products_path_on_a_store_that_is_not_shopify_stays_generic) {
  auto r = parse(R"(<html><head><link rel="canonical" href="https://www.potterybarn.example/products/lamp/">
    <script type="application/ld+json">{"@type":"Product","name":"Lamp","offers":{"price":"10.00","priceCurrency":"USD"}}</script></head></html>)");
  ASSERT_EQ(r["ok"], true) << r.dump();
  EXPECT_EQ(r["item"]["source"]["platform"], "generic");
}

TEST(Shopify, broken_product_json_does_not_crash) {
  for (const char* product : {"[]", "{", "{\"variants\":{}}", "{\"variants\":[1,null,{\"price\":-5}],\"options\":[{}]}",
                              "{\"images\":[{},3],\"variants\":[{\"price\":\"abc\",\"option1\":[]}]}"}) {
    auto r = parse(store_page("USD", product));
    EXPECT_TRUE(r.contains("ok")) << product;
  }
}

}  // namespace
}  // namespace caiji
