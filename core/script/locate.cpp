#include "core/script/locate.hpp"

#include <exception>
#include <string>
#include <vector>

#include "core/script/js_expression.hpp"
#include "core/script/js_lexical.hpp"
#include "core/script/js_string.hpp"
#include "core/script/script_scanner.hpp"

namespace caiji::script {

namespace {

using detail::after_space;
using detail::npos;
using detail::ScriptToken;

// "window.runParams" -> {"runParams"}; "_d_c_.DCData" -> {"_d_c_", "DCData"}. A leading
// `window.` is dropped because the match allows it anyway. Empty when the name is malformed.
std::vector<std::string_view> split_name(std::string_view name) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = name.find('.', start);
    const std::string_view part = name.substr(start, dot == npos ? npos : dot - start);
    if (part.empty()) return {};
    parts.push_back(part);
    if (dot == npos) break;
    start = dot + 1;
  }
  if (parts.size() > 1 && parts.front() == "window") parts.erase(parts.begin());
  return parts;
}

bool is_global_object(std::string_view word) { return word == "window" || word == "globalThis"; }

// Matches `.part` or `['part']` for parts[from..] starting at `pos`; returns the offset past
// the last one, or npos.
std::size_t match_members(std::string_view s, std::size_t pos, const std::vector<std::string_view>& parts,
                          std::size_t from) {
  for (std::size_t k = from; k < parts.size(); ++k) {
    std::size_t p = after_space(s, pos);
    if (p >= s.size()) return npos;
    if (s[p] == '.') {
      p = after_space(s, p + 1);
      if (!detail::starts_identifier(s, p)) return npos;
      const std::size_t e = detail::identifier_end(s, p);
      if (s.substr(p, e - p) != parts[k]) return npos;
      pos = e;
    } else if (s[p] == '[') {
      p = after_space(s, p + 1);
      if (p >= s.size() || (s[p] != '"' && s[p] != '\'')) return npos;
      const detail::StringRead r = detail::read_string_literal(s, p);
      if (r.status != detail::StringStatus::ok || r.value != parts[k]) return npos;
      p = after_space(s, r.end);
      if (p >= s.size() || s[p] != ']') return npos;
      pos = p + 1;
    } else {
      return npos;
    }
  }
  return pos;
}

// Where the dotted path ends if the identifier token `t` starts it (with or without a leading
// `window.`), else npos. A token after '.' is a member of something else and never starts it.
std::size_t path_end(std::string_view s, const ScriptToken& t, const std::vector<std::string_view>& parts) {
  if (t.kind != ScriptToken::Kind::identifier || t.prev == '.') return npos;
  const std::string_view word = s.substr(t.begin, t.end - t.begin);
  if (word == parts[0]) {
    if (const std::size_t e = match_members(s, t.end, parts, 1); e != npos) return e;
  }
  if (is_global_object(word)) return match_members(s, t.end, parts, 0);
  return npos;
}

std::string describe_problem(std::string_view s, std::size_t at, std::string_view what, const Error& e) {
  return detail::describe_offset(s, at) + " has " + std::string(what) + " but it could not be read (" +
         e.message + ")";
}

Error not_found(std::string_view what, const std::string& problem) {
  return make_error(ErrorCode::not_found,
                    problem.empty() ? "the page script has no " + std::string(what) : problem);
}

struct Arguments {
  nlohmann::json values = nlohmann::json::array();
  std::size_t end = 0;  // past the closing ')'
};

// Reads the arguments of a call whose '(' is at s[open]. Literal arguments keep their value;
// code (window.contextPath, a callback) becomes null.
Result<Arguments> read_arguments(std::string_view s, std::size_t open, const ReadOptions& options) {
  Arguments args;
  std::size_t p = open + 1;
  while (true) {
    p = after_space(s, p);
    if (p >= s.size())
      return make_error(ErrorCode::malformed_input,
                        detail::describe_offset(s, open) + ": unterminated call (no closing ')')");
    if (s[p] == ')') {
      args.end = p + 1;
      return args;
    }
    Result<ReadValue> r = read_js_value(s, p, options);
    if (!r && r.error().code == ErrorCode::too_deep) return r.error();
    std::size_t after = r ? after_space(s, r->end) : npos;
    if (r && after < s.size() && (s[after] == ',' || s[after] == ')')) {
      args.values.push_back(std::move(r).value().value);
      p = after;
    } else {
      const detail::ExpressionSkip k = detail::skip_expression(s, p, options.max_depth);
      if (!k.ok) return make_error(k.code, detail::describe_offset(s, k.error_offset) + ": " + k.why);
      if (k.end == p || k.end >= s.size() || (s[k.end] != ',' && s[k.end] != ')'))
        return make_error(ErrorCode::malformed_input,
                          detail::describe_offset(s, p) + ": expected a call argument");
      args.values.push_back(nullptr);
      p = k.end;
    }
    if (s[p] == ',') ++p;
  }
}

