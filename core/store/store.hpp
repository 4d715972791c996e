#pragma once
// The collection box (采集箱). One interface; SQLite is the embedded default, and nothing
// outside store/ sees SQL, so a shared PostgreSQL box for seller teams can be added later
// without touching callers.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/item/item.hpp"
#include "core/util/result.hpp"

namespace caiji::store {

struct StoredItem {
  std::int64_t id = 0;
  std::int64_t revision = 0;  // bumps on every change; an edit must name the revision it saw
  Item item;                  // what the seller sees: the latest collection with the seller's edits on top
  std::vector<std::string> edited_fields;  // top-level item JSON fields the seller changed, sorted ("price", "title")
  std::vector<std::string> tags;
  std::string created_at;
  std::string updated_at;
  std::string deleted_at;  // "" unless in the trash
};

enum class Outcome { created, updated, unchanged };
const char* to_string(Outcome o);

// One collected product and the page it came from, for save_collected_batch.
struct CollectedPage {
  Item item;
  std::string page_html;  // may be empty
};

// How long a deleted item stays restorable; purge_trash is given the matching cutoff.
inline constexpr int kTrashDays = 30;

// `now` (RFC 3339 UTC, "2026-11-27T06:00:00Z") minus kTrashDays: what purge_trash takes.
// "" when `now` is not in that form.
std::string trash_cutoff(std::string_view now);

struct Saved {
  std::int64_t id = 0;
  std::int64_t revision = 0;
  Outcome outcome = Outcome::created;
};

enum class Sort { newest, oldest, updated, title, price_low, price_high };

struct ListQuery {
  std::string platform;        // "" = all
  std::string tag;             // "" = all
  std::string search;          // full-text over title, attributes and tags (Chinese and English); "" = all
  bool trash = false;          // list the trash instead of the box
  Sort sort = Sort::newest;
  std::size_t limit = 50;      // at most 500
  std::string cursor;          // opaque; "" = first page
};

struct ListPage {
  std::vector<StoredItem> items;
  std::string next_cursor;  // "" when this is the last page
  std::int64_t total = 0;   // items matching the query
};

struct Revision {
  std::int64_t revision = 0;
  std::string at;
  std::string by;           // "collect", "edit", "reparse", "delete", "restore"
  nlohmann::json changes;   // the fields this revision set, as item JSON
};

struct PricePoint {
  std::string collected_at;
  std::string currency;
  std::string min;
  std::string max;
};

struct Snapshot {
  std::int64_t item_id = 0;
  std::string url;
  std::string collected_at;
  std::string html;  // decompressed
};

class Store {
 public:
  virtual ~Store() = default;

  // Adds the item, or refreshes the one with the same dedup key: source fields refresh, fields
  // the seller edited stay as edited, a price change lands in the price history, an item in the
  // trash comes back. `page_html` (may be empty) is kept compressed for reparse.
  virtual Result<Saved> save_collected(const Item& item, std::string_view page_html, std::string_view now) = 0;

  // The same for many items in one transaction (a category page, an import): much faster than one
  // call per item. All or nothing: an invalid item fails the batch and names its position.
  virtual Result<std::vector<Saved>> save_collected_batch(std::span<const CollectedPage> pages,
                                                          std::string_view now) = 0;

  // An item in the trash is found too (its deleted_at says so).
  virtual Result<StoredItem> get(std::int64_t id) = 0;
  virtual Result<ListPage> list(const ListQuery& query) = 0;
  virtual Result<std::int64_t> count() = 0;  // items in the box, not in the trash

  // A partial patch in item JSON (top-level fields, e.g. {"title": "…", "price": {…}}), applied
  // only when `expected_revision` is the current one: otherwise ErrorCode::conflict. Patched
  // fields are marked as the seller's. A patch that would make the item invalid is refused.
  virtual Result<StoredItem> update(std::int64_t id, std::int64_t expected_revision, const nlohmann::json& patch,
                                    std::string_view now) = 0;

  // Trash: deleted items stay restorable for kTrashDays, then purge_trash removes them for good
  // (with their page, history and tags). `older_than` is an RFC 3339 UTC time: items deleted
  // before it go. Removing an item already in the trash, or restoring one that is not, is a
  // no-op; both bump the revision otherwise.
  virtual Status remove(std::int64_t id, std::string_view now) = 0;
  virtual Status restore(std::int64_t id, std::string_view now) = 0;
  virtual Result<std::int64_t> purge_trash(std::string_view older_than) = 0;

  // Adds and removes tags (groups); returns the item's tags after the change, sorted. Tags are
  // trimmed, empty ones ignored. Tagging does not bump the revision, so it never makes a
  // seller's open edit stale.
  virtual Result<std::vector<std::string>> tag(std::int64_t id, const std::vector<std::string>& add,
                                               const std::vector<std::string>& remove) = 0;

  virtual Result<std::vector<Revision>> history(std::int64_t id) = 0;
  virtual Result<std::vector<PricePoint>> price_history(std::int64_t id) = 0;

  // Every stored page, one at a time (reparse re-runs today's extractors over them). The
  // callback's Status stops the walk when it fails.
  virtual Status each_snapshot(const std::function<Status(const Snapshot&)>& visit) = 0;

  // Writes a reparsed item: like save_collected, but keeps the stored page and records
  // "reparse" as the revision's author. If today's extractors give the page a dedup key that
  // another item already has, that is ErrorCode::conflict.
  virtual Result<Saved> save_reparsed(std::int64_t id, const Item& item, std::string_view now) = 0;

  // PRAGMA integrity_check (and the search index's own check) and schema version, for
  // `caiji doctor`: "ok: schema 3, 12 items in the box, 1 in the trash", or an io_error saying
  // what is damaged.
  virtual Result<std::string> check_integrity() = 0;
};

// Opens (creating when needed) the SQLite box at `path`, migrating its schema to the current
// version. Errors say which file and why (locked, not a Caiji box, disk full, newer schema).
Result<std::unique_ptr<Store>> open_sqlite_store(const std::string& path);

}  // namespace caiji::store
