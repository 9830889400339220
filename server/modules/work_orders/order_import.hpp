#pragma once
// Importing the history of work orders from a previous system (issue 7; docs/import.md): a CSV
// file with a header row, one order per row. The whole file is checked before anything is
// written; a file with any bad row imports nothing and every problem is named by line and column.
// A good file is written in batched transactions: each order with its clocks (computed by the SLA
// rules as the server computes them), one timeline event, one audit row, and the counters and
// dashboard roll-ups it contributes to. Rows whose external id was imported before into the same
// project are skipped, so a file can be imported again (after an interrupted run) without
// duplicating orders.
#include <cstdint>
#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <vector>

#include "core/crypto.hpp"
#include "db/database.hpp"
#include "modules/calendar/working_calendar.hpp"

namespace steward::work_orders {

struct ImportProblem {
  long line = 0;      // the physical line of the file (the header is line 1)
  std::string field;  // the column's key, e.g. "reportedAt" ("" for the file as a whole)
  std::string message;
};

struct ImportOptions {
  std::string source;                   // the file's name, kept in each order's timeline
  std::optional<std::string> project;   // a project code: rows of any other project are refused
  std::int64_t batch = 2000;            // orders per transaction
  std::size_t max_problems = 200;       // the report lists at most this many
  // Called after each committed batch with the number of orders written so far.
  std::function<void(std::int64_t written)> progress;
};

struct ImportReport {
  std::int64_t rows = 0;      // data rows in the file
  std::int64_t imported = 0;  // orders written
  std::int64_t skipped = 0;   // rows whose external id was already imported
  std::vector<ImportProblem> problems;  // when not empty, nothing was imported
  std::int64_t problem_count = 0;       // all problems found (problems holds the first ones)
};

// Reads `csv` twice (it must be seekable: a file): once to check every row, once to write.
// `now` is when the import runs: no time in the file may be later.
ImportReport import_orders(db::Database& db, const core::FieldCipher& cipher,
                           const calendar::WorkingCalendar& calendar, std::istream& csv,
                           const ImportOptions& options, std::int64_t now);

// The columns in the order documented (docs/import.md): the English key and the Chinese header,
// either of which names the column in the header row.
struct ImportColumn {
  const char* key;
  const char* header;
  bool required;
};
const std::vector<ImportColumn>& import_columns();

}  // namespace steward::work_orders
