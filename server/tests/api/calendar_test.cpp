// The working-day calendar over HTTP (DOMAIN W4): the shipped official calendar, replacing a year,
// who may do it, refusal of bad entries, and the service's calendar following the change.
#include <gtest/gtest.h>

#include <atomic>

#include "core/time.hpp"
#include "tests/support/test_env.hpp"

namespace steward::testing {
namespace {

class CalendarApi : public ::testing::TestWithParam<std::string> {
 protected:
  static void TearDownTestSuite() {
    tokens().clear();
    servers().clear();
  }
  static std::map<std::string, std::unique_ptr<TestServer>>& servers() {
    static std::map<std::string, std::unique_ptr<TestServer>> s;
    return s;
  }
  static std::map<std::string, std::string>& tokens() {
    static std::map<std::string, std::string> t;
    return t;
  }
  TestServer& server() {
    auto& s = servers()[GetParam()];
    if (!s) s = std::make_unique<TestServer>(GetParam(), true);
    return *s;
  }
  Reply call(const std::string& user, const std::string& method, const std::string& target,
             const nlohmann::json& body = nullptr) {
    auto& token = tokens()[GetParam() + "/" + user];
    if (token.empty()) token = server().login(user);
    return server().request(method, target, body, token);
  }
  calendar::Date date(const char* text) { return *calendar::parse_date(text); }
};

const nlohmann::json k2027 = {
    {"days",
     {{{"date", "2027-01-01"}, {"working", false}, {"note", "元旦"}},
      {{"date", "2027-02-06"}, {"working", true}, {"note", "调休上班"}},
      {{"date", "2027-02-08"}, {"working", false}, {"note", "春节"}}}}};

TEST_P(CalendarApi, ShipsTheOfficial2026Calendar) {
  auto r = call("pm", "GET", "/api/v1/calendar/2026");
  ASSERT_EQ(r.status, 200u) << r.raw;
  EXPECT_EQ(r.body["year"], 2026);
  // 19 weekdays off and 6 weekend days worked; 2026 has 104 weekend days.
  EXPECT_EQ(r.body["days"].size(), 25u);
  EXPECT_EQ(r.body["workingDays"], 365 - 104 - 19 + 6);
  EXPECT_EQ(r.body["days"][0],
            nlohmann::json({{"date", "2026-01-01"}, {"working", false}, {"note", "元旦"}}));
  EXPECT_EQ(r.body["days"].back(),
            nlohmann::json({{"date", "2026-10-10"}, {"working", true}, {"note", "调休上班"}}));
  auto r2025 = call("pm", "GET", "/api/v1/calendar/2025");
  EXPECT_EQ(r2025.body["days"].size(), 23u);
  EXPECT_EQ(r2025.body["workingDays"], 365 - 104 - 18 + 5);
}

TEST_P(CalendarApi, TheShippedCalendarGivesTheIssuesDeadlines) {
  const auto cal = server().app().calendar().calendar();
  const calendar::WorkingHours hours{9 * 60, 18 * 60, 8 * 3600};
  auto due = [&](const char* start, int days) {
    return core::format_iso8601(cal->add_working_days(*core::parse_iso8601(start), days, hours));
  };
  EXPECT_EQ(due("2026-09-30T17:00:00+08:00", 2), "2026-10-09T17:00:00+08:00");
  EXPECT_EQ(due("2026-10-09T17:30:00+08:00", 1), "2026-10-10T17:30:00+08:00");
  EXPECT_EQ(due("2026-10-11T08:00:00+08:00", 1), "2026-10-12T18:00:00+08:00");
  EXPECT_EQ(due("2026-02-13T17:00:00+08:00", 1), "2026-02-14T17:00:00+08:00");
}

TEST_P(CalendarApi, AdministratorReplacesAYearWithAnAuditRow) {
  auto told = std::make_shared<std::atomic<int>>(0);  // outlives this test: the server is shared
  server().app().calendar().on_change([told] { ++*told; });
  const auto before = server().app().calendar().calendar();
  auto put = call("admin", "PUT", "/api/v1/calendar/2027", k2027);
  ASSERT_EQ(put.status, 200u) << put.raw;
  EXPECT_EQ(put.body["days"], k2027["days"]);
  EXPECT_EQ(told->load(), 1);
  auto get = call("pm", "GET", "/api/v1/calendar/2027");
  EXPECT_EQ(get.body["days"], k2027["days"]);
  EXPECT_EQ(get.body["workingDays"], 261 - 2 + 1);  // 2027: 365 days, 104 weekend days
  auto audit = call("admin", "GET", "/api/v1/audit?entity=calendar_year&id=2027");
  ASSERT_EQ(audit.status, 200u) << audit.raw;
  ASSERT_EQ(audit.body["total"], 1);
  EXPECT_EQ(audit.body["items"][0]["before"], nlohmann::json::array());
  EXPECT_EQ(audit.body["items"][0]["after"], k2027["days"]);
  EXPECT_EQ(audit.body["items"][0]["actorUsername"], "admin");

  const auto after = server().app().calendar().calendar();
  EXPECT_TRUE(before->is_working_day(date("2027-01-01")));
  EXPECT_FALSE(after->is_working_day(date("2027-01-01")));
  EXPECT_TRUE(after->is_working_day(date("2027-02-06")));
  EXPECT_FALSE(after->is_working_day(date("2026-10-01")));  // other years untouched

  // The same calendar again changes nothing: no second audit row, nobody told.
  EXPECT_EQ(call("admin", "PUT", "/api/v1/calendar/2027", k2027).status, 200u);
  EXPECT_EQ(call("admin", "GET", "/api/v1/audit?entity=calendar_year&id=2027").body["total"], 1);
  EXPECT_EQ(told->load(), 1);
}

TEST_P(CalendarApi, OnlyTheCalendarManagerMayReplace) {
  auto r = call("pm", "PUT", "/api/v1/calendar/2026", {{"days", nlohmann::json::array()}});
  EXPECT_EQ(r.status, 403u) << r.raw;
  EXPECT_EQ(r.body["details"]["permission"], "calendar.manage");
  EXPECT_EQ(call("pm", "GET", "/api/v1/calendar/2026").body["days"].size(), 25u);
  EXPECT_EQ(server().request("GET", "/api/v1/calendar/2026").status, 401u);
}

TEST_P(CalendarApi, RefusesBadEntriesAndChangesNothing) {
  const auto stored = call("admin", "GET", "/api/v1/calendar/2026").body;
  auto day = [](const char* d, bool working, const char* note) {
    return nlohmann::json{{"date", d}, {"working", working}, {"note", note}};
  };
  const nlohmann::json body = {
      {"days",
       {day("2026-01-01", false, "元旦"),
        day("2026-01-05", true, "周一"),                // a weekday worked: pointless
        day("2026-01-10", false, "周六"),               // a weekend off: pointless
        day("2027-01-01", false, "元旦"),               // another year
        day("2026-01-01", false, "元旦"),               // twice
        day("2026-02-30", false, "x"),                  // no such date
        day("2026-03-02", false, "这个备注写得实在是太长了超过了二十个字符限制"),
        {{"date", "2026-03-03"}, {"working", "no"}, {"note", "x"}},
        {{"date", "2026-03-04"}, {"working", false}, {"note", "x"}, {"extra", 1}},
        42}}};
  auto r = call("admin", "PUT", "/api/v1/calendar/2026", body);
  ASSERT_EQ(r.status, 400u) << r.raw;
  EXPECT_EQ(r.body["code"], "validation.failed");
  const auto& d = r.body["details"];
  for (const char* key : {"days[1]", "days[2]", "days[3].date", "days[4].date", "days[5].date",
                          "days[6].note", "days[7].working", "days[8].extra", "days[9]"})
    EXPECT_TRUE(d.contains(key)) << key << " in " << d.dump();
  EXPECT_FALSE(d.contains("days[0]"));
  EXPECT_EQ(d.size(), 9u) << d.dump();
  EXPECT_EQ(call("admin", "GET", "/api/v1/calendar/2026").body, stored);
  EXPECT_FALSE(server().app().calendar().calendar()->is_working_day(date("2026-10-01")));
}

TEST_P(CalendarApi, RefusesBadBodiesAndYears) {
  auto put = [&](const std::string& year, const nlohmann::json& body) {
    return call("admin", "PUT", "/api/v1/calendar/" + year, body);
  };
  EXPECT_EQ(put("2026", nlohmann::json::object()).body["details"].count("days"), 1u);
  EXPECT_EQ(put("2026", {{"days", "2026-01-01"}}).status, 400u);
  EXPECT_EQ(put("2026", {{"days", nlohmann::json::array()}, {"year", 2026}}).body["details"]
                .count("year"),
            1u);
  nlohmann::json many = {{"days", nlohmann::json::array()}};
  for (int i = 0; i < 367; ++i) many["days"].push_back({{"date", "2026-01-01"}});
  EXPECT_EQ(put("2026", many).body["details"].count("days"), 1u);
  for (const char* year : {"1999", "2101", "abcd", "20266", "-200"}) {
    auto r = call("pm", "GET", std::string("/api/v1/calendar/") + year);
    EXPECT_EQ(r.status, 400u) << year << ": " << r.raw;
    EXPECT_EQ(r.body["details"].count("year"), 1u) << year;
  }
  EXPECT_EQ(put("2101", k2027).status, 400u);
  EXPECT_EQ(call("pm", "GET", "/api/v1/calendar/2100").body["workingDays"], 261);
}

INSTANTIATE_TEST_SUITE_P(Engines, CalendarApi, ::testing::ValuesIn(engines_under_test()));

}  // namespace
}  // namespace steward::testing
