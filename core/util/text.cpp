#include "core/util/text.hpp"

#include <array>
#include <cstdint>
#include <cstring>

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#endif

namespace caiji {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// Length of the valid UTF-8 sequence at s[i], or 0 when it is invalid (overlongs, surrogates
// and code points past U+10FFFF included).
std::size_t utf8_seq_len(std::string_view s, std::size_t i, std::uint32_t* cp) {
  auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = b(i);
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  std::size_t n;
  std::uint32_t v;
  if ((c & 0xE0) == 0xC0) {
    n = 2;
    v = c & 0x1F;
  } else if ((c & 0xF0) == 0xE0) {
    n = 3;
    v = c & 0x0F;
  } else if ((c & 0xF8) == 0xF0) {
    n = 4;
    v = c & 0x07;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) return 0;
    v = (v << 6) | (b(i + k) & 0x3F);
  }
  static constexpr std::array<std::uint32_t, 5> min = {0, 0, 0x80, 0x800, 0x10000};
  if (v < min[n] || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
  *cp = v;
  return n;
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

bool is_space_cp(std::uint32_t cp) {
  switch (cp) {
    case ' ': case '\t': case '\n': case '\r': case '\f': case '\v':
    case 0xA0: case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000:
      return true;
    default:
      return cp >= 0x2000 && cp <= 0x200A;
  }
}

bool is_invisible_cp(std::uint32_t cp) {
  return (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF || cp == 0xAD;
}

}  // namespace

std::string valid_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    std::uint32_t cp = 0;
    std::size_t n = utf8_seq_len(s, i, &cp);
    if (n == 0 || cp == 0) {
      out += kReplacement;
      i += 1;
    } else {
      out.append(s.substr(i, n));
      i += n;
    }
  }
  return out;
}

std::string clean_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < s.size();) {
    std::uint32_t cp = 0;
    std::size_t n = utf8_seq_len(s, i, &cp);
    if (n == 0 || cp == 0) {
      n = 1;
      cp = 0xFFFD;
    }
    i += n;
    if (is_space_cp(cp)) {
      pending_space = !out.empty();
      continue;
    }
    if (is_invisible_cp(cp)) continue;
    if (pending_space) out.push_back(' ');
    pending_space = false;
    append_utf8(out, cp);
  }
  return out;
}

namespace {

struct NamedEntity {
  std::string_view name;
  std::uint32_t cp;
};

// The named references product data actually carries; the numeric forms cover the rest.
constexpr std::array<NamedEntity, 24> kEntities = {{
    {"amp", '&'},      {"lt", '<'},       {"gt", '>'},        {"quot", '"'},     {"apos", '\''},
    {"nbsp", 0xA0},    {"copy", 0xA9},    {"reg", 0xAE},      {"trade", 0x2122}, {"hellip", 0x2026},
    {"mdash", 0x2014}, {"ndash", 0x2013}, {"lsquo", 0x2018},  {"rsquo", 0x2019}, {"ldquo", 0x201C},
    {"rdquo", 0x201D}, {"times", 0xD7},   {"deg", 0xB0},      {"euro", 0x20AC},  {"pound", 0xA3},
    {"yen", 0xA5},     {"cent", 0xA2},    {"middot", 0xB7},   {"bull", 0x2022},
}};

}  // namespace

std::string decode_entities(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out.push_back(s[i]);
      continue;
    }
    std::size_t semi = s.find(';', i + 1);
    if (semi == std::string_view::npos || semi - i > 12) {
      out.push_back('&');
      continue;
    }
    std::string_view ref = s.substr(i + 1, semi - i - 1);
    std::uint32_t cp = 0;
    bool ok = false;
    if (!ref.empty() && ref[0] == '#') {
      bool hex = ref.size() > 1 && (ref[1] == 'x' || ref[1] == 'X');
      std::string_view num = ref.substr(hex ? 2 : 1);
      ok = !num.empty();
      for (char c : num) {
        int d = (c >= '0' && c <= '9') ? c - '0'
                : (hex && c >= 'a' && c <= 'f') ? c - 'a' + 10
                : (hex && c >= 'A' && c <= 'F') ? c - 'A' + 10
                                                 : -1;
        if (d < 0 || cp > 0x10FFFF) {
          ok = false;
          break;
        }
        cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(d);
      }
      if (ok && (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))) cp = 0xFFFD;
    } else {
      for (const auto& e : kEntities) {
        if (e.name == ref) {
          cp = e.cp;
          ok = true;
          break;
        }
      }
    }
    if (!ok) {
      out.push_back('&');
      continue;
    }
    append_utf8(out, cp);
    i = semi;
  }
  return out;
}

