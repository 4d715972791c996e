#include "core/script/script_scanner.hpp"

#include "core/script/js_lexical.hpp"

namespace caiji::script::detail {

void ScriptScanner::continue_template(std::size_t at) {
  const TemplateScan t = scan_template_text(text_, at);
  if (t.part == TemplatePart::substitution) {
    template_braces_.push_back(brace_depth_);
    ++brace_depth_;
    prev_ = '(';
  } else {
    prev_ = '`';
  }
  pos_ = t.end;
}

bool ScriptScanner::next(ScriptToken& token) {
  const std::string_view t = text_;
  while (pos_ < t.size()) {
    if (const std::size_t n = space_length(t, pos_); n > 0) {
      pos_ += n;
      continue;
    }
    const char c = t[pos_];
    const char next = pos_ + 1 < t.size() ? t[pos_ + 1] : '\0';
    if ((c == '/' && next == '/') || (c == '<' && t.substr(pos_, 4) == "<!--")) {
      // `<!--` opens a line comment in scripts too (kept from the days of hiding scripts).
      while (pos_ < t.size() && t[pos_] != '\n' && t[pos_] != '\r') ++pos_;
      continue;
    }
    if (c == '/' && next == '*') {
      const std::size_t close = t.find("*/", pos_ + 2);
      pos_ = close == npos ? t.size() : close + 2;
      continue;
    }
    if (c == '\'' || c == '"') {
      std::size_t e = skip_quoted(t, pos_);
      if (e == npos) {  // broken string: resume at the line break, as a browser would give up
        e = pos_ + 1;
        while (e < t.size() && t[e] != '\n' && t[e] != '\r') ++e;
      }
      token = ScriptToken{ScriptToken::Kind::string, pos_, e, prev_};
      pos_ = e;
      prev_ = '"';
      return true;
    }
    if (c == '`') {
      continue_template(pos_ + 1);
      continue;
    }
    if (is_ascii_digit(c) || (c == '.' && is_ascii_digit(next))) {
      pos_ = number_token_end(t, pos_);
      prev_ = '0';
      continue;
    }
    if (starts_identifier(t, pos_)) {
      std::size_t e = identifier_end(t, pos_);
      if (e == pos_) e = pos_ + 1;
      token = ScriptToken{ScriptToken::Kind::identifier, pos_, e, prev_};
      prev_word_ = t.substr(pos_, e - pos_);
      prev_ = 'a';
      pos_ = e;
      return true;
    }
    if (c == '/' && regex_allowed_after(prev_, prev_word_)) {
      if (const std::size_t e = skip_regex(t, pos_); e != npos) {
        pos_ = e;
        prev_ = '/';
        continue;
      }
    }
    if (c == '{') {
      ++brace_depth_;
    } else if (c == '}') {
      if (brace_depth_ > 0) --brace_depth_;
      if (!template_braces_.empty() && template_braces_.back() == brace_depth_) {
        template_braces_.pop_back();
        continue_template(pos_ + 1);
        continue;
      }
    }
    prev_ = c;
    ++pos_;
  }
  return false;
}

}  // namespace caiji::script::detail
