#include "core/store/sqlite_db.hpp"

namespace caiji::store {

Error sqlite_error(sqlite3* db, int rc, std::string_view doing) {
  std::string detail = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  int primary = rc & 0xFF;
  if (primary == SQLITE_FULL)
    return make_error(ErrorCode::io_error, std::string(doing) + ": the disk is full; nothing was changed");
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
    return make_error(ErrorCode::io_error, std::string(doing) + ": the box is busy in another program (" + detail + ")");
  if (primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT)
    return make_error(ErrorCode::io_error, std::string(doing) + ": the file is not a readable Caiji box (" + detail + ")");
  if (primary == SQLITE_CANTOPEN || primary == SQLITE_READONLY || primary == SQLITE_PERM || primary == SQLITE_IOERR)
    return make_error(ErrorCode::io_error, std::string(doing) + ": " + detail);
  return make_error(ErrorCode::internal, std::string(doing) + ": " + detail);
}

Statement& Statement::bind(int i, std::string_view v) {
  sqlite3_bind_text64(s_.get(), i, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  return *this;
}

Statement& Statement::bind(int i, std::int64_t v) {
  sqlite3_bind_int64(s_.get(), i, v);
  return *this;
}

Statement& Statement::bind_blob(int i, const void* data, std::size_t size) {
  sqlite3_bind_blob64(s_.get(), i, data, size, SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::bind_null(int i) {
  sqlite3_bind_null(s_.get(), i);
  return *this;
}

Result<bool> Statement::step() {
  int rc = sqlite3_step(s_.get());
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return sqlite_error(db_, rc, "reading or writing the box");
}

Status Statement::run() {
  for (;;) {
    auto r = step();
    if (!r) return r.error();
    if (!*r) return {};
  }
}

std::string Statement::text(int col) const {
  const unsigned char* t = sqlite3_column_text(s_.get(), col);
  return t ? std::string(reinterpret_cast<const char*>(t), static_cast<std::size_t>(sqlite3_column_bytes(s_.get(), col)))
           : std::string();
}

std::string Statement::blob(int col) const {
  const void* b = sqlite3_column_blob(s_.get(), col);
  return b ? std::string(static_cast<const char*>(b), static_cast<std::size_t>(sqlite3_column_bytes(s_.get(), col)))
           : std::string();
}

Result<Db> Db::open(const std::string& path) {
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  Db db;
  db.db_.reset(raw);
  db.path_ = path;
  if (rc != SQLITE_OK) return sqlite_error(raw, rc, "opening the box " + path);
  sqlite3_extended_result_codes(raw, 1);
  // Chrome may run several hosts at once beside the CLI: wait for each other instead of failing.
  sqlite3_busy_timeout(raw, 10000);
  return db;
}

Result<Statement> Db::prepare(std::string_view sql) {
  sqlite3_stmt* s = nullptr;
  int rc = sqlite3_prepare_v2(db_.get(), sql.data(), static_cast<int>(sql.size()), &s, nullptr);
  if (rc != SQLITE_OK) return sqlite_error(db_.get(), rc, "preparing a query");
  return Statement(db_.get(), s);
}

Status Db::exec(const char* sql) {
  char* msg = nullptr;
  int rc = sqlite3_exec(db_.get(), sql, nullptr, nullptr, &msg);
  sqlite3_free(msg);
  if (rc != SQLITE_OK) return sqlite_error(db_.get(), rc, "updating the box");
  return {};
}

Result<Transaction> Transaction::begin(Db& db) {
  if (Status s = db.exec("BEGIN IMMEDIATE"); !s) return s.error();
  return Transaction(&db);
}

Transaction::~Transaction() {
  if (db_) (void)db_->exec("ROLLBACK");
}

Status Transaction::commit() {
  Status s = db_->exec("COMMIT");
  if (s) db_ = nullptr;
  return s;
}

}  // namespace caiji::store
