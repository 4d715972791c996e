// RDFa Lite (vocab="http://schema.org/" typeof="Product" property="name"): the markup Drupal
// Commerce and some Magento 1 themes emit instead of microdata. Same reading as microdata:
// content= wins, then src/href/resource for links and pictures, else the text; an element with
// its own typeof is a nested thing (the Offer). Head <meta property="og:…"> tags are not RDFa
// product data here: only properties inside a Product's typeof count.

#include <string>
#include <vector>

#include "core/extract/generic/generic.hpp"
#include "core/extract/generic/structured_product.hpp"
#include "core/util/text.hpp"

namespace caiji::extract {

namespace {

// "schema:Product", "Product", "http://schema.org/Product" (possibly several, space separated).
bool names_type(std::string_view list, std::string_view wanted) {
  while (!list.empty()) {
    std::size_t sp = list.find(' ');
    std::string_view t = list.substr(0, sp);
    list = sp == std::string_view::npos ? std::string_view{} : list.substr(sp + 1);
    std::size_t cut = t.find_last_of("/:#");
    if (iequals(cut == std::string_view::npos ? t : t.substr(cut + 1), wanted)) return true;
  }
  return false;
}

// "schema:name" and "http://schema.org/name" are both "name".
std::string local_name(std::string_view prop) {
  std::size_t cut = prop.find_last_of("/:#");
  return std::string(cut == std::string_view::npos ? prop : prop.substr(cut + 1));
}

std::string value_of(const Page& page, const html::Node& n) {
  if (auto c = n.attr("content")) return std::string(*c);
  for (const char* a : {"resource", "href", "src"})
    if (auto v = n.attr(a)) return page.absolute(*v);
  if (n.tag() == "time") return std::string(n.attr("datetime").value_or(n.text()));
  return n.text();
}

constexpr structured::Vocabulary kRdfa{"property", "typeof", "typeof", local_name, value_of};

class RdfaExtractor final : public Extractor {
 public:
  std::string_view name() const override { return "rdfa"; }
  bool applies_to(const Page& page) const override { return contains_text(page.input().html, "typeof"); }

  // Without a typeof naming Product the loop below takes nothing.
  bool could_add(const Page& page, const Item&) const override { return page.may_have_product_type("typeof"); }

  void extract(const Page& page, Item& out, std::vector<Warning>&) const override {
    for (const html::Node& scope : page.doc().select("[typeof]")) {
      if (!names_type(scope.attr("typeof").value_or(""), "Product") || scope.attr("property")) continue;
      structured::fill_item(page, structured::read_thing(page, scope, kRdfa), out);
      if (!out.title.empty()) return;
    }
  }
};

}  // namespace

std::unique_ptr<Extractor> make_rdfa_extractor() { return std::make_unique<RdfaExtractor>(); }

}  // namespace caiji::extract
