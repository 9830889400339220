#pragma once
// CSV as Excel reads it: UTF-8 with a byte-order mark (so Chinese is not mojibake), CRLF line
// ends, RFC 4180 quoting (a field with a comma, quote, CR or LF is quoted, quotes doubled), and
// text cells that a spreadsheet would take as a formula (= + - @ tab CR first) neutralised with a
// leading apostrophe.
#include <string>

#include "exports/table.hpp"

namespace steward::exports {

// One field as written (quoted when needed, neutralised when it is text that looks like a formula).
std::string csv_field(const Cell& cell);
// The shortest decimal that reads back as the same double: 92.5, -500, 0.3.
std::string number_text(double n);

class CsvWriter {
 public:
  CsvWriter();  // starts with the BOM
  void header(const std::vector<std::string>& columns);
  void row(const Row& cells);
  const std::string& bytes() const { return out_; }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

// The header row, then the rows (the title goes into the file name, not the file).
std::string to_csv(const Table& table);

}  // namespace steward::exports
