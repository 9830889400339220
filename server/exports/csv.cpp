#include "exports/csv.hpp"

#include <charconv>
#include <cmath>

namespace steward::exports {

std::string number_text(double n) {
  if (!std::isfinite(n)) return "";
  if (n == 0) return "0";  // also -0
  char buf[64];
  const auto r = std::to_chars(buf, buf + sizeof buf, n);
  return std::string(buf, r.ptr);
}

std::string csv_field(const Cell& cell) {
  std::string v;
  if (cell.kind == Cell::Kind::number) return number_text(cell.number);
  if (cell.kind == Cell::Kind::empty) return "";
  if (cell.kind != Cell::Kind::text) return shown(cell);  // 2026-12-02 18:57, 2026-12-02, 2026-12
  v = cell.text;
  if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' ||
                     v[0] == '\r'))
    v.insert(v.begin(), '\'');
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string q = "\"";
  for (char c : v) {
    if (c == '"') q += '"';
    q += c;
  }
  q += '"';
  return q;
}

CsvWriter::CsvWriter() : out_("\xEF\xBB\xBF") {}

void CsvWriter::header(const std::vector<std::string>& columns) {
  Row r;
  for (const auto& c : columns) r.push_back(text(c));
  row(r);
}

void CsvWriter::row(const Row& cells) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i) out_ += ',';
    out_ += csv_field(cells[i]);
  }
  out_ += "\r\n";
}

std::string to_csv(const Table& table) {
  CsvWriter w;
  w.header(table.columns);
  for (const auto& r : table.rows) w.row(r);
  return w.take();
}

}  // namespace steward::exports
