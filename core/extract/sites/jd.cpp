// JD item pages: item.jd.com, item.jd.hk (global purchase) and item.yiyaojd.com (pharmacy), which
// share one server template. Product data sits in `var pageConfig = {product: {...}}`; the rest
// (shop, specs, breadcrumbs, colour/size choices) is server-rendered markup.
//
// JD never puts the price into the item page: the browser fetches it afterwards from a price
// service (p.3.cn, later api.m.jd.com), and `.J-p-<skuId>` stays empty (or ".00"). So a saved
// page gives everything but the price, and says so with `price_needs_endpoint`.

#include <string>
#include <vector>

#include "core/extract/json_util.hpp"
#include "core/extract/platform.hpp"
#include "core/extract/sites/sites.hpp"
#include "core/item/money.hpp"
#include "core/util/text.hpp"

namespace caiji::extract {

namespace {

// Gallery paths in pageConfig are CDN-relative ("jfs/t1/…/x.jpg"); /n0/ serves the original.
constexpr std::string_view kImageBase = "https://img10.360buyimg.com/n0/";

std::string jd_image(const Page& page, std::string_view ref) {
  ref = trim(ref);
  if (ref.empty()) return {};
  if (starts_with(ref, "jfs/")) return std::string(kImageBase) + std::string(ref);
  return page.absolute(ref);
}

// "商品名称：X" (full-width colon, sometimes ASCII) as a name/value pair.
bool split_label(std::string_view text, Attribute& out) {
  std::string_view sep = "\xEF\xBC\x9A";  // ：
  std::size_t cut = text.find(sep);
  std::size_t len = sep.size();
  if (cut == std::string_view::npos) {
    cut = text.find(':');
    len = 1;
  }
  if (cut == std::string_view::npos || cut == 0) return false;
  out.name = clean_text(text.substr(0, cut));
  out.value = clean_text(text.substr(cut + len));
  return !out.name.empty() && !out.value.empty();
}

bool has_attribute(const std::vector<Attribute>& list, const std::string& name) {
  for (const auto& a : list)
    if (a.name == name) return true;
  return false;
}

// "6.9kg", "500g", "1.2 千克"; the intro list's 商品毛重 (gross weight).
std::optional<Weight> parse_weight(std::string_view text) {
  text = trim(text);
  std::size_t i = 0;
  while (i < text.size() && ((text[i] >= '0' && text[i] <= '9') || text[i] == '.')) ++i;
  if (i == 0) return std::nullopt;
  auto value = canonical_decimal(text.substr(0, i), 0);
  std::string unit = to_lower_ascii(trim(text.substr(i)));
  if (!value) return std::nullopt;
  if (unit == "kg" || unit == "\xE5\x8D\x83\xE5\x85\x8B" /* 千克 */ || unit == "\xE5\x85\xAC\xE6\x96\xA4" /* 公斤 */)
    return Weight{*value, "kg"};
  if (unit == "g" || unit == "\xE5\x85\x8B" /* 克 */) return Weight{*value, "g"};
  return std::nullopt;
}

struct Choice {
  std::string name;                          // data-type: 颜色, 版本, 尺码 …
  std::vector<OptionValue> values;           // in page order
  std::vector<std::string> skus;             // data-sku of each value (the SKU that value leads to)
};

// #choose-attr-1, -2, … : one block per dimension, each value an `.item[data-value]`, colours
// with a swatch picture.
std::vector<Choice> read_choices(const Page& page) {
  std::vector<Choice> out;
  for (int n = 1; n <= 6; ++n) {
    html::Node block = page.doc().select_first("#choose-attr-" + std::to_string(n));
    if (!block.valid()) break;
    Choice c;
    c.name = clean_text(block.attr("data-type").value_or(""));
    for (const html::Node& item : block.select(".item[data-value]")) {
      std::string value = clean_text(item.attr("data-value").value_or(""));
      if (value.empty()) continue;
      std::string image;
      if (html::Node img = item.select_first("img"); img.valid()) image = page.absolute(img.attr("src").value_or(""));
      c.values.push_back(OptionValue{value, image});
      c.skus.push_back(std::string(trim(item.attr("data-sku").value_or(""))));
    }
    if (c.name.empty() || c.values.empty()) continue;
    out.push_back(std::move(c));
  }
  return out;
}

void add_value(Option& option, const std::string& value) {
  for (const auto& v : option.values)
    if (v.name == value) return;
  option.values.push_back(OptionValue{value, {}});
}

// colorSize is [{skuId, <dimension>: <value>, …}], one entry per SKU of the product family.
// Dimension order comes from the choose-attr blocks (JSON objects carry no order for us).
void fill_variants(const Page& page, const Json& color_size, Item& out) {
  std::vector<Choice> choices = read_choices(page);
  std::vector<std::string> names;
  for (const auto& c : choices) names.push_back(c.name);
  if (color_size.is_array()) {
    for (const auto& entry : color_size) {
      if (!entry.is_object()) continue;
      for (auto it = entry.begin(); it != entry.end(); ++it) {
        if (it.key() == "skuId" || !(it->is_string() || it->is_number())) continue;
        bool known = false;
        for (const auto& n : names) known = known || n == it.key();
        if (!known && names.size() < 6) names.push_back(it.key());
      }
    }
  }
  for (const auto& n : names) {
    Option o{n, {}};
    for (const auto& c : choices)
      if (c.name == n) o.values = c.values;
    out.options.push_back(std::move(o));
  }

  if (color_size.is_array() && !color_size.empty()) {
    for (std::size_t i = 0; i < color_size.size() && i < 5000; ++i) {
      const Json& entry = color_size[i];
      if (!entry.is_object()) continue;
      Variant v;
      v.sku_id = json_text(entry, "skuId");
      for (auto& o : out.options) {
        std::string value = clean_text(json_text(entry, o.name));
        v.option_values.push_back(value);
        if (!value.empty()) add_value(o, value);
        if (v.image.empty())
          for (const auto& ov : o.values)
            if (ov.name == value && !ov.image.empty()) v.image = ov.image;
      }
      if (!v.sku_id.empty()) out.variants.push_back(std::move(v));
    }
  } else if (choices.size() == 1) {
    // Older pages with one dimension and an empty colorSize: each choice links to its SKU.
    for (std::size_t i = 0; i < choices[0].values.size(); ++i) {
      if (choices[0].skus[i].empty()) continue;
      out.variants.push_back(Variant{choices[0].skus[i], {choices[0].values[i].name}, {}, {}, {}, choices[0].values[i].image});
    }
  }
  // Options nobody can choose from are noise.
  if (out.variants.empty()) out.options.clear();
}

void fill_specs(const Page& page, Item& out) {
  // The intro list under the title: "商品名称：…", "商品毛重：6.9kg", …
  for (const html::Node& li : page.doc().select(".parameter2 li, .p-parameter-list li")) {
    Attribute a;
    if (!split_label(li.text(), a) || has_attribute(out.attributes, a.name)) continue;
    if (a.name == "\xE5\x93\x81\xE7\x89\x8C" /* 品牌 */) {
      if (out.brand.empty()) out.brand = a.value;
      continue;
    }
    if (a.name == "\xE5\x95\x86\xE5\x93\x81\xE6\xAF\x9B\xE9\x87\x8D" /* 商品毛重 */ && !out.weight) out.weight = parse_weight(a.value);
    out.attributes.push_back(std::move(a));
  }
  // The full specification table: since 2017 `.Ptable-item dl > dl > dt/dd`, before that
  // `table.Ptable` rows with a `td.tdTitle`.
  // One dl holds either dt/dd pairs (2018) or one nested dl per pair (2019 on); tips about a
  // spec sit in a `dd.Ptable-tips` of their own.
  for (const html::Node& dl : page.doc().select(".Ptable-item dl")) {
    std::string name;
    for (const html::Node& child : dl.children()) {
      if (child.tag() == "dt") {
        name = clean_text(child.text());
      } else if (child.tag() == "dd" && !child.has_class("Ptable-tips") && !name.empty()) {
        std::string value = clean_text(child.text());
        if (!value.empty() && !has_attribute(out.attributes, name)) out.attributes.push_back({name, value});
        name.clear();
      }
    }
  }
  for (const html::Node& tr : page.doc().select("table.Ptable tr")) {
    html::Node th = tr.select_first("td.tdTitle");
    if (!th.valid()) continue;
    std::string name = clean_text(th.text());
    std::string value;
    for (const html::Node& td : tr.select("td"))
      if (!td.has_class("tdTitle")) value = clean_text(td.text());
    if (!name.empty() && !value.empty() && !has_attribute(out.attributes, name)) out.attributes.push_back({name, value});
  }
  if (out.brand.empty())
    if (html::Node b = page.doc().select_first("#parameter-brand li"); b.valid())
      out.brand = clean_text(b.attr("title").value_or(""));
}

void fill_shop(const Page& page, const Json& product, Item& out) {
  Shop& shop = out.source.shop;
  shop.id = json_text(product, "shopId");
  if (shop.id.empty() || shop.id == "0") shop.id = json_text(product, "venderId");
  if (shop.id == "0") shop.id.clear();
  // 2018 template: `.J-hove-wrap .name a[title]`; global-purchase template: `.shopName a`.
  for (const char* sel : {".J-hove-wrap .name a", ".shopName a", "#popbox .mt h3 a"}) {
    html::Node a = page.doc().select_first(sel);
    if (!a.valid()) continue;
    shop.name = clean_text(a.attr("title").value_or(""));
    if (shop.name.empty()) shop.name = clean_text(a.text());
    shop.url = page.absolute(a.attr("href").value_or(""));
    if (!shop.name.empty()) break;
  }
}

void fill_category(const Page& page, const Json& product, Item& out) {
  // The breadcrumb's first three links are the category levels; the fourth is the brand.
  for (int level = 1; level <= 3; ++level) {
    html::Node a = page.doc().select_first(".crumb a[clstag$=\"mbNav-" + std::to_string(level) + "\"]");
    if (!a.valid()) break;
    if (std::string t = clean_text(a.text()); !t.empty()) out.category_path.push_back(t);
  }
  if (!out.category_path.empty()) return;
  if (auto it = product.find("catName"); it != product.end() && it->is_array())
    for (const auto& c : *it)
      if (std::string t = clean_text(json_text(c)); !t.empty()) out.category_path.push_back(t);
}

// A price the page itself shows, if any template ever filled it in; zero is the empty template.
void fill_price(const Page& page, const std::string& sku, Item& out, std::vector<Warning>& warnings) {
  out.currency = "CNY";
  html::Node p = page.doc().select_first(".J-p-" + sku);
  if (p.valid()) {
    if (auto m = canonical_money(trim(p.text()), "CNY"); m && compare_decimal(*m, "0") > 0) {
      out.price = PriceRange{*m, *m};
      return;
    }
  }
  warnings.push_back({"price_needs_endpoint",
                      "JD loads the price of this product separately after the page opens, so the saved page "
                      "has no price. Collect it from the open product page in your browser, or enter the price "
                      "yourself."});
}

class JdExtractor final : public Extractor {
 public:
  std::string_view name() const override { return "jd"; }
  bool applies_to(const Page& page) const override { return platform_for_host(page.host()) == "jd"; }

