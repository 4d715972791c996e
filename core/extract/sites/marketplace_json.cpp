// Shopee, Lazada, Temu, Walmart, and VTEX storefronts: marketplaces whose product pages carry
// their data as embedded JSON (Next.js __NEXT_DATA__, app.run({...}), window.rawData, the VTEX
// render state). One reader per marketplace, each in marketplace_json_<site>.cpp; what they
// leave empty the generic JSON-LD and OpenGraph extractors fill.

#include "core/extract/sites/marketplace_json.hpp"

#include "core/extract/platform.hpp"
#include "core/extract/sites/sites.hpp"
#include "core/item/money.hpp"
#include "core/script/js_value.hpp"
#include "core/util/text.hpp"

namespace caiji::extract {

namespace marketplace {

bool looks_like_vtex(const Page& page) {
  std::string_view html = page.input().html;
  return contains_text(html, "__STATE__") &&
         (contains_text(html, "vtex") || contains_text(html, "VTEX"));
}

Json script_by_id(const Page& page, std::string_view id) {
  for (const auto& s : page.scripts()) {
    if (s.id != id) continue;
    auto v = script::read_entire_js_value(s.body);
    if (v) return std::move(*v);
  }
  return Json();
}

void add_option_value(Option& option, const std::string& value, const std::string& image) {
  if (value.empty()) return;
  for (auto& v : option.values) {
    if (v.name != value) continue;
    if (v.image.empty()) v.image = image;
    return;
  }
  option.values.push_back(OptionValue{value, image});
}

std::optional<std::string> scaled_money(const Json& j, std::int64_t scale, std::string_view currency) {
  auto n = json_int(j);
  if (!n || *n < 0 || scale <= 0) return std::nullopt;
  int digits = 0;
  for (std::int64_t s = scale; s > 1; s /= 10) ++digits;
  std::string text = std::to_string(*n);
  if (digits > 0) {
    while (text.size() <= static_cast<std::size_t>(digits)) text.insert(text.begin(), '0');
    text.insert(text.size() - static_cast<std::size_t>(digits), ".");
  }
  return canonical_money(text, currency);
}

}  // namespace marketplace

namespace {

class MarketplaceJsonExtractor final : public Extractor {
 public:
  std::string_view name() const override { return "marketplace"; }
  bool applies_to(const Page& page) const override {
    std::string p = platform_for_host(page.host());
    return p == "shopee" || p == "lazada" || p == "temu" || p == "walmart" ||
           (p.empty() && marketplace::looks_like_vtex(page));
  }

  void extract(const Page& page, Item& out, std::vector<Warning>& warnings) const override {
    std::string p = platform_for_host(page.host());
    if (p == "walmart" && marketplace::read_walmart(page, out, warnings)) return;
    if (p == "lazada") {
      marketplace::read_lazada(page, out, warnings);
      return;
    }
    if (p == "shopee") {
      marketplace::read_shopee(page, out, warnings);
      return;
    }
    if (p == "temu") {
      marketplace::read_temu(page, out, warnings);
      return;
    }
    // walmart.com.ni, walmart.com.mx and many regional shops run on VTEX.
    if (marketplace::looks_like_vtex(page)) marketplace::read_vtex(page, out, warnings);
  }
};

}  // namespace

std::unique_ptr<Extractor> make_marketplace_json_extractor() { return std::make_unique<MarketplaceJsonExtractor>(); }

}  // namespace caiji::extract
