#pragma once
// Test support: temporary databases on every engine under test, and the real server on a free
// port driven over HTTP.
//
// Repository, service and API tests are parameterised over engines: SQLite always, PostgreSQL
// when STEWARD_TEST_PG_URL names a server (make test starts a throwaway one). Each test gets an
// empty database of its own: a fresh SQLite file, or a fresh PostgreSQL schema; a server with
// the demo company on PostgreSQL gets a copy of a database that holds it (test_env.cpp).
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app/app.hpp"
#include "core/clock.hpp"

namespace steward::testing {

std::vector<std::string> engines_under_test();  // "sqlite", and "postgresql" when configured

class TestDatabase {
 public:
  // On PostgreSQL a fresh schema, or with pg_template a copy of that database.
  explicit TestDatabase(const std::string& engine, const std::string& pg_template = "");
  ~TestDatabase();
  const std::string& url() const { return url_; }
  const std::string& dir() const { return dir_; }  // a temporary directory for this test

 private:
  std::string url_, dir_, schema_, database_;
};

struct Reply {
  unsigned status = 0;
  nlohmann::json body;  // null when the body is not JSON
  std::string raw;
  std::map<std::string, std::string> headers;  // lower-case names
};

// The real App on 127.0.0.1:<free port>, its clock pinned, its password hashing cheap.
class TestServer {
 public:
  explicit TestServer(const std::string& engine, bool with_demo = true);
  ~TestServer();

  Reply request(const std::string& method, const std::string& target,
                const nlohmann::json& body = nullptr, const std::string& token = "",
                const std::map<std::string, std::string>& headers = {});
  Reply raw_request(const std::string& method, const std::string& target, const std::string& body,
                    const std::map<std::string, std::string>& headers);
  std::string login(const std::string& username, const std::string& password = "steward-demo");
  // Sends bytes as they are and returns what comes back (for malformed HTTP).
  std::string send_bytes(const std::string& bytes);

  app::App& app() { return *app_; }
  core::FixedClock& clock() { return clock_; }
  unsigned short port() const { return port_; }

 private:
  TestDatabase db_;
  core::FixedClock clock_;
  std::unique_ptr<app::App> app_;
  unsigned short port_ = 0;
};

// 2026-11-23 10:00:00 +08:00, a Monday.
constexpr std::int64_t kMonday1000 = 1795399200;

}  // namespace steward::testing
