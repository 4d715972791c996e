#pragma once
// What the seller sees is the latest collected item with the seller's edits on top. The box
// keeps the two apart, as item JSON: the collected item whole, and the edits as an object of the
// top-level fields the seller changed. Recollecting replaces the first and never touches the
// second, so "source fields refresh, seller's fields stay". No SQL here.

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/item/item.hpp"
#include "core/util/result.hpp"

namespace caiji::store {

using OJson = nlohmann::ordered_json;

// The item the seller sees: `collected` with each field of `edits` replacing it (a null edit
// removes the field: the seller cleared it).
OJson compose_view(const OJson& collected, const OJson& edits);

// `edits` with `patch` applied, after checking that the patch names only fields a seller may
// edit, that amounts are decimals ("16.50"), and that the composed item is still valid.
Result<OJson> apply_patch(const OJson& collected, const OJson& edits, const nlohmann::json& patch);

// The top-level fields whose value differs between two views, with their new value (null when
// removed); `collectedAt` changes on every visit and is left out.
OJson changed_fields(const OJson& before, const OJson& after);

std::vector<std::string> edited_field_names(const OJson& edits);

// Exact integer sort keys from a decimal amount, in millionths of the major unit. A missing or
// unreadable price sorts last in both directions: price_low of none is the largest key,
// price_high of none the smallest. (Sorting mixes currencies; it orders, it does not convert.)
inline constexpr std::int64_t kNoPriceLow = INT64_MAX;
inline constexpr std::int64_t kNoPriceHigh = -1;
std::int64_t price_sort_key(const std::string& amount, std::int64_t when_missing);

// The text that full-text search finds an item by besides its title: attributes (name and
// value), brand and category path.
std::string attribute_search_text(const Item& item);

}  // namespace caiji::store
