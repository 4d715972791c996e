#include "core/item/item_json.hpp"

#include <exception>

namespace caiji {

using OJson = nlohmann::ordered_json;

namespace {

void put(OJson& o, const char* key, const std::string& v) {
  if (!v.empty()) o[key] = v;
}

void put(OJson& o, const char* key, const std::vector<std::string>& v) {
  if (!v.empty()) o[key] = v;
}

OJson shop_json(const Shop& s) {
  OJson o = OJson::object();
  put(o, "id", s.id);
  put(o, "name", s.name);
  put(o, "url", s.url);
  return o;
}

OJson source_json(const Source& s) {
  OJson o = OJson::object();
  o["platform"] = s.platform;
  o["url"] = s.url;
  put(o, "canonicalUrl", s.canonical_url);
  put(o, "productId", s.product_id);
  o["dedupKey"] = s.dedup_key;
  OJson shop = shop_json(s.shop);
  if (!shop.empty()) o["shop"] = std::move(shop);
  return o;
}

OJson images_json(const Item& item) {
  OJson o = OJson::object();
  o["main"] = item.images.main;
  put(o, "description", item.images.description);
  OJson by_option = OJson::object();
  for (const auto& opt : item.options) {
    OJson values = OJson::object();
    for (const auto& v : opt.values)
      if (!v.image.empty()) values[v.name] = v.image;
    if (!values.empty()) by_option[opt.name] = std::move(values);
  }
  if (!by_option.empty()) o["byOption"] = std::move(by_option);
  return o;
}

}  // namespace

OJson item_to_json(const Item& item) {
  OJson o = OJson::object();
  o["schemaVersion"] = item.schema_version;
  o["source"] = source_json(item.source);
  o["title"] = item.title;
  put(o, "descriptionHtml", item.description_html);
  put(o, "descriptionUrl", item.description_url);
  o["images"] = images_json(item);
  if (item.video) {
    OJson v = OJson::object();
    v["url"] = item.video->url;
    put(v, "poster", item.video->poster);
    o["video"] = std::move(v);
  }
  put(o, "currency", item.currency);
  if (item.price) o["price"] = OJson{{"min", item.price->min}, {"max", item.price->max}};
  if (!item.price_tiers.empty()) {
    OJson tiers = OJson::array();
    for (const auto& t : item.price_tiers) tiers.push_back(OJson{{"minQuantity", t.min_quantity}, {"price", t.price}});
    o["priceTiers"] = std::move(tiers);
  }
  if (item.min_order_quantity) o["minOrderQuantity"] = *item.min_order_quantity;
  if (!item.options.empty()) {
    OJson options = OJson::array();
    for (const auto& opt : item.options) {
      OJson values = OJson::array();
      for (const auto& v : opt.values) {
        OJson jv = OJson::object();
        jv["name"] = v.name;
        put(jv, "image", v.image);
        values.push_back(std::move(jv));
      }
      options.push_back(OJson{{"name", opt.name}, {"values", std::move(values)}});
    }
    o["options"] = std::move(options);
  }
  if (!item.variants.empty()) {
    OJson variants = OJson::array();
    for (const auto& v : item.variants) {
      OJson jv = OJson::object();
      put(jv, "skuId", v.sku_id);
      jv["optionValues"] = v.option_values;
      if (v.price) jv["price"] = *v.price;
      if (v.original_price) jv["originalPrice"] = *v.original_price;
      if (v.stock) jv["stock"] = *v.stock;
      put(jv, "image", v.image);
      variants.push_back(std::move(jv));
    }
    o["variants"] = std::move(variants);
  }
  if (!item.attributes.empty()) {
    OJson attrs = OJson::array();
    for (const auto& a : item.attributes) attrs.push_back(OJson{{"name", a.name}, {"value", a.value}});
    o["attributes"] = std::move(attrs);
  }
  put(o, "categoryPath", item.category_path);
  put(o, "brand", item.brand);
  put(o, "highlights", item.highlights);
  if (item.weight) o["weight"] = OJson{{"value", item.weight->value}, {"unit", item.weight->unit}};
  if (item.dimensions) {
    o["dimensions"] = OJson{{"length", item.dimensions->length},
                            {"width", item.dimensions->width},
                            {"height", item.dimensions->height},
                            {"unit", item.dimensions->unit}};
  }
  o["collectedAt"] = item.collected_at;
  OJson prov = OJson::object();
  prov["parserVersion"] = item.provenance.parser_version;
  prov["via"] = item.provenance.via;
  OJson fields = OJson::object();
  for (const auto& f : item.provenance.fields) fields[f.field] = f.extractor;
  prov["fields"] = std::move(fields);
  o["provenance"] = std::move(prov);
  if (!item.warnings.empty()) {
    OJson warnings = OJson::array();
    for (const auto& w : item.warnings) warnings.push_back(OJson{{"code", w.code}, {"message", w.message}});
    o["warnings"] = std::move(warnings);
  }
  return o;
}

std::string item_to_json_text(const Item& item, int indent) {
  // Replace invalid UTF-8 rather than throw: the parser sanitizes text, but an edit from
  // elsewhere must not make an item unprintable.
  return item_to_json(item).dump(indent, ' ', false, OJson::error_handler_t::replace);
}

namespace {

// Reads fields with their JSON path, so an error names exactly what is wrong.
class Reader {
 public:
  bool failed() const { return !error_.empty(); }
  const std::string& error() const { return error_; }

