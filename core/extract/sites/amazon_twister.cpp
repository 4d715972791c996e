// Amazon variations ("twister"): the option axes (Color, Size), one variant per child ASIN,
// and the pictures of each color.
//
// Two page generations:
// - Script twister (up to 2023): `P.register('twister-js-init-dpx-data', function() { var
//   dataToReturn = {...} })` holds dimensions, variationValues, asinVariationValues and
//   dimensionValuesDisplayData for every child ASIN. Only the shown ASIN's price is on the page;
//   the others load when chosen.
// - Inline twister (2024-25): the swatches are markup (#inline-twister-row-<dim>), each li
//   carrying its child ASIN (data-asin) and, for the other values of the same axis, its price.

#include <algorithm>
#include <map>

#include "core/extract/json_util.hpp"
#include "core/item/money.hpp"
#include "core/extract/sites/amazon_private.hpp"
#include "core/script/locate.hpp"
#include "core/util/text.hpp"

namespace caiji::extract::amazon {

namespace {

constexpr std::size_t kMaxVariants = 5000;

const Json* either(const Json& j, std::string_view a, std::string_view b) {
  if (auto it = j.find(a); it != j.end() && !it->is_null()) return &*it;
  if (auto it = j.find(b); it != j.end() && !it->is_null()) return &*it;
  return nullptr;
}

bool has_display_data(const Json& j) {
  const Json* d = either(j, "dimensionValuesDisplayData", "dimension_values_display_data");
  const Json* a = either(j, "asinVariationValues", "asin_variation_values");
  return (d && d->is_object() && !d->empty()) || (a && a->is_object() && !a->empty());
}

// The twister data object of the page, or null.
Json find_twister_data(const Page& page) {
  for (const html::Script& s : page.scripts()) {
    if (s.body.find("dimensionValuesDisplayData") == std::string_view::npos &&
        s.body.find("asinVariationValues") == std::string_view::npos &&
        s.body.find("asin_variation_values") == std::string_view::npos)
      continue;
    if (auto v = script::find_assignment(s.body, "dataToReturn"); v && v->is_object() && has_display_data(*v))
      return std::move(*v);
    // Pages that pass the data straight to a call or keep it in a larger literal.
    Json assembled = Json::object();
    for (const char* key : {"dimensions", "dimensionsDisplay", "variationDisplayLabels", "variationValues",
                            "asinVariationValues", "dimensionValuesDisplayData", "currentAsin", "parentAsin",
                            "dimensionsDisplaySubType", "currentlyUnavailableAsins", "variation_values",
                            "asin_variation_values", "current_asin"}) {
      if (auto v = script::find_property(s.body, key)) assembled[key] = std::move(*v);
    }
    if (has_display_data(assembled)) return assembled;
  }
  return nullptr;
}

struct Axis {
  std::string key;    // "color_name"
  std::string label;  // "Color"
  bool pictures = false;
};

// The pictures of one child ASIN: the colorImages entry whose key colorToAsin maps to it, or
// whose key is its values joined by spaces ("Black 2 Pack").
std::vector<std::string> pictures_for(const ImageBlock& block, const std::string& asin,
                                      const std::vector<std::string>& values) {
  for (auto it = block.color_to_asin.begin(); it != block.color_to_asin.end(); ++it) {
    if (!it->is_object() || json_text(*it, "asin") != asin) continue;
    if (auto c = block.color_images.find(it.key()); c != block.color_images.end()) return pictures_of(*c);
  }
  std::string joined;
  for (const auto& v : values) joined += (joined.empty() ? "" : " ") + v;
  if (auto c = block.color_images.find(joined); c != block.color_images.end()) return pictures_of(*c);
  return {};
}

void read_script_twister(const Page& page, const Json& data, const ImageBlock& block,
                         Item& out) {
  std::vector<Axis> axes;
  if (const Json* dims = json_at(data, {"dimensions"}); dims && dims->is_array())
    for (const Json& d : *dims)
      if (d.is_string()) axes.push_back(Axis{d.get<std::string>(), {}, false});
  const Json* values_by_key = either(data, "variationValues", "variation_values");
  const Json* asin_indices = either(data, "asinVariationValues", "asin_variation_values");
  const Json* display = either(data, "dimensionValuesDisplayData", "dimension_values_display_data");
  // Pages without "dimensions" still name the axes in variationValues.
  if (axes.empty() && values_by_key && values_by_key->is_object())
    for (auto it = values_by_key->begin(); it != values_by_key->end(); ++it) axes.push_back(Axis{it.key(), {}, false});
  if (axes.empty() || axes.size() > 10) return;

  const Json* display_names = json_at(data, {"dimensionsDisplay"});
  const Json* labels = json_at(data, {"variationDisplayLabels"});
  const Json* subtypes = json_at(data, {"dimensionsDisplaySubType"});
  for (std::size_t i = 0; i < axes.size(); ++i) {
    Axis& a = axes[i];
    if (display_names && display_names->is_array() && i < display_names->size()) a.label = json_text((*display_names)[i]);
    if (a.label.empty() && labels && labels->is_object()) a.label = json_text(*labels, a.key);
    if (a.label.empty()) {  // "color_name" -> "Color"
      a.label = a.key.substr(0, a.key.find("_name"));
      if (!a.label.empty() && a.label[0] >= 'a' && a.label[0] <= 'z') a.label[0] = static_cast<char>(a.label[0] - 32);
    }
    if (subtypes && subtypes->is_array() && i < subtypes->size()) a.pictures = json_text((*subtypes)[i]) == "IMAGE";
    else a.pictures = a.key.find("color") != std::string::npos;
  }

  // Child ASINs with their value names, in option order.
  struct Child {
    std::string asin;
    std::vector<std::string> values;
    std::vector<long> order;  // index of each value within its axis, for page order
  };
  std::vector<Child> children;
  std::vector<std::string> asins;
  if (display && display->is_object())
    for (auto it = display->begin(); it != display->end(); ++it) asins.push_back(it.key());
  if (asin_indices && asin_indices->is_object())
    for (auto it = asin_indices->begin(); it != asin_indices->end(); ++it)
      if (std::find(asins.begin(), asins.end(), it.key()) == asins.end()) asins.push_back(it.key());
  for (const std::string& asin : asins) {
    if (children.size() >= kMaxVariants) break;
    if (!is_asin(asin)) continue;
    Child c{asin, std::vector<std::string>(axes.size()), std::vector<long>(axes.size(), -1)};
    const Json* shown = display && display->is_object() && display->contains(asin) ? &(*display)[asin] : nullptr;
    const Json* idx = asin_indices && asin_indices->is_object() && asin_indices->contains(asin) ? &(*asin_indices)[asin] : nullptr;
    for (std::size_t i = 0; i < axes.size(); ++i) {
      const Json* axis_values = values_by_key && values_by_key->is_object() ? json_at(*values_by_key, {axes[i].key}) : nullptr;
      if (idx && idx->is_object()) {
        auto n = json_int(idx->value(axes[i].key, Json()));
        if (n && axis_values && axis_values->is_array() && *n >= 0 && static_cast<std::size_t>(*n) < axis_values->size()) {
          c.order[i] = static_cast<long>(*n);
          c.values[i] = clean(json_text((*axis_values)[static_cast<std::size_t>(*n)]));
        }
      }
      // dimensionValuesDisplayData lists the names as shown, in dimensions order.
      if (shown && shown->is_array() && shown->size() == axes.size()) {
        std::string name = clean(json_text((*shown)[i]));
        if (!name.empty()) c.values[i] = name;
        if (c.order[i] < 0 && axis_values && axis_values->is_array())
          for (std::size_t k = 0; k < axis_values->size(); ++k)
            if (clean(json_text((*axis_values)[k])) == name) c.order[i] = static_cast<long>(k);
      }
    }
    bool complete = true;
    for (const auto& v : c.values) complete = complete && !v.empty();
    if (complete) children.push_back(std::move(c));
  }
  if (children.empty()) return;
  // Scripts are read as JSON objects, whose key order is not the page's: order the children
  // by their values' positions on the page, as the swatches show them.
  std::stable_sort(children.begin(), children.end(), [](const Child& a, const Child& b) { return a.order < b.order; });

  out.options.clear();
  for (const Axis& a : axes) out.options.push_back(Option{a.label, {}});
  // Values in page order: variationValues when given, else first seen.
  for (std::size_t i = 0; i < axes.size(); ++i) {
    const Json* axis_values = values_by_key && values_by_key->is_object() ? json_at(*values_by_key, {axes[i].key}) : nullptr;
    auto add = [&](const std::string& name) {
      auto& vals = out.options[i].values;
      for (const auto& v : vals)
        if (v.name == name) return;
      vals.push_back(OptionValue{name, {}});
    };
    if (axis_values && axis_values->is_array())
      for (const Json& v : *axis_values) {
        std::string name = clean(json_text(v));
        // A value no child uses cannot be chosen.
        bool used = false;
        for (const Child& c : children) used = used || c.values[i] == name;
        if (used) add(name);
      }
    for (const Child& c : children) add(c.values[i]);
  }

  std::vector<std::string> unavailable;
  if (const Json* u = json_at(data, {"currentlyUnavailableAsins"}); u && u->is_array())
    for (const Json& a : *u) unavailable.push_back(json_text(a));
  for (const Child& c : children) {
    Variant v;
    v.sku_id = c.asin;
    v.option_values = c.values;
    if (std::find(unavailable.begin(), unavailable.end(), c.asin) != unavailable.end()) v.stock = 0;
    if (auto pics = pictures_for(block, c.asin, c.values); !pics.empty()) v.image = page.absolute(pics.front());
    for (std::size_t i = 0; i < axes.size(); ++i) {
      if (!axes[i].pictures || v.image.empty()) continue;
      for (auto& ov : out.options[i].values)
        if (ov.name == c.values[i] && ov.image.empty()) ov.image = v.image;
    }
    out.variants.push_back(std::move(v));
  }
}

// The inline twister of 2024-25 pages.
void read_inline_twister(const Page& page, const CurrencyHints& hints, Item& out) {
  std::vector<html::Node> rows;
  for (const html::Node& r : page.doc().select("[id^=inline-twister-row-]"))
    if (r.select_first("li[data-asin]").valid()) rows.push_back(r);
  if (rows.empty() || rows.size() > 10) return;
  std::vector<Variant> variants;
  for (const html::Node& row : rows) {
    std::string key(row.attr("id").value_or(""));
    key = key.substr(std::string_view("inline-twister-row-").size());
    std::string label;
    if (html::Node t = row.select_first("[id^=inline-twister-dim-title-] .a-color-secondary"); t.valid()) label = clean(t.text());
    while (!label.empty() && (label.back() == ':' || label.back() == ' ')) label.pop_back();
    if (label.empty()) label = key;
    Option opt{label, {}};
    for (const html::Node& li : row.select("li[data-asin]")) {
      std::string asin(trim(li.attr("data-asin").value_or("")));
      std::string name, image;
      if (html::Node img = li.select_first("img"); img.valid()) {
        name = clean(img.attr("alt").value_or(""));
        image = page.absolute(img.attr("src").value_or(""));
      }
      if (name.empty())
        if (html::Node t = li.select_first(".swatch-title-text-display, .swatch-title-text, .a-size-base"); t.valid())
          name = clean(t.text());
      if (name.empty()) continue;
      bool seen = false;
      for (const auto& v : opt.values) seen = seen || v.name == name;
      if (!seen) opt.values.push_back(OptionValue{name, image});
      if (rows.size() != 1 || !is_asin(asin) || variants.size() >= kMaxVariants) continue;
      Variant v;
      v.sku_id = asin;
      v.option_values = {name};
      v.image = image;
      if (html::Node p = li.select_first(".apex-pricetopay-value"); p.valid())
        if (auto pt = read_price(price_text(p), hints); pt && (out.currency.empty() || pt->currency == out.currency))
          v.price = pt->min;
      if (html::Node p = li.select_first(".apex-basisprice-value"); p.valid())
        if (auto pt = read_price(price_text(p), hints); pt && v.price && pt->currency == out.currency &&
                                                           compare_decimal(pt->min, *v.price) > 0)
          v.original_price = pt->min;
      if (li.attr("data-initiallyunavailable").value_or("") == "true") v.stock = 0;
      variants.push_back(std::move(v));
    }
    if (!opt.values.empty()) out.options.push_back(std::move(opt));
  }
  // With several axes a swatch's ASIN is only its combination with the current choice of the
  // others; the full map loads separately, so only the axes are kept.
  if (out.options.size() == 1) out.variants = std::move(variants);
}

}  // namespace

void read_twister(const Page& page, const CurrencyHints& hints, const ImageBlock& block, Item& out) {
  Json data = find_twister_data(page);
  if (data.is_object()) read_script_twister(page, data, block, out);
  if (out.options.empty()) read_inline_twister(page, hints, out);
}

}  // namespace caiji::extract::amazon
