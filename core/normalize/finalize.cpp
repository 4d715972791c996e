#include "core/normalize/finalize.hpp"

#include <algorithm>

#include "core/item/money.hpp"
#include "core/normalize/images.hpp"
#include "core/normalize/url.hpp"
#include "core/util/text.hpp"

namespace caiji::normalize {

namespace {

void warn(Item& item, const char* code, const char* message) {
  for (const auto& w : item.warnings)
    if (w.code == code) return;
  item.warnings.push_back(Warning{code, message});
}

void derive_price_range(Item& item) {
  if (item.price) return;
  const std::string* lo = nullptr;
  const std::string* hi = nullptr;
  for (const auto& v : item.variants) {
    if (!v.price) continue;
    if (!lo || compare_decimal(*v.price, *lo) < 0) lo = &*v.price;
    if (!hi || compare_decimal(*v.price, *hi) > 0) hi = &*v.price;
  }
  for (const auto& t : item.price_tiers) {
    if (!lo || compare_decimal(t.price, *lo) < 0) lo = &t.price;
    if (!hi || compare_decimal(t.price, *hi) > 0) hi = &t.price;
  }
  if (lo && hi) item.price = PriceRange{*lo, *hi};
}

}  // namespace

void finalize_item(Item& item) {
  Source& s = item.source;
  if (s.canonical_url.empty()) s.canonical_url = canonical_product_url(s.url);
  if (s.platform.empty()) s.platform = "generic";
  s.dedup_key = !s.product_id.empty() ? s.platform + ":" + s.product_id
                : !s.canonical_url.empty() ? "url:" + s.canonical_url
                                           : std::string();
  s.shop.name = clean_text(s.shop.name);

  item.title = clean_text(item.title);
  item.brand = clean_text(item.brand);
  for (auto& h : item.highlights) h = clean_text(h);
  item.highlights.erase(std::remove(item.highlights.begin(), item.highlights.end(), std::string()),
                        item.highlights.end());
  for (auto& a : item.attributes) {
    a.name = clean_text(a.name);
    a.value = clean_text(a.value);
  }
  for (auto& c : item.category_path) c = clean_text(c);
  item.images.main = clean_image_list(item.images.main);
  item.images.description = clean_image_list(item.images.description);
  for (auto& opt : item.options) {
    opt.name = clean_text(opt.name);
    for (auto& v : opt.values) {
      v.name = clean_text(v.name);
      if (!v.image.empty()) v.image = largest_image(v.image);
    }
  }
  for (auto& v : item.variants) {
    for (auto& ov : v.option_values) ov = clean_text(ov);
    if (!v.image.empty()) v.image = largest_image(v.image);
  }
  derive_price_range(item);

  if (item.title.empty()) warn(item, "missing_title", "The page has no product title that Caiji could read.");
  if (!item.price) warn(item, "missing_price", "The page shows no price that Caiji could read.");
  else if (item.currency.empty()) warn(item, "missing_currency", "The page gives a price but not its currency.");
  if (item.images.main.empty()) warn(item, "missing_images", "The page has no product pictures that Caiji could read.");
  if (s.product_id.empty()) {
    warn(item, "missing_product_id",
         "The page has no product id; collecting it again from another URL may create a second item.");
  }
}

}  // namespace caiji::normalize
