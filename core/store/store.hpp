#pragma once
// The collection box (采集箱). One interface; SQLite is the embedded default, and nothing
// outside store/ sees SQL, so a shared PostgreSQL box for seller teams can be added later.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/item/item.hpp"
#include "core/util/result.hpp"

namespace caiji::store {

struct StoredItem {
  std::int64_t id = 0;
  std::int64_t revision = 0;  // bumps on every change; edits must name the revision they saw
  Item item;
  std::string created_at;
  std::string updated_at;
  std::vector<std::string> tags;
};

enum class Outcome { created, updated, unchanged };
const char* to_string(Outcome o);

struct Saved {
  std::int64_t id = 0;
  std::int64_t revision = 0;
  Outcome outcome = Outcome::created;
};

struct ListQuery {
  std::string platform;        // "" = all
  std::size_t limit = 50;
  std::int64_t after_id = 0;   // cursor: items with a smaller id than this come next (newest first); 0 = start
};

struct ListPage {
  std::vector<StoredItem> items;
  std::int64_t next_after_id = 0;  // 0 when this is the last page
};

class Store {
 public:
  virtual ~Store() = default;

  // Adds the item, or refreshes the one with the same dedup key. `page_html` (may be empty) is
  // kept compressed so the item can be re-parsed later; `now` is RFC 3339 UTC.
  virtual Result<Saved> save_collected(const Item& item, std::string_view page_html, std::string_view now) = 0;

  virtual Result<StoredItem> get(std::int64_t id) = 0;
  virtual Result<ListPage> list(const ListQuery& query) = 0;
  virtual Result<std::int64_t> count() = 0;
};

// Opens (creating when needed) the SQLite box at `path`, migrating its schema to the current
// version. Errors say which file and why (locked, not a Caiji box, disk full).
Result<std::unique_ptr<Store>> open_sqlite_store(const std::string& path);

}  // namespace caiji::store
