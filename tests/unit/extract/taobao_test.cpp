// Taobao/Tmall logic the golden pages do not pin down on their own: property paths, the seller's
// own value names, promotion prices, Tmall's g_config, hostile data.

#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "core/extract/api.hpp"
#include "core/extract/sites/taobao_parts.hpp"

namespace caiji::extract {
namespace {

using Json = nlohmann::json;

Json parse(const std::string& html, const char* url = "https://item.taobao.com/item.htm?id=600000000004") {
  return Json::parse(extract_json(html, url, R"({"collectedAt":"2026-01-01T00:00:00Z","via":"file"})"));
}

std::string hub_page(const std::string& dom, const std::string& sku_map, const std::string& memo = "{}") {
  return "<html><head><script>var g_config = {itemId: '600000000004', shopId: '1', idata: {item: {title: '键帽'}}};"
         "</script></head><body>" +
         dom + "<script>Hub.config.set('sku', {valItemInfo: {skuMap: " + sku_map + ", propertyMemoMap: " + memo +
         "}});</script></body></html>";
}

const char* kColorAndPackage =
    R"(<ul data-property="颜色分类"><li data-value="1627207:28320"><a><span>红色</span></a></li><li data-value="1627207:28341"><a><span>黑色</span></a></li></ul>)"
    R"(<ul data-property="套餐类型"><li data-value="5919063:6536025"><a><span>官方标配</span></a></li></ul>)";

TEST(Taobao, a_property_path_matches_whatever_order_it_lists_its_pairs_in) {
  Json r = parse(hub_page(kColorAndPackage,
                          R"({";5919063:6536025;1627207:28341;":{"price":"2.00","stock":"1","skuId":"2"},";1627207:28320;5919063:6536025;":{"price":"1.00","stock":"3","skuId":"1"}})"));
  const Json& v = r["item"]["variants"];
  ASSERT_EQ(v.size(), 2u) << r.dump();
  EXPECT_EQ(v[0]["optionValues"], Json::parse(R"(["红色","官方标配"])"));
  EXPECT_EQ(v[1]["optionValues"], Json::parse(R"(["黑色","官方标配"])"));
  EXPECT_EQ(v[0]["stock"], 3);
}

TEST(Taobao, an_axis_with_one_value_may_be_left_out_of_the_path) {
  Json r = parse(hub_page(kColorAndPackage, R"({";1627207:28320;":{"price":"1.00","stock":"3","skuId":"1"}})"));
  ASSERT_EQ(r["item"]["variants"].size(), 1u) << r.dump();
  EXPECT_EQ(r["item"]["variants"][0]["optionValues"], Json::parse(R"(["红色","官方标配"])"));
}

TEST(Taobao, the_sellers_own_value_name_wins_over_the_catalogue_name) {
  Json r = parse(hub_page(kColorAndPackage, R"({";1627207:28341;5919063:6536025;":{"price":"1.00","stock":"1","skuId":"1"}})",
                          R"({"1627207:28341":"曜石黑"})"));
  EXPECT_EQ(r["item"]["options"][0]["values"][1]["name"], "曜石黑");
  EXPECT_EQ(r["item"]["variants"][0]["optionValues"][0], "曜石黑");
}

TEST(Taobao, a_listed_price_without_the_promotion_says_so) {
  Json r = parse(hub_page(kColorAndPackage, R"({";1627207:28320;5919063:6536025;":{"price":"1.00","stock":"3","skuId":"1"}})"));
  bool warned = false;
  for (const auto& w : r["item"]["warnings"]) warned = warned || w["code"] == "promotion_price_not_loaded";
  EXPECT_TRUE(warned) << r.dump();
}

TEST(Taobao, one_promotion_over_one_listed_price_applies_to_every_sku) {
  std::string dom = std::string(kColorAndPackage) +
                    R"(<li id="J_PromoPrice"><em id="J_PromoPriceNum" class="tb-rmb-num">79.00</em></li>)";
  Json r = parse(hub_page(dom, R"({";1627207:28320;5919063:6536025;":{"price":"99.00","stock":"3","skuId":"1"},";1627207:28341;5919063:6536025;":{"price":"99.00","stock":"3","skuId":"2"}})"));
  for (const auto& v : r["item"]["variants"]) {
    EXPECT_EQ(v["price"], "79.00");
    EXPECT_EQ(v["originalPrice"], "99.00");
  }
  EXPECT_EQ(r["item"]["price"], Json::parse(R"({"min":"79.00","max":"79.00"})"));
}

TEST(Taobao, a_promotion_over_different_sku_prices_keeps_them_and_warns) {
  std::string dom = std::string(kColorAndPackage) +
                    R"(<li id="J_PromoPrice"><em id="J_PromoPriceNum" class="tb-rmb-num">79.00</em></li>)";
  Json r = parse(hub_page(dom, R"({";1627207:28320;5919063:6536025;":{"price":"99.00","stock":"3","skuId":"1"},";1627207:28341;5919063:6536025;":{"price":"109.00","stock":"3","skuId":"2"}})"));
  EXPECT_EQ(r["item"]["variants"][0]["price"], "99.00");
  bool warned = false;
  for (const auto& w : r["item"]["warnings"]) warned = warned || w["code"] == "promotion_price_per_sku_unknown";
  EXPECT_TRUE(warned) << r.dump();
}

TEST(Tmall, the_shop_id_is_found_in_the_g_config_assigned_inside_a_function) {
  std::string html =
      "<html><head><script>window.g_config = {jstracker2: {sampling: 10}};</script>"
      "<script>(function(w, d) {w.g_config={itemId:\"610000000006\",shopId:\"80000006\",startTime:(+new Date()),"
      "shopUrl:\"//x.tmall.com\"};})(window, document);</script></head><body><div class=\"tb-detail-hd\"><h1>水壶</h1></div>"
      "<script>TShop.Setup({\"valItemInfo\":{\"skuMap\":{}},\"detail\":{\"defaultItemPrice\":\"129.00 - 169.00\"}});</script>"
      "</body></html>";
  Json r = parse(html, "https://detail.tmall.com/item.htm?id=610000000006");
  const Json& item = r["item"];
  EXPECT_EQ(item["source"]["shop"]["id"], "80000006") << r.dump();
  EXPECT_EQ(item["source"]["shop"]["url"], "https://x.tmall.com");
  EXPECT_EQ(item["price"], Json::parse(R"({"min":"129.00","max":"169.00"})"));
  EXPECT_EQ(item["source"]["platform"], "tmall");
}

TEST(Taobao, split_path_ignores_what_is_not_a_pid_vid_pair) {
  auto pairs = taobao::split_path(";1627207:28320;;bad;:1;2:;20509:28314;");
  ASSERT_EQ(pairs.size(), 2u);
  EXPECT_EQ(pairs[1].first, "20509");
  EXPECT_EQ(pairs[1].second, "28314");
}

TEST(Taobao, hostile_page_data_gives_no_crash) {
  for (const char* map : {"[]", "null", R"({"x":1})", R"({";a:b;":{"price":-1,"stock":"lots"}})", R"({";1627207:28320;":{"price":{"x":1},"skuId":[1]}})"}) {
    Json r = parse(hub_page(kColorAndPackage, map));
    EXPECT_TRUE(r.is_object()) << map;
  }
  Json r = parse("<html><body><script>window.__ICE_APP_CONTEXT__ = {\"a\":{\"skuBase\":{\"props\":5,\"skus\":{\"x\":1}},"
                 "\"skuCore\":[],\"item\":\"no\"}};</script></body></html>");
  EXPECT_TRUE(r.is_object());
}

}  // namespace
}  // namespace caiji::extract
