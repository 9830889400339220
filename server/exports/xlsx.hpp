#pragma once
// XLSX written with libxlsxwriter in constant_memory mode: each row goes to a temporary file as
// it is written, so a long export does not sit in memory; the finished workbook is read back as
// bytes once. Rows of a sheet must be written in order (that mode's one rule); sheets one after
// the other. Every sheet starts with its title (bold) in row 1 and the column headers (bold) in
// row 2; data starts in row 3.
#include <memory>
#include <string>
#include <vector>

#include "exports/table.hpp"

namespace steward::exports {

class XlsxWriter {
 public:
  XlsxWriter();  // into a temporary file, read back by finish()
  // Straight into `path` (created or truncated): close() completes it, and the bytes never sit
  // in memory (a long export). A writer destroyed without close() leaves a partial file there.
  explicit XlsxWriter(const std::string& path);
  ~XlsxWriter();
  XlsxWriter(const XlsxWriter&) = delete;
  XlsxWriter& operator=(const XlsxWriter&) = delete;

  // Starts a sheet (names are cut to Excel's 31 characters and cleaned of []:*?/\).
  void sheet(const std::string& name, const std::string& title,
             const std::vector<std::string>& columns);
  // Like sheet(), with no title row: headers in row 1, data from row 2 (files meant for import).
  void plain_sheet(const std::string& name, const std::vector<std::string>& columns);
  void row(const Row& cells);
  // Closes the workbook and returns the file's bytes; the writer cannot be used afterwards.
  std::string finish();
  // Closes the workbook written to the path given to the constructor; the writer cannot be used
  // afterwards.
  void close();

 private:
  struct State;
  void open(const std::string& path, bool temporary);
  std::unique_ptr<State> state_;
};

std::string to_xlsx(const Table& table, const std::string& sheet_name = "Sheet1");

// Excel's "A", "B", ... "AA" for a 0-based column.
std::string column_letter(std::size_t column);

}  // namespace steward::exports
