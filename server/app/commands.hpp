#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "app/config.hpp"

namespace steward::app {

struct UserArgs {
  std::string username, display_name, role, region, password;
  std::vector<std::string> projects;  // project codes
};

struct ImportArgs {
  std::string file;     // the CSV file (docs/import.md)
  std::string project;  // when set, every row must be of this project (its code)
  std::string report;   // when set, the problems are also written there as CSV
  std::int64_t batch = 2000;
};

int print_version();
int serve_command(const AppConfig& config);
int migrate_command(const AppConfig& config);
int demo_command(const AppConfig& config);
int rollups_command(const AppConfig& config);  // rebuilds the dashboards' roll-ups
// Imports the history of work orders from a CSV file; all or nothing on a bad row.
int import_orders_command(const AppConfig& config, const ImportArgs& args);
int backup_command(const AppConfig& config, const std::string& out);
int user_add_command(const AppConfig& config, const UserArgs& args);
int user_passwd_command(const AppConfig& config, const UserArgs& args);
int user_list_command(const AppConfig& config);

}  // namespace steward::app
