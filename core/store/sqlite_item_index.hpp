#pragma once
// What the box keeps beside an item's JSON so that list() can filter, sort and search without
// reading it: items.title and the price sort keys, the item's search text (which the full-text
// index follows by trigger) and its 1-2 character grams (search_grams.hpp), which are kept here,
// in C++, because SQL cannot cut text into characters.

#include <cstdint>

#include "core/item/item.hpp"
#include "core/store/sqlite_db.hpp"

namespace caiji::store {

// Whether the box has the search_grams table yet: only the 1 -> 2 migration, which runs before
// the table exists, says no (the 2 -> 3 migration then fills it from the search text).
enum class GramTable { present, not_yet };

// Rewrites those columns, the search text and the grams of item `id` from `view` (what the
// seller sees) and the item's current tags. Call inside the write transaction that changed either.
Status refresh_item_index(Db& db, std::int64_t id, const Item& view, GramTable grams = GramTable::present);

// The same after the item's tags changed (title and attributes stay as they are).
Status refresh_item_tags(Db& db, std::int64_t id);

// Takes item `id` out of the search text, the full-text index and the grams, before the item
// itself is deleted for good.
Status drop_item_index(Db& db, std::int64_t id);

// Fills search_grams from every search text row (the 2 -> 3 migration).
Status index_existing_grams(Db& db);

}  // namespace caiji::store
