#include "core/normalize/price.hpp"

#include <array>
#include <cctype>
#include <vector>

#include "core/item/money.hpp"
#include "core/util/text.hpp"

namespace caiji::normalize {

namespace {

struct Symbol {
  std::string_view text;
  std::string_view currency;  // "" = ambiguous: the hint decides
};

// Longest first, so "US $" wins over "$" and "R$" over "$".
constexpr std::array<Symbol, 40> kSymbols = {{
    {"US $", "USD"}, {"US$", "USD"},  {"USD", "USD"},  {"C $", "CAD"},  {"CA $", "CAD"}, {"CA$", "CAD"}, {"C$", "CAD"},
    {"AU $", "AUD"}, {"AU$", "AUD"},  {"A$", "AUD"},   {"NZ$", "NZD"},  {"HK$", "HKD"},  {"S$", "SGD"},  {"MX$", "MXN"},
    {"R$", "BRL"},   {"RMB", "CNY"},  {"CN\xC2\xA5", "CNY"}, {"\xE5\x85\x83", "CNY"} /* 元 */,
    {"\xE2\x82\xAC", "EUR"} /* € */, {"\xC2\xA3", "GBP"} /* £ */, {"\xE2\x82\xBD", "RUB"} /* ₽ */,
    {"\xD1\x80\xD1\x83\xD0\xB1", "RUB"} /* руб */, {"\xE2\x82\xB9", "INR"} /* ₹ */, {"\xE2\x82\xA9", "KRW"} /* ₩ */,
    {"z\xC5\x82", "PLN"} /* zł */, {"\xE2\x82\xAA", "ILS"} /* ₪ */, {"\xE2\x82\xBA", "TRY"} /* ₺ */,
    {"\xE0\xB8\xBF", "THB"} /* ฿ */, {"\xE2\x82\xAB", "VND"} /* ₫ */, {"\xE2\x82\xB1", "PHP"} /* ₱ */,
    {"Rp", "IDR"},   {"RM", "MYR"},   {"K\xC4\x8D", "CZK"} /* Kč */, {"Ft", "HUF"}, {"CHF", "CHF"},
    {"\xEF\xBF\xA5", ""} /* ￥ */, {"\xC2\xA5", ""} /* ¥ */, {"$", ""}, {"kr", ""}, {"lei", "RON"},
}};

constexpr std::array<std::string_view, 60> kIsoCodes = {
    "USD", "EUR", "GBP", "CNY", "JPY", "RUB", "BRL", "CAD", "AUD", "NZD", "HKD", "SGD", "MXN", "INR", "KRW",
    "PLN", "ILS", "TRY", "THB", "VND", "PHP", "IDR", "MYR", "CZK", "HUF", "CHF", "SEK", "NOK", "DKK", "UAH",
    "KWD", "BHD", "OMR", "JOD", "QAR", "SAR", "AED", "ZAR", "EGP", "NGN", "KES", "PKR", "BDT", "LKR", "TWD",
    "ISK", "RON", "BGN", "CLP", "COP", "PEN", "ARS", "UYU", "KZT", "BYN", "GEL", "MAD", "TND", "IQD", "LYD",
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Finds the currency named in the text. Returns "" when none, "?" when ambiguous.
std::string find_currency(std::string_view text) {
  for (auto code : kIsoCodes) {
    std::size_t pos = text.find(code);
    if (pos == std::string_view::npos) continue;
    bool left_ok = pos == 0 || !std::isalpha(static_cast<unsigned char>(text[pos - 1]));
    bool right_ok = pos + 3 >= text.size() || !std::isalpha(static_cast<unsigned char>(text[pos + 3]));
    if (left_ok && right_ok) return std::string(code);
  }
  for (const auto& s : kSymbols)
    if (text.find(s.text) != std::string_view::npos) return s.currency.empty() ? "?" : std::string(s.currency);
  return {};
}

// True when text[i..] is exactly three digits followed by no further digit: what follows a
// space-like thousands separator ("1 234,56").
bool three_digits_at(std::string_view text, std::size_t i) {
  return i + 3 <= text.size() && is_digit(text[i]) && is_digit(text[i + 1]) && is_digit(text[i + 2]) &&
         (i + 3 == text.size() || !is_digit(text[i + 3]));
}

// Byte length of a space-like group separator at text[i] (space, ', NBSP, narrow NBSP, thin
// space), 0 when there is none.
std::size_t group_space_len(std::string_view text, std::size_t i) {
  if (text[i] == ' ' || text[i] == '\'') return 1;
  if (text.substr(i, 2) == "\xC2\xA0") return 2;
  if (text.substr(i, 3) == "\xE2\x80\xAF" || text.substr(i, 3) == "\xE2\x80\x89") return 3;
  return 0;
}

// The numbers in the text, each a run of digits with the separators between them; a
// space-like separator becomes '_' (never a decimal point).
std::vector<std::string> number_runs(std::string_view text) {
  std::vector<std::string> runs;
  std::string cur;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (is_digit(c)) {
      cur.push_back(c);
      continue;
    }
    bool digit_next = i + 1 < text.size() && is_digit(text[i + 1]);
    if (!cur.empty() && (c == '.' || c == ',') && digit_next) {
      cur.push_back(c);
      continue;
    }
    if (!cur.empty()) {
      if (std::size_t n = group_space_len(text, i); n && three_digits_at(text, i + n)) {
        cur.push_back('_');
        i += n - 1;
        continue;
      }
    }
    if (c == '.' && cur.empty() && digit_next) {  // ".50"
      cur = "0.";
      continue;
    }
    if (!cur.empty()) runs.push_back(cur), cur.clear();
  }
  if (!cur.empty()) runs.push_back(cur);
  return runs;
}

}  // namespace

std::optional<std::string> parse_amount(std::string_view text, std::string_view currency) {
  std::string s(trim(text));
  if (s.empty()) return std::nullopt;
  // '_' marks a space-like group separator; it is never a decimal point.
  std::string t;
  for (char c : s)
    if (c != '_') t.push_back(c);
  std::size_t last_dot = t.rfind('.'), last_comma = t.rfind(',');
  std::string plain;
  auto strip = [&](char sep) {
    for (char c : t)
      if (c != sep) plain.push_back(c);
  };
  if (last_dot != std::string::npos && last_comma != std::string::npos) {
    // Both present: the later one is the decimal point.
    char decimal = last_dot > last_comma ? '.' : ',';
    char group = decimal == '.' ? ',' : '.';
    for (char c : t) {
      if (c == group) continue;
      plain.push_back(c == decimal ? '.' : c);
    }
  } else if (last_dot != std::string::npos || last_comma != std::string::npos) {
    char sep = last_dot != std::string::npos ? '.' : ',';
    std::size_t count = 0;
    for (char c : t) count += c == sep;
    std::size_t after = t.size() - t.rfind(sep) - 1;
    // "1,234" and "1.234.567" group thousands; "12,99" and "16.50" carry decimals. A single
    // separator before exactly three digits is grouping unless the currency has 3 decimals.
    bool grouping = count > 1 || (after == 3 && currency_minor_digits(currency) != 3);
    if (grouping) {
      strip(sep);
    } else {
      for (char c : t) plain.push_back(c == sep ? '.' : c);
    }
  } else {
    plain = t;
  }
  return canonical_money(plain, currency);
}

std::optional<PriceText> parse_price_text(std::string_view raw, std::string_view hint) {
  std::string text = clean_text(raw);
  if (text.empty()) return std::nullopt;
  std::string currency = find_currency(text);
  if (currency == "?" || currency.empty()) currency = to_upper_ascii(trim(hint));
  std::vector<std::string> runs = number_runs(text);
  if (runs.empty()) return std::nullopt;
  PriceText out;
  out.currency = currency;
  auto first = parse_amount(runs[0], currency);
  if (!first) return std::nullopt;
  out.min = out.max = *first;
  // A range is two amounts joined by a dash or tilde: "3.50 - 7.20", "16.5~18", "3.50–7.20".
  if (runs.size() >= 2) {
    bool dashed = false;
    for (std::string_view dash : {"-", "~", "\xE2\x80\x93", "\xE2\x80\x94", "\xEF\xBD\x9E"})
      dashed = dashed || text.find(dash) != std::string::npos;
    if (dashed) {
      if (auto second = parse_amount(runs[1], currency)) {
        if (compare_decimal(*second, out.min) < 0) out.min = *second;
        else out.max = *second;
      }
    }
  }
  return out;
}

}  // namespace caiji::normalize
