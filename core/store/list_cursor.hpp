#pragma once
// The opaque cursor of a box listing: where the last page ended, in the order it was sorted.
// Callers only pass it back; it is base64url text so it travels in JSON and URLs unchanged.

#include <cstdint>
#include <string>
#include <string_view>

#include "core/util/result.hpp"

namespace caiji::store {

struct ListCursor {
  int sort = 0;              // the Sort the page was listed in
  std::string text_key;      // the last item's sort key, for text sorts (title, updated)
  std::int64_t int_key = 0;  // … for number sorts (price keys)
  std::int64_t id = 0;       // the last item's id, which breaks ties
};

std::string encode_cursor(const ListCursor& c);

// Refuses a cursor that is damaged or was made for another sort order.
Result<ListCursor> decode_cursor(std::string_view text, int sort);

}  // namespace caiji::store
