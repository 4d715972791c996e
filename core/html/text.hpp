#pragma once
// Text helpers shared by the HTML layer and the extractors.

#include <string>
#include <string_view>

namespace caiji::html {

// Folds every run of ASCII whitespace (space, tab, LF, FF, CR) into one space and trims both
// ends, as a browser renders ordinary text. NBSP (U+00A0) and other Unicode spaces are left as
// they are: a price like "US $16.50" with NBSP is normalized later, where the currency is known.
std::string fold_whitespace(std::string_view text);

// Appends `text` to `out` with the same folding, treating `out` as text already folded; lets a
// caller fold many pieces (the text nodes of an element) without building the raw string first.
// `pending_space` carries a whitespace run seen at the end of the previous piece.
void append_folded(std::string& out, std::string_view text, bool& pending_space);

}  // namespace caiji::html
