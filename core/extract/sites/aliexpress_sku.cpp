// AliExpress SKUs as both runParams generations keep them (2019–2022 skuModule, 2023–2024
// skuComponent + priceComponent): productSKUPropertyList for the axes, skuPriceList for the
// SKUs with skuVal {skuActivityAmount, skuAmount, availQuantity}.

#include <map>
#include <string>
#include <vector>

#include "core/extract/sites/aliexpress_parts.hpp"
#include "core/item/money.hpp"
#include "core/normalize/price.hpp"
#include "core/script/js_value.hpp"
#include "core/util/text.hpp"

namespace caiji::extract::aliexpress {

namespace {

// Bounds on what one page may make us build; real pages stay far below.
constexpr std::size_t kMaxAxes = 16;
constexpr std::size_t kMaxValues = 1000;
constexpr std::size_t kMaxSkus = 20000;

struct Axis {
  std::string id;  // skuPropertyId
  // propertyValueIdLong (or propertyValueId) -> index in the option's values
  std::map<std::string, std::size_t, std::less<>> values;
};

// Lists sometimes arrive as text: 2023 pages keep the SKUs twice, once as the JSON string
// priceComponent.skuJson; and a page saved through a scraper may hold a list in Python's repr
// ('…', False). The tolerant JavaScript reader takes both (False becomes null).
Json as_list(const Json& j) {
  if (j.is_array()) return j;
  if (j.is_string()) {
    auto v = script::read_entire_js_value(j.get_ref<const std::string&>());
    if (v && v->is_array()) return std::move(*v);
  }
  return Json::array();
}

std::string first_text(const Json& j, std::initializer_list<const char*> keys) {
  for (const char* k : keys)
    if (std::string t = clean_text(json_text(j, k)); !t.empty()) return t;
  return {};
}

// An amount {currency, value, formatedAmount}: the number when there is one, else the printed
// text ("€ 97,39") read with the currency's separators.
std::optional<std::string> amount_of(const Json* amount, std::string& currency) {
  if (!amount || !amount->is_object()) return std::nullopt;
  std::string c = to_upper_ascii(trim(json_text(*amount, "currency")));
  if (!c.empty()) {
    if (currency.empty()) currency = c;
    if (c != currency) return std::nullopt;  // never mix currencies in one item
  }
  if (auto v = amount->find("value"); v != amount->end())
    if (auto m = json_money(*v, currency)) return m;
  if (auto t = normalize::parse_price_text(json_text(*amount, "formatedAmount"), currency);
      t && (t->currency.empty() || t->currency == currency))
    return t->min;
  return std::nullopt;
}

// One SKU's values as (axis id, value id, custom name) triples, from skuAttr
// "14:193#Red;200007763:201336100" or, when that is missing, positional skuPropIds "193,201336100".
struct Pick {
  std::string axis;
  std::string value;
  std::string custom;
};

std::vector<Pick> picks_of(const Json& sku, const std::vector<Axis>& axes) {
  std::vector<Pick> out;
  std::string attr = json_text(sku, "skuAttr");
  std::string_view rest = attr;
  while (!rest.empty() && out.size() < kMaxAxes) {
    std::size_t semi = rest.find(';');
    std::string_view part = rest.substr(0, semi);
    rest = semi == std::string_view::npos ? std::string_view{} : rest.substr(semi + 1);
    std::size_t colon = part.find(':');
    if (colon == std::string_view::npos) continue;
    Pick p;
    p.axis = std::string(trim(part.substr(0, colon)));
    std::string_view value = part.substr(colon + 1);
    std::size_t hash = value.find('#');
    if (hash != std::string_view::npos) {
      p.custom = clean_text(value.substr(hash + 1));
      value = value.substr(0, hash);
    }
    p.value = std::string(trim(value));
    out.push_back(std::move(p));
  }
  if (!out.empty()) return out;
  std::string ids = json_text(sku, "skuPropIds");
  rest = ids;
  for (std::size_t i = 0; !rest.empty() && i < axes.size(); ++i) {
    std::size_t comma = rest.find(',');
    out.push_back(Pick{axes[i].id, std::string(trim(rest.substr(0, comma))), {}});
    rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
  }
  return out;
}

}  // namespace

void read_skus(const Json& property_list, const Json& price_list, std::string_view currency_hint, const Page& page,
               Item& out) {
  Json props = as_list(property_list);
  Json skus = as_list(price_list);

  std::vector<Axis> axes;
  for (const Json& p : props) {
    if (!p.is_object() || axes.size() >= kMaxAxes) continue;
    Option option;
    option.name = first_text(p, {"skuPropertyName"});
    Axis axis;
    axis.id = json_text(p, "skuPropertyId");
    const Json* listed = json_at(p, {"skuPropertyValues"});
    Json values = as_list(listed ? *listed : Json());
    for (const Json& v : values) {
      if (!v.is_object() || option.values.size() >= kMaxValues) continue;
      // The buyer sees the seller's own name for a value (propertyValueDisplayName, "C1 bright");
      // propertyValueName is AliExpress's standard one ("Green") behind it.
      OptionValue value;
      value.name = first_text(v, {"propertyValueDisplayName", "propertyValueDefinitionName", "propertyValueName"});
      std::string image = json_text(v, "skuPropertyImagePath");
      if (image.empty()) image = json_text(v, "skuPropertyImageSummPath");
      value.image = page.absolute(image);
      std::string id = json_text(v, "propertyValueIdLong");
      if (id.empty()) id = json_text(v, "propertyValueId");
      axis.values.emplace(id, option.values.size());
      option.values.push_back(std::move(value));
    }
    axes.push_back(std::move(axis));
    out.options.push_back(std::move(option));
  }

  std::string currency = to_upper_ascii(trim(currency_hint));
  std::string sku_currency;
  for (const Json& s : skus) {
    if (!s.is_object() || out.variants.size() >= kMaxSkus) continue;
    Variant variant;
    variant.sku_id = json_text(s, "skuIdStr");
    if (variant.sku_id.empty()) variant.sku_id = json_text(s, "skuId");
    variant.option_values.assign(out.options.size(), std::string());
    for (const Pick& pick : picks_of(s, axes)) {
      for (std::size_t a = 0; a < axes.size(); ++a) {
        if (axes[a].id != pick.axis) continue;
        if (auto found = axes[a].values.find(pick.value); found != axes[a].values.end()) {
          const OptionValue& ov = out.options[a].values[found->second];
          variant.option_values[a] = ov.name;
          if (variant.image.empty()) variant.image = ov.image;
        }
        if (variant.option_values[a].empty()) variant.option_values[a] = pick.custom;
        break;
      }
    }

    const Json* val = json_at(s, {"skuVal"});
    if (val && val->is_object()) {
      // skuActivityAmount is what the buyer pays now (the sale price), skuAmount the regular
      // price shown struck through beside it. isActivity false means no sale runs.
      const Json* is_activity = json_at(*val, {"isActivity"});
      bool activity = !(is_activity && is_activity->is_boolean() && !is_activity->get<bool>());
      std::string c = sku_currency;
      std::optional<std::string> regular = amount_of(json_at(*val, {"skuAmount"}), c);
      std::optional<std::string> sale = activity ? amount_of(json_at(*val, {"skuActivityAmount"}), c) : std::nullopt;
      if (!regular && !sale && c.empty()) {
        // 2020 pages on country sites also give the converted prices as bare strings.
        c = currency;
        if (activity)
          if (const Json* t = json_at(*val, {"actSkuMultiCurrencyCalPrice"})) sale = json_money(*t, c);
        if (const Json* t = json_at(*val, {"skuMultiCurrencyCalPrice"})) regular = json_money(*t, c);
      }
      if (sku_currency.empty()) sku_currency = c;
      variant.price = sale ? sale : regular;
      const Json* hide = json_at(*val, {"hideOriPrice"});
      bool hidden = hide && hide->is_boolean() && hide->get<bool>();
      if (sale && regular && !hidden && compare_decimal(*regular, *sale) > 0) variant.original_price = regular;
      for (const char* key : {"availQuantity", "inventory"}) {
        const Json* q = json_at(*val, {key});
        if (auto n = q ? json_int(*q) : std::nullopt; n && *n >= 0) {
          variant.stock = n;
          break;
        }
      }
    }
    out.variants.push_back(std::move(variant));
  }
  out.currency = !sku_currency.empty() ? sku_currency : currency;
  if (auto range = variant_price_range(out.variants)) out.price = range;
}

std::optional<PriceRange> variant_price_range(const std::vector<Variant>& variants) {
  // The page's own range leaves out sold-out SKUs (2022 pages keep their regular price only), so
  // they count only when every SKU is sold out.
  for (bool skip_sold_out : {true, false}) {
    const std::string* lo = nullptr;
    const std::string* hi = nullptr;
    for (const auto& v : variants) {
      if (!v.price || (skip_sold_out && v.stock && *v.stock == 0)) continue;
      if (!lo || compare_decimal(*v.price, *lo) < 0) lo = &*v.price;
      if (!hi || compare_decimal(*v.price, *hi) > 0) hi = &*v.price;
    }
    if (lo) return PriceRange{*lo, *hi};
  }
  return std::nullopt;
}

}  // namespace caiji::extract::aliexpress
