#pragma once
// Numbered SQL migrations, one folder per dialect (server/migrations/{sqlite,postgres}), embedded
// in the binary at build time by cmake/embed_sql.cmake. A released migration is never edited.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "db/database.hpp"

namespace steward::db {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

const std::vector<Migration>& sqlite_migrations();
const std::vector<Migration>& postgres_migrations();
const std::vector<Migration>& migrations_for(Engine engine);

// Applies the migrations not yet applied, each in its own transaction. Returns how many ran.
int migrate(Database& db, std::int64_t now);
// The highest applied version, 0 for an empty database.
int schema_version(Database& db);
// A migration file split into statements (separated by ';' at the end of a line).
std::vector<std::string> split_statements(std::string_view sql);

}  // namespace steward::db
