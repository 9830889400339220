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
#include "exports/xlsx_reader.hpp"
#include "modules/demo/demo_inspections.hpp"
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

  // Alarms: the list is not paged; the export has what it shows, by status.
  for (const std::string status : {"open", "closed"}) {
    const auto list = get("pm", "/api/v1/patrol-alarms?status=" + status + "&projectId=" + id).body["items"];
    rows = csv("pm", "patrol_alarms", {{"projectId", cshy}, {"status", status}});
    ASSERT_FALSE(rows.empty());
    EXPECT_EQ(rows[0], "报警时间,巡检点,指标,读数,单位,下限,上限,状态,测量人,处理记录,解除时间,工单");
    ASSERT_EQ(rows.size() - 1, list.size()) << status;
    for (std::size_t k = 1; k < rows.size(); ++k) {
      EXPECT_EQ(field(rows[k], 1), list[k - 1]["checkpointName"]) << rows[k];
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
