// AliExpress item pages that carry their data in `window.runParams = {data: {...}}`, in two
// generations with the same content under different names:
//   2019–2022 "modules":    titleModule, imageModule, skuModule, priceModule, specsModule,
//                           storeModule, descriptionModule, crossLinkModule, commonModule, webEnv
//   2023–2024 "components": productInfoComponent, imageComponent, skuComponent, priceComponent,
//                           productPropComponent, sellerComponent, productDescComponent,
//                           breadcrumbComponent, currencyComponent, videoComponent

#include <string>

#include "core/extract/sites/aliexpress_parts.hpp"
#include "core/util/text.hpp"

namespace caiji::extract::aliexpress {

namespace {

const Json& at_or_null(const Json& j, std::initializer_list<std::string_view> path) {
  static const Json null_json;  // immutable: a shared "absent"
  const Json* p = json_at(j, path);
  return p ? *p : null_json;
}

std::vector<std::string> image_list(const Json& list, const Page& page) {
  std::vector<std::string> out;
  if (!list.is_array()) return out;
  for (std::size_t i = 0; i < list.size() && i < 200; ++i)
    if (std::string url = page.absolute(json_text(list[i])); !url.empty()) out.push_back(url);
  return out;
}

// When no SKU states a price, the page-wide range: the sale range when a sale runs, else the
// regular one. {min, max} amounts as {currency, value}.
void price_from_range(const Json* min_amount, const Json* max_amount, Item& out) {
  if (out.price || !min_amount || !min_amount->is_object()) return;
  std::string currency = to_upper_ascii(trim(json_text(*min_amount, "currency")));
  if (currency.empty()) currency = out.currency;
  auto lo = json_money(at_or_null(*min_amount, {"value"}), currency);
  if (!lo) return;
  std::optional<std::string> hi;
  if (max_amount && max_amount->is_object()) hi = json_money(at_or_null(*max_amount, {"value"}), currency);
  out.currency = currency;
  out.price = PriceRange{*lo, hi ? *hi : *lo};
}

std::string id_of(const Json& j, const char* str_key, const char* num_key) {
  std::string id = json_text(j, str_key);
  return id.empty() ? json_text(j, num_key) : id;
}

}  // namespace

bool read_runparams_modules(const Json& data, const Page& page, Item& out) {
  if (!data.is_object() || (!data.contains("titleModule") && !data.contains("skuModule"))) return false;

  out.title = clean_text(json_text(at_or_null(data, {"titleModule"}), "subject"));
  out.source.product_id = real_product_id(id_of(at_or_null(data, {"commonModule"}), "productIdStr", "productId"));

  const Json& image = at_or_null(data, {"imageModule"});
  out.images.main = image_list(at_or_null(image, {"imagePathList"}), page);
  if (auto v = read_video(page, json_text(image, "videoUid"), json_text(image, "videoId"))) out.video = v;

  // The currency the SKU amounts carry; commonModule and webEnv name the same one.
  std::string currency = json_text(at_or_null(data, {"commonModule"}), "currencyCode");
  if (currency.empty()) currency = json_text(at_or_null(data, {"webEnv"}), "currency");
  const Json& sku = at_or_null(data, {"skuModule"});
  read_skus(at_or_null(sku, {"productSKUPropertyList"}), at_or_null(sku, {"skuPriceList"}), currency, page, out);
  const Json& price = at_or_null(data, {"priceModule"});
  price_from_range(json_at(price, {"minActivityAmount"}), json_at(price, {"maxActivityAmount"}), out);
  price_from_range(json_at(price, {"minAmount"}), json_at(price, {"maxAmount"}), out);

  const Json& props = at_or_null(data, {"specsModule", "props"});
  out.attributes = read_props(props);
  if (props.is_array()) {
    // attrNameId 2 is "Brand Name" in every AliExpress category, whatever the page's language.
    for (std::size_t i = 0; i < props.size() && i < 2000 && out.brand.empty(); ++i)
      if (json_text(props[i], "attrNameId") == "2") out.brand = clean_text(json_text(props[i], "attrValue"));
  }
  out.category_path = read_breadcrumb(at_or_null(data, {"crossLinkModule", "breadCrumbPathList"}));

  const Json& store = at_or_null(data, {"storeModule"});
  out.source.shop = make_shop(page, json_text(store, "storeURL"), json_text(store, "storeNum"), json_text(store, "storeName"));
  out.description_url = page.absolute(json_text(at_or_null(data, {"descriptionModule"}), "descriptionUrl"));
  return true;
}

bool read_runparams_components(const Json& data, const Page& page, Item& out) {
  if (!data.is_object() || (!data.contains("productInfoComponent") && !data.contains("priceComponent"))) return false;

  const Json& info = at_or_null(data, {"productInfoComponent"});
  out.title = clean_text(json_text(info, "subject"));
  out.source.product_id = real_product_id(id_of(info, "idStr", "id"));

  const Json& image = at_or_null(data, {"imageComponent"});
  out.images.main = image_list(at_or_null(image, {"imagePathList"}), page);
  const Json& video = at_or_null(data, {"videoComponent"});
  if (auto v = read_video(page, json_text(video, "videoUid"), json_text(video, "videoId"))) out.video = v;

  std::string currency = json_text(at_or_null(data, {"currencyComponent"}), "currencyCode");
  const Json& price = at_or_null(data, {"priceComponent"});
  const Json* skus = json_at(price, {"skuPriceList"});
  if (!skus || !skus->is_array()) skus = json_at(price, {"skuJson"});  // the same list as JSON text
  read_skus(at_or_null(data, {"skuComponent", "productSKUPropertyList"}), skus ? *skus : Json(), currency, page, out);
  price_from_range(json_at(price, {"discountPrice", "minActivityAmount"}), json_at(price, {"discountPrice", "maxActivityAmount"}),
                   out);
  price_from_range(json_at(price, {"origPrice", "minAmount"}), json_at(price, {"origPrice", "maxAmount"}), out);

  out.attributes = read_props(at_or_null(data, {"productPropComponent", "props"}));
  out.category_path = read_breadcrumb(at_or_null(data, {"breadcrumbComponent", "pathList"}));

  const Json& seller = at_or_null(data, {"sellerComponent"});
  out.source.shop = make_shop(page, json_text(seller, "storeURL"), json_text(seller, "storeNum"), json_text(seller, "storeName"));
  out.description_url = page.absolute(json_text(at_or_null(data, {"productDescComponent"}), "descriptionUrl"));
  return true;
}

}  // namespace caiji::extract::aliexpress
