#pragma once
// Page in, normalized item out: the parser pipeline (page -> verdict -> site adapter ->
// generic extractors -> merge -> normalize -> verdict).

#include <optional>

#include "core/extract/extractor.hpp"
#include "core/extract/page.hpp"
#include "core/extract/page_kind.hpp"
#include "core/item/item.hpp"
#include "core/util/result.hpp"

namespace caiji::extract {

struct Extraction {
  PageVerdict verdict;       // kind product: `item` is set
  std::optional<Item> item;
  bool tree_built = false;   // whether gumbo's tree was needed (see Page::doc), for tests and benches
};

// Errors are for pages that cannot be read at all (too large); a page that is readable but
// not a product is a successful Extraction with its verdict.
Result<Extraction> extract_page(const PageInput& input, const Registry& registry);

// The same, with a page that is not a product reported as an ErrorCode::not_a_product error
// whose message says what the page is.
Result<Item> extract_item(const PageInput& input, const Registry& registry);

}  // namespace caiji::extract
