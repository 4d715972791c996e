#include <zlib.h>

#include "core/item/item_json.hpp"
#include "core/store/sqlite_db.hpp"
#include "core/store/sqlite_schema.hpp"
#include "core/store/store.hpp"

namespace caiji::store {

const char* to_string(Outcome o) {
  switch (o) {
    case Outcome::created: return "created";
    case Outcome::updated: return "updated";
    case Outcome::unchanged: return "unchanged";
  }
  return "created";
}

namespace {

Result<std::string> deflate_text(std::string_view text) {
  uLongf size = compressBound(static_cast<uLong>(text.size()));
  std::string out(size, '\0');
  int rc = compress2(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(text.data()),
                     static_cast<uLong>(text.size()), 6);
  if (rc != Z_OK) return make_error(ErrorCode::internal, "compressing the page snapshot failed");
  out.resize(size);
  return out;
}

// The item without what changes on every visit, to tell "updated" from "unchanged".
std::string comparable(Item item) {
  item.collected_at.clear();
  return item_to_json_text(item);
}

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(Db db) : db_(std::move(db)) {}

  Result<Saved> save_collected(const Item& item, std::string_view page_html, std::string_view now) override {
    if (item.source.dedup_key.empty())
      return make_error(ErrorCode::invalid_argument, "the item has no dedup key (no product id and no URL)");
    auto tx = Transaction::begin(db_);
    if (!tx) return tx.error();

    auto find = db_.prepare("SELECT id, revision, item_json FROM items WHERE dedup_key = ?1");
    if (!find) return find.error();
    find->bind(1, item.source.dedup_key);
    auto row = find->step();
    if (!row) return row.error();

    Saved saved;
    const std::string json = item_to_json_text(item);
    if (!*row) {
      auto ins = db_.prepare(
          "INSERT INTO items(dedup_key, platform, title, item_json, created_at, updated_at) VALUES(?1,?2,?3,?4,?5,?5)");
      if (!ins) return ins.error();
      ins->bind(1, item.source.dedup_key).bind(2, item.source.platform).bind(3, item.title).bind(4, json).bind(5, now);
      if (Status s = ins->run(); !s) return s.error();
      saved = Saved{db_.last_insert_id(), 1, Outcome::created};
    } else {
      saved.id = find->int64(0);
      saved.revision = find->int64(1);
      auto old = item_from_json_text(find->text(2));
      if (old && comparable(*old) == comparable(item)) {
        saved.outcome = Outcome::unchanged;
      } else {
        saved.outcome = Outcome::updated;
        saved.revision += 1;
        auto up = db_.prepare(
            "UPDATE items SET platform=?2, title=?3, item_json=?4, revision=?5, updated_at=?6, deleted_at=NULL "
            "WHERE id=?1");
        if (!up) return up.error();
        up->bind(1, saved.id).bind(2, item.source.platform).bind(3, item.title).bind(4, json).bind(5, saved.revision).bind(6, now);
        if (Status s = up->run(); !s) return s.error();
      }
    }
    if (Status s = record_price(saved.id, item); !s) return s.error();
    if (!page_html.empty())
      if (Status s = save_snapshot(saved.id, item, page_html); !s) return s.error();
    if (Status s = tx->commit(); !s) return s.error();
    return saved;
  }

  Result<StoredItem> get(std::int64_t id) override {
    auto q = db_.prepare("SELECT id, revision, item_json, created_at, updated_at FROM items WHERE id=?1");
    if (!q) return q.error();
    q->bind(1, id);
    auto row = q->step();
    if (!row) return row.error();
    if (!*row) return make_error(ErrorCode::not_found, "no item " + std::to_string(id) + " in the box");
    return read_row(*q);
  }

  Result<ListPage> list(const ListQuery& query) override {
    auto q = db_.prepare(
        "SELECT id, revision, item_json, created_at, updated_at FROM items "
        "WHERE deleted_at IS NULL AND (?1 = '' OR platform = ?1) AND (?2 = 0 OR id < ?2) ORDER BY id DESC LIMIT ?3");
    if (!q) return q.error();
    std::size_t limit = query.limit == 0 ? 50 : query.limit;
    q->bind(1, query.platform).bind(2, query.after_id).bind(3, static_cast<std::int64_t>(limit + 1));
    ListPage page;
    for (;;) {
      auto row = q->step();
      if (!row) return row.error();
      if (!*row) break;
      if (page.items.size() == limit) {
        page.next_after_id = page.items.back().id;
        break;
      }
      auto item = read_row(*q);
      if (!item) return item.error();
      page.items.push_back(std::move(*item));
    }
    return page;
  }

  Result<std::int64_t> count() override {
    auto q = db_.prepare("SELECT count(*) FROM items WHERE deleted_at IS NULL");
    if (!q) return q.error();
    auto row = q->step();
    if (!row) return row.error();
    return q->int64(0);
  }

 private:
  Result<StoredItem> read_row(const Statement& q) {
    StoredItem s;
    s.id = q.int64(0);
    s.revision = q.int64(1);
    auto item = item_from_json_text(q.text(2));
    if (!item) return make_error(item.error().code, "item " + std::to_string(s.id) + " is damaged: " + item.error().message);
    s.item = std::move(*item);
    s.created_at = q.text(3);
    s.updated_at = q.text(4);
    return s;
  }

  // One row per observed price, only when it differs from the last one recorded.
  Status record_price(std::int64_t id, const Item& item) {
    if (!item.price) return {};
    auto last = db_.prepare("SELECT currency, min, max FROM price_history WHERE item_id=?1 ORDER BY rowid DESC LIMIT 1");
    if (!last) return last.error();
    last->bind(1, id);
    auto row = last->step();
    if (!row) return row.error();
    if (*row && last->text(0) == item.currency && last->text(1) == item.price->min && last->text(2) == item.price->max)
      return {};
    auto ins = db_.prepare("INSERT INTO price_history(item_id, collected_at, currency, min, max) VALUES(?1,?2,?3,?4,?5)");
    if (!ins) return ins.error();
    ins->bind(1, id).bind(2, item.collected_at).bind(3, item.currency).bind(4, item.price->min).bind(5, item.price->max);
    return ins->run();
  }

  Status save_snapshot(std::int64_t id, const Item& item, std::string_view html) {
    auto packed = deflate_text(html);
    if (!packed) return packed.error();
    auto up = db_.prepare(
        "INSERT INTO snapshots(item_id, url, collected_at, html_size, html_deflate) VALUES(?1,?2,?3,?4,?5) "
        "ON CONFLICT(item_id) DO UPDATE SET url=excluded.url, collected_at=excluded.collected_at, "
        "html_size=excluded.html_size, html_deflate=excluded.html_deflate");
    if (!up) return up.error();
    up->bind(1, id).bind(2, item.source.url).bind(3, item.collected_at).bind(4, static_cast<std::int64_t>(html.size()));
    up->bind_blob(5, packed->data(), packed->size());
    return up->run();
  }

  Db db_;
};

}  // namespace

Result<std::unique_ptr<Store>> open_sqlite_store(const std::string& path) {
  auto db = Db::open(path);
  if (!db) return db.error();
  // WAL lets the CLI read while a host writes; NORMAL sync is durable at each commit in WAL mode
  // except on power loss, where the last commits may roll back but the file stays consistent.
  if (Status s = db->exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"); !s)
    return s.error();
  if (Status s = migrate(*db); !s) return s.error();
  return std::unique_ptr<Store>(std::make_unique<SqliteStore>(std::move(*db)));
}

}  // namespace caiji::store
