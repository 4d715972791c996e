#include "core/script/js_lexical.hpp"

#include <cstdint>

#include "core/script/utf8.hpp"

namespace caiji::script::detail {

namespace {

unsigned char byte_at(std::string_view text, std::size_t pos) {
  return pos < text.size() ? static_cast<unsigned char>(text[pos]) : 0;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Decodes \uXXXX or \u{X...} at raw[pos] (pos at the backslash); returns bytes used, 0 if none.
std::size_t identifier_escape(std::string_view raw, std::size_t pos, std::uint32_t& cp) {
  if (pos + 1 >= raw.size() || raw[pos] != '\\' || raw[pos + 1] != 'u') return 0;
  std::size_t i = pos + 2;
  cp = 0;
  if (i < raw.size() && raw[i] == '{') {
    std::size_t digits = 0;
    for (++i; i < raw.size() && hex_value(raw[i]) >= 0 && digits < 8; ++i, ++digits)
      cp = cp * 16 + static_cast<std::uint32_t>(hex_value(raw[i]));
    if (digits == 0 || i >= raw.size() || raw[i] != '}') return 0;
    return i + 1 - pos;
  }
  if (raw.size() - i < 4) return 0;
  for (std::size_t k = 0; k < 4; ++k) {
    const int h = hex_value(raw[i + k]);
    if (h < 0) return 0;
    cp = cp * 16 + static_cast<std::uint32_t>(h);
  }
  return 6;
}

}  // namespace

std::size_t space_length(std::string_view text, std::size_t pos) {
  const unsigned char c = byte_at(text, pos);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') return 1;
  if (c < 0x80) return 0;
  const unsigned char c1 = byte_at(text, pos + 1);
  const unsigned char c2 = byte_at(text, pos + 2);
  if (c == 0xC2 && c1 == 0xA0) return 2;                // U+00A0
  if (c == 0xEF && c1 == 0xBB && c2 == 0xBF) return 3;  // U+FEFF
  if (c == 0xE1 && c1 == 0x9A && c2 == 0x80) return 3;  // U+1680
  if (c == 0xE2 && c1 == 0x80 && ((c2 >= 0x80 && c2 <= 0x8A) || c2 == 0xA8 || c2 == 0xA9 || c2 == 0xAF))
    return 3;                                           // U+2000..200A, 2028, 2029, 202F
  if (c == 0xE2 && c1 == 0x81 && c2 == 0x9F) return 3;  // U+205F
  if (c == 0xE3 && c1 == 0x80 && c2 == 0x80) return 3;  // U+3000
  return 0;
}

bool starts_identifier(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return false;
  const char c = text[pos];
  if (is_ascii_id_start(c)) return true;
  if (c == '\\') return pos + 1 < text.size() && text[pos + 1] == 'u';
  return static_cast<unsigned char>(c) >= 0x80 && space_length(text, pos) == 0;
}

std::size_t identifier_end(std::string_view text, std::size_t pos) {
  std::size_t i = pos;
  while (i < text.size()) {
    const char c = text[i];
    if (is_ascii_id_part(c)) {
      ++i;
    } else if (c == '\\') {
      std::uint32_t cp = 0;
      const std::size_t n = identifier_escape(text, i, cp);
      if (n == 0) break;
      i += n;
    } else if (static_cast<unsigned char>(c) >= 0x80 && space_length(text, i) == 0) {
      ++i;
    } else {
      break;
    }
  }
  return i;
}

std::string identifier_name(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  std::size_t i = 0;
  while (i < raw.size()) {
    std::uint32_t cp = 0;
    if (raw[i] == '\\') {
      if (const std::size_t n = identifier_escape(raw, i, cp); n > 0) {
        append_utf8(out, cp);
        i += n;
        continue;
      }
    }
    i += append_checked_char(out, raw, i);
  }
  return out;
}

SpaceSkip skip_space(std::string_view text, std::size_t pos) {
  std::size_t i = pos;
  while (i < text.size()) {
    if (const std::size_t n = space_length(text, i); n > 0) {
      i += n;
      continue;
    }
    if (text[i] != '/' || i + 1 >= text.size()) break;
    if (text[i + 1] == '/') {
      i += 2;
      while (i < text.size() && text[i] != '\n' && text[i] != '\r') ++i;
    } else if (text[i + 1] == '*') {
      const std::size_t close = text.find("*/", i + 2);
      if (close == npos) return SpaceSkip{text.size(), i};
      i = close + 2;
    } else {
      break;
    }
  }
  return SpaceSkip{i, npos};
}

std::size_t after_space(std::string_view text, std::size_t pos) { return skip_space(text, pos).pos; }

std::size_t skip_quoted(std::string_view text, std::size_t pos) {
  const char quote = text[pos];
  std::size_t i = pos + 1;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '\\') {
      // A backslash before CR LF continues the line across both bytes.
      i += (i + 2 < text.size() && text[i + 1] == '\r' && text[i + 2] == '\n') ? 3 : 2;
    } else if (c == quote) {
      return i + 1;
    } else if (c == '\n' || c == '\r') {
      return npos;
    } else {
      ++i;
    }
  }
  return npos;
}

