#include "core/script/js_expression.hpp"

#include <vector>

#include "core/script/js_lexical.hpp"

namespace caiji::script::detail {

namespace {

// Closers on the bracket stack; a template substitution `${` is closed by '}' and then
// returns to template text.
constexpr char template_close = 't';

ExpressionSkip failure(ErrorCode code, std::size_t offset, std::string why) {
  ExpressionSkip s;
  s.code = code;
  s.error_offset = offset;
  s.why = std::move(why);
  return s;
}

}  // namespace

ExpressionSkip skip_expression(std::string_view text, std::size_t pos, std::size_t max_depth) {
  std::vector<char> closers;
  std::vector<std::size_t> openers;  // where each open bracket was, for the error message
  char prev = '(';
  std::string_view prev_word;
  std::size_t i = pos;

  // Continues template text at `at`; returns false (with `err` set) on an unterminated one.
  ExpressionSkip err;
  const auto template_text = [&](std::size_t at, std::size_t opened_at) {
    const TemplateScan t = scan_template_text(text, at);
    if (t.part == TemplatePart::unterminated) {
      err = failure(ErrorCode::malformed_input, opened_at, "unterminated template literal");
      return false;
    }
    if (t.part == TemplatePart::substitution) {
      if (closers.size() >= max_depth) {
        err = failure(ErrorCode::too_deep, t.end,
                      "nesting deeper than " + std::to_string(max_depth) + " levels");
        return false;
      }
      closers.push_back(template_close);
      openers.push_back(opened_at);
      prev = '(';
    } else {
      prev = '`';
    }
    i = t.end;
    return true;
  };

  while (i < text.size()) {
    if (const std::size_t n = space_length(text, i); n > 0) {
      i += n;
      continue;
    }
    const char c = text[i];
    const char next = i + 1 < text.size() ? text[i + 1] : '\0';
    if (c == '/' && (next == '/' || next == '*')) {
      const SpaceSkip s = skip_space(text, i);
      if (s.unterminated_comment != npos)
        return failure(ErrorCode::malformed_input, s.unterminated_comment, "unterminated comment");
      i = s.pos;
      continue;
    }
    if (closers.empty() && (c == ',' || c == ';' || c == ')' || c == ']' || c == '}')) {
      ExpressionSkip ok;
      ok.ok = true;
      ok.end = i;
      return ok;
    }
    if (c == '\'' || c == '"') {
      const std::size_t e = skip_quoted(text, i);
      if (e == npos) return failure(ErrorCode::malformed_input, i, "unterminated string");
      i = e;
      prev = '"';
    } else if (c == '`') {
      if (!template_text(i + 1, i)) return err;
    } else if (is_ascii_digit(c) || (c == '.' && is_ascii_digit(next))) {
      i = number_token_end(text, i);
      prev = '0';
    } else if (starts_identifier(text, i)) {
      const std::size_t e = identifier_end(text, i);
      prev_word = text.substr(i, e - i);
      prev = 'a';
      i = e == i ? i + 1 : e;
    } else if (c == '/' && regex_allowed_after(prev, prev_word)) {
      const std::size_t e = skip_regex(text, i);
      if (e != npos) {
        i = e;
        prev = '/';
      } else {
        prev = '/';  // a division after all
        ++i;
      }
    } else if (c == '(' || c == '[' || c == '{') {
      if (closers.size() >= max_depth)
        return failure(ErrorCode::too_deep, i,
                       "nesting deeper than " + std::to_string(max_depth) + " levels");
      closers.push_back(c == '(' ? ')' : c == '[' ? ']' : '}');
      openers.push_back(i);
      prev = c;
      ++i;
    } else if (c == ')' || c == ']' || c == '}') {
      const char expected = closers.back();
      const std::size_t opened_at = openers.back();
      closers.pop_back();
      openers.pop_back();
      if (expected == template_close && c == '}') {
        if (!template_text(i + 1, opened_at)) return err;
        continue;
      }
      if (expected != c)
        return failure(ErrorCode::malformed_input, i,
                       std::string("unbalanced brackets: '") + c + "' where '" +
                           (expected == template_close ? '}' : expected) + "' was expected");
      prev = c;
      ++i;
    } else {
      prev = c;
      ++i;
    }
  }
  if (!closers.empty())
    return failure(ErrorCode::malformed_input, openers.back(),
                   std::string("unterminated expression: this bracket is never closed"));
  ExpressionSkip ok;
  ok.ok = true;
  ok.end = text.size();
  return ok;
}

}  // namespace caiji::script::detail
