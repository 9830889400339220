#pragma once
// Reading an XLSX file (libzip for the zip, pugixml for the XML) into text cells. Enough of the
// format for files written by Excel, WPS, LibreOffice and libxlsxwriter: shared and inline
// strings, numbers (as their text, e.g. "0.5"), booleans; formulas give their cached value; styles
// and dates are not interpreted. Limits against hostile files: at most 8 MiB of input, 64 MiB
// uncompressed per part, 100,000 rows per sheet.
#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

namespace steward::exports {

struct SheetData {
  std::string name;
  // rows[r][c] is the text of the cell in row r + 1, column c (0 = "A"); missing cells are "".
  std::vector<std::vector<std::string>> rows;
  const std::string& at(std::size_t row, std::size_t col) const;  // "" outside the data
};

// Not a zip, not a workbook, or too big: what is wrong, in plain words.
class BadFile : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Every worksheet in workbook order.
std::vector<SheetData> read_xlsx(const std::string& bytes);

}  // namespace steward::exports
