#include "modules/demo/demo.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <set>
#include <unistd.h>

#include "core/crypto.hpp"
#include "core/error.hpp"
#include "core/params.hpp"
#include "db/migrations.hpp"
#include "db/query.hpp"
#include "modules/auth/roles.hpp"
#include "modules/demo/demo_internal.hpp"

namespace steward::demo {
namespace {

namespace fs = std::filesystem;
constexpr std::int64_t kNow = 1'760'000'000;

// A directory of its own, removed afterwards (also when the setup that uses it fails).
struct TempDir {
  TempDir()
      : path(fs::temp_directory_path() / ("steward-demo-test-" + std::to_string(::getpid()) +
                                          "-" + std::to_string(++serial))) {
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  static inline std::atomic<int> serial{0};
  fs::path path;
};

// A migrated SQLite database in a temporary directory, with the services.
struct DemoDb {
  DemoDb() : clock(kNow), cipher(std::string(32, 'k')) {
    db = db::Database::open({.url = "sqlite:" + (dir.path / "demo.db").string(), .durable = false});
    db::migrate(*db, kNow);
    org = std::make_unique<org::OrgModule>(*db, clock, cipher);
    users = std::make_unique<auth::UserService>(*db, clock, auth::PasswordCost{1, 8, 1});
  }
  ~DemoDb() {
    users.reset();
    org.reset();
    db->close();
  }
  DemoSummary build() { return build_demo(*db, *org, *users, clock); }
  long long count(const std::string& sql) {
    return db->read([&](db::Session& s) { return db::Query(s, sql).scalar(); });
  }
  nlohmann::json customers(int page_size) {
    return org->customers.list(auth::system_actor(),
                               core::Params({{"pageSize", std::to_string(page_size)}}));
  }

  TempDir dir;  // first: destroyed last, after the database is closed
  core::FixedClock clock;
  core::FieldCipher cipher;
  std::unique_ptr<db::Database> db;
  std::unique_ptr<org::OrgModule> org;
  std::unique_ptr<auth::UserService> users;
};

// One build shared by the tests that only read it.
class DemoBuilt : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    demo_db = new DemoDb();
    const auto start = std::chrono::steady_clock::now();
    summary = demo_db->build();
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::steady_clock::now() - start)
                        .count();
    std::printf("build_demo: %lld ms, %d units, %d customers, %d staff\n",
                static_cast<long long>(ms), summary.units, summary.customers, summary.staff);
  }
  static void TearDownTestSuite() {
    delete demo_db;
    demo_db = nullptr;
  }
  static inline DemoDb* demo_db = nullptr;
  static inline DemoSummary summary{};
};

TEST_F(DemoBuilt, CountsMatchTheSummaryAndThePlan) {
  DemoDb& d = *demo_db;
  EXPECT_EQ(summary.regions, 2);
  EXPECT_EQ(summary.projects, 3);
  EXPECT_EQ(d.count("SELECT COUNT(*) FROM region"), summary.regions);
  EXPECT_EQ(d.count("SELECT COUNT(*) FROM project"), summary.projects);
  EXPECT_EQ(d.count("SELECT COUNT(*) FROM zone"), summary.zones);
  EXPECT_EQ(d.count("SELECT COUNT(*) FROM building"), summary.buildings);
  EXPECT_EQ(d.count("SELECT COUNT(*) FROM unit"), summary.units);
  EXPECT_EQ(d.count("SELECT COUNT(*) FROM customer"), summary.customers);
  EXPECT_EQ(d.count("SELECT COUNT(*) FROM staff"), summary.staff);
  EXPECT_EQ(d.count("SELECT COUNT(*) FROM team"), summary.teams);
  EXPECT_EQ(d.count("SELECT COUNT(*) FROM app_user"), summary.users);
  EXPECT_GE(summary.units, 1800);
  EXPECT_LE(summary.units, 2200);
  const auto cshy_units = d.count(
      "SELECT COUNT(*) FROM unit u JOIN project p ON p.id = u.project_id WHERE p.code = 'CSHY'");
  EXPECT_GE(cshy_units, 850);
  EXPECT_LE(cshy_units, 950);
  EXPECT_EQ(summary.teams, 16);
}

TEST_F(DemoBuilt, CityGardenHasItsFourZonesAndEveryProjectItsStaff) {
  DemoDb& d = *demo_db;
  auto zones = d.db->read([](db::Session& s) {
    return db::Query(s,
                     "SELECT z.name FROM zone z JOIN project p ON p.id = z.project_id "
                     "WHERE p.code = 'CSHY' ORDER BY z.id")
        .all();
  });
  ASSERT_EQ(zones.size(), 4u);
  EXPECT_EQ(zones[0].str("name"), "玉兰园");
  EXPECT_EQ(zones[1].str("name"), "梅花园");
  EXPECT_EQ(zones[2].str("name"), "玫瑰园");
  EXPECT_EQ(zones[3].str("name"), "桃花园");
  for (const char* code : {"CSHY", "CHTD", "XSTY"}) {
    const auto staff = d.count(
        std::string("SELECT COUNT(*) FROM staff t JOIN project p ON p.id = t.project_id "
                    "WHERE p.code = '") + code + "'");
    EXPECT_GE(staff, 15) << code;
    EXPECT_LE(staff, 30) << code;
  }
  EXPECT_EQ(d.count("SELECT COUNT(*) FROM team WHERE leader_staff_id IS NULL"), 0);
  EXPECT_GT(d.count("SELECT COUNT(*) FROM staff WHERE employer <> ''"), 0);
  EXPECT_EQ(d.count("SELECT COUNT(DISTINCT role) FROM staff"), 8);
}

