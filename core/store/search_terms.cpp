#include "core/store/search_terms.hpp"

#include <algorithm>

#include "core/store/search_grams.hpp"

namespace caiji::store {

namespace {

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

std::vector<std::string> split_terms(std::string_view text) {
  std::vector<std::string> terms;
  std::string cur;
  for (std::size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    bool ascii_space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    bool ideographic_space = text.substr(i, 3) == "\xE3\x80\x80";  // U+3000
    if (ascii_space || ideographic_space) {
      if (!cur.empty()) terms.push_back(std::move(cur));
      cur.clear();
      i += ascii_space ? 1 : 3;
      continue;
    }
    cur += text[i++];
  }
  if (!cur.empty()) terms.push_back(std::move(cur));
  return terms;
}

}  // namespace

SearchTerms search_terms(std::string_view text) {
  SearchTerms out;
  for (const std::string& term : split_terms(text)) {
    if (code_points(term) >= 3) {
      // A quoted FTS5 string is taken literally (operators, columns, '*' lose their meaning);
      // a quote inside is written twice.
      std::string phrase = "\"";
      for (char c : term) phrase += c == '"' ? std::string("\"\"") : std::string(1, c);
      phrase += '"';
      if (!out.match.empty()) out.match += " AND ";
      out.match += phrase;
    } else if (std::string gram = gram_of_term(term); !gram.empty()) {
      out.grams.push_back(std::move(gram));
    } else if (std::none_of(term.begin(), term.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); })) {
      out.substrings.push_back(term);
    } else {
      std::string pattern = "%";
      for (char c : term) {
        if (c == '%' || c == '_' || c == '\\') pattern += '\\';
        pattern += c;
      }
      pattern += '%';
      out.like.push_back(std::move(pattern));
    }
  }
  return out;
}

}  // namespace caiji::store
