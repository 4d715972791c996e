#pragma once
// Private to the microdata and RDFa extractors: both read markup into the same small tree of
// schema.org things, and one function turns a Product thing into an Item.

#include <string>
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

// Fills title, description, images, brand, category, identifiers and price (from the offers,
// or price/priceCurrency on the product itself) into `out`.
void fill_item(const Page& page, const Thing& product, Item& out);

}  // namespace caiji::extract::structured
