#pragma once
// Private to the AliExpress adapter (aliexpress*.cpp): one reader per page generation and the
// pieces they share. docs/extractors/aliexpress.md lists where each field comes from.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/extract/json_util.hpp"
#include "core/extract/page.hpp"
#include "core/item/item.hpp"

namespace caiji::extract::aliexpress {

// Item ids as the buyer's address bar shows them (/item/<id>.html). Pages of 2022 carry a second
// id in their data, og:url and itemDetailUrl: the real one plus 2^51 (2251832701916007 for item
// 32888230759). Such ids are mapped back; real ids (11 to 16 digits, below 2^51) pass unchanged.
// "" when `id` is not all digits.
std::string real_product_id(std::string_view id);

// The id in an AliExpress item address ("…/item/1005001.html", "…/item/Some-Title/1005001.html",
// "…/store/product/Title/123_1005001.html"), mapped by real_product_id; "" when there is none.
std::string product_id_from_url(std::string_view url);

// " - AliExpress 26" and "| AliExpress" tails that titles and og:title carry, removed.
std::string strip_title_suffix(std::string_view title);

// Both runParams generations keep SKUs the same way: a property list (the axes with their
// values and swatches) and a price list whose skuAttr "14:193#Red;5:100014064" names one value
// per axis. Fills options and variants; the currency is the SKUs' own (skuAmount.currency), or
// `currency_hint` when they state none. A SKU priced in another currency than the first keeps no
// price rather than mixing currencies.
void read_skus(const Json& property_list, const Json& price_list, std::string_view currency_hint, const Page& page,
               Item& out);

// The lowest and highest price buyers pay now over the variants that are not sold out (over all
// when every one is), when any has a price.
std::optional<PriceRange> variant_price_range(const std::vector<Variant>& variants);

// Specs rows {attrName, attrValue} in page order. A name that repeats (a phone listing
// "Language" once per language) becomes one attribute whose values are joined with ", ".
std::vector<Attribute> read_props(const Json& props);

// Breadcrumb entries {cateId, name}: the real categories, without "Home" and "All Categories"
// (cateId 0).
std::vector<std::string> read_breadcrumb(const Json& path_list);

// The product video: the page's own address for it when it states one (JSON-LD VideoObject,
// a rendered <video>), else the address AliExpress builds from the ids in its data.
std::optional<Video> read_video(const Page& page, const std::string& video_uid, const std::string& video_id);

// Shop from a store address ("//www.aliexpress.com/store/1101255221") and name.
Shop make_shop(const Page& page, std::string_view store_url, std::string id, std::string_view name);

// The generations. Each fills what its data holds and returns false when the page is not its own.
bool read_runparams_modules(const Json& data, const Page& page, Item& out);     // 2019–2022
bool read_runparams_components(const Json& data, const Page& page, Item& out);  // 2023–2024
bool read_dcdata(const Page& page, Item& out, std::vector<Warning>& warnings);  // 2024+

}  // namespace caiji::extract::aliexpress
