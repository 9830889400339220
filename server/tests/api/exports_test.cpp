// Exports of lists as jobs (issue 6 "Exports", docs/exports.md) through the API: the filters on
// screen are respected, personal data is masked for those who may not see it, the progress
// reaches the total, the file is its starter's only, bad input is refused at once. (The
// 20,000-row export one page at a time is export_runner_test.cpp.)
#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <thread>

#include "core/error.hpp"
#include "db/query.hpp"
#include "exports/csv.hpp"
#include "exports/table.hpp"
#include "exports/xlsx_reader.hpp"
#include "modules/demo/demo_inspections.hpp"
#include "modules/demo/demo_orders.hpp"
#include "modules/demo/demo_quality.hpp"
#include "modules/exports_jobs/export_lists.hpp"
#include "modules/patrols/demo_patrols.hpp"
#include "tests/api/api_suite.hpp"

namespace steward::testing {
namespace {

class Exports : public ApiSuite<Exports> {
 protected:
  // The demo's inspections and rectifications, spot checks and patrols, once per engine.
  void demo_records() {
    static std::set<std::string> built;
    if (!built.insert(GetParam()).second) return;
    auto& app = server().app();
    const auto now = server().clock().now();
    demo::build_demo_inspections(app.db(), now);
    demo::build_demo_quality(app.db(), now);
    patrols::build_demo_patrols(app.db(), app.patrols(), now);
  }
  // Starts an export and waits for it; returns the finished job.
  nlohmann::json run(const std::string& user, const nlohmann::json& body) {
    auto r = call(user, "POST", "/api/v1/exports", body);
    EXPECT_EQ(r.status, 202u) << r.raw;
    const auto id = r.body.value("id", std::int64_t{0});
    for (int k = 0; k < 300; ++k) {
      auto s = get(user, "/api/v1/exports/" + std::to_string(id));
      EXPECT_EQ(s.status, 200u) << s.raw;
      if (s.body["status"] == "done" || s.body["status"] == "failed") return s.body;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ADD_FAILURE() << "export " << id << " did not finish";
    return nlohmann::json::object();
  }
  std::string file(const std::string& user, const nlohmann::json& job) {
    auto r = get(user, "/api/v1/exports/" + std::to_string(job["id"].get<std::int64_t>()) + "/file");
    EXPECT_EQ(r.status, 200u) << r.raw;
    return r.raw;
  }
  // The CSV export of `list` with `filters`, line by line (the header first).
  std::vector<std::string> csv(const std::string& user, const std::string& list, const nlohmann::json& filters) {
    auto job = run(user, {{"list", list}, {"format", "csv"}, {"filters", filters}});
    EXPECT_EQ(job["status"], "done") << job;
    return job["status"] == "done" ? lines(file(user, job)) : std::vector<std::string>{};
  }
  // A bad filter of `list` is refused at once: 400 naming the filter.
  void refused(const std::string& list, const std::string& filter, const std::string& value) {
    auto r = call("pm", "POST", "/api/v1/exports", {{"list", list}, {"filters", {{filter, value}}}});
    EXPECT_EQ(r.status, 400u) << list << " " << filter;
    EXPECT_TRUE(r.body["details"].contains(filter)) << r.raw;
  }
  // The project manager's export of `list` for another project's id holds the header only.
  void nothing_of_another_project(const std::string& list) {
    EXPECT_EQ(csv("pm", list, {{"projectId", project("CHTD")}}).size(), 1u) << list;
  }
  static std::string field(const std::string& line, std::size_t k) {  // no quoted commas before it
    std::size_t at = 0;
    for (std::size_t n = 0; n < k; ++n) at = line.find(',', at) + 1;
    return line.substr(at, line.find(',', at) - at);
  }
  std::string project_name(std::int64_t id) {
    return get("admin", "/api/v1/projects/" + std::to_string(id)).body.value("name", "");
  }
  // 250 more (closed) alarms in CSHY, older than the demo's: more than an export's page of 200.
  void many_alarms() {
    static std::set<std::string> built;
    if (!built.insert(GetParam()).second) return;
    server().app().db().write([&](db::Session& s) {
      const auto some = db::Query(s, "SELECT id, raised_at FROM patrol_alarm WHERE project_id = :p ORDER BY raised_at, id")
                            .bind("p", (long long)project("CSHY"))
                            .one();
      EXPECT_TRUE(some.has_value());
      if (!some) return 0;
      for (int k = 1; k <= 250; ++k)
        db::Query(s,
                  "INSERT INTO patrol_alarm (project_id, checkpoint_id, metric_id, reading_id, check_id, value_scaled, "
                  "low_scaled, high_scaled, status, raised_at, raised_by_name, last_out_at, closed_at) "
                  "SELECT project_id, checkpoint_id, metric_id, reading_id, check_id, value_scaled, low_scaled, "
                  "high_scaled, 'closed', raised_at - :d, raised_by_name, raised_at - :d, raised_at - :d + 600 "
                  "FROM patrol_alarm WHERE id = :id")
            .bind("d", (long long)(k / 2) * 3600)  // two alarms an hour: ties broken by id
            .bind("id", (long long)some->i64("id"))
            .exec();
      return 0;
    });
  }
  // Excel's serial date of a local "2026-12-02T18:57:28+08:00" (the digits as written).
  static double serial_of(const std::string& iso) {
    const auto days = exports::days_from_civil(std::stoi(iso.substr(0, 4)), std::stoul(iso.substr(5, 2)),
                                               std::stoul(iso.substr(8, 2)));
    double out = static_cast<double>(days) + 25569;
    if (iso.size() > 10)
      out += (std::stoi(iso.substr(11, 2)) * 3600 + std::stoi(iso.substr(14, 2)) * 60 + std::stoi(iso.substr(17, 2))) / 86400.0;
    return out;
  }
  static std::vector<std::string> lines(const std::string& csv) {
    std::vector<std::string> out;
    std::size_t at = 3;  // after the BOM
    while (at < csv.size()) {
      const auto end = csv.find("\r\n", at);
      out.push_back(csv.substr(at, end - at));
      at = end + 2;
    }
    return out;
  }
};

TEST_P(Exports, CustomersWithTheFiltersOnScreenAndTheirProgress) {
  const auto cshy = project("CSHY");
  const auto total = this->total("pm", "/api/v1/customers?projectId=" + std::to_string(cshy));
  ASSERT_GT(total, 200);  // more than one page of the list
  auto job = run("pm", {{"list", "customers"}, {"format", "csv"}, {"filters", {{"projectId", cshy}}}});
  EXPECT_EQ(job["status"], "done");
  EXPECT_EQ(job["done"], total);
  EXPECT_EQ(job["total"], total);
  EXPECT_EQ(job["percent"], 100);
  const auto rows = lines(file("pm", job));
  ASSERT_EQ((std::int64_t)rows.size(), total + 1);
  EXPECT_EQ(rows[0], "房屋,姓名,身份,电话,证件号,重点客户,备注");
  // A filter narrows the file exactly as it narrows the list.
  const auto first = get("pm", "/api/v1/customers?pageSize=1&projectId=" + std::to_string(cshy)).body["items"][0];
  const std::string name = first["name"];
  const auto narrowed = this->total("pm", "/api/v1/customers?projectId=" + std::to_string(cshy) + "&q=" + url_encode(name));
  job = run("pm", {{"list", "customers"}, {"format", "csv"}, {"filters", {{"projectId", cshy}, {"q", name}}}});
  const auto few = lines(file("pm", job));
  EXPECT_EQ((std::int64_t)few.size(), narrowed + 1);
  for (std::size_t k = 1; k < few.size(); ++k) EXPECT_NE(few[k].find(name.substr(0, 3)), std::string::npos) << few[k];
  // The project manager may see contact data: the phone is in clear.
  EXPECT_EQ(few[1].find("****"), std::string::npos) << few[1];
}

TEST_P(Exports, PersonalDataIsMaskedForThoseWhoMayNotSeeIt) {
  const auto cshy = project("CSHY");
  const auto first = get("pm", "/api/v1/customers?pageSize=1&projectId=" + std::to_string(cshy)).body["items"][0];
  const std::string name = first["name"], phone = first["phone"];
  auto job = run("quality", {{"list", "customers"}, {"format", "xlsx"}, {"filters", {{"projectId", cshy}, {"q", name}}}});
  ASSERT_EQ(job["status"], "done");
  const auto sheets = exports::read_xlsx(file("quality", job));
  ASSERT_EQ(sheets.size(), 1u);
  const auto& s = sheets[0];
  EXPECT_EQ(s.at(0, 0), "客户名册");
  EXPECT_EQ(s.at(1, 1), "姓名");
  ASSERT_GE(s.rows.size(), 3u);
  EXPECT_EQ(s.at(2, 1).substr(0, 3), name.substr(0, 3));
  EXPECT_NE(s.at(2, 1), name);
  EXPECT_NE(s.at(2, 1).find('*'), std::string::npos);
  EXPECT_NE(s.at(2, 3).find("****"), std::string::npos) << s.at(2, 3);
  EXPECT_NE(s.at(2, 3), phone);
}

TEST_P(Exports, AJobIsItsStartersOnly) {
  auto job = run("pm", {{"list", "customers"}, {"filters", {{"projectId", project("CSHY")}, {"q", "梅"}}}});
  const auto id = std::to_string(job["id"].get<std::int64_t>());
  EXPECT_EQ(get("frontdesk", "/api/v1/exports/" + id).status, 404u);
  EXPECT_EQ(get("frontdesk", "/api/v1/exports/" + id + "/file").status, 404u);
  EXPECT_EQ(get("pm", "/api/v1/exports/999999").status, 404u);
  auto r = get("pm", "/api/v1/exports/" + id + "/file");
  EXPECT_EQ(r.status, 200u);
  EXPECT_NE(r.headers["content-disposition"].find(".xlsx"), std::string::npos);
}

TEST_P(Exports, TheListsOwnRulesAnswerAtOnce) {
  auto post = [&](const std::string& user, const nlohmann::json& b) { return call(user, "POST", "/api/v1/exports", b); };
  auto r = post("pm", {{"list", "payroll"}});
  EXPECT_EQ(r.status, 400u);
  EXPECT_TRUE(r.body["details"].contains("list")) << r.raw;
  r = post("pm", {{"list", "customers"}, {"format", "pdf"}});
  EXPECT_TRUE(r.body["details"].contains("format")) << r.raw;
  r = post("pm", {{"list", "customers"}, {"filters", {{"projectId", {1, 2}}}}});
  EXPECT_EQ(r.status, 400u);
  EXPECT_TRUE(r.body["details"].contains("filters.projectId")) << r.raw;
  r = post("pm", {{"list", "rectifications"}, {"filters", {{"status", "lost"}}}});
  EXPECT_EQ(r.status, 400u);
  EXPECT_TRUE(r.body["details"].contains("status")) << r.raw;
  // Who may not read a list may not export it.
  EXPECT_EQ(post("security", {{"list", "customers"}}).status, 403u);
  EXPECT_EQ(post("owner", {{"list", "rectifications"}}).status, 403u);
}

TEST_P(Exports, WorkOrdersAndRectificationsExportWithTheirHeaders) {
  auto job = run("pm", {{"list", "work_orders"}, {"format", "csv"}, {"filters", {{"projectId", project("CSHY")}, {"kind", "complaint"}}}});
  ASSERT_EQ(job["status"], "done") << job;
  const auto rows = lines(file("pm", job));
  ASSERT_FALSE(rows.empty());
  EXPECT_EQ(rows[0].substr(0, rows[0].find(',')), "工单号");
  EXPECT_EQ((std::int64_t)rows.size() - 1, total("pm", "/api/v1/work-orders?kind=complaint&projectId=" + std::to_string(project("CSHY"))));
  job = run("quality", {{"list", "rectifications"}, {"format", "csv"}});
  ASSERT_EQ(job["status"], "done") << job;
  EXPECT_EQ(lines(file("quality", job))[0].substr(0, 6), "项目");
}

// Times are the project's local time: a real date-time cell in XLSX, "2026-12-02 18:57" in CSV;
// days (a rectification's deadline) are dates.
TEST_P(Exports, TimesAreLocalDateTimesAndDaysAreDates) {
  demo_records();
  static std::set<std::string> orders;  // a week of the demo's orders, once per engine
  if (orders.insert(GetParam()).second) {
    auto& app = server().app();
    demo::build_demo_orders(app.db(), app.cipher(), app.calendar(), server().clock().now(), 7);
  }
  const auto cshy = project("CSHY");
  const nlohmann::json filters = {{"projectId", cshy}};
  const auto order = get("pm", "/api/v1/work-orders?pageSize=1&projectId=" + std::to_string(cshy)).body["items"][0];
  const std::string reported = order["reportedAt"];  // 2026-12-02T18:57:28+08:00
  ASSERT_EQ(reported.size(), 25u) << reported;
  std::string local = reported.substr(0, 16);
  local[10] = ' ';
  auto rows = csv("pm", "work_orders", filters);
  ASSERT_GT(rows.size(), 1u);
  EXPECT_NE(rows[1].find("," + local + ","), std::string::npos) << rows[1];
  for (const auto& row : rows) EXPECT_EQ(row.find("+08:00"), std::string::npos) << row;  // no ISO text left
  auto job = run("pm", {{"list", "work_orders"}, {"format", "xlsx"}, {"filters", filters}});
  auto sheet = exports::read_xlsx(file("pm", job)).at(0);
  EXPECT_EQ(sheet.at(1, 14), "登记时间");
  EXPECT_NEAR(std::stod(sheet.at(2, 14)), serial_of(reported), 1e-6) << sheet.at(2, 14);

  const auto rect = get("quality", "/api/v1/rectifications?pageSize=1").body["items"][0];
  const std::string deadline = rect["deadline"];  // 2026-12-05
  rows = csv("quality", "rectifications", nlohmann::json::object());
  ASSERT_GT(rows.size(), 1u);
  EXPECT_NE(rows[1].find("," + deadline + ","), std::string::npos) << rows[1];
  job = run("quality", {{"list", "rectifications"}, {"format", "xlsx"}});
  sheet = exports::read_xlsx(file("quality", job)).at(0);
  EXPECT_EQ(sheet.at(1, 10), "截止日期");
  EXPECT_EQ(sheet.at(2, 10), exports::number_text(serial_of(deadline)));  // a whole day: no time
}

// The alarm list is paged like the other lists: pages of pageSize, newest first, each alarm once,
// the total of every alarm the filters match.
TEST_P(Exports, TheAlarmListIsPagedWithItsTotal) {
  demo_records();
  many_alarms();
  const auto base = "/api/v1/patrol-alarms?projectId=" + std::to_string(project("CSHY"));
  const auto all = total("pm", base);
  ASSERT_GT(all, 250);
  EXPECT_EQ(get("pm", base).body["items"].size(), 20u);  // the lists' default page
  std::set<std::int64_t> seen;
  std::string last = "9999";
  int pages = 0;
  for (int page = 1;; ++page) {
    const auto r = get("pm", base + "&pageSize=50&page=" + std::to_string(page));
    ASSERT_EQ(r.status, 200u) << r.raw;
    EXPECT_EQ(r.body["total"], all);
    const auto& items = r.body["items"];
    for (const auto& a : items) {
      EXPECT_TRUE(seen.insert(a["id"].get<std::int64_t>()).second) << "twice: " << a["id"];
      const std::string at = a["raisedAt"];
      EXPECT_LE(at, last) << "not newest first";
      last = at;
    }
    ++pages;
    if (items.size() < 50) break;
  }
  EXPECT_EQ((std::int64_t)seen.size(), all);
  EXPECT_EQ(pages, (all + 49) / 50);
  // The status filter counts its own total; bad paging is a 400 naming the parameter.
  EXPECT_EQ(total("pm", base + "&status=closed") + total("pm", base + "&status=open"), all);
  auto r = get("pm", base + "&pageSize=201");
  EXPECT_EQ(r.status, 400u);
  EXPECT_TRUE(r.body["details"].contains("pageSize")) << r.raw;
  EXPECT_EQ(get("pm", base + "&page=0").status, 400u);
}

// The export of alarms pages through all of them: more rows than one page of the export (200).
TEST_P(Exports, AnAlarmExportHasEveryPage) {
  demo_records();
  many_alarms();
  const auto cshy = project("CSHY");
  const auto base = "/api/v1/patrol-alarms?projectId=" + std::to_string(cshy);
  const auto all = total("pm", base);
  ASSERT_GT(all, 200);
  auto job = run("pm", {{"list", "patrol_alarms"}, {"format", "csv"}, {"filters", {{"projectId", cshy}}}});
  ASSERT_EQ(job["status"], "done") << job;
  EXPECT_EQ(job["done"], all);
  EXPECT_EQ(job["total"], all);
  const auto rows = lines(file("pm", job));
  ASSERT_EQ((std::int64_t)rows.size(), all + 1);
  // Row 201 is the first of the list's second page of 200, and the last row its last alarm.
  const auto second = get("pm", base + "&pageSize=200&page=2").body["items"];
  ASSERT_FALSE(second.empty());
  auto local = [](std::string iso) { iso = iso.substr(0, 16); iso[10] = ' '; return iso; };
  EXPECT_EQ(field(rows[201], 0), local(second[0]["raisedAt"]));
  EXPECT_EQ(field(rows.back(), 0), local(second.back()["raisedAt"]));
  EXPECT_EQ(field(rows.back(), 7), "已解除");
  job = run("pm", {{"list", "patrol_alarms"}, {"format", "xlsx"}, {"filters", {{"projectId", cshy}}}});
  const auto sheet = exports::read_xlsx(file("pm", job)).at(0);
  EXPECT_EQ((std::int64_t)sheet.rows.size(), all + 2);  // the title and the header
}

TEST_P(Exports, InspectionsWithTheFiltersOnScreenInTheCallersProjects) {
  demo_records();
  const auto cshy = project("CSHY");
  const auto cshy_name = project_name(cshy);
  const auto id = std::to_string(cshy);
  auto rows = csv("pm", "inspections", {{"projectId", cshy}, {"status", "submitted"}});
  ASSERT_FALSE(rows.empty());
  EXPECT_EQ(rows[0], "检查日期,项目,检查对象,对象类型,检查类型,检查方式,检查方案,检查人,扣分项数,得分,等级,96分以上,状态,提交时间,备注");
  EXPECT_EQ((std::int64_t)rows.size() - 1, total("pm", "/api/v1/inspections?status=submitted&projectId=" + id));
  ASSERT_GT(rows.size(), 1u);
  for (std::size_t k = 1; k < rows.size(); ++k) {
    EXPECT_EQ(field(rows[k], 1), cshy_name) << rows[k];
    EXPECT_EQ(field(rows[k], 12), "已提交") << rows[k];
  }
  // The quality department sees every project; a project manager only his, with or without a filter.
  const auto all = total("quality", "/api/v1/inspections");
  rows = csv("pm", "inspections", nlohmann::json::object());
  EXPECT_EQ((std::int64_t)rows.size() - 1, total("pm", "/api/v1/inspections"));
  EXPECT_LT((std::int64_t)rows.size() - 1, all);
  for (std::size_t k = 1; k < rows.size(); ++k) EXPECT_EQ(field(rows[k], 1), cshy_name) << rows[k];
  EXPECT_EQ((std::int64_t)csv("quality", "inspections", nlohmann::json::object()).size() - 1, all);
  // Another project's inspections never come to the project manager.
  nothing_of_another_project("inspections");
  refused("inspections", "from", "2026-13-01");
}

TEST_P(Exports, PatrolChecksAndAlarmsWithTheFiltersOnScreen) {
  demo_records();
  const auto cshy = project("CSHY");
  const auto id = std::to_string(cshy);
  // The demo's week of rounds, the not-ok ones only: a filter of the page.
  const auto checks = get("pm", "/api/v1/patrol-checks?pageSize=1&projectId=" + id).body;
  ASSERT_FALSE(checks["items"].empty());
  const std::string day = checks["items"][0]["madeAt"].get<std::string>().substr(0, 10);
  auto rows = csv("pm", "patrol_checks", {{"projectId", cshy}, {"from", day}, {"to", day}});
  ASSERT_FALSE(rows.empty());
  EXPECT_EQ(rows[0], "检查时间,巡检点,位置,巡检计划,检查人,时段,延迟上传,问题项数,结果,备注");
  EXPECT_EQ((std::int64_t)rows.size() - 1, total("pm", "/api/v1/patrol-checks?projectId=" + id + "&from=" + day + "&to=" + day));
  EXPECT_GT(rows.size(), 1u);
  for (std::size_t k = 1; k < rows.size(); ++k) EXPECT_EQ(rows[k].substr(0, 10), day) << rows[k];
  rows = csv("pm", "patrol_checks", {{"projectId", cshy}, {"notOk", true}});
  EXPECT_EQ((std::int64_t)rows.size() - 1, total("pm", "/api/v1/patrol-checks?notOk=true&projectId=" + id));
  for (std::size_t k = 1; k < rows.size(); ++k) EXPECT_NE(rows[k].find("：不正常"), std::string::npos) << rows[k];
  // Another project's checks never come to the project manager.
  nothing_of_another_project("patrol_checks");
  refused("patrol_checks", "to", "yesterday");

  // Alarms: the export has what the list shows, by status (every page of it).
  for (const std::string status : {"open", "closed"}) {
    const auto list = get("pm", "/api/v1/patrol-alarms?pageSize=200&status=" + status + "&projectId=" + id).body;
    rows = csv("pm", "patrol_alarms", {{"projectId", cshy}, {"status", status}});
    ASSERT_FALSE(rows.empty());
    EXPECT_EQ(rows[0], "报警时间,巡检点,指标,读数,单位,下限,上限,状态,测量人,处理记录,解除时间,工单");
    ASSERT_EQ((std::int64_t)rows.size() - 1, list["total"].get<std::int64_t>()) << status;
    for (std::size_t k = 1; k < rows.size() && k <= list["items"].size(); ++k) {
      EXPECT_EQ(field(rows[k], 1), list["items"][k - 1]["checkpointName"]) << rows[k];
      EXPECT_EQ(field(rows[k], 7), status == "open" ? "未解除" : "已解除") << rows[k];
    }
  }
  EXPECT_GT(get("pm", "/api/v1/patrol-alarms?projectId=" + id).body["items"].size(), 0u);
  nothing_of_another_project("patrol_alarms");
  refused("patrol_alarms", "status", "lost");
}

TEST_P(Exports, SpotChecksOfTheMonthOnScreen) {
  demo_records();
  const auto cshy = project("CSHY");
  const auto id = std::to_string(cshy);
  const auto first = get("pm", "/api/v1/spot-checks?pageSize=1&projectId=" + id).body;
  ASSERT_FALSE(first["items"].empty()) << first;
  const std::string month = first["items"][0]["day"].get<std::string>().substr(0, 7);
  const auto rows = csv("pm", "spot_checks", {{"projectId", cshy}, {"month", month}});
  ASSERT_FALSE(rows.empty());
  EXPECT_EQ(rows[0], "抽查时间,项目,抽查类别,被抽查人,班组,评分细则,扣分,得分,等级,抽查人,备注");
  EXPECT_EQ((std::int64_t)rows.size() - 1, total("pm", "/api/v1/spot-checks?projectId=" + id + "&month=" + month));
  ASSERT_GT(rows.size(), 1u);
  EXPECT_EQ(field(rows[1], 3), first["items"][0]["staff"]["name"]);
  const auto grade = field(rows[1], 8);
  EXPECT_TRUE(grade == "不合格" || grade == "良好" || grade == "优秀") << rows[1];
  refused("spot_checks", "month", "2026-1");
  // Who may not read spot checks may not export them.
  EXPECT_EQ(call("owner", "POST", "/api/v1/exports", {{"list", "spot_checks"}}).status, 403u);
}

TEST_P(Exports, TheRectificationBoardsResponsiblePersonNarrowsTheFile) {
  demo_records();
  const auto some = get("quality", "/api/v1/rectifications?pageSize=1").body["items"];
  ASSERT_FALSE(some.empty());
  const auto staff = some[0]["responsible"]["staffId"].get<std::int64_t>();
  const std::string name = some[0]["responsible"]["name"];
  const auto expected = total("quality", "/api/v1/rectifications?responsibleId=" + std::to_string(staff));
  EXPECT_LT(expected, total("quality", "/api/v1/rectifications"));
  const auto rows = csv("quality", "rectifications", {{"responsibleId", staff}});
  ASSERT_EQ((std::int64_t)rows.size() - 1, expected);
  for (std::size_t k = 1; k < rows.size(); ++k) EXPECT_NE(rows[k].find(name), std::string::npos) << rows[k];
}

TEST_P(Exports, JobsOutliveARestartAndUnfinishedOnesFail) {
  auto job = run("pm", {{"list", "customers"}, {"format", "csv"}, {"filters", {{"projectId", project("CSHY")}, {"q", "梅"}}}});
  ASSERT_EQ(job["status"], "done");
  const auto id = job["id"].get<std::int64_t>();
  const auto bytes = file("pm", job);
  auto& app = server().app();
  const auto now = server().clock().now();
  const auto dir = app.config().data_dir + "/exports/";
  // What a stopped server left: a job running, and a finished one of two days ago with its file.
  long long user = 0, running = 0, old = 0;
  app.db().write([&](db::Session& s) {
    user = db::Query(s, "SELECT user_id FROM export_job WHERE id = :id").bind("id", (long long)id).scalar();
    auto add = [&](const std::string& status, std::int64_t at) {
      return db::Query(s, "INSERT INTO export_job (user_id, list, filters, format, status, done, total, file_name, created_at) "
                          "VALUES (:u, 'customers', '{}', 'csv', :s, 200, 900, '客户名册', :t) RETURNING id")
          .bind("u", user)
          .bind("s", status)
          .bind("t", (long long)at)
          .scalar();
    };
    running = add("running", now - 60);
    old = add("done", now - 2 * 86400);
  });
  std::ofstream(dir + std::to_string(old) + ".csv") << "old";
  std::ofstream(dir + std::to_string(running) + ".csv.part") << "half";
  {
    // A new service over the same database and data directory: the server started again.
    exports_jobs::ExportService again(app.db(), server().clock(), app.config().data_dir,
                                      exports_jobs::standard_lists({app.work_orders(), app.inspections(), app.spot_checks(), app.patrols(), app.org()}));
    core::Actor pm;
    pm.user_id = user;
    const auto done = again.status(pm, id);
    EXPECT_EQ(done["status"], "done");
    EXPECT_EQ(done["done"], job["done"]);
    EXPECT_EQ(again.file(pm, id).bytes, bytes);
    const auto failed = again.status(pm, running);
    EXPECT_EQ(failed["status"], "failed");
    EXPECT_EQ(failed["error"], exports_jobs::ExportService::kRestarted);
    EXPECT_FALSE(failed["finishedAt"].is_null());
    EXPECT_THROW(again.status(pm, old), core::AppError);
    core::Actor other;
    other.user_id = user + 1000;
    EXPECT_THROW(again.status(other, id), core::AppError);
  }
  EXPECT_FALSE(std::filesystem::exists(dir + std::to_string(old) + ".csv"));
  EXPECT_FALSE(std::filesystem::exists(dir + std::to_string(running) + ".csv.part"));
  // Through the API as well: the failed job says why, and has no file.
  const auto r = get("pm", "/api/v1/exports/" + std::to_string(running));
  EXPECT_EQ(r.body["status"], "failed");
  EXPECT_EQ(r.body["error"], "服务重启，请重新导出");
  EXPECT_EQ(get("pm", "/api/v1/exports/" + std::to_string(running) + "/file").status, 409u);
  EXPECT_EQ(get("pm", "/api/v1/exports/" + std::to_string(old)).status, 404u);
  EXPECT_EQ(get("pm", "/api/v1/exports/" + std::to_string(id) + "/file").raw, bytes);
}

INSTANTIATE_TEST_SUITE_P(Engines, Exports, ::testing::ValuesIn(engines_under_test()));

}  // namespace
}  // namespace steward::testing
