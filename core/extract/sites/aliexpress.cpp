// AliExpress item pages: www.aliexpress.com/item/<id>.html and the country sites (aliexpress.us,
// aliexpress.ru, he./de./pl./fr.… subdomains). Three page generations, newest tried last:
//   2019–2022  window.runParams = {data: {titleModule, skuModule, priceModule, …}}
//   2023–2024  window.runParams = {data: {productInfoComponent, skuComponent, priceComponent, …}}
//   2024+      window._d_c_.DCData (gallery only) and the DOM the browser rendered
// (aliexpress_runparams.cpp, aliexpress_dcdata.cpp; SKUs in aliexpress_sku.cpp.)

#include "core/extract/platform.hpp"
#include "core/extract/sites/aliexpress_parts.hpp"
#include "core/extract/sites/sites.hpp"
#include "core/util/text.hpp"

namespace caiji::extract {

namespace {

// The item's own id. The address wins over the data: pages of 2022 carry the id plus 2^51 in
// their data and og:url while their canonical link has the real one (see real_product_id).
std::string resolve_product_id(const Page& page, const Item& found) {
  for (const html::ScannedTag& link : page.tags()) {
    if (link.name != "link" || link.attr("rel").value_or("").find("canonical") == std::string_view::npos) continue;
    // Some saved pages escape the quotes of this tag: href=\"https://…\".
    std::string href(link.attr("href").value_or(""));
    std::string clean;
    for (char c : href)
      if (c != '\\' && c != '"') clean.push_back(c);
    if (std::string id = aliexpress::product_id_from_url(clean); !id.empty()) return id;
  }
  if (std::string id = aliexpress::product_id_from_url(page.url()); !id.empty()) return id;
  if (!found.source.product_id.empty()) return found.source.product_id;
  // The description address names the item too: desc.htm?productId=32888230759&key=…
  std::string_view desc = found.description_url;
  if (std::size_t p = desc.find("productId="); p != std::string_view::npos) {
    std::string_view rest = desc.substr(p + 10);
    return aliexpress::real_product_id(rest.substr(0, rest.find('&')));
  }
  return {};
}

class AliExpressExtractor final : public Extractor {
 public:
  std::string_view name() const override { return "aliexpress"; }
  bool applies_to(const Page& page) const override { return platform_for_host(page.host()) == "aliexpress"; }

  void extract(const Page& page, Item& out, std::vector<Warning>& warnings) const override {
    bool read = false;
    if (const Json* run = page.script_value("runParams"); run && run->is_object()) {
      // The page assigns {data: {...}}; the extension may hand over either that or data itself.
      const Json* data = json_at(*run, {"data"});
      if (!data || !data->is_object()) data = run;
      read = aliexpress::read_runparams_modules(*data, page, out) || aliexpress::read_runparams_components(*data, page, out);
    }
    if (!read) read = aliexpress::read_dcdata(page, out, warnings);
    if (!read) return;
    out.source.platform = "aliexpress";
    out.source.product_id = resolve_product_id(page, out);
  }
};

}  // namespace

std::unique_ptr<Extractor> make_aliexpress_extractor() { return std::make_unique<AliExpressExtractor>(); }

}  // namespace caiji::extract
