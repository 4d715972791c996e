#include "core/script/js_number.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

#include "core/script/js_lexical.hpp"

namespace caiji::script::detail {

namespace {

int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

// Lets nlohmann's own lexer turn a JSON number into a value: it is locale independent, unlike
// strtod, and std::from_chars for floating point is missing from the Emscripten libc++.
nlohmann::json json_number(const std::string& json_text) {
  nlohmann::json v = nlohmann::json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (v.is_discarded()) return nullptr;
  if (v.is_number_float() && !std::isfinite(v.get<double>())) return nullptr;
  return v;
}

nlohmann::json signed_integer(std::uint64_t magnitude, bool negative) {
  if (!negative) return magnitude;
  constexpr std::uint64_t min_magnitude = std::uint64_t{1} << 63;
  if (magnitude < min_magnitude) return -static_cast<std::int64_t>(magnitude);
  if (magnitude == min_magnitude) return std::numeric_limits<std::int64_t>::min();
  return -static_cast<double>(magnitude);
}

// Reads digits of `base` (with '_' separators) at text[i]; accumulates in 64 bits and, past
// that, in a double as JavaScript does.
struct Radix {
  std::size_t end;
  std::size_t digits;
  std::uint64_t exact;
  double approx;
  bool overflow;
};
Radix radix_digits(std::string_view text, std::size_t i, int base) {
  Radix r{i, 0, 0, 0.0, false};
  for (; r.end < text.size(); ++r.end) {
    const char c = text[r.end];
    if (c == '_') continue;
    const int d = digit_value(c);
    if (d >= base) break;
    ++r.digits;
    const auto b = static_cast<std::uint64_t>(base);
    if (!r.overflow &&
        r.exact > (std::numeric_limits<std::uint64_t>::max() - static_cast<std::uint64_t>(d)) / b) {
      r.overflow = true;
      r.approx = static_cast<double>(r.exact);
    }
    if (r.overflow) {
      r.approx = r.approx * base + d;
    } else {
      r.exact = r.exact * b + static_cast<std::uint64_t>(d);
    }
  }
  return r;
}

std::string strip_separators(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s)
    if (c != '_') out.push_back(c);
  return out;
}

}  // namespace

NumberRead read_number_literal(std::string_view text, std::size_t pos, bool negative) {
  NumberRead r;
  const auto finish = [&](std::size_t end) {
    if (end < text.size() && text[end] == 'n') ++end;  // BigInt suffix
    if (end < text.size() && (starts_identifier(text, end) || is_ascii_digit(text[end]))) return false;
    r.ok = true;
    r.end = end;
    return true;
  };

  // 0x / 0o / 0b and legacy octal.
  if (text[pos] == '0' && pos + 1 < text.size()) {
    const char p = text[pos + 1];
    int base = 0;
    if (p == 'x' || p == 'X') base = 16;
    if (p == 'o' || p == 'O') base = 8;
    if (p == 'b' || p == 'B') base = 2;
    std::size_t start = pos + 2;
    if (base == 0 && is_ascii_digit(p)) {
      const std::size_t digits_end = [&] {
        std::size_t j = pos + 1;
        while (j < text.size() && is_ascii_digit(text[j])) ++j;
        return j;
      }();
      bool octal = digits_end >= text.size() ||
                   (text[digits_end] != '.' && text[digits_end] != 'e' && text[digits_end] != 'E');
      for (std::size_t j = pos + 1; j < digits_end && octal; ++j) octal = text[j] <= '7';
      if (octal) {  // 017 is 15 in sloppy-mode scripts; 018 and 09.5 are decimal
        base = 8;
        start = pos + 1;
      }
    }
    if (base != 0) {
      const Radix d = radix_digits(text, start, base);
      if (d.digits == 0 || !finish(d.end)) return r;
      if (d.overflow) {
        r.value = negative ? -d.approx : d.approx;
        if (!std::isfinite(d.approx)) r.value = nullptr;
      } else {
        r.value = signed_integer(d.exact, negative);
      }
      return r;
    }
  }

  // Decimal: int part, fraction, exponent.
  std::size_t i = pos;
  const std::size_t int_begin = i;
  while (i < text.size() && (is_ascii_digit(text[i]) || text[i] == '_')) ++i;
  const std::string int_digits = strip_separators(text.substr(int_begin, i - int_begin));
  std::string frac_digits;
  bool is_float = false;
  if (i < text.size() && text[i] == '.') {
    is_float = true;
    const std::size_t frac_begin = ++i;
    while (i < text.size() && (is_ascii_digit(text[i]) || text[i] == '_')) ++i;
    frac_digits = strip_separators(text.substr(frac_begin, i - frac_begin));
  }
  if (int_digits.empty() && frac_digits.empty()) return r;
  std::string exponent;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    is_float = true;
    std::size_t j = i + 1;
    if (j < text.size() && (text[j] == '+' || text[j] == '-')) exponent.push_back(text[j++]);
    const std::size_t exp_begin = j;
    while (j < text.size() && is_ascii_digit(text[j])) ++j;
    if (j == exp_begin) return r;
    exponent.append(text.substr(exp_begin, j - exp_begin));
    i = j;
  }
  if (!finish(i)) return r;

  // JSON forbids leading zeros and bare dots, so write the number in JSON's shape.
  std::size_t first = int_digits.find_first_not_of('0');
  std::string int_part = first == std::string::npos ? "0" : int_digits.substr(first);
  if (!is_float) {
    std::uint64_t magnitude = 0;
    const auto [ptr, ec] = std::from_chars(int_part.data(), int_part.data() + int_part.size(), magnitude);
    if (ec == std::errc() && ptr == int_part.data() + int_part.size()) {
      r.value = signed_integer(magnitude, negative);
      return r;
    }
    // Beyond 64 bits: nlohmann reads it as a double, as JavaScript would.
  }
  std::string json_text = negative ? "-" : "";
  json_text += int_part;
  if (is_float && exponent.empty())
    json_text += "." + (frac_digits.empty() ? std::string("0") : frac_digits);
  else if (!frac_digits.empty())
    json_text += "." + frac_digits;
  if (!exponent.empty()) json_text += "e" + exponent;
  r.value = json_number(json_text);
  return r;
}

}  // namespace caiji::script::detail
