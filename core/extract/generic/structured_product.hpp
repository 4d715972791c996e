#pragma once
// Private to the microdata and RDFa extractors: both read markup into the same small tree of
// schema.org things with one walker, and one function turns a Product thing into an Item.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/extract/page.hpp"
#include "core/item/item.hpp"

namespace caiji::extract::structured {

struct Thing {
  std::string type;                                         // "http://schema.org/Product", "Offer", …
  std::vector<std::pair<std::string, std::string>> values;  // property -> text, in page order
  std::vector<std::pair<std::string, Thing>> children;      // property -> nested thing
};

// How one markup flavour writes things: microdata (itemprop / itemscope + itemtype) or RDFa Lite
// (property / typeof).
struct Vocabulary {
  std::string_view property_attribute;  // names the properties an element gives
  std::string_view scope_attribute;     // present on an element that is a nested thing
  std::string_view type_attribute;      // the thing's type
  std::string (*property_name)(std::string_view token);          // one space-separated token -> name
  std::string (*value_of)(const Page& page, const html::Node& n);  // the value an element gives
};

// The properties of the thing `scope` opens: walks its descendants without recursion; nested
// things (up to 6 deep) become children and their own properties stay theirs.
Thing read_thing(const Page& page, const html::Node& scope, const Vocabulary& vocabulary, int depth = 0);

// Fills title, description, images, brand, category, identifiers and price (from the offers,
// or price/priceCurrency on the product itself) into `out`.
void fill_item(const Page& page, const Thing& product, Item& out);

}  // namespace caiji::extract::structured
