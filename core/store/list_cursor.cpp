#include "core/store/list_cursor.hpp"

#include <nlohmann/json.hpp>

namespace caiji::store {

namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::string base64url(std::string_view in) {
  std::string out;
  std::uint32_t acc = 0;
  int bits = 0;
  for (unsigned char c : in) {
    acc = (acc << 8) | c;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += kAlphabet[(acc >> bits) & 0x3F];
    }
  }
  if (bits > 0) out += kAlphabet[(acc << (6 - bits)) & 0x3F];
  return out;
}

bool unbase64url(std::string_view in, std::string& out) {
  std::uint32_t acc = 0;
  int bits = 0;
  for (char c : in) {
    const char* p = std::char_traits<char>::find(kAlphabet, 64, c);
    if (!p) return false;
    acc = (acc << 6) | static_cast<std::uint32_t>(p - kAlphabet);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xFF);
    }
  }
  return true;
}

Error bad_cursor() {
  return make_error(ErrorCode::invalid_argument,
                    "the page cursor is not one this box gave out for this sort order; start again from the first page");
}

}  // namespace

std::string encode_cursor(const ListCursor& c) {
  nlohmann::json j = nlohmann::json::array({c.sort, c.text_key, c.int_key, c.id});
  return base64url(j.dump());
}

Result<ListCursor> decode_cursor(std::string_view text, int sort) {
  std::string raw;
  if (!unbase64url(text, raw)) return bad_cursor();
  nlohmann::json j = nlohmann::json::parse(raw, nullptr, false);
  if (j.is_discarded() || !j.is_array() || j.size() != 4 || !j[0].is_number_integer() || !j[1].is_string() ||
      !j[2].is_number_integer() || !j[3].is_number_integer())
    return bad_cursor();
  ListCursor c{j[0].get<int>(), j[1].get<std::string>(), j[2].get<std::int64_t>(), j[3].get<std::int64_t>()};
  if (c.sort != sort) return bad_cursor();
  return c;
}

}  // namespace caiji::store
