#pragma once
// Inside db/ only: SQLite connections keep their prepared statements (query.cpp); a connection's
// statements are finalized before it closes.
#include "db/query.hpp"

namespace sqlite_api {  // SOCI's SQLite headers wrap SQLite's C API in this namespace
struct sqlite3;
}

namespace steward::db {

// The SQLite connection behind a session; nullptr for other engines.
sqlite_api::sqlite3* sqlite_handle(Session& session);

// Finalizes the statements kept for this SQLite connection (nothing for other engines).
void forget_statements(Session& session);

}  // namespace steward::db
