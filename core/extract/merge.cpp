#include "core/extract/merge.hpp"

#include <string>

namespace caiji::extract {

namespace {

void record(Item& item, const char* field, std::string_view extractor) {
  for (const auto& f : item.provenance.fields)
    if (f.field == field) return;
  item.provenance.fields.push_back(FieldSource{field, std::string(extractor)});
}

template <class T>
void take(Item& into, T& dst, const T& src, const char* field, std::string_view extractor, bool dst_empty,
          bool src_empty) {
  if (dst_empty && !src_empty) {
    dst = src;
    record(into, field, extractor);
  }
}

}  // namespace

void merge_missing(Item& into, const Item& from, std::string_view ex) {
  Source& s = into.source;
  const Source& fs = from.source;
  take(into, s.product_id, fs.product_id, "productId", ex, s.product_id.empty(), fs.product_id.empty());
  take(into, s.shop, fs.shop, "shop", ex, s.shop.name.empty() && s.shop.id.empty(),
       fs.shop.name.empty() && fs.shop.id.empty());
  if (s.platform.empty()) s.platform = fs.platform;
  take(into, into.title, from.title, "title", ex, into.title.empty(), from.title.empty());
  take(into, into.description_html, from.description_html, "descriptionHtml", ex, into.description_html.empty(),
       from.description_html.empty());
  take(into, into.description_url, from.description_url, "descriptionUrl", ex, into.description_url.empty(),
       from.description_url.empty());
  take(into, into.images.main, from.images.main, "images", ex, into.images.main.empty(), from.images.main.empty());
  take(into, into.images.description, from.images.description, "descriptionImages", ex,
       into.images.description.empty(), from.images.description.empty());
  take(into, into.video, from.video, "video", ex, !into.video, !from.video);

  // Variant prices are prices too: finalize derives the range from them, in their currency.
  bool into_variant_priced = false;
  for (const auto& v : into.variants) into_variant_priced = into_variant_priced || v.price.has_value();
  const bool into_priced = into.price || !into.price_tiers.empty() || into_variant_priced;
  const bool from_priced = from.price || !from.price_tiers.empty();
  if (!into_priced && from_priced) {
    into.currency = from.currency;
    into.price = from.price;
    into.price_tiers = from.price_tiers;
    record(into, "price", ex);
  } else if (into.currency.empty() && !from.currency.empty() && !into_priced) {
    into.currency = from.currency;
    record(into, "currency", ex);
  }
  take(into, into.min_order_quantity, from.min_order_quantity, "minOrderQuantity", ex, !into.min_order_quantity,
       !from.min_order_quantity);
  if (into.variants.empty() && into.options.empty() && (!from.variants.empty() || !from.options.empty())) {
    into.options = from.options;
    into.variants = from.variants;
    record(into, "variants", ex);
    bool priced = false;
    for (const auto& v : from.variants) priced = priced || v.price.has_value();
    if (priced && !into.price && into.price_tiers.empty() && into.currency.empty()) {
      into.currency = from.currency;
      record(into, "currency", ex);
    }
  }
  take(into, into.attributes, from.attributes, "attributes", ex, into.attributes.empty(), from.attributes.empty());
  take(into, into.category_path, from.category_path, "categoryPath", ex, into.category_path.empty(),
       from.category_path.empty());
  take(into, into.brand, from.brand, "brand", ex, into.brand.empty(), from.brand.empty());
  take(into, into.highlights, from.highlights, "highlights", ex, into.highlights.empty(), from.highlights.empty());
  take(into, into.weight, from.weight, "weight", ex, !into.weight, !from.weight);
  take(into, into.dimensions, from.dimensions, "dimensions", ex, !into.dimensions, !from.dimensions);
}

}  // namespace caiji::extract
