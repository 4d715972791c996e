// eBay adapter: variation models of each generation, currencies and stock lines.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/extract/api.hpp"
#include "core/extract/sites/ebay_private.hpp"

namespace caiji {
namespace {

using nlohmann::json;

json parse(const std::string& html) {
  return json::parse(extract::extract_json(html, "", R"({"collectedAt":"2026-01-01T00:00:00Z","via":"file"})"));
}

std::string page(const std::string& body) {
  return R"(<html><head><link rel="canonical" href="https://www.ebay.com/itm/123456789012"></head><body>
    <h1 class="x-item-title__mainTitle"><span class="ux-textspans">Desk Lamp</span></h1>)" +
         body + "</body></html>";
}

TEST(Ebay, a_converted_variation_price_keeps_the_listings_own_currency) {
  // A shopper abroad sees USD; the listing sells in GBP (convertedFromValue/-Currency).
  json model = json::parse(R"({"selectMenus":[{"displayLabel":"Colour","menuItemValueIds":["1","2"]}],
    "menuItemMap":{"1":{"displayName":"Black"},"2":{"displayName":"White"}},
    "variationsMap":{"11":{"binModel":{"price":{"value":{"value":13.2,"currency":"USD","convertedFromValue":10.5,"convertedFromCurrency":"GBP"}}}},
                     "12":{"binModel":{"price":{"value":{"value":12.0,"currency":"USD"}}}}},
    "variationCombinations":{"1":"11","2":"12"}})");
  Item item;
  extract::ebay::read_variations(model, "GBP", {}, item);
  ASSERT_EQ(item.variants.size(), 2u);
  EXPECT_EQ(item.variants[0].price, std::optional<std::string>("10.50"));
  EXPECT_FALSE(item.variants[1].price) << "a USD-only price must not pass as GBP";
}

TEST(Ebay, variations_come_in_menu_order_with_their_stock) {
  json model = json::parse(R"({"selectMenus":[{"displayLabel":"Size","menuItemValueIds":[5,3]}],
    "menuItemMap":{"3":{"valueName":"L"},"5":{"valueName":"S"}},
    "itemVariationsMap":{"90":{"traitValuesMap":{"Size":3},"priceAmountValue":{"value":9,"currency":"USD"},"quantityAvailable":0,"inStock":false},
                         "91":{"traitValuesMap":{"Size":5},"price":"US $8.00","quantityAvailable":3}}})");
  Item item;
  extract::ebay::read_variations(model, "", {}, item);
  ASSERT_EQ(item.variants.size(), 2u);
  EXPECT_EQ(item.variants[0].sku_id, "91");
  EXPECT_EQ(item.variants[0].option_values, std::vector<std::string>{"S"});
  EXPECT_EQ(item.variants[0].price, std::optional<std::string>("8.00"));
  EXPECT_EQ(item.variants[0].stock, std::optional<std::int64_t>(3));
  EXPECT_EQ(item.variants[1].stock, std::optional<std::int64_t>(0));
  EXPECT_EQ(item.currency, "USD");
}

TEST(Ebay, a_damaged_variation_model_never_breaks_the_page) {
  for (const char* bad : {R"({"selectMenus":"x","menuItemMap":{},"variationsMap":{}})",
                          R"({"selectMenus":[{"displayLabel":"A","menuItemValueIds":[1]}],"menuItemMap":{"1":7},"variationsMap":[]})",
                          R"({"selectMenus":[{"displayLabel":"A","menuItemValueIds":[1]}],"menuItemMap":{"1":{"displayName":"x"}},
                              "variationsMap":{"5":"y"},"variationCombinations":{"1_1_1":"5","":7},"menuItemPictureIndexMap":{"1":[99,-1]}})"}) {
    Item item;
    extract::ebay::read_variations(json::parse(bad), "USD", {"https://i.ebayimg.com/images/g/a/s-l1600.jpg"}, item);
    EXPECT_TRUE(item.variants.empty()) << bad;
  }
}

TEST(Ebay, the_stock_line_gives_a_count_only_when_it_states_one) {
  struct Case {
    const char* line;
    int stock;  // -1 = unknown
  } cases[] = {{"3 available", 3}, {"Last one", 1}, {"More than 10 available", -1}, {"Limited quantity available", -1}};
  for (const auto& c : cases) {
    auto r = parse(page(std::string(R"(<div class="x-price-primary"><span class="ux-textspans">US $10.00</span></div>
      <div class="x-quantity__availability"><span class="ux-textspans">)") + c.line + "</span></div>"));
    ASSERT_EQ(r["ok"], true) << r.dump();
    const json& item = r["item"];
    if (c.stock < 0) {
      EXPECT_FALSE(item.contains("variants")) << c.line;
    } else {
      EXPECT_EQ(item["variants"][0]["stock"], c.stock) << c.line;
    }
  }
}

TEST(Ebay, a_printed_price_names_its_own_currency) {
  auto r = parse(page(R"(<div class="x-price-primary"><span class="ux-textspans">EUR 12,50</span></div>)"));
  ASSERT_EQ(r["ok"], true) << r.dump();
  EXPECT_EQ(r["item"]["currency"], "EUR");
  EXPECT_EQ(r["item"]["price"]["min"], "12.50");
  EXPECT_EQ(r["item"]["source"]["productId"], "123456789012");
}

}  // namespace
}  // namespace caiji
