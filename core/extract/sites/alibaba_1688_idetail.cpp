// 1688 offer pages of 2019 and earlier (GBK): `var iDetailConfig = {...}` holds the offer id,
// seller and begin amount as strings, `var iDetailData = {sku: {skuProps, skuMap, priceRange}}`
// the SKUs; title, gallery, price ladder, attributes and shop are server-rendered markup.

#include "core/extract/sites/alibaba_1688_parts.hpp"
#include "core/item/money.hpp"
#include "core/script/js_value.hpp"
#include "core/util/text.hpp"

namespace caiji::extract::alibaba_1688 {

namespace {

std::string config_text(const Json* config, std::string_view key) {
  if (!config || !config->is_object()) return {};
  auto it = config->find(key);
  return it == config->end() ? std::string() : json_text(*it);
}

// Gallery thumbnails carry {"preview": ..., "original": ...} in data-imgs.
std::vector<std::string> gallery(const Page& page) {
  std::vector<std::string> out;
  for (const auto& li : page.doc().select("li.tab-trigger[data-imgs]")) {
    if (out.size() >= 100) break;
    auto attr = li.attr("data-imgs");
    auto j = script::read_js_value(decode_entities(*attr));
    if (!j || !j->value.is_object()) continue;
    std::string url = json_text(j->value, "original");
    if (url.empty()) url = json_text(j->value, "preview");
    if (std::string abs = page.absolute(url); !abs.empty()) out.push_back(abs);
  }
  if (out.empty())
    if (std::string og = page.absolute(page.meta("og:image")); !og.empty()) out.push_back(og);
  return out;
}

// The price ladder of range-price offers: <td data-range='{"begin":"2","end":"49","price":"16.50"}'>.
std::vector<PriceTier> ladder(const Page& page) {
  Json list = Json::array();
  for (const auto& td : page.doc().select("#mod-detail-price [data-range], .mod-detail-price [data-range]")) {
    if (list.size() >= 50) break;
    auto j = script::read_js_value(decode_entities(*td.attr("data-range")));
    if (j && j->value.is_object()) list.push_back(std::move(j->value));
  }
  return read_tiers(list);
}

// Attribute tables pair a de-feature cell with the de-value cell after it.
void attributes(const Page& page, Item& out) {
  std::string name;
  for (const auto& td : page.doc().select("#mod-detail-attributes td")) {
    if (out.attributes.size() >= 200) break;
    if (td.has_class("de-feature")) {
      name = td.text();
    } else if (td.has_class("de-value") && !name.empty()) {
      if (std::string value = td.text(); !value.empty()) out.attributes.push_back({name, value});
      name.clear();
    }
  }
}

void shop(const Page& page, const Json* config, Item& out) {
  Shop& s = out.source.shop;
  s.id = config_text(config, "memberid");
  s.url = page.absolute(config_text(config, "companySiteLink"));
  if (html::Node n = page.doc().select_first(".company-name"); n.valid()) s.name = n.text();
  // og:product:nick = "name=<company>; url= //shop<id>.1688.com"
  std::string nick = page.meta("og:product:nick");
  for (std::string_view rest = nick; !rest.empty();) {
    std::size_t semi = rest.find(';');
    std::string_view part = trim(rest.substr(0, semi));
    rest = semi == std::string_view::npos ? std::string_view{} : rest.substr(semi + 1);
    if (starts_with(part, "name=") && s.name.empty()) s.name = std::string(trim(part.substr(5)));
    if (starts_with(part, "url=") && s.url.empty()) s.url = page.absolute(trim(part.substr(4)));
  }
}

}  // namespace

bool read_idetail(const Page& page, Item& out, std::vector<Warning>&) {
  const Json* config = page.script_value("iDetailConfig");
  const Json* data = page.script_value("iDetailData");
  if (!config && !data) return false;
  const Json* sku = data ? json_at(*data, {"sku"}) : nullptr;

  if (html::Node h1 = page.doc().select_first("h1.d-title"); h1.valid()) out.title = h1.text();
  if (out.title.empty()) out.title = page.meta("og:title");
  out.source.product_id = config_text(config, "offerid");
  out.images.main = gallery(page);
  if (html::Node desc = page.doc().select_first("#desc-lazyload-container[data-tfs-url]"); desc.valid())
    out.description_url = page.absolute(*desc.attr("data-tfs-url"));

  // Group-buy (伙拼) offers price every SKU at its discountPrice and strike through the offer's
  // reference price, which the SKUs do not repeat.
  std::optional<std::string> original;
  if (auto ref = canonical_money(config_text(config, "refPrice"), kCurrency)) original = ref;
  if (sku && sku->is_object()) {
    static const Json kNone;
    const Json* props = json_at(*sku, {"skuProps"});
    read_sku_matrix(page, props ? *props : kNone, json_at(*sku, {"skuMap"}), out, original);
    if (const Json* range = json_at(*sku, {"priceRange"})) out.price_tiers = read_tiers(*range);
  }
  if (out.price_tiers.empty()) out.price_tiers = ladder(page);

  if (auto n = json_int(Json(config_text(config, "beginAmount"))); n && *n > 0) out.min_order_quantity = n;
  if (!out.min_order_quantity && !out.price_tiers.empty()) out.min_order_quantity = out.price_tiers.front().min_quantity;

  bool variant_priced = false;
  for (const auto& v : out.variants) variant_priced = variant_priced || v.price;
  if (!variant_priced && out.price_tiers.empty()) {
    for (std::string text : {sku ? json_text(*sku, "price") : std::string(), page.meta("og:product:price"),
                             config_text(config, "refPrice")}) {
      if (auto p = read_price_text(text)) {
        out.price = p;
        break;
      }
    }
  }
  attributes(page, out);
  shop(page, config, out);
  out.currency = std::string(kCurrency);
  return true;
}

}  // namespace caiji::extract::alibaba_1688
