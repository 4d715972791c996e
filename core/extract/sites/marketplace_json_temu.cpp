// Temu goods pages (/<slug>-g-<goodsId>.html). The server sends `window.rawData = {store: {…}}`
// with the goods and its SKUs before the app hydrates; behind the "verify you are human" check it
// is absent and nothing is read. Shape read here (2023-2024 pages):
//   store.goods:  goodsId, goodsName, gallery[] {url}, catIdList…; store.mall {mallId, mallName}
//   store.sku[]:  skuId, specs[] {specKey, specValue}, thumbUrl, stockQuantity?, isOnSale,
//                 normalPriceStr / normalLinePriceStr ("$12.99" as printed), or priceInfo {price,
//                 linePrice} in cents
//   store.localInfo / store.currency: the currency code
// Printed prices are read with the page's currency code as the hint, never guessed.

#include <string>
#include <vector>

#include "core/extract/sites/marketplace_json.hpp"
#include "core/item/money.hpp"
#include "core/normalize/price.hpp"
#include "core/util/text.hpp"

namespace caiji::extract::marketplace {

namespace {

std::optional<std::string> printed(const Json& j, const char* key, const std::string& currency) {
  std::string text = json_text(j, key);
  if (text.empty()) return std::nullopt;
  auto p = normalize::parse_price_text(text, currency);
  if (!p || (!currency.empty() && !p->currency.empty() && p->currency != currency)) return std::nullopt;
  return p->min;
}

std::optional<std::string> sku_price(const Json& sku, bool was, const std::string& currency) {
  if (const Json* info = json_at(sku, {"priceInfo"}); info && info->is_object())
    if (auto it = info->find(was ? "linePrice" : "price"); it != info->end())
      if (auto m = scaled_money(*it, 100, currency)) return m;
  return printed(sku, was ? "normalLinePriceStr" : "normalPriceStr", currency);
}

}  // namespace

bool read_temu(const Page& page, Item& out, std::vector<Warning>&) {
  const Json* raw = page.script_value("rawData");
  const Json* store = raw ? json_at(*raw, {"store"}) : nullptr;
  const Json* goods = store ? json_at(*store, {"goods"}) : nullptr;
  if (!goods || !goods->is_object()) return false;

  out.source.platform = "temu";
  out.source.product_id = json_text(*goods, "goodsId");
  out.title = json_text(*goods, "goodsName");
  for (const Json* c : {json_at(*store, {"localInfo", "currency"}), json_at(*store, {"currency"}), json_at(*goods, {"currency"})})
    if (c && out.currency.empty()) out.currency = to_upper_ascii(json_text(*c));
  if (const Json* mall = json_at(*store, {"mall"}); mall && mall->is_object()) {
    out.source.shop.id = json_text(*mall, "mallId");
    out.source.shop.name = json_text(*mall, "mallName");
  }
  if (const Json* gallery = json_at(*goods, {"gallery"}); gallery && gallery->is_array())
    for (const auto& g : *gallery)
      if (std::string u = page.absolute(g.is_string() ? json_text(g) : json_text(g, "url")); !u.empty()) out.images.main.push_back(u);

  const Json* skus = json_at(*store, {"sku"});
  if (skus && skus->is_array()) {
    for (std::size_t i = 0; i < skus->size() && i < 5000; ++i) {
      const Json& s = (*skus)[i];
      if (!s.is_object()) continue;
      Variant v;
      v.sku_id = json_text(s, "skuId");
      v.image = page.absolute(json_text(s, "thumbUrl"));
      v.option_values.assign(out.options.size(), std::string());
      if (const Json* specs = json_at(s, {"specs"}); specs && specs->is_array())
        for (const auto& sp : *specs) {
          std::string key = clean_text(json_text(sp, "specKey"));
          std::string value = clean_text(json_text(sp, "specValue"));
          if (key.empty()) continue;
          std::size_t k = 0;
          while (k < out.options.size() && out.options[k].name != key) ++k;
          if (k == out.options.size()) {
            out.options.push_back(Option{key, {}});
            for (auto& earlier : out.variants) earlier.option_values.push_back({});
            v.option_values.push_back({});
          }
          v.option_values[k] = value;
          add_option_value(out.options[k], value, k == 0 ? v.image : std::string());
        }
      v.price = sku_price(s, false, out.currency);
      if (auto was = sku_price(s, true, out.currency); was && v.price && compare_decimal(*was, *v.price) > 0) v.original_price = was;
      if (auto q = s.find("stockQuantity"); q != s.end()) v.stock = json_int(*q);
      if (auto on = s.find("isOnSale"); on != s.end() && ((on->is_boolean() && !on->get<bool>()) || (on->is_number() && json_int(*on) == 0)))
        v.stock = 0;
      out.variants.push_back(std::move(v));
    }
  }
  if (out.options.empty() && out.variants.size() == 1 && out.variants[0].price)
    out.price = PriceRange{*out.variants[0].price, *out.variants[0].price};
  return !out.title.empty();
}

}  // namespace caiji::extract::marketplace
