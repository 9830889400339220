// Exports of lists as jobs (issue 6 "Exports", docs/exports.md) through the API: the filters on
// screen are respected, personal data is masked for those who may not see it, the progress
// reaches the total, the file is its starter's only, bad input is refused at once. (The
// 20,000-row export one page at a time is export_runner_test.cpp.)
#include <chrono>
#include <thread>

#include "exports/xlsx_reader.hpp"
#include "tests/api/api_suite.hpp"

namespace steward::testing {
namespace {

class Exports : public ApiSuite<Exports> {
 protected:
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

INSTANTIATE_TEST_SUITE_P(Engines, Exports, ::testing::ValuesIn(engines_under_test()));

}  // namespace
}  // namespace steward::testing
