#pragma once
#include <memory>

#include "db/database.hpp"

namespace soci {
class connection_pool;
}

namespace steward::db {

// "postgresql://user:pass@host:port/db?options=..." as libpq keyword=value pairs. SOCI takes
// a leading "postgresql://" for its own backend-name syntax, so the URL is never passed as is.
std::string pg_conninfo(const std::string& url);

class PostgresDatabase final : public Database {
 public:
  PostgresDatabase(const std::string& url, const DbOptions& options);
  ~PostgresDatabase() override;
  Engine engine() const override { return Engine::postgresql; }
  void close() override {}

 protected:
  void run_read(const Job& job) override;
  void run_write(const Job& job) override;

 private:
  std::unique_ptr<soci::connection_pool> pool_;
};

}  // namespace steward::db
