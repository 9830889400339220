#pragma once
// Exports (a library of its own, `steward_exports`): tables written as XLSX or CSV, and XLSX read
// back, for payroll lists, rubric files and any other "download as a spreadsheet" of a module.
//
// How to use it from a module (routes live in the module, as usual):
//
//   #include "exports/download.hpp"
//   const auto format = exports::format_of(req.query);        // ?format=xlsx|csv, 400 otherwise
//   exports::Table t{"整改清单", {"项目", "截止日期", "扣分"}, {}};
//   t.rows.push_back({exports::text("城市花园"), exports::text("2026-11-30"), exports::number(2.5)});
//   return exports::download(t, format, "整改清单-2026-11");  // the extension is added
//
// For big lists, stream instead of building a Table: exports::XlsxWriter (xlsx.hpp) writes each
// row as it comes (libxlsxwriter's constant_memory mode: rows go to a temporary file, not into
// memory), exports::CsvWriter (csv.hpp) appends to a string. Both take the same Cells.
// Text cells are written as text in XLSX (never as formulas); in CSV a text cell that starts with
// = + - @ (or a tab or carriage return) gets a leading apostrophe, so a spreadsheet program does
// not run it as a formula. Number cells are numbers in both (in CSV the shortest exact decimal).
// Time cells (exports::when, datetime, date, month) are real dates in XLSX and local-time text
// in CSV; the JSON's ISO times go through exports::when, in this one place.
// Reading: exports::read_xlsx (xlsx_reader.hpp) gives every sheet's cells as text, with the
// row and column of each, and throws exports::BadFile for anything that is not a readable XLSX.
#include <cstdint>
#include <string>
#include <vector>

namespace steward::exports {

// A cell. Times are local wall-clock times (the record's project's, as the screen shows them):
// `datetime` holds the seconds since 1970-01-01 00:00 of that wall clock (the instant plus the
// zone's offset), `date` and `month` the days since 1970-01-01 (of the month's first day). The
// writers decide how each looks: XLSX a real date-time cell (a serial number with the format
// yyyy-mm-dd hh:mm, yyyy-mm-dd or yyyy-mm, so it sorts and filters as a date), CSV the text
// 2026-12-02 18:57, 2026-12-02 or 2026-12 (which spreadsheet programs read as dates).
struct Cell {
  enum class Kind { text, number, empty, datetime, date, month };
  Kind kind = Kind::empty;
  std::string text;
  double number = 0;  // the number, or the local seconds (datetime) or days (date, month)
};
inline Cell text(std::string s) { return {Cell::Kind::text, std::move(s), 0}; }
inline Cell number(double n) { return {Cell::Kind::number, {}, n}; }
inline Cell empty() { return {}; }
// An instant shown in a zone `offset_seconds` east of UTC.
inline Cell datetime(std::int64_t epoch_seconds, int offset_seconds) {
  return {Cell::Kind::datetime, {}, static_cast<double>(epoch_seconds + offset_seconds)};
}
// Days since 1970-01-01 of a calendar date (proleptic Gregorian), and the date cells.
std::int64_t days_from_civil(int year, unsigned month, unsigned day);
inline Cell date(int year, unsigned month, unsigned day) {
  return {Cell::Kind::date, {}, static_cast<double>(days_from_civil(year, month, day))};
}
inline Cell month(int year, unsigned month) {
  return {Cell::Kind::month, {}, static_cast<double>(days_from_civil(year, month, 1))};
}
// A time as the JSON of the lists and reports has it, in its own offset (the record's project's):
// "2026-12-02T18:57:28+08:00" (or Z) -> a datetime at 2026-12-02 18:57:28 local; "2026-12-02" ->
// a date; "2026-12" -> a month; "" -> empty; anything else stays text, as it is.
Cell when(const std::string& iso);
// The text of a cell as CSV writes it before quoting: "2026-12-02 18:57", "92.5", the text.
std::string shown(const Cell& cell);

using Row = std::vector<Cell>;

// One sheet: a title (the first row of an XLSX sheet; CSV has no title row), the column
// headers, the rows.
struct Table {
  std::string title;
  std::vector<std::string> columns;
  std::vector<Row> rows;
};

enum class Format { xlsx, csv };

}  // namespace steward::exports
