// 1688 pieces every page generation shares: the SKU matrix, quantity tiers, printed prices.

#include <map>
#include <set>

#include "core/extract/sites/alibaba_1688_parts.hpp"
#include "core/item/money.hpp"
#include "core/normalize/price.hpp"
#include "core/util/text.hpp"

namespace caiji::extract::alibaba_1688 {

namespace {

// More combinations than this are not a real offer; the map is then read as it comes.
constexpr std::size_t kMaxCombinations = 20000;
constexpr std::size_t kMaxSkus = 5000;

// SKU map keys escape the separator as the page's templates do: "红色&gt;M". A few saves
// decoded it to '>'.
std::vector<std::string> split_key(std::string key) {
  for (std::size_t p; (p = key.find("&gt;")) != std::string::npos;) key.replace(p, 4, ">");
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t p; (p = key.find('>', start)) != std::string::npos; start = p + 1) parts.push_back(key.substr(start, p - start));
  parts.push_back(key.substr(start));
  return parts;
}

std::string normalize_key(std::string key) {
  for (std::size_t p; (p = key.find("&gt;")) != std::string::npos;) key.replace(p, 4, ">");
  return key;
}

struct SkuEntries {
  std::vector<std::pair<std::string, const Json*>> list;  // normalized key, entry
  std::map<std::string, std::size_t> index;
};

SkuEntries entries_of(const Json* sku_map) {
  SkuEntries e;
  if (!sku_map) return e;
  auto add = [&](std::string key, const Json& v) {
    if (!v.is_object() || e.list.size() >= kMaxSkus) return;
    key = normalize_key(std::move(key));
    if (e.index.count(key)) return;
    e.index[key] = e.list.size();
    e.list.emplace_back(std::move(key), &v);
  };
  if (sku_map->is_object()) {
    for (auto it = sku_map->begin(); it != sku_map->end(); ++it) add(it.key(), *it);
  } else if (sku_map->is_array()) {
    // The 2024 trade model lists SKUs as an array; each names its values in specAttrs.
    for (const auto& v : *sku_map)
      if (v.is_object()) add(json_text(v, "specAttrs"), v);
  }
  return e;
}

std::optional<std::string> money_at(const Json& entry, const char* key) {
  auto it = entry.find(key);
  if (it == entry.end()) return std::nullopt;
  return json_money(*it, kCurrency);
}

Variant variant_of(const Json& entry, std::vector<std::string> values, const std::optional<std::string>& fallback_original) {
  Variant v;
  v.sku_id = json_text(entry, "skuId");
  v.option_values = std::move(values);
  // discountPrice is what the buyer pays today; price is the list price it was cut from.
  std::optional<std::string> sale = money_at(entry, "discountPrice");
  std::optional<std::string> list = money_at(entry, "price");
  v.price = sale ? sale : list;
  if (v.price && list && compare_decimal(*list, *v.price) > 0) v.original_price = list;
  else if (v.price && !list && fallback_original && compare_decimal(*fallback_original, *v.price) > 0)
    v.original_price = fallback_original;
  for (const char* key : {"canBookCount", "stock"}) {
    auto it = entry.find(key);
    if (it == entry.end()) continue;
    if (auto n = json_int(*it); n && *n >= 0) v.stock = n;
    break;
  }
  return v;
}

}  // namespace

