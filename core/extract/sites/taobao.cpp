// Taobao and Tmall item pages (item.taobao.com, detail.tmall.com, detail.tmall.hk): one
// reader per page generation (taobao_parts.hpp), newest first.

#include "core/extract/platform.hpp"
#include "core/extract/sites/sites.hpp"
#include "core/extract/sites/taobao_parts.hpp"

namespace caiji::extract {

namespace {

class TaobaoExtractor final : public Extractor {
 public:
  std::string_view name() const override { return "taobao"; }
  bool applies_to(const Page& page) const override {
    auto p = platform_for_host(page.host());
    return p == "taobao" || p == "tmall";
  }

  void extract(const Page& page, Item& out, std::vector<Warning>& warnings) const override {
    Item found;
    std::vector<Warning> found_warnings;
    if (!taobao::read_ice_context(page, found, found_warnings)) {
      found = Item{};
      found_warnings.clear();
      if (!taobao::read_classic(page, found, found_warnings)) return;
    }
    out = std::move(found);
    for (auto& w : found_warnings) warnings.push_back(std::move(w));
    if (out.source.product_id.empty()) out.source.product_id = taobao::item_id_from_url(page.url());
  }
};

}  // namespace

std::unique_ptr<Extractor> make_taobao_extractor() { return std::make_unique<TaobaoExtractor>(); }

}  // namespace caiji::extract
