// Writing a list to a file a page at a time: a 20,000-row list (generated here, the shape of the
// work-order register) is read in pages of 200, never more than one page at a time, and the file
// has every row; masking of names for files.
#include "modules/exports_jobs/export_runner.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "exports/xlsx_reader.hpp"
#include "modules/exports_jobs/export_lists.hpp"

namespace steward::exports_jobs {
namespace {

nlohmann::json page_of(int page, std::size_t size, std::int64_t total) {
  nlohmann::json items = nlohmann::json::array();
  for (std::int64_t k = (page - 1) * (std::int64_t)size; k < std::min<std::int64_t>(total, page * (std::int64_t)size); ++k)
    items.push_back({{"code", "WO" + std::to_string(100000 + k)},
                     {"kind", k % 2 ? "complaint" : "repair"},
                     {"customer", {{"name", "张三丰"}}},
                     {"overdue", k % 7 == 0},
                     {"score", 90.5}});
  return {{"items", items}, {"total", total}};
}

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const std::vector<Column> kColumns = {column("工单号", "/code"), column("类型", "/kind", {{"repair", "报修"}}),
                                      column("客户", "/customer/name"), column("超时", "/overdue"),
                                      column("得分", "/score"), column("缺", "/missing")};

TEST(ExportRunner, TwentyThousandRowsOnePageAtATime) {
  const auto dir = std::filesystem::temp_directory_path() / ("steward-export-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::int64_t total = 20000;
  for (auto format : {exports::Format::csv, exports::Format::xlsx}) {
    const auto path = (dir / (format == exports::Format::csv ? "wo.csv" : "wo.xlsx")).string();
    int asked = 0;
    std::size_t largest = 0;
    std::vector<std::int64_t> progress;
    const auto r = run_export(
        [&](int page) {
          EXPECT_EQ(page, asked + 1) << "pages are read in order, one after the other";
          ++asked;
          return page_of(page, 200, total);
        },
        200, "工单登记簿", kColumns, format, path,
        [&](std::int64_t done, std::int64_t t, std::size_t rows) {
          EXPECT_EQ(t, total);
          largest = std::max(largest, rows);
          progress.push_back(done);
        });
    EXPECT_EQ(r.rows, total);
    EXPECT_EQ(largest, 200u);  // never more than one page of the list in hand
    EXPECT_EQ(asked, 101);     // 100 full pages and the empty one that ends the list
    ASSERT_FALSE(progress.empty());
    EXPECT_EQ(progress.front(), 200);
    EXPECT_EQ(progress.back(), total);
    EXPECT_FALSE(std::filesystem::exists(path + ".part"));
    const auto bytes = read(path);
    if (format == exports::Format::csv) {
      EXPECT_EQ(bytes.substr(0, 3), "\xEF\xBB\xBF");
      EXPECT_EQ(bytes.find("\xEF\xBB\xBF", 3), std::string::npos);  // one BOM, at the start
      std::size_t lines = 0;
      for (char c : bytes) lines += c == '\n';
      EXPECT_EQ(lines, (std::size_t)total + 1);
      EXPECT_NE(bytes.find("WO100000,报修,张三丰,是,90.5,\r\n"), std::string::npos);
      EXPECT_NE(bytes.find("WO119999,complaint,"), std::string::npos);
    } else {
      const auto sheets = exports::read_xlsx(bytes);
      ASSERT_EQ(sheets.size(), 1u);
      EXPECT_EQ(sheets[0].rows.size(), (std::size_t)total + 2);  // the title, the headers, the rows
      EXPECT_EQ(sheets[0].at(2, 0), "WO100000");
      EXPECT_EQ(sheets[0].at(2, 1), "报修");
      EXPECT_EQ(sheets[0].at(total + 1, 0), "WO119999");
    }
  }
  std::filesystem::remove_all(dir);
}

TEST(ExportRunner, AFailingPageLeavesNoFile) {
  const auto path = (std::filesystem::temp_directory_path() / "steward-export-fail.csv").string();
  EXPECT_THROW(run_export([](int page) -> nlohmann::json {
                 if (page == 2) throw std::runtime_error("database gone");
                 return page_of(page, 10, 100);
               }, 10, "x", kColumns, exports::Format::csv, path),
               std::runtime_error);
  EXPECT_FALSE(std::filesystem::exists(path));
  EXPECT_FALSE(std::filesystem::exists(path + ".part"));
}

TEST(ExportLists, NamesAreMaskedToTheirFirstCharacter) {
  EXPECT_EQ(mask_name("张三丰"), "张**");
  EXPECT_EQ(mask_name("李四"), "李*");
  EXPECT_EQ(mask_name("Ann"), "A**");
  EXPECT_EQ(mask_name(""), "");
}

}  // namespace
}  // namespace steward::exports_jobs
