#pragma once
#include <cstdint>
#include <string>

namespace steward::bench {

struct GenerateOptions {
  std::string db_url;            // sqlite:<file>; the file must not exist yet
  std::string data_dir;          // where the server's key file goes
  std::int64_t orders = 1000000;
  std::int64_t projects = 500;
  std::int64_t years = 3;
  int buildings = 5;             // per project
  int units_per_building = 40;
  std::int64_t now = 0;          // orders end here (epoch seconds)
  std::uint64_t seed = 1;
  // When set, the orders go to this CSV file in the import's format (docs/import.md) instead of
  // the database, which then holds only the company: the input of `steward import-orders`.
  std::string csv;
  // Load as a bulk load: no rollback journal while filling (the file is new and thrown away on a
  // failure), and the secondary indexes of the order tables built once after the rows instead of
  // row by row. false: the settings before issue 7's change, to measure against in the same run.
  bool bulk = true;
};

// Fills a new database; prints the rows written per second. Returns the process exit code.
int generate(const GenerateOptions& options);

struct RawLoopOptions {
  std::string db_url;
  std::string data_dir;
  bool durable = true;   // synchronous=FULL, else NORMAL
  int batch = 1;         // orders per transaction
  double seconds = 5;    // how long to write
};

// The baseline: order + event + audit rows written in a loop straight through SQLite, with
// Steward's schema and its settings (WAL). Prints orders per second.
int raw_loop(const RawLoopOptions& options);

}  // namespace steward::bench
