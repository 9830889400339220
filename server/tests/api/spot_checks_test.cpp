// Staff spot checks and the monthly front-desk score through the API (DOMAIN I7). The arithmetic
// of MonthlyScore... is the worked example of docs/inspections.md ("Spot checks").
#include "exports/xlsx_reader.hpp"
#include "tests/api/api_suite.hpp"

namespace steward::testing {
namespace {

class SpotChecks : public ApiSuite<SpotChecks> {
 protected:
  // The kind's rubric as GET /spot-check-kinds gives it.
  nlohmann::json kind(const std::string& code) {
    const nlohmann::json list = act("quality", "GET", "/api/v1/spot-check-kinds").body;
    for (const auto& k : list["items"])
      if (k["code"] == code) return k;
    ADD_FAILURE() << "no kind " << code;
    return nlohmann::json::object();
  }
  std::int64_t item(const std::string& kind_code, const std::string& item_code) {
    const auto k = kind(kind_code);
    for (const auto& s : k["rubric"]["sections"])
      for (const auto& i : s["items"])
        if (i["code"] == item_code) return i["id"].get<std::int64_t>();
    ADD_FAILURE() << "no item " << item_code;
    return 0;
  }
  // The active staff of a project in a role, by id order.
  std::vector<nlohmann::json> staff(const std::string& project, const std::string& role) {
    std::vector<nlohmann::json> out;
    const nlohmann::json list =
        act("admin", "GET", "/api/v1/staff?pageSize=200&projectId=" + std::to_string(pid(project))).body;
    for (const auto& s : list["items"])
      if (s["role"] == role) out.push_back(s);
    return out;
  }
  std::int64_t staff_id(const std::string& project, const std::string& role, std::size_t n = 0) {
    auto list = staff(project, role);
    EXPECT_GT(list.size(), n) << project << " " << role;
    return list.size() > n ? list[n]["id"].get<std::int64_t>() : 0;
  }
  // Records a check failing the given items (all spot-check items are pass or fail).
  Reply check(const std::string& user, std::int64_t person, const std::string& kind_code,
              const std::vector<std::string>& failed, const std::string& checked_at = "") {
    nlohmann::json deductions = nlohmann::json::array();
    for (const auto& code : failed)
      deductions.push_back({{"itemId", item(kind_code, code)}, {"failed", true}, {"note", "抽查发现"}});
    nlohmann::json body = {{"staffId", person}, {"kind", kind_code}, {"deductions", deductions}};
    if (!checked_at.empty()) body["checkedAt"] = checked_at;
    return act(user, "POST", "/api/v1/spot-checks", body);
  }
  std::int64_t count(const std::string& query) {
    return act("admin", "GET", "/api/v1/spot-checks?" + query).body.value("total", std::int64_t{-1});
  }
  static nlohmann::json row_of(const nlohmann::json& scores, std::int64_t person) {
    for (const auto& r : scores["items"])
      if (r["staffId"] == person) return r;
    return nullptr;
  }
};

TEST_P(SpotChecks, EachKindHasItsSeedRubricAndQuota) {
  at_time("2026-11-23T09:00:00");
  const auto phone = kind("phone");
  EXPECT_EQ(phone["name"], "电话抽查");
  EXPECT_EQ(phone["dailyQuota"], 5);  // seed 000: 每天不少于5次的抽查
  EXPECT_EQ(phone["rubric"]["code"], "SPOT-PHONE");
  EXPECT_EQ(phone["rubric"]["max"], 70.0);
  EXPECT_EQ(phone["rubric"]["itemCount"], 7);
  EXPECT_EQ(kind("morning_bi")["rubric"]["max"], 80.0);
  EXPECT_EQ(kind("front_desk")["dailyQuota"], 3);  // seed 000: 每天不少于三次
  // The spot-check rubrics are rubrics like the inspections' own: listed and versioned with them.
  const nlohmann::json rubrics = act("quality", "GET", "/api/v1/rubrics").body;
  int spot = 0;
  for (const auto& r : rubrics["items"]) spot += r["code"].get<std::string>().rfind("SPOT-", 0) == 0;
  EXPECT_EQ(spot, 3);
}

TEST_P(SpotChecks, APhoneCheckFailingOneStandardScores85_71) {
  at_time("2026-11-23T10:15:00");
  const auto person = staff_id("CSHY", "front_desk", 1);
  auto r = check("supervisor", person, "phone", {"PH-07"});
  ASSERT_EQ(r.status, 201u) << r.raw;
  // 70 - 10 = 60 of 70, scaled: 60 * 100 / 70 = 85.714... -> 85.71, good (80 to 90).
  EXPECT_EQ(r.body["raw"], 60.0);
  EXPECT_EQ(r.body["max"], 70.0);
  EXPECT_EQ(r.body["score"], 85.71);
  EXPECT_EQ(r.body["deducted"], 10.0);
  EXPECT_EQ(r.body["grade"], "good");
  EXPECT_EQ(r.body["day"], "2026-11-23");
  EXPECT_EQ(r.body["checkedAt"], "2026-11-23T10:15:00+08:00");
  EXPECT_EQ(r.body["staff"]["id"], person);
  EXPECT_EQ(r.body["checkedBy"]["name"], "陈静");
  ASSERT_EQ(r.body["deductions"].size(), 1u);
  EXPECT_EQ(r.body["deductions"][0]["code"], "PH-07");
  EXPECT_EQ(r.body["deductions"][0]["note"], "抽查发现");
  const auto id = r.body["id"].get<std::int64_t>();
  auto got = act("pm", "GET", "/api/v1/spot-checks/" + std::to_string(id));
  EXPECT_EQ(got.status, 200u);
  EXPECT_EQ(got.body["score"], 85.71);
  // The rubric version is now used: an edit would make a new version, this check keeps its own.
  auto rubric = act("quality", "GET", "/api/v1/rubrics/" + std::to_string(r.body["rubric"]["id"].get<std::int64_t>()));
  EXPECT_EQ(rubric.body["used"], true);
  // A check with nothing found scores 100.
  auto clean = check("command", person, "phone", {});
  ASSERT_EQ(clean.status, 201u) << clean.raw;
  EXPECT_EQ(clean.body["score"], 100.0);
  EXPECT_EQ(clean.body["grade"], "excellent");
}

TEST_P(SpotChecks, ThePhoneQuotaIsMetAtTheFifthCheckOfTheDay) {
  at_time("2026-11-25T16:00:00");
  const auto project = std::to_string(pid("CHTD"));
  const auto person = staff_id("CHTD", "front_desk");
  const std::string q = "/api/v1/spot-check-quota?projectId=" + project + "&day=2026-11-25";
  auto phone_of = [](const nlohmann::json& b) {
    for (const auto& k : b["kinds"])
      if (k["kind"] == "phone") return k;
    return nlohmann::json();
  };
  for (int n = 0; n < 4; ++n) ASSERT_EQ(check("quality", person, "phone", {}).status, 201u);
  auto before = act("quality", "GET", q);
  ASSERT_EQ(before.status, 200u) << before.raw;
  EXPECT_EQ(phone_of(before.body)["done"], 4);
  EXPECT_EQ(phone_of(before.body)["met"], false);
  EXPECT_EQ(before.body["met"], false);
  ASSERT_EQ(check("quality", person, "phone", {}).status, 201u);
  auto after = act("quality", "GET", q);
  EXPECT_EQ(phone_of(after.body)["done"], 5);
  EXPECT_EQ(phone_of(after.body)["met"], true);
  // The quota is a company setting: at 6 a day the same five no longer meet it.
  auto set = act("quality", "PUT", "/api/v1/spot-check-kinds/phone", {{"dailyQuota", 6}});
  ASSERT_EQ(set.status, 200u) << set.raw;
  EXPECT_EQ(phone_of(act("quality", "GET", q).body)["met"], false);
  EXPECT_EQ(act("supervisor", "PUT", "/api/v1/spot-check-kinds/phone", {{"dailyQuota", 1}}).status, 403u);
  EXPECT_EQ(act("quality", "PUT", "/api/v1/spot-check-kinds/phone", {{"dailyQuota", -1}}).status, 400u);
  EXPECT_EQ(act("quality", "PUT", "/api/v1/spot-check-kinds/nope", {{"dailyQuota", 1}}).status, 404u);
  ASSERT_EQ(act("quality", "PUT", "/api/v1/spot-check-kinds/phone", {{"dailyQuota", 5}}).status, 200u);
}

TEST_P(SpotChecks, MonthlyScoreIsTheMeanOfTheMonthsChecks) {
  const auto person = staff_id("XSTY", "front_desk");
  const auto other = staff_id("XSTY", "front_desk", 1);
  const auto project = std::to_string(pid("XSTY"));
  at_time("2026-10-20T18:00:00");
  // September's check does not count in October.
  ASSERT_EQ(check("quality", person, "phone", {}, "2026-09-30T17:00:00+08:00").status, 201u);
  // 85.71 (one phone standard failed), 87.50 (70 of 80 at the morning meeting), 66.67 (40 of 60
  // at the front desk): (85.71 + 87.50 + 66.67) / 3 = 239.88 / 3 = 79.96, below 80: fail.
  ASSERT_EQ(check("quality", person, "phone", {"PH-04"}, "2026-10-05T09:10:00+08:00").status, 201u);
  ASSERT_EQ(check("quality", person, "morning_bi", {"BI-06"}, "2026-10-06T08:30:00+08:00").status, 201u);
  ASSERT_EQ(check("quality", person, "front_desk", {"FD-01", "FD-06"}, "2026-10-08T14:00:00+08:00").status, 201u);
  auto r = act("quality", "GET", "/api/v1/spot-check-scores?projectId=" + project + "&month=2026-10");
  ASSERT_EQ(r.status, 200u) << r.raw;
  const auto row = row_of(r.body, person);
  ASSERT_FALSE(row.is_null()) << r.raw;
  EXPECT_EQ(row["checks"], 3);
  EXPECT_EQ(row["score"], 79.96);
  EXPECT_EQ(row["grade"], "fail");
  EXPECT_EQ(row["lowest"], 66.67);
  EXPECT_EQ(row["byKind"]["phone"], 1);
  EXPECT_EQ(row["byKind"]["front_desk"], 1);
  // A front-desk person nobody checked is listed without a score, after those with one.
  const auto unchecked = row_of(r.body, other);
  ASSERT_FALSE(unchecked.is_null());
  EXPECT_TRUE(unchecked["score"].is_null());
  EXPECT_EQ(unchecked["checks"], 0);
  EXPECT_EQ(r.body["items"][0]["staffId"], person);
  // The phone quota (5 a day) was met on none of the 20 days of October so far.
  for (const auto& q : r.body["quota"])
    if (q["kind"] == "phone") {
      EXPECT_EQ(q["days"], 20);
      EXPECT_EQ(q["daysMet"], 0);
      EXPECT_EQ(q["checks"], 1);
    }
  // A fourth check of 100 lifts the month: (239.88 + 100) / 4 = 84.97, good.
  ASSERT_EQ(check("quality", person, "phone", {}).status, 201u);
  const nlohmann::json again =
      act("quality", "GET", "/api/v1/spot-check-scores?projectId=" + project + "&month=2026-10").body;
  EXPECT_EQ(row_of(again, person)["score"], 84.97);
  EXPECT_EQ(row_of(again, person)["grade"], "good");
  // September holds the one clean check.
  const nlohmann::json sept =
      act("quality", "GET", "/api/v1/spot-check-scores?projectId=" + project + "&month=2026-09").body;
  EXPECT_EQ(row_of(sept, person)["score"], 100.0);
  EXPECT_EQ(count("staffId=" + std::to_string(person) + "&month=2026-10"), 4);

  // The month as a spreadsheet for the payroll office: the same figures, cell by cell.
  const auto base = "/api/v1/spot-check-scores/export?projectId=" + project + "&month=2026-10";
  auto csv = act("quality", "GET", base + "&format=csv");
  ASSERT_EQ(csv.status, 200u) << csv.raw;
  EXPECT_EQ(csv.headers["content-type"], "text/csv; charset=utf-8");
  EXPECT_NE(csv.raw.find("月份,姓名,员工编号,岗位,班组,抽查次数,月度得分,等级,最低分\r\n"), std::string::npos) << csv.raw;
  const auto name = row_of(again, person)["name"].get<std::string>();
  EXPECT_NE(csv.raw.find("2026-10," + name + "," + std::to_string(person) + ","), std::string::npos) << csv.raw;
  EXPECT_NE(csv.raw.find(",4,84.97,良好,66.67\r\n"), std::string::npos) << csv.raw;
  auto xlsx = act("quality", "GET", base);  // xlsx is the default
  ASSERT_EQ(xlsx.status, 200u);
  const auto sheets = exports::read_xlsx(xlsx.raw);
  ASSERT_EQ(sheets.size(), 1u);
  const auto& sheet = sheets[0];
  EXPECT_EQ(sheet.at(1, 6), "月度得分");
  ASSERT_EQ(sheet.rows.size(), 2 + again["items"].size());  // title, headers, one row per person
  EXPECT_EQ(sheet.at(2, 1), name);  // best first
  EXPECT_EQ(sheet.at(2, 0), "46296");  // the month: a date cell (2026-10-01, format yyyy-mm), not text
  EXPECT_EQ(sheet.at(2, 5), "4");
  EXPECT_EQ(sheet.at(2, 6), "84.97");
  EXPECT_EQ(sheet.at(2, 7), "良好");
  EXPECT_EQ(sheet.at(2, 8), "66.67");
  bool blank = false;  // the person nobody checked has no score, not 0
  for (std::size_t r = 2; r < sheet.rows.size(); ++r)
    if (sheet.at(r, 2) == std::to_string(other)) blank = sheet.at(r, 6).empty() && sheet.at(r, 5) == "0";
  EXPECT_TRUE(blank);
  EXPECT_EQ(act("quality", "GET", base + "&format=pdf").status, 400u);
  EXPECT_EQ(act("frontdesk", "GET", base).status, 403u);
}

TEST_P(SpotChecks, BadInputIsRefusedAndChangesNothing) {
  at_time("2026-11-26T11:00:00");
  const auto person = staff_id("CSHY", "front_desk", 2);
  const auto before = count("staffId=" + std::to_string(person));
  auto post = [&](const nlohmann::json& body) { return act("supervisor", "POST", "/api/v1/spot-checks", body); };
  auto r = post({{"staffId", person}, {"kind", "phone"}, {"deductions", {{{"itemId", item("morning_bi", "BI-01")}, {"failed", true}}}}});
  EXPECT_EQ(r.status, 400u);
  EXPECT_TRUE(r.body["details"].contains("deductions[0].itemId")) << r.raw;
  r = post({{"staffId", person}, {"kind", "phone"}, {"deductions", {{{"itemId", item("phone", "PH-01")}, {"failed", false}}}}});
  EXPECT_EQ(r.status, 400u);
  EXPECT_TRUE(r.body["details"].contains("deductions[0].failed")) << r.raw;
  r = post({{"staffId", person}, {"kind", "phone"},
            {"deductions", {{{"itemId", item("phone", "PH-01")}, {"failed", true}}, {{"itemId", item("phone", "PH-01")}, {"failed", true}}}}});
  EXPECT_TRUE(r.body["details"].contains("deductions[1].itemId")) << r.raw;
  r = post({{"staffId", person}, {"kind", "telepathy"}});
  EXPECT_TRUE(r.body["details"].contains("kind")) << r.raw;
  r = post({{"staffId", person}, {"kind", "phone"}, {"checkedAt", "2026-11-26T12:00:00+08:00"}});
  EXPECT_TRUE(r.body["details"].contains("checkedAt")) << r.raw;
  r = post({{"staffId", person}, {"kind", "phone"}, {"checkedAt", "yesterday"}});
  EXPECT_TRUE(r.body["details"].contains("checkedAt")) << r.raw;
  r = post({{"staffId", person}, {"kind", "phone"}, {"grade", "excellent"}});
  EXPECT_TRUE(r.body["details"].contains("grade")) << r.raw;
  r = post({{"staffId", person}, {"kind", "phone"}, {"deductions", "all of them"}});
  EXPECT_TRUE(r.body["details"].contains("deductions")) << r.raw;
  // The supervisor of 城市花园 cannot check someone of 翠湖天地.
  r = post({{"staffId", staff_id("CHTD", "front_desk")}, {"kind", "phone"}});
  EXPECT_EQ(r.status, 400u);
  EXPECT_TRUE(r.body["details"].contains("staffId")) << r.raw;
  EXPECT_EQ(count("staffId=" + std::to_string(person)), before);
  EXPECT_EQ(act("quality", "GET", "/api/v1/spot-check-scores?projectId=1&month=2026-13").status, 400u);
  EXPECT_EQ(act("quality", "GET", "/api/v1/spot-check-scores").status, 400u);
  EXPECT_EQ(act("quality", "GET", "/api/v1/spot-checks?day=2026-02-30").status, 400u);
}

TEST_P(SpotChecks, WhoMayRecordAndWhoSees) {
  at_time("2026-11-26T15:00:00");
  const auto chtd = staff_id("CHTD", "front_desk");
  // The front desk is checked, it does not check.
  EXPECT_EQ(check("frontdesk", staff_id("CSHY", "front_desk"), "phone", {}).status, 403u);
  auto r = check("quality", chtd, "phone", {"PH-01"});
  ASSERT_EQ(r.status, 201u) << r.raw;
  const auto id = std::to_string(r.body["id"].get<std::int64_t>());
  EXPECT_EQ(act("pm", "GET", "/api/v1/spot-checks/" + id).status, 404u);  // CSHY's manager
  EXPECT_EQ(act("region", "GET", "/api/v1/spot-checks/" + id).status, 200u);  // 东部片区 has CHTD
  EXPECT_EQ(act("frontdesk", "GET", "/api/v1/spot-checks").status, 403u);
  const nlohmann::json mine = act("pm", "GET", "/api/v1/spot-checks?pageSize=200").body;
  for (const auto& c : mine["items"]) EXPECT_EQ(c["projectId"], pid("CSHY"));
  EXPECT_EQ(act("pm", "GET", "/api/v1/spot-check-scores?projectId=" + std::to_string(pid("CHTD"))).status, 400u);
}

INSTANTIATE_TEST_SUITE_P(Engines, SpotChecks, ::testing::ValuesIn(engines_under_test()));

}  // namespace
}  // namespace steward::testing
