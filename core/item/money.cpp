#include "core/item/money.hpp"

#include <array>
#include <cstdint>

namespace caiji {

int currency_minor_digits(std::string_view c) {
  // ISO 4217 currencies whose minor unit is not 2.
  static constexpr std::array<std::string_view, 16> zero = {"BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW",
                                                            "PYG", "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF"};
  static constexpr std::array<std::string_view, 7> three = {"BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"};
  for (auto z : zero)
    if (c == z) return 0;
  if (c == "XPF") return 0;
  for (auto t : three)
    if (c == t) return 3;
  return 2;
}

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::optional<std::string> canonical_decimal(std::string_view s, int min_fraction) {
  if (s.empty()) return std::nullopt;
  std::size_t i = 0;
  if (s[i] == '+') ++i;
  std::string digits;  // all significant digits, integer then fraction
  long point = -1;     // digits before the decimal point
  bool any = false;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (is_digit(c)) {
      digits.push_back(c);
      any = true;
    } else if (c == '.' && point < 0) {
      point = static_cast<long>(digits.size());
    } else {
      break;
    }
  }
  if (!any) return std::nullopt;
  if (point < 0) point = static_cast<long>(digits.size());
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    bool neg = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
    if (i >= s.size()) return std::nullopt;
    long exp = 0;
    for (; i < s.size() && is_digit(s[i]); ++i) {
      exp = exp * 10 + (s[i] - '0');
      if (exp > 40) return std::nullopt;  // no price needs this; refuse rather than build huge strings
    }
    point += neg ? -exp : exp;
  }
  if (i != s.size()) return std::nullopt;
  // Place the point: pad with zeros on either side as the exponent demands.
  if (point < 0) {
    digits.insert(0, static_cast<std::size_t>(-point), '0');
    point = 0;
  }
  if (point > static_cast<long>(digits.size())) digits.append(static_cast<std::size_t>(point) - digits.size(), '0');
  std::string int_part = digits.substr(0, static_cast<std::size_t>(point));
  std::string frac = digits.substr(static_cast<std::size_t>(point));
  std::size_t nz = int_part.find_first_not_of('0');
  int_part = nz == std::string::npos ? "0" : int_part.substr(nz);
  while (frac.size() > static_cast<std::size_t>(min_fraction) && frac.back() == '0') frac.pop_back();
  if (frac.size() < static_cast<std::size_t>(min_fraction)) frac.append(static_cast<std::size_t>(min_fraction) - frac.size(), '0');
  return frac.empty() ? int_part : int_part + "." + frac;
}

std::optional<std::string> canonical_money(std::string_view text, std::string_view currency) {
  return canonical_decimal(text, currency_minor_digits(currency));
}

int compare_decimal(std::string_view a, std::string_view b) {
  auto split = [](std::string_view s) {
    std::size_t dot = s.find('.');
    std::string_view i = s.substr(0, dot);
    std::string_view f = dot == std::string_view::npos ? std::string_view{} : s.substr(dot + 1);
    while (i.size() > 1 && i.front() == '0') i.remove_prefix(1);
    return std::pair{i, f};
  };
  auto [ai, af] = split(a);
  auto [bi, bf] = split(b);
  if (ai.size() != bi.size()) return ai.size() < bi.size() ? -1 : 1;
  if (int c = ai.compare(bi)) return c < 0 ? -1 : 1;
  std::size_t n = af.size() > bf.size() ? af.size() : bf.size();
  for (std::size_t k = 0; k < n; ++k) {
    char x = k < af.size() ? af[k] : '0';
    char y = k < bf.size() ? bf[k] : '0';
    if (x != y) return x < y ? -1 : 1;
  }
  return 0;
}

}  // namespace caiji
