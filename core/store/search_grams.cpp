#include "core/store/search_grams.hpp"

#include <algorithm>

namespace caiji::store {

namespace {

// Byte length of the well-formed UTF-8 character starting at s[i], or 0.
std::size_t char_length(std::string_view s, std::size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  std::size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
  return n;
}

bool is_space(std::string_view ch) {
  if (ch.size() == 1) {
    const char c = ch[0];
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  }
  return ch == "\xE3\x80\x80";  // U+3000, which search_terms() also splits on
}

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

void add_grams(std::string_view text, std::vector<std::string>& out) {
  std::string_view prev;  // the previous character, "" after white space or at the start
  for (std::size_t i = 0; i < text.size();) {
    std::size_t n = char_length(text, i);
    if (n == 0) {  // not UTF-8: no gram spans it (a term's gram is always well-formed)
      prev = {};
      ++i;
      continue;
    }
    std::string_view ch = text.substr(i, n);
    i += n;
    if (is_space(ch)) {
      prev = {};
      continue;
    }
    // Grams of ASCII alone are left out (search_grams.hpp says why); a pair with one Chinese
    // character ("T恤") is kept.
    if (!is_ascii(ch)) out.push_back(std::string(ch));
    if (!prev.empty() && !(is_ascii(prev) && is_ascii(ch)))
      out.push_back(lower_ascii(std::string(prev) + std::string(ch)));
    prev = ch;
  }
}

void sort_unique(std::vector<std::string>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

}  // namespace

std::vector<std::string> search_grams(std::string_view text) {
  std::vector<std::string> out;
  add_grams(text, out);
  sort_unique(out);
  return out;
}

std::vector<std::string> item_search_grams(std::string_view title, std::string_view attributes,
                                           std::string_view tags) {
  std::vector<std::string> out;
  add_grams(title, out);
  add_grams(attributes, out);
  add_grams(tags, out);
  sort_unique(out);
  return out;
}

std::string gram_of_term(std::string_view term) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < term.size(); ++chars) {
    std::size_t n = char_length(term, i);
    if (n == 0 || is_space(term.substr(i, n))) return {};
    i += n;
  }
  if (chars == 0 || chars > 2 || is_ascii(term)) return {};
  return lower_ascii(term);
}

}  // namespace caiji::store
