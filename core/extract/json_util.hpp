#pragma once
// Small readers for page JSON, whose types drift (numbers as strings, strings as numbers,
// one value or an array of them).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace caiji::extract {

using Json = nlohmann::json;

// A string or number as text ("" for anything else). Numbers print in their shortest exact
// form, the same on every platform.
std::string json_text(const Json& j);
std::string json_text(const Json& j, std::string_view key);

// Follows a path of object keys; nullptr when any step is missing.
const Json* json_at(const Json& j, std::initializer_list<std::string_view> path);

// A money amount from a number or a plain decimal string, in canonical form for `currency`.
std::optional<std::string> json_money(const Json& j, std::string_view currency);

// An integer from a number or a digit string.
std::optional<std::int64_t> json_int(const Json& j);

// One value or an array of values, as a list.
std::vector<const Json*> json_list(const Json& j);

}  // namespace caiji::extract