// The value of `x = (...)`: a parenthesized literal, or a call of a parenthesized function
// whose data is its last object or array argument.
Result<nlohmann::json> parenthesized_value(std::string_view s, std::size_t open, const ReadOptions& options) {
  if (Result<ReadValue> r = read_js_value(s, open + 1, options)) {
    const std::size_t close = after_space(s, r->end);
    if (close < s.size() && s[close] == ')') {
      const std::size_t next = after_space(s, close + 1);
      if (next >= s.size() || !detail::continues_expression(s, next)) return std::move(r).value().value;
    }
  }
  const detail::ExpressionSkip callee = detail::skip_expression(s, open + 1, options.max_depth);
  if (!callee.ok)
    return make_error(callee.code, detail::describe_offset(s, callee.error_offset) + ": " + callee.why);
  if (callee.end >= s.size() || s[callee.end] != ')')
    return make_error(ErrorCode::malformed_input, detail::describe_offset(s, callee.end) + ": expected ')'");
  const std::size_t call = after_space(s, callee.end + 1);
  if (call >= s.size() || s[call] != '(')
    return make_error(ErrorCode::malformed_input,
                      detail::describe_offset(s, open) + ": the value is an expression, not a literal");
  Result<Arguments> args = read_arguments(s, call, options);
  if (!args) return args.error();
  for (auto it = args->values.rbegin(); it != args->values.rend(); ++it)
    if (it->is_object() || it->is_array()) return std::move(*it);
  return make_error(ErrorCode::malformed_input,
                    detail::describe_offset(s, call) + ": the call has no object or array argument");
}

// The value assigned after the '=' at s[pos - 1].
Result<nlohmann::json> assigned_value(std::string_view s, std::size_t pos, const ReadOptions& options) {
  std::size_t p = after_space(s, pos);
  if (p >= s.size())
    return make_error(ErrorCode::malformed_input, detail::describe_offset(s, p) + ": nothing after '='");
  constexpr std::string_view json_parse = "JSON.parse";
  if (s.substr(p, json_parse.size()) == json_parse &&
      (p + json_parse.size() >= s.size() || !detail::is_ascii_id_part(s[p + json_parse.size()]))) {
    std::size_t q = after_space(s, p + json_parse.size());
    if (q >= s.size() || s[q] != '(')
      return make_error(ErrorCode::malformed_input,
                        detail::describe_offset(s, q) + ": expected '(' after JSON.parse");
    Result<ReadValue> arg = read_js_value(s, q + 1, options);
    if (!arg) return arg.error();
    q = after_space(s, arg->end);
    if (!arg->value.is_string() || q >= s.size() || s[q] != ')')
      return make_error(
          ErrorCode::malformed_input,
          detail::describe_offset(s, p) + ": JSON.parse is given something other than one string");
    Result<nlohmann::json> inner = read_entire_js_value(arg->value.get_ref<const std::string&>(), options);
    if (!inner)
      return make_error(
          inner.error().code,
          detail::describe_offset(s, p) + ": in the string given to JSON.parse, " + inner.error().message);
    return inner;
  }
  if (s[p] == '(') return parenthesized_value(s, p, options);
  Result<ReadValue> r = read_js_value(s, p, options);
  if (!r) return r.error();
  const std::size_t next = after_space(s, r->end);
  if (detail::continues_expression(s, next))
    return make_error(
        ErrorCode::malformed_input,
        detail::describe_offset(s, next) + ": the value continues as an expression, not a literal");
  return std::move(r).value().value;
}

