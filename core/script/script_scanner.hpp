#pragma once
// A forward scan over script text that yields identifiers and string literals, stepping over
// comments, regex literals and template text (internal to core/script). The locator uses it so
// that a name inside a string or a comment is never taken for an assignment.

#include <cstddef>
#include <string_view>
#include <vector>

namespace caiji::script::detail {

struct ScriptToken {
  enum class Kind { identifier, string } kind = Kind::identifier;
  std::size_t begin = 0;  // for strings, at the opening quote
  std::size_t end = 0;
  // Last character of the previous significant token ('a' for a word, '0' for a number,
  // '"' for a string, '`' for a template, '/' for a regex literal, 0 at the start).
  char prev = 0;
};

class ScriptScanner {
 public:
  explicit ScriptScanner(std::string_view text) : text_(text) {}

  // Moves to the next identifier or '...'/"..." string; false at the end of the text.
  bool next(ScriptToken& token);

 private:
  void continue_template(std::size_t at);

  std::string_view text_;
  std::size_t pos_ = 0;
  char prev_ = 0;
  std::string_view prev_word_;
  std::size_t brace_depth_ = 0;
  std::vector<std::size_t> template_braces_;  // brace depth at each open ${ substitution
};

}  // namespace caiji::script::detail
