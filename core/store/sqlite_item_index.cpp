#include "core/store/sqlite_item_index.hpp"

#include <algorithm>
#include <iterator>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/store/search_grams.hpp"
#include "core/store/seller_edits.hpp"

namespace caiji::store {

namespace {

struct SearchText {
  std::string title;
  std::string attributes;
  std::string tags;
  bool operator==(const SearchText&) const = default;
};

Result<std::optional<SearchText>> read_search_text(Db& db, std::int64_t id) {
  auto q = db.prepare("SELECT title, attributes, tags FROM search_text WHERE id=?1");
  if (!q) return q.error();
  q->bind(1, id);
  auto row = q->step();
  if (!row) return row.error();
  if (!*row) return std::optional<SearchText>();
  return std::optional<SearchText>(SearchText{q->text(0), q->text(1), q->text(2)});
}

Result<std::string> tag_text(Db& db, std::int64_t id) {
  auto q = db.prepare("SELECT coalesce(group_concat(tag, ' '), '') FROM tags WHERE item_id=?1");
  if (!q) return q.error();
  q->bind(1, id);
  auto row = q->step();
  if (!row) return row.error();
  return *row ? q->text(0) : std::string();
}

std::vector<std::string> grams_of(const std::optional<SearchText>& t) {
  if (!t) return {};
  return item_search_grams(t->title, t->attributes, t->tags);
}

// Rows of `sql` (binding a gram and the item id) for each gram.
Status for_each_gram(Db& db, const char* sql, std::int64_t id, const std::vector<std::string>& grams) {
  if (grams.empty()) return {};
  auto q = db.prepare(sql);
  if (!q) return q.error();
  for (const auto& g : grams) {
    q->bind(1, g).bind(2, id);
    if (Status s = q->run(); !s) return s;
    q->reset();
  }
  return {};
}

constexpr const char* kAddGram = "INSERT OR IGNORE INTO search_grams(gram, item_id) VALUES(?1, ?2)";
constexpr const char* kDropGram = "DELETE FROM search_grams WHERE gram=?1 AND item_id=?2";

// Only the grams that changed are written: a re-collected item usually keeps most of its text.
Status update_grams(Db& db, std::int64_t id, const std::vector<std::string>& before,
                    const std::vector<std::string>& after) {
  std::vector<std::string> gone, added;
  std::set_difference(before.begin(), before.end(), after.begin(), after.end(), std::back_inserter(gone));
  std::set_difference(after.begin(), after.end(), before.begin(), before.end(), std::back_inserter(added));
  if (Status s = for_each_gram(db, kDropGram, id, gone); !s) return s;
  return for_each_gram(db, kAddGram, id, added);
}

Status write_search_text(Db& db, std::int64_t id, const SearchText& text, GramTable table) {
  auto old = read_search_text(db, id);
  if (!old) return old.error();
  // Unchanged text: nothing to do, and the full-text index is spared a delete and re-insert.
  if (*old && **old == text) return {};
  auto ins = db.prepare(
      "INSERT INTO search_text(id, title, attributes, tags) VALUES(?1, ?2, ?3, ?4) "
      "ON CONFLICT(id) DO UPDATE SET title=excluded.title, attributes=excluded.attributes, tags=excluded.tags");
  if (!ins) return ins.error();
  ins->bind(1, id).bind(2, text.title).bind(3, text.attributes).bind(4, text.tags);
  if (Status s = ins->run(); !s) return s;
  if (table == GramTable::not_yet) return {};
  return update_grams(db, id, grams_of(*old), grams_of(text));
}

}  // namespace

Status refresh_item_index(Db& db, std::int64_t id, const Item& view, GramTable grams) {
  auto up = db.prepare("UPDATE items SET title=?2, price_low=?3, price_high=?4 WHERE id=?1");
  if (!up) return up.error();
  up->bind(1, id).bind(2, view.title);
  up->bind(3, price_sort_key(view.price ? view.price->min : "", kNoPriceLow));
  up->bind(4, price_sort_key(view.price ? view.price->max : "", kNoPriceHigh));
  if (Status s = up->run(); !s) return s;

  auto tags = tag_text(db, id);
  if (!tags) return tags.error();
  return write_search_text(db, id, SearchText{view.title, attribute_search_text(view), std::move(*tags)}, grams);
}

Status refresh_item_tags(Db& db, std::int64_t id) {
  auto old = read_search_text(db, id);
  if (!old) return old.error();
  if (!*old) return {};  // no search text: nothing indexed to follow the tags
  auto tags = tag_text(db, id);
  if (!tags) return tags.error();
  SearchText text = **old;
  text.tags = std::move(*tags);
  return write_search_text(db, id, text, GramTable::present);
}

Status drop_item_index(Db& db, std::int64_t id) {
  auto old = read_search_text(db, id);
  if (!old) return old.error();
  if (!*old) return {};
  if (Status s = for_each_gram(db, kDropGram, id, grams_of(*old)); !s) return s;
  // The search text goes explicitly, so its trigger takes the item out of the full-text index.
  auto del = db.prepare("DELETE FROM search_text WHERE id=?1");
  if (!del) return del.error();
  del->bind(1, id);
  return del->run();
}

Status index_existing_grams(Db& db) {
  return for_each_row_by_id<SearchText>(
      db, "SELECT id, title, attributes, tags FROM search_text WHERE id > ?1 ORDER BY id LIMIT 500",
      [](Statement& q) { return SearchText{q.text(1), q.text(2), q.text(3)}; },
      [&db](std::int64_t id, const SearchText& text) { return for_each_gram(db, kAddGram, id, grams_of(text)); });
}

}  // namespace caiji::store
