// The collection box on SQLite: the only implementation of Store so far.

#include <zlib.h>

#include <algorithm>
#include <variant>

#include "core/item/item_json.hpp"
#include "core/store/list_cursor.hpp"
#include "core/store/search_terms.hpp"
#include "core/store/seller_edits.hpp"
#include "core/store/sqlite_db.hpp"
#include "core/store/sqlite_item_index.hpp"
#include "core/store/sqlite_schema.hpp"
#include "core/store/store.hpp"
#include "core/util/text.hpp"

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

Result<std::string> inflate_text(const std::string& packed, std::int64_t size, std::int64_t item_id) {
  std::string out(static_cast<std::size_t>(size), '\0');
  uLongf got = static_cast<uLongf>(size);
  int rc = uncompress(reinterpret_cast<Bytef*>(out.data()), &got, reinterpret_cast<const Bytef*>(packed.data()),
                      static_cast<uLong>(packed.size()));
  if (rc != Z_OK || got != static_cast<uLongf>(size))
    return make_error(ErrorCode::io_error, "the stored page of item " + std::to_string(item_id) + " is damaged");
  return out;
}

OJson parse_json(const std::string& text) {
  OJson j = OJson::parse(text, nullptr, /*allow_exceptions=*/false);
  return j.is_discarded() ? OJson::object() : j;
}

// The item without what changes on every visit, to tell "updated" from "unchanged".
std::string comparable(Item item) {
  item.collected_at.clear();
  return item_to_json_text(item);
}

Error no_item(std::int64_t id) {
  return make_error(ErrorCode::not_found, "there is no item " + std::to_string(id) +
                                              " in the box (it may have been emptied from the trash)");
}

// One items row, as stored.
struct Row {
  std::int64_t id = 0;
  std::int64_t revision = 0;
  std::string dedup_key;
  std::string collected_json;
  std::string edits_json;
  std::string created_at;
  std::string updated_at;
  std::string deleted_at;
};

constexpr const char* kRowColumns =
    "id, revision, dedup_key, item_json, edits_json, created_at, updated_at, coalesce(deleted_at, '')";

Row read_row(const Statement& q) {
  return Row{q.int64(0), q.int64(1), q.text(2), q.text(3), q.text(4), q.text(5), q.text(6), q.text(7)};
}

struct SortSpec {
  const char* column;
  bool descending;
  bool text_key;
};

SortSpec sort_spec(Sort s) {
  switch (s) {
    case Sort::newest: return {"id", true, false};
    case Sort::oldest: return {"id", false, false};
    case Sort::updated: return {"updated_at", true, true};
    case Sort::title: return {"title", false, true};
    case Sort::price_low: return {"price_low", false, false};
    case Sort::price_high: return {"price_high", true, false};
  }
  return {"id", true, false};
}

using Param = std::variant<std::string, std::int64_t>;

