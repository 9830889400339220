#include "app/config.hpp"

#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace steward::app {
namespace {

template <class T>
void take(const nlohmann::json& j, const char* key, T& out) {
  if (!j.contains(key)) return;
  try {
    out = j.at(key).get<T>();
  } catch (const nlohmann::json::exception&) {
    throw std::runtime_error(std::string("config: ") + key + " has the wrong type");
  }
}

}  // namespace

void load_config_file(const std::string& path, AppConfig& c) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("config: cannot read " + path);
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(in);
  } catch (const nlohmann::json::parse_error& e) {
    throw std::runtime_error("config: " + path + " is not valid JSON: " + e.what());
  }
  static const char* kKeys[] = {"db", "dataDir", "address", "port", "webRoot", "cryptoKey",
                                "sessionTtlSeconds", "dbConnections", "durable", "workers",
                                "logLevel", "uploadLimit"};
  for (const auto& [key, value] : j.items()) {
    bool known = false;
    for (const char* k : kKeys) known = known || key == k;
    if (!known) throw std::runtime_error("config: unknown key " + key);
  }
  take(j, "db", c.db);
  take(j, "dataDir", c.data_dir);
  take(j, "address", c.address);
  take(j, "port", c.port);
  take(j, "webRoot", c.web_root);
  take(j, "cryptoKey", c.crypto_key);
  take(j, "sessionTtlSeconds", c.session_ttl_seconds);
  take(j, "dbConnections", c.db_connections);
  take(j, "durable", c.durable);
  take(j, "workers", c.workers);
  take(j, "logLevel", c.log_level);
  take(j, "uploadLimit", c.upload_limit);
  if (c.upload_limit < 1024 * 1024 || c.upload_limit > 100 * 1024 * 1024)
    throw std::runtime_error("config: uploadLimit must be between 1048576 and 104857600 bytes");
}

}  // namespace steward::app
