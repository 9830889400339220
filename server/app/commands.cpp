#include "app/commands.hpp"

#include <spdlog/spdlog.h>
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>

#include "app/app.hpp"
#include "db/migrations.hpp"
#include "db/query.hpp"
#include "modules/auth/roles.hpp"
#include "modules/demo/demo.hpp"
#include "modules/demo/demo_orders.hpp"
#include "modules/kpi/rollups.hpp"
#include "modules/demo/demo_quality.hpp"
#include "modules/notices/demo_notices.hpp"
#include "modules/demo/demo_inspections.hpp"
#include "modules/patrols/demo_patrols.hpp"
#include "modules/work_orders/order_import.hpp"

namespace steward::app {
namespace {

const core::SystemClock kClock;

std::string read_password(const std::string& given) {
  if (!given.empty()) return given;
  std::string line;
  std::cerr << "password: ";
  std::getline(std::cin, line);
  return line;
}

std::int64_t id_by_code(App& app, const std::string& table, const std::string& code) {
  auto row = app.db().read([&](db::Session& s) {
    return db::Query(s, "SELECT id FROM " + table + " WHERE code = :c").bind("c", code).one();
  });
  if (!row) throw std::runtime_error("no " + table + " with code " + code);
  return row->i64("id");
}

core::Context system_context() { return {auth::system_actor(), "cli"}; }

}  // namespace

int print_version() {
  std::cout << "steward " << STEWARD_VERSION << "\n";
  return 0;
}

int serve_command(const AppConfig& config) {
  App app(config, kClock);
  app.run();
  return 0;
}

int migrate_command(const AppConfig& config) {
  App app(config, kClock);  // opening the app migrates
  std::cout << "schema version " << db::schema_version(app.db()) << " on "
            << db::engine_name(app.db().engine()) << "\n";
  return 0;
}

int rollups_command(const AppConfig& config) {
  App app(config, kClock);
  const auto orders = kpi::rollups::rebuild_all(app.db());
  std::cout << "roll-ups rebuilt from " << orders << " work orders\n";
  return 0;
}

namespace {

std::string csv_field(const std::string& v) {
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

int import_orders_command(const AppConfig& config, const ImportArgs& args) {
  using clock = std::chrono::steady_clock;
  std::ifstream in(args.file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + args.file);
  App app(config, kClock);
  const auto cal = app.calendar().calendar();
  work_orders::ImportOptions options;
  const auto slash = args.file.find_last_of('/');
  options.source = slash == std::string::npos ? args.file : args.file.substr(slash + 1);
  if (!args.project.empty()) options.project = args.project;
  options.batch = args.batch;
  // When each batch was committed, for the rate of the first and the last stretch of the file.
  std::vector<std::pair<std::int64_t, clock::time_point>> marks;
  options.progress = [&](std::int64_t written) {
    marks.emplace_back(written, clock::now());
    if (written > 0 && written % 100000 < args.batch) std::cerr << "  " << written << " orders written\n";
  };
  const auto start = clock::now();
  const auto report = work_orders::import_orders(app.db(), app.cipher(), *cal, in, options, kClock.now());
  const double seconds = std::chrono::duration<double>(clock::now() - start).count();
  if (!report.problems.empty()) {
    for (const auto& p : report.problems)
      std::cerr << args.file << ":" << p.line << ": " << (p.field.empty() ? "" : p.field + ": ") << p.message << "\n";
    if (report.problem_count > static_cast<std::int64_t>(report.problems.size()))
      std::cerr << "... and " << report.problem_count - static_cast<std::int64_t>(report.problems.size())
                << " more problems\n";
    if (!args.report.empty()) {
      std::ofstream out(args.report, std::ios::binary);
      out << "line,field,message\r\n";
      for (const auto& p : report.problems)
        out << p.line << "," << csv_field(p.field) << "," << csv_field(p.message) << "\r\n";
    }
    std::cerr << "nothing imported: " << report.problem_count << " problems in " << report.rows << " rows\n";
    return 1;
  }
  std::printf("imported %lld orders from %s (%lld already imported, skipped) in %.1f s: %.0f rows/s\n",
              (long long)report.imported, options.source.c_str(), (long long)report.skipped, seconds,
              report.rows / seconds);
  // The write rate over the first and the last stretch (100,000 orders, or a tenth of a smaller
  // file), at batch boundaries: whether writing slows down as the tables grow.
  if (marks.size() >= 2 && report.imported > 0) {
    const std::int64_t window = std::max<std::int64_t>(1, std::min<std::int64_t>(100000, report.imported / 10));
    auto rate = [](const auto& a, const auto& b) {
      return (b.first - a.first) / std::max(1e-9, std::chrono::duration<double>(b.second - a.second).count());
    };
    std::size_t first = 1;
    while (first + 1 < marks.size() && marks[first].first < window) ++first;
    std::size_t last = marks.size() - 2;
    while (last > 0 && marks.back().first - marks[last].first < window) --last;
    std::printf("first %lld orders: %.0f rows/s; last %lld orders: %.0f rows/s\n",
                (long long)(marks[first].first - marks[0].first), rate(marks[0], marks[first]),
                (long long)(marks.back().first - marks[last].first), rate(marks[last], marks.back()));
  }
  return 0;
}

int demo_command(const AppConfig& config) {
  App app(config, kClock);
  const auto s = demo::build_demo(app.db(), app.org(), app.users(), kClock);
  const int orders = demo::build_demo_orders(app.db(), app.cipher(), app.calendar(), kClock.now());
  const auto quality = demo::build_demo_quality(app.db(), kClock.now());
  const auto checks = demo::build_demo_inspections(app.db(), kClock.now());
  const auto rounds = patrols::build_demo_patrols(app.db(), app.patrols(), kClock.now());
  const int notice_count = notices::build_demo_notices(app.db(), kClock.now());
  std::cout << "demo company built: " << s.regions << " regions, " << s.projects << " projects, "
            << s.buildings << " buildings, " << s.units << " units, " << s.customers
            << " customers, " << s.staff << " staff, " << s.users << " logins, " << orders
            << " work orders over 90 days, " << quality.spot_checks << " spot checks, "
            << quality.campaigns << " campaigns with " << quality.tasks << " tasks, "
            << checks.inspections << " inspections with " << checks.rectifications
            << " rectifications, " << rounds.plans << " check plans with " << rounds.checks
            << " checks over a week, " << notice_count << " notices\n"
            << "logins (password steward-demo):\n";
  for (const auto& login : demo::demo_logins())
    std::cout << "  " << login.username << "\t" << login.role << "\t" << login.display_name << "\n";
  return 0;
}

// SQLite's online backup API copies a live database page by page into a consistent snapshot,
// while the server keeps writing.
int backup_command(const AppConfig& config, const std::string& out) {
  if (config.db.rfind("postgres", 0) == 0)
    throw std::runtime_error("backup copies SQLite databases; use pg_dump for PostgreSQL");
  const std::string path = config.db.rfind("sqlite:", 0) == 0 ? config.db.substr(7) : config.db;
  sqlite3 *src = nullptr, *dst = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &src, SQLITE_OPEN_READONLY, nullptr);
  if (rc == SQLITE_OK) rc = sqlite3_open(out.c_str(), &dst);
  if (rc == SQLITE_OK) {
    sqlite3_backup* b = sqlite3_backup_init(dst, "main", src, "main");
    if (!b) rc = sqlite3_errcode(dst);
    while (b) {
      rc = sqlite3_backup_step(b, 256);
      if (rc == SQLITE_DONE || (rc != SQLITE_OK && rc != SQLITE_BUSY && rc != SQLITE_LOCKED)) break;
      if (rc != SQLITE_OK) sqlite3_sleep(10);
    }
    if (b) sqlite3_backup_finish(b);
  }
  const std::string error = rc == SQLITE_DONE ? "" : sqlite3_errstr(rc);
  sqlite3_close(dst);
  sqlite3_close(src);
  if (!error.empty()) throw std::runtime_error("backup failed: " + error);
  std::cout << "backed up " << path << " to " << out << "\n";
  return 0;
}

int user_add_command(const AppConfig& config, const UserArgs& args) {
  App app(config, kClock);
  nlohmann::json body{{"username", args.username},
                      {"displayName", args.display_name.empty() ? args.username : args.display_name},
                      {"password", read_password(args.password)},
                      {"role", args.role}};
  std::vector<std::int64_t> projects;
  for (const auto& code : args.projects) projects.push_back(id_by_code(app, "project", code));
  body["projectIds"] = projects;
  if (!args.region.empty()) body["regionId"] = id_by_code(app, "region", args.region);
  auto user = app.users().create(system_context(), body);
  std::cout << "added user " << user["username"].get<std::string>() << " (id " << user["id"]
            << ")\n";
  return 0;
}

int user_passwd_command(const AppConfig& config, const UserArgs& args) {
  App app(config, kClock);
  auto row = app.db().read([&](db::Session& s) {
    return db::Query(s, "SELECT id FROM app_user WHERE username = :u").bind("u", args.username).one();
  });
  if (!row) throw std::runtime_error("no user " + args.username);
  app.users().update(system_context(), row->i64("id"),
                     {{"password", read_password(args.password)}});
  std::cout << "password set for " << args.username
            << "; their sessions have ended (a running server notices within 30 s)\n";
  return 0;
}

int user_list_command(const AppConfig& config) {
  App app(config, kClock);
  core::Params query;
  query.set("pageSize", "200");
  for (int page = 1;; ++page) {
    query.set("page", std::to_string(page));
    auto list = app.users().list(auth::system_actor(), query);
    for (const auto& u : list["items"])
      std::cout << u["username"].get<std::string>() << "\t" << u["role"].get<std::string>() << "\t"
                << u["displayName"].get<std::string>() << (u["active"].get<bool>() ? "" : "\t(inactive)")
                << "\n";
    if (page * 200 >= list["total"].get<int>()) break;
  }
  return 0;
}

}  // namespace steward::app
