// Shopify stores, on any host. A product page (/products/<handle>) embeds its product as JSON
// for the theme's scripts, in one of these places (newest themes first):
//  - <script type="application/json" data-product-json> or id="ProductJson-…" (Debut, Brooklyn,
//    Narrative and most themes until Online Store 2.0): the `/products/<handle>.js` shape, with
//    variants (option1..3, price and compare_at_price in cents, available, featured_image),
//    options, images, vendor, type, description (body HTML).
//  - `var meta = {"product": …}` for ShopifyAnalytics (every storefront): id, vendor, type and
//    the variants with price in cents and public_title, but no pictures or options. Online
//    Store 2.0 themes (Dawn) often give only this plus JSON-LD, which the generic extractor reads.
// Prices in this JSON are integers in the currency's hundredths whatever the currency (a JPY
// store's ¥1000 is 100000), so they convert exactly, never through a float.

#include <algorithm>
#include <string>
#include <vector>

#include "core/extract/json_util.hpp"
#include "core/extract/sites/sites.hpp"
#include "core/item/money.hpp"
#include "core/normalize/description.hpp"
#include "core/script/js_value.hpp"
#include "core/util/text.hpp"

namespace caiji::extract {

namespace {

// 1999 -> "19.99". Negative amounts are not prices.
std::optional<std::string> cents_to_decimal(std::int64_t cents) {
  if (cents < 0) return std::nullopt;
  std::string digits = std::to_string(cents);
  while (digits.size() < 3) digits.insert(digits.begin(), '0');
  return digits.substr(0, digits.size() - 2) + "." + digits.substr(digits.size() - 2);
}

// A Shopify amount: integers (numbers or digit strings) are cents; a decimal string ("19.99",
// what /products/<handle>.json and some themes print) is already in major units.
std::optional<std::string> shopify_money(const Json& j, const std::string& currency) {
  if (j.is_string() && j.get_ref<const std::string&>().find('.') != std::string::npos) return json_money(j, currency);
  if (j.is_number_float()) {
    auto whole = json_int(j);
    if (!whole) return json_money(j, currency);  // 19.99 as a number: major units
    auto d = cents_to_decimal(*whole);
    return d ? canonical_money(*d, currency) : std::nullopt;
  }
  auto cents = json_int(j);
  if (!cents) return std::nullopt;
  auto d = cents_to_decimal(*cents);
  return d ? canonical_money(*d, currency) : std::nullopt;
}

std::optional<std::string> money_at(const Json& obj, const char* key, const std::string& currency) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return std::nullopt;
  return shopify_money(*it, currency);
}

// An image is a URL string or {src|url: …}; theme JSON writes protocol-relative URLs.
std::string image_url(const Page& page, const Json& j) {
  if (j.is_string()) return page.absolute(j.get_ref<const std::string&>());
  if (!j.is_object()) return {};
  std::string src = json_text(j, "src");
  if (src.empty()) src = json_text(j, "url");
  if (src.empty())
    if (const Json* p = json_at(j, {"preview_image", "src"})) src = json_text(*p);
  return page.absolute(src);
}

const Json* product_json(const Page& page, Json& storage) {
  for (const auto& s : page.scripts()) {
    if (!iequals(trim(s.type), "application/json")) continue;
    bool tagged = s.attr("data-product-json").has_value() || starts_with(s.id, "ProductJson") ||
                  starts_with(s.id, "product-json") || s.id == "ProductJSON";
    if (!tagged) continue;
    auto v = script::read_entire_js_value(s.body);
    if (!v || !v->is_object()) continue;
    // Some themes wrap it: {"product": {...}, "selected_variant_id": …}.
    if (auto p = v->find("product"); p != v->end() && p->is_object()) storage = *p;
    else storage = std::move(*v);
    if (storage.contains("variants") || storage.contains("title")) return &storage;
  }
  return nullptr;
}

std::string currency_of(const Page& page) {
  if (const Json* c = page.script_value("Shopify.currency"))
    if (std::string a = json_text(*c, "active"); !a.empty()) return to_upper_ascii(trim(a));
  for (const char* key : {"og:price:currency", "product:price:currency"})
    if (std::string m = page.meta(key); !m.empty()) return to_upper_ascii(trim(m));
  if (const Json* c = page.script_value("ShopifyAnalytics.meta.currency"))
    if (std::string a = json_text(*c); !a.empty()) return to_upper_ascii(trim(a));
  return {};
}

// options: ["Color", "Size"] (.js shape) or [{"name": "Color", "values": [...]}] (.json shape).
std::vector<std::string> option_names(const Json& product) {
  std::vector<std::string> names;
  auto it = product.find("options");
  if (it == product.end() || !it->is_array()) return names;
  for (const auto& o : *it) {
    std::string n = o.is_object() ? json_text(o, "name") : json_text(o);
    if (!n.empty() && names.size() < 3) names.push_back(clean_text(n));
  }
  return names;
}

void fill_variants(const Page& page, const Json& product, const std::string& currency, Item& out) {
  std::vector<std::string> names = option_names(product);
  auto vit = product.find("variants");
  if (vit == product.end() || !vit->is_array()) return;
  // A product without options has one option "Title" whose only value is "Default Title".
  const bool no_options = names.size() == 1 && names[0] == "Title" && vit->size() == 1 &&
                          json_text((*vit)[0], "option1") == "Default Title";
  if (no_options) names.clear();
  for (const auto& n : names) out.options.push_back(Option{n, {}});
  static const char* kOptionKeys[] = {"option1", "option2", "option3"};
  for (std::size_t i = 0; i < vit->size() && i < 5000; ++i) {
    const Json& vj = (*vit)[i];
    if (!vj.is_object()) continue;
    Variant v;
    v.sku_id = json_text(vj, "id");
    v.price = money_at(vj, "price", currency);
    if (auto was = money_at(vj, "compare_at_price", currency); was && v.price && compare_decimal(*was, *v.price) > 0)
      v.original_price = was;
    if (auto q = vj.find("inventory_quantity"); q != vj.end())
      if (auto n = json_int(*q)) v.stock = *n < 0 ? 0 : *n;
    if (auto a = vj.find("available"); a != vj.end() && a->is_boolean() && !a->get<bool>()) v.stock = 0;
    if (auto f = vj.find("featured_image"); f != vj.end()) v.image = image_url(page, *f);
    for (std::size_t k = 0; k < names.size(); ++k) {
      std::string value = clean_text(json_text(vj, kOptionKeys[k]));
      v.option_values.push_back(value);
      if (value.empty()) continue;
      auto& values = out.options[k].values;
      bool seen = false;
      for (auto& existing : values) {
        if (existing.name != value) continue;
        seen = true;
        if (k == 0 && existing.image.empty()) existing.image = v.image;
      }
      if (!seen) values.push_back(OptionValue{value, k == 0 ? v.image : std::string()});
    }
    out.variants.push_back(std::move(v));
  }
}

// ShopifyAnalytics' `meta.product`: variants with a price and "Red / S" as public_title.
void fill_from_meta(const Json& meta, const std::string& currency, Item& out) {
  const Json* product = json_at(meta, {"product"});
  if (!product || !product->is_object()) return;
  if (out.source.product_id.empty()) out.source.product_id = json_text(*product, "id");
  if (out.brand.empty()) out.brand = json_text(*product, "vendor");
  if (out.category_path.empty())
    if (std::string t = clean_text(json_text(*product, "type")); !t.empty()) out.category_path.push_back(t);
  if (!out.variants.empty()) return;
  auto vit = product->find("variants");
  if (vit == product->end() || !vit->is_array()) return;
  std::size_t dims = 0;
  std::vector<Variant> variants;
  for (const auto& vj : *vit) {
    if (!vj.is_object()) continue;
    Variant v;
    v.sku_id = json_text(vj, "id");
    v.price = money_at(vj, "price", currency);
    std::string title = json_text(vj, "public_title");
    std::string_view rest = title;
    while (!rest.empty()) {
      std::size_t cut = rest.find(" / ");
      v.option_values.push_back(clean_text(rest.substr(0, cut)));
      rest = cut == std::string_view::npos ? std::string_view{} : rest.substr(cut + 3);
    }
    dims = std::max(dims, v.option_values.size());
    variants.push_back(std::move(v));
  }
  // The option names are not in meta; only a single SKU can be kept without them.
  if (dims == 0 && variants.size() == 1) out.variants = std::move(variants);
  else if (dims > 0 && out.price == std::nullopt) {
    for (const auto& v : variants) {
      if (!v.price) continue;
      if (!out.price) out.price = PriceRange{*v.price, *v.price};
      if (compare_decimal(*v.price, out.price->min) < 0) out.price->min = *v.price;
      if (compare_decimal(*v.price, out.price->max) > 0) out.price->max = *v.price;
    }
  }
}

bool looks_like_shopify(std::string_view html) {
  return contains_text(html, "cdn.shopify.com") || contains_text(html, "Shopify.shop") ||
         contains_text(html, "ShopifyAnalytics");
}

class ShopifyExtractor final : public Extractor {
 public:
  std::string_view name() const override { return "shopify"; }
  bool applies_to(const Page& page) const override { return looks_like_shopify(page.input().html); }

