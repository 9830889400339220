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
// Reading: exports::read_xlsx (xlsx_reader.hpp) gives every sheet's cells as text, with the
// row and column of each, and throws exports::BadFile for anything that is not a readable XLSX.
#include <string>
#include <vector>

namespace steward::exports {

struct Cell {
  enum class Kind { text, number, empty };
  Kind kind = Kind::empty;
  std::string text;
  double number = 0;
};
inline Cell text(std::string s) { return {Cell::Kind::text, std::move(s), 0}; }
inline Cell number(double n) { return {Cell::Kind::number, {}, n}; }
inline Cell empty() { return {}; }

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
