// The command-line tools a system administrator uses: backup, user add and passwd.
#include "app/commands.hpp"

#include <gtest/gtest.h>

#include "app/app.hpp"
#include "db/query.hpp"
#include "modules/auth/auth_service.hpp"
#include "modules/demo/demo.hpp"
#include "tests/support/test_env.hpp"

namespace steward::app {
namespace {

AppConfig config_for(const testing::TestDatabase& db) {
  AppConfig c;
  c.db = db.url();
  c.data_dir = db.dir();
  c.password_memory_kib = 8;
  c.password_time_cost = 1;
  c.log_level = "warn";
  return c;
}

long long count_units(const std::string& url) {
  auto db = db::Database::open({.url = url});
  return db->read([](db::Session& s) { return db::Query(s, "SELECT COUNT(*) FROM unit").scalar(); });
}

TEST(BackupCommand, CopiesALiveDatabaseWhileItIsOpen) {
  testing::TestDatabase db("sqlite");
  const core::FixedClock clock(testing::kMonday1000);
  App app(config_for(db), clock);  // the live server's database stays open during the backup
  demo::build_demo(app.db(), app.org(), app.users(), clock);
  const std::string out = db.dir() + "/backup.db";
  ASSERT_EQ(backup_command(config_for(db), out), 0);
  EXPECT_EQ(count_units("sqlite:" + out), 1958);
}

TEST(BackupCommand, RefusesPostgreSQL) {
  AppConfig c;
  c.db = "postgresql://nobody@127.0.0.1:1/none";
  EXPECT_THROW(backup_command(c, "/tmp/x.db"), std::runtime_error);
}

TEST(UserCommands, AddThenPasswdLetsTheUserLogInWithTheNewPasswordOnly) {
  testing::TestDatabase db("sqlite");
  const AppConfig config = config_for(db);
  {
    const core::FixedClock clock(testing::kMonday1000);
    App app(config, clock);
    demo::build_demo(app.db(), app.org(), app.users(), clock);
  }
  UserArgs args{.username = "liming", .display_name = "李明", .role = "front_desk",
                .password = "first-password", .projects = {"CSHY"}};
  ASSERT_EQ(user_add_command(config, args), 0);
  args.password = "second-password";
  ASSERT_EQ(user_passwd_command(config, args), 0);

  const core::FixedClock clock(testing::kMonday1000);
  App app(config, clock);
  auto login = [&](const std::string& password) {
    return nlohmann::json{{"username", "liming"}, {"password", password}};
  };
  EXPECT_THROW(app.auth().login(login("first-password"), "127.0.0.1", "t"), core::AppError);
  auto result = app.auth().login(login("second-password"), "127.0.0.1", "t");
  EXPECT_EQ(result.me["role"], "front_desk");
  ASSERT_EQ(result.me["projects"].size(), 1u);
  EXPECT_EQ(result.me["projects"][0]["code"], "CSHY");
}

TEST(UserCommands, AddRefusesAnUnknownProjectCode) {
  testing::TestDatabase db("sqlite");
  UserArgs args{.username = "liming", .role = "front_desk", .password = "long-enough",
                .projects = {"NOPE"}};
  EXPECT_THROW(user_add_command(config_for(db), args), std::runtime_error);
}

}  // namespace
}  // namespace steward::app
