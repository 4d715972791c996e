#include "core/html/text.hpp"

#include "core/html/ascii.hpp"

namespace caiji::html {

void append_folded(std::string& out, std::string_view text, bool& pending_space) {
  for (char c : text) {
    if (ascii::is_space(c)) {
      pending_space = true;
      continue;
    }
    if (pending_space && !out.empty()) out.push_back(' ');
    pending_space = false;
    out.push_back(c);
  }
}

std::string fold_whitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  append_folded(out, text, pending_space);
  return out;
}

}  // namespace caiji::html
