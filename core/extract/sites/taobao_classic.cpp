// Classic Taobao and Tmall item pages (server-rendered until ~2021, also saved from the browser
// after their scripts ran). Data sits in three places: g_config (ids, shop, gallery), the SKU
// setup call (Taobao `Hub.config.set('sku', {...})`, Tmall `TShop.Setup({...})`) and markup
// (title, option lists with swatches, price boxes, attributes).

#include <algorithm>

#include "core/extract/sites/taobao_parts.hpp"
#include "core/item/money.hpp"
#include "core/script/js_value.hpp"
#include "core/script/locate.hpp"
#include "core/util/text.hpp"

namespace caiji::extract::taobao {

namespace {

const Json* at(const Json& j, std::initializer_list<std::string_view> path) { return json_at(j, path); }

std::string text_at(const Json& j, std::initializer_list<std::string_view> path) {
  const Json* v = json_at(j, path);
  return v && !v->is_null() ? json_text(*v) : std::string();
}

bool is_ident(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$';
}

// Every `g_config = {...}` literal, merged, the first value of a key kept. Tmall assigns it as
// `w.g_config={...}` inside an IIFE after a smaller `window.g_config = {jstracker2}`, which a
// lookup of the first assignment alone would return.
Json merged_g_config(const Page& page) {
  Json merged = Json::object();
  for (const auto& s : page.scripts()) {
    std::string_view body = s.body;
    for (std::size_t pos = body.find("g_config"); pos != std::string_view::npos; pos = body.find("g_config", pos + 8)) {
      if (pos > 0 && is_ident(body[pos - 1]) && body[pos - 1] != '_') continue;
      std::size_t i = pos + 8;
      while (i < body.size() && (body[i] == ' ' || body[i] == '\t' || body[i] == '\n' || body[i] == '\r')) ++i;
      if (i >= body.size() || body[i] != '=' || (i + 1 < body.size() && body[i + 1] == '=')) continue;
      ++i;
      while (i < body.size() && (body[i] == ' ' || body[i] == '\t' || body[i] == '\n' || body[i] == '\r')) ++i;
      if (i >= body.size() || body[i] != '{') continue;
      auto v = script::read_js_value(body, i);
      if (!v || !v->value.is_object()) continue;
      for (auto it = v->value.begin(); it != v->value.end(); ++it)
        if (!it->is_null() && !merged.contains(it.key())) merged[it.key()] = *it;
    }
  }
  return merged;
}

Json call_argument(const Page& page, std::string_view callee, std::string_view first, std::size_t index) {
  for (const auto& s : page.scripts()) {
    if (s.body.find(callee) == std::string_view::npos) continue;
    auto args = script::find_call_arguments(s.body, callee, first);
    if (args && args->is_array() && args->size() > index && (*args)[index].is_object()) return (*args)[index];
  }
  return Json();
}

// g_config.descUrl is a `location.protocol === 'http:' ? '//dscnew…' : '//descnew…'` expression,
// which reads as code; the https address is the last quoted string of that line.
std::string desc_url_from_scripts(const Page& page) {
  for (const auto& s : page.scripts()) {
    std::string_view body = s.body;
    std::size_t p = body.find("descUrl");
    if (p == std::string_view::npos) continue;
    std::size_t end = body.find('\n', p);
    std::string_view line = body.substr(p, end == std::string_view::npos ? std::string_view::npos : end - p);
    std::string last;
    for (std::size_t q = 0; q < line.size(); ++q) {
      char quote = line[q];
      if (quote != '\'' && quote != '"') continue;
      std::size_t close = line.find(quote, q + 1);
      if (close == std::string_view::npos) break;
      std::string_view str = line.substr(q + 1, close - q - 1);
      if (starts_with(str, "//") || starts_with(str, "http")) last = std::string(str);
      q = close;
    }
    if (!last.empty()) return last;
  }
  return {};
}

// "background:url(//gd2.alicdn.com/…_30x30.jpg) center no-repeat;"
std::string background_url(std::string_view style) {
  std::size_t p = style.find("url(");
  if (p == std::string_view::npos) return {};
  std::size_t end = style.find(')', p);
  if (end == std::string_view::npos) return {};
  std::string_view u = trim(style.substr(p + 4, end - p - 4));
  if (u.size() >= 2 && (u.front() == '\'' || u.front() == '"')) u = u.substr(1, u.size() - 2);
  return std::string(u);
}

// The option lists a buyer clicks: <ul data-property="颜色分类"><li data-value="1627207:28320">
// <a style="background:url(…)"><span>红色</span></a>. The seller's own name for a value
// (propertyMemoMap) wins over the catalogue name on the button.
std::vector<Prop> dom_props(const Page& page, const Json* memo, const Json* pics) {
  std::vector<Prop> props;
  for (const auto& ul : page.doc().select("ul[data-property]")) {
    if (props.size() >= 20) break;
    Prop prop;
    prop.name = clean_text(*ul.attr("data-property"));
    for (const auto& li : ul.select("li[data-value]")) {
      if (prop.values.size() >= 500) break;
      auto pairs = split_path(*li.attr("data-value"));
      if (pairs.size() != 1) continue;
      if (prop.pid.empty()) prop.pid = pairs[0].first;
      if (pairs[0].first != prop.pid) continue;
      PropValue v;
      v.vid = pairs[0].second;
      std::string pv = prop.pid + ":" + v.vid;
      if (memo && memo->is_object())
        if (auto it = memo->find(pv); it != memo->end()) v.name = clean_text(json_text(*it));
      if (v.name.empty())
        if (html::Node span = li.select_first("span"); span.valid()) v.name = span.text();
      if (v.name.empty())
        if (auto title = li.attr("title")) v.name = clean_text(*title);
      if (html::Node a = li.select_first("a[style]"); a.valid()) v.image = page.absolute(background_url(*a.attr("style")));
      if (v.image.empty() && pics && pics->is_object())
        if (auto it = pics->find(";" + pv + ";"); it != pics->end() && it->is_array() && !it->empty())
          v.image = page.absolute(json_text((*it)[0]));
      if (!v.name.empty()) prop.values.push_back(std::move(v));
    }
    if (!prop.values.empty()) props.push_back(std::move(prop));
  }
  return props;
}

std::vector<SkuEntry> sku_entries(const Json* sku_map) {
  std::vector<SkuEntry> out;
  if (!sku_map || !sku_map->is_object()) return out;
  for (auto it = sku_map->begin(); it != sku_map->end() && out.size() < 5000; ++it) {
    if (!it->is_object()) continue;
    SkuEntry e;
    e.path = it.key();
    e.sku_id = json_text(*it, "skuId");
    if (auto p = it->find("price"); p != it->end()) e.price = json_money(*p, kCurrency);
    if (auto s = it->find("stock"); s != it->end())
      if (auto n = json_int(*s); n && *n >= 0) e.stock = n;
    out.push_back(std::move(e));
  }
  return out;
}

std::vector<std::string> gallery(const Page& page, const Json& g_config, const Json& setup) {
  std::vector<std::string> out;
  const Json* list = at(g_config, {"idata", "item", "auctionImages"});
  if (!list) list = at(setup, {"propertyPics", "default"});
  if (list && list->is_array())
    for (const auto& img : *list)
      if (std::string abs = page.absolute(json_text(img)); !abs.empty() && out.size() < 100) out.push_back(abs);
  if (out.empty()) {
    for (const auto& img : page.doc().select("#J_UlThumb img")) {
      auto src = img.attr("data-src");
      if (!src || src->empty()) src = img.attr("src");
      if (src)
        if (std::string abs = page.absolute(*src); !abs.empty() && out.size() < 100) out.push_back(abs);
    }
  }
  return out;
}

std::string title_of(const Page& page, const Json& g_config, const Json& setup) {
  if (html::Node h = page.doc().select_first("h3.tb-main-title"); h.valid()) {
    if (auto t = h.attr("data-title"); t && !trim(*t).empty()) return std::string(*t);
    if (std::string t = h.text(); !t.empty()) return t;
  }
  if (html::Node h = page.doc().select_first(".tb-detail-hd h1"); h.valid())
    if (std::string t = h.text(); !t.empty()) return t;
  for (std::string t : {text_at(setup, {"itemDO", "title"}), text_at(g_config, {"idata", "item", "title"})})
    if (!t.empty()) return t;
  if (html::Node t = page.doc().select_first("title"); t.valid()) {
    std::string title = t.text();
    for (std::string_view suffix : {"-淘宝网", "-tmall.com天猫", "-天猫Tmall.com"})
      if (ends_with(title, suffix)) return title.substr(0, title.size() - suffix.size());
  }
  return {};
}

void attributes(const Page& page, Item& out) {
  for (const auto& li : page.doc().select("ul.attributes-list li, #J_AttrUL li")) {
    if (out.attributes.size() >= 200) break;
    std::string text = li.text();
    std::size_t colon = text.find(':');
    std::size_t wide = text.find("\xEF\xBC\x9A");  // ：
    std::size_t len = 1;
    if (wide != std::string::npos && (colon == std::string::npos || wide < colon)) {
      colon = wide;
      len = 3;
    }
    if (colon == std::string::npos) continue;
    std::string name = clean_text(text.substr(0, colon));
    // The title attribute holds the whole value; the text is cut to "Apple/苹果 Apple iphone...".
    std::string value;
    if (auto title = li.attr("title")) value = clean_text(decode_entities(*title));
    if (value.empty()) value = clean_text(text.substr(colon + len));
    bool duplicate = false;
    for (const auto& a : out.attributes) duplicate = duplicate || (a.name == name && a.value == value);
    if (!name.empty() && !value.empty() && !duplicate) out.attributes.push_back({name, value});
  }
}

void shop(const Page& page, const Json& g_config, const Json& setup, Item& out) {
  Shop& s = out.source.shop;
  s.id = text_at(g_config, {"shopId"});
  if (s.id.empty()) s.id = text_at(g_config, {"idata", "shop", "id"});
  if (s.id.empty()) s.id = text_at(setup, {"rstShopId"});
  s.name = text_at(g_config, {"shopName"});
  html::Node logo = page.doc().select_first("a.slogo-shopname");
  if (s.name.empty() && logo.valid()) s.name = logo.text();
  if (s.name.empty())
    if (html::Node n = page.doc().select_first("input[name=seller_nickname]"); n.valid()) s.name = std::string(n.attr("value").value_or(""));
  if (s.name.empty())
    if (html::Node n = page.doc().select_first(".tb-shop-name a, .shop-name-link"); n.valid()) s.name = n.text();
  std::string url = text_at(g_config, {"idata", "shop", "url"});
  if (url.empty()) url = text_at(g_config, {"shopUrl"});
  if (url.empty() && logo.valid()) url = std::string(logo.attr("href").value_or(""));
  s.url = page.absolute(url);
}

// The promotion price a rendered page shows (淘宝价 / 促销价); raw server pages leave the box
// empty because it is filled from a separate request.
std::optional<PriceRange> promotion_price(const Page& page) {
  for (const char* sel : {"#J_PromoPriceNum", "#J_PromoPrice .tm-price", "#J_PromoPrice .tb-rmb-num"}) {
    if (html::Node n = page.doc().select_first(sel); n.valid())
      if (auto p = read_price_text(n.text())) return p;
  }
  return std::nullopt;
}

std::optional<PriceRange> listed_price(const Page& page, const Json& setup) {
  for (const char* sel : {"#J_StrPrice .tb-rmb-num", "#J_StrPriceModBox .tm-price"}) {
    if (html::Node n = page.doc().select_first(sel); n.valid())
      if (auto p = read_price_text(n.text())) return p;
  }
  return read_price_text(text_at(setup, {"detail", "defaultItemPrice"}));
}

// A page saved after its scripts ran shows sales counts; a raw server page shows "-" or nothing.
bool scripts_ran(const Page& page) {
  if (html::Node n = page.doc().select_first("#J_SellCounter"); n.valid()) return n.text() != "-" && !n.text().empty();
  // Tmall fills the review count from the same requests (the monthly sales item may stay hidden).
  for (const char* sel : {".tm-ind-sellCount .tm-count", "#J_ItemRates .tm-count"})
    if (html::Node n = page.doc().select_first(sel); n.valid() && !n.text().empty()) return true;
  return false;
}

void price(const Page& page, const Json& setup, Item& out, std::vector<Warning>& warnings) {
  std::optional<PriceRange> promo = promotion_price(page);
  std::optional<PriceRange> listed = listed_price(page, setup);
  if (!promo) {
    out.price = listed ? listed : variant_price_range(out);
    if (out.price && !scripts_ran(page)) {
      warnings.push_back({"promotion_price_not_loaded",
                          "Taobao and Tmall load promotion prices after the page opens; this is the listed price "
                          "(the buyer may pay less during a promotion). Collect from the open page to get the "
                          "promotion price."});
    }
    return;
  }
  apply_promotion(promo, out, warnings);
}

}  // namespace

bool read_classic(const Page& page, Item& out, std::vector<Warning>& warnings) {
  Json g_config = merged_g_config(page);
  Json hub = call_argument(page, "Hub.config.set", "sku", 1);
  Json setup = call_argument(page, "TShop.Setup", {}, 0);
  const Json* info = hub.is_object() ? at(hub, {"valItemInfo"}) : nullptr;
  if (!info && setup.is_object()) info = at(setup, {"valItemInfo"});
  const bool has_item = g_config.contains("itemId") || at(g_config, {"idata", "item"}) || setup.is_object() || info;
  if (!has_item) return false;

  out.source.product_id = text_at(g_config, {"itemId"});
  if (out.source.product_id.empty()) out.source.product_id = text_at(g_config, {"idata", "item", "id"});
  if (out.source.product_id.empty() && setup.is_object()) out.source.product_id = text_at(setup, {"itemDO", "itemId"});
  out.title = title_of(page, g_config, setup.is_object() ? setup : Json::object());
  out.images.main = gallery(page, g_config, setup.is_object() ? setup : Json::object());

  const Json* memo = info ? at(*info, {"propertyMemoMap"}) : nullptr;
  const Json* pics = setup.is_object() ? at(setup, {"propertyPics"}) : nullptr;
  build_variants(dom_props(page, memo, pics), sku_entries(info ? at(*info, {"skuMap"}) : nullptr), out);

  price(page, setup.is_object() ? setup : Json::object(), out, warnings);
  attributes(page, out);
  shop(page, g_config, setup.is_object() ? setup : Json::object(), out);

  std::string desc = text_at(g_config, {"descUrl"});
  if (desc.empty() && setup.is_object()) desc = text_at(setup, {"api", "httpsDescUrl"});
  if (desc.empty() && setup.is_object()) desc = text_at(setup, {"api", "descUrl"});
  if (desc.empty()) desc = desc_url_from_scripts(page);
  out.description_url = page.absolute(desc);
  if (out.price || !out.variants.empty()) out.currency = std::string(kCurrency);
  return true;
}

}  // namespace caiji::extract::taobao
