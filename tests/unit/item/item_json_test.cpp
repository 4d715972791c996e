#include <gtest/gtest.h>

#include "core/item/item_json.hpp"

namespace caiji {
namespace {

Item full_item() {
  Item item;
  item.source = Source{"1688", "https://detail.1688.com/offer/1.html?spm=x", "https://detail.1688.com/offer/1.html",
                       "1", "1688:1", Shop{"shop9", "义乌小商品厂", "https://shop9.1688.com"}};
  item.title = "蕾丝文胸 Lace bra";
  item.description_html = "<p>Soft</p>";
  item.description_url = "https://desc.example/1";
  item.images.main = {"https://img.example/1.jpg", "https://img.example/2.jpg"};
  item.images.description = {"https://img.example/d1.jpg"};
  item.video = Video{"https://v.example/1.mp4", "https://img.example/p.jpg"};
  item.currency = "CNY";
  item.price = PriceRange{"15.80", "16.50"};
  item.price_tiers = {{2, "16.50"}, {50, "15.80"}};
  item.min_order_quantity = 2;
  item.options = {Option{"颜色", {{"红色", "https://img.example/red.jpg"}, {"黑色", ""}}}, Option{"尺码", {{"M", ""}}}};
  item.variants = {Variant{"111", {"红色", "M"}, "16.50", "20.00", 0, "https://img.example/red.jpg"},
                   Variant{"112", {"黑色", "M"}, std::nullopt, std::nullopt, std::nullopt, ""}};
  item.attributes = {{"材质", "蕾丝"}};
  item.category_path = {"服装", "内衣"};
  item.brand = "Acme";
  item.highlights = {"Soft", "Light"};
  item.weight = Weight{"0.20", "kg"};
  item.dimensions = Dimensions{"10", "5", "2", "cm"};
  item.collected_at = "2026-11-27T06:00:00Z";
  item.provenance = Provenance{"0.1.0", "page", {{"title", "1688.context"}, {"images", "jsonld"}}};
  item.warnings = {{"missing_weight", "no weight"}};
  return item;
}

TEST(ItemJson, every_field_survives_a_round_trip) {
  Item item = full_item();
  auto back = item_from_json(item_to_json(item));
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(*back, item);
  EXPECT_EQ(item_to_json_text(*back), item_to_json_text(item));
}

TEST(ItemJson, an_empty_item_round_trips_too) {
  Item item;
  auto back = item_from_json_text(item_to_json_text(item));
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(*back, item);
}

TEST(ItemJson, money_is_written_as_strings_and_schema_version_is_always_present) {
  auto j = item_to_json(full_item());
  EXPECT_EQ(j["schemaVersion"], 1);
  EXPECT_TRUE(j["price"]["min"].is_string());
  EXPECT_TRUE(j["variants"][0]["price"].is_string());
  EXPECT_EQ(j["priceTiers"][1]["minQuantity"], 50);
}

TEST(ItemJson, option_images_are_listed_by_option_and_value) {
  auto j = item_to_json(full_item());
  EXPECT_EQ(j["images"]["byOption"]["颜色"]["红色"], "https://img.example/red.jpg");
  EXPECT_FALSE(j["images"]["byOption"]["颜色"].contains("黑色"));
}

TEST(ItemJson, a_wrong_type_is_an_error_naming_its_path) {
  auto j = item_to_json(full_item());
  j["variants"][1]["stock"] = "many";
  auto r = item_from_json(j);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::malformed_input);
  EXPECT_EQ(r.error().message, "$.variants[1].stock must be an integer");
}

TEST(ItemJson, a_newer_schema_version_is_refused_with_a_clear_message) {
  auto j = item_to_json(full_item());
  j["schemaVersion"] = 2;
  auto r = item_from_json(j);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::unsupported);
  EXPECT_NE(r.error().message.find("version 2"), std::string::npos);
}

TEST(ItemJson, text_that_is_not_json_is_malformed_input) {
  for (const char* bad : {"", "{", "[1,2]", "null", "{\"schemaVersion\": \"1\"}"}) {
    auto r = item_from_json_text(bad);
    EXPECT_FALSE(r) << bad;
  }
}

TEST(ItemJson, invalid_utf8_in_an_edited_field_still_serializes) {
  Item item = full_item();
  item.title = "bad \xFF";
  std::string text = item_to_json_text(item);
  EXPECT_NE(text.find("bad \xEF\xBF\xBD"), std::string::npos);
}

}  // namespace
}  // namespace caiji
