#pragma once
// The bench tools write rows straight through SQLite's C API: prepared statements bound by
// position, many rows per transaction. This is the fastest honest way to fill a database, and it
// is also what the "raw loop" baseline measures Steward's own write path against.
#include <sqlite3.h>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace steward::bench {

class Sqlite {
 public:
  // single_thread: the connection is used by one thread only, so SQLite's per-call mutex is
  // left out (SQLITE_OPEN_NOMUTEX); the generator's choice, not the raw loop's (its baseline
  // stays as it was measured).
  explicit Sqlite(const std::string& path, bool single_thread = false) {
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | (single_thread ? SQLITE_OPEN_NOMUTEX : 0);
    if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK)
      throw std::runtime_error("cannot open " + path + ": " + sqlite3_errmsg(db_));
  }
  ~Sqlite() { sqlite3_close(db_); }
  Sqlite(const Sqlite&) = delete;
  Sqlite& operator=(const Sqlite&) = delete;

  void exec(const std::string& sql) {
    char* error = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
      std::string message = error ? error : "unknown error";
      sqlite3_free(error);
      throw std::runtime_error(sql + ": " + message);
    }
  }
  std::int64_t scalar(const std::string& sql);
  sqlite3* handle() { return db_; }

 private:
  sqlite3* db_ = nullptr;
};

// One prepared statement; bind(...) by position, then step() runs it and resets it for the next
// row. last_id() is the rowid of the row just inserted.
class Stmt {
 public:
  Stmt(Sqlite& db, const std::string& sql) : db_(db.handle()) {
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &st_, nullptr) != SQLITE_OK)
      throw std::runtime_error(sql + ": " + sqlite3_errmsg(db_));
  }
  ~Stmt() { sqlite3_finalize(st_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  Stmt& bind(int i, std::int64_t v) {
    sqlite3_bind_int64(st_, i, v);
    return *this;
  }
  Stmt& bind(int i, std::string_view v) {
    sqlite3_bind_text(st_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
  Stmt& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
  Stmt& null(int i) {
    sqlite3_bind_null(st_, i);
    return *this;
  }
  void step() {
    const int rc = sqlite3_step(st_);
    sqlite3_reset(st_);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
      throw std::runtime_error(std::string("insert failed: ") + sqlite3_errmsg(db_));
  }
  std::int64_t last_id() const { return sqlite3_last_insert_rowid(db_); }

 private:
  sqlite3* db_;
  sqlite3_stmt* st_ = nullptr;
};

inline std::int64_t Sqlite::scalar(const std::string& sql) {
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr) != SQLITE_OK)
    throw std::runtime_error(sql + ": " + sqlite3_errmsg(db_));
  std::int64_t v = 0;
  if (sqlite3_step(st) == SQLITE_ROW) v = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  return v;
}

// The path of a "sqlite:" URL or a plain path.
inline std::string sqlite_path(const std::string& url) {
  return url.rfind("sqlite:", 0) == 0 ? url.substr(7) : url;
}

}  // namespace steward::bench
