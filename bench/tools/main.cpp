// steward_bench: the tools behind `make bench` (bench/run.sh).
//   steward_bench generate --db sqlite:FILE --data-dir DIR --orders N [--projects P] [--csv FILE]
//   steward_bench raw-loop --db sqlite:FILE --data-dir DIR [--normal] [--batch K] [--seconds S]
#include <CLI/CLI.hpp>

#include <ctime>
#include <iostream>

#include "generate.hpp"

int main(int argc, char** argv) {
  using namespace steward::bench;
  CLI::App cli{"Steward's benchmark tools"};
  cli.require_subcommand(1);
  GenerateOptions g;
  g.now = std::time(nullptr);
  auto* gen = cli.add_subcommand("generate", "fill a new SQLite database with a large company");
  gen->add_option("--db", g.db_url)->required();
  gen->add_option("--data-dir", g.data_dir)->required();
  gen->add_option("--orders", g.orders)->check(CLI::PositiveNumber);
  gen->add_option("--projects", g.projects)->check(CLI::Range(1, 100000));
  gen->add_option("--years", g.years)->check(CLI::Range(1, 20));
  gen->add_option("--seed", g.seed);
  bool no_bulk = false;
  gen->add_flag("--no-bulk-load", no_bulk, "keep the journal and the indexes while filling (the old way)");
  gen->add_option("--csv", g.csv, "write the orders to this CSV file (the import's input) instead");
  RawLoopOptions r;
  bool normal = false;
  auto* raw = cli.add_subcommand("raw-loop", "the raw SQLite write baseline");
  raw->add_option("--db", r.db_url)->required();
  raw->add_option("--data-dir", r.data_dir)->required();
  raw->add_flag("--normal", normal, "synchronous=NORMAL instead of FULL");
  raw->add_option("--batch", r.batch, "orders per transaction")->check(CLI::Range(1, 100000));
  raw->add_option("--seconds", r.seconds)->check(CLI::Range(0.1, 600.0));
  CLI11_PARSE(cli, argc, argv);
  r.durable = !normal;
  g.bulk = !no_bulk;
  try {
    if (*gen) return generate(g);
    if (*raw) return raw_loop(r);
  } catch (const std::exception& e) {
    std::cerr << "steward_bench: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
