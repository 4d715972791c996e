// 1688 offer pages (detail.1688.com): one reader per page generation (alibaba_1688_parts.hpp),
// newest first; whichever finds the offer fills the item.

#include "core/extract/platform.hpp"
#include "core/extract/sites/alibaba_1688_parts.hpp"
#include "core/extract/sites/sites.hpp"
#include "core/item/money.hpp"

namespace caiji::extract {

namespace {

class Alibaba1688Extractor final : public Extractor {
 public:
  std::string_view name() const override { return "1688"; }
  bool applies_to(const Page& page) const override { return platform_for_host(page.host()) == "1688"; }

  void extract(const Page& page, Item& out, std::vector<Warning>& warnings) const override {
    Item found;
    if (!alibaba_1688::read_module_data(page, found, warnings)) {
      found = Item{};
      if (!alibaba_1688::read_idetail(page, found, warnings)) return;
    }
    out = std::move(found);
    out.source.platform = "1688";
    if (out.source.product_id.empty()) out.source.product_id = alibaba_1688::offer_id_from_url(page.url());
    // SKU-priced offers: the range of what the SKUs cost, recorded as this adapter's price.
    if (!out.price && out.price_tiers.empty()) {
      for (const auto& v : out.variants) {
        if (!v.price) continue;
        if (!out.price) out.price = PriceRange{*v.price, *v.price};
        if (compare_decimal(*v.price, out.price->min) < 0) out.price->min = *v.price;
        if (compare_decimal(*v.price, out.price->max) > 0) out.price->max = *v.price;
      }
    }
    const bool priced = out.price || !out.price_tiers.empty();
    if (!priced && !out.title.empty()) {
      // Offers whose seller hides prices from visitors (isPricePrivate) or asks buyers to
      // inquire show no number until the buyer signs in or contacts them.
      warnings.push_back({"price_hidden", "1688 shows this offer's price only to signed-in buyers or on request; "
                                          "sign in to 1688 in your browser and collect it again."});
    }
  }
};

}  // namespace

std::unique_ptr<Extractor> make_1688_extractor() { return std::make_unique<Alibaba1688Extractor>(); }

}  // namespace caiji::extract
