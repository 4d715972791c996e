#include "core/store/sqlite_schema.hpp"

#include <string>
#include <utility>
#include <vector>

#include "core/item/item_json.hpp"
#include "core/store/sqlite_item_index.hpp"

namespace caiji::store {

namespace {

// Fills what migration 1 -> 2 adds for the items a v1 box already holds: sort keys and the
// full-text row, computed by the same code that maintains them afterwards.
Status index_existing_items(Db& db) {
  return for_each_row_by_id<std::string>(
      db, "SELECT id, item_json FROM items WHERE id > ?1 ORDER BY id LIMIT 500",
      [](Statement& q) { return q.text(1); },
      [&db](std::int64_t id, const std::string& json) -> Status {
        auto item = item_from_json_text(json);
        if (!item)
          return make_error(ErrorCode::io_error, "upgrading the box " + db.path() + ": item " + std::to_string(id) +
                                                     " is damaged (" + item.error().message + ")");
        // A v2 box has no gram table yet; the next migration fills it from this search text.
        return refresh_item_index(db, id, *item, GramTable::not_yet);
      });
}

struct Migration {
  const char* sql;
  Status (*then)(Db&);  // work SQL alone cannot do, in the same transaction; may be null
};

// Index i takes a box from version i to i + 1. Never edit a shipped migration: add one.
const Migration kMigrations[] = {
    // 0 -> 1: items keyed by dedup key, the page each was collected from, price history.
    {R"sql(
CREATE TABLE items (
  id INTEGER PRIMARY KEY,
  dedup_key TEXT NOT NULL UNIQUE,
  platform TEXT NOT NULL,
  title TEXT NOT NULL,
  item_json TEXT NOT NULL,
  revision INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX items_platform ON items(platform, id);
CREATE TABLE snapshots (
  item_id INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
  url TEXT NOT NULL,
  collected_at TEXT NOT NULL,
  html_size INTEGER NOT NULL,
  html_deflate BLOB NOT NULL
);
CREATE TABLE price_history (
  item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  collected_at TEXT NOT NULL,
  currency TEXT NOT NULL,
  min TEXT NOT NULL,
  max TEXT NOT NULL
);
CREATE INDEX price_history_item ON price_history(item_id, collected_at);
)sql",
     nullptr},

    // 1 -> 2: seller edits kept apart from the collected item (items.item_json stays the latest
    // collected item, as in v1; items.title becomes the title the seller sees), edit history,
    // tags, the trash, sort keys and full-text search. The partial indexes serve the box
    // (deleted_at IS NULL) in each sort order; the trash is small and needs only its own.
    {R"sql(
ALTER TABLE items ADD COLUMN edits_json TEXT NOT NULL DEFAULT '{}';
ALTER TABLE items ADD COLUMN price_low INTEGER NOT NULL DEFAULT 9223372036854775807;
ALTER TABLE items ADD COLUMN price_high INTEGER NOT NULL DEFAULT -1;
DROP INDEX items_platform;
CREATE INDEX items_live_platform ON items(platform, id) WHERE deleted_at IS NULL;
CREATE INDEX items_live_updated ON items(updated_at, id) WHERE deleted_at IS NULL;
CREATE INDEX items_live_title ON items(title, id) WHERE deleted_at IS NULL;
CREATE INDEX items_live_price_low ON items(price_low, id) WHERE deleted_at IS NULL;
CREATE INDEX items_live_price_high ON items(price_high, id) WHERE deleted_at IS NULL;
CREATE INDEX items_trash ON items(deleted_at, id) WHERE deleted_at IS NOT NULL;

CREATE TABLE tags (
  item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  tag TEXT NOT NULL,
  PRIMARY KEY (item_id, tag)
) WITHOUT ROWID;
CREATE INDEX tags_by_name ON tags(tag, item_id);

CREATE TABLE revisions (
  item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  revision INTEGER NOT NULL,
  at TEXT NOT NULL,
  author TEXT NOT NULL,
  changes_json TEXT NOT NULL,
  PRIMARY KEY (item_id, revision)
) WITHOUT ROWID;
-- v1 kept no history: each item starts its history as collected at its last update.
INSERT INTO revisions(item_id, revision, at, author, changes_json)
  SELECT id, revision, updated_at, 'collect', item_json FROM items;

-- The text search finds an item by, and its full-text index. Trigram tokens match any
-- 3-character substring, so Chinese (no spaces between words) and English search alike.
-- search_text is ours, so 1-2 character queries, which the trigram index cannot answer, scan it
-- as a plain table (see search_terms.hpp); the triggers keep the index in step with it.
CREATE TABLE search_text (
  id INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  attributes TEXT NOT NULL,
  tags TEXT NOT NULL
);
CREATE VIRTUAL TABLE items_fts USING fts5(title, attributes, tags, content = 'search_text', content_rowid = 'id',
                                          tokenize = 'trigram');
CREATE TRIGGER search_text_added AFTER INSERT ON search_text BEGIN
  INSERT INTO items_fts(rowid, title, attributes, tags) VALUES (new.id, new.title, new.attributes, new.tags);
END;
CREATE TRIGGER search_text_removed AFTER DELETE ON search_text BEGIN
  INSERT INTO items_fts(items_fts, rowid, title, attributes, tags)
    VALUES ('delete', old.id, old.title, old.attributes, old.tags);
END;
CREATE TRIGGER search_text_changed AFTER UPDATE ON search_text BEGIN
  INSERT INTO items_fts(items_fts, rowid, title, attributes, tags)
    VALUES ('delete', old.id, old.title, old.attributes, old.tags);
  INSERT INTO items_fts(rowid, title, attributes, tags) VALUES (new.id, new.title, new.attributes, new.tags);
END;
)sql",
     &index_existing_items},

