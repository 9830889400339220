#include "db/query.hpp"

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <algorithm>
#include <atomic>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <unordered_map>

#include "db/statement_cache.hpp"

namespace steward::db {
namespace {

Value read_value(const soci::row& r, std::size_t i) {
  if (r.get_indicator(i) == soci::i_null) return std::monostate{};
  switch (r.get_properties(i).get_data_type()) {
    case soci::dt_integer: return static_cast<long long>(r.get<int>(i));
    case soci::dt_long_long: return r.get<long long>(i);
    case soci::dt_unsigned_long_long:
      return static_cast<long long>(r.get<unsigned long long>(i));
    case soci::dt_double: return r.get<double>(i);
    case soci::dt_string: return r.get<std::string>(i);
    default: throw std::runtime_error("unsupported column type in result");
  }
}

}  // namespace

Query& Query::bind(const std::string& name, long long value) {
  params_.push_back({name, Param::integer, value, 0, {}, false});
  return *this;
}
Query& Query::bind(const std::string& name, double value) {
  params_.push_back({name, Param::real, 0, value, {}, false});
  return *this;
}
Query& Query::bind(const std::string& name, std::string value) {
  params_.push_back({name, Param::text, 0, 0, std::move(value), false});
  return *this;
}
Query& Query::bind(const std::string& name, std::optional<long long> value) {
  params_.push_back({name, Param::integer, value.value_or(0), 0, {}, !value});
  return *this;
}
Query& Query::bind(const std::string& name, std::optional<long> value) {
  if (value) return bind(name, std::optional<long long>(*value));
  return bind(name, std::optional<long long>());
}
Query& Query::bind(const std::string& name, std::optional<std::string> value) {
  params_.push_back({name, Param::text, 0, 0, value.value_or(""), !value});
  return *this;
}

Query& Query::bind(const std::string& name, const Value& value) {
  if (auto p = std::get_if<long long>(&value)) return bind(name, *p);
  if (auto p = std::get_if<double>(&value)) return bind(name, *p);
  if (auto p = std::get_if<std::string>(&value)) return bind(name, *p);
  return bind(name, std::optional<long long>());
}

namespace {
std::atomic<bool> g_observed{false};
std::mutex g_observer_mutex;
std::function<void(const std::string&)> g_observer;
}  // namespace

void observe_statements(std::function<void(const std::string& sql)> observer) {
  std::lock_guard lock(g_observer_mutex);
  g_observer = std::move(observer);
  g_observed = static_cast<bool>(g_observer);
}

// SQLite: each connection keeps its prepared statements, keyed by SQL text, and the query runs
// straight on SQLite's C API (docs/performance.md: preparing and SOCI's per-statement set-up
// were most of the write path). Values come out as SOCI gave them for declared columns (an
// INT column as an integer, a TEXT column as text) and by their stored type for expressions.
namespace {

namespace sq = sqlite_api;

// Statements worth keeping: not schema changes or pragmas, which run once.
bool cacheable(std::string_view sql) {
  while (!sql.empty() && (sql.front() == ' ' || sql.front() == '\n')) sql.remove_prefix(1);
  auto starts = [&](std::string_view word) {
    if (sql.size() < word.size()) return false;
    for (std::size_t i = 0; i < word.size(); ++i)
      if ((sql[i] & ~0x20) != word[i]) return false;
    return true;
  };
  return !(starts("CREATE") || starts("DROP") || starts("ALTER") || starts("PRAGMA"));
}

class StatementCache {
 public:
  explicit StatementCache(sq::sqlite3* db) : db_(db) {}
  ~StatementCache() {
    for (auto& [sql, e] : map_) sq::sqlite3_finalize(e.stmt);
  }
  // The statement for `sql`, prepared once; `temporary` when it must be finalized after use
  // (not cacheable, or the cached one is in use further up the stack).
  sq::sqlite3_stmt* take(const std::string& sql, bool& temporary) {
    temporary = !cacheable(sql);
    if (!temporary) {
      auto it = map_.find(sql);
      if (it != map_.end()) {
        if (!it->second.busy) {
          it->second.busy = true;
          it->second.used = ++clock_;
          return it->second.stmt;
        }
        temporary = true;
      }
    }
    sq::sqlite3_stmt* stmt = nullptr;
    const int rc = sq::sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
    if (rc != SQLITE_OK) {
      sq::sqlite3_finalize(stmt);
      throw soci::sqlite3_soci_error(std::string("sqlite3_statement_backend::prepare: ") +
                                         sq::sqlite3_errmsg(db_),
                                     rc);
    }
    if (!temporary) {
      if (map_.size() >= kLimit) evict();
      map_.emplace(sql, Entry{stmt, true, ++clock_});
    }
    return stmt;
  }
  void give_back(const std::string& sql, sq::sqlite3_stmt* stmt, bool temporary) {
    sq::sqlite3_reset(stmt);  // ends the statement's read of the database
    sq::sqlite3_clear_bindings(stmt);
    if (temporary) {
      sq::sqlite3_finalize(stmt);
      return;
    }
    if (auto it = map_.find(sql); it != map_.end() && it->second.stmt == stmt) it->second.busy = false;
  }

