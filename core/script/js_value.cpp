#include "core/script/js_value.hpp"

#include <exception>
#include <string>
#include <utility>
#include <vector>

#include "core/script/js_expression.hpp"
#include "core/script/js_lexical.hpp"
#include "core/script/js_number.hpp"
#include "core/script/js_string.hpp"
#include "core/script/utf8.hpp"

namespace caiji::script {

namespace {

using detail::npos;

struct Failure {
  ErrorCode code = ErrorCode::malformed_input;
  std::size_t offset = 0;
  std::string why;
};

Error to_error(std::string_view text, const Failure& f) {
  return make_error(f.code, detail::describe_offset(text, f.offset) + ": " + f.why);
}

// A scalar at a value position. `code` means the text there is not a literal.
struct Scalar {
  enum class Kind { literal, code, failed } kind = Kind::code;
  nlohmann::json value;
  bool truthy = false;  // for `!`: JavaScript's truthiness of the literal
  std::size_t end = 0;
};

// The text of the token at pos, for messages ("found `function`").
std::string token_excerpt(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return "the end of the text";
  std::size_t end = detail::starts_identifier(text, pos) ? detail::identifier_end(text, pos) : pos + 1;
  if (end - pos > 24) end = pos + 24;
  std::string out = "`";
  for (std::size_t i = pos; i < end;) i += detail::append_checked_char(out, text, i);
  return out + "`";
}

class Reader {
 public:
  Reader(std::string_view text, ReadOptions options) : text_(text), options_(options) {}

  bool read(std::size_t offset);
  nlohmann::json& value() { return value_; }
  std::size_t end() const { return end_; }
  const Failure& failure() const { return failure_; }

 private:
  struct Frame {
    nlohmann::json container;
    std::string key;  // the key whose value is being read (objects)
    bool is_object = false;
    bool has_key = false;  // a value was attached under `key` (so a trailing operator can undo it)
    std::size_t opened_at = 0;
  };
  enum class Expect { value, element, key, after_value };

  bool fail(ErrorCode code, std::size_t offset, std::string why) {
    failure_ = Failure{code, offset, std::move(why)};
    return false;
  }
  bool skip_space(std::size_t& pos);
  Scalar scalar(std::size_t pos);
  Scalar simple_scalar(std::size_t pos);
  bool key(std::size_t& pos, Frame& frame, Expect& expect);
  bool skip_code(std::size_t& pos, const char* what);
  // Attaches a finished value to the innermost frame, or ends the read at the top.
  bool attach(std::vector<Frame>& stack, nlohmann::json v, std::size_t end, Expect& expect);

