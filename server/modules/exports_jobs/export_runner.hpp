#pragma once
// Writing one list to a file, a page at a time (issue 6 "Exports"): the rows of a list come from
// the list's own query function, page after page; each page's rows are written and dropped
// before the next page is read, so an export holds one page of the list in memory, whatever its
// length. XLSX goes through libxlsxwriter's constant-memory mode, CSV is appended to the file.
#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "exports/table.hpp"

namespace steward::exports_jobs {

// One column: its header and how to read the cell from a list item (the list's JSON, as the
// caller sees it on screen).
struct Column {
  std::string header;
  std::function<exports::Cell(const nlohmann::json& item)> cell;
};

// A page of the list: {"items": [...], "total": N}; `page` is 1-based.
using PageSource = std::function<nlohmann::json(int page)>;
// After each page: rows written so far, the list's total, and the rows of that page.
using Progress = std::function<void(std::int64_t done, std::int64_t total, std::size_t page_rows)>;

struct RunResult {
  std::int64_t rows = 0, total = 0;
  int pages = 0;
};

// Pages through `source` until a page comes back short (or empty), writing every row to `path`.
// `title` is the XLSX sheet's first row. Throws what the source throws; the file is then removed.
RunResult run_export(const PageSource& source, std::size_t page_size, const std::string& title,
                     const std::vector<Column>& columns, exports::Format format,
                     const std::string& path, const Progress& progress = {});

}  // namespace steward::exports_jobs
