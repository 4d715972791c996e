#pragma once
// One extractor per site or per syntax, all with one signature over an already parsed page.
// Each fills what it can of an Item; the engine merges them, first come first kept, and
// records which extractor gave each field.

#include <memory>
#include <string_view>
#include <vector>

#include "core/extract/page.hpp"
#include "core/item/item.hpp"

namespace caiji::extract {

class Extractor {
 public:
  virtual ~Extractor() = default;
  // Names appear in provenance ("jsonld", "aliexpress.runParams"): keep them stable.
  virtual std::string_view name() const = 0;
  // Site adapters answer by host; generic extractors answer true.
  virtual bool applies_to(const Page& page) const = 0;
  // Writes what this extractor finds into `out` (which starts empty). Warnings explain what the
  // page lacked; they reach the seller.
  virtual void extract(const Page& page, Item& out, std::vector<Warning>& warnings) const = 0;

  // Whether running now could change an item that already holds `so_far`: false when every
  // field this extractor fills is filled and it would give no warning. extract_page asks before
  // each generic extractor, so that one needing gumbo's tree does not build it for nothing.
  virtual bool could_add(const Page& page, const Item& so_far) const {
    (void)page;
    (void)so_far;
    return true;
  }
  // Whether this extractor could give the page a price, price tiers, variants or an
  // item_unavailable warning: what tells a product from a list (classify_after). One that
  // cannot is not run on a page already known to be a list, so that it builds no tree there.
  virtual bool may_price(const Page& page) const {
    (void)page;
    return true;
  }
  // extract(), told what the item already holds, so it may skip looking for what the merge
  // would not take. Whatever the merge does take must come out exactly as from extract().
  virtual void extract_missing(const Page& page, const Item& so_far, Item& out, std::vector<Warning>& warnings) const {
    (void)so_far;
    extract(page, out, warnings);
  }
};

// Site adapters run first (the first that applies), then every generic extractor in order.
class Registry {
 public:
  static Registry with_defaults();

  void add_site(std::unique_ptr<Extractor> e) { sites_.push_back(std::move(e)); }
  void add_generic(std::unique_ptr<Extractor> e) { generics_.push_back(std::move(e)); }

  const Extractor* site_for(const Page& page) const;
  const std::vector<std::unique_ptr<Extractor>>& generics() const { return generics_; }

 private:
  std::vector<std::unique_ptr<Extractor>> sites_;
  std::vector<std::unique_ptr<Extractor>> generics_;
};

}  // namespace caiji::extract
