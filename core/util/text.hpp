#pragma once
// Text clean-up shared by every layer: what a seller reads must not carry page debris.

#include <string>
#include <string_view>

namespace caiji {

// Replaces each invalid UTF-8 sequence (and NUL) with U+FFFD, so the result can always be
// written as JSON.
std::string valid_utf8(std::string_view s);

// Folds runs of white space (ASCII, NBSP, full-width space U+3000, other Unicode spaces) to
// one ASCII space, drops zero-width characters (U+200B..U+200D, U+2060, U+FEFF, soft hyphen)
// and trims both ends.
std::string clean_text(std::string_view s);

// Decodes HTML character references (&amp; &#39; &#x4E2D; &nbsp; and the common named ones)
// in text that came out of JSON or attributes still encoded.
std::string decode_entities(std::string_view s);

// Escapes text for inclusion in HTML (& < > ").
std::string escape_html(std::string_view s);

// Plain text as one sanitized HTML paragraph ("" for empty text): JSON-LD and meta
// descriptions are text, but the item's description is HTML.
std::string text_paragraph_html(std::string_view text);

std::string to_lower_ascii(std::string_view s);
std::string to_upper_ascii(std::string_view s);
bool iequals(std::string_view a, std::string_view b);
bool starts_with(std::string_view s, std::string_view prefix);
bool ends_with(std::string_view s, std::string_view suffix);
bool icontains(std::string_view haystack, std::string_view needle);

// The position of `needle` in `haystack` at or after `from`, npos when absent: as
// std::string_view::find, for fixed markers searched in whole pages. That find stops at every
// occurrence of the needle's first character, which in HTML ('/', '"', 'i') is everywhere;
// this one looks for the needle's rarest byte instead.
std::size_t find_text(std::string_view haystack, std::string_view needle, std::size_t from = 0);
inline bool contains_text(std::string_view haystack, std::string_view needle) {
  return find_text(haystack, needle) != std::string_view::npos;
}
std::string_view trim(std::string_view s);

}  // namespace caiji
