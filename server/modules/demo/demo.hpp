#pragma once
// The demo company (`steward demo`): two regions, three communities with their zones, buildings,
// about 2,000 units and their customers, the teams and staff of each project, and one login per
// role. Everything goes through the services, so every record is validated and audited like one
// entered by hand. The content is generated from a fixed seed: every run gives the same names.
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "db/database.hpp"
#include "modules/auth/user_service.hpp"
#include "modules/org/org_module.hpp"

namespace steward::demo {

struct DemoSummary {
  int regions = 0, projects = 0, zones = 0, buildings = 0, units = 0, customers = 0, staff = 0,
      teams = 0, users = 0;
};

// Builds the demo company into an empty database, in one transaction. Throws core::AppError
// (conflict, code "demo.not_empty") when the database already holds a region.
DemoSummary build_demo(db::Database& db, const org::OrgModule& org, const auth::UserService& users,
                       const core::Clock& clock);

// The demo logins, for the README and the CLI to print. The password of all is demo_password().
struct DemoLogin {
  std::string username, role, display_name;
};
const std::vector<DemoLogin>& demo_logins();
inline constexpr const char* demo_password() { return "steward-demo"; }

}  // namespace steward::demo