void bind_all(Statement& q, const std::vector<Param>& params) {
  for (std::size_t i = 0; i < params.size(); ++i) {
    int at = static_cast<int>(i + 1);
    if (const auto* s = std::get_if<std::string>(&params[i]))
      q.bind(at, *s);
    else
      q.bind(at, std::get<std::int64_t>(params[i]));
  }
}

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(Db db) : db_(std::move(db)) {}

  Result<Saved> save_collected(const Item& item, std::string_view page_html, std::string_view now) override {
    if (Status s = check_collectable(item, ""); !s) return s.error();
    return in_write([&] { return save_one(item, page_html, now); });
  }

  Result<std::vector<Saved>> save_collected_batch(std::span<const CollectedPage> pages, std::string_view now) override {
    for (std::size_t i = 0; i < pages.size(); ++i)
      if (Status s = check_collectable(pages[i].item, "item " + std::to_string(i + 1) + " of " +
                                                          std::to_string(pages.size()) + ": ");
          !s)
        return s.error();
    return in_write([&]() -> Result<std::vector<Saved>> {
      std::vector<Saved> saved;
      saved.reserve(pages.size());
      for (const auto& p : pages) {
        auto one = save_one(p.item, p.page_html, now);
        if (!one) return one.error();
        saved.push_back(*one);
      }
      return saved;
    });
  }

  Result<StoredItem> get(std::int64_t id) override {
    auto row = find_by_id(id);
    if (!row) return row.error();
    if (!*row) return no_item(id);
    return to_stored(**row);
  }

  Result<ListPage> list(const ListQuery& query) override {
    const SortSpec spec = sort_spec(query.sort);
    const std::size_t limit = std::clamp<std::size_t>(query.limit == 0 ? 50 : query.limit, 1, 500);

    std::string where = query.trash ? "deleted_at IS NOT NULL" : "deleted_at IS NULL";
    std::vector<Param> params;
    if (!query.platform.empty()) {
      where += " AND platform = ?";
      params.emplace_back(query.platform);
    }
    if (!query.tag.empty()) {
      where += " AND id IN (SELECT item_id FROM tags WHERE tag = ?)";
      params.emplace_back(std::string(trim(query.tag)));
    }
    if (SearchTerms terms = search_terms(query.search); !terms.empty()) {
      std::string fts;
      if (!terms.match.empty()) {
        fts = "items_fts MATCH ?";
        params.emplace_back(terms.match);
      }
      if (!fts.empty()) where += " AND id IN (SELECT rowid FROM items_fts WHERE " + fts + ")";
      // Short terms: a range of the gram index's key each, intersected there, so "纯棉 袜子"
      // reads two lists of ids rather than the items row of every id in the first list.
      std::string grams;
      for (const auto& gram : terms.grams) {
        grams += std::string(grams.empty() ? "" : " INTERSECT ") + "SELECT item_id FROM search_grams WHERE gram = ?";
        params.emplace_back(gram);
      }
      if (!grams.empty()) where += " AND id IN (" + grams + ")";
      // Short terms the gram index cannot answer (ASCII alone, malformed UTF-8), all in one pass
      // over the search text: each is a scan of the whole table, so "s xl" costs one, not two.
      std::string scan;
      for (const auto& text : terms.substrings) {
        scan += std::string(scan.empty() ? "" : " AND ") + "(instr(title, ?) OR instr(attributes, ?) OR instr(tags, ?))";
        for (int i = 0; i < 3; ++i) params.emplace_back(text);
      }
      for (const auto& pattern : terms.like) {
        scan += std::string(scan.empty() ? "" : " AND ") +
                "(title LIKE ? ESCAPE '\\' OR attributes LIKE ? ESCAPE '\\' OR tags LIKE ? ESCAPE '\\')";
        for (int i = 0; i < 3; ++i) params.emplace_back(pattern);
      }
      if (!scan.empty()) where += " AND id IN (SELECT id FROM search_text WHERE " + scan + ")";
    }

    ListPage page;
    const std::vector<Param> filter_params = params;  // before the cursor's and the limit's

    std::string keyset;
    if (!query.cursor.empty()) {
      auto c = decode_cursor(query.cursor, static_cast<int>(query.sort));
      if (!c) return c.error();
      const char* op = spec.descending ? "<" : ">";
      if (std::string_view(spec.column) == "id") {
        keyset = std::string(" AND id ") + op + " ?";
        params.emplace_back(c->id);
      } else {
        keyset = std::string(" AND (") + spec.column + ", id) " + op + " (?, ?)";
        if (spec.text_key)
          params.emplace_back(c->text_key);
        else
          params.emplace_back(c->int_key);
        params.emplace_back(c->id);
      }
    }
    const char* dir = spec.descending ? " DESC" : " ASC";
    std::string sql = std::string("SELECT id, ") + spec.column + " FROM items WHERE " + where + keyset + " ORDER BY " +
                      spec.column + dir + (std::string_view(spec.column) == "id" ? "" : std::string(", id") + dir) +
                      " LIMIT ?";
    params.emplace_back(static_cast<std::int64_t>(limit + 1));

    // Ids first, from the sort index alone; then the page's few full rows.
    struct Hit {
      std::int64_t id;
      std::string text_key;
      std::int64_t int_key;
    };
    std::vector<Hit> hits;
    {
      auto q = db_.prepare(sql);
      if (!q) return q.error();
      bind_all(*q, params);
      for (;;) {
        auto row = q->step();
        if (!row) return row.error();
        if (!*row) break;
        hits.push_back(Hit{q->int64(0), spec.text_key ? q->text(1) : std::string(), spec.text_key ? 0 : q->int64(1)});
      }
    }
    // A first page that holds every match is its own count: a search for something rare
    // costs one pass over the index instead of two.
    if (query.cursor.empty() && hits.size() <= limit) {
      page.total = static_cast<std::int64_t>(hits.size());
    } else {
      // Counting the box without a platform: items_live_id says "in the box" for each match
      // from a small index instead of from each match's items row (20,000 matches: 30 ms of
      // CPU saved); SQLite does not pick it by itself. With a platform, items_live_platform does.
      const bool live_ids = !query.trash && query.platform.empty();
      auto q = db_.prepare(std::string("SELECT count(*) FROM items") + (live_ids ? " INDEXED BY items_live_id" : "") +
                           " WHERE " + where);
      if (!q) return q.error();
      bind_all(*q, filter_params);
      auto row = q->step();
      if (!row) return row.error();
      page.total = q->int64(0);
    }
    if (hits.size() > limit) {
      hits.pop_back();
      const Hit& last = hits.back();
      page.next_cursor = encode_cursor(ListCursor{static_cast<int>(query.sort), last.text_key, last.int_key, last.id});
    }
    for (const Hit& h : hits) {
      auto item = get(h.id);
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

  Result<StoredItem> update(std::int64_t id, std::int64_t expected_revision, const nlohmann::json& patch,
                            std::string_view now) override {
    auto done = in_write([&]() -> Result<std::int64_t> {
      auto found = find_by_id(id);
      if (!found) return found.error();
      if (!*found) return no_item(id);
      const Row& row = **found;
      if (!row.deleted_at.empty())
        return make_error(ErrorCode::conflict, "this item is in the trash; restore it before editing it");
      if (row.revision != expected_revision)
        return make_error(ErrorCode::conflict,
                          "this item changed since you opened it (it was re-collected or edited elsewhere: you "
                          "had version " + std::to_string(expected_revision) + ", the box now has version " +
                              std::to_string(row.revision) + "). Reload it and make your change again");
      const OJson collected = parse_json(row.collected_json);
      const OJson edits = parse_json(row.edits_json);
      auto next_edits = apply_patch(collected, edits, patch);
      if (!next_edits) return next_edits.error();
      auto view = item_from_json(compose_view(collected, *next_edits));
      if (!view) return view.error();
      const std::int64_t revision = row.revision + 1;
      auto up = db_.prepare("UPDATE items SET edits_json=?2, revision=?3, updated_at=?4 WHERE id=?1");
      if (!up) return up.error();
      up->bind(1, id).bind(2, next_edits->dump()).bind(3, revision).bind(4, now);
      if (Status s = up->run(); !s) return s.error();
      if (Status s = add_revision(id, revision, now, "edit", OJson(patch)); !s) return s.error();
      if (Status s = refresh_item_index(db_, id, *view); !s) return s.error();
      return id;
    });
    if (!done) return done.error();
    return get(id);
  }

  Status remove(std::int64_t id, std::string_view now) override {
    return set_trashed(id, now, true);
  }

  Status restore(std::int64_t id, std::string_view now) override {
    return set_trashed(id, now, false);
  }

  Result<std::int64_t> purge_trash(std::string_view older_than) override {
    return in_write([&]() -> Result<std::int64_t> {
      std::vector<std::int64_t> ids;
      {
        auto q = db_.prepare("SELECT id FROM items WHERE deleted_at IS NOT NULL AND deleted_at < ?1");
        if (!q) return q.error();
        q->bind(1, older_than);
        for (;;) {
          auto row = q->step();
          if (!row) return row.error();
          if (!*row) break;
          ids.push_back(q->int64(0));
        }
      }
      // Pages, history, prices and tags go with the item (ON DELETE CASCADE); its search text,
      // full-text entry and grams go first, explicitly, as no foreign key reaches them all.
      for (std::int64_t id : ids)
        if (Status s = drop_item_index(db_, id); !s) return s.error();
      auto del = db_.prepare("DELETE FROM items WHERE deleted_at IS NOT NULL AND deleted_at < ?1");
      if (!del) return del.error();
      del->bind(1, older_than);
      if (Status s = del->run(); !s) return s.error();
      return db_.changes();
    });
  }

  Result<std::vector<std::string>> tag(std::int64_t id, const std::vector<std::string>& add,
                                       const std::vector<std::string>& remove) override {
    return in_write([&]() -> Result<std::vector<std::string>> {
      auto found = find_by_id(id);
      if (!found) return found.error();
      if (!*found) return no_item(id);
      for (const auto& t : add) {
        std::string name = clean_text(t);
        if (name.empty()) continue;
        auto ins = db_.prepare("INSERT OR IGNORE INTO tags(item_id, tag) VALUES(?1, ?2)");
        if (!ins) return ins.error();
        ins->bind(1, id).bind(2, name);
        if (Status s = ins->run(); !s) return s.error();
      }
      for (const auto& t : remove) {
        auto del = db_.prepare("DELETE FROM tags WHERE item_id=?1 AND tag=?2");
        if (!del) return del.error();
        del->bind(1, id).bind(2, clean_text(t));
        if (Status s = del->run(); !s) return s.error();
      }
      if (Status s = refresh_item_tags(db_, id); !s) return s.error();
      return tags_of(id);
    });
  }

  Result<std::vector<Revision>> history(std::int64_t id) override {
    if (Status s = must_exist(id); !s) return s.error();
    auto q = db_.prepare("SELECT revision, at, author, changes_json FROM revisions WHERE item_id=?1 ORDER BY revision");
    if (!q) return q.error();
    q->bind(1, id);
    std::vector<Revision> out;
    for (;;) {
      auto row = q->step();
      if (!row) return row.error();
      if (!*row) break;
      nlohmann::json changes = nlohmann::json::parse(q->text(3), nullptr, false);
      out.push_back(Revision{q->int64(0), q->text(1), q->text(2), changes.is_discarded() ? nlohmann::json::object() : changes});
    }
    return out;
  }

  Result<std::vector<PricePoint>> price_history(std::int64_t id) override {
    if (Status s = must_exist(id); !s) return s.error();
    auto q = db_.prepare("SELECT collected_at, currency, min, max FROM price_history WHERE item_id=?1 ORDER BY rowid");
    if (!q) return q.error();
    q->bind(1, id);
    std::vector<PricePoint> out;
    for (;;) {
      auto row = q->step();
      if (!row) return row.error();
      if (!*row) break;
      out.push_back(PricePoint{q->text(0), q->text(1), q->text(2), q->text(3)});
    }
    return out;
  }

  Status each_snapshot(const std::function<Status(const Snapshot&)>& visit) override {
    // One page per query, ended before the visit: the visitor may write (save_reparsed), and a
    // read left open across it would pin an old snapshot of the box.
    std::int64_t after = 0;
    for (;;) {
      Snapshot snap;
      {
        auto q = db_.prepare(
            "SELECT item_id, url, collected_at, html_size, html_deflate FROM snapshots WHERE item_id > ?1 "
            "ORDER BY item_id LIMIT 1");
        if (!q) return q.error();
        q->bind(1, after);
        auto row = q->step();
        if (!row) return row.error();
        if (!*row) return {};
        snap.item_id = q->int64(0);
        snap.url = q->text(1);
        snap.collected_at = q->text(2);
        auto html = inflate_text(q->blob(4), q->int64(3), snap.item_id);
        if (!html) return html.error();
        snap.html = std::move(*html);
      }
      after = snap.item_id;
      if (Status s = visit(snap); !s) return s;
    }
  }

  Result<Saved> save_reparsed(std::int64_t id, const Item& item, std::string_view now) override {
    return in_write([&]() -> Result<Saved> {
      auto found = find_by_id(id);
      if (!found) return found.error();
      if (!*found) return no_item(id);
      Row& row = **found;
      Item reparsed = item;
      if (reparsed.source.dedup_key.empty()) reparsed.source.dedup_key = row.dedup_key;
      if (reparsed.source.dedup_key != row.dedup_key) {
        auto other = find_by_key(reparsed.source.dedup_key);
        if (!other) return other.error();
        if (*other)
          return make_error(ErrorCode::conflict, "re-reading item " + std::to_string(id) +
                                                     "'s page found the same product as item " +
                                                     std::to_string((*other)->id) + "; keep one of them");
        auto up = db_.prepare("UPDATE items SET dedup_key=?2 WHERE id=?1");
        if (!up) return up.error();
        up->bind(1, id).bind(2, reparsed.source.dedup_key);
        if (Status s = up->run(); !s) return s.error();
      }
      return refresh(row, reparsed, now, "reparse");
    });
  }

  Result<std::string> check_integrity() override {
    auto q = db_.prepare("PRAGMA integrity_check");
    if (!q) return q.error();
    std::string problems;
    for (;;) {
      auto row = q->step();
      if (!row) return row.error();
      if (!*row) break;
      std::string line = q->text(0);
      if (line != "ok") problems += (problems.empty() ? "" : "; ") + line;
    }
    if (problems.empty() && !db_.read_only()) {
      // PRAGMA integrity_check does not look inside FTS5 tables before SQLite 3.44.
      auto tx = Transaction::begin(db_);
      if (!tx) return tx.error();
      if (Status s = db_.exec("INSERT INTO items_fts(items_fts) VALUES('integrity-check')"); !s)
        problems = "the search index does not match the items (" + s.error().message + ")";
    }
    if (!problems.empty())
      return make_error(ErrorCode::io_error, "the box " + db_.path() + " is damaged: " + problems +
                                                 ". Restore it from a backup, or export what still reads");
    auto version = schema_version(db_);
    if (!version) return version.error();
    auto live = count();
    if (!live) return live.error();
    auto trash = db_.prepare("SELECT count(*) FROM items WHERE deleted_at IS NOT NULL");
    if (!trash) return trash.error();
    auto row = trash->step();
    if (!row) return row.error();
    return "ok: schema " + std::to_string(*version) + ", " + std::to_string(*live) + (*live == 1 ? " item" : " items") +
           " in the box, " + std::to_string(trash->int64(0)) + " in the trash";
  }

 private:
  // Runs `body` in one BEGIN IMMEDIATE transaction; anything but success rolls it back.
  template <class F>
  auto in_write(F&& body) -> decltype(body()) {
    auto tx = Transaction::begin(db_);
    if (!tx) return tx.error();
    auto r = body();
    if (!r) return r;
    if (Status s = tx->commit(); !s) return s.error();
    return r;
  }

  static Status check_collectable(const Item& item, const std::string& which) {
    if (item.source.dedup_key.empty())
      return make_error(ErrorCode::invalid_argument, which + "the item has no dedup key (no product id and no URL)");
    return {};
  }

  Result<std::optional<Row>> find_by_id(std::int64_t id) {
    auto q = db_.prepare(std::string("SELECT ") + kRowColumns + " FROM items WHERE id=?1");
    if (!q) return q.error();
    q->bind(1, id);
    auto row = q->step();
    if (!row) return row.error();
    if (!*row) return std::optional<Row>();
    return std::optional<Row>(read_row(*q));
  }

  Result<std::optional<Row>> find_by_key(const std::string& key) {
    auto q = db_.prepare(std::string("SELECT ") + kRowColumns + " FROM items WHERE dedup_key=?1");
    if (!q) return q.error();
    q->bind(1, key);
    auto row = q->step();
    if (!row) return row.error();
    if (!*row) return std::optional<Row>();
    return std::optional<Row>(read_row(*q));
  }

  Status must_exist(std::int64_t id) {
    auto row = find_by_id(id);
    if (!row) return row.error();
    if (!*row) return no_item(id);
    return {};
  }

  Result<std::vector<std::string>> tags_of(std::int64_t id) {
    auto q = db_.prepare("SELECT tag FROM tags WHERE item_id=?1 ORDER BY tag");
    if (!q) return q.error();
    q->bind(1, id);
    std::vector<std::string> tags;
    for (;;) {
      auto row = q->step();
      if (!row) return row.error();
      if (!*row) break;
      tags.push_back(q->text(0));
    }
    return tags;
  }

  Result<StoredItem> to_stored(const Row& row) {
    const OJson edits = parse_json(row.edits_json);
    auto item = item_from_json(compose_view(parse_json(row.collected_json), edits));
    if (!item)
      return make_error(ErrorCode::io_error, "item " + std::to_string(row.id) + " is damaged: " + item.error().message);
    auto tags = tags_of(row.id);
    if (!tags) return tags.error();
    StoredItem s;
    s.id = row.id;
    s.revision = row.revision;
    s.item = std::move(*item);
    s.edited_fields = edited_field_names(edits);
    s.tags = std::move(*tags);
    s.created_at = row.created_at;
    s.updated_at = row.updated_at;
    s.deleted_at = row.deleted_at;
    return s;
  }

  // Inside a write transaction.
  Result<Saved> save_one(const Item& item, std::string_view page_html, std::string_view now) {
    auto found = find_by_key(item.source.dedup_key);
    if (!found) return found.error();
    Saved saved;
    if (!*found) {
      const OJson json = item_to_json(item);
      auto ins = db_.prepare(
          "INSERT INTO items(dedup_key, platform, title, item_json, edits_json, revision, created_at, updated_at) "
          "VALUES(?1, ?2, ?3, ?4, '{}', 1, ?5, ?5)");
      if (!ins) return ins.error();
      ins->bind(1, item.source.dedup_key).bind(2, item.source.platform).bind(3, item.title).bind(4, json.dump());
      ins->bind(5, now);
      if (Status s = ins->run(); !s) return s.error();
      saved = Saved{db_.last_insert_id(), 1, Outcome::created};
      if (Status s = add_revision(saved.id, 1, now, "collect", json); !s) return s.error();
      if (Status s = refresh_item_index(db_, saved.id, item); !s) return s.error();
      if (Status s = record_price(saved.id, item, now); !s) return s.error();
    } else {
      auto r = refresh(**found, item, now, "collect");
      if (!r) return r.error();
      saved = *r;
    }
    if (!page_html.empty())
      if (Status s = save_snapshot(saved.id, item, page_html, now); !s) return s.error();
    return saved;
  }

  // A newer reading of a stored item's page (collected again, or reparsed). The seller's edits
  // stay on top; an item in the trash comes back.
  Result<Saved> refresh(const Row& row, const Item& item, std::string_view now, const char* author) {
    Saved saved{row.id, row.revision, Outcome::unchanged};
    const OJson old_collected = parse_json(row.collected_json);
    auto old_item = item_from_json(old_collected);
    const bool same = old_item && comparable(*old_item) == comparable(item);
    if (!same || !row.deleted_at.empty()) {
      const OJson edits = parse_json(row.edits_json);
      const OJson collected = item_to_json(item);
      const OJson view_json = compose_view(collected, edits);
      auto view = item_from_json(view_json);
      if (!view) return make_error(ErrorCode::internal, "composing item " + std::to_string(row.id) + ": " + view.error().message);
      saved.revision = row.revision + 1;
      saved.outcome = Outcome::updated;
      auto up = db_.prepare(
          "UPDATE items SET platform=?2, item_json=?3, revision=?4, updated_at=?5, deleted_at=NULL WHERE id=?1");
      if (!up) return up.error();
      up->bind(1, row.id).bind(2, item.source.platform).bind(3, collected.dump()).bind(4, saved.revision).bind(5, now);
      if (Status s = up->run(); !s) return s.error();
      OJson changes = changed_fields(compose_view(old_collected, edits), view_json);
      if (!row.deleted_at.empty()) changes["deletedAt"] = nullptr;
      if (Status s = add_revision(row.id, saved.revision, now, author, changes); !s) return s.error();
      if (Status s = refresh_item_index(db_, row.id, *view); !s) return s.error();
    }
    if (Status s = record_price(row.id, item, now); !s) return s.error();
    return saved;
  }

  Status set_trashed(std::int64_t id, std::string_view now, bool trashed) {
    auto r = in_write([&]() -> Result<bool> {
      auto found = find_by_id(id);
      if (!found) return found.error();
      if (!*found) return no_item(id);
      const Row& row = **found;
      if (row.deleted_at.empty() != trashed) return true;  // already where it was asked to be
      const std::int64_t revision = row.revision + 1;
      auto up = trashed ? db_.prepare("UPDATE items SET deleted_at=?2, revision=?3, updated_at=?2 WHERE id=?1")
                        : db_.prepare("UPDATE items SET deleted_at=NULL, revision=?3, updated_at=?2 WHERE id=?1");
      if (!up) return up.error();
      up->bind(1, id).bind(2, now).bind(3, revision);
      if (Status s = up->run(); !s) return s.error();
      OJson changes = OJson::object();
      if (trashed)
        changes["deletedAt"] = std::string(now);
      else
        changes["deletedAt"] = nullptr;
      if (Status s = add_revision(id, revision, now, trashed ? "delete" : "restore", changes); !s) return s.error();
      return true;
    });
    if (!r) return r.error();
    return {};
  }

  Status add_revision(std::int64_t id, std::int64_t revision, std::string_view at, std::string_view author,
                      const OJson& changes) {
    auto ins = db_.prepare("INSERT INTO revisions(item_id, revision, at, author, changes_json) VALUES(?1,?2,?3,?4,?5)");
    if (!ins) return ins.error();
    ins->bind(1, id).bind(2, revision).bind(3, at).bind(4, author).bind(5, changes.dump());
    return ins->run();
  }

  // One row per observed price, only when it differs from the last one recorded.
  Status record_price(std::int64_t id, const Item& item, std::string_view now) {
    if (!item.price) return {};
    auto last = db_.prepare("SELECT currency, min, max FROM price_history WHERE item_id=?1 ORDER BY rowid DESC LIMIT 1");
    if (!last) return last.error();
    last->bind(1, id);
    auto row = last->step();
    if (!row) return row.error();
    if (*row && last->text(0) == item.currency && last->text(1) == item.price->min && last->text(2) == item.price->max)
      return {};
    last->reset();
    auto ins = db_.prepare("INSERT INTO price_history(item_id, collected_at, currency, min, max) VALUES(?1,?2,?3,?4,?5)");
    if (!ins) return ins.error();
    ins->bind(1, id).bind(2, item.collected_at.empty() ? now : std::string_view(item.collected_at));
    ins->bind(3, item.currency).bind(4, item.price->min).bind(5, item.price->max);
    return ins->run();
  }

  Status save_snapshot(std::int64_t id, const Item& item, std::string_view html, std::string_view now) {
    auto packed = deflate_text(html);
    if (!packed) return packed.error();
    auto up = db_.prepare(
        "INSERT INTO snapshots(item_id, url, collected_at, html_size, html_deflate) VALUES(?1,?2,?3,?4,?5) "
        "ON CONFLICT(item_id) DO UPDATE SET url=excluded.url, collected_at=excluded.collected_at, "
        "html_size=excluded.html_size, html_deflate=excluded.html_deflate");
    if (!up) return up.error();
    up->bind(1, id).bind(2, item.source.url).bind(3, item.collected_at.empty() ? now : std::string_view(item.collected_at));
    up->bind(4, static_cast<std::int64_t>(html.size()));
    up->bind_blob(5, packed->data(), packed->size());
    return up->run();
  }

  Db db_;
};

// WAL lets the CLI and the hosts read while one of them writes. synchronous=NORMAL: in WAL mode
// a commit is in the operating system's hands when COMMIT returns, so it survives the process
// being killed (kill -9, a crash, Chrome ending the host); only a power loss or OS crash can
// lose the last few commits, and the file stays consistent even then. FULL would fsync every
// commit, which costs more than a seller gains for items they can collect again.
Result<Db> open_db(const std::string& path) {
  auto db = Db::open(path);
  if (!db) return db.error();
  for (const char* pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON"}) {
    // Turning on WAL needs a moment alone with the file; several hosts opening a new box at once
    // see SQLITE_BUSY here without the busy handler being asked.
    int rc = retry_while_busy([&] { return sqlite3_exec(db->raw(), pragma, nullptr, nullptr, nullptr); });
    if (rc != SQLITE_OK) return sqlite_error(db->raw(), rc, "opening the box " + path);
  }
  if (Status s = migrate(*db); !s) {
    Error e = s.error();
    if (e.message.find(path) == std::string::npos) e.message = "opening the box " + path + ": " + e.message;
    return e;
  }
  return db;
}

}  // namespace

Result<std::unique_ptr<Store>> open_sqlite_store(const std::string& path) {
  auto db = open_db(path);
  if (!db) return db.error();
  return std::unique_ptr<Store>(std::make_unique<SqliteStore>(std::move(*db)));
}

}  // namespace caiji::store
