#pragma once
// UTF-8 output for the script reader (internal to core/script). Page bytes are not trusted: a
// GBK page read as UTF-8, a truncated capture or a stray NUL must still give text that
// nlohmann::json can dump, so every invalid sequence becomes U+FFFD.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace caiji::script::detail {

inline constexpr std::uint32_t replacement_character = 0xFFFD;

// Appends `cp` as UTF-8; surrogates and values beyond U+10FFFF become U+FFFD.
void append_utf8(std::string& out, std::uint32_t cp);

// Length of the well-formed UTF-8 sequence starting at text[pos], or 0 when the bytes there
// are not one (stray continuation byte, overlong form, encoded surrogate, truncated sequence).
std::size_t valid_utf8_length(std::string_view text, std::size_t pos);

// Appends the character at text[pos] (valid sequence or U+FFFD for one bad byte) and returns
// the number of input bytes consumed (at least 1).
std::size_t append_checked_char(std::string& out, std::string_view text, std::size_t pos);

}  // namespace caiji::script::detail