 private:
  struct Entry {
    sq::sqlite3_stmt* stmt;
    bool busy;
    std::uint64_t used;
  };
  static constexpr std::size_t kLimit = 512;  // SQL built with id lists must not grow it forever
  void evict() {  // the least recently used half
    std::vector<std::uint64_t> ages;
    for (auto& [sql, e] : map_) ages.push_back(e.used);
    std::nth_element(ages.begin(), ages.begin() + ages.size() / 2, ages.end());
    const std::uint64_t median = ages[ages.size() / 2];
    for (auto it = map_.begin(); it != map_.end();) {
      if (!it->second.busy && it->second.used < median) {
        sq::sqlite3_finalize(it->second.stmt);
        it = map_.erase(it);
      } else {
        ++it;
      }
    }
  }
  sq::sqlite3* db_;
  std::unordered_map<std::string, Entry> map_;
  std::uint64_t clock_ = 0;
};

// One cache per connection. A connection cannot be freed while it has statements, so a key here
// never names a different connection than the one whose statements it holds.
std::mutex g_caches_mutex;
std::unordered_map<sq::sqlite3*, std::unique_ptr<StatementCache>> g_caches;

StatementCache& cache_of(sq::sqlite3* db) {
  std::lock_guard lock(g_caches_mutex);
  auto& cache = g_caches[db];
  if (!cache) cache = std::make_unique<StatementCache>(db);
  return *cache;
}


enum class Column { natural, integer, text };

Column column_kind(sq::sqlite3_stmt* stmt, int i) {
  const char* declared = sq::sqlite3_column_decltype(stmt, i);
  if (!declared) return Column::natural;
  std::string t(declared);
  for (char& c : t) c = static_cast<char>(c & ~0x20);
  if (t.find("INT") != std::string::npos) return Column::integer;
  if (t.find("CHAR") != std::string::npos || t.find("TEXT") != std::string::npos ||
      t.find("CLOB") != std::string::npos)
    return Column::text;
  return Column::natural;
}

std::string text_of(sq::sqlite3_stmt* stmt, int i) {
  const auto* p = reinterpret_cast<const char*>(sq::sqlite3_column_text(stmt, i));
  return p ? std::string(p, static_cast<std::size_t>(sq::sqlite3_column_bytes(stmt, i))) : std::string();
}

Value sqlite_value(sq::sqlite3_stmt* stmt, int i, Column kind) {
  const int type = sq::sqlite3_column_type(stmt, i);
  if (type == SQLITE_NULL) return std::monostate{};
  if (kind == Column::integer) return static_cast<long long>(sq::sqlite3_column_int64(stmt, i));
  if (kind == Column::text) return text_of(stmt, i);
  switch (type) {
    case SQLITE_INTEGER: return static_cast<long long>(sq::sqlite3_column_int64(stmt, i));
    case SQLITE_FLOAT: return sq::sqlite3_column_double(stmt, i);
    default: return text_of(stmt, i);
  }
}

}  // namespace

sqlite_api::sqlite3* sqlite_handle(Session& session) {
  // (SOCI does not export the backend's type information, so no dynamic_cast.)
  auto* backend = session.get_backend();
  if (!backend || backend->get_backend_name() != "sqlite3") return nullptr;
  return static_cast<soci::sqlite3_session_backend*>(backend)->conn_;
}

void forget_statements(Session& session) {
  sq::sqlite3* db = sqlite_handle(session);
  if (!db) return;
  std::unique_ptr<StatementCache> cache;
  {
    std::lock_guard lock(g_caches_mutex);
    auto it = g_caches.find(db);
    if (it == g_caches.end()) return;
    cache = std::move(it->second);
    g_caches.erase(it);
  }
}

namespace {

std::vector<Row> read_rows(sq::sqlite3* db, sq::sqlite3_stmt* stmt, bool want_rows,
                           std::size_t limit) {
  std::vector<Row> rows;
  std::shared_ptr<std::vector<std::string>> columns;
  std::vector<Column> kinds;
  for (;;) {
    const int rc = sq::sqlite3_step(stmt);
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW)
      throw soci::sqlite3_soci_error(std::string("sqlite3_statement_backend::loadRS: ") +
                                         sq::sqlite3_errmsg(db),
                                     rc);
    if (!want_rows) break;  // as SOCI did: one step runs a statement without results
    const int n = sq::sqlite3_column_count(stmt);
    if (!columns) {
      columns = std::make_shared<std::vector<std::string>>();
      columns->reserve(n);
      for (int i = 0; i < n; ++i) {
        columns->push_back(sq::sqlite3_column_name(stmt, i));
        kinds.push_back(column_kind(stmt, i));
      }
    }
    std::vector<Value> values;
    values.reserve(n);
    for (int i = 0; i < n; ++i) values.push_back(sqlite_value(stmt, i, kinds[i]));
    rows.emplace_back(columns, std::move(values));
    if (rows.size() >= limit) break;
  }
  return rows;
}

}  // namespace

