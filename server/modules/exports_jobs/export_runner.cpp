#include "modules/exports_jobs/export_runner.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "exports/csv.hpp"
#include "exports/xlsx.hpp"

namespace steward::exports_jobs {
namespace {

exports::Row row_of(const nlohmann::json& item, const std::vector<Column>& columns) {
  exports::Row row;
  row.reserve(columns.size());
  for (const auto& c : columns) row.push_back(c.cell(item));
  return row;
}

}  // namespace

RunResult run_export(const PageSource& source, std::size_t page_size, const std::string& title,
                     const std::vector<Column>& columns, exports::Format format,
                     const std::string& path, const Progress& progress) {
  std::vector<std::string> headers;
  for (const auto& c : columns) headers.push_back(c.header);
  const std::string partial = path + ".part";
  RunResult result;
  try {
    // XLSX goes straight into the file (rows to libxlsxwriter's temporary files, then zipped
    // from them at close): the workbook never sits in memory. CSV is appended page by page.
    std::ofstream out;
    std::unique_ptr<exports::XlsxWriter> xlsx;
    if (format == exports::Format::xlsx) {
      xlsx = std::make_unique<exports::XlsxWriter>(partial);
      xlsx->sheet(title, title, headers);
    } else {
      out.open(partial, std::ios::binary | std::ios::trunc);
      if (!out) throw std::runtime_error("cannot write the export file");
      exports::CsvWriter csv;  // the BOM and the header row
      csv.header(headers);
      out << csv.bytes();
    }
    for (int page = 1;; ++page) {
      const nlohmann::json chunk = source(page);
      const auto& items = chunk.at("items");
      result.total = chunk.value("total", result.total);
      ++result.pages;
      if (xlsx) {
        for (const auto& item : items) xlsx->row(row_of(item, columns));
      } else {
        exports::CsvWriter csv;  // starts with a BOM, which only the file's start keeps
        const std::size_t bom = csv.bytes().size();
        for (const auto& item : items) csv.row(row_of(item, columns));
        out << csv.bytes().substr(bom);
      }
      result.rows += static_cast<std::int64_t>(items.size());
      if (progress) progress(result.rows, result.total, items.size());
      if (items.size() < page_size) break;
    }
    if (xlsx) {
      xlsx->close();
    } else {
      out.close();
      if (!out) throw std::runtime_error("cannot write the export file");
    }
    std::filesystem::rename(partial, path);
  } catch (...) {
    std::error_code ec;
    std::filesystem::remove(partial, ec);
    throw;
  }
  return result;
}

}  // namespace steward::exports_jobs
