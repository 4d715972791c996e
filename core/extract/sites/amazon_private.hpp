#pragma once
// Pieces of the Amazon adapter (amazon.cpp), one file per part of the detail page:
// amazon_price.cpp (buy box, currency), amazon_twister.cpp (variations and their pictures),
// amazon_details.cpp (bullets, detail tables, brand, weight, dimensions, breadcrumbs).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/extract/page.hpp"
#include "core/item/item.hpp"
#include "core/normalize/price.hpp"

namespace caiji::extract::amazon {

// The currency of an Amazon marketplace, from its marketplace id ("ATVPDKIKX0DER") or, when
// the page names none, its host ("www.amazon.co.jp"). "" when unknown.
std::string currency_of_marketplace(std::string_view marketplace_id);
std::string currency_of_host(std::string_view host);

// What the page itself says its money is in: the marketplace it belongs to, else the hidden
// currencyOfPreference field. Consulted only where a price's symbol is ambiguous ("$", "¥").
struct CurrencyHints {
  std::string marketplace;   // from ue_mid / marketplaceId, else the host
  std::string preference;    // input#currencyOfPreference
};
CurrencyHints currency_hints(const Page& page);

// A printed price ("$35.99", "29,99 €", "￥1,980", "$12.99 - $24.99") with its currency: an
// unambiguous symbol decides; an ambiguous one takes the first hint that uses that symbol.
std::optional<normalize::PriceText> read_price(std::string_view text, const CurrencyHints& hints);

// The price shown in an Amazon price element: its screen-reader copy (.a-offscreen) when
// filled, else the visible parts (symbol, whole, fraction), else its own text.
std::string price_text(const html::Node& price_element);

// Buy box: item.currency and item.price; the struck-through list/"was" price and the stock
// line are returned for the variant of the shown ASIN.
struct BuyBox {
  std::optional<std::string> original;
  std::optional<std::int64_t> stock;
};
BuyBox read_buy_box(const Page& page, const CurrencyHints& hints, Item& out);

// The image block's data: colorImages ("initial" = the shown ASIN's gallery; older pages also
// list every color key, "Black 2 Pack") and colorToAsin (color key -> child ASIN).
struct ImageBlock {
  nlohmann::json color_images = nlohmann::json::object();
  nlohmann::json color_to_asin = nlohmann::json::object();
};
ImageBlock read_image_block(const Page& page);

// Variations: options and one variant per child ASIN, with their pictures. The buy box
// price is given to the shown ASIN's variant by the caller.
void read_twister(const Page& page, const CurrencyHints& hints, const ImageBlock& block, Item& out);

// The pictures of one colorImages list, largest first choice (hiRes, else large).
std::vector<std::string> pictures_of(const nlohmann::json& list);

// The gallery of the shown ASIN, largest pictures.
void read_gallery(const Page& page, const ImageBlock& block, Item& out);

// Feature bullets, the product detail tables, brand, weight, dimensions, category path,
// description.
void read_details(const Page& page, Item& out);

// "Item Weight" values: "1.1 pounds", "500 g", "2,5 Kilogramm"; nullopt when the unit is not clear.
std::optional<Weight> parse_weight(std::string_view text);
// "7 x 4 x 5.5 inches", "20 x 10 x 5 cm; 300 g"; nullopt when the unit is not clear.
std::optional<Dimensions> parse_dimensions(std::string_view text);

// Text with Amazon's bidirectional marks (U+200E, U+200F) removed and whitespace folded.
std::string clean(std::string_view text);

bool is_asin(std::string_view s);

}  // namespace caiji::extract::amazon
