// OpenGraph and product meta tags (og:title, og:image, product:price:amount …): nearly every
// shop sets them for link previews, so they are the floor under every other extractor.

#include "core/extract/generic/generic.hpp"
#include "core/item/money.hpp"
#include "core/util/text.hpp"

namespace caiji::extract {

namespace {

class OpenGraphExtractor final : public Extractor {
 public:
  std::string_view name() const override { return "opengraph"; }
  bool applies_to(const Page&) const override { return true; }

  void extract(const Page& page, Item& out, std::vector<Warning>&) const override {
    out.title = decode_entities(page.meta("og:title"));
    for (const html::ScannedTag& m : page.tags()) {
      if (m.name != "meta") continue;
      auto property = m.attr("property");
      if (!property || (*property != "og:image" && *property != "og:image:secure_url" && *property != "og:image:url"))
        continue;
      if (auto c = m.attr("content"))
        if (std::string abs = page.absolute(*c); !abs.empty()) out.images.main.push_back(abs);
    }
    out.description_html = text_paragraph_html(decode_entities(page.meta("og:description")));
    out.brand = page.meta("product:brand");
    for (const char* prefix : {"product:price", "og:price", "product:sale_price"}) {
      std::string currency = to_upper_ascii(trim(page.meta(std::string(prefix) + ":currency")));
      std::string amount = page.meta(std::string(prefix) + ":amount");
      if (amount.empty()) continue;
      if (auto m = canonical_money(trim(amount), currency)) {
        out.currency = currency;
        out.price = PriceRange{*m, *m};
        break;
      }
    }
    if (std::string video = page.absolute(page.meta("og:video")); !video.empty()) out.video = Video{video, {}};
  }
};

// Plain HTML: <title>, <h1>, meta description. The last resort for pages with no data.
class HtmlMetaExtractor final : public Extractor {
 public:
  std::string_view name() const override { return "html"; }
  bool applies_to(const Page&) const override { return true; }

  void extract(const Page& page, Item& out, std::vector<Warning>&) const override {
    if (html::Node h1 = page.doc().select_first("h1"); h1.valid()) out.title = h1.text();
    if (out.title.empty()) out.title = page.title().value_or(std::string());
    out.description_html = text_paragraph_html(decode_entities(page.meta("description")));
  }

  bool could_add(const Page&, const Item& so_far) const override {
    return so_far.title.empty() || so_far.description_html.empty();
  }
  bool may_price(const Page&) const override { return false; }  // title and description only

  // The <h1> needs the tree; when the item has its title the merge would not take this one.
  void extract_missing(const Page& page, const Item& so_far, Item& out, std::vector<Warning>& warnings) const override {
    if (so_far.title.empty()) return extract(page, out, warnings);
    out.description_html = text_paragraph_html(decode_entities(page.meta("description")));
  }
};

}  // namespace

std::unique_ptr<Extractor> make_opengraph_extractor() { return std::make_unique<OpenGraphExtractor>(); }
std::unique_ptr<Extractor> make_html_meta_extractor() { return std::make_unique<HtmlMetaExtractor>(); }

}  // namespace caiji::extract
