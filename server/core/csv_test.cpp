// The CSV reader against what spreadsheets write: quoting, a byte order mark, CRLF, line breaks
// inside a field, and the errors that name the line.
#include "core/csv.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace steward::core {
namespace {

using Records = std::vector<std::vector<std::string>>;

Records read_all(const std::string& text, std::vector<long>* lines = nullptr) {
  std::istringstream in(text);
  CsvReader reader(in);
  Records out;
  std::vector<std::string> fields;
  while (reader.next(fields)) {
    out.push_back(fields);
    if (lines) lines->push_back(reader.line());
  }
  return out;
}

TEST(Csv, PlainFieldsAndLastLineWithoutBreak) {
  EXPECT_EQ(read_all("a,b,c\n1,2,3"), (Records{{"a", "b", "c"}, {"1", "2", "3"}}));
}

TEST(Csv, QuotedFieldsHoldCommasQuotesAndLineBreaks) {
  std::vector<long> lines;
  const auto r = read_all("id,note\n1,\"漏水, 很急\"\n2,\"他说\"\"马上来\"\"\"\n3,\"第一行\r\n第二行\"\n4,x\n", &lines);
  ASSERT_EQ(r.size(), 5u);
  EXPECT_EQ(r[1][1], "漏水, 很急");
  EXPECT_EQ(r[2][1], "他说\"马上来\"");
  EXPECT_EQ(r[3][1], "第一行\r\n第二行");
  EXPECT_EQ(r[4], (std::vector<std::string>{"4", "x"}));
  EXPECT_EQ(lines, (std::vector<long>{1, 2, 3, 4, 6}));  // the record after the break starts on 6
}

TEST(Csv, ByteOrderMarkAndCrlfAreNotPartOfTheFields) {
  EXPECT_EQ(read_all("\xEF\xBB\xBF" "externalId,title\r\nA1,楼道灯不亮\r\n"),
            (Records{{"externalId", "title"}, {"A1", "楼道灯不亮"}}));
}

TEST(Csv, EmptyFieldsAndBlankLinesAreKept) {
  EXPECT_EQ(read_all("a,,c,\n\n\"\",x\r\n"), (Records{{"a", "", "c", ""}, {""}, {"", "x"}}));
}

TEST(Csv, AQuoteOutOfPlaceNamesItsLine) {
  try {
    read_all("a,b\n1,ab\"c\n");
    FAIL() << "no error";
  } catch (const CsvError& e) {
    EXPECT_EQ(e.line(), 2);
  }
  try {
    read_all("a,b\n1,\"ab\"c\n");
    FAIL() << "no error";
  } catch (const CsvError& e) {
    EXPECT_EQ(e.line(), 2);
  }
}

TEST(Csv, AnUnclosedQuoteNamesTheLineWhereItOpened) {
  try {
    read_all("a,b\n1,2\n3,\"open\nstill\nopen\n");
    FAIL() << "no error";
  } catch (const CsvError& e) {
    EXPECT_EQ(e.line(), 3);
  }
}

TEST(Csv, LongInputAcrossChunks) {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += std::to_string(i) + ",\"x,y\"\r\n";
  const auto r = read_all(text);
  ASSERT_EQ(r.size(), 20000u);
  EXPECT_EQ(r[19999], (std::vector<std::string>{"19999", "x,y"}));
}

}  // namespace
}  // namespace steward::core
