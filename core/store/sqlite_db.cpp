#include "core/store/sqlite_db.hpp"

#include <cerrno>
#include <chrono>
#include <thread>

namespace caiji::store {

namespace {

bool disk_full(sqlite3* db, int rc) {
  if ((rc & 0xFF) == SQLITE_FULL) return true;
  // SQLite reports a write cut short by a full disk as SQLITE_FULL, but a write refused outright
  // (ENOSPC on some file systems, EDQUOT, EFBIG past the file-size limit) as SQLITE_IOERR_WRITE,
  // and by then the system's errno is often gone. Either way the seller's remedy is space.
  if (rc == SQLITE_IOERR_WRITE) return true;
  if ((rc & 0xFF) != SQLITE_IOERR || !db) return false;
  int e = sqlite3_system_errno(db);
  return e == ENOSPC || e == EFBIG || e == EDQUOT;
}

}  // namespace

Error sqlite_error(sqlite3* db, int rc, std::string_view doing) {
  std::string detail = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  std::string what(doing);
  int primary = rc & 0xFF;
  if (disk_full(db, rc))
    return make_error(ErrorCode::io_error,
                      what + ": the disk is full or refused the write; nothing was changed. Free some disk "
                             "space and try again");
  if (primary == SQLITE_READONLY)
    return make_error(ErrorCode::io_error, what + ": the box file is read-only, so nothing was changed. Check the "
                                                  "permissions of the file and its folder (" + detail + ")");
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
    return make_error(ErrorCode::io_error, what + ": the box is busy in another program (" + detail + ")");
  if (primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT)
    return make_error(ErrorCode::io_error, what + ": the file is not a readable Caiji box (" + detail + ")");
  if (primary == SQLITE_CANTOPEN)
    return make_error(ErrorCode::io_error,
                      what + ": the file cannot be opened; check that its folder exists and that Caiji may write "
                             "there (" + detail + ")");
  if (primary == SQLITE_PERM || primary == SQLITE_IOERR)
    return make_error(ErrorCode::io_error, what + ": " + detail);
  return make_error(ErrorCode::internal, what + ": " + detail);
}

bool is_busy(int rc) { return (rc & 0xFF) == SQLITE_BUSY || (rc & 0xFF) == SQLITE_LOCKED; }

int retry_while_busy(const std::function<int()>& attempt, int budget_ms) {
  using Clock = std::chrono::steady_clock;
  const auto deadline = Clock::now() + std::chrono::milliseconds(budget_ms);
  for (int n = 0;; ++n) {
    int rc = attempt();
    if (!is_busy(rc) || Clock::now() >= deadline) return rc;
    // Short at first (the other writer usually needs a millisecond), then at most 50 ms.
    std::this_thread::sleep_for(std::chrono::milliseconds(n < 6 ? 1 << n : 50));
  }
}

Statement::Statement(Statement&& o) noexcept : db_(o.db_), s_(o.s_), in_use_(o.in_use_) {
  o.s_ = nullptr;
  o.in_use_ = nullptr;
}

Statement& Statement::operator=(Statement&& o) noexcept {
  if (this != &o) {
    release();
    db_ = o.db_;
    s_ = o.s_;
    in_use_ = o.in_use_;
    o.s_ = nullptr;
    o.in_use_ = nullptr;
  }
  return *this;
}

Statement::~Statement() { release(); }

void Statement::release() {
  if (!s_) return;
  if (in_use_) {
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
    *in_use_ = false;
  } else {
    sqlite3_finalize(s_);
  }
  s_ = nullptr;
  in_use_ = nullptr;
}

void Statement::reset() { sqlite3_reset(s_); }

Statement& Statement::bind(int i, std::string_view v) {
  sqlite3_bind_text64(s_, i, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  return *this;
}

Statement& Statement::bind(int i, std::int64_t v) {
  sqlite3_bind_int64(s_, i, v);
  return *this;
}

Statement& Statement::bind_blob(int i, const void* data, std::size_t size) {
  sqlite3_bind_blob64(s_, i, data, size, SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::bind_null(int i) {
  sqlite3_bind_null(s_, i);
  return *this;
}

Result<bool> Statement::step() {
  int rc = sqlite3_step(s_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  Error e = sqlite_error(db_, rc, "reading or writing the box");
  sqlite3_reset(s_);
  return e;
}

Status Statement::run() {
  for (;;) {
    auto r = step();
    if (!r) return r.error();
    if (!*r) return {};
  }
}

std::string Statement::text(int col) const {
  const unsigned char* t = sqlite3_column_text(s_, col);
  return t ? std::string(reinterpret_cast<const char*>(t), static_cast<std::size_t>(sqlite3_column_bytes(s_, col)))
           : std::string();
}

std::string Statement::blob(int col) const {
  const void* b = sqlite3_column_blob(s_, col);
  return b ? std::string(static_cast<const char*>(b), static_cast<std::size_t>(sqlite3_column_bytes(s_, col)))
           : std::string();
}

Result<Db> Db::open(const std::string& path, int busy_wait_ms) {
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  Db db;
  db.db_.reset(raw);
  db.path_ = path;
  if (rc != SQLITE_OK) return sqlite_error(raw, rc, "opening the box " + path);
  sqlite3_extended_result_codes(raw, 1);
  // Chrome may run several hosts at once beside the CLI: wait for each other instead of failing.
  sqlite3_busy_timeout(raw, busy_wait_ms);
  return db;
}

Result<Statement> Db::prepare(std::string_view sql) {
  auto [it, fresh] = cache_.try_emplace(std::string(sql));
  Cached& slot = it->second;
  if (!fresh && slot.stmt && !*slot.in_use) {
    *slot.in_use = true;
    return Statement(db_.get(), slot.stmt.get(), slot.in_use.get());
  }
  sqlite3_stmt* s = nullptr;
  int rc = sqlite3_prepare_v2(db_.get(), sql.data(), static_cast<int>(sql.size()), &s, nullptr);
  if (rc != SQLITE_OK) {
    if (fresh) cache_.erase(it);
    return sqlite_error(db_.get(), rc, "preparing a query");
  }
  if (fresh) {
    slot.stmt.reset(s);
    *slot.in_use = true;
    return Statement(db_.get(), s, slot.in_use.get());
  }
  // The cached one is busy (the same query nested inside its own loop): use a private copy.
  return Statement(db_.get(), s, nullptr);
}

Status Db::exec(const char* sql) {
  char* msg = nullptr;
  int rc = sqlite3_exec(db_.get(), sql, nullptr, nullptr, &msg);
  sqlite3_free(msg);
  if (rc != SQLITE_OK) return sqlite_error(db_.get(), rc, "updating the box");
  return {};
}

Result<Transaction> Transaction::begin(Db& db) {
  // busy_timeout makes BEGIN IMMEDIATE wait for another writer, but SQLite returns SQLITE_BUSY
  // at once, without calling the busy handler, where waiting could deadlock or while another
  // process recovers the WAL after a crash (SQLITE_BUSY_RECOVERY), and a long queue of hosts can
  // outlast the timeout. Nothing has happened yet when BEGIN fails, so trying again is safe.
  int rc = retry_while_busy([&] { return sqlite3_exec(db.raw(), "BEGIN IMMEDIATE", nullptr, nullptr, nullptr); });
  if (rc != SQLITE_OK) return sqlite_error(db.raw(), rc, "starting to write to the box");
  return Transaction(&db);
}

Transaction::~Transaction() {
  if (db_ && !sqlite3_get_autocommit(db_->raw())) (void)db_->exec("ROLLBACK");
}

Status Transaction::commit() {
  Status s = db_->exec("COMMIT");
  if (s) db_ = nullptr;
  return s;
}

}  // namespace caiji::store
