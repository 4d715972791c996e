// WooCommerce stores (WordPress), on any host. Variable products carry every variation as JSON in
// `form.variations_form[data-product_variations]` (WooCommerce 2.4 on): attributes as slugs
// ({"attribute_pa_color": "red"}, "" meaning any value), display_price / display_regular_price
// in major units, is_in_stock, max_qty, image.full_src, sku, variation_id. The labels shown to
// the buyer ("Red", "Colour") are in the form's <select>s. Simple products have no such form;
// their price and currency come from WooCommerce's own JSON-LD, which the generic extractor reads.
// Currency is never in the variations JSON: it comes from the JSON-LD offers or product meta tags.
// The description is left to JSON-LD and meta tags (the theme's tab markup varies too much).

#include <string>
#include <vector>

#include "core/extract/json_util.hpp"
#include "core/extract/sites/sites.hpp"
#include "core/item/money.hpp"
#include "core/script/js_value.hpp"
#include "core/util/text.hpp"

namespace caiji::extract {

namespace {

struct Attr {
  std::string key;    // "attribute_pa_color"
  std::string label;  // "Colour"
  std::vector<std::pair<std::string, std::string>> values;  // slug -> label, in the select's order
};

std::string label_for(const Attr& a, const std::string& slug) {
  for (const auto& [s, l] : a.values)
    if (s == slug) return l;
  return slug;
}

// "attribute_pa_color" -> "Color" when the page has no label for it.
std::string label_from_key(std::string_view key) {
  if (starts_with(key, "attribute_")) key.remove_prefix(10);
  if (starts_with(key, "pa_")) key.remove_prefix(3);
  std::string s(key);
  for (char& c : s)
    if (c == '-' || c == '_') c = ' ';
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

std::vector<Attr> read_selects(const html::Node& form) {
  std::vector<Attr> out;
  for (const html::Node& sel : form.select("select")) {
    Attr a;
    a.key = std::string(sel.attr("data-attribute_name").value_or(sel.attr("name").value_or("")));
    if (a.key.empty()) continue;
    if (auto id = sel.attr("id"))
      if (html::Node label = form.select_first("label[for=\"" + std::string(*id) + "\"]"); label.valid())
        a.label = clean_text(label.text());
    if (a.label.empty()) a.label = label_from_key(a.key);
    for (const html::Node& opt : sel.select("option")) {
      std::string v(opt.attr("value").value_or(""));
      if (v.empty()) continue;  // "Choose an option"
      a.values.emplace_back(v, clean_text(opt.text()));
    }
    out.push_back(std::move(a));
  }
  return out;
}

std::string currency_of(const Page& page) {
  for (const char* key : {"product:price:currency", "og:price:currency"})
    if (std::string m = page.meta(key); !m.empty()) return to_upper_ascii(trim(m));
  // WooCommerce's structured data: an Offer with a priceSpecification or a priceCurrency.
  for (const auto& s : page.scripts()) {
    if (!iequals(trim(s.type), "application/ld+json")) continue;
    std::size_t at = s.body.find("\"priceCurrency\"");
    if (at == std::string_view::npos) continue;
    std::size_t colon = s.body.find(':', at + 15);
    if (colon == std::string_view::npos) continue;
    auto v = script::read_js_value(s.body, colon + 1);
    if (v && v->value.is_string()) return to_upper_ascii(trim(v->value.get<std::string>()));
  }
  return {};
}

std::string image_of(const Page& page, const Json& v) {
  const Json* img = json_at(v, {"image"});
  if (!img || !img->is_object()) return {};
  for (const char* key : {"full_src", "url", "src"})
    if (std::string u = page.absolute(decode_entities(json_text(*img, key))); !u.empty()) return u;
  return {};
}

void fill_variations(const Page& page, const html::Node& form, const Json& list, const std::string& currency, Item& out) {
  std::vector<Attr> attrs = read_selects(form);
  // Attributes used by variations but missing from the form (themes with swatch plugins).
  for (const auto& vj : list) {
    const Json* a = json_at(vj, {"attributes"});
    if (!a || !a->is_object()) continue;
    for (auto it = a->begin(); it != a->end(); ++it) {
      bool known = false;
      for (const auto& x : attrs) known = known || x.key == it.key();
      if (!known && attrs.size() < 8) attrs.push_back(Attr{it.key(), label_from_key(it.key()), {}});
    }
  }
  for (const auto& a : attrs) out.options.push_back(Option{a.label, {}});
  for (std::size_t i = 0; i < list.size() && i < 5000; ++i) {
    const Json& vj = list[i];
    if (!vj.is_object()) continue;
    if (auto vis = vj.find("variation_is_visible"); vis != vj.end() && vis->is_boolean() && !vis->get<bool>()) continue;
    Variant v;
    v.sku_id = json_text(vj, "variation_id");
    if (auto p = vj.find("display_price"); p != vj.end()) v.price = json_money(*p, currency);
    if (auto p = vj.find("display_regular_price"); p != vj.end())
      if (auto was = json_money(*p, currency); was && v.price && compare_decimal(*was, *v.price) > 0) v.original_price = was;
    if (auto s = vj.find("is_in_stock"); s != vj.end() && s->is_boolean() && !s->get<bool>()) {
      v.stock = 0;
    } else if (auto q = vj.find("max_qty"); q != vj.end()) {
      // max_qty is the stock when the shop manages it, "" otherwise.
      if (auto n = json_int(*q); n && *n >= 0) v.stock = *n;
    }
    v.image = image_of(page, vj);
    const Json* a = json_at(vj, {"attributes"});
    for (std::size_t k = 0; k < attrs.size(); ++k) {
      std::string slug = a ? json_text(*a, attrs[k].key) : std::string();
      // "" is "any value": the variation covers every value of this attribute.
      std::string value = slug.empty() ? std::string() : clean_text(decode_entities(label_for(attrs[k], slug)));
      v.option_values.push_back(value);
    }
    out.variants.push_back(std::move(v));
  }
  // Values in the order the select lists them, then any only the variations name.
  for (std::size_t k = 0; k < attrs.size(); ++k) {
    auto& values = out.options[k].values;
    auto add = [&](const std::string& name, const std::string& image) {
      if (name.empty()) return;
      for (auto& e : values) {
        if (e.name != name) continue;
        if (e.image.empty()) e.image = image;
        return;
      }
      values.push_back(OptionValue{name, image});
    };
    for (const auto& [slug, label] : attrs[k].values) {
      bool used = false;
      for (const auto& v : out.variants) used = used || v.option_values[k] == label || v.option_values[k].empty();
      if (used) add(label, {});
    }
    for (const auto& v : out.variants) add(v.option_values[k], k == 0 ? v.image : std::string());
  }
}

class WooCommerceExtractor final : public Extractor {
 public:
  std::string_view name() const override { return "woocommerce"; }
  bool applies_to(const Page& page) const override {
    std::string_view html = page.input().html;
    return contains_text(html, "data-product_variations") ||
           (contains_text(html, "woocommerce") && contains_text(html, "single-product"));
  }

  void extract(const Page& page, Item& out, std::vector<Warning>& warnings) const override {
    html::Node summary = page.doc().select_first(".product .summary, .product .entry-summary");
    html::Node form = page.doc().select_first("form.variations_form");
    if (!summary.valid() && !form.valid()) return;
    out.source.platform = "woocommerce";
    out.currency = currency_of(page);

    // The post id: on the form, the add-to-cart button, or the body's "postid-123" class.
    if (form.valid()) out.source.product_id = std::string(trim(form.attr("data-product_id").value_or("")));
    if (out.source.product_id.empty())
      if (html::Node b = page.doc().select_first("button[name=add-to-cart], input[name=add-to-cart]"); b.valid())
        out.source.product_id = std::string(trim(b.attr("value").value_or("")));

    if (html::Node h = page.doc().select_first("h1.product_title, .product_title"); h.valid()) out.title = h.text();
    // Each gallery slide links to the full-size upload; the <img> inside is a resized copy.
    for (const html::Node& slide : page.doc().select(".woocommerce-product-gallery__image")) {
      std::string u;
      if (html::Node a = slide.select_first("a[href]"); a.valid()) u = page.absolute(a.attr("href").value_or(""));
      if (u.empty())
        if (html::Node img = slide.select_first("img"); img.valid())
          u = page.absolute(img.attr("data-large_image").value_or(img.attr("src").value_or("")));
      if (!u.empty()) out.images.main.push_back(u);
    }
    for (const html::Node& tr : page.doc().select("table.woocommerce-product-attributes tr, table.shop_attributes tr")) {
      html::Node th = tr.select_first("th");
      html::Node td = tr.select_first("td");
      if (!th.valid() || !td.valid()) continue;
      Attribute a{clean_text(th.text()), clean_text(td.text())};
      if (!a.name.empty() && !a.value.empty()) out.attributes.push_back(std::move(a));
    }
    for (const html::Node& a : page.doc().select(".posted_in a"))
      if (std::string c = clean_text(a.text()); !c.empty() && out.category_path.empty()) out.category_path.push_back(c);

    if (!form.valid()) return;
    std::string raw(form.attr("data-product_variations").value_or(""));
    if (trim(raw) == "false") {
      // Above 30 variations (woocommerce_ajax_variation_threshold) the form loads them on demand.
      warnings.push_back({"variations_load_separately",
                          "This shop loads the product's variations only when a buyer picks options, so the saved "
                          "page lists the options but not each variation's price and stock."});
      for (const Attr& a : read_selects(form)) {
        Option o{a.label, {}};
        for (const auto& [slug, label] : a.values) o.values.push_back(OptionValue{label, {}});
        out.options.push_back(std::move(o));
      }
      return;
    }
    auto list = script::read_entire_js_value(raw);
    if (!list || !list->is_array()) {
      warnings.push_back({"woocommerce_variations_unreadable", "The shop's list of variations could not be read."});
      return;
    }
    fill_variations(page, form, *list, out.currency, out);
  }
};

}  // namespace

std::unique_ptr<Extractor> make_woocommerce_extractor() { return std::make_unique<WooCommerceExtractor>(); }

}  // namespace caiji::extract
