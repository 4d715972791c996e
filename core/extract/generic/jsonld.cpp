// JSON-LD (schema.org Product, ProductGroup with hasVariant, Offer, AggregateOffer, @graph):
// what most Western shops, Shopify themes, eBay and the newer AliExpress pages declare.

#include <string>
#include <vector>

#include "core/extract/generic/generic.hpp"
#include "core/extract/json_util.hpp"
#include "core/item/money.hpp"
#include "core/script/js_value.hpp"
#include "core/util/text.hpp"

namespace caiji::extract {

namespace {

// "Product", "schema:Product", "http://schema.org/Product" all name the same type.
bool has_type(const Json& node, std::string_view type) {
  auto it = node.find("@type");
  if (it == node.end()) return false;
  for (const Json* t : json_list(*it)) {
    if (!t->is_string()) continue;
    std::string_view s = t->get_ref<const std::string&>();
    std::size_t cut = s.find_last_of("/:");
    if (cut != std::string_view::npos) s = s.substr(cut + 1);
    if (iequals(s, type)) return true;
  }
  return false;
}

// Every object in a JSON-LD document, breadth first, without recursion.
std::vector<const Json*> all_objects(const Json& root) {
  std::vector<const Json*> out, queue{&root};
  for (std::size_t i = 0; i < queue.size() && queue.size() < 100000; ++i) {
    const Json* j = queue[i];
    if (j->is_object()) out.push_back(j);
    if (j->is_object() || j->is_array())
      for (const auto& child : *j)
        if (child.is_object() || child.is_array()) queue.push_back(&child);
  }
  return out;
}

std::string text_of(const Json& node, const char* key) {
  auto it = node.find(key);
  if (it == node.end()) return {};
  if (it->is_object()) return decode_entities(json_text(*it, "name"));
  if (it->is_array() && !it->empty()) return decode_entities(json_text((*it)[0]));
  return decode_entities(json_text(*it));
}

std::vector<std::string> images_of(const Json& node, const Page& page) {
  std::vector<std::string> out;
  auto it = node.find("image");
  if (it == node.end()) return out;
  for (const Json* img : json_list(*it)) {
    std::string url = img->is_object() ? json_text(*img, "contentUrl") : json_text(*img);
    if (url.empty() && img->is_object()) url = json_text(*img, "url");
    if (std::string abs = page.absolute(url); !abs.empty()) out.push_back(abs);
  }
  return out;
}

struct OfferPrice {
  std::string currency;
  std::string low, high;
  std::optional<std::int64_t> stock_hint;  // 0 when the offer says out of stock
};

void widen(OfferPrice& p, const std::string& v) {
  if (v.empty()) return;
  if (p.low.empty() || compare_decimal(v, p.low) < 0) p.low = v;
  if (p.high.empty() || compare_decimal(v, p.high) > 0) p.high = v;
}

// Offers come as one Offer, a list, an AggregateOffer, or an Offer whose price sits in a
// priceSpecification. Offers in different currencies are not mixed: the first currency wins.
OfferPrice price_of(const Json& product) {
  OfferPrice p;
  auto it = product.find("offers");
  if (it == product.end()) return p;
  std::vector<const Json*> offers = json_list(*it);
  for (std::size_t i = 0; i < offers.size() && i < 5000; ++i) {
    const Json& o = *offers[i];
    if (!o.is_object()) continue;
    std::string currency = json_text(o, "priceCurrency");
    const Json* spec = json_at(o, {"priceSpecification"});
    if (spec && spec->is_array() && !spec->empty()) spec = &(*spec)[0];
    if (currency.empty() && spec && spec->is_object()) currency = json_text(*spec, "priceCurrency");
    currency = to_upper_ascii(trim(currency));
    if (!p.currency.empty() && !currency.empty() && currency != p.currency) continue;
    if (p.currency.empty()) p.currency = currency;
    for (const char* key : {"price", "lowPrice", "highPrice"}) {
      if (auto f = o.find(key); f != o.end())
        if (auto m = json_money(*f, p.currency)) widen(p, *m);
    }
    if (spec && spec->is_object())
      if (auto f = spec->find("price"); f != spec->end())
        if (auto m = json_money(*f, p.currency)) widen(p, *m);
    std::string availability = json_text(o, "availability");
    if (icontains(availability, "OutOfStock") || icontains(availability, "SoldOut")) p.stock_hint = 0;
    if (auto nested = o.find("offers"); nested != o.end() && has_type(o, "AggregateOffer"))
      for (const Json* n : json_list(*nested)) offers.push_back(n);
  }
  return p;
}

std::string option_name(std::string_view varies_by) {
  std::size_t cut = varies_by.find_last_of("/:");
  std::string name(cut == std::string_view::npos ? varies_by : varies_by.substr(cut + 1));
  if (!name.empty() && name[0] >= 'a' && name[0] <= 'z') name[0] = static_cast<char>(name[0] - 'a' + 'A');
  return name;
}

// The value a variant has for an option: a direct property ("color": "Red") or an
// additionalProperty with that name.
std::string variant_value(const Json& v, const std::string& option) {
  std::string key = to_lower_ascii(option);
  for (auto it = v.begin(); it != v.end(); ++it)
    if (to_lower_ascii(it.key()) == key) return text_of(v, it.key().c_str());
  if (auto ap = v.find("additionalProperty"); ap != v.end())
    for (const Json* prop : json_list(*ap))
      if (prop->is_object() && iequals(json_text(*prop, "name"), option)) return json_text(*prop, "value");
  return {};
}

void fill_variants(const Json& group, const Page& page, Item& out) {
  auto hv = group.find("hasVariant");
  if (hv == group.end()) return;
  std::vector<std::string> names;
  if (auto vb = group.find("variesBy"); vb != group.end())
    for (const Json* v : json_list(*vb))
      if (std::string n = option_name(json_text(*v)); !n.empty()) names.push_back(n);
  for (const auto& n : names) out.options.push_back(Option{n, {}});
  for (const Json* vj : json_list(*hv)) {
    if (!vj->is_object()) continue;
    Variant v;
    v.sku_id = json_text(*vj, "sku");
    OfferPrice p = price_of(*vj);
    if (!p.low.empty()) v.price = p.low;
    if (p.stock_hint) v.stock = p.stock_hint;
    if (auto imgs = images_of(*vj, page); !imgs.empty()) v.image = imgs.front();
    for (std::size_t k = 0; k < names.size(); ++k) {
      std::string value = clean_text(variant_value(*vj, names[k]));
      v.option_values.push_back(value);
      auto& values = out.options[k].values;
      bool seen = false;
      for (const auto& existing : values) seen = seen || existing.name == value;
      if (!seen && !value.empty()) values.push_back(OptionValue{value, k == 0 ? v.image : std::string()});
    }
    if (out.currency.empty()) out.currency = p.currency;
    out.variants.push_back(std::move(v));
  }
}

class JsonLdExtractor final : public Extractor {
 public:
  std::string_view name() const override { return "jsonld"; }
  bool applies_to(const Page&) const override { return true; }

