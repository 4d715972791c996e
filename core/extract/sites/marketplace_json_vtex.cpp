// VTEX IO storefronts (walmart.com.ni and other regional Walmart shops, many Latin American
// retailers). The server-rendered page keeps its GraphQL cache in
// `<template data-type="json" data-varname="__STATE__"><script>{...}</script></template>`: a flat
// object of records ("Product:sp-6637", "Image:180461", "$Product:sp-6637.items(...).0.sellers.0
// .commertialOffer") linked by {"type":"id","id":"…"} references. The product a page is about is
// the one ROOT_QUERY's product(…) names, or the only result of its productSearch(…) when the
// seller searched by barcode and landed on one product. Currency is the store's culture in
// __RUNTIME__ (also <meta name="currency">).

#include <string>
#include <vector>

#include "core/extract/sites/marketplace_json.hpp"
#include "core/item/money.hpp"
#include "core/normalize/description.hpp"
#include "core/script/js_value.hpp"
#include "core/util/text.hpp"

namespace caiji::extract::marketplace {

namespace {

// The __STATE__ template's script, or a `__STATE__ = {...}` assignment on older renders.
Json read_state(const Page& page) {
  std::string_view html = page.input().html;
  std::size_t at = html.find("data-varname=\"__STATE__\"");
  if (at != std::string_view::npos) {
    std::size_t open = html.find("<script", at);
    std::size_t body = open == std::string_view::npos ? open : html.find('>', open);
    std::size_t close = body == std::string_view::npos ? body : html.find("</script>", body);
    if (close != std::string_view::npos) {
      auto v = script::read_entire_js_value(html.substr(body + 1, close - body - 1));
      if (v && v->is_object()) return std::move(*v);
    }
  }
  if (const Json* s = page.script_value("__STATE__"); s && s->is_object()) return *s;
  return Json();
}

// Follows a {"type":"id","id":"…"} reference; other values are returned as they are.
const Json* deref(const Json& state, const Json& v) {
  if (v.is_object() && json_text(v, "type") == "id") {
    auto it = state.find(json_text(v, "id"));
    return it == state.end() ? nullptr : &*it;
  }
  return &v;
}

const Json* field(const Json& state, const Json& record, std::string_view prefix) {
  if (!record.is_object()) return nullptr;
  for (auto it = record.begin(); it != record.end(); ++it)
    if (starts_with(it.key(), prefix)) return deref(state, *it);
  return nullptr;
}

// {"type":"json","json":[…]} wraps plain lists.
const Json* unwrap(const Json* j) {
  if (j && j->is_object() && json_text(*j, "type") == "json")
    if (auto it = j->find("json"); it != j->end()) return &*it;
  return j;
}

const Json* main_product(const Json& state) {
  const Json* root = json_at(state, {"ROOT_QUERY"});
  if (root && root->is_object()) {
    for (auto it = root->begin(); it != root->end(); ++it)
      if (starts_with(it.key(), "product(")) return deref(state, *it);
    for (auto it = root->begin(); it != root->end(); ++it) {
      if (!starts_with(it.key(), "productSearch(")) continue;
      const Json* search = deref(state, *it);
      const Json* products = search ? json_at(*search, {"products"}) : nullptr;
      if (products && products->is_array() && products->size() == 1) return deref(state, (*products)[0]);
    }
  }
  const Json* only = nullptr;
  for (auto it = state.begin(); it != state.end(); ++it) {
    if (!starts_with(it.key(), "Product:") || it.key().find('.') != std::string::npos) continue;
    if (only) return nullptr;  // a shelf of several products is a list, not one product
    only = &*it;
  }
  return only;
}

std::string currency_of(const Page& page) {
  if (const Json* rt = page.script_value("__RUNTIME__"))
    if (const Json* c = json_at(*rt, {"culture", "currency"}); c && c->is_string()) return to_upper_ascii(json_text(*c));
  return to_upper_ascii(trim(page.meta("currency")));
}

}  // namespace

bool read_vtex(const Page& page, Item& out, std::vector<Warning>&) {
  Json state = read_state(page);
  if (!state.is_object()) return false;
  const Json* product = main_product(state);
  if (!product || !product->is_object()) return false;

  out.source.platform = "vtex";
  out.currency = currency_of(page);
  out.source.product_id = json_text(*product, "productId");
  out.title = json_text(*product, "productName");
  out.brand = json_text(*product, "brand");
  auto desc = normalize::sanitize_description(json_text(*product, "description"), page.base_url());
  out.description_html = std::move(desc.html);
  out.images.description = std::move(desc.images);
  // categories: ["/Groceries/Sauces/", "/Groceries/"]: the longest path is the leaf.
  if (const Json* cats = unwrap(json_at(*product, {"categories"})); cats && cats->is_array()) {
    std::string longest;
    for (const auto& c : *cats)
      if (std::string s = json_text(c); s.size() > longest.size()) longest = s;
    std::string_view rest = longest;
    while (!rest.empty()) {
      std::size_t cut = rest.find('/');
      if (std::string part = clean_text(rest.substr(0, cut)); !part.empty()) out.category_path.push_back(part);
      rest = cut == std::string_view::npos ? std::string_view{} : rest.substr(cut + 1);
    }
  }

  const Json* items = field(state, *product, "items");
  std::vector<std::string> option_names;
  if (items && items->is_array()) {
    for (std::size_t i = 0; i < items->size() && i < 2000; ++i) {
      const Json* item = deref(state, (*items)[i]);
      if (!item || !item->is_object()) continue;
      Variant v;
      v.sku_id = json_text(*item, "itemId");
      if (const Json* images = field(state, *item, "images"); images && images->is_array())
        for (const auto& ref : *images)
          if (const Json* img = deref(state, ref); img && img->is_object())
            if (std::string u = page.absolute(json_text(*img, "imageUrl")); !u.empty()) {
              out.images.main.push_back(u);
              if (v.image.empty()) v.image = u;
            }
      // The default seller's offer: Price is what a buyer pays, ListPrice the struck-through one.
      if (const Json* sellers = field(state, *item, "sellers"); sellers && sellers->is_array()) {
        const Json* chosen = nullptr;
        for (const auto& ref : *sellers) {
          const Json* s = deref(state, ref);
          if (!s || !s->is_object()) continue;
          auto def = s->find("sellerDefault");
          if (!chosen || (def != s->end() && def->is_boolean() && def->get<bool>())) chosen = s;
        }
        if (chosen) {
          if (out.source.shop.name.empty()) {
            out.source.shop.name = json_text(*chosen, "sellerName");
            out.source.shop.id = json_text(*chosen, "sellerId");
          }
          if (const Json* offer = field(state, *chosen, "commertialOffer"); offer && offer->is_object()) {
            if (auto p = offer->find("Price"); p != offer->end()) v.price = json_money(*p, out.currency);
            if (auto p = offer->find("ListPrice"); p != offer->end())
              if (auto was = json_money(*p, out.currency); was && v.price && compare_decimal(*was, *v.price) > 0)
                v.original_price = was;
            if (auto q = offer->find("AvailableQuantity"); q != offer->end()) v.stock = json_int(*q);
          }
        }
      }
      // variations: [{name: "Talla", values: {json: ["M"]}}] (or references to such records).
      if (auto vars = item->find("variations"); vars != item->end() && vars->is_array()) {
        for (const auto& ref : *vars) {
          const Json* var = deref(state, ref);
          if (!var || !var->is_object()) continue;
          std::string name = json_text(*var, "name");
          const Json* values = unwrap(json_at(*var, {"values"}));
          std::string value = values && values->is_array() && !values->empty() ? json_text((*values)[0]) : std::string();
          if (name.empty()) continue;
          std::size_t k = 0;
          while (k < option_names.size() && option_names[k] != name) ++k;
          if (k == option_names.size()) {
            option_names.push_back(name);
            out.options.push_back(Option{name, {}});
            for (auto& earlier : out.variants) earlier.option_values.push_back({});
          }
          if (v.option_values.size() < option_names.size()) v.option_values.resize(option_names.size());
          v.option_values[k] = clean_text(value);
          add_option_value(out.options[k], clean_text(value), k == 0 ? v.image : std::string());
        }
      }
      v.option_values.resize(option_names.size());
      out.variants.push_back(std::move(v));
    }
  }
  // A product without variations is one SKU: its price is the product's price.
  if (out.options.empty() && out.variants.size() == 1 && out.variants[0].price)
    out.price = PriceRange{*out.variants[0].price, *out.variants[0].price};
  return !out.title.empty();
}

}  // namespace caiji::extract::marketplace
