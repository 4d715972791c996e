#pragma once
// Item <-> JSON. Serialization writes fields in schema order and omits empty ones, so the same
// item always gives the same bytes (the native/WASM parity test relies on it) and
// item_from_json(item_to_json(x)) == x.

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/item/item.hpp"
#include "core/util/result.hpp"

namespace caiji {

nlohmann::ordered_json item_to_json(const Item& item);
std::string item_to_json_text(const Item& item, int indent = -1);

// Validates types and the schema version; unknown fields are ignored (a newer writer may add
// some), a field of the wrong type is an error naming its path.
Result<Item> item_from_json(const nlohmann::ordered_json& json);
Result<Item> item_from_json_text(std::string_view text);

}  // namespace caiji