std::string escape_html(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

std::string text_paragraph_html(std::string_view text) {
  std::string t = clean_text(text);
  return t.empty() ? std::string() : "<p>" + escape_html(t) + "</p>";
}

std::string to_lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string to_upper_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool ends_with(std::string_view s, std::string_view p) { return s.size() >= p.size() && s.substr(s.size() - p.size()) == p; }

bool icontains(std::string_view h, std::string_view n) {
  if (n.empty()) return true;
  // Only positions that start with the first letter in either case are compared in full.
  auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; };
  const char first = lower(n[0]);
  for (std::size_t i = 0; i + n.size() <= h.size(); ++i)
    if (lower(h[i]) == first && iequals(h.substr(i, n.size()), n)) return true;
  return false;
}

namespace {

// ASCII bytes by how often they occur in web pages, most frequent first (counted over the saved
// product pages of ../shared/corpus: markup, script data, CSS); bytes not listed count as rarer.
constexpr std::string_view kCommonBytes =
    " ea\"tisonrl-cdpm0.u/=1<>2h,fg:3vb_6\n457y8w9\txk;\\()A{}CS&jIT%FDEBNPMRzLO[]UqVGXW|'HYZJKQ#!+?$\r@*^~`";

std::size_t commonness(unsigned char c) {
  // UTF-8: lead bytes of Chinese text are about as common as 'k', each continuation byte as 'q'.
  if (c >= 0xC0) return commonness('k');
  if (c >= 0x80) return commonness('q');
  std::size_t at = kCommonBytes.find(static_cast<char>(c));
  return at == std::string_view::npos ? 0 : kCommonBytes.size() - at;
}

// The first `c` in [p, end), or nullptr. memchr, but for WebAssembly: there Emscripten's musl
// memchr reads four bytes a step and was a third of a list page's extraction time in node;
// SIMD compares sixteen.
const char* find_byte(const char* p, const char* end, char c) {
#if defined(__wasm_simd128__)
  const v128_t wanted = wasm_i8x16_splat(c);
  for (; end - p >= 16; p += 16) {
    const int hits = wasm_i8x16_bitmask(wasm_i8x16_eq(wasm_v128_load(p), wanted));
    if (hits != 0) return p + __builtin_ctz(static_cast<unsigned>(hits));
  }
  for (; p < end; ++p)
    if (*p == c) return p;
  return nullptr;
#else
  return static_cast<const char*>(std::memchr(p, c, static_cast<std::size_t>(end - p)));
#endif
}

}  // namespace

std::size_t find_text(std::string_view h, std::string_view n, std::size_t from) {
  if (from > h.size() || n.size() > h.size() - from) return std::string_view::npos;
  if (n.empty()) return from;
  // memchr for the needle's rarest byte, then compare the whole needle around it: far fewer
  // stops than memchr on its first byte.
  std::size_t pivot = 0;
  for (std::size_t i = 1; i < n.size(); ++i)
    if (commonness(static_cast<unsigned char>(n[i])) < commonness(static_cast<unsigned char>(n[pivot]))) pivot = i;
  const char* const begin = h.data();
  const char* p = begin + from + pivot;
  const char* const last = begin + h.size() - (n.size() - pivot);  // the last place the pivot byte can match
  while (p <= last) {
    const char* hit = find_byte(p, last + 1, n[pivot]);
    if (!hit) return std::string_view::npos;
    const char* at = hit - pivot;
    // Most hits of the pivot byte fail on the first bytes: compare those before calling memcmp.
    if (at[0] == n[0] && at[n.size() - 1] == n[n.size() - 1] && std::memcmp(at, n.data(), n.size()) == 0)
      return static_cast<std::size_t>(at - begin);
    p = hit + 1;
  }
  return std::string_view::npos;
}

std::string_view trim(std::string_view s) {
  auto sp = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
  while (!s.empty() && sp(s.front())) s.remove_prefix(1);
  while (!s.empty() && sp(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace caiji
