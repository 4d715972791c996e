#pragma once
// RAII over sqlite3 handles, with errors as values. Only store/ includes this.

#include <sqlite3.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/util/result.hpp"

namespace caiji::store {

// A prepared statement. Statements come from the connection's cache: destroying one resets it
// for the next use instead of finalizing it, so a hot loop does not re-compile its SQL.
class Statement {
 public:
  Statement() = default;
  Statement(Statement&& o) noexcept;
  Statement& operator=(Statement&& o) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  Statement& bind(int i, std::string_view v);
  Statement& bind(int i, std::int64_t v);
  Statement& bind_blob(int i, const void* data, std::size_t size);
  Statement& bind_null(int i);

  // true: a row is ready; false: done. Errors carry SQLite's message.
  Result<bool> step();
  Status run();  // step until done, for statements without rows
  // Ends the current run (releasing its read snapshot) and keeps the bindings.
  void reset();

  std::int64_t int64(int col) const { return sqlite3_column_int64(s_, col); }
  std::string text(int col) const;
  std::string blob(int col) const;
  bool is_null(int col) const { return sqlite3_column_type(s_, col) == SQLITE_NULL; }

 private:
  friend class Db;
  Statement(sqlite3* db, sqlite3_stmt* s, bool* in_use) : db_(db), s_(s), in_use_(in_use) {}
  void release();

  sqlite3* db_ = nullptr;
  sqlite3_stmt* s_ = nullptr;
  bool* in_use_ = nullptr;  // the cache slot's flag; nullptr: this statement owns s_
};

class Db {
 public:
  // Opens read-write, creating the file when needed; waits up to `busy_wait_ms` for other
  // connections that hold the lock.
  static Result<Db> open(const std::string& path, int busy_wait_ms = 10000);

  Db() = default;
  Db(Db&&) noexcept = default;
  Db& operator=(Db&&) noexcept = default;
  ~Db() = default;

  Result<Statement> prepare(std::string_view sql);
  Status exec(const char* sql);  // several statements, no rows
  std::int64_t last_insert_id() const { return sqlite3_last_insert_rowid(db_.get()); }
  std::int64_t changes() const { return sqlite3_changes64(db_.get()); }
  sqlite3* raw() const { return db_.get(); }
  const std::string& path() const { return path_; }
  bool read_only() const { return sqlite3_db_readonly(db_.get(), "main") == 1; }

 private:
  struct Cached {
    std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> stmt{nullptr, &sqlite3_finalize};
    std::unique_ptr<bool> in_use = std::make_unique<bool>(false);
  };
  std::unique_ptr<sqlite3, int (*)(sqlite3*)> db_{nullptr, &sqlite3_close_v2};
  // Declared after db_ so the statements are finalized before the connection closes.
  std::unordered_map<std::string, Cached> cache_;
  std::string path_;
};

// Visits every row `select` gives, a batch at a time by rising id: `select` takes the last id
// seen as ?1 and returns the id first (`WHERE id > ?1 ORDER BY id LIMIT n`); `read` turns the
// statement's current row into a Row. A batch is read in full before `visit` runs on it, so
// visit may write to the tables the select reads (a migration filling an index from them).
template <class Row, class Read, class Visit>
Status for_each_row_by_id(Db& db, std::string_view select, Read read, Visit visit) {
  std::int64_t after = 0;
  for (;;) {
    std::vector<std::pair<std::int64_t, Row>> batch;
    {
      auto q = db.prepare(select);
      if (!q) return q.error();
      q->bind(1, after);
      for (;;) {
        auto row = q->step();
        if (!row) return row.error();
        if (!*row) break;
        batch.emplace_back(q->int64(0), read(*q));
      }
    }
    if (batch.empty()) return {};
    for (const auto& [id, row] : batch)
      if (Status s = visit(id, row); !s) return s;
    after = batch.back().first;
  }
}

// An error for SQLite result code `rc`, phrased for a seller where the cause is common.
Error sqlite_error(sqlite3* db, int rc, std::string_view doing);

// True when `rc` (or the connection's last error) means another connection held the lock.
bool is_busy(int rc);

// Runs `attempt` until it returns anything but SQLITE_BUSY, sleeping a little between tries,
// for at most `budget_ms`. See Transaction::begin for why busy_timeout alone is not enough.
int retry_while_busy(const std::function<int()>& attempt, int budget_ms = 30000);

// BEGIN IMMEDIATE … COMMIT, rolled back unless commit() succeeded.
class Transaction {
 public:
  static Result<Transaction> begin(Db& db);
  Transaction(Transaction&& o) noexcept : db_(o.db_) { o.db_ = nullptr; }
  Transaction& operator=(Transaction&&) = delete;
  ~Transaction();
  Status commit();

 private:
  explicit Transaction(Db* db) : db_(db) {}
  Db* db_;
};

}  // namespace caiji::store
