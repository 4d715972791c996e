#pragma once
// The lexical pieces of JavaScript the reader and the locator share (internal to core/script):
// white space, comments, identifiers, and skipping over string, template and regex tokens
// without decoding them. All of it is a forward scan with no recursion and no regex.

#include <cstddef>
#include <string>
#include <string_view>

namespace caiji::script::detail {

inline constexpr std::size_t npos = std::string_view::npos;

inline bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_ascii_id_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
}
inline bool is_ascii_id_part(char c) { return is_ascii_id_start(c) || is_ascii_digit(c); }

// Bytes taken by the white space or line terminator at text[pos]: ASCII space, tab, CR, LF,
// VT, FF, and the non-ASCII ones JavaScript also skips (NBSP, BOM, U+2028/U+2029, U+3000 and
// the other space separators). 0 when there is none.
std::size_t space_length(std::string_view text, std::size_t pos);

// True when text[pos] starts an identifier: an ASCII letter, $ or _, a \u escape, or any
// non-ASCII character that is not white space (pages use Chinese property names).
bool starts_identifier(std::string_view text, std::size_t pos);

// End of the identifier starting at text[pos].
std::size_t identifier_end(std::string_view text, std::size_t pos);

// The identifier's name with \uXXXX and \u{...} escapes decoded and bad bytes replaced.
std::string identifier_name(std::string_view raw);

struct SpaceSkip {
  std::size_t pos = 0;                      // first byte that is neither space nor comment
  std::size_t unterminated_comment = npos;  // where a /* comment without its */ starts
};

// Skips white space, `// line` and `/* block */` comments.
SpaceSkip skip_space(std::string_view text, std::size_t pos);

// Convenience: skip_space(...).pos, treating an unterminated comment as running to the end.
std::size_t after_space(std::string_view text, std::size_t pos);

// Skips a '...' or "..." token starting at text[pos]; returns the offset past its closing
// quote, or npos when a line break or the end comes first (JavaScript forbids both).
std::size_t skip_quoted(std::string_view text, std::size_t pos);

enum class TemplatePart { closed, substitution, unterminated };
struct TemplateScan {
  TemplatePart part;
  std::size_t end;  // past the closing backtick, or past the `${` of a substitution
};
// Scans template literal text from `pos` (just past the opening backtick or past the `}` that
// closes a substitution) to the closing backtick or the next `${`.
TemplateScan scan_template_text(std::string_view text, std::size_t pos);

// Skips a regular expression literal /.../flags starting at text[pos]; npos when it is not one
// (a line break or the end comes before the closing slash), so the slash was a division.
std::size_t skip_regex(std::string_view text, std::size_t pos);

// Whether a '/' after the previous significant token starts a regex literal rather than a
// division. `prev` is that token's last character, 'a' for a word (then `prev_word` holds
// it), '0' for a number, '"' for a string, '`' for a template, '/' for a regex, 0 for none.
bool regex_allowed_after(char prev, std::string_view prev_word);

// End of the numeric-literal-like token at text[pos] (digits, letters, '.', exponent signs).
std::size_t number_token_end(std::string_view text, std::size_t pos);

// True when the text at `pos` continues an expression after a complete operand: a binary or
// ternary operator, a member access or a call (`+ x`, `|| {}`, `.split(",")`, `? a : b`,
// `instanceof`, `in`).
bool continues_expression(std::string_view text, std::size_t pos);

// "offset 1832 (line 12, column 5)": lines and columns count from 1, columns in characters.
std::string describe_offset(std::string_view text, std::size_t offset);

}  // namespace caiji::script::detail