void read_sku_matrix(const Page& page, const Json& sku_props, const Json* sku_map, Item& out,
                     const std::optional<std::string>& fallback_original) {
  // Options, with the raw names the map keys are made of.
  std::vector<std::vector<std::string>> raw_names;
  if (sku_props.is_array()) {
    for (const auto& prop : sku_props) {
      if (!prop.is_object()) continue;
      Option opt;
      opt.name = clean_text(decode_entities(json_text(prop, "prop")));
      std::vector<std::string> names;
      if (auto values = prop.find("value"); values != prop.end() && values->is_array()) {
        for (const auto& value : *values) {
          std::string raw = value.is_object() ? json_text(value, "name") : json_text(value);
          if (raw.empty() || names.size() >= kMaxSkus) continue;
          names.push_back(raw);
          std::string image = value.is_object() ? page.absolute(json_text(value, "imageUrl")) : std::string();
          opt.values.push_back(OptionValue{clean_text(decode_entities(raw)), image});
        }
      }
      if (opt.values.empty()) continue;
      out.options.push_back(std::move(opt));
      raw_names.push_back(std::move(names));
    }
  }

  SkuEntries entries = entries_of(sku_map);
  std::vector<bool> used(entries.list.size(), false);
  auto image_for = [&](const std::vector<std::size_t>& picks) {
    for (std::size_t k = 0; k < picks.size(); ++k)
      if (!out.options[k].values[picks[k]].image.empty()) return out.options[k].values[picks[k]].image;
    return std::string();
  };

  // Page order: every combination of the option values as the page lists them.
  std::size_t combinations = raw_names.empty() ? 0 : 1;
  for (const auto& names : raw_names) combinations = names.empty() || combinations > kMaxCombinations ? combinations : combinations * names.size();
  if (!raw_names.empty() && combinations <= kMaxCombinations) {
    std::vector<std::size_t> picks(raw_names.size(), 0);
    for (std::size_t n = 0; n < combinations; ++n) {
      std::string key;
      std::vector<std::string> values;
      for (std::size_t k = 0; k < picks.size(); ++k) {
        if (k) key += '>';
        key += raw_names[k][picks[k]];
        values.push_back(out.options[k].values[picks[k]].name);
      }
      if (auto it = entries.index.find(key); it != entries.index.end()) {
        used[it->second] = true;
        Variant v = variant_of(*entries.list[it->second].second, std::move(values), fallback_original);
        v.image = image_for(picks);
        out.variants.push_back(std::move(v));
      }
      for (std::size_t k = picks.size(); k-- > 0;) {
        if (++picks[k] < raw_names[k].size()) break;
        picks[k] = 0;
      }
    }
  }

  // SKUs whose key names values the props do not list (or pages without props) come after,
  // their values read from the key itself.
  for (std::size_t i = 0; i < entries.list.size(); ++i) {
    if (used[i]) continue;
    std::vector<std::string> parts = split_key(entries.list[i].first);
    if (!out.options.empty() && parts.size() != out.options.size()) continue;
    for (auto& p : parts) p = clean_text(decode_entities(p));
    if (out.options.empty() && !parts.empty() && !parts[0].empty()) {
      // A SKU map without props: one unnamed axis per key part is all the page tells.
      for (std::size_t k = 0; k < parts.size(); ++k) out.options.push_back(Option{parts.size() == 1 ? "规格" : "规格" + std::to_string(k + 1), {}});
    }
    if (parts.size() != out.options.size()) continue;
    for (std::size_t k = 0; k < parts.size(); ++k) {
      bool seen = false;
      for (const auto& existing : out.options[k].values) seen = seen || existing.name == parts[k];
      if (!seen && !parts[k].empty()) out.options[k].values.push_back(OptionValue{parts[k], {}});
    }
    out.variants.push_back(variant_of(*entries.list[i].second, std::move(parts), fallback_original));
  }
}

std::vector<PriceTier> read_tiers(const Json& list) {
  std::vector<PriceTier> tiers;
  if (!list.is_array()) return tiers;
  for (const auto& t : list) {
    if (tiers.size() >= 50) break;
    std::optional<std::int64_t> begin;
    std::optional<std::string> price;
    if (t.is_object()) {
      for (const char* key : {"beginAmount", "begin", "startQuantity"})
        if (auto it = t.find(key); it != t.end() && !begin) begin = json_int(*it);
      if (auto it = t.find("price"); it != t.end()) price = json_money(*it, kCurrency);
    } else if (t.is_array() && t.size() >= 2) {
      // 2019 iDetailData.sku.priceRange: [[2, 16.5], [50, 15.8]].
      begin = json_int(t[0]);
      price = json_money(t[1], kCurrency);
    }
    if (!begin || *begin < 1 || !price) return {};
    tiers.push_back(PriceTier{*begin, *price});
  }
  for (std::size_t i = 1; i < tiers.size(); ++i) {
    if (tiers[i].min_quantity <= tiers[i - 1].min_quantity) return {};
    if (compare_decimal(tiers[i].price, tiers[i - 1].price) >= 0) return {};
  }
  return tiers;
}

std::optional<PriceRange> read_price_text(std::string_view text) {
  auto p = normalize::parse_price_text(text, kCurrency);
  if (!p || p->min.empty() || (!p->currency.empty() && p->currency != kCurrency)) return std::nullopt;
  return PriceRange{p->min, p->max.empty() ? p->min : p->max};
}

std::string offer_id_from_url(std::string_view url) {
  std::size_t p = url.find("/offer/");
  if (p == std::string_view::npos) return {};
  std::size_t start = p + 7, end = start;
  while (end < url.size() && url[end] >= '0' && url[end] <= '9') ++end;
  return end > start ? std::string(url.substr(start, end - start)) : std::string();
}

}  // namespace caiji::extract::alibaba_1688