  void extract(const Page& page, Item& out, std::vector<Warning>&) const override {
    Json storage;
    const Json* product = product_json(page, storage);
    const Json* meta = page.script_value("meta");
    if (meta && !json_at(*meta, {"product"})) meta = nullptr;
    if (!meta) meta = page.script_value("ShopifyAnalytics.meta");
    if (meta && !json_at(*meta, {"product"})) meta = nullptr;
    if (!product && !meta) return;  // a collection, cart or blog page of the store

    out.source.platform = "shopify";
    out.currency = currency_of(page);
    if (const Json* shop = page.script_value("Shopify.shop")) out.source.shop.id = json_text(*shop);
    out.source.shop.name = decode_entities(page.meta("og:site_name"));
    if (!page.host().empty()) out.source.shop.url = "https://" + page.host() + "/";

    if (product) {
      out.source.product_id = json_text(*product, "id");
      out.title = decode_entities(json_text(*product, "title"));
      out.brand = decode_entities(json_text(*product, "vendor"));
      std::string type = clean_text(json_text(*product, "type"));
      if (type.empty()) type = clean_text(json_text(*product, "product_type"));
      if (!type.empty()) out.category_path.push_back(type);
      std::string body = json_text(*product, "description");
      if (body.empty()) body = json_text(*product, "body_html");
      auto desc = normalize::sanitize_description(body, page.base_url());
      out.description_html = std::move(desc.html);
      out.images.description = std::move(desc.images);
      if (auto it = product->find("images"); it != product->end() && it->is_array())
        for (const auto& img : *it)
          if (std::string u = image_url(page, img); !u.empty()) out.images.main.push_back(u);
      if (out.images.main.empty())
        if (auto it = product->find("media"); it != product->end() && it->is_array())
          for (const auto& m : *it)
            if (json_text(m, "media_type") == "image" || !m.contains("media_type"))
              if (std::string u = image_url(page, m); !u.empty()) out.images.main.push_back(u);
      if (out.images.main.empty())
        if (auto it = product->find("featured_image"); it != product->end())
          if (std::string u = image_url(page, *it); !u.empty()) out.images.main.push_back(u);
      fill_variants(page, *product, out.currency, out);
    }
    if (meta) fill_from_meta(*meta, out.currency, out);
  }
};

}  // namespace

std::unique_ptr<Extractor> make_shopify_extractor() { return std::make_unique<ShopifyExtractor>(); }

}  // namespace caiji::extract
