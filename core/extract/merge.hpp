#pragma once

#include <string_view>

#include "core/item/item.hpp"

namespace caiji::extract {

// Copies each field group that `into` lacks from `from`, and records `extractor` as its source
// in provenance. Groups that must come from one place stay together: currency with price and
// tiers, options with variants, so a price is never paired with another extractor's currency.
void merge_missing(Item& into, const Item& from, std::string_view extractor);

}  // namespace caiji::extract
