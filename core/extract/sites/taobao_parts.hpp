#pragma once
// Private to the Taobao/Tmall adapter: one reader per page generation, and the pieces they share.
//
// Generations (docs/extractors/taobao.md):
//   - Classic item pages (Taobao until ~2021): `var g_config = {itemId, shopId, sellerId,
//     shopName, idata: {item: {auctionImages}}}`, `Hub.config.set('sku', {valItemInfo:
//     {skuMap, propertyMemoMap}})`, the J_Prop / J_TSaleProp option lists in the markup.
//   - Classic Tmall pages: `TShop.Setup({valItemInfo: {skuMap, skuList}, itemDO, propertyPics,
//     detail: {defaultItemPrice}, api: {descUrl}})`, g_config assigned inside an IIFE.
//   - Pages since 2022 (both sites): `window.__ICE_APP_CONTEXT__` holding the detail API
//     answer: item, seller, skuBase {props, skus[propPath]}, skuCore {sku2info}, componentsVO.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/extract/json_util.hpp"
#include "core/extract/page.hpp"
#include "core/item/item.hpp"

namespace caiji::extract::taobao {

// Taobao and Tmall sell to mainland buyers in renminbi; pages print ¥ and never a code (Tmall
// Global's tmall.hk prices in CNY too, duty included).
inline constexpr std::string_view kCurrency = "CNY";

bool read_ice_context(const Page& page, Item& out, std::vector<Warning>& warnings);  // 2022+
bool read_classic(const Page& page, Item& out, std::vector<Warning>& warnings);      // until ~2021

// One option axis as a page declares it: property id, name and values by value id.
struct PropValue {
  std::string vid;   // "28320"
  std::string name;  // "红色"
  std::string image;
};
struct Prop {
  std::string pid;  // "1627207"
  std::string name;
  std::vector<PropValue> values;
};

// A SKU keyed by its property path: "1627207:28320;20509:28314" in any order, with or without
// the leading and trailing ';' of the classic skuMap.
struct SkuEntry {
  std::string path;
  std::string sku_id;
  std::optional<std::string> price;
  std::optional<std::string> original_price;
  std::optional<std::int64_t> stock;
};

// Options from `props`, and one variant per SKU whose path names one value of each of them,
// in the order the page lists the SKUs.
void build_variants(const std::vector<Prop>& props, const std::vector<SkuEntry>& skus, Item& out);

// The "pid:vid" pairs of a property path.
std::vector<std::pair<std::string, std::string>> split_path(std::string_view path);

// "149.00 - 159.00", "¥25.00", "89" as a CNY range.
std::optional<PriceRange> read_price_text(std::string_view text);

// The item id in ...item.htm?id=<digits>, "" when there is none.
std::string item_id_from_url(std::string_view url);

// Records a promotion price the page shows for the whole item. When every SKU has the same
// listed price and the promotion one price, it becomes each variant's price (the listed one its
// original price); otherwise the variants keep their listed prices and a warning says so.
void apply_promotion(const std::optional<PriceRange>& promo, Item& out, std::vector<Warning>& warnings);

// The lowest and highest variant price, when any variant has one.
std::optional<PriceRange> variant_price_range(const Item& item);

}  // namespace caiji::extract::taobao