  const OJson* child(const OJson& o, const char* key, const std::string& path) {
    if (!o.is_object()) return fail(path, "an object"), nullptr;
    auto it = o.find(key);
    if (it == o.end() || it->is_null()) return nullptr;
    return &*it;
  }

  void str(const OJson& o, const char* key, std::string& out, const std::string& path) {
    if (const OJson* v = child(o, key, path)) {
      if (!v->is_string()) return fail(path + "." + key, "a string");
      out = v->get<std::string>();
    }
  }

  void opt_str(const OJson& o, const char* key, std::optional<std::string>& out, const std::string& path) {
    if (const OJson* v = child(o, key, path)) {
      if (!v->is_string()) return fail(path + "." + key, "a string");
      out = v->get<std::string>();
    }
  }

  void integer(const OJson& o, const char* key, std::optional<std::int64_t>& out, const std::string& path) {
    if (const OJson* v = child(o, key, path)) {
      if (!v->is_number_integer()) return fail(path + "." + key, "an integer");
      out = v->get<std::int64_t>();
    }
  }

  void strings(const OJson& o, const char* key, std::vector<std::string>& out, const std::string& path) {
    if (const OJson* v = child(o, key, path)) {
      if (!v->is_array()) return fail(path + "." + key, "an array of strings");
      for (std::size_t i = 0; i < v->size(); ++i) {
        if (!(*v)[i].is_string()) return fail(path + "." + key + "[" + std::to_string(i) + "]", "a string");
        out.push_back((*v)[i].get<std::string>());
      }
    }
  }

  template <class F>
  void array(const OJson& o, const char* key, const std::string& path, F each) {
    if (const OJson* v = child(o, key, path)) {
      if (!v->is_array()) return fail(path + "." + key, "an array");
      for (std::size_t i = 0; i < v->size() && !failed(); ++i) {
        const std::string p = path + "." + key + "[" + std::to_string(i) + "]";
        if (!(*v)[i].is_object()) return fail(p, "an object");
        each((*v)[i], p);
      }
    }
  }

  void fail(const std::string& path, const char* expected) {
    if (error_.empty()) error_ = path + " must be " + expected;
  }

