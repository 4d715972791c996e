// Microdata (itemscope / itemtype="http://schema.org/Product" / itemprop): how shops marked up
// products before JSON-LD took over, and what some still do (Newegg's product pages keep price
// and currency in <meta itemprop> inside an Offer scope; ThinkGeek marks h1, img and the price
// heading). Values follow the HTML rules: <meta content>, <img src>, <a href>, <time datetime>,
// <data value>, else the text; a content= attribute on any element wins, as schema.org's own
// examples write `<span itemprop="price" content="1000.00">$1,000.00</span>`.

#include <string>
#include <vector>

#include "core/extract/generic/generic.hpp"
#include "core/extract/generic/structured_product.hpp"
#include "core/util/text.hpp"

namespace caiji::extract {

namespace {

bool is_product_type(std::string_view itemtype) {
  // itemtype may list several URLs.
  std::string_view rest = itemtype;
  while (!rest.empty()) {
    std::size_t sp = rest.find(' ');
    std::string_view t = rest.substr(0, sp);
    rest = sp == std::string_view::npos ? std::string_view{} : rest.substr(sp + 1);
    std::size_t cut = t.find_last_of("/:#");
    std::string_view name = cut == std::string_view::npos ? t : t.substr(cut + 1);
    if (iequals(name, "Product") || iequals(name, "IndividualProduct") || iequals(name, "ProductModel") ||
        iequals(name, "ProductGroup"))
      return true;
  }
  return false;
}

std::string value_of(const Page& page, const html::Node& n) {
  if (auto c = n.attr("content")) return std::string(*c);
  std::string_view tag = n.tag();
  if (tag == "img" || tag == "audio" || tag == "video" || tag == "source" || tag == "embed" || tag == "iframe" ||
      tag == "track")
    return page.absolute(n.attr("src").value_or(""));
  if (tag == "a" || tag == "area" || tag == "link") return page.absolute(n.attr("href").value_or(""));
  if (tag == "object") return page.absolute(n.attr("data").value_or(""));
  if (tag == "data" || tag == "meter") return std::string(n.attr("value").value_or(""));
  if (tag == "time") return std::string(n.attr("datetime").value_or(n.text()));
  return n.text();
}

std::string trimmed_name(std::string_view token) { return std::string(trim(token)); }

constexpr structured::Vocabulary kMicrodata{"itemprop", "itemscope", "itemtype", trimmed_name, value_of};

class MicrodataExtractor final : public Extractor {
 public:
  std::string_view name() const override { return "microdata"; }
  bool applies_to(const Page& page) const override {
    return contains_text(page.input().html, "itemscope");
  }

  // Without an itemscope and an itemtype naming a Product type, the loop below takes nothing.
  bool could_add(const Page& page, const Item&) const override {
    return page.may_have_attribute("itemscope") && page.may_have_product_type("itemtype");
  }

  void extract(const Page& page, Item& out, std::vector<Warning>&) const override {
    for (const html::Node& scope : page.doc().select("[itemscope][itemtype]")) {
      if (!is_product_type(scope.attr("itemtype").value_or(""))) continue;
      // A product nested in another item (an offer's itemOffered, a related product) is not
      // the page's product when a top-level one exists; the first top-level one wins.
      if (scope.attr("itemprop")) continue;
      structured::fill_item(page, structured::read_thing(page, scope, kMicrodata), out);
      if (!out.title.empty()) return;
    }
  }
};

}  // namespace

std::unique_ptr<Extractor> make_microdata_extractor() { return std::make_unique<MicrodataExtractor>(); }

}  // namespace caiji::extract
