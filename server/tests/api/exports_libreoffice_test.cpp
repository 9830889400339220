// Exports open in a spreadsheet program (issue 6 "Exports"): LibreOffice (Debian's
// libreoffice-calc-nogui, installed by `install-deps.sh --test`) converts an XLSX export to CSV
// headless, and its cells are the cells of the CSV export of the same list, Chinese text, numbers
// and quoted commas included; its own flat ODS of the workbook has the time cells as dates. A missing soffice is a failure, not a skip: set
// STEWARD_NO_LIBREOFFICE=1 to leave this check out on a machine without it.
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "modules/demo/demo_inspections.hpp"
#include "modules/demo/demo_orders.hpp"
#include "tests/api/api_suite.hpp"

namespace steward::testing {
namespace {

namespace fs = std::filesystem;
using Table = std::vector<std::vector<std::string>>;

// RFC 4180: fields split on commas, quoted fields may hold commas, quotes ("") and line breaks.
Table parse_csv(std::string text) {
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  Table rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, any = false;
  for (std::size_t k = 0; k < text.size(); ++k) {
    const char c = text[k];
    if (quoted) {
      if (c == '"' && k + 1 < text.size() && text[k + 1] == '"') field += '"', ++k;
      else if (c == '"') quoted = false;
      else field += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(std::move(field)), field.clear();
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && k + 1 < text.size() && text[k + 1] == '\n') ++k;
      row.push_back(std::move(field)), field.clear();
      rows.push_back(std::move(row)), row.clear();
      any = false;
      continue;
    } else {
      field += c;
    }
    any = true;
  }
  if (any) row.push_back(std::move(field)), rows.push_back(std::move(row));
  return rows;
}

std::optional<double> number_of(const std::string& s) {
  if (s.empty()) return std::nullopt;
  char* end = nullptr;
  const double v = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size()) return std::nullopt;
  return v;
}