  void extract(const Page& page, Item& out, std::vector<Warning>& warnings) const override {
    std::vector<Json> docs;
    for (const auto& s : page.scripts()) {
      if (!iequals(trim(s.type), "application/ld+json")) continue;
      Json j = Json::parse(s.body, nullptr, /*allow_exceptions=*/false, /*ignore_comments=*/true);
      if (j.is_discarded()) {
        // Shops hand-write JSON-LD with trailing commas and stray quotes; read it as JavaScript.
        auto tolerant = script::read_js_value(s.body);
        if (!tolerant) {
          warnings.push_back({"jsonld_unreadable", "A JSON-LD block on the page could not be read: " +
                                                       tolerant.error().message});
          continue;
        }
        j = std::move(tolerant->value);
      }
      docs.push_back(std::move(j));
    }
    const Json* product = nullptr;
    const Json* group = nullptr;
    for (const Json& d : docs) {
      for (const Json* o : all_objects(d)) {
        if (!group && has_type(*o, "ProductGroup")) group = o;
        if (!product && has_type(*o, "Product")) product = o;
      }
    }
    const Json* main = group ? group : product;
    if (!main) return;

    out.title = text_of(*main, "name");
    out.description_html = text_paragraph_html(text_of(*main, "description"));
    out.images.main = images_of(*main, page);
    if (group && out.images.main.empty() && product) out.images.main = images_of(*product, page);
    out.brand = text_of(*main, "brand");
    if (std::string c = text_of(*main, "category"); !c.empty()) {
      std::string_view rest = c;
      while (!rest.empty()) {
        std::size_t cut = rest.find('>');
        std::string part = clean_text(rest.substr(0, cut));
        if (!part.empty()) out.category_path.push_back(part);
        rest = cut == std::string_view::npos ? std::string_view{} : rest.substr(cut + 1);
      }
    }
    for (const char* key : {"gtin13", "gtin12", "gtin14", "gtin8", "gtin", "mpn"}) {
      if (std::string v = text_of(*main, key); !v.empty()) out.attributes.push_back({to_lower_ascii(key) == "mpn" ? "MPN" : "GTIN", v});
    }
    if (auto ap = main->find("additionalProperty"); ap != main->end())
      for (const Json* prop : json_list(*ap))
        if (prop->is_object()) out.attributes.push_back({json_text(*prop, "name"), json_text(*prop, "value")});
    if (const Json* w = json_at(*main, {"weight"}); w && w->is_object()) {
      std::string unit = to_lower_ascii(json_text(*w, "unitCode") + json_text(*w, "unitText"));
      static const std::pair<const char*, const char*> units[] = {{"grm", "g"}, {"g", "g"},   {"kgm", "kg"}, {"kg", "kg"},
                                                                  {"lbr", "lb"}, {"lb", "lb"}, {"onz", "oz"}, {"oz", "oz"}};
      for (const auto& [code, norm] : units) {
        if (unit != code) continue;
        if (auto value = canonical_decimal(json_text(*w, "value"), 0)) out.weight = Weight{*value, norm};
        break;
      }
    }
    if (const Json* video = json_at(*main, {"video"})) {
      const Json* v = video->is_array() && !video->empty() ? &(*video)[0] : video;
      if (v->is_object()) {
        std::string url = page.absolute(json_text(*v, "contentUrl"));
        if (!url.empty()) out.video = Video{url, page.absolute(json_text(*v, "thumbnailUrl"))};
      }
    }

    if (group) fill_variants(*group, page, out);
    OfferPrice p = price_of(*main);
    // A group without its own offer is priced by its variants (finalize derives the range).
    if (p.low.empty() && group && out.variants.empty() && product && product != group) p = price_of(*product);
    if (!p.low.empty()) {
      out.currency = p.currency;
      out.price = PriceRange{p.low, p.high};
    }
  }
};

}  // namespace

std::unique_ptr<Extractor> make_jsonld_extractor() { return std::make_unique<JsonLdExtractor>(); }

}  // namespace caiji::extract
