#pragma once
// String literals: '...', "..." and `...` (without ${}) decoded to UTF-8 (internal to
// core/script).

#include <cstddef>
#include <string>
#include <string_view>

namespace caiji::script::detail {

enum class StringStatus {
  ok,
  unterminated,      // a line break (in '...' or "...") or the end of text before the quote
  has_substitution,  // a template literal with ${...}: an expression, not a literal
};

struct StringRead {
  StringStatus status = StringStatus::ok;
  std::string value;
  std::size_t end = 0;  // past the closing quote when ok
};

// Reads the literal whose opening quote is text[pos]. Escapes follow JavaScript: \n \t \r \b
// \f \v \0, legacy octal, \xHH, \uHHHH (surrogate pairs joined), \u{...}, line
// continuations, and any other escaped character standing for itself (\' \" \/ \\). A lone
// surrogate, an out-of-range code point or an invalid UTF-8 byte becomes U+FFFD. Malformed
// \x and \u escapes, which JavaScript rejects, are kept as the letter that follows the
// backslash rather than failing the whole literal.
StringRead read_string_literal(std::string_view text, std::size_t pos);

}  // namespace caiji::script::detail
