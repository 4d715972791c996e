// 1688 offer pages since 2021: the page model as module data. 2021–2023 pages assign it to
// `window.__INIT_DATA` (components under data, the model under globalData); since 2024 it comes
// through `window.context` (components under result.data, the model split between
// result.data.Root.fields.dataJson and result.global.globalData.model).

#include "core/extract/sites/alibaba_1688_parts.hpp"
#include "core/item/money.hpp"
#include "core/util/text.hpp"

namespace caiji::extract::alibaba_1688 {

namespace {

// The places a generation keeps its model objects, most specific first. A key is looked up in
// each in turn, so a field moved between generations is still found.
struct Model {
  std::vector<const Json*> scopes;
  const Json* components = nullptr;  // component id -> {fields|data: {...}}

  const Json* find(std::string_view key) const {
    for (const Json* s : scopes) {
      if (!s || !s->is_object()) continue;
      if (auto it = s->find(key); it != s->end() && !it->is_null()) return &*it;
    }
    return nullptr;
  }
  // A component's fields by its name ("gallery") or, where components are keyed by number,
  // by its tag or type ("od_picture_gallery", "@ali/tdmod-od-pc-offer-title").
  const Json* component(std::string_view name, std::string_view type_part) const {
    if (!components || !components->is_object()) return nullptr;
    auto fields_of = [](const Json& c) -> const Json* {
      for (const char* k : {"fields", "data"})
        if (auto it = c.find(k); it != c.end() && (it->is_object() || it->is_array())) return &*it;
      return nullptr;
    };
    if (auto it = components->find(name); it != components->end() && it->is_object()) return fields_of(*it);
    for (const auto& c : *components) {
      if (!c.is_object()) continue;
      std::string tag = json_text(c, "tag"), type = json_text(c, "type") + json_text(c, "componentType");
      if (tag == name || (!type_part.empty() && type.find(type_part) != std::string::npos)) return fields_of(c);
    }
    return nullptr;
  }
};

const Json* at(const Json* j, std::initializer_list<std::string_view> path) { return j ? json_at(*j, path) : nullptr; }

std::string text_at(const Json* j, std::initializer_list<std::string_view> path) {
  const Json* v = at(j, path);
  return v ? json_text(*v) : std::string();
}

std::vector<std::string> image_list(const Page& page, const Json* list) {
  std::vector<std::string> out;
  if (!list || !list->is_array()) return out;
  for (const auto& img : *list) {
    if (out.size() >= 100) break;
    std::string url = img.is_object() ? json_text(img, "fullPathImageURI") : json_text(img);
    if (url.empty() && img.is_object()) url = json_text(img, "imageURI");
    if (!url.empty() && url.find("//") == std::string::npos && url[0] != '/')
      url = "https://cbu01.alicdn.com/" + url;  // imageURI is relative to the offer picture CDN
    if (std::string abs = page.absolute(url); !abs.empty()) out.push_back(abs);
  }
  return out;
}

void read_shop(const Model& m, Item& out) {
  Shop& shop = out.source.shop;
  const Json* seller = m.find("sellerModel");
  const Json* temp = m.find("tempModel");
  const Json* base = m.find("offerBaseInfo");
  shop.name = text_at(seller, {"companyName"});
  if (shop.name.empty()) shop.name = text_at(temp, {"companyName"});
  // memberId names the seller in every 1688 address (winport, contact, feedback).
  shop.id = text_at(seller, {"memberId"});
  if (shop.id.empty()) shop.id = text_at(temp, {"sellerMemberId"});
  if (shop.id.empty()) shop.id = text_at(base, {"sellerMemberId"});
  // The desktop shop address; tempModel's winportUrl is the mobile one.
  shop.url = text_at(seller, {"winportUrl"});
  if (shop.url.empty()) shop.url = text_at(base, {"sellerWinportUrl"});
  if (shop.url.empty()) shop.url = text_at(temp, {"winportUrl"});
  if (!shop.url.empty() && starts_with(shop.url, "//")) shop.url = "https:" + shop.url;
}

void read_attributes(const Model& m, Item& out) {
  // offerDetail.featureAttributes (2024); older module data lists {name, value} pairs in the
  // attribute component.
  const Json* list = at(m.find("offerDetail"), {"featureAttributes"});
  if (!list) list = m.find("featureAttributes");
  if (!list) {
    const Json* comp = m.component("productAttributes", "attribute");
    if (comp && comp->is_array()) list = comp;
    else if (comp) list = at(comp, {"featureAttributes"});
  }
  if (!list || !list->is_array()) return;
  for (const auto& a : *list) {
    if (!a.is_object() || out.attributes.size() >= 200) continue;
    std::string name = json_text(a, "name");
    std::string value;
    if (auto vs = a.find("values"); vs != a.end() && vs->is_array() && !vs->empty()) {
      for (const auto& v : *vs) value += (value.empty() ? "" : ",") + json_text(v);
    } else {
      value = json_text(a, "value");
    }
    // A unit beside the value ("净含量" 250, unit g) belongs to it.
    if (std::string unit = json_text(a, "unit"); !unit.empty() && !value.empty()) value += unit;
    if (!name.empty() && !value.empty()) out.attributes.push_back({name, value});
  }
}

void read_price(const Model& m, Item& out) {
  const Json* trade = m.find("tradeModel");
  const Json* order = at(m.find("orderParamModel"), {"orderParam"});
  // Range-price offers ("rangePrice") sell every SKU at quantity tiers; SKU-price offers list a
  // lowest and highest SKU price in the same shape, which read_tiers rejects.
  std::string type = text_at(trade, {"offerPriceModel", "priceDisplayType"});
  if (type.empty()) type = text_at(order, {"skuParam", "skuPriceType"});
  if (type != "skuPrice") {
    for (const Json* list : {at(trade, {"offerPriceModel", "currentPrices"}), at(order, {"skuParam", "skuRangePrices"}),
                             at(trade, {"priceRanges"})}) {
      if (!list) continue;
      out.price_tiers = read_tiers(*list);
      if (!out.price_tiers.empty()) break;
    }
  }
  for (const Json* moq : {at(trade, {"beginAmount"}), at(order, {"beginNum"})}) {
    if (!moq) continue;
    if (auto n = json_int(*moq); n && *n > 0) {
      out.min_order_quantity = n;
      break;
    }
  }
  if (!out.min_order_quantity && !out.price_tiers.empty()) out.min_order_quantity = out.price_tiers.front().min_quantity;

  // Only when neither SKUs nor tiers price the offer: finalize derives the range from those.
  bool variant_priced = false;
  for (const auto& v : out.variants) variant_priced = variant_priced || v.price;
  if (variant_priced || !out.price_tiers.empty()) return;
  std::optional<std::string> lo, hi;
  if (const Json* j = at(trade, {"minPrice"})) lo = json_money(*j, kCurrency);
  if (const Json* j = at(trade, {"maxPrice"})) hi = json_money(*j, kCurrency);
  if (lo) {
    out.price = PriceRange{*lo, hi && compare_decimal(*hi, *lo) > 0 ? *hi : *lo};
    return;
  }
  for (std::string text : {text_at(trade, {"priceDisplay"}), text_at(m.find("skuModel"), {"skuPriceScale"})}) {
    if (auto p = read_price_text(text)) {
      out.price = p;
      return;
    }
  }
}

}  // namespace

bool read_module_data(const Page& page, Item& out, std::vector<Warning>&) {
  Model m;
  if (const Json* ctx = page.script_value("window.context"); ctx && ctx->is_object()) {
    const Json* data = at(ctx, {"result", "data"});
    m.components = data;
    m.scopes.push_back(at(data, {"Root", "fields", "dataJson"}));
    m.scopes.push_back(at(ctx, {"result", "global", "globalData", "model"}));
    m.scopes.push_back(at(ctx, {"result", "global", "globalData"}));
  }
  if (const Json* init = page.script_value("__INIT_DATA"); init && init->is_object()) {
    if (!m.components) m.components = at(init, {"data"});
    m.scopes.push_back(at(init, {"globalData"}));
  }
  if (const Json* global = page.script_value("__GLOBAL_DATA"); global && global->is_object()) {
    m.scopes.push_back(global);
    m.scopes.push_back(at(global, {"globalData"}));
  }
  if (m.scopes.empty() && !m.components) return false;

  const Json* temp = m.find("tempModel");
  const Json* detail = m.find("offerDetail");
  const Json* gallery = m.component("gallery", "picture_gallery");

  out.title = text_at(m.component("productTitle", "od_title"), {"title"});
  if (out.title.empty()) out.title = text_at(detail, {"subject"});
  if (out.title.empty()) out.title = text_at(gallery, {"subject"});
  if (out.title.empty()) out.title = text_at(temp, {"offerTitle"});
  if (out.title.empty()) out.title = text_at(m.component("title", "offer-title"), {"title"});

  out.source.product_id = text_at(temp, {"offerId"});
  if (out.source.product_id.empty()) out.source.product_id = text_at(detail, {"offerId"});
  if (out.source.product_id.empty()) out.source.product_id = text_at(m.find("tradeModel"), {"offerId"});
  if (out.source.product_id.empty()) out.source.product_id = text_at(m.find("offerBaseInfo"), {"offerId"});

  for (const Json* list : {at(gallery, {"mainImage"}), at(gallery, {"offerImgList"}), at(detail, {"mainImageList"}),
                           m.find("images")}) {
    out.images.main = image_list(page, list);
    if (!out.images.main.empty()) break;
  }
  if (const Json* video = at(gallery, {"video"}); video && video->is_object()) {
    std::string url = page.absolute(json_text(*video, "videoUrl"));
    if (!url.empty()) out.video = Video{url, page.absolute(json_text(*video, "coverUrl"))};
  } else if (const Json* wv = at(detail, {"wirelessVideo"}); wv && wv->is_object()) {
    std::string url = page.absolute(text_at(wv, {"videoUrls", "android"}));
    if (!url.empty()) out.video = Video{url, page.absolute(json_text(*wv, "coverUrl"))};
  }

  out.description_url = page.absolute(text_at(m.component("description", "description"), {"detailUrl"}));
  if (out.description_url.empty()) out.description_url = page.absolute(text_at(detail, {"detailUrl"}));
  if (out.description_url.empty()) out.description_url = page.absolute(text_at(m.find("offerDomain"), {"detailUrl"}));

  if (const Json* sku = m.find("skuModel"); sku && sku->is_object()) {
    const Json* map = at(sku, {"skuInfoMap"});
    if (!map) map = at(sku, {"skuMap"});
    const Json* props = at(sku, {"skuProps"});
    static const Json kNone;
    read_sku_matrix(page, props ? *props : kNone, map, out);
  } else if (const Json* props = at(detail, {"skuProps"})) {
    read_sku_matrix(page, *props, at(m.find("tradeModel"), {"skuMap"}), out);
  }

  read_price(m, out);
  read_attributes(m, out);
  read_shop(m, out);
  if (out.price || !out.price_tiers.empty() || !out.variants.empty()) out.currency = std::string(kCurrency);
  return !out.title.empty() || !out.source.product_id.empty();
}

}  // namespace caiji::extract::alibaba_1688