// Whether the token is the property name `key` (identifier or quoted).
bool token_is_key(std::string_view s, const ScriptToken& t, std::string_view key) {
  const std::string_view raw = s.substr(t.begin, t.end - t.begin);
  if (t.kind == ScriptToken::Kind::identifier) {
    if (raw.find('\\') == npos) return raw == key;
    return detail::identifier_name(raw) == key;
  }
  if (raw.size() < 2 || raw.back() != raw.front()) return false;  // a broken string
  const std::string_view inner = raw.substr(1, raw.size() - 2);
  if (inner.find('\\') == npos) return inner == key;
  if (inner.size() < key.size()) return false;  // escapes only make the decoded text shorter
  const detail::StringRead r = detail::read_string_literal(s, t.begin);
  return r.status == detail::StringStatus::ok && r.value == key;
}

template <class F>
Result<nlohmann::json> guarded(F&& f) {
  try {
    return f();
  } catch (const std::exception& e) {
    return make_error(ErrorCode::internal, std::string("searching the page script failed: ") + e.what());
  }
}

}  // namespace

Result<nlohmann::json> find_assignment(std::string_view script, std::string_view name, ReadOptions options) {
  return guarded([&]() -> Result<nlohmann::json> {
    const std::vector<std::string_view> parts = split_name(name);
    if (parts.empty())
      return make_error(ErrorCode::invalid_argument, "not a variable name: \"" + std::string(name) + "\"");
    const std::string what = "an assignment to " + std::string(name);
    std::string problem;
    detail::ScriptScanner scanner(script);
    ScriptToken t;
    while (scanner.next(t)) {
      const std::size_t end = path_end(script, t, parts);
      if (end == npos) continue;
      const std::size_t eq = after_space(script, end);
      if (eq >= script.size() || script[eq] != '=') continue;
      if (eq + 1 < script.size() && (script[eq + 1] == '=' || script[eq + 1] == '>')) continue;
      Result<nlohmann::json> v = assigned_value(script, eq + 1, options);
      if (v) return v;
      if (problem.empty()) problem = describe_problem(script, t.begin, what, v.error());
    }
    return not_found(what, problem);
  });
}

Result<nlohmann::json> find_property(std::string_view script, std::string_view key, ReadOptions options) {
  return guarded([&]() -> Result<nlohmann::json> {
    if (key.empty()) return make_error(ErrorCode::invalid_argument, "empty property name");
    const std::string what = "a property " + std::string(key);
    std::string problem;
    detail::ScriptScanner scanner(script);
    ScriptToken t;
    while (scanner.next(t)) {
      if (t.prev != '{' && t.prev != ',') continue;
      if (!token_is_key(script, t, key)) continue;
      const std::size_t colon = after_space(script, t.end);
      if (colon >= script.size() || script[colon] != ':') continue;
      Result<ReadValue> r = read_js_value(script, colon + 1, options);
      if (r) {
        const std::size_t next = after_space(script, r->end);
        if (!detail::continues_expression(script, next)) return std::move(r).value().value;
        if (problem.empty())
          problem = detail::describe_offset(script, t.begin) + " has " + what +
                    " whose value is an expression, not a literal";
      } else if (problem.empty()) {
        problem = describe_problem(script, t.begin, what, r.error());
      }
    }
    return not_found(what, problem);
  });
}

Result<nlohmann::json> find_call_arguments(std::string_view script, std::string_view callee,
                                           std::string_view first_argument, ReadOptions options) {
  return guarded([&]() -> Result<nlohmann::json> {
    const std::vector<std::string_view> parts = split_name(callee);
    if (parts.empty())
      return make_error(ErrorCode::invalid_argument, "not a function name: \"" + std::string(callee) + "\"");
    std::string what = "a call to " + std::string(callee);
    if (!first_argument.empty()) what += "('" + std::string(first_argument) + "', ...)";
    std::string problem;
    detail::ScriptScanner scanner(script);
    ScriptToken t;
    while (scanner.next(t)) {
      const std::size_t end = path_end(script, t, parts);
      if (end == npos) continue;
      const std::size_t open = after_space(script, end);
      if (open >= script.size() || script[open] != '(') continue;
      Result<Arguments> args = read_arguments(script, open, options);
      if (!args) {
        if (problem.empty()) problem = describe_problem(script, t.begin, what, args.error());
        continue;
      }
      nlohmann::json& values = args->values;
      if (!first_argument.empty() && (values.empty() || !values[0].is_string() ||
                                      values[0].get_ref<const std::string&>() != first_argument))
        continue;
      return std::move(values);
    }
    return not_found(what, problem);
  });
}

}  // namespace caiji::script
