#pragma once
// The normalized item, schema v1 (docs/item-schema.md, schema/item.schema.json). Every product
// the seller collects becomes one of these, whatever site it came from. Money is a decimal
// string in major units beside an ISO 4217 currency, never a binary float.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace caiji {

inline constexpr int kItemSchemaVersion = 1;

struct Shop {
  std::string id;
  std::string name;
  std::string url;
  bool operator==(const Shop&) const = default;
};

struct Source {
  std::string platform;       // "1688", "taobao", "tmall", "aliexpress", "amazon", "ebay", "jd", "shopify", … or "generic"
  std::string url;            // where it was collected, as given
  std::string canonical_url;  // tracking parameters stripped
  std::string product_id;     // the site's own id ("" when the page has none)
  std::string dedup_key;      // "<platform>:<productId>", or "url:<canonicalUrl>" without an id
  Shop shop;
  bool operator==(const Source&) const = default;
};

struct OptionValue {
  std::string name;   // as the seller sees it: "Red", "XL", "红色"
  std::string image;  // absolute URL of the swatch/variant picture, "" when none
  bool operator==(const OptionValue&) const = default;
};

struct Option {
  std::string name;  // "Color", "Size", "颜色"
  std::vector<OptionValue> values;
  bool operator==(const Option&) const = default;
};

struct Variant {
  std::string sku_id;
  std::vector<std::string> option_values;     // one per Option, in options order
  std::optional<std::string> price;           // what a buyer pays now
  std::optional<std::string> original_price;  // the struck-through price, when the page shows one
  std::optional<std::int64_t> stock;
  std::string image;
  bool operator==(const Variant&) const = default;
};

struct PriceRange {
  std::string min;
  std::string max;
  bool operator==(const PriceRange&) const = default;
};

struct PriceTier {
  std::int64_t min_quantity = 1;
  std::string price;
  bool operator==(const PriceTier&) const = default;
};

struct Images {
  std::vector<std::string> main;         // gallery, in page order, largest size, de-duplicated
  std::vector<std::string> description;  // pictures inside the description
  // images.byOption in JSON is derived from options[].values[].image, so it is not stored here.
  bool operator==(const Images&) const = default;
};

struct Video {
  std::string url;
  std::string poster;
  bool operator==(const Video&) const = default;
};

struct Attribute {
  std::string name;
  std::string value;
  bool operator==(const Attribute&) const = default;
};

struct Weight {
  std::string value;  // decimal string
  std::string unit;   // "g", "kg", "lb", "oz"
  bool operator==(const Weight&) const = default;
};

struct Dimensions {
  std::string length;
  std::string width;
  std::string height;
  std::string unit;  // "cm", "mm", "in"
  bool operator==(const Dimensions&) const = default;
};

struct FieldSource {
  std::string field;      // top-level item field, e.g. "title", "variants"
  std::string extractor;  // e.g. "aliexpress.runParams", "jsonld", "opengraph"
  bool operator==(const FieldSource&) const = default;
};

struct Provenance {
  std::string parser_version;
  std::string via;  // "page" (collected from an open page), "url" (fetched), "category", "file"
  std::vector<FieldSource> fields;
  bool operator==(const Provenance&) const = default;
};

struct Warning {
  std::string code;     // stable, machine-readable: "missing_price", "price_needs_endpoint", …
  std::string message;  // for the seller
  bool operator==(const Warning&) const = default;
};

struct Item {
  int schema_version = kItemSchemaVersion;
  Source source;
  std::string title;
  std::string description_html;  // sanitized
  std::string description_url;   // when the description loads separately
  Images images;
  std::optional<Video> video;
  std::string currency;  // ISO 4217, "" when unknown
  std::optional<PriceRange> price;
  std::vector<PriceTier> price_tiers;
  std::optional<std::int64_t> min_order_quantity;
  std::vector<Option> options;
  std::vector<Variant> variants;
  std::vector<Attribute> attributes;
  std::vector<std::string> category_path;
  std::string brand;
  std::vector<std::string> highlights;  // feature bullets
  std::optional<Weight> weight;
  std::optional<Dimensions> dimensions;
  std::string collected_at;  // RFC 3339 UTC, given by the caller: the parser never reads a clock
  Provenance provenance;
  std::vector<Warning> warnings;
  bool operator==(const Item&) const = default;
};

}  // namespace caiji
