// WooCommerce adapter: variation attributes, "any" values and broken data.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/extract/api.hpp"

namespace caiji {
namespace {

nlohmann::json parse(const std::string& html) {
  return nlohmann::json::parse(extract::extract_json(html, "", R"({"collectedAt":"2026-01-01T00:00:00Z","via":"file"})"));
}

std::string product_page(const std::string& variations_attr) {
  return "<html><head><link rel=\"canonical\" href=\"https://shop.example/product/cap/\">"
         "<meta property=\"product:price:currency\" content=\"AUD\"></head><body class=\"single-product woocommerce\">"
         "<div class=\"product\"><div class=\"summary\"><h1 class=\"product_title\">Cap</h1>"
         "<form class=\"variations_form\" data-product_id=\"9\" data-product_variations=\"" + variations_attr + "\">"
         "<select name=\"attribute_pa_color\" id=\"pa_color\"><option value=\"\">Choose</option><option value=\"red\">Red</option></select>"
         "</form></div></div></body></html>";
}

TEST(WooCommerce, attribute_slugs_become_the_labels_buyers_see) {
  auto r = parse(product_page(
      "[{&quot;attributes&quot;:{&quot;attribute_pa_color&quot;:&quot;red&quot;},&quot;display_price&quot;:25,"
      "&quot;display_regular_price&quot;:30,&quot;is_in_stock&quot;:true,&quot;max_qty&quot;:4,&quot;variation_id&quot;:10}]"));
  ASSERT_EQ(r["ok"], true) << r.dump();
  const auto& v = r["item"]["variants"][0];
  EXPECT_EQ(v["optionValues"][0], "Red");
  EXPECT_EQ(v["price"], "25.00");
  EXPECT_EQ(v["originalPrice"], "30.00");
  EXPECT_EQ(v["stock"], 4);
  EXPECT_EQ(r["item"]["currency"], "AUD");
  EXPECT_EQ(r["item"]["options"][0]["name"], "Color");  // no <label>: named from the slug
}

TEST(WooCommerce, a_regular_price_equal_to_the_price_is_not_a_discount) {
  auto r = parse(product_page(
      "[{&quot;attributes&quot;:{&quot;attribute_pa_color&quot;:&quot;red&quot;},&quot;display_price&quot;:25,"
      "&quot;display_regular_price&quot;:25,&quot;variation_id&quot;:10}]"));
  ASSERT_EQ(r["ok"], true) << r.dump();
  EXPECT_FALSE(r["item"]["variants"][0].contains("originalPrice"));
}

TEST(WooCommerce, unreadable_variations_are_reported_not_fatal) {
  for (const char* attr : {"[{", "{}", "[1,2,null]", "[{&quot;attributes&quot;:5,&quot;display_price&quot;:[]}]"}) {
    auto r = parse(product_page(attr));
    EXPECT_TRUE(r.contains("ok")) << attr;
  }
}

}  // namespace
}  // namespace caiji