TEST_F(DemoBuilt, CustomersLookReal) {
  DemoDb& d = *demo_db;
  const auto customers = d.count("SELECT COUNT(*) FROM customer");
  const auto occupied = d.count("SELECT COUNT(*) FROM unit WHERE vacant = 0");
  EXPECT_EQ(d.count("SELECT COUNT(*) FROM customer WHERE kind = 'owner'"), occupied);
  EXPECT_GT(d.count("SELECT COUNT(*) FROM unit WHERE vacant = 1"), 0);
  EXPECT_GT(d.count("SELECT COUNT(*) FROM customer WHERE key_customer = 1 AND note <> ''"), 0);
  EXPECT_GT(customers, occupied);
  // Every mobile number is unique, over customers and staff alike.
  std::set<std::string> phones;
  for (int page = 1; page <= (customers + 199) / 200; ++page) {
    auto list = d.org->customers.list(
        auth::system_actor(), core::Params({{"pageSize", "200"}, {"page", std::to_string(page)}}));
    for (const auto& c : list["items"]) {
      const auto phone = c["phone"].get<std::string>();
      EXPECT_EQ(phone.size(), 11u);
      EXPECT_EQ(phone[0], '1');
      EXPECT_TRUE(phones.insert(phone).second) << phone;
      const auto id = c["idNumber"].get<std::string>();
      if (!id.empty()) {
        ASSERT_EQ(id.size(), 18u);
        EXPECT_EQ(id.back(), detail::id_check_character(id.substr(0, 17))) << id;
      }
    }
  }
  EXPECT_EQ(static_cast<long long>(phones.size()), customers);
  d.db->read([&](db::Session& s) {
    for (const auto& row : db::Query(s, "SELECT phone FROM staff").all())
      EXPECT_TRUE(phones.insert(row.str("phone")).second) << row.str("phone");
  });
}

TEST_F(DemoBuilt, EveryRoleHasALinkedLogin) {
  DemoDb& d = *demo_db;
  std::set<std::string> roles;
  for (const auto& login : demo_logins()) roles.insert(login.role);
  for (const auto& code : auth::role_codes(true)) EXPECT_TRUE(roles.count(code)) << code;
  EXPECT_EQ(d.count("SELECT COUNT(*) FROM app_user"), static_cast<long long>(demo_logins().size()));
  EXPECT_EQ(d.count("SELECT COUNT(*) FROM app_user WHERE username = 'admin' AND role = 'admin'"), 1);
  // Staff logins point at a staff record of 城市花园 with the same name and role.
  EXPECT_EQ(d.count("SELECT COUNT(*) FROM app_user u JOIN staff s ON s.id = u.staff_id "
                    "JOIN project p ON p.id = s.project_id WHERE p.code = 'CSHY' "
                    "AND s.name = u.display_name AND s.role = u.role"),
            8);
  EXPECT_EQ(d.count("SELECT COUNT(*) FROM app_user u JOIN customer c ON c.id = u.customer_id "
                    "WHERE u.username = 'owner' AND c.kind = 'owner' AND c.name = u.display_name"),
            1);
  EXPECT_EQ(d.count("SELECT COUNT(*) FROM app_user u JOIN region r ON r.id = u.region_id "
                    "WHERE u.username = 'region' AND r.code = 'EAST'"),
            1);
}

TEST_F(DemoBuilt, ASecondBuildIsRefusedAndChangesNothing) {
  DemoDb& d = *demo_db;
  const auto units = d.count("SELECT COUNT(*) FROM unit");
  try {
    d.build();
    FAIL() << "a second build_demo succeeded";
  } catch (const core::AppError& e) {
    EXPECT_EQ(e.kind(), core::ErrorKind::conflict);
    EXPECT_EQ(e.code(), "demo.not_empty");
  }
  EXPECT_EQ(d.count("SELECT COUNT(*) FROM unit"), units);
}

TEST(DemoDeterminism, TwoBuildsGiveTheSameCustomers) {
  DemoDb a, b;
  a.build();
  b.build();
  const auto first = a.customers(200), second = b.customers(200);
  ASSERT_EQ(first["items"].size(), 200u);
  EXPECT_EQ(first["items"][0]["name"], second["items"][0]["name"]);
  for (std::size_t i = 0; i < 200; ++i) {
    EXPECT_EQ(first["items"][i]["name"], second["items"][i]["name"]) << i;
    EXPECT_EQ(first["items"][i]["phone"], second["items"][i]["phone"]) << i;
    EXPECT_EQ(first["items"][i]["idNumber"], second["items"][i]["idNumber"]) << i;
  }
}

TEST(DemoIdNumber, CheckCharacterFollowsGb11643) {
  // The example of GB 11643-1999.
  EXPECT_EQ(detail::id_check_character("11010519491231002"), 'X');
  EXPECT_EQ(detail::id_check_character("44052418800101001"), '4');
}

}  // namespace
}  // namespace steward::demo
