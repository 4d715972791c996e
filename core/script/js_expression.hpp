#pragma once
// Skipping JavaScript that is not a literal (internal to core/script): `function () {...}`,
// `+new Date`, `a ? 'x' : 'y'`, `location.protocol + '//x'`. The reader turns such a
// property value into null instead of giving up on the whole object.

#include <cstddef>
#include <string>
#include <string_view>

#include "core/util/result.hpp"

namespace caiji::script::detail {

struct ExpressionSkip {
  bool ok = false;
  std::size_t end = 0;                          // when ok: the delimiter that stopped the skip
  ErrorCode code = ErrorCode::malformed_input;  // when not ok
  std::size_t error_offset = 0;
  std::string why;
};

// Skips from `pos` to the first ',', ';', ')', ']' or '}' outside brackets, strings, templates,
// regex literals and comments (or to the end of text). Brackets nest at most `max_depth` deep
// (counted with a stack, not recursion). Fails on unbalanced brackets and unterminated tokens.
ExpressionSkip skip_expression(std::string_view text, std::size_t pos, std::size_t max_depth);

}  // namespace caiji::script::detail