    // 2 -> 3: the short-term index. Every 1- and 2-character sequence of each item's search text
    // that is not all ASCII (search_grams.hpp), so a 1-2 character Chinese search, which the
    // trigram index cannot answer, is a range of this key instead of a scan of every item's
    // text. Kept by sqlite_item_index.cpp in the transaction that writes the search text.
    {R"sql(
CREATE TABLE search_grams (
  gram TEXT NOT NULL,
  item_id INTEGER NOT NULL,
  PRIMARY KEY (gram, item_id)
) WITHOUT ROWID;
-- Which ids are in the box (not the trash), without reading their rows: the count of a search
-- checks each match here.
CREATE INDEX items_live_id ON items(id) WHERE deleted_at IS NULL;
)sql",
     &index_existing_grams},
};

constexpr int kMigrationCount = static_cast<int>(sizeof(kMigrations) / sizeof(kMigrations[0]));
static_assert(kMigrationCount == kBoxSchemaVersion, "one migration per schema version");

}  // namespace

Result<int> schema_version(Db& db) {
  auto q = db.prepare("PRAGMA user_version");
  if (!q) return q.error();
  auto row = q->step();
  if (!row) return row.error();
  return *row ? static_cast<int>(q->int64(0)) : 0;
}

Status migrate(Db& db) {
  auto version = schema_version(db);
  if (!version) return version.error();
  if (*version > kBoxSchemaVersion) {
    return make_error(ErrorCode::unsupported, "the box " + db.path() + " was written by a newer Caiji (schema " +
                                                  std::to_string(*version) + "); update Caiji to open it");
  }
  for (int v = *version; v < kBoxSchemaVersion; ++v) {
    auto tx = Transaction::begin(db);
    if (!tx) return tx.error();
    // Another process may have migrated while we waited for the write lock.
    auto again = schema_version(db);
    if (!again) return again.error();
    if (*again > v) continue;
    const Migration& m = kMigrations[v];
    if (Status s = db.exec(m.sql); !s)
      return make_error(s.error().code, "upgrading the box " + db.path() + " to schema " + std::to_string(v + 1) +
                                            ": " + s.error().message);
    if (m.then)
      if (Status s = m.then(db); !s) return s;
    if (Status s = db.exec(("PRAGMA user_version = " + std::to_string(v + 1)).c_str()); !s) return s;
    if (Status s = tx->commit(); !s) return s;
  }
  return {};
}

}  // namespace caiji::store