 private:
  std::string error_;
};

}  // namespace

Result<Item> item_from_json(const OJson& json) {
  if (!json.is_object()) return make_error(ErrorCode::malformed_input, "an item must be a JSON object");
  Reader r;
  Item item;
  std::optional<std::int64_t> version;
  r.integer(json, "schemaVersion", version, "$");
  if (!version) return make_error(ErrorCode::malformed_input, "$.schemaVersion is missing");
  if (*version != kItemSchemaVersion) {
    return make_error(ErrorCode::unsupported, "item schema version " + std::to_string(*version) +
                                                  " is not supported (this build reads version " +
                                                  std::to_string(kItemSchemaVersion) + ")");
  }
  item.schema_version = static_cast<int>(*version);

  if (const OJson* s = r.child(json, "source", "$")) {
    r.str(*s, "platform", item.source.platform, "$.source");
    r.str(*s, "url", item.source.url, "$.source");
    r.str(*s, "canonicalUrl", item.source.canonical_url, "$.source");
    r.str(*s, "productId", item.source.product_id, "$.source");
    r.str(*s, "dedupKey", item.source.dedup_key, "$.source");
    if (const OJson* shop = r.child(*s, "shop", "$.source")) {
      r.str(*shop, "id", item.source.shop.id, "$.source.shop");
      r.str(*shop, "name", item.source.shop.name, "$.source.shop");
      r.str(*shop, "url", item.source.shop.url, "$.source.shop");
    }
  }
  r.str(json, "title", item.title, "$");
  r.str(json, "descriptionHtml", item.description_html, "$");
  r.str(json, "descriptionUrl", item.description_url, "$");
  if (const OJson* im = r.child(json, "images", "$")) {
    r.strings(*im, "main", item.images.main, "$.images");
    r.strings(*im, "description", item.images.description, "$.images");
  }
  if (const OJson* v = r.child(json, "video", "$")) {
    Video video;
    r.str(*v, "url", video.url, "$.video");
    r.str(*v, "poster", video.poster, "$.video");
    item.video = video;
  }
  r.str(json, "currency", item.currency, "$");
  if (const OJson* p = r.child(json, "price", "$")) {
    PriceRange range;
    r.str(*p, "min", range.min, "$.price");
    r.str(*p, "max", range.max, "$.price");
    item.price = range;
  }
  r.array(json, "priceTiers", "$", [&](const OJson& t, const std::string& p) {
    PriceTier tier;
    std::optional<std::int64_t> q;
    r.integer(t, "minQuantity", q, p);
    tier.min_quantity = q.value_or(1);
    r.str(t, "price", tier.price, p);
    item.price_tiers.push_back(tier);
  });
  r.integer(json, "minOrderQuantity", item.min_order_quantity, "$");
  r.array(json, "options", "$", [&](const OJson& o, const std::string& p) {
    Option opt;
    r.str(o, "name", opt.name, p);
    r.array(o, "values", p, [&](const OJson& v, const std::string& vp) {
      OptionValue value;
      r.str(v, "name", value.name, vp);
      r.str(v, "image", value.image, vp);
      opt.values.push_back(value);
    });
    item.options.push_back(opt);
  });
  r.array(json, "variants", "$", [&](const OJson& v, const std::string& p) {
    Variant variant;
    r.str(v, "skuId", variant.sku_id, p);
    r.strings(v, "optionValues", variant.option_values, p);
    r.opt_str(v, "price", variant.price, p);
    r.opt_str(v, "originalPrice", variant.original_price, p);
    r.integer(v, "stock", variant.stock, p);
    r.str(v, "image", variant.image, p);
    item.variants.push_back(variant);
  });
  r.array(json, "attributes", "$", [&](const OJson& a, const std::string& p) {
    Attribute attr;
    r.str(a, "name", attr.name, p);
    r.str(a, "value", attr.value, p);
    item.attributes.push_back(attr);
  });
  r.strings(json, "categoryPath", item.category_path, "$");
  r.str(json, "brand", item.brand, "$");
  r.strings(json, "highlights", item.highlights, "$");
  if (const OJson* w = r.child(json, "weight", "$")) {
    Weight weight;
    r.str(*w, "value", weight.value, "$.weight");
    r.str(*w, "unit", weight.unit, "$.weight");
    item.weight = weight;
  }
  if (const OJson* d = r.child(json, "dimensions", "$")) {
    Dimensions dim;
    r.str(*d, "length", dim.length, "$.dimensions");
    r.str(*d, "width", dim.width, "$.dimensions");
    r.str(*d, "height", dim.height, "$.dimensions");
    r.str(*d, "unit", dim.unit, "$.dimensions");
    item.dimensions = dim;
  }
  r.str(json, "collectedAt", item.collected_at, "$");
  if (const OJson* pv = r.child(json, "provenance", "$")) {
    r.str(*pv, "parserVersion", item.provenance.parser_version, "$.provenance");
    r.str(*pv, "via", item.provenance.via, "$.provenance");
    if (const OJson* f = r.child(*pv, "fields", "$.provenance")) {
      if (!f->is_object()) {
        r.fail("$.provenance.fields", "an object");
      } else {
        for (auto it = f->begin(); it != f->end(); ++it) {
          if (!it->is_string()) {
            r.fail("$.provenance.fields." + it.key(), "a string");
            break;
          }
          item.provenance.fields.push_back(FieldSource{it.key(), it->get<std::string>()});
        }
      }
    }
  }
  r.array(json, "warnings", "$", [&](const OJson& w, const std::string& p) {
    Warning warning;
    r.str(w, "code", warning.code, p);
    r.str(w, "message", warning.message, p);
    item.warnings.push_back(warning);
  });
  if (r.failed()) return make_error(ErrorCode::malformed_input, r.error());
  return item;
}

Result<Item> item_from_json_text(std::string_view text) {
  OJson json = OJson::parse(text, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded()) return make_error(ErrorCode::malformed_input, "the item is not valid JSON");
  return item_from_json(json);
}

}  // namespace caiji
