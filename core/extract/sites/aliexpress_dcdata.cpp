// AliExpress item pages since 2024: `window._d_c_.DCData = {...}` holds only the gallery
// (imagePathList); `window.runParams` is an empty stub and the rest arrives through an API and is
// rendered by the browser. So these pages are read from their rendered DOM, as the seller's tab
// (or a page saved from it) has it. The class names are CSS modules with a hash suffix that
// changes between releases ("price--currentPriceText--V8_y_b5"), so only their stable prefix is
// matched; data-pl attributes are stable and preferred where they exist.

#include <string>

#include "core/extract/sites/aliexpress_parts.hpp"
#include "core/item/money.hpp"
#include "core/normalize/price.hpp"
#include "core/util/text.hpp"

namespace caiji::extract::aliexpress {

namespace {

std::string first_text(const Page& page, std::string_view selector) {
  html::Node n = page.doc().select_first(selector);
  return n.valid() ? clean_text(n.text()) : std::string();
}

// The currency of the page's prices in its own words: JSON-LD offers.priceCurrency, else the
// "ship to" selector of the header ("PL/ PKR"), the currency the seller chose to see.
std::string page_currency(const Page& page) {
  for (const auto& s : page.scripts()) {
    if (!iequals(trim(s.type), "application/ld+json")) continue;
    Json j = Json::parse(s.body, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) continue;
    for (const Json* o : json_list(j)) {
      const Json* offers = json_at(*o, {"offers"});
      if (!offers) continue;
      for (const Json* offer : json_list(*offers))
        if (std::string c = to_upper_ascii(trim(json_text(*offer, "priceCurrency"))); c.size() == 3) return c;
    }
  }
  std::string shown = first_text(page, "[class*=\"ship-to--text\"] b");
  bool code = shown.size() == 3;
  for (char c : shown) code = code && c >= 'A' && c <= 'Z';
  return code ? shown : std::string();
}

// The SKU picker: one block per axis, titled "kolor: 1 pcs SMA" (axis name, then the value now
// selected), each value a [data-sku-col] tile with a picture (alt = its name) or a text label.
// Only the selected value's price is on the page.
void read_sku_picker(const Page& page, const std::optional<PriceRange>& shown, const std::optional<std::string>& struck,
                     Item& out, std::vector<Warning>& warnings) {
  std::vector<std::vector<std::pair<bool, bool>>> flags;  // per axis, per value: selected, sold out
  for (const html::Node& axis : page.doc().select("[class*=\"sku-item--property\"]")) {
    if (out.options.size() >= 16) break;
    html::Node t = axis.select_first("[class*=\"sku-item--title\"]");
    std::string title = t.valid() ? clean_text(t.text()) : std::string();
    std::size_t colon = title.find(':');
    if (colon == std::string::npos) colon = title.find("\xEF\xBC\x9A");  // full-width colon
    Option option;
    option.name = clean_text(std::string_view(title).substr(0, colon));
    std::vector<std::pair<bool, bool>> axis_flags;
    for (const html::Node& tile : axis.select("[data-sku-col]")) {
      if (option.values.size() >= 1000) break;
      OptionValue v;
      if (html::Node img = tile.select_first("img"); img.valid()) {
        v.name = clean_text(img.attr("alt").value_or(""));
        v.image = page.absolute(img.attr("src").value_or(""));
      }
      if (v.name.empty()) v.name = clean_text(tile.attr("title").value_or(""));
      if (v.name.empty()) v.name = clean_text(tile.text());
      if (v.name.empty()) continue;
      std::string_view cls = tile.attr("class").value_or("");
      axis_flags.emplace_back(cls.find("sku-item--selected") != std::string_view::npos,
                              cls.find("sku-item--soldOut") != std::string_view::npos);
      option.values.push_back(std::move(v));
    }
    if (option.values.empty()) continue;
    out.options.push_back(std::move(option));
    flags.push_back(std::move(axis_flags));
  }
  // With one axis every value is one SKU: its stock is known to be 0 when the tile says sold
  // out, its price when it is the selected one. Combinations of several axes are not on the page.
  if (out.options.size() == 1) {
    const Option& option = out.options[0];
    for (std::size_t i = 0; i < option.values.size(); ++i) {
      Variant variant;
      variant.option_values = {option.values[i].name};
      variant.image = option.values[i].image;
      if (flags[0][i].first && shown) {
        variant.price = shown->min;
        variant.original_price = struck;
      }
      if (flags[0][i].second) variant.stock = 0;
      out.variants.push_back(std::move(variant));
    }
  }
  if (out.options.size() > 1 || (out.options.size() == 1 && out.options[0].values.size() > 1)) {
    warnings.push_back({"sku_prices_need_endpoint",
                        "This AliExpress page shows the price of the selected choice only; the prices and stock of "
                        "the other choices load separately and were not collected."});
  }
}

}  // namespace

bool read_dcdata(const Page& page, Item& out, std::vector<Warning>& warnings) {
  const Json* dc = page.script_value("_d_c_.DCData");
  html::Node title_node = page.doc().select_first("h1[data-pl=\"product-title\"]");
  if ((!dc || !dc->is_object()) && !title_node.valid()) return false;

  // A removed or hidden item still loads the page shell and DCData, then renders this notice
  // instead of the product.
  if (page.doc().select_first("[class*=\"not-found--wrap\"]").valid() && !title_node.valid()) {
    warnings.push_back({"item_unavailable", "AliExpress shows this product as not found: it was removed or is hidden "
                                            "in the shipping country chosen on the page."});
    return true;
  }

  out.title = title_node.valid() ? clean_text(title_node.text()) : std::string();
  if (out.title.empty()) out.title = strip_title_suffix(page.meta("og:title"));
  if (dc && dc->is_object())
    if (const Json* list = json_at(*dc, {"imagePathList"}); list && list->is_array())
      for (std::size_t i = 0; i < list->size() && i < 200; ++i)
        if (std::string url = page.absolute(json_text((*list)[i])); !url.empty()) out.images.main.push_back(url);

  // The price block shows the selected SKU: what the buyer pays now and, during a sale, the
  // regular price struck through beside it.
  std::string hint = page_currency(page);
  std::optional<PriceRange> shown;
  std::optional<std::string> struck;
  std::string now = first_text(page, "[class*=\"price--currentPriceText\"], .product-price-value");
  if (auto p = normalize::parse_price_text(now, hint); p && !p->currency.empty()) {
    out.currency = p->currency;
    shown = PriceRange{p->min, p->max};
    std::string was = first_text(page, "[class*=\"price--originalText\"]");
    if (auto o = normalize::parse_price_text(was, out.currency);
        o && o->currency == out.currency && compare_decimal(o->min, p->max) > 0)
      struck = o->min;
  }
  out.price = shown;
  read_sku_picker(page, shown, struck, out, warnings);

  for (const html::Node& row : page.doc().select("[class*=\"specification--prop\"]")) {
    if (out.attributes.size() >= 2000) break;
    html::Node name = row.select_first("[class*=\"specification--title\"]");
    html::Node value = row.select_first("[class*=\"specification--desc\"]");
    if (!name.valid() || !value.valid()) continue;
    Attribute a{clean_text(name.text()), clean_text(value.text())};
    if (!a.name.empty() && !a.value.empty()) out.attributes.push_back(std::move(a));
  }
  for (const html::Node& a : page.doc().select("[class*=\"cross-link--breadcrumb\"] a[href*=\"/category/\"]"))
    if (std::string name = clean_text(a.text()); !name.empty() && out.category_path.size() < 50) out.category_path.push_back(name);

  html::Node store = page.doc().select_first("a[data-pl=\"store-name\"]");
  if (store.valid()) {
    out.source.shop = make_shop(page, store.attr("href").value_or(""), "", store.text());
  } else if (html::Node wrap = page.doc().select_first("a[class*=\"store-detail--wrap\"]"); wrap.valid()) {
    html::Node name = wrap.select_first("[class*=\"store-detail--storeName\"]");
    out.source.shop = make_shop(page, wrap.attr("href").value_or(""), "", name.valid() ? name.text() : "");
  }
  if (auto v = read_video(page, "", "")) out.video = v;
  return true;
}

}  // namespace caiji::extract::aliexpress
