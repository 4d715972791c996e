#pragma once
// Pieces of the eBay adapter (ebay.cpp): ebay_msku.cpp reads the multi-SKU variation model.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/extract/page.hpp"
#include "core/item/item.hpp"

namespace caiji::extract::ebay {

// The variation model of a multi-SKU listing, whichever generation the page is:
// - "itmVarModel" (raptor item pages, 2014-2021) inside the $rwidgets ItemVariations widget:
//   itemVariationsMap {variationId: {traitValuesMap {axis: valueId}, priceAmountValue,
//   quantityAvailable, inStock}}, menuItemMap, selectMenus, menuItemPictureIndexMap;
// - "MSKU" (2022+ item pages) in the page's model script: variationsMap {variationId:
//   {binModel.price.value, quantity}}, variationCombinations {"valueId_valueId": variationId},
//   menuItemMap, selectMenus, menuItemPictureIndexMap.
// Returns null when the page has neither.
nlohmann::json find_variation_model(const Page& page);

// Options and variants from a variation model. `currency` is the item's; a variation priced in
// another currency keeps no price. `gallery` resolves menuItemPictureIndexMap to pictures.
void read_variations(const nlohmann::json& model, const std::string& currency, const std::vector<std::string>& gallery,
                     Item& out);

}  // namespace caiji::extract::ebay
