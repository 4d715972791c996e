// Taobao/Tmall pieces every page generation shares: property paths to variants, printed prices.

#include <algorithm>
#include <cstdint>
#include <map>

#include "core/extract/sites/taobao_parts.hpp"
#include "core/item/money.hpp"
#include "core/normalize/price.hpp"
#include "core/util/text.hpp"

namespace caiji::extract::taobao {

std::vector<std::pair<std::string, std::string>> split_path(std::string_view path) {
  std::vector<std::pair<std::string, std::string>> out;
  while (!path.empty() && out.size() < 50) {
    std::size_t semi = path.find(';');
    std::string_view pair = trim(path.substr(0, semi));
    path = semi == std::string_view::npos ? std::string_view{} : path.substr(semi + 1);
    std::size_t colon = pair.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon + 1 == pair.size()) continue;
    out.emplace_back(std::string(pair.substr(0, colon)), std::string(pair.substr(colon + 1)));
  }
  return out;
}

void build_variants(const std::vector<Prop>& props, const std::vector<SkuEntry>& skus, Item& out) {
  std::map<std::string, std::pair<std::size_t, std::size_t>> where;  // "pid:vid" -> (option, value)
  std::vector<std::size_t> option_of_prop(props.size(), SIZE_MAX);
  for (std::size_t p = 0; p < props.size(); ++p) {
    if (props[p].values.empty()) continue;
    option_of_prop[p] = out.options.size();
    Option opt{clean_text(props[p].name), {}};
    for (std::size_t v = 0; v < props[p].values.size(); ++v) {
      const PropValue& pv = props[p].values[v];
      where.emplace(props[p].pid + ":" + pv.vid, std::make_pair(out.options.size(), opt.values.size()));
      opt.values.push_back(OptionValue{clean_text(pv.name), pv.image});
    }
    out.options.push_back(std::move(opt));
  }
  // SKU maps are keyed objects without order: variants follow the option lists instead.
  std::vector<std::pair<std::vector<std::size_t>, Variant>> found;
  for (const SkuEntry& sku : skus) {
    if (found.size() >= 5000) break;
    std::vector<std::size_t> picks(out.options.size(), SIZE_MAX);
    for (const auto& [pid, vid] : split_path(sku.path)) {
      auto it = where.find(pid + ":" + vid);
      if (it != where.end()) picks[it->second.first] = it->second.second;
    }
    Variant v;
    bool complete = true;
    for (std::size_t k = 0; k < picks.size(); ++k) {
      // An axis with one value is often left out of the path (a lone "官方标配" package).
      if (picks[k] == SIZE_MAX && out.options[k].values.size() == 1) picks[k] = 0;
      if (picks[k] == SIZE_MAX) {
        complete = false;
        break;
      }
      v.option_values.push_back(out.options[k].values[picks[k]].name);
      if (v.image.empty()) v.image = out.options[k].values[picks[k]].image;
    }
    if (!complete) continue;
    v.sku_id = sku.sku_id;
    v.price = sku.price;
    if (sku.original_price && sku.price && compare_decimal(*sku.original_price, *sku.price) > 0)
      v.original_price = sku.original_price;
    v.stock = sku.stock;
    found.emplace_back(std::move(picks), std::move(v));
  }
  std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& f : found) out.variants.push_back(std::move(f.second));
}

void apply_promotion(const std::optional<PriceRange>& promo, Item& out, std::vector<Warning>& warnings) {
  if (!promo) return;
  out.price = promo;
  // One listed price for every SKU and one promotion price: the promotion applies to all.
  std::optional<std::string> common;
  bool uniform = !out.variants.empty();
  for (const auto& v : out.variants) {
    if (!v.price || (common && *common != *v.price)) uniform = false;
    if (v.price) common = v.price;
  }
  if (uniform && promo->min == promo->max && compare_decimal(*common, promo->min) > 0) {
    for (auto& v : out.variants) {
      v.original_price = v.price;
      v.price = promo->min;
    }
    return;
  }
  auto listed = variant_price_range(out);
  if (listed && (listed->min != promo->min || listed->max != promo->max)) {
    warnings.push_back({"promotion_price_per_sku_unknown",
                        "The page shows a promotion price for the item but not for each option; the options keep "
                        "their listed prices."});
  }
}

std::optional<PriceRange> read_price_text(std::string_view text) {
  auto p = normalize::parse_price_text(text, kCurrency);
  if (!p || p->min.empty() || (!p->currency.empty() && p->currency != kCurrency)) return std::nullopt;
  return PriceRange{p->min, p->max.empty() ? p->min : p->max};
}

std::string item_id_from_url(std::string_view url) {
  for (std::string_view key : {"?id=", "&id="}) {
    std::size_t p = url.find(key);
    if (p == std::string_view::npos) continue;
    std::size_t start = p + key.size(), end = start;
    while (end < url.size() && url[end] >= '0' && url[end] <= '9') ++end;
    if (end > start) return std::string(url.substr(start, end - start));
  }
  return {};
}

std::optional<PriceRange> variant_price_range(const Item& item) {
  const std::string* lo = nullptr;
  const std::string* hi = nullptr;
  for (const auto& v : item.variants) {
    if (!v.price) continue;
    if (!lo || compare_decimal(*v.price, *lo) < 0) lo = &*v.price;
    if (!hi || compare_decimal(*v.price, *hi) > 0) hi = &*v.price;
  }
  if (!lo) return std::nullopt;
  return PriceRange{*lo, *hi};
}

}  // namespace caiji::extract::taobao
