#include "exports/xlsx.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace steward::exports {
namespace {

namespace fs = std::filesystem;

// Excel refuses sheet names with these characters or longer than 31 characters (UTF-16 units;
// we count code points, which is the same for Chinese).
std::string clean_sheet_name(const std::string& name, std::size_t n) {
  std::string out;
  std::size_t points = 0;
  for (std::size_t i = 0; i < name.size() && points < 31;) {
    const unsigned char c = name[i];
    const std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    std::string cp = name.substr(i, len);
    i += len;
    if (cp.size() == 1 && std::string("[]:*?/\\").find(cp[0]) != std::string::npos) cp = "_";
    if (cp.size() == 1 && static_cast<unsigned char>(cp[0]) < 0x20) cp = " ";
    out += cp;
    ++points;
  }
  if (out.empty()) out = "Sheet" + std::to_string(n);
  return out;
}

// Cells hold at most 32,767 characters; longer text is cut at a character boundary.
std::string fit(const std::string& s) {
  if (s.size() <= 32767) return s;
  std::size_t end = 32767;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end);
}

// Excel's serial date (1900 date system) of days since 1970-01-01: 25569 is 1970-01-01, and
// every date we write is after Excel's fictitious 1900-02-29.
double excel_serial(double days_since_1970) { return days_since_1970 + 25569; }

}  // namespace

struct XlsxWriter::State {
  std::string path;
  lxw_workbook* book = nullptr;
  lxw_worksheet* sheet = nullptr;
  lxw_format* bold = nullptr;
  lxw_format* datetime = nullptr;  // yyyy-mm-dd hh:mm
  lxw_format* date = nullptr;      // yyyy-mm-dd
  lxw_format* month = nullptr;     // yyyy-mm
  lxw_row_t next = 0;
  std::size_t sheets = 0;
};

std::string column_letter(std::size_t column) {
  std::string out;
  ++column;
  while (column > 0) {
    out.insert(out.begin(), static_cast<char>('A' + (column - 1) % 26));
    column = (column - 1) / 26;
  }
  return out;
}

XlsxWriter::XlsxWriter() : state_(std::make_unique<State>()) {
  const auto dir = fs::temp_directory_path();
  std::string tmpl = (dir / "steward-export-XXXXXX").string();
  const int fd = ::mkstemp(tmpl.data());
  if (fd < 0) throw std::runtime_error("cannot create a temporary file for an export");
  ::close(fd);
  state_->path = tmpl;
  open(state_->path, true);
}

XlsxWriter::XlsxWriter(const std::string& path) : state_(std::make_unique<State>()) { open(path, false); }

void XlsxWriter::open(const std::string& path, bool temporary) {
  const auto dir = fs::temp_directory_path();
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  std::string tmpdir = dir.string();
  options.tmpdir = tmpdir.data();
  state_->book = workbook_new_opt(path.c_str(), &options);
  if (!state_->book) {
    if (temporary) ::unlink(path.c_str());
    state_->path.clear();
    throw std::runtime_error("cannot start an XLSX workbook");
  }
  state_->bold = workbook_add_format(state_->book);
  format_set_bold(state_->bold);
  state_->datetime = workbook_add_format(state_->book);
  format_set_num_format(state_->datetime, "yyyy-mm-dd hh:mm");
  state_->date = workbook_add_format(state_->book);
  format_set_num_format(state_->date, "yyyy-mm-dd");
  state_->month = workbook_add_format(state_->book);
  format_set_num_format(state_->month, "yyyy-mm");
}

XlsxWriter::~XlsxWriter() {
  if (state_ && state_->book) workbook_close(state_->book);
  if (state_ && !state_->path.empty()) ::unlink(state_->path.c_str());
}

