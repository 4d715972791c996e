// walmart.com item pages (/ip/<slug>/<usItemId>), a Next.js app since 2021: everything is in
// <script id="__NEXT_DATA__"> under props.pageProps.initialData.data:
//   product: usItemId, name, brand, shortDescription, imageInfo.allImages[].url,
//            priceInfo.currentPrice {price, currencyUnit}, priceInfo.wasPrice,
//            variantCriteria[] {name, id, variantList[] {id, name, swatchImageUrl}},
//            variantsMap {usItemId: {variants: ["actual_color-red", …], priceInfo, availabilityStatus}},
//            category.path[] {name}, sellerName, sellerId
//   idml:    longDescription, specifications[] {name, value}
// Pages behind the PerimeterX check have no __NEXT_DATA__ (page_kind reports them).

#include <string>
#include <vector>

#include "core/extract/sites/marketplace_json.hpp"
#include "core/item/money.hpp"
#include "core/normalize/description.hpp"
#include "core/util/text.hpp"

namespace caiji::extract::marketplace {

namespace {

std::optional<std::string> price_at(const Json& price_info, const char* which, std::string& currency) {
  const Json* p = json_at(price_info, {which});
  if (!p || !p->is_object()) return std::nullopt;
  if (currency.empty()) currency = to_upper_ascii(json_text(*p, "currencyUnit"));
  auto it = p->find("price");
  if (it == p->end()) return std::nullopt;
  return json_money(*it, currency);
}

bool in_stock(const Json& j) {
  std::string s = json_text(j, "availabilityStatus");
  return s.empty() || s == "IN_STOCK";
}

}  // namespace

bool read_walmart(const Page& page, Item& out, std::vector<Warning>&) {
  Json next = script_by_id(page, "__NEXT_DATA__");
  const Json* data = json_at(next, {"props", "pageProps", "initialData", "data"});
  const Json* product = data ? json_at(*data, {"product"}) : nullptr;
  if (!product || !product->is_object()) return false;

  out.source.platform = "walmart";
  out.source.product_id = json_text(*product, "usItemId");
  out.title = json_text(*product, "name");
  out.brand = json_text(*product, "brand");
  out.source.shop.name = json_text(*product, "sellerName");
  out.source.shop.id = json_text(*product, "sellerId");

  std::string body;
  if (const Json* idml = json_at(*data, {"idml"})) body = json_text(*idml, "longDescription");
  if (body.empty()) body = json_text(*product, "shortDescription");
  auto desc = normalize::sanitize_description(body, page.base_url());
  out.description_html = std::move(desc.html);
  out.images.description = std::move(desc.images);

  if (const Json* imgs = json_at(*product, {"imageInfo", "allImages"}); imgs && imgs->is_array())
    for (const auto& img : *imgs)
      if (std::string u = page.absolute(json_text(img, "url")); !u.empty()) out.images.main.push_back(u);
  if (const Json* path = json_at(*product, {"category", "path"}); path && path->is_array())
    for (const auto& c : *path)
      if (std::string n = clean_text(json_text(c, "name")); !n.empty()) out.category_path.push_back(n);
  if (const Json* specs = json_at(*data, {"idml", "specifications"}); specs && specs->is_array())
    for (const auto& s : *specs)
      if (std::string n = json_text(s, "name"), v = json_text(s, "value"); !n.empty() && !v.empty())
        out.attributes.push_back({n, v});

  std::string currency;
  const Json* price_info = json_at(*product, {"priceInfo"});
  std::optional<std::string> now = price_info ? price_at(*price_info, "currentPrice", currency) : std::nullopt;
  out.currency = currency;

  // Options: variantCriteria in page order; a variant names its value ids ("actual_color-red").
  std::vector<std::vector<std::string>> value_ids;  // per option: value ids, parallel to values
  if (const Json* criteria = json_at(*product, {"variantCriteria"}); criteria && criteria->is_array()) {
    for (const auto& c : *criteria) {
      Option o{json_text(c, "name"), {}};
      std::vector<std::string> ids;
      if (const Json* list = json_at(c, {"variantList"}); list && list->is_array())
        for (const auto& v : *list) {
          std::string name = clean_text(json_text(v, "name"));
          if (name.empty()) continue;
          o.values.push_back(OptionValue{name, page.absolute(json_text(v, "swatchImageUrl"))});
          ids.push_back(json_text(v, "id"));
        }
      if (o.name.empty() || o.values.empty()) continue;
      out.options.push_back(std::move(o));
      value_ids.push_back(std::move(ids));
    }
  }
  if (const Json* map = json_at(*product, {"variantsMap"}); map && map->is_object() && !out.options.empty()) {
    for (auto it = map->begin(); it != map->end(); ++it) {
      const Json& vj = *it;
      if (!vj.is_object()) continue;
      Variant v;
      v.sku_id = json_text(vj, "usItemId");
      if (v.sku_id.empty()) v.sku_id = it.key();
      v.option_values.assign(out.options.size(), std::string());
      if (const Json* ids = json_at(vj, {"variants"}); ids && ids->is_array())
        for (const auto& id : *ids) {
          std::string s = json_text(id);
          for (std::size_t k = 0; k < value_ids.size(); ++k)
            for (std::size_t n = 0; n < value_ids[k].size(); ++n)
              if (value_ids[k][n] == s) v.option_values[k] = out.options[k].values[n].name;
        }
      if (const Json* pi = json_at(vj, {"priceInfo"})) {
        std::string c = out.currency;
        v.price = price_at(*pi, "currentPrice", c);
        if (auto was = price_at(*pi, "wasPrice", c); was && v.price && compare_decimal(*was, *v.price) > 0) v.original_price = was;
      }
      if (!in_stock(vj)) v.stock = 0;
      if (const Json* thumb = json_at(vj, {"imageInfo", "thumbnailUrl"})) v.image = page.absolute(json_text(*thumb));
      out.variants.push_back(std::move(v));
    }
  }
  if (now) out.price = PriceRange{*now, *now};
  if (out.variants.empty() && !out.options.empty()) out.options.clear();
  return true;
}

}  // namespace caiji::extract::marketplace
