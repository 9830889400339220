#include "db/migrations.hpp"

#include <spdlog/spdlog.h>

namespace steward::db {

const std::vector<Migration>& migrations_for(Engine engine) {
  return engine == Engine::sqlite ? sqlite_migrations() : postgres_migrations();
}

std::vector<std::string> split_statements(std::string_view sql) {
  std::vector<std::string> out;
  std::string current;
  std::size_t pos = 0;
  while (pos < sql.size()) {
    std::size_t end = sql.find('\n', pos);
    if (end == std::string_view::npos) end = sql.size();
    std::string_view line = sql.substr(pos, end - pos);
    pos = end + 1;
    std::size_t first = line.find_first_not_of(" \t\r");
    if (first == std::string_view::npos || line.substr(first, 2) == "--") continue;
    current.append(line).push_back('\n');
    std::size_t last = line.find_last_not_of(" \t\r");
    if (line[last] == ';') {
      current.erase(current.find_last_of(';'));
      out.push_back(std::move(current));
      current.clear();
    }
  }
  if (current.find_first_not_of(" \t\r\n") != std::string::npos) out.push_back(current);
  return out;
}

int schema_version(Database& db) {
  return db.read([](Session& s) {
    return static_cast<int>(
        Query(s, "SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations").scalar());
  });
}

int migrate(Database& db, std::int64_t now) {
  db.write([](Session& s) {
    Query(s,
          "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, "
          "name TEXT NOT NULL, applied_at BIGINT NOT NULL)")
        .exec();
  });
  int applied = 0;
  for (const Migration& m : migrations_for(db.engine())) {
    bool ran = db.write([&](Session& s) {
      if (db.engine() == Engine::postgresql)
        Query(s, "SELECT 1 AS locked FROM pg_advisory_xact_lock(7241)").all();  // one migrator at a time
      auto done = Query(s, "SELECT version FROM schema_migrations WHERE version = :v")
                      .bind("v", m.version)
                      .one();
      if (done) return false;
      for (const std::string& statement : split_statements(m.sql)) Query(s, statement).exec();
      Query(s, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (:v, :n, :t)")
          .bind("v", m.version)
          .bind("n", std::string(m.name))
          .bind("t", static_cast<long long>(now))
          .exec();
      return true;
    });
    if (ran) {
      spdlog::info("applied migration {}", m.name);
      ++applied;
    }
  }
  return applied;
}

}  // namespace steward::db
