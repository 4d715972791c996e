#pragma once

#include "core/item/item.hpp"

namespace caiji::normalize {

// Last pass over a merged item: canonical URL and dedup key, clean text, clean image lists,
// a price range derived from variants when the page gave none, and warnings for what a seller
// will miss (no title, no price, no images).
void finalize_item(Item& item);

}  // namespace caiji::normalize
