#include "db/postgres_database.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

namespace steward::db {
namespace {

// A pooled connection the server lost (PostgreSQL restarted) is reopened before use.
void ensure_connected(Session& s) {
  if (!s.is_connected()) s.reconnect();
}

}  // namespace

PostgresDatabase::PostgresDatabase(const std::string& url, const DbOptions& options) {
  pool_ = std::make_unique<soci::connection_pool>(options.readers);
  for (int i = 0; i < options.readers; ++i) {
    Session& s = pool_->at(i);
    s.open(*soci::factory_postgresql(), url);
    s << "SET statement_timeout = 30000";
  }
}

PostgresDatabase::~PostgresDatabase() = default;

void PostgresDatabase::run_read(const Job& job) {
  if (current_transaction) return job(*current_transaction);
  Session s(*pool_);
  ensure_connected(s);
  job(s);
}

void PostgresDatabase::run_write(const Job& job) {
  if (current_transaction) return job(*current_transaction);
  Session s(*pool_);
  ensure_connected(s);
  soci::transaction tx(s);
  current_transaction = &s;
  try {
    job(s);
  } catch (...) {
    current_transaction = nullptr;
    throw;  // the transaction's destructor rolls back
  }
  current_transaction = nullptr;
  tx.commit();
}

}  // namespace steward::db