  std::string_view text_;
  ReadOptions options_;
  nlohmann::json value_;
  std::size_t end_ = 0;
  Failure failure_;
  bool done_ = false;
};

bool Reader::skip_space(std::size_t& pos) {
  const detail::SpaceSkip s = detail::skip_space(text_, pos);
  if (s.unterminated_comment != npos)
    return fail(ErrorCode::malformed_input, s.unterminated_comment, "unterminated comment (no closing */)");
  pos = s.pos;
  return true;
}

Scalar Reader::simple_scalar(std::size_t pos) {
  Scalar s;
  const char c = text_[pos];
  if (c == '"' || c == '\'' || c == '`') {
    detail::StringRead r = detail::read_string_literal(text_, pos);
    if (r.status == detail::StringStatus::has_substitution) return s;  // code
    if (r.status == detail::StringStatus::unterminated) {
      s.kind = Scalar::Kind::failed;
      fail(ErrorCode::malformed_input, pos, "unterminated string");
      return s;
    }
    s.kind = Scalar::Kind::literal;
    s.truthy = !r.value.empty();
    s.value = std::move(r.value);
    s.end = r.end;
    return s;
  }
  if (c == '-' || c == '+') {
    // A sign, possibly spaced from its operand; `-Infinity` and `-NaN` are null like their
    // unsigned forms, anything else signed (`+new Date`) is code.
    std::size_t p = pos + 1;
    while (p < text_.size() && detail::space_length(text_, p) > 0) p += detail::space_length(text_, p);
    if (p >= text_.size()) return s;
    if (detail::is_ascii_digit(text_[p]) ||
        (text_[p] == '.' && p + 1 < text_.size() && detail::is_ascii_digit(text_[p + 1]))) {
      detail::NumberRead n = detail::read_number_literal(text_, p, c == '-');
      if (!n.ok) {
        s.kind = Scalar::Kind::failed;
        fail(ErrorCode::malformed_input, pos, "malformed number");
        return s;
      }
      s.kind = Scalar::Kind::literal;
      s.truthy = !(n.value.is_null() || n.value == 0);
      s.value = std::move(n.value);
      s.end = n.end;
      return s;
    }
    const std::size_t e = detail::identifier_end(text_, p);
    const std::string_view word = text_.substr(p, e - p);
    if (word == "Infinity" || word == "NaN") {
      s.kind = Scalar::Kind::literal;
      s.truthy = word == "Infinity";
      s.value = nullptr;
      s.end = e;
    }
    return s;
  }
  if (detail::is_ascii_digit(c) ||
      (c == '.' && pos + 1 < text_.size() && detail::is_ascii_digit(text_[pos + 1]))) {
    detail::NumberRead n = detail::read_number_literal(text_, pos, false);
    if (!n.ok) {
      s.kind = Scalar::Kind::failed;
      fail(ErrorCode::malformed_input, pos, "malformed number");
      return s;
    }
    s.kind = Scalar::Kind::literal;
    s.truthy = !(n.value.is_null() || n.value == 0);
    s.value = std::move(n.value);
    s.end = n.end;
    return s;
  }
  if (detail::starts_identifier(text_, pos)) {
    const std::size_t e = detail::identifier_end(text_, pos);
    const std::string_view word = text_.substr(pos, e - pos);
    s.kind = Scalar::Kind::literal;
    s.end = e;
    if (word == "true") {
      s.value = true;
      s.truthy = true;
    } else if (word == "false") {
      s.value = false;
    } else if (word == "null" || word == "undefined" || word == "NaN") {
      s.value = nullptr;
    } else if (word == "Infinity") {
      s.value = nullptr;
      s.truthy = true;
    } else if (word == "void") {
      // `void 0` is how minifiers write undefined.
      std::size_t p = detail::after_space(text_, e);
      if (p < text_.size() && detail::is_ascii_digit(text_[p])) {
        s.value = nullptr;
        s.end = detail::number_token_end(text_, p);
      } else {
        s.kind = Scalar::Kind::code;
      }
    } else {
      s.kind = Scalar::Kind::code;
    }
    return s;
  }
  return s;
}

Scalar Reader::scalar(std::size_t pos) {
  if (text_[pos] != '!') return simple_scalar(pos);
  // !0, !1, !!1 and the like: minified booleans.
  std::size_t p = pos;
  bool negate = false;
  while (p < text_.size() && text_[p] == '!') {
    negate = !negate;
    p = detail::after_space(text_, p + 1);
  }
  if (p >= text_.size() || text_[p] == '{' || text_[p] == '[') return Scalar{};
  Scalar inner = simple_scalar(p);
  if (inner.kind != Scalar::Kind::literal) return inner;
  Scalar s;
  s.kind = Scalar::Kind::literal;
  s.truthy = negate ? !inner.truthy : inner.truthy;
  s.value = s.truthy;
  s.end = inner.end;
  return s;
}

bool Reader::skip_code(std::size_t& pos, const char* what) {
  const detail::ExpressionSkip k = detail::skip_expression(text_, pos, options_.max_depth);
  if (!k.ok) return fail(k.code, k.error_offset, k.why);
  if (k.end == pos)
    return fail(ErrorCode::malformed_input, pos,
                std::string("expected ") + what + ", found " + token_excerpt(text_, pos));
  pos = k.end;
  return true;
}

bool Reader::key(std::size_t& pos, Frame& frame, Expect& expect) {
  const std::size_t start = pos;
  const char c = text_[pos];
  std::string name;
  bool named = true;
  if (c == '"' || c == '\'') {
    detail::StringRead r = detail::read_string_literal(text_, pos);
    if (r.status != detail::StringStatus::ok)
      return fail(ErrorCode::malformed_input, pos, "unterminated string");
    name = std::move(r.value);
    pos = r.end;
  } else if (detail::is_ascii_digit(c) ||
             (c == '.' && pos + 1 < text_.size() && detail::is_ascii_digit(text_[pos + 1]))) {
    detail::NumberRead n = detail::read_number_literal(text_, pos, false);
    if (!n.ok) return fail(ErrorCode::malformed_input, pos, "malformed number");
    // JavaScript turns a numeric key into its string: {1: x} has key "1", {0x10: x} "16".
    name = n.value.is_null() ? std::string(text_.substr(pos, n.end - pos)) : n.value.dump();
    pos = n.end;
  } else if (detail::starts_identifier(text_, pos)) {
    const std::size_t e = detail::identifier_end(text_, pos);
    name = detail::identifier_name(text_.substr(pos, e - pos));
    pos = e;
  } else if (c == '[' || c == '.' || c == '*') {
    named = false;  // [computed]: v, ...spread, *generator() {}
  } else {
    return fail(ErrorCode::malformed_input, pos,
                "expected a property name or '}', found " + token_excerpt(text_, pos));
  }
  if (named) {
    if (!skip_space(pos)) return false;
    const char next = pos < text_.size() ? text_[pos] : '\0';
    if (next == ':') {
      ++pos;
      frame.key = std::move(name);
      frame.has_key = false;
      expect = Expect::value;
      return true;
    }
    const bool accessor = name == "get" || name == "set" || name == "async" || name == "static";
    const bool method_or_shorthand = next == '(' || next == ',' || next == '}' ||
                                     (accessor && (detail::starts_identifier(text_, pos) || next == '[' ||
                                                   next == '*' || next == '"' || next == '\''));
    if (!method_or_shorthand)
      return fail(ErrorCode::malformed_input, pos,
                  "expected ':' after a property name, found " + token_excerpt(text_, pos));
  }
  // Not `name: value`: a method, getter, shorthand or spread. It holds no data we can read,
  // so step over the whole property.
  pos = start;
  if (!skip_code(pos, "a property")) return false;
  frame.has_key = false;
  expect = Expect::after_value;
  return true;
}

bool Reader::attach(std::vector<Frame>& stack, nlohmann::json v, std::size_t end, Expect& expect) {
  if (stack.empty()) {
    value_ = std::move(v);
    end_ = end;
    done_ = true;
    return true;
  }
  Frame& f = stack.back();
  if (f.is_object) {
    f.container[f.key] = std::move(v);  // a duplicate key overwrites: the last one wins
    f.has_key = true;
  } else {
    f.container.push_back(std::move(v));
  }
  expect = Expect::after_value;
  return true;
}

bool Reader::read(std::size_t offset) {
  if (offset > text_.size())
    return fail(ErrorCode::invalid_argument, text_.size(), "offset beyond the end of the text");
  std::vector<Frame> stack;
  std::size_t pos = offset;
  Expect expect = Expect::value;
  while (!done_) {
    if (!skip_space(pos)) return false;
    if (pos >= text_.size()) {
      if (stack.empty())
        return fail(ErrorCode::malformed_input, pos, "expected a value, found the end of the text");
      const Frame& f = stack.back();
      return fail(
          ErrorCode::malformed_input, f.opened_at,
          f.is_object ? "unterminated object (no closing '}')" : "unterminated array (no closing ']')");
    }
    const char c = text_[pos];
    switch (expect) {
      case Expect::element:
        if (c == ']') break;  // closed below, with after_value
        if (c == ',') {
          stack.back().container.push_back(nullptr);  // a hole: [1,,2]
          ++pos;
          continue;
        }
        [[fallthrough]];
      case Expect::value: {
        if (c == '{' || c == '[') {
          if (stack.size() >= options_.max_depth)
            return fail(ErrorCode::too_deep, pos,
                        "nesting deeper than " + std::to_string(options_.max_depth) + " levels");
          Frame f;
          f.is_object = c == '{';
          f.container = f.is_object ? nlohmann::json::object() : nlohmann::json::array();
          f.opened_at = pos;
          stack.push_back(std::move(f));
          ++pos;
          expect = c == '{' ? Expect::key : Expect::element;
          continue;
        }
        Scalar s = scalar(pos);
        if (s.kind == Scalar::Kind::failed) return false;
        if (s.kind == Scalar::Kind::literal) {
          pos = s.end;
          attach(stack, std::move(s.value), pos, expect);
          continue;
        }
        if (stack.empty())
          return fail(ErrorCode::malformed_input, pos,
                      "expected a value (object, array, string, number, true, false or null), found " +
                          token_excerpt(text_, pos));
        if (!skip_code(pos, "a value")) return false;
        attach(stack, nullptr, pos, expect);
        continue;
      }
      case Expect::key:
        if (c == '}') break;
        if (c == ',') {  // a stray comma ({a:1,,b:2}); JavaScript would refuse it, we need not
          ++pos;
          continue;
        }
        if (!key(pos, stack.back(), expect)) return false;
        continue;
      case Expect::after_value: break;
    }
    // Here: after a value (or at a closing bracket right after an opening one or a comma).
    Frame& f = stack.back();
    const char closer = f.is_object ? '}' : ']';
    if (c == closer) {
      ++pos;
      nlohmann::json done = std::move(f.container);
      stack.pop_back();
      attach(stack, std::move(done), pos, expect);
      continue;
    }
    if (c == ',') {
      ++pos;
      expect = f.is_object ? Expect::key : Expect::element;
      continue;
    }
    if (detail::continues_expression(text_, pos)) {
      // The value was the start of an expression (`"a" + b`, `{}.x`, `1 ? 2 : 3`): it is
      // code after all, so it becomes null and the rest of the expression is stepped over.
      if (f.is_object && f.has_key) f.container[f.key] = nullptr;
      if (!f.is_object && !f.container.empty()) f.container.back() = nullptr;
      if (!skip_code(pos, "a value")) return false;
      continue;
    }
    return fail(ErrorCode::malformed_input, pos,
                std::string("expected ',' or '") + closer + "', found " + token_excerpt(text_, pos));
  }
  return true;
}

}  // namespace

Result<ReadValue> read_js_value(std::string_view text, std::size_t offset, ReadOptions options) {
  try {
    Reader reader(text, options);
    if (!reader.read(offset)) return to_error(text, reader.failure());
    return ReadValue{std::move(reader.value()), reader.end()};
  } catch (const std::exception& e) {
    return make_error(ErrorCode::internal, std::string("reading a script value failed: ") + e.what());
  }
}

Result<nlohmann::json> read_entire_js_value(std::string_view text, ReadOptions options) {
  Result<ReadValue> r = read_js_value(text, 0, options);
  if (!r) return r.error();
  std::size_t pos = detail::after_space(text, r->end);
  if (pos < text.size() && text[pos] == ';') pos = detail::after_space(text, pos + 1);
  if (pos < text.size())
    return make_error(ErrorCode::malformed_input, detail::describe_offset(text, pos) +
                                                      ": unexpected text after the value, " +
                                                      token_excerpt(text, pos));
  return std::move(r).value().value;
}

}  // namespace caiji::script
