#include "table.hpp"

#include <cstdint>

namespace caiji::cli {

namespace {

// Decodes one UTF-8 character at s[i]; returns its length (1 for a stray byte).
std::size_t next_char(std::string_view s, std::size_t i, std::uint32_t& cp) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
  if (i + n > s.size()) n = 1;
  cp = n == 1 ? c : (c & (0xFF >> (n + 1)));
  for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  return n;
}

// East Asian wide and full-width ranges: what a terminal draws two columns wide.
std::size_t char_width(std::uint32_t cp) {
  if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
      (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
      (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1FAFF) || (cp >= 0x20000 && cp <= 0x3FFFD))
    return 2;
  return 1;
}

std::string fit(std::string_view s, std::size_t max) {
  if (display_width(s) <= max) return std::string(s);
  std::string out;
  std::size_t w = 0;
  for (std::size_t i = 0; i < s.size();) {
    std::uint32_t cp;
    std::size_t n = next_char(s, i, cp);
    std::size_t cw = char_width(cp);
    if (w + cw + 1 > max) break;
    out.append(s.substr(i, n));
    w += cw;
    i += n;
  }
  return out + "\xE2\x80\xA6";  // …
}

}  // namespace

std::size_t display_width(std::string_view s) {
  std::size_t w = 0;
  for (std::size_t i = 0; i < s.size();) {
    std::uint32_t cp;
    i += next_char(s, i, cp);
    w += char_width(cp);
  }
  return w;
}

std::string format_table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
                         std::size_t max_width) {
  std::vector<std::vector<std::string>> cells;
  cells.push_back(header);
  for (const auto& r : rows) {
    std::vector<std::string> fitted;
    for (const auto& c : r) fitted.push_back(fit(c, max_width));
    cells.push_back(std::move(fitted));
  }
  std::vector<std::size_t> widths(header.size(), 0);
  for (const auto& r : cells)
    for (std::size_t i = 0; i < r.size() && i < widths.size(); ++i)
      if (display_width(r[i]) > widths[i]) widths[i] = display_width(r[i]);
  std::string out;
  for (std::size_t ri = 0; ri < cells.size(); ++ri) {
    const auto& r = cells[ri];
    for (std::size_t i = 0; i < widths.size(); ++i) {
      std::string c = i < r.size() ? r[i] : "";
      out += c;
      if (i + 1 < widths.size()) out += std::string(widths[i] - display_width(c) + 2, ' ');
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    out += '\n';
    if (ri == 0) {
      for (std::size_t i = 0; i < widths.size(); ++i) {
        out += std::string(widths[i], '-');
        if (i + 1 < widths.size()) out += "  ";
      }
      out += '\n';
    }
  }
  return out;
}

}  // namespace caiji::cli
