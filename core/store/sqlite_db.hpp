#pragma once
// RAII over sqlite3 handles, with errors as values. Only store/ includes this.

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/util/result.hpp"

namespace caiji::store {

class Statement {
 public:
  Statement() = default;
  Statement(sqlite3* db, sqlite3_stmt* s) : db_(db), s_(s, &sqlite3_finalize) {}

  Statement& bind(int i, std::string_view v);
  Statement& bind(int i, std::int64_t v);
  Statement& bind_blob(int i, const void* data, std::size_t size);
  Statement& bind_null(int i);

  // true: a row is ready; false: done. Errors carry SQLite's message.
  Result<bool> step();
  Status run();  // step until done, for statements without rows

  std::int64_t int64(int col) const { return sqlite3_column_int64(s_.get(), col); }
  std::string text(int col) const;
  std::string blob(int col) const;
  bool is_null(int col) const { return sqlite3_column_type(s_.get(), col) == SQLITE_NULL; }

 private:
  sqlite3* db_ = nullptr;
  std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> s_{nullptr, &sqlite3_finalize};
};

class Db {
 public:
  static Result<Db> open(const std::string& path);

  Result<Statement> prepare(std::string_view sql);
  Status exec(const char* sql);  // several statements, no rows
  std::int64_t last_insert_id() const { return sqlite3_last_insert_rowid(db_.get()); }
  sqlite3* raw() const { return db_.get(); }
  const std::string& path() const { return path_; }

 private:
  std::unique_ptr<sqlite3, int (*)(sqlite3*)> db_{nullptr, &sqlite3_close_v2};
  std::string path_;
};

// An error for SQLite result code `rc`, phrased for a seller where the cause is common.
Error sqlite_error(sqlite3* db, int rc, std::string_view doing);

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
