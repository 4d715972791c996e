// Taobao and Tmall item pages since 2022: the page is rendered from the detail API answer,
// which the server embeds as `window.__ICE_APP_CONTEXT__ = {loaderData: {home: {data: {res:
// {...}}}}}`. The answer holds item, seller, skuBase {props, skus: [{propPath, skuId}]},
// skuCore {sku2info: {skuId: {price: {priceText}, quantity}}} and componentsVO (price box,
// title, gallery, attribute groups). The same answer is what the mobile H5 page fetches, so it
// is also accepted as extension-captured page data under the same name.

#include "core/extract/sites/taobao_parts.hpp"
#include "core/item/money.hpp"
#include "core/util/text.hpp"

namespace caiji::extract::taobao {

namespace {

const Json* at(const Json* j, std::initializer_list<std::string_view> path) { return j ? json_at(*j, path) : nullptr; }

std::string text_at(const Json* j, std::initializer_list<std::string_view> path) {
  const Json* v = at(j, path);
  return v && !v->is_null() ? json_text(*v) : std::string();
}

// The detail answer sits at different depths as the app shell changes: look for the object
// that holds skuBase or both item and seller, breadth first.
const Json* find_answer(const Json& root) {
  std::vector<const Json*> queue{&root};
  for (std::size_t i = 0; i < queue.size() && i < 20000; ++i) {
    const Json* j = queue[i];
    if (j->is_object()) {
      if (j->contains("skuBase") || (j->contains("item") && j->contains("seller"))) return j;
      for (const auto& child : *j)
        if (child.is_object() || child.is_array()) queue.push_back(&child);
    } else if (j->is_array()) {
      for (const auto& child : *j)
        if (child.is_object() || child.is_array()) queue.push_back(&child);
    }
  }
  return nullptr;
}

std::vector<std::string> images(const Page& page, const Json* list) {
  std::vector<std::string> out;
  if (!list || !list->is_array()) return out;
  for (const auto& img : *list) {
    std::string url = img.is_object() ? json_text(img, "url") : json_text(img);
    if (std::string abs = page.absolute(url); !abs.empty() && out.size() < 100) out.push_back(abs);
  }
  return out;
}

std::vector<Prop> props_of(const Page& page, const Json* base) {
  std::vector<Prop> props;
  const Json* list = at(base, {"props"});
  if (!list || !list->is_array()) return props;
  for (const auto& p : *list) {
    if (!p.is_object() || props.size() >= 20) continue;
    Prop prop{json_text(p, "pid"), json_text(p, "name"), {}};
    if (auto values = p.find("values"); values != p.end() && values->is_array())
      for (const auto& v : *values)
        if (v.is_object() && prop.values.size() < 500)
          prop.values.push_back(PropValue{json_text(v, "vid"), json_text(v, "name"), page.absolute(json_text(v, "image"))});
    props.push_back(std::move(prop));
  }
  return props;
}

std::optional<std::string> price_text(const Json* price) {
  auto range = read_price_text(text_at(price, {"priceText"}));
  if (!range) return std::nullopt;
  return range->min;
}

std::vector<SkuEntry> skus_of(const Json* base, const Json* core) {
  std::vector<SkuEntry> out;
  const Json* list = at(base, {"skus"});
  const Json* info = at(core, {"sku2info"});
  if (!list || !list->is_array()) return out;
  for (const auto& s : *list) {
    if (!s.is_object() || out.size() >= 5000) continue;
    SkuEntry e;
    e.path = json_text(s, "propPath");
    e.sku_id = json_text(s, "skuId");
    const Json* sku_info = info && info->is_object() ? at(info, {e.sku_id}) : nullptr;
    e.price = price_text(at(sku_info, {"price"}));
    if (const Json* q = at(sku_info, {"quantity"}))
      if (auto n = json_int(*q); n && *n >= 0) e.stock = n;
    out.push_back(std::move(e));
  }
  return out;
}

// Attribute groups: componentsVO.extensionInfoVO.infos [{type: BASE_PROPS, items: [{title,
// text: [...]}]}] on PC pages, props.groupProps [{基本信息: [{品牌: "X"}]}] in the H5 answer.
void attributes(const Json* answer, Item& out) {
  if (const Json* infos = at(answer, {"componentsVO", "extensionInfoVO", "infos"}); infos && infos->is_array()) {
    for (const auto& info : *infos) {
      if (!info.is_object() || json_text(info, "type") != "BASE_PROPS") continue;
      const Json* items = at(&info, {"items"});
      if (!items || !items->is_array()) continue;
      for (const auto& it : *items) {
        if (!it.is_object() || out.attributes.size() >= 200) continue;
        std::string value;
        if (const Json* t = at(&it, {"text"}))
          for (const Json* v : json_list(*t)) value += (value.empty() ? "" : ",") + json_text(*v);
        std::string name = json_text(it, "title");
        if (!name.empty() && !value.empty()) out.attributes.push_back({name, value});
      }
    }
  }
  if (!out.attributes.empty()) return;
  if (const Json* groups = at(answer, {"props", "groupProps"}); groups && groups->is_array()) {
    for (const auto& group : *groups) {
      if (!group.is_object()) continue;
      for (const auto& list : group) {
        if (!list.is_array()) continue;
        for (const auto& pair : list) {
          if (!pair.is_object()) continue;
          for (auto kv = pair.begin(); kv != pair.end() && out.attributes.size() < 200; ++kv)
            if (std::string v = json_text(*kv); !v.empty()) out.attributes.push_back({kv.key(), v});
        }
      }
    }
  }
}

}  // namespace

bool read_ice_context(const Page& page, Item& out, std::vector<Warning>& warnings) {
  const Json* ctx = page.script_value("__ICE_APP_CONTEXT__");
  if (!ctx) return false;
  const Json* answer = find_answer(*ctx);
  if (!answer) return false;
  const Json* item = at(answer, {"item"});
  const Json* seller = at(answer, {"seller"});
  const Json* components = at(answer, {"componentsVO"});

  out.source.product_id = text_at(item, {"itemId"});
  out.title = text_at(item, {"title"});
  if (out.title.empty()) out.title = text_at(components, {"titleVO", "title", "title"});
  out.images.main = images(page, at(item, {"images"}));
  if (out.images.main.empty()) out.images.main = images(page, at(components, {"headImageVO", "images"}));
  for (const char* key : {"pcADescUrl", "taobaoPcDescUrl", "taobaoDescUrl"}) {
    out.description_url = page.absolute(text_at(item, {key}));
    if (!out.description_url.empty()) break;
  }

  build_variants(props_of(page, at(answer, {"skuBase"})), skus_of(at(answer, {"skuBase"}), at(answer, {"skuCore"})), out);

  // The price box: price is what the buyer pays now (券后 / 优惠价 when a promotion runs),
  // extraPrice the struck-through 优惠前 price. sku2info "0" is the item-level entry.
  std::optional<PriceRange> now = read_price_text(text_at(components, {"priceVO", "price", "priceText"}));
  if (!now) now = read_price_text(text_at(answer, {"skuCore", "sku2info", "0", "price", "priceText"}));
  if (now) apply_promotion(now, out, warnings);
  if (!out.price) out.price = variant_price_range(out);
  // One struck-through price above every SKU price is each SKU's original price.
  if (auto was = read_price_text(text_at(components, {"priceVO", "extraPrice", "priceText"})); was && was->min == was->max) {
    for (auto& v : out.variants)
      if (v.price && !v.original_price && compare_decimal(was->min, *v.price) > 0) v.original_price = was->min;
  }

  attributes(answer, out);
  Shop& shop = out.source.shop;
  shop.id = text_at(seller, {"shopId"});
  shop.name = text_at(seller, {"shopName"});
  shop.url = page.absolute(text_at(seller, {"shopUrl"}));
  if (out.price || !out.variants.empty()) out.currency = std::string(kCurrency);
  return !out.title.empty() || !out.source.product_id.empty();
}

}  // namespace caiji::extract::taobao
