// Lazada (and Daraz, its South Asian twin) product pages: the server embeds the page model as
// `app.run({data: {root: {fields: {...}}}})` (PDP since 2019; older pages assign the same object
// to `var __moduleData__`). Inside `fields`:
//   skuInfos:      {"0": default SKU, "<skuId>": {price: {salePrice: {value}, originalPrice:
//                  {value}}, stock, image, dataLayer: {pdt_name, pdt_category, brand_name}}}
//   productOption: skuBase.properties[] {pid, name, values[] {vid, name, image}} (sizes nested one
//                  level deeper: values[] {name: "Int", value[] {vid, name}}), skuBase.skus[]
//                  {skuId, propPath: "pid:vid;pid:vid"}
//   skuGalleries:  {"0": [{src, type: "img"}]}, product {title}, seller {name, sellerId, url},
//   globalConfig:  {currency}, specifications {<skuId>: {features: {...}}}

#include <map>
#include <string>
#include <vector>

#include "core/extract/sites/marketplace_json.hpp"
#include "core/item/money.hpp"
#include "core/script/locate.hpp"
#include "core/util/text.hpp"

namespace caiji::extract::marketplace {

namespace {

const Json* fields_of(const Json& model) {
  for (const Json* cand : {json_at(model, {"data", "root", "fields"}), json_at(model, {"root", "fields"})})
    if (cand && cand->is_object()) return cand;
  return nullptr;
}

Json page_model(const Page& page) {
  for (const auto& s : page.scripts()) {
    if (s.body.find("app.run") == std::string_view::npos) continue;
    auto args = script::find_call_arguments(s.body, "app.run");
    if (args && args->is_array() && !args->empty() && fields_of((*args)[0])) return (*args)[0];
  }
  if (const Json* m = page.script_value("__moduleData__"); m && fields_of(*m)) return *m;
  return Json();
}

// Flattens a property's values, including the "Int"/"EU" size-system groups.
std::vector<const Json*> property_values(const Json& prop) {
  std::vector<const Json*> out;
  const Json* values = json_at(prop, {"values"});
  if (!values || !values->is_array()) return out;
  for (const auto& v : *values) {
    if (const Json* nested = json_at(v, {"value"}); nested && nested->is_array()) {
      for (const auto& n : *nested) out.push_back(&n);
    } else {
      out.push_back(&v);
    }
  }
  return out;
}

}  // namespace

bool read_lazada(const Page& page, Item& out, std::vector<Warning>&) {
  Json model = page_model(page);
  const Json* fields = fields_of(model);
  if (!fields) return false;
  const Json* infos = json_at(*fields, {"skuInfos"});
  const Json* first = infos ? json_at(*infos, {"0"}) : nullptr;
  const Json* layer = first ? json_at(*first, {"dataLayer"}) : nullptr;

  out.source.platform = "lazada";
  out.currency = to_upper_ascii(json_text(*fields, "currency"));
  if (const Json* c = json_at(*fields, {"globalConfig", "currency"})) out.currency = to_upper_ascii(json_text(*c));
  if (out.currency.empty() && layer)
    if (const Json* c = json_at(*layer, {"core", "currencyCode"})) out.currency = to_upper_ascii(json_text(*c));

  if (const Json* t = json_at(*fields, {"product", "title"})) out.title = json_text(*t);
  if (out.title.empty() && layer) out.title = json_text(*layer, "pdt_name");
  if (const Json* id = json_at(*fields, {"primaryKey", "itemId"})) out.source.product_id = json_text(*id);
  if (out.source.product_id.empty() && first) out.source.product_id = json_text(*first, "itemId");
  if (const Json* seller = json_at(*fields, {"seller"}); seller && seller->is_object()) {
    out.source.shop.name = json_text(*seller, "name");
    out.source.shop.id = json_text(*seller, "sellerId");
    out.source.shop.url = page.absolute(json_text(*seller, "url"));
  }
  if (layer) {
    if (std::string b = json_text(*layer, "brand_name"); b != "No Brand") out.brand = b;
    if (const Json* cats = json_at(*layer, {"pdt_category"}); cats && cats->is_array())
      for (const auto& c : *cats)
        if (std::string n = clean_text(json_text(c)); !n.empty()) out.category_path.push_back(n);
  }
  if (const Json* gallery = json_at(*fields, {"skuGalleries", "0"}); gallery && gallery->is_array())
    for (const auto& g : *gallery)
      if (json_text(g, "type").empty() || json_text(g, "type") == "img")
        if (std::string u = page.absolute(json_text(g, "src")); !u.empty()) out.images.main.push_back(u);

  // Options and the value each SKU has, through propPath "pid:vid;pid:vid".
  std::map<std::string, std::pair<std::size_t, std::map<std::string, std::size_t>>> by_pid;
  if (const Json* props = json_at(*fields, {"productOption", "skuBase", "properties"}); props && props->is_array()) {
    for (const auto& prop : *props) {
      Option o{json_text(prop, "name"), {}};
      std::map<std::string, std::size_t> vids;
      for (const Json* v : property_values(prop)) {
        std::string name = clean_text(json_text(*v, "name"));
        if (name.empty()) continue;
        vids[json_text(*v, "vid")] = o.values.size();
        o.values.push_back(OptionValue{name, page.absolute(json_text(*v, "image"))});
      }
      if (o.name.empty() || o.values.empty()) continue;
      by_pid[json_text(prop, "pid")] = {out.options.size(), std::move(vids)};
      out.options.push_back(std::move(o));
    }
  }
  if (const Json* skus = json_at(*fields, {"productOption", "skuBase", "skus"}); skus && skus->is_array()) {
    for (std::size_t i = 0; i < skus->size() && i < 5000; ++i) {
      const Json& s = (*skus)[i];
      Variant v;
      v.sku_id = json_text(s, "skuId");
      v.option_values.assign(out.options.size(), std::string());
      std::string path_text = json_text(s, "propPath");
      std::string_view path = path_text;
      while (!path.empty()) {
        std::size_t semi = path.find(';');
        std::string_view pair = path.substr(0, semi);
        path = semi == std::string_view::npos ? std::string_view{} : path.substr(semi + 1);
        std::size_t colon = pair.find(':');
        if (colon == std::string_view::npos) continue;
        auto p = by_pid.find(std::string(pair.substr(0, colon)));
        if (p == by_pid.end()) continue;
        auto vid = p->second.second.find(std::string(pair.substr(colon + 1)));
        if (vid == p->second.second.end()) continue;
        v.option_values[p->second.first] = out.options[p->second.first].values[vid->second].name;
      }
      if (const Json* info = infos ? json_at(*infos, {v.sku_id}) : nullptr) {
        if (const Json* p = json_at(*info, {"price", "salePrice", "value"})) v.price = json_money(*p, out.currency);
        if (const Json* p = json_at(*info, {"price", "originalPrice", "value"}))
          if (auto was = json_money(*p, out.currency); was && v.price && compare_decimal(*was, *v.price) > 0) v.original_price = was;
        if (auto st = info->find("stock"); st != info->end()) v.stock = json_int(*st);
        v.image = page.absolute(json_text(*info, "image"));
      }
      out.variants.push_back(std::move(v));
    }
  }
  // A product without choices still prices its one SKU in skuInfos["0"].
  if (out.variants.empty() && first) {
    if (const Json* p = json_at(*first, {"price", "salePrice", "value"}))
      if (auto m = json_money(*p, out.currency)) out.price = PriceRange{*m, *m};
  }
  if (out.variants.empty()) out.options.clear();
  if (const Json* specs = json_at(*fields, {"specifications"}); specs && specs->is_object() && !specs->empty()) {
    const Json& spec = specs->begin().value();
    if (const Json* features = json_at(spec, {"features"}); features && features->is_object())
      for (auto it = features->begin(); it != features->end(); ++it)
        if (std::string v = json_text(*it); !v.empty() && it.key() != "SKU") out.attributes.push_back({it.key(), v});
  }
  return !out.title.empty();
}

}  // namespace caiji::extract::marketplace