void XlsxWriter::plain_sheet(const std::string& name, const std::vector<std::string>& columns) {
  if (!state_->book) throw std::logic_error("XlsxWriter used after finish()");
  ++state_->sheets;
  state_->sheet = workbook_add_worksheet(state_->book, clean_sheet_name(name, state_->sheets).c_str());
  if (!state_->sheet)  // a repeated name
    state_->sheet = workbook_add_worksheet(state_->book, ("Sheet" + std::to_string(state_->sheets)).c_str());
  state_->next = 0;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    worksheet_set_column(state_->sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), 17, nullptr);
    worksheet_write_string(state_->sheet, 0, static_cast<lxw_col_t>(c), fit(columns[c]).c_str(), state_->bold);
  }
  state_->next = 1;
}

void XlsxWriter::sheet(const std::string& name, const std::string& title,
                       const std::vector<std::string>& columns) {
  if (!state_->book) throw std::logic_error("XlsxWriter used after finish()");
  ++state_->sheets;
  state_->sheet = workbook_add_worksheet(state_->book, clean_sheet_name(name, state_->sheets).c_str());
  if (!state_->sheet)
    state_->sheet = workbook_add_worksheet(state_->book, ("Sheet" + std::to_string(state_->sheets)).c_str());
  for (std::size_t c = 0; c < columns.size(); ++c)
    worksheet_set_column(state_->sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), 17, nullptr);
  worksheet_write_string(state_->sheet, 0, 0, fit(title).c_str(), state_->bold);
  for (std::size_t c = 0; c < columns.size(); ++c)
    worksheet_write_string(state_->sheet, 1, static_cast<lxw_col_t>(c), fit(columns[c]).c_str(), state_->bold);
  state_->next = 2;
}

void XlsxWriter::row(const Row& cells) {
  if (!state_->sheet) throw std::logic_error("XlsxWriter::row before sheet()");
  const lxw_row_t r = state_->next++;
  for (std::size_t c = 0; c < cells.size(); ++c) {
    const auto col = static_cast<lxw_col_t>(c);
    const auto& cell = cells[c];
    if (cell.kind == Cell::Kind::number && std::isfinite(cell.number))
      worksheet_write_number(state_->sheet, r, col, cell.number, nullptr);
    else if (cell.kind == Cell::Kind::datetime)
      worksheet_write_number(state_->sheet, r, col, excel_serial(cell.number / 86400), state_->datetime);
    else if (cell.kind == Cell::Kind::date || cell.kind == Cell::Kind::month)
      worksheet_write_number(state_->sheet, r, col, excel_serial(cell.number),
                             cell.kind == Cell::Kind::date ? state_->date : state_->month);
    else if (cell.kind == Cell::Kind::text && !cell.text.empty())
      worksheet_write_string(state_->sheet, r, col, fit(cell.text).c_str(), nullptr);
  }
}

void XlsxWriter::close() {
  if (!state_->book) throw std::logic_error("XlsxWriter::close twice");
  if (state_->sheets == 0) plain_sheet("Sheet1", {});
  const lxw_error err = workbook_close(state_->book);
  state_->book = nullptr;
  if (err != LXW_NO_ERROR)
    throw std::runtime_error(std::string("cannot write the XLSX file: ") + lxw_strerror(err));
}

std::string XlsxWriter::finish() {
  if (!state_->book) throw std::logic_error("XlsxWriter::finish twice");
  if (state_->path.empty()) throw std::logic_error("XlsxWriter::finish of a workbook written to a path: close() it");
  if (state_->sheets == 0) plain_sheet("Sheet1", {});
  const lxw_error err = workbook_close(state_->book);
  state_->book = nullptr;
  if (err != LXW_NO_ERROR)
    throw std::runtime_error(std::string("cannot write the XLSX file: ") + lxw_strerror(err));
  std::ifstream in(state_->path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  ::unlink(state_->path.c_str());
  state_->path.clear();
  return bytes.str();
}

std::string to_xlsx(const Table& table, const std::string& sheet_name) {
  XlsxWriter w;
  w.sheet(sheet_name, table.title, table.columns);
  for (const auto& r : table.rows) w.row(r);
  return w.finish();
}

}  // namespace steward::exports