TemplateScan scan_template_text(std::string_view text, std::size_t pos) {
  std::size_t i = pos;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '\\') {
      i += 2;
    } else if (c == '`') {
      return TemplateScan{TemplatePart::closed, i + 1};
    } else if (c == '$' && i + 1 < text.size() && text[i + 1] == '{') {
      return TemplateScan{TemplatePart::substitution, i + 2};
    } else {
      ++i;
    }
  }
  return TemplateScan{TemplatePart::unterminated, text.size()};
}

std::size_t skip_regex(std::string_view text, std::size_t pos) {
  bool in_class = false;
  std::size_t i = pos + 1;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '\\') {
      if (i + 1 < text.size() && (text[i + 1] == '\n' || text[i + 1] == '\r')) return npos;
      i += 2;
      continue;
    }
    if (c == '\n' || c == '\r') return npos;
    if (in_class) {
      if (c == ']') in_class = false;
    } else if (c == '[') {
      in_class = true;
    } else if (c == '/') {
      ++i;
      while (i < text.size() && is_ascii_id_part(text[i])) ++i;  // flags
      return i;
    }
    ++i;
  }
  return npos;
}

bool regex_allowed_after(char prev, std::string_view prev_word) {
  switch (prev) {
    case 'a':
      // After these keywords an expression starts; after any other word a '/' divides.
      for (std::string_view k : {"return", "typeof", "case", "do", "else", "in", "of", "new", "delete",
                                 "void", "throw", "instanceof", "yield", "await"})
        if (prev_word == k) return true;
      return false;
    case '0':
    case '"':
    case '`':
    case '/':
    case ')':
    case ']': return false;
    default: return true;  // start of text, an operator, an opening bracket, ',', ';', ':', '}'
  }
}

std::size_t number_token_end(std::string_view text, std::size_t pos) {
  std::size_t i = pos;
  while (i < text.size()) {
    const char c = text[i];
    if (is_ascii_id_part(c) || c == '.') {
      ++i;
    } else if ((c == '+' || c == '-') && i > pos && (text[i - 1] == 'e' || text[i - 1] == 'E') &&
               !(text[pos] == '0' && i > pos + 1 && (text[pos + 1] == 'x' || text[pos + 1] == 'X'))) {
      ++i;
    } else {
      break;
    }
  }
  return i;
}

bool continues_expression(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return false;
  switch (text[pos]) {
    case '+':
    case '-':
    case '*':
    case '/':
    case '%':
    case '&':
    case '|':
    case '^':
    case '<':
    case '>':
    case '=':
    case '?':
    case '.':
    case '(':
    case '[':
    case '!':
    case '`': return true;
    default: break;
  }
  for (std::string_view word : {std::string_view("instanceof"), std::string_view("in")}) {
    if (text.substr(pos, word.size()) == word &&
        (pos + word.size() >= text.size() || !is_ascii_id_part(text[pos + word.size()])))
      return true;
  }
  return false;
}

std::string describe_offset(std::string_view text, std::size_t offset) {
  if (offset > text.size()) offset = text.size();
  std::size_t line = 1;
  std::size_t column = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n' || (c == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) {
      ++line;
      column = 1;
    } else if (c != '\r' && (c & 0xC0) != 0x80) {
      ++column;  // continuation bytes belong to the character already counted
    }
  }
  return "offset " + std::to_string(offset) + " (line " + std::to_string(line) + ", column " +
         std::to_string(column) + ")";
}

}  // namespace caiji::script::detail
