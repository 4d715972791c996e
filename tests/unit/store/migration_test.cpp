// A box written by an earlier Caiji opens in this one with everything in it.

#include <sqlite3.h>
#include <zlib.h>

#include "box_fixture.hpp"
#include "core/item/item_json.hpp"

namespace caiji::store {
namespace {

using caiji::testing_support::TempDir;
using story::offer;

// Schema 1 exactly as Caiji 0.1 created it (migration 0 -> 1), with two items stored the way
// its save_collected wrote them: the collected item's JSON, a page, a price history.
void write_v1_box(const std::string& path, const Item& socks, const Item& bra, const std::string& page) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  const char* schema = R"sql(
PRAGMA journal_mode=WAL;
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
PRAGMA user_version = 1;
)sql";
  ASSERT_EQ(sqlite3_exec(db, schema, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);

  sqlite3_stmt* ins = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db,
                               "INSERT INTO items(id, dedup_key, platform, title, item_json, revision, created_at, "
                               "updated_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                               -1, &ins, nullptr),
            SQLITE_OK);
  struct V1Row {
    int id;
    const Item* item;
    int revision;
    const char* updated_at;
  };
  for (const V1Row& r : {V1Row{1, &socks, 2, "2026-11-02T00:00:00Z"}, V1Row{2, &bra, 1, "2026-11-01T00:00:00Z"}}) {
    const std::string json = item_to_json_text(*r.item);
    sqlite3_bind_int(ins, 1, r.id);
    sqlite3_bind_text(ins, 2, r.item->source.dedup_key.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(ins, 3, r.item->source.platform.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(ins, 4, r.item->title.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(ins, 5, json.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(ins, 6, r.revision);
    sqlite3_bind_text(ins, 7, "2026-11-01T00:00:00Z", -1, SQLITE_STATIC);
    sqlite3_bind_text(ins, 8, r.updated_at, -1, SQLITE_STATIC);
    ASSERT_EQ(sqlite3_step(ins), SQLITE_DONE) << sqlite3_errmsg(db);
    sqlite3_reset(ins);
  }
  sqlite3_finalize(ins);

  uLongf packed_size = compressBound(static_cast<uLong>(page.size()));
  std::string packed(packed_size, '\0');
  ASSERT_EQ(compress2(reinterpret_cast<Bytef*>(packed.data()), &packed_size,
                      reinterpret_cast<const Bytef*>(page.data()), static_cast<uLong>(page.size()), 6),
            Z_OK);
  packed.resize(packed_size);
  sqlite3_stmt* snap = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db,
                               "INSERT INTO snapshots VALUES(1, 'https://detail.1688.com/offer/7.html', "
                               "'2026-11-02T00:00:00Z', ?1, ?2)",
                               -1, &snap, nullptr),
            SQLITE_OK);
  sqlite3_bind_int64(snap, 1, static_cast<sqlite3_int64>(page.size()));
  sqlite3_bind_blob(snap, 2, packed.data(), static_cast<int>(packed.size()), SQLITE_TRANSIENT);
  ASSERT_EQ(sqlite3_step(snap), SQLITE_DONE);
  sqlite3_finalize(snap);
  ASSERT_EQ(sqlite3_exec(db,
                         "INSERT INTO price_history VALUES(1, '2026-11-01T00:00:00Z', 'CNY', '5.00', '5.00');"
                         "INSERT INTO price_history VALUES(1, '2026-11-02T00:00:00Z', 'CNY', '4.50', '4.50');"
                         "INSERT INTO price_history VALUES(2, '2026-11-01T00:00:00Z', 'CNY', '16.50', '16.50');",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
}

TEST(Migration, a_box_written_by_schema_1_opens_with_its_items_intact) {
  TempDir dir;
  const std::string path = dir.file("box.sqlite");
  Item socks = offer("7", "Cotton socks 棉袜", "4.50");
  socks.attributes = {{"材质", "纯棉"}};
  Item bra = offer("8", "女士蕾丝文胸 Lace bra", "16.50");
  const std::string page = "<html><body>棉袜 offer page</body></html>";
  write_v1_box(path, socks, bra, page);

  auto box = open_sqlite_store(path);
  ASSERT_TRUE(box) << box.error().message;
  Store& s = **box;

  auto report = s.check_integrity();
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_NE(report->find("schema 3"), std::string::npos) << *report;

  auto stored = s.get(1);
  ASSERT_TRUE(stored) << stored.error().message;
  EXPECT_EQ(stored->item, socks);
  EXPECT_EQ(stored->revision, 2);
  EXPECT_EQ(stored->updated_at, "2026-11-02T00:00:00Z");
  EXPECT_TRUE(stored->edited_fields.empty());
  EXPECT_EQ(s.get(2)->item, bra);

  auto prices = s.price_history(1);
  ASSERT_TRUE(prices);
  ASSERT_EQ(prices->size(), 2u);
  EXPECT_EQ((*prices)[1].min, "4.50");

  auto history = s.history(1);
  ASSERT_TRUE(history);
  ASSERT_EQ(history->size(), 1u);
  EXPECT_EQ((*history)[0].revision, 2);
  EXPECT_EQ((*history)[0].by, "collect");

  std::string seen;
  ASSERT_TRUE(s.each_snapshot([&](const Snapshot& snap) {
    seen = snap.html;
    return Status{};
  }));
  EXPECT_EQ(seen, page);

  // What schemas 2 and 3 add works on the old items: search (by title and attribute, through the
  // trigram index and the 1-2 character gram index) and sorting.
  for (const char* query : {"棉袜", "纯棉", "lace", "袜", "材质", "LA"}) {
    ListQuery q;
    q.search = query;
    EXPECT_EQ(s.list(q)->total, 1) << query;
  }
  ListQuery cheapest;
  cheapest.sort = Sort::price_low;
  EXPECT_EQ(s.list(cheapest)->items.at(0).id, 1);

  // And collecting the same offer again still updates it.
  auto again = s.save_collected(offer("7", "Cotton socks 棉袜", "4.00"), "", "2026-11-27T00:00:00Z");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->id, 1);
  EXPECT_EQ(again->revision, 3);
  EXPECT_EQ(*s.count(), 2);
}

}  // namespace
}  // namespace caiji::store
