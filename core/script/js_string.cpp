#include "core/script/js_string.hpp"

#include <cstdint>

#include "core/script/utf8.hpp"

namespace caiji::script::detail {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool is_octal(char c) { return c >= '0' && c <= '7'; }

// Reads `count` hex digits at text[pos]; false if any is missing.
bool fixed_hex(std::string_view text, std::size_t pos, std::size_t count, std::uint32_t& cp) {
  if (pos > text.size() || text.size() - pos < count) return false;
  cp = 0;
  for (std::size_t k = 0; k < count; ++k) {
    const int h = hex_value(text[pos + k]);
    if (h < 0) return false;
    cp = cp * 16 + static_cast<std::uint32_t>(h);
  }
  return true;
}

// Decodes the \u escape whose backslash is at text[pos]; returns bytes used or 0.
std::size_t unicode_escape(std::string_view text, std::size_t pos, std::uint32_t& cp) {
  if (pos + 1 >= text.size() || text[pos] != '\\' || text[pos + 1] != 'u') return 0;
  const std::size_t i = pos + 2;
  if (i < text.size() && text[i] == '{') {
    std::size_t j = i + 1;
    cp = 0;
    bool too_big = false;
    for (; j < text.size() && hex_value(text[j]) >= 0; ++j) {
      cp = cp * 16 + static_cast<std::uint32_t>(hex_value(text[j]));
      if (cp > 0x10FFFF) {
        too_big = true;
        cp = 0x110000;  // keep it out of range without overflowing
      }
    }
    if (j == i + 1 || j >= text.size() || text[j] != '}') return 0;
    if (too_big) cp = replacement_character;
    return j + 1 - pos;
  }
  return fixed_hex(text, i, 4, cp) ? 6 : 0;
}

// \n \t \r \b \f \v; '\0' for any other letter.
char control_escape(char e) {
  switch (e) {
    case 'n': return '\n';
    case 't': return '\t';
    case 'r': return '\r';
    case 'b': return '\b';
    case 'f': return '\f';
    case 'v': return '\v';
    default: return '\0';
  }
}

bool is_high_surrogate(std::uint32_t cp) { return cp >= 0xD800 && cp <= 0xDBFF; }
bool is_low_surrogate(std::uint32_t cp) { return cp >= 0xDC00 && cp <= 0xDFFF; }

}  // namespace

StringRead read_string_literal(std::string_view text, std::size_t pos) {
  StringRead r;
  const char quote = text[pos];
  const bool is_template = quote == '`';
  std::string& out = r.value;
  std::size_t i = pos + 1;
  while (i < text.size()) {
    // Copy the run of plain ASCII in one append; most page strings are mostly this.
    std::size_t run = i;
    while (run < text.size()) {
      const char c = text[run];
      if (c == quote || c == '\\' || c == '\n' || c == '\r' || static_cast<unsigned char>(c) >= 0x80 ||
          (is_template && c == '$'))
        break;
      ++run;
    }
    out.append(text.substr(i, run - i));
    i = run;
    if (i >= text.size()) break;
    const char c = text[i];
    if (c == quote) {
      r.end = i + 1;
      return r;
    }
    if (c == '$') {  // only reached in templates
      if (i + 1 < text.size() && text[i + 1] == '{') {
        r.status = StringStatus::has_substitution;
        r.end = i;
        return r;
      }
      out.push_back('$');
      ++i;
      continue;
    }
    if (c == '\n' || c == '\r') {
      if (!is_template) break;
      out.push_back('\n');  // templates normalize CR LF and CR to LF
      i += (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ? 2 : 1;
      continue;
    }
    if (c != '\\') {
      i += append_checked_char(out, text, i);
      continue;
    }
    // An escape sequence.
    if (i + 1 >= text.size()) break;
    const char e = text[i + 1];
    if (const char simple = control_escape(e); simple != '\0') {
      out.push_back(simple);
      i += 2;
      continue;
    }
    std::uint32_t cp = 0;
    switch (e) {
      case '\n': i += 2; break;  // line continuation
      case '\r': i += (i + 2 < text.size() && text[i + 2] == '\n') ? 3 : 2; break;
      case 'x':
        if (fixed_hex(text, i + 2, 2, cp)) {
          append_utf8(out, cp);
          i += 4;
        } else {
          out.push_back('x');
          i += 2;
        }
        break;
      case 'u': {
        const std::size_t n = unicode_escape(text, i, cp);
        if (n == 0) {
          out.push_back('u');
          i += 2;
          break;
        }
        i += n;
        if (is_high_surrogate(cp)) {
          std::uint32_t low = 0;
          if (const std::size_t m = unicode_escape(text, i, low); m > 0 && is_low_surrogate(low)) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            i += m;
          }
        }
        append_utf8(out, cp);  // a surrogate left alone here becomes U+FFFD
        break;
      }
      default:
        if (is_octal(e)) {
          // \0 is NUL; \1..\377 are the legacy octal escapes old pages still write.
          std::size_t j = i + 1;
          std::uint32_t value = 0;
          const std::size_t max_digits = e <= '3' ? 3 : 2;
          for (std::size_t k = 0; k < max_digits && j < text.size() && is_octal(text[j]); ++k, ++j)
            value = value * 8 + static_cast<std::uint32_t>(text[j] - '0');
          append_utf8(out, value);
          i = j;
        } else if (static_cast<unsigned char>(e) >= 0x80) {
          // U+2028 and U+2029 after a backslash are line continuations too.
          if (text.substr(i + 1, 3) == "\xE2\x80\xA8" || text.substr(i + 1, 3) == "\xE2\x80\xA9") {
            i += 4;
          } else {
            i += 1 + append_checked_char(out, text, i + 1);
          }
        } else {
          out.push_back(e);  // \' \" \\ \/ and any other character standing for itself
          i += 2;
        }
        break;
    }
  }
  r.status = StringStatus::unterminated;
  r.end = i;
  return r;
}

}  // namespace caiji::script::detail
