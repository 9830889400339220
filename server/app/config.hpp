#pragma once
// Every setting in one place. Defaults suit `make run`; a JSON file (--config) overrides them and
// command-line flags override the file. docs/configuration.md lists each key.
#include <cstdint>
#include <string>

namespace steward::app {

struct AppConfig {
  std::string db = "sqlite:data/steward.db";  // or postgresql://user:pass@host/dbname
  std::string data_dir = "data";              // key file, backups, uploaded photos
  std::string address = "127.0.0.1";
  int port = 8080;
  std::string web_root = "web/dist";
  std::string crypto_key;                     // base64 of 32 bytes; empty: <data_dir>/steward.key
  std::int64_t session_ttl_seconds = 12 * 3600;
  int db_connections = 4;                     // SQLite readers / PostgreSQL pool
  bool durable = true;                        // SQLite synchronous=FULL
  int workers = 0;                            // request handler threads; 0: automatic
  std::int64_t upload_limit = 10 * 1024 * 1024;  // bytes of one photo upload
  std::string log_level = "info";
  // argon2id cost; lowered only by tests
  std::uint32_t password_memory_kib = 19456;
  std::uint32_t password_time_cost = 2;
};

// Reads a JSON config file over the defaults; throws std::runtime_error naming the bad key.
void load_config_file(const std::string& path, AppConfig& config);

}  // namespace steward::app
