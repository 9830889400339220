// The export library: CSV as Excel reads it, XLSX that is a real workbook and reads back, and the
// download headers.
#include <gtest/gtest.h>
#include <unistd.h>
#include <zip.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "exports/csv.hpp"
#include "exports/download.hpp"
#include "exports/xlsx.hpp"
#include "exports/xlsx_reader.hpp"

namespace steward::exports {
namespace {

const std::string kBom = "\xEF\xBB\xBF";

TEST(ExportsCsv, StartsWithTheBomAndQuotesAsRfc4180) {
  Table t{"ignored", {"姓名", "金额"}, {}};
  t.rows.push_back({text("刘建国"), number(-500)});
  t.rows.push_back({text("a,b"), number(92.5)});
  t.rows.push_back({text("say \"hi\""), number(0.3)});
  t.rows.push_back({text("two\nlines"), empty()});
  EXPECT_EQ(to_csv(t), kBom +
                           "姓名,金额\r\n"
                           "刘建国,-500\r\n"
                           "\"a,b\",92.5\r\n"
                           "\"say \"\"hi\"\"\",0.3\r\n"
                           "\"two\nlines\",\r\n");
}

TEST(ExportsCsv, TextThatLooksLikeAFormulaIsNeutralisedNumbersAreNot) {
  EXPECT_EQ(csv_field(text("=HYPERLINK(\"http://x\")")), "\"'=HYPERLINK(\"\"http://x\"\")\"");
  EXPECT_EQ(csv_field(text("+1")), "'+1");
  EXPECT_EQ(csv_field(text("-2")), "'-2");
  EXPECT_EQ(csv_field(text("@SUM(A1)")), "'@SUM(A1)");
  EXPECT_EQ(csv_field(text("\tx")), "'\tx");
  EXPECT_EQ(csv_field(text("a=b")), "a=b");  // only the first character matters
  EXPECT_EQ(csv_field(number(-500)), "-500");  // a number cell is a number, sign and all
  EXPECT_EQ(number_text(1000), "1000");
  EXPECT_EQ(number_text(98.77), "98.77");
  EXPECT_EQ(number_text(-0.0), "0");
}

TEST(ExportsXlsx, IsAZipHoldingTheSheetAndReadsBack) {
  Table t{"奖罚清单 2026-11", {"姓名", "岗位", "金额"}, {}};
  t.rows.push_back({text("刘建国"), text("project_manager"), number(1000)});
  t.rows.push_back({text("=cmd"), text(""), number(-0.5)});
  const auto bytes = to_xlsx(t, "奖罚");
  ASSERT_GT(bytes.size(), 100u);
  EXPECT_EQ(bytes.substr(0, 2), "PK");
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  zip_t* z = zip_open_from_source(src, ZIP_RDONLY, &err);
  ASSERT_NE(z, nullptr);
  EXPECT_GE(zip_name_locate(z, "xl/worksheets/sheet1.xml", 0), 0);
  EXPECT_GE(zip_name_locate(z, "xl/workbook.xml", 0), 0);
  zip_discard(z);

  const auto sheets = read_xlsx(bytes);
  ASSERT_EQ(sheets.size(), 1u);
  EXPECT_EQ(sheets[0].name, "奖罚");
  EXPECT_EQ(sheets[0].at(0, 0), "奖罚清单 2026-11");  // the title row
  EXPECT_EQ(sheets[0].at(1, 2), "金额");
  EXPECT_EQ(sheets[0].at(2, 0), "刘建国");
  EXPECT_EQ(sheets[0].at(2, 2), "1000");
  EXPECT_EQ(sheets[0].at(3, 0), "=cmd");  // text stays text in XLSX: no formula to neutralise
  EXPECT_EQ(sheets[0].at(3, 1), "");
  EXPECT_EQ(sheets[0].at(3, 2), "-0.5");
  EXPECT_EQ(sheets[0].at(99, 99), "");
}

TEST(ExportsXlsx, SeveralSheetsAndManyRowsStream) {
  XlsxWriter w;
  w.plain_sheet("rubric", {"key", "value"});
  w.row({text("code"), text("CS")});
  w.plain_sheet("items:[1]", {"n"});
  for (int i = 0; i < 20000; ++i) w.row({number(i)});
  const auto sheets = read_xlsx(w.finish());
  ASSERT_EQ(sheets.size(), 2u);
  EXPECT_EQ(sheets[0].at(1, 1), "CS");
  EXPECT_EQ(sheets[1].name, "items__1_");  // Excel's forbidden characters replaced
  EXPECT_EQ(sheets[1].rows.size(), 20001u);
  EXPECT_EQ(sheets[1].at(20000, 0), "19999");
}

TEST(ExportsXlsx, AWorkbookWrittenStraightIntoItsFile) {
  const auto path = std::filesystem::temp_directory_path() / ("steward-xlsx-" + std::to_string(::getpid()) + ".xlsx");
  {
    XlsxWriter w(path.string());
    w.sheet("清单", "清单", {"n", "登记时间"});
    for (int i = 0; i < 5000; ++i) w.row({number(i), when("2026-12-02T18:57:28+08:00")});
    w.close();
    EXPECT_THROW(w.finish(), std::logic_error);
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  const auto sheets = read_xlsx(bytes.str());
  ASSERT_EQ(sheets.size(), 1u);
  EXPECT_EQ(sheets[0].rows.size(), 5002u);
  EXPECT_EQ(sheets[0].at(5001, 0), "4999");
  EXPECT_TRUE(std::filesystem::exists(path));  // the writer's file, not a temporary one
  std::filesystem::remove(path);
}

TEST(ExportsXlsx, WhatIsNotAWorkbookIsABadFile) {
  EXPECT_THROW(read_xlsx("hello, world"), BadFile);
  EXPECT_THROW(read_xlsx(""), BadFile);
  EXPECT_THROW(read_xlsx(std::string("PK\x03\x04 broken zip", 18)), BadFile);
  // A zip without a workbook inside.
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &err);
  zip_source_keep(src);
  zip_t* z = zip_open_from_source(src, ZIP_TRUNCATE, &err);
  ASSERT_NE(z, nullptr);
  const std::string hello = "hello";
  zip_source_t* file = zip_source_buffer(z, hello.data(), hello.size(), 0);
  zip_file_add(z, "hello.txt", file, 0);
  ASSERT_EQ(zip_close(z), 0);
  ASSERT_EQ(zip_source_open(src), 0);
  zip_source_seek(src, 0, SEEK_END);
  const auto size = zip_source_tell(src);
  zip_source_seek(src, 0, SEEK_SET);
  std::string bytes(static_cast<std::size_t>(size), '\0');
  zip_source_read(src, bytes.data(), bytes.size());
  zip_source_close(src);
  zip_source_free(src);
  try {
    read_xlsx(bytes);
    FAIL() << "read a zip without a workbook";
  } catch (const BadFile& e) {
    EXPECT_NE(std::string(e.what()).find("not an XLSX"), std::string::npos) << e.what();
  }
}

// One file of the zip, as text ("" when missing).
std::string zip_part(const std::string& bytes, const char* name) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  zip_t* z = zip_open_from_source(src, ZIP_RDONLY, &err);
  if (!z) return "";
  std::string out;
  if (zip_file_t* f = zip_fopen(z, name, 0)) {
    char buf[4096];
    for (zip_int64_t n; (n = zip_fread(f, buf, sizeof buf)) > 0;) out.append(buf, static_cast<std::size_t>(n));
    zip_fclose(f);
  }
  zip_discard(z);
  return out;
}

TEST(ExportsTimes, TheJsonsIsoTimesAreLocalTimesDatesAndMonths) {
  // The digits are the wall clock of the offset written (the record's project's): no conversion.
  auto c = when("2026-12-02T18:57:28+08:00");
  ASSERT_EQ(c.kind, Cell::Kind::datetime);
  EXPECT_EQ(c.number, 20789.0 * 86400 + 18 * 3600 + 57 * 60 + 28);
  EXPECT_EQ(shown(c), "2026-12-02 18:57");
  EXPECT_EQ(shown(when("2026-12-02T16:57:28+06:00")), "2026-12-02 16:57");  // Urumqi's clock
  EXPECT_EQ(shown(when("2026-12-31T23:59:59.250Z")), "2026-12-31 23:59");
  EXPECT_EQ(shown(when("2026-01-05T00:00-05:00")), "2026-01-05 00:00");  // no seconds
  EXPECT_EQ(shown(datetime(0, 8 * 3600)), "1970-01-01 08:00");
  EXPECT_EQ(when("2026-11-30").kind, Cell::Kind::date);
  EXPECT_EQ(shown(when("2026-11-30")), "2026-11-30");
  EXPECT_EQ(when("2026-11").kind, Cell::Kind::month);
  EXPECT_EQ(shown(when("2026-11")), "2026-11");
  EXPECT_EQ(when("").kind, Cell::Kind::empty);
  EXPECT_EQ(days_from_civil(1970, 1, 1), 0);
  EXPECT_EQ(days_from_civil(2026, 12, 2), 20789);
  // Anything else stays text, as it is.
  for (const std::string s : {"2026-02-30", "2026-13", "2026-12-02 18:57", "2026-12-02T25:00:00+08:00",
                              "2026-12-02T18:57:28", "2026-12-02T18:57:28+8", "2026-12-02T18:57:28+08:00x",
                              "Q4 2026", "20261202", "2026-1-2", "维修后仍漏水"}) {
    const auto t = when(s);
    EXPECT_EQ(t.kind, Cell::Kind::text) << s;
    EXPECT_EQ(t.text, s);
  }
}

TEST(ExportsTimes, CsvHasTheLocalTimeAsTextThatSpreadsheetsReadAsDates) {
  Table t{"t", {"登记时间", "截止日期", "月份", "标题"}, {}};
  t.rows.push_back({when("2026-12-02T18:57:28+08:00"), when("2026-12-05"), when("2026-11"), text("2026-12-02")});
  t.rows.push_back({when(""), empty(), when("2026-11"), text("x")});
  EXPECT_EQ(to_csv(t), kBom +
                           "登记时间,截止日期,月份,标题\r\n"
                           "2026-12-02 18:57,2026-12-05,2026-11,2026-12-02\r\n"
                           ",,2026-11,x\r\n");
}

TEST(ExportsTimes, XlsxHasRealDateCellsWithTheirFormats) {
  Table t{"工单登记簿", {"登记时间", "截止日期", "月份", "标题"}, {}};
  t.rows.push_back({when("2026-12-02T18:57:28+08:00"), when("2026-12-05"), when("2026-11"), text("2026-12-02")});
  const auto bytes = to_xlsx(t);
  const auto sheets = read_xlsx(bytes);
  ASSERT_EQ(sheets.size(), 1u);
  // Excel's serial dates: days since 1899-12-30, the time of day as the fraction.
  EXPECT_NEAR(std::stod(sheets[0].at(2, 0)), 46358 + (18 * 3600 + 57 * 60 + 28) / 86400.0, 1e-9);
  EXPECT_EQ(sheets[0].at(2, 1), "46361");
  EXPECT_EQ(sheets[0].at(2, 2), "46327");  // 2026-11-01
  EXPECT_EQ(sheets[0].at(2, 3), "2026-12-02");  // text stays text
  // The cells are numbers (no t="s") with a style, and the styles are date formats.
  const auto sheet = zip_part(bytes, "xl/worksheets/sheet1.xml");
  EXPECT_NE(sheet.find("<c r=\"A3\" s=\""), std::string::npos) << sheet;
  EXPECT_EQ(sheet.find("<c r=\"A3\" s=\"0\""), std::string::npos) << sheet;
  EXPECT_NE(sheet.find("<c r=\"D3\" t=\"inlineStr\""), std::string::npos) << sheet;
  const auto styles = zip_part(bytes, "xl/styles.xml");
  EXPECT_NE(styles.find("formatCode=\"yyyy-mm-dd hh:mm\""), std::string::npos) << styles;
  EXPECT_NE(styles.find("formatCode=\"yyyy-mm-dd\""), std::string::npos) << styles;
  EXPECT_NE(styles.find("formatCode=\"yyyy-mm\""), std::string::npos) << styles;
}

TEST(ExportsDownload, FileNameInUtf8WithAnAsciiFallback) {
  EXPECT_EQ(content_disposition("奖罚-2026.csv"),
            "attachment; filename=\"__-2026.csv\"; "
            "filename*=UTF-8''%E5%A5%96%E7%BD%9A-2026.csv");
  EXPECT_EQ(content_disposition("a \"b\".xlsx"),
            "attachment; filename=\"a _b_.xlsx\"; filename*=UTF-8''a%20%22b%22.xlsx");
  Table t{"t", {"a"}, {{text("x")}}};
  const auto r = download(t, Format::csv, "清单");
  EXPECT_EQ(r.content_type, "text/csv; charset=utf-8");
  EXPECT_EQ(r.body, kBom + "a\r\nx\r\n");
  ASSERT_FALSE(r.headers.empty());
  EXPECT_EQ(r.headers[0].second, "attachment; filename=\"__.csv\"; filename*=UTF-8''%E6%B8%85%E5%8D%95.csv");
  EXPECT_EQ(column_letter(0), "A");
  EXPECT_EQ(column_letter(25), "Z");
  EXPECT_EQ(column_letter(26), "AA");
}

}  // namespace
}  // namespace steward::exports
