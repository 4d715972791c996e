// Shopee product pages (/<slug>-i.<shopid>.<itemid>) are rendered in the browser from the item
// API, so a saved page usually holds only JSON-LD and OpenGraph, which the generic extractors
// read; the ids come from the address. When the page (or the extension's capture) does hold the
// item object (the /api/v4/item/get or pdp/get_pc shape: itemid, shopid, name, price in
// 1/100000 units, tier_variations[] {name, options[], images[]}, models[] {modelid, price,
// price_before_discount, stock, extinfo.tier_index[]}, images[] as file hashes), it is read here.

#include <string>
#include <vector>

#include "core/extract/sites/marketplace_json.hpp"
#include "core/item/money.hpp"
#include "core/script/js_value.hpp"
#include "core/util/text.hpp"

namespace caiji::extract::marketplace {

namespace {

constexpr std::int64_t kPriceScale = 100000;  // Shopee prices: 19.90 is 1990000

bool is_item(const Json& j) {
  return j.is_object() && j.contains("itemid") && j.contains("shopid") && (j.contains("name") || j.contains("title"));
}

// Breadth-first search for the item object in a state blob, bounded.
const Json* find_item(const Json& root) {
  std::vector<const Json*> queue{&root};
  for (std::size_t i = 0; i < queue.size() && i < 200000; ++i) {
    const Json* j = queue[i];
    if (is_item(*j)) return j;
    if (j->is_object() || j->is_array())
      for (const auto& c : *j)
        if (c.is_object() || c.is_array()) queue.push_back(&c);
  }
  return nullptr;
}

// "…-i.12345.67890" in the address: shop id and item id.
bool ids_from_url(std::string_view url, std::string& shop, std::string& item) {
  std::size_t q = url.find_first_of("?#");
  url = url.substr(0, q);
  std::size_t at = url.rfind("-i.");
  if (at == std::string_view::npos) at = url.rfind("/product/");
  if (at == std::string_view::npos) return false;
  std::string_view rest = url.substr(url[at] == '-' ? at + 3 : at + 9);
  std::size_t sep = rest.find_first_of("./");
  if (sep == std::string_view::npos) return false;
  shop = std::string(rest.substr(0, sep));
  item = std::string(rest.substr(sep + 1));
  for (const std::string* s : {&shop, &item})
    for (char c : *s)
      if (c < '0' || c > '9') return false;
  return !shop.empty() && !item.empty();
}

// Pictures are file hashes served from the country's image host: shopee.sg -> cf.shopee.sg.
std::string image_url(const Page& page, const std::string& ref) {
  if (ref.empty()) return {};
  if (ref.find('/') != std::string::npos) return page.absolute(ref);
  std::size_t at = page.host().find("shopee.");
  if (at == std::string::npos) return {};
  return "https://cf." + page.host().substr(at) + "/file/" + ref;
}

}  // namespace

bool read_shopee(const Page& page, Item& out, std::vector<Warning>&) {
  out.source.platform = "shopee";
  ids_from_url(page.url(), out.source.shop.id, out.source.product_id);

  Json blob;
  const Json* item = nullptr;
  if (const Json& captured = page.input().page_data; captured.is_object()) item = find_item(captured);
  for (std::size_t i = 0; !item && i < page.scripts().size(); ++i) {
    const auto& s = page.scripts()[i];
    if (s.body.find("\"itemid\"") == std::string_view::npos || s.body.find("\"shopid\"") == std::string_view::npos) continue;
    auto v = iequals(trim(s.type), "application/json") ? script::read_entire_js_value(s.body) : Result<Json>(Json());
    if (!v || v->is_null()) {
      std::size_t brace = s.body.find('{');
      if (brace == std::string_view::npos) continue;
      auto r = script::read_js_value(s.body, brace);
      if (!r) continue;
      blob = std::move(r->value);
    } else {
      blob = std::move(*v);
    }
    item = find_item(blob);
  }
  if (!item) return false;

  out.source.product_id = json_text(*item, "itemid");
  out.source.shop.id = json_text(*item, "shopid");
  out.title = json_text(*item, "name");
  if (out.title.empty()) out.title = json_text(*item, "title");
  out.currency = to_upper_ascii(json_text(*item, "currency"));
  out.brand = json_text(*item, "brand");
  out.description_html = text_paragraph_html(json_text(*item, "description"));
  if (const Json* cats = json_at(*item, {"categories"}); cats && cats->is_array())
    for (const auto& c : *cats)
      if (std::string n = clean_text(json_text(c, "display_name")); !n.empty()) out.category_path.push_back(n);
  if (const Json* imgs = json_at(*item, {"images"}); imgs && imgs->is_array())
    for (const auto& h : *imgs)
      if (std::string u = image_url(page, json_text(h)); !u.empty()) out.images.main.push_back(u);

  if (const Json* tiers = json_at(*item, {"tier_variations"}); tiers && tiers->is_array()) {
    for (const auto& t : *tiers) {
      Option o{json_text(t, "name"), {}};
      const Json* opts = json_at(t, {"options"});
      const Json* imgs = json_at(t, {"images"});
      if (opts && opts->is_array())
        for (std::size_t k = 0; k < opts->size(); ++k) {
          std::string img = imgs && imgs->is_array() && k < imgs->size() ? image_url(page, json_text((*imgs)[k])) : std::string();
          o.values.push_back(OptionValue{clean_text(json_text((*opts)[k])), img});
        }
      if (!o.name.empty() && !o.values.empty()) out.options.push_back(std::move(o));
    }
  }
  if (const Json* models = json_at(*item, {"models"}); models && models->is_array() && !out.options.empty()) {
    for (std::size_t i = 0; i < models->size() && i < 5000; ++i) {
      const Json& m = (*models)[i];
      Variant v;
      v.sku_id = json_text(m, "modelid");
      v.option_values.assign(out.options.size(), std::string());
      if (const Json* idx = json_at(m, {"extinfo", "tier_index"}); idx && idx->is_array())
        for (std::size_t k = 0; k < idx->size() && k < out.options.size(); ++k)
          if (auto n = json_int((*idx)[k]); n && *n >= 0 && static_cast<std::size_t>(*n) < out.options[k].values.size()) {
            v.option_values[k] = out.options[k].values[static_cast<std::size_t>(*n)].name;
            if (k == 0 && v.image.empty()) v.image = out.options[k].values[static_cast<std::size_t>(*n)].image;
          }
      if (auto p = m.find("price"); p != m.end()) v.price = scaled_money(*p, kPriceScale, out.currency);
      if (auto p = m.find("price_before_discount"); p != m.end())
        if (auto was = scaled_money(*p, kPriceScale, out.currency); was && v.price && compare_decimal(*was, *v.price) > 0)
          v.original_price = was;
      for (const char* key : {"stock", "normal_stock"})
        if (auto st = m.find(key); st != m.end() && !v.stock) v.stock = json_int(*st);
      out.variants.push_back(std::move(v));
    }
  }
  if (out.variants.empty()) {
    out.options.clear();
    auto lo = item->find("price_min");
    auto hi = item->find("price_max");
    if (lo == item->end()) lo = item->find("price");
    if (hi == item->end()) hi = lo;
    if (lo != item->end()) {
      auto a = scaled_money(*lo, kPriceScale, out.currency);
      auto b = scaled_money(*hi, kPriceScale, out.currency);
      if (a && b) out.price = PriceRange{*a, *b};
    }
  }
  return true;
}

}  // namespace caiji::extract::marketplace
