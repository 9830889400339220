#pragma once
// Reading CSV as RFC 4180 writes it, the way spreadsheets export it: fields separated by commas,
// records by CRLF or LF; a field in double quotes may hold commas, line breaks and doubled quotes
// (""); a UTF-8 byte order mark before the first record is skipped. Streams the input in chunks,
// so a file of any size is read in constant memory.
#include <cstdint>
#include <istream>
#include <stdexcept>
#include <string>
#include <vector>

namespace steward::core {

// A malformed record: the physical line (1-based) where the problem is.
class CsvError : public std::runtime_error {
 public:
  CsvError(long line, const std::string& what) : std::runtime_error(what), line_(line) {}
  long line() const { return line_; }

 private:
  long line_;
};

class CsvReader {
 public:
  explicit CsvReader(std::istream& in) : in_(in) {}
  // The next record into `fields` (reused, so its strings keep their capacity); false at the end.
  // A blank line is a record of one empty field. Throws CsvError on a quote out of place or a
  // quoted field still open at the end of the input.
  bool next(std::vector<std::string>& fields);
  // The physical line on which the record last returned starts (1-based).
  long line() const { return record_line_; }

 private:
  int get();   // the next byte, or -1 at the end
  int peek();
  std::istream& in_;
  std::string buffer_;
  std::size_t pos_ = 0;
  bool started_ = false;
  long line_ = 1, record_line_ = 0;
};

}  // namespace steward::core
