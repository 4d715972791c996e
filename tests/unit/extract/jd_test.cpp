// JD adapter: what the fixture pages alone do not pin down.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/extract/api.hpp"

namespace caiji {
namespace {

nlohmann::json parse(const std::string& html) {
  return nlohmann::json::parse(extract::extract_json(html, "", R"({"collectedAt":"2026-01-01T00:00:00Z","via":"file"})"));
}

std::string item_page(const std::string& config, const std::string& body) {
  return "<html><head><link rel=\"canonical\" href=\"https://item.jd.com/100200.html\"><script>var pageConfig = {product: " +
         config + "};</script></head><body>" + body + "</body></html>";
}

bool has_warning(const nlohmann::json& item, const std::string& code) {
  for (const auto& w : item.value("warnings", nlohmann::json::array()))
    if (w.value("code", "") == code) return true;
  return false;
}

TEST(Jd, a_saved_item_page_says_the_price_comes_from_jd_price_service) {
  auto r = parse(item_page("{skuid: 100200, name: 'Tea cup', imageList: ['jfs/t1/a.jpg']}",
                           "<div class=\"sku-name\">Tea cup</div><span class=\"price J-p-100200\"></span>"));
  ASSERT_EQ(r["ok"], true) << r.dump();
  EXPECT_FALSE(r["item"].contains("price"));
  EXPECT_EQ(r["item"]["currency"], "CNY");
  EXPECT_TRUE(has_warning(r["item"], "price_needs_endpoint"));
}

TEST(Jd, the_empty_template_price_of_zero_is_not_a_price) {
  auto r = parse(item_page("{skuid: 100200, name: 'Tea cup'}", "<span class=\"price J-p-100200\">.00</span>"));
  ASSERT_EQ(r["ok"], true) << r.dump();
  EXPECT_FALSE(r["item"].contains("price"));
  EXPECT_TRUE(has_warning(r["item"], "price_needs_endpoint"));
}

TEST(Jd, a_price_the_page_does_show_is_kept) {
  auto r = parse(item_page("{skuid: 100200, name: 'Tea cup'}", "<span class=\"price J-p-100200\">59.90</span>"));
  ASSERT_EQ(r["ok"], true) << r.dump();
  EXPECT_EQ(r["item"]["price"]["min"], "59.90");
  EXPECT_FALSE(has_warning(r["item"], "price_needs_endpoint"));
}

TEST(Jd, gallery_paths_become_original_size_pictures) {
  auto r = parse(item_page("{skuid: 100200, name: 'Tea cup', imageList: ['jfs/t1/5360/9/2200/aa/b.jpg']}", ""));
  ASSERT_EQ(r["ok"], true) << r.dump();
  EXPECT_EQ(r["item"]["images"]["main"][0], "https://img10.360buyimg.com/n0/jfs/t1/5360/9/2200/aa/b.jpg");
}

TEST(Jd, colour_and_size_follow_the_order_of_the_choice_blocks) {
  std::string config =
      "{skuid: 100200, name: 'Shirt', colorSize: [{\"skuId\":100200,\"尺码\":\"M\",\"颜色\":\"白\"},"
      "{\"skuId\":100201,\"尺码\":\"L\",\"颜色\":\"白\"}]}";
  std::string body =
      "<div id=\"choose-attr-1\" data-type=\"颜色\"><div class=\"item\" data-sku=\"100200\" data-value=\"白\"></div></div>"
      "<div id=\"choose-attr-2\" data-type=\"尺码\"><div class=\"item\" data-sku=\"100200\" data-value=\"M\"></div>"
      "<div class=\"item\" data-sku=\"100201\" data-value=\"L\"></div></div>";
  auto r = parse(item_page(config, body));
  ASSERT_EQ(r["ok"], true) << r.dump();
  const auto& item = r["item"];
  ASSERT_EQ(item["options"].size(), 2u);
  EXPECT_EQ(item["options"][0]["name"], "颜色");
  EXPECT_EQ(item["options"][1]["name"], "尺码");
  EXPECT_EQ(item["variants"][1]["skuId"], "100201");
  EXPECT_EQ(item["variants"][1]["optionValues"], nlohmann::json({"白", "L"}));
}

TEST(Jd, page_config_of_the_wrong_shape_does_not_crash) {
  for (const char* config : {"[]", "{skuid: {}}", "{skuid: 1, colorSize: 'x', imageList: {a: 1}}",
                             "{skuid: 1, colorSize: [1, null, {\"skuId\": []}], catName: 5}"}) {
    auto r = parse(item_page(config, "<div id=\"choose-attr-1\"></div>"));
    EXPECT_TRUE(r.contains("ok")) << config;
  }
}

}  // namespace
}  // namespace caiji
