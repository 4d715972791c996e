// eBay multi-SKU listings: the axes a buyer chooses (selectMenus), their values (menuItemMap)
// and one variant per variation with its price and quantity.

#include <algorithm>
#include <map>

#include "core/extract/json_util.hpp"
#include "core/extract/sites/ebay_private.hpp"
#include "core/item/money.hpp"
#include "core/normalize/price.hpp"
#include "core/script/locate.hpp"
#include "core/util/text.hpp"

namespace caiji::extract::ebay {

namespace {

constexpr std::size_t kMaxVariants = 5000;

bool is_model(const Json& j) {
  return j.is_object() && j.contains("menuItemMap") &&
         (j.contains("itemVariationsMap") || j.contains("variationsMap"));
}

struct Menu {
  std::string label;
  std::vector<std::string> value_ids;
};

// A variation's price and currency: priceAmountValue {value, currency} (raptor), binModel.price
// .value {value, currency, convertedFromValue, convertedFromCurrency} (2022+). A converted
// price is the shopper's currency; the listing's own is the one it was converted from.
std::optional<std::pair<std::string, std::string>> variation_price(const Json& v) {
  const Json* pv = json_at(v, {"priceAmountValue"});
  if (!pv) pv = json_at(v, {"binModel", "price", "value"});
  if (pv && pv->is_object()) {
    std::string currency = json_text(*pv, "convertedFromCurrency");
    const Json* amount = pv->contains("convertedFromValue") && !currency.empty() ? &(*pv)["convertedFromValue"] : nullptr;
    if (!amount) {
      currency = json_text(*pv, "currency");
      if (auto it = pv->find("value"); it != pv->end()) amount = &*it;
    }
    if (amount && !currency.empty())
      if (auto m = json_money(*amount, currency)) return std::make_pair(*m, to_upper_ascii(currency));
  }
  // Older pages only print it: "US $10.00", "EUR 12,50".
  if (std::string text = json_text(v, "price"); !text.empty())
    if (auto p = normalize::parse_price_text(text); p && !p->currency.empty()) return std::make_pair(p->min, p->currency);
  return std::nullopt;
}

std::optional<std::int64_t> variation_stock(const Json& v) {
  const Json* q = json_at(v, {"quantity"});
  const Json& src = q && q->is_object() ? *q : v;
  for (const char* key : {"quantityAvailable", "availableQuantity", "totalQuantityAvailable"})
    if (auto it = src.find(key); it != src.end())
      if (auto n = json_int(*it); n && *n >= 0) return n;
  if (auto it = src.find("outOfStock"); it != src.end() && it->is_boolean() && it->get<bool>()) return 0;
  if (auto it = v.find("inStock"); it != v.end() && it->is_boolean() && !it->get<bool>()) return 0;
  return std::nullopt;
}

}  // namespace

Json find_variation_model(const Page& page) {
  for (const html::Script& s : page.scripts()) {
    if (s.body.find("menuItemMap") == std::string_view::npos) continue;
    for (const char* key : {"MSKU", "itmVarModel"}) {
      if (auto v = script::find_property(s.body, key); v && is_model(*v)) return std::move(*v);
    }
  }
  return nullptr;
}

void read_variations(const Json& model, const std::string& currency, const std::vector<std::string>& gallery,
                     Item& out) {
  const Json* menus_json = json_at(model, {"selectMenus"});
  const Json* items = json_at(model, {"menuItemMap"});
  if (!menus_json || !menus_json->is_array() || !items || !items->is_object()) return;
  std::vector<Menu> menus;
  for (const Json& m : *menus_json) {
    if (!m.is_object()) continue;
    Menu menu{clean_text(decode_entities(json_text(m, "displayLabel"))), {}};
    if (const Json* ids = json_at(m, {"menuItemValueIds"}); ids && ids->is_array())
      for (const Json& id : *ids) menu.value_ids.push_back(json_text(id));
    if (!menu.label.empty()) menus.push_back(std::move(menu));
  }
  if (menus.empty() || menus.size() > 10) return;

  auto value_name = [&](const std::string& id) {
    const Json* item = json_at(*items, {id});
    if (!item || !item->is_object()) return std::string();
    std::string name = json_text(*item, "displayName");
    if (name.empty()) name = json_text(*item, "valueName");
    return clean_text(decode_entities(name));
  };
  // The first picture of a value: menuItemPictureIndexMap points into the gallery; raptor
  // pages also give the swatch itself (thumbnailUrl).
  const Json* pictures = json_at(model, {"menuItemPictureIndexMap"});
  auto value_image = [&](const std::string& id) {
    if (pictures && pictures->is_object())
      if (const Json* idx = json_at(*pictures, {id}); idx && idx->is_array() && !idx->empty())
        if (auto n = json_int((*idx)[0]); n && *n >= 0 && static_cast<std::size_t>(*n) < gallery.size())
          return gallery[static_cast<std::size_t>(*n)];
    if (const Json* item = json_at(*items, {id}); item && item->is_object())
      if (std::string t = json_text(*item, "thumbnailUrl"); !t.empty()) return t;
    return std::string();
  };

  std::vector<Option> options;
  std::map<std::string, std::size_t> menu_of;  // value id -> menu index
  for (std::size_t i = 0; i < menus.size(); ++i) {
    Option opt{menus[i].label, {}};
    for (const std::string& id : menus[i].value_ids) {
      std::string name = value_name(id);
      if (name.empty()) continue;
      menu_of[id] = i;
      opt.values.push_back(OptionValue{name, value_image(id)});
    }
    options.push_back(std::move(opt));
  }

  // Variation id -> the value ids that make it.
  std::vector<std::pair<std::string, std::vector<std::string>>> combos;
  const Json* raptor = json_at(model, {"itemVariationsMap"});
  const Json* current = json_at(model, {"variationsMap"});
  const Json* variations = raptor && raptor->is_object() ? raptor : current;
  if (!variations || !variations->is_object()) return;
  if (const Json* c = json_at(model, {"variationCombinations"}); c && c->is_object()) {
    for (auto it = c->begin(); it != c->end(); ++it) {
      std::vector<std::string> ids;
      std::string_view key = it.key();
      while (!key.empty()) {
        std::size_t cut = key.find('_');
        ids.emplace_back(key.substr(0, cut));
        key = cut == std::string_view::npos ? std::string_view{} : key.substr(cut + 1);
      }
      combos.emplace_back(json_text(*it), std::move(ids));
    }
  } else {
    for (auto it = variations->begin(); it != variations->end(); ++it) {
      std::vector<std::string> ids;
      if (const Json* traits = json_at(*it, {"traitValuesMap"}); traits && traits->is_object())
        for (auto t = traits->begin(); t != traits->end(); ++t) ids.push_back(json_text(*t));
      combos.emplace_back(it.key(), std::move(ids));
    }
  }

  // The item's currency, else the first priced variation's: variations priced in another
  // currency (a converted display) keep no price rather than a wrong one.
  std::string cur = currency;
  for (std::size_t i = 0; cur.empty() && i < combos.size(); ++i)
    if (const Json* vj = json_at(*variations, {combos[i].first}))
      if (auto p = variation_price(*vj)) cur = p->second;

  struct Row {
    std::vector<std::size_t> order;
    Variant v;
  };
  std::vector<Row> rows;
  for (const auto& [vid, ids] : combos) {
    if (rows.size() >= kMaxVariants) break;
    const Json* vj = json_at(*variations, {vid});
    if (!vj || !vj->is_object()) continue;
    Row row{std::vector<std::size_t>(menus.size(), 0), Variant{}};
    row.v.sku_id = vid;
    row.v.option_values.assign(menus.size(), std::string());
    for (const std::string& id : ids) {
      auto m = menu_of.find(id);
      if (m == menu_of.end()) continue;
      row.v.option_values[m->second] = value_name(id);
      const auto& vids = menus[m->second].value_ids;
      row.order[m->second] = static_cast<std::size_t>(std::find(vids.begin(), vids.end(), id) - vids.begin());
    }
    bool complete = true;
    for (const auto& n : row.v.option_values) complete = complete && !n.empty();
    if (!complete) continue;
    if (auto p = variation_price(*vj); p && p->second == cur) row.v.price = p->first;
    row.v.stock = variation_stock(*vj);
    for (std::size_t i = 0; i < ids.size() && row.v.image.empty(); ++i) row.v.image = value_image(ids[i]);
    rows.push_back(std::move(row));
  }
  if (rows.empty()) return;
  // Page order: the order of the values in the menus, first axis first.
  std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.order < b.order; });
  out.options = std::move(options);
  for (auto& r : rows) out.variants.push_back(std::move(r.v));
  if (out.currency.empty()) out.currency = cur;
}

}  // namespace caiji::extract::ebay
