#include "app/cli.hpp"

#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include <iostream>

#include "app/app.hpp"
#include "app/commands.hpp"

namespace steward::app {
namespace {

// Options every subcommand that opens the database shares. The config file is read first; the
// flags given on the command line win over it.
struct Common {
  std::string config_file, db, data_dir, address, web_root;
  int port = 0;
};

void add_common(CLI::App* cmd, Common& c) {
  cmd->add_option("-c,--config", c.config_file, "JSON configuration file");
  cmd->add_option("--db", c.db, "database: a SQLite file (sqlite:path) or postgresql://...");
  cmd->add_option("--data-dir", c.data_dir, "directory for the key file and uploads");
}

AppConfig resolve(const Common& c) {
  AppConfig config;
  if (!c.config_file.empty()) load_config_file(c.config_file, config);
  if (!c.db.empty()) config.db = c.db;
  if (!c.data_dir.empty()) config.data_dir = c.data_dir;
  if (!c.address.empty()) config.address = c.address;
  if (!c.web_root.empty()) config.web_root = c.web_root;
  if (c.port > 0) config.port = c.port;
  return config;
}

}  // namespace

int run_cli(int argc, char** argv) {
  CLI::App cli{"Steward: service quality for property management"};
  cli.require_subcommand(1);
  Common common;
  auto* serve = cli.add_subcommand("serve", "serve the API and the web app");
  add_common(serve, common);
  serve->add_option("-p,--port", common.port, "port (default 8080)")->check(CLI::Range(1, 65535));
  serve->add_option("--bind", common.address, "address to listen on (default 127.0.0.1)");
  serve->add_option("--web-root", common.web_root, "built web app (default web/dist)");
  auto* migrate = cli.add_subcommand("migrate", "bring the database schema up to date");
  add_common(migrate, common);
  auto* demo = cli.add_subcommand("demo", "build the demo company into an empty database");
  add_common(demo, common);
  auto* rollups = cli.add_subcommand("rollups", "rebuild the dashboards' roll-ups from the work orders");
  add_common(rollups, common);
  auto* import = cli.add_subcommand("import-orders",
                                    "import the history of work orders from a CSV file (docs/import.md)");
  add_common(import, common);
  ImportArgs import_args;
  import->add_option("file", import_args.file, "CSV file with a header row")->required();
  import->add_option("--project", import_args.project, "refuse rows of any other project (its code)");
  import->add_option("--report", import_args.report, "also write the problems found to this CSV file");
  import->add_option("--batch", import_args.batch, "orders per transaction (default 2000)")
      ->check(CLI::Range(1, 1000000));
  auto* backup = cli.add_subcommand("backup", "consistent copy of a live SQLite database");
  add_common(backup, common);
  std::string backup_to;
  backup->add_option("-o,--out", backup_to, "file to write")->required();
  auto* user = cli.add_subcommand("user", "manage user accounts");
  user->require_subcommand(1);
  UserArgs user_args;
  auto* user_add = user->add_subcommand("add", "add a user account");
  add_common(user_add, common);
  user_add->add_option("-u,--username", user_args.username)->required();
  user_add->add_option("-n,--name", user_args.display_name, "display name");
  user_add->add_option("-r,--role", user_args.role, "role code (see docs)")->required();
  user_add->add_option("--project", user_args.projects, "project code (repeatable)");
  user_add->add_option("--region", user_args.region, "region code (region managers)");
  user_add->add_option("--password", user_args.password, "password (else read from stdin)");
  auto* user_passwd = user->add_subcommand("passwd", "set a user's password; ends their sessions");
  add_common(user_passwd, common);
  user_passwd->add_option("-u,--username", user_args.username)->required();
  user_passwd->add_option("--password", user_args.password, "password (else read from stdin)");
  auto* user_list = user->add_subcommand("list", "list user accounts");
  add_common(user_list, common);
  cli.add_subcommand("version", "print the version");
  CLI11_PARSE(cli, argc, argv);

  try {
    if (cli.got_subcommand("version")) return print_version();
    if (*serve) return serve_command(resolve(common));
    if (*migrate) return migrate_command(resolve(common));
    if (*demo) return demo_command(resolve(common));
    if (*rollups) return rollups_command(resolve(common));
    if (*import) return import_orders_command(resolve(common), import_args);
    if (*backup) return backup_command(resolve(common), backup_to);
    if (*user_add) return user_add_command(resolve(common), user_args);
    if (*user_passwd) return user_passwd_command(resolve(common), user_args);
    if (*user_list) return user_list_command(resolve(common));
  } catch (const std::exception& e) {
    std::cerr << "steward: " << e.what() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace steward::app
