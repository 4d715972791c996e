#include "core/store/sqlite_schema.hpp"

#include <string>

namespace caiji::store {

namespace {

// Index i takes a box from version i to i + 1. Never edit a shipped migration: add one.
constexpr const char* kMigrations[] = {
    // 0 -> 1: items keyed by dedup key, the page each was collected from, price history.
    R"sql(
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
};

}  // namespace

Status migrate(Db& db) {
  auto version_stmt = db.prepare("PRAGMA user_version");
  if (!version_stmt) return version_stmt.error();
  auto row = version_stmt->step();
  if (!row) return row.error();
  int version = *row ? static_cast<int>(version_stmt->int64(0)) : 0;
  if (version > kBoxSchemaVersion) {
    return make_error(ErrorCode::unsupported, "the box " + db.path() + " was written by a newer Caiji (schema " +
                                                  std::to_string(version) + "); update Caiji to open it");
  }
  for (int v = version; v < kBoxSchemaVersion; ++v) {
    auto tx = Transaction::begin(db);
    if (!tx) return tx.error();
    // Another process may have migrated while we waited for the write lock.
    auto again = db.prepare("PRAGMA user_version");
    if (!again) return again.error();
    auto r = again->step();
    if (!r) return r.error();
    if (*r && again->int64(0) > v) continue;
    if (Status s = db.exec(kMigrations[v]); !s) return s;
    if (Status s = db.exec(("PRAGMA user_version = " + std::to_string(v + 1)).c_str()); !s) return s;
    if (Status s = tx->commit(); !s) return s;
  }
  return {};
}

}  // namespace caiji::store