  void extract(const Page& page, Item& out, std::vector<Warning>& warnings) const override {
    const Json* config = page.script_value("pageConfig");
    const Json* product = config ? json_at(*config, {"product"}) : nullptr;
    // Search, list and channel pages also set pageConfig, without a product.
    if (!product || !product->is_object()) return;
    std::string sku = json_text(*product, "skuid");
    if (sku.empty()) return;

    out.source.platform = "jd";
    out.source.product_id = sku;
    // `.sku-name` is the full title; badges ("自营", icons) sit in child elements beside it.
    if (html::Node n = page.doc().select_first(".sku-name"); n.valid()) {
      std::string own;
      for (const html::Node& c : n.children())
        if (c.is_text()) own += std::string(c.own_text()) + " ";
      out.title = clean_text(own);
      if (out.title.empty()) out.title = clean_text(n.text());
    }
    if (out.title.empty()) out.title = clean_text(decode_entities(json_text(*product, "name")));

    if (auto it = product->find("imageList"); it != product->end() && it->is_array())
      for (const auto& img : *it)
        if (std::string u = jd_image(page, json_text(img)); !u.empty()) out.images.main.push_back(u);
    if (out.images.main.empty())  // 2017 global-purchase template: no imageList, the thumbnails carry data-url.
      for (const html::Node& img : page.doc().select("#spec-list img"))
        if (std::string u = jd_image(page, img.attr("data-url").value_or("")); !u.empty()) out.images.main.push_back(u);
    if (out.images.main.empty())
      if (std::string u = jd_image(page, json_text(*product, "src")); !u.empty()) out.images.main.push_back(u);

    std::string desc = json_text(*product, "desc");
    if (!desc.empty()) out.description_url = page.absolute(desc);

    if (auto it = product->find("colorSize"); it != product->end()) fill_variants(page, *it, out);
    else fill_variants(page, Json(), out);
    fill_specs(page, out);
    fill_shop(page, *product, out);
    fill_category(page, *product, out);
    fill_price(page, sku, out, warnings);
  }
};

}  // namespace

std::unique_ptr<Extractor> make_jd_extractor() { return std::make_unique<JdExtractor>(); }

}  // namespace caiji::extract
