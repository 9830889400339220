#pragma once
// Inside db/ only: SQLite connections keep their prepared statements (query.cpp); a connection's
// statements are finalized before it closes.
#include "db/query.hpp"

namespace steward::db {

// Finalizes the statements kept for this SQLite connection (nothing for other engines).
void forget_statements(Session& session);

}  // namespace steward::db