std::vector<Row> Query::run(bool want_rows, std::size_t limit) {
  if (g_observed) {
    std::lock_guard lock(g_observer_mutex);
    if (g_observer) g_observer(sql_);
  }
  if (auto* db = sqlite_handle(session_)) {
    StatementCache& cache = cache_of(db);
    bool temporary = false;
    sq::sqlite3_stmt* stmt = cache.take(sql_, temporary);
    struct Lease {
      StatementCache& cache;
      const std::string& sql;
      sq::sqlite3_stmt* stmt;
      bool temporary;
      ~Lease() { cache.give_back(sql, stmt, temporary); }
    } lease{cache, sql_, stmt, temporary};
    for (std::size_t k = 0; k < params_.size(); ++k) {
      const Param& p = params_[k];
      // Parameters are mostly bound in the order the SQL names them: try that place first
      // (SQLite's lookup by name compares against every parameter of the statement).
      int index = static_cast<int>(k) + 1;
      const char* at = sq::sqlite3_bind_parameter_name(stmt, index);
      if (!at || at[0] != ':' || p.name != at + 1) {
        const std::string name = ":" + p.name;
        index = sq::sqlite3_bind_parameter_index(stmt, name.c_str());
      }
      if (index == 0) throw soci::soci_error("Cannot bind (by name) to " + p.name);
      int rc;
      if (p.null)
        rc = sq::sqlite3_bind_null(stmt, index);
      else if (p.kind == Param::integer)
        rc = sq::sqlite3_bind_int64(stmt, index, p.i);
      else if (p.kind == Param::real)
        rc = sq::sqlite3_bind_double(stmt, index, p.d);
      else
        rc = sq::sqlite3_bind_text(stmt, index, p.s.data(), static_cast<int>(p.s.size()), SQLITE_STATIC);
      if (rc != SQLITE_OK)
        throw soci::sqlite3_soci_error(std::string("sqlite3 bind: ") + sq::sqlite3_errmsg(db), rc);
    }
    return read_rows(db, stmt, want_rows, limit);
  }
  // PostgreSQL: SOCI prepares and binds.
  std::vector<soci::indicator> indicators(params_.size());
  soci::row r;
  auto prep = (session_.prepare << sql_);
  if (want_rows) prep, soci::into(r);
  for (std::size_t k = 0; k < params_.size(); ++k) {
    Param& p = params_[k];
    indicators[k] = p.null ? soci::i_null : soci::i_ok;
    switch (p.kind) {
      case Param::integer: prep, soci::use(p.i, indicators[k], p.name); break;
      case Param::real: prep, soci::use(p.d, indicators[k], p.name); break;
      case Param::text: prep, soci::use(p.s, indicators[k], p.name); break;
    }
  }
  soci::statement st = prep;
  std::vector<Row> rows;
  // execute(true) also for statements without results: it is what exchanges the bound values.
  if (!st.execute(true) || !want_rows) return rows;
  std::shared_ptr<std::vector<std::string>> columns;
  do {
    if (!columns) {
      columns = std::make_shared<std::vector<std::string>>();
      for (std::size_t i = 0; i < r.size(); ++i) columns->push_back(r.get_properties(i).get_name());
    }
    std::vector<Value> values;
    values.reserve(r.size());
    for (std::size_t i = 0; i < r.size(); ++i) values.push_back(read_value(r, i));
    rows.emplace_back(columns, std::move(values));
  } while (rows.size() < limit && st.fetch());
  return rows;
}

void Query::exec() { run(false, 0); }
std::vector<Row> Query::all() { return run(true, SIZE_MAX); }

std::optional<Row> Query::one() {
  auto rows = run(true, 1);
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

long long Query::scalar() {
  auto rows = run(true, 1);
  if (rows.empty()) throw std::runtime_error("scalar query returned no row");
  return rows.front().first_i64();
}

std::string id_list(const std::vector<long long>& ids) {
  std::string out;
  for (auto id : ids) {
    if (!out.empty()) out += ", ";
    out += std::to_string(id);
  }
  return out.empty() ? "NULL" : out;
}

}  // namespace steward::db