// Our CSV guards a text starting with = + - @ against formulas with a leading apostrophe; the
// XLSX has the text as it is.
std::string unguarded(const std::string& s) {
  if (s.size() > 1 && s[0] == '\'' && std::string("=+-@\t\r").find(s[1]) != std::string::npos) return s.substr(1);
  return s;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

class ExportsInLibreOffice : public ApiSuite<ExportsInLibreOffice> {
 protected:
  std::string export_file(const std::string& user, const nlohmann::json& body) {
    auto r = call(user, "POST", "/api/v1/exports", body);
    EXPECT_EQ(r.status, 202u) << r.raw;
    const auto id = std::to_string(r.body.value("id", std::int64_t{0}));
    for (int k = 0; k < 300; ++k) {
      auto s = get(user, "/api/v1/exports/" + id);
      if (s.body["status"] == "done") return get(user, "/api/v1/exports/" + id + "/file").raw;
      if (s.body["status"] == "failed") break;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ADD_FAILURE() << "export " << id << " did not finish";
    return {};
  }
};

TEST_P(ExportsInLibreOffice, AnXlsxExportHasTheCellsOfTheCsvExport) {
  if (const char* off = std::getenv("STEWARD_NO_LIBREOFFICE"); off && std::string(off) == "1")
    GTEST_SKIP() << "STEWARD_NO_LIBREOFFICE=1";
  ASSERT_EQ(std::system("command -v soffice >/dev/null 2>&1"), 0)
      << "soffice not found: scripts/install-deps.sh --test installs libreoffice-calc-nogui";
  // Two weeks of the demo's orders; the register's complaints: Chinese titles, names,
  // categories, numbers (satisfaction), flags.
  auto& app = server().app();
  demo::build_demo_orders(app.db(), app.cipher(), app.calendar(), server().clock().now(), 14);
  const nlohmann::json filters = {{"projectId", project("CSHY")}, {"kind", "complaint"}};
  const auto xlsx = export_file("pm", {{"list", "work_orders"}, {"format", "xlsx"}, {"filters", filters}});
  const auto csv = export_file("pm", {{"list", "work_orders"}, {"format", "csv"}, {"filters", filters}});
  ASSERT_FALSE(xlsx.empty());

  // A private profile: parallel runs (and a user's own LibreOffice) do not clash.
  const auto dir = fs::temp_directory_path() / ("steward-lo-" + std::to_string(::getpid()) + "-" + GetParam());
  fs::remove_all(dir);
  fs::create_directories(dir / "out");
  std::ofstream(dir / "register.xlsx", std::ios::binary) << xlsx;
  const std::string cmd = "cd '" + dir.string() + "' && soffice -env:UserInstallation=file://" + (dir / "profile").string() +
                          " --headless --norestore --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76' --outdir '" +
                          (dir / "out").string() + "' register.xlsx >convert.log 2>&1";
  const auto started = std::chrono::steady_clock::now();
  const int rc = std::system(cmd.c_str());
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cout << "[ libreoffice ] " << GetParam() << ": converted in " << seconds << " s\n";
  ASSERT_EQ(rc, 0) << slurp(dir / "convert.log");
  ASSERT_TRUE(fs::exists(dir / "out" / "register.csv")) << slurp(dir / "convert.log");

  const auto office = parse_csv(slurp(dir / "out" / "register.csv"));
  const auto ours = parse_csv(csv);
  ASSERT_GT(ours.size(), 2u);
  // The workbook's first row is the sheet's title; then the header and the rows of the CSV.
  ASSERT_EQ(office.size(), ours.size() + 1);
  EXPECT_EQ(office[0][0], "工单登记簿");
  EXPECT_EQ(office[1], ours[0]);
  std::size_t chinese = 0, numbers = 0;
  for (std::size_t r = 0; r < ours.size(); ++r) {
    const auto& want = ours[r];
    const auto& got = office[r + 1];
    ASSERT_EQ(got.size(), want.size()) << "row " << r;
    for (std::size_t c = 0; c < want.size(); ++c) {
      const auto a = number_of(want[c]), b = number_of(got[c]);
      if (a && b) {
        EXPECT_NEAR(*a, *b, 1e-9) << "row " << r << " column " << ours[0][c];
        ++numbers;
      } else {
        EXPECT_EQ(got[c], unguarded(want[c])) << "row " << r << " column " << ours[0][c];
        if (want[c].find_first_of("\xE4\xE5\xE6\xE7\xE8\xE9") != std::string::npos) ++chinese;
      }
    }
  }
  EXPECT_GT(chinese, ours.size());  // the check compared Chinese text, not empty cells only
  EXPECT_GT(numbers, 0u);

  // Times are real dates to the spreadsheet, not text: LibreOffice's own file (flat ODS) of the
  // same workbook has every order's 登记时间 as a cell of type date holding the project's local
  // time (the digits of the list's ISO time, offset dropped), shown as 2026-12-02 18:57 above.
  // A rectification's deadline (a day) is a date without a time.
  demo::build_demo_inspections(app.db(), server().clock().now());
  const auto rect = export_file("quality", {{"list", "rectifications"}, {"format", "xlsx"}});
  ASSERT_FALSE(rect.empty());
  std::ofstream(dir / "rect.xlsx", std::ios::binary) << rect;
  const std::string to_ods = "cd '" + dir.string() + "' && soffice -env:UserInstallation=file://" + (dir / "profile").string() +
                             " --headless --norestore --convert-to fods --outdir '" + (dir / "out").string() +
                             "' register.xlsx rect.xlsx >convert.log 2>&1";
  ASSERT_EQ(std::system(to_ods.c_str()), 0) << slurp(dir / "convert.log");
  const auto ods = slurp(dir / "out" / "register.fods");
  ASSERT_FALSE(ods.empty()) << slurp(dir / "convert.log");
  const auto orders = get("pm", "/api/v1/work-orders?pageSize=200&projectId=" + std::to_string(project("CSHY")) +
                                    "&kind=complaint").body["items"];
  ASSERT_EQ(orders.size() + 1, ours.size());
  for (const auto& o : orders) {
    const std::string at = o["reportedAt"];  // 2026-12-02T18:57:28+08:00
    EXPECT_NE(ods.find("office:value-type=\"date\" office:date-value=\"" + at.substr(0, 19) + "\""), std::string::npos)
        << o["code"] << " " << at;
  }
  const auto rect_ods = slurp(dir / "out" / "rect.fods");
  const auto rects = get("quality", "/api/v1/rectifications?pageSize=200").body["items"];
  ASSERT_FALSE(rects.empty());
  for (const auto& r : rects) {
    const std::string deadline = r["deadline"];
    EXPECT_NE(rect_ods.find("office:value-type=\"date\" office:date-value=\"" + deadline + "\""), std::string::npos)
        << deadline;
  }
  fs::remove_all(dir);
}

// The file does not depend on the database engine: one engine is enough (a conversion costs seconds).
INSTANTIATE_TEST_SUITE_P(Engines, ExportsInLibreOffice, ::testing::Values(std::string("sqlite")));

}  // namespace
}  // namespace steward::testing
