#include "db/database.hpp"

#include "db/postgres_database.hpp"
#include "db/sqlite_database.hpp"

namespace steward::db {

thread_local Session* Database::current_transaction = nullptr;

const char* engine_name(Engine engine) {
  return engine == Engine::sqlite ? "sqlite" : "postgresql";
}

std::unique_ptr<Database> Database::open(const DbOptions& options) {
  const std::string& url = options.url;
  if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0)
    return std::make_unique<PostgresDatabase>(url, options);
  std::string path = url.rfind("sqlite:", 0) == 0 ? url.substr(7) : url;
  return std::make_unique<SqliteDatabase>(path, options);
}

}  // namespace steward::db
