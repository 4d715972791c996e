#pragma once
// The script-data layer: product data on real pages lives in JavaScript, not JSON. This reads a
// JavaScript value literal (object, array, string, number, true/false/null/undefined, !0/!1)
// into JSON, tolerating what pages write: unquoted and single-quoted keys, single-quoted
// strings, \x and \u escapes, trailing commas, comments, .5 and 1e3 numbers.

#include <cstddef>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/util/result.hpp"

namespace caiji::script {

struct ReadOptions {
  std::size_t max_depth = 512;  // nesting beyond this is an error, never a stack overflow
};

struct ReadValue {
  nlohmann::json value;
  std::size_t end = 0;  // offset just past the literal within the input
};

// Reads one literal starting at `offset` (leading whitespace and comments skipped).
// Errors carry the byte offset and what was expected, e.g. "offset 1832: unterminated string".
//
// Beyond JSON it takes: unquoted keys (identifiers with $, _, non-ASCII letters, \u escapes),
// single-quoted and numeric keys; '...' strings and `...` templates without ${}; every
// JavaScript escape (\x41, \u00e9, \u{1F600}, surrogate pairs, line continuations), lone
// surrogates and invalid UTF-8 bytes becoming U+FFFD; trailing commas and array holes; // and
// /* */ comments; undefined, NaN, Infinity and `void 0` (all null); !0 and !1 (true, false);
// numbers such as -5, .5, 5., 1e3, 0x1F, 017, 1_000; integers beyond 64 bits (as floats).
// Duplicate keys: the last one wins. A property value or array element that is code rather
// than a literal (a function, an identifier, `+new Date`, `a ? b : c`, `"x" + y`) becomes
// null when its extent can be found with brackets balanced; otherwise the read fails.
// The literal itself must be one: at the top, code is an error (malformed_input). Nesting
// deeper than options.max_depth fails with too_deep; the reader uses no recursion.
// Never throws.
Result<ReadValue> read_js_value(std::string_view text, std::size_t offset = 0, ReadOptions options = {});

// Reads `text` as exactly one literal: only white space, comments and one `;` may surround it.
// For a whole script body holding data (`<script type="application/json">`, __NEXT_DATA__)
// and for the string inside JSON.parse("...").
Result<nlohmann::json> read_entire_js_value(std::string_view text, ReadOptions options = {});

}  // namespace caiji::script
