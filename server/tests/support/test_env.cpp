#include "tests/support/test_env.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <mutex>

#include "core/crypto.hpp"
#include "db/postgres_database.hpp"
#include "http/net.hpp"
#include "modules/demo/demo.hpp"

namespace steward::testing {
namespace {

std::string pg_base_url() {
  const char* url = std::getenv("STEWARD_TEST_PG_URL");
  return url ? url : "";
}

std::string unique_name() {
  static std::atomic<int> counter{0};
  return "t" + std::to_string(::getpid()) + "_" + std::to_string(++counter) + "_" +
         core::sha256_hex(core::random_bytes(8)).substr(0, 8);
}

// The URL of another database on the test server.
std::string pg_url_of(const std::string& database) {
  const std::string base = pg_base_url();
  const auto query = base.find('?');
  const auto slash = base.rfind('/', query);
  return base.substr(0, slash + 1) + database + (query == std::string::npos ? "" : base.substr(query));
}

void pg_admin(const std::string& sql) {
  soci::session admin(*soci::factory_postgresql(), db::pg_conninfo(pg_base_url()));
  admin << sql;
}

app::AppConfig server_config(const std::string& url, const std::string& dir) {
  app::AppConfig config;
  config.db = url;
  config.data_dir = dir;
  config.port = 0;
  config.web_root = dir + "/web";
  config.crypto_key = core::base64_encode(std::string(32, 'k'));
  config.password_memory_kib = 8;
  config.password_time_cost = 1;
  config.workers = 4;
  config.log_level = "warn";  // one line per request would drown the test output
  return config;
}

// On PostgreSQL, building the demo company through the services takes about 13 s (every
// statement is a round trip), and each API suite needs one: it is built once per test process
// into a database that the suites' databases are copied from (CREATE DATABASE ... TEMPLATE).
// The copy is the same demo: built by the same code at the same pinned clock, with the same key.
const std::string& pg_demo_template() {
  static std::once_flag once;
  static std::string name;
  std::call_once(once, [] {
    const std::string candidate = "demo_" + unique_name();
    pg_admin("CREATE DATABASE " + candidate);
    const auto dir = std::filesystem::temp_directory_path() / ("steward-" + candidate);
    {
      core::FixedClock clock(kMonday1000);
      app::App app(server_config(pg_url_of(candidate), dir.string()), clock);
      demo::build_demo(app.db(), app.org(), app.users(), clock);
    }  // every connection to it closed: a template must have none
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
    name = candidate;
    std::atexit([] {
      try {
        pg_admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      } catch (...) {
      }
    });
  });
  return name;
}

}  // namespace

std::vector<std::string> engines_under_test() {
  std::vector<std::string> out{"sqlite"};
  if (!pg_base_url().empty()) out.push_back("postgresql");
  return out;
}

TestDatabase::TestDatabase(const std::string& engine, const std::string& pg_template) {
  const std::string name = unique_name();
  dir_ = (std::filesystem::temp_directory_path() / ("steward-" + name)).string();
  std::filesystem::create_directories(dir_);
  if (engine == "sqlite") {
    url_ = "sqlite:" + dir_ + "/test.db";
    return;
  }
  if (!pg_template.empty()) {
    database_ = name;
    pg_admin("CREATE DATABASE " + database_ + " TEMPLATE " + pg_template);
    url_ = pg_url_of(database_);
    return;
  }
  schema_ = name;
  pg_admin("CREATE SCHEMA " + schema_);
  const std::string base = pg_base_url();
  url_ = base + (base.find('?') == std::string::npos ? "?" : "&") +
         "options=-csearch_path%3D" + schema_;
}

TestDatabase::~TestDatabase() {
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
  if (!database_.empty()) {
    try {
      pg_admin("DROP DATABASE " + database_ + " WITH (FORCE)");
    } catch (...) {
    }
    return;
  }
  if (schema_.empty()) return;
  try {
    soci::session admin(*soci::factory_postgresql(), db::pg_conninfo(pg_base_url()));
    admin << "SET client_min_messages = warning";
    admin << "DROP SCHEMA " + schema_ + " CASCADE";
  } catch (...) {
  }
}

TestServer::TestServer(const std::string& engine, bool with_demo)
    : db_(engine, with_demo && engine != "sqlite" ? pg_demo_template() : ""), clock_(kMonday1000) {
  app_ = std::make_unique<app::App>(server_config(db_.url(), db_.dir()), clock_);
  // (On PostgreSQL the copy of the template holds the demo already.)
  if (with_demo && engine == "sqlite") demo::build_demo(app_->db(), app_->org(), app_->users(), clock_);
  port_ = app_->start();
}

TestServer::~TestServer() { app_->stop(); }

Reply TestServer::raw_request(const std::string& method, const std::string& target,
                              const std::string& body,
                              const std::map<std::string, std::string>& headers) {
  using namespace http;
  asio::io_context ioc;
  beast::tcp_stream stream(ioc);
  stream.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port_));
  bhttp::request<bhttp::string_body> req{bhttp::string_to_verb(method), target, 11};
  req.set(bhttp::field::host, "127.0.0.1");
  for (const auto& [k, v] : headers) req.set(k, v);
  req.body() = body;
  req.prepare_payload();
  bhttp::write(stream, req);
  beast::flat_buffer buffer;
  bhttp::response_parser<bhttp::string_body> parser;
  parser.body_limit(64 * 1024 * 1024);
  bhttp::read(stream, buffer, parser);
  auto& res = parser.get();
  Reply reply;
  reply.status = res.result_int();
  reply.raw = res.body();
  for (const auto& f : res) {
    std::string name(f.name_string());
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    reply.headers[name] = std::string(f.value());
  }
  reply.body = nlohmann::json::parse(reply.raw, nullptr, false);
  if (reply.body.is_discarded()) reply.body = nullptr;
  beast::error_code ec;
  stream.socket().shutdown(tcp::socket::shutdown_both, ec);
  return reply;
}

Reply TestServer::request(const std::string& method, const std::string& target,
                          const nlohmann::json& body, const std::string& token,
                          const std::map<std::string, std::string>& extra) {
  std::map<std::string, std::string> headers = extra;
  if (!token.empty()) headers["Authorization"] = "Bearer " + token;
  std::string payload;
  if (!body.is_null()) {
    payload = body.dump();
    headers.emplace("Content-Type", "application/json");
  }
  return raw_request(method, target, payload, headers);
}

std::string TestServer::login(const std::string& username, const std::string& password) {
  auto r = request("POST", "/api/v1/auth/login", {{"username", username}, {"password", password}});
  if (r.status != 200) throw std::runtime_error("login failed for " + username + ": " + r.raw);
  return r.body["token"].get<std::string>();
}

std::string TestServer::send_bytes(const std::string& bytes) {
  using namespace http;
  asio::io_context ioc;
  tcp::socket socket(ioc);
  socket.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port_));
  asio::write(socket, asio::buffer(bytes));
  socket.shutdown(tcp::socket::shutdown_send);
  std::string out;
  beast::error_code ec;
  char buf[4096];
  for (;;) {
    auto n = socket.read_some(asio::buffer(buf), ec);
    out.append(buf, n);
    if (ec) break;
  }
  return out;
}

}  // namespace steward::testing
