#pragma once
// Private to the 1688 adapter: one reader per page generation, and the pieces they share.
//
// Generations (docs/extractors/1688.md):
//   - 2021–2023: `window.__INIT_DATA = {data: {...components}, globalData: {...}}`, and the
//     `window.__GLOBAL_DATA` variant holding the same global model on its own.
//   - 2024+: `window.context = (function (b, d) {...})(window.contextPath, {result: {data:
//     {...components}, global: {globalData: {model: {...}}}}})`; the page model that
//     __INIT_DATA kept in globalData moved to result.data.Root.fields.dataJson.
//   - 2019 and earlier: `var iDetailConfig = {...}` and `var iDetailData = {sku: {...}}`, the
//     rest in server-rendered markup; these pages are GBK.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/extract/json_util.hpp"
#include "core/extract/page.hpp"
#include "core/item/item.hpp"

namespace caiji::extract::alibaba_1688 {

// 1688 is mainland China's wholesale marketplace: offers are priced and settled in renminbi
// only (the 2019 pages say so in og:product:currency; later ones print ¥ with no code).
inline constexpr std::string_view kCurrency = "CNY";

// Each returns false when the page does not carry that generation's data.
bool read_module_data(const Page& page, Item& out, std::vector<Warning>& warnings);  // 2021+
bool read_idetail(const Page& page, Item& out, std::vector<Warning>& warnings);      // 2019

// Options and variants from `skuProps` ([{prop, value: [{name, imageUrl}]}]) and a SKU map
// keyed by the option values joined with "&gt;" ("红色&gt;M"), as an object (skuMap,
// skuInfoMap) or an array of entries whose `specAttrs` holds that key. `fallback_original`
// is the struck-through price of offers whose SKUs carry only their sale price.
void read_sku_matrix(const Page& page, const Json& sku_props, const Json* sku_map, Item& out,
                     const std::optional<std::string>& fallback_original = std::nullopt);

// Quantity tiers from [{beginAmount, price}] lists or [[begin, price]] pairs. Only a list whose
// quantities rise while the price falls is a tier list: offers priced per SKU print their
// lowest and highest SKU price in the same shape ("skuPrice" display type).
std::vector<PriceTier> read_tiers(const Json& list);

// "3.80-8.20", "16.50", "¥16.50~18.00" as a price range in CNY.
std::optional<PriceRange> read_price_text(std::string_view text);

// The offer id in a detail.1688.com/offer/<id>.html address, "" when there is none.
std::string offer_id_from_url(std::string_view url);

}  // namespace caiji::extract::alibaba_1688
