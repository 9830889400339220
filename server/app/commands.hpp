#pragma once
#include <string>
#include <vector>

#include "app/config.hpp"

namespace steward::app {

struct UserArgs {
  std::string username, display_name, role, region, password;
  std::vector<std::string> projects;  // project codes
};

int print_version();
int serve_command(const AppConfig& config);
int migrate_command(const AppConfig& config);
int demo_command(const AppConfig& config);
int rollups_command(const AppConfig& config);  // rebuilds the dashboards' roll-ups
int backup_command(const AppConfig& config, const std::string& out);
int user_add_command(const AppConfig& config, const UserArgs& args);
int user_passwd_command(const AppConfig& config, const UserArgs& args);
int user_list_command(const AppConfig& config);

}  // namespace steward::app
