#pragma once
// Finds a named assignment in script text and reads its value: `window.runParams = {...}`,
// `var iDetailConfig = {...}`, `window.__INIT_DATA={...}`, `window["x"] = ...`,
// `x = JSON.parse("...escaped...")`, and `name: {...}` inside a larger literal.

#include <string_view>

#include <nlohmann/json.hpp>

#include "core/script/js_value.hpp"
#include "core/util/result.hpp"

namespace caiji::script {

// `name` may be dotted ("window.runParams", "_d_c_.DCData"); a lone name also matches after
// `window.` and after var/let/const. Occurrences inside strings and comments are not matches.
// Returns the first occurrence whose value reads; not_found when none does.
//
// Also matched: `window["x"] =`, `window . x =`, `a['b'].c =`, and a bare `x =` when asking
// for "window.x"; never `x ==`, `x =>`, `x.y =` (when asking for `x`), `myx =`. The value may
// be a literal, `JSON.parse("...")` / `JSON.parse('...')` (the string is decoded with
// JavaScript escapes, then read as a tolerant literal), or a call whose callee is
// parenthesized, `(function (b, d) {...})(window.contextPath, {...})` (1688 offer pages since
// 2024), whose last object or array argument is returned. A literal that continues as an
// expression (`x = {} || y`) does not count. Never throws.
Result<nlohmann::json> find_assignment(std::string_view script, std::string_view name,
                                       ReadOptions options = {});

// Reads the value of a property `key: value` (or "key": value) that appears anywhere in the
// script text, for data nested in calls such as `TShop.Setup({...})`.
// Only a key right after '{' or ',' counts (not `a ? key : b`); the first value that reads wins.
Result<nlohmann::json> find_property(std::string_view script, std::string_view key, ReadOptions options = {});

// The arguments of the first call to `callee` (dotted, e.g. "TShop.Setup", "Hub.config.set";
// `window.` optional as for find_assignment) as a JSON array, arguments that are code rather
// than literals being null. With `first_argument` non-empty, only a call whose first argument
// is that string counts: find_call_arguments(s, "Hub.config.set", "sku") gives
// ["sku", {...valItemInfo...}] on Taobao item pages. not_found when no such call reads.
Result<nlohmann::json> find_call_arguments(std::string_view script, std::string_view callee,
                                           std::string_view first_argument = {}, ReadOptions options = {});

}  // namespace caiji::script
