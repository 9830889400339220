// The teams and staff of each project (DOMAIN O3), subcontractors' staff included, and one login
// per role. The staff logins of 城市花园服务中心 are linked to its staff records, the owner login to
// one of its owners.
#include "modules/auth/roles.hpp"
#include "modules/demo/demo_internal.hpp"

namespace steward::demo {

const std::vector<DemoLogin>& demo_logins() {
  static const std::vector<DemoLogin> logins = {
      {"admin", "admin", "系统管理员"},
      {"quality", "quality", "品质部"},
      {"region", "region_manager", "赵国强"},
      {"pm", "project_manager", "刘建国"},
      {"supervisor", "supervisor", "陈静"},
      {"frontdesk", "front_desk", "李婷婷"},
      {"command", "command_center", "张伟"},
      {"tech", "technician", "孙志强"},
      {"security", "security", "马俊杰"},
      {"cleaning", "cleaning", "杨秀英"},
      {"clubhouse", "clubhouse", "林小雨"},
      {"owner", "owner", "黄丽华"},
  };
  return logins;
}

namespace detail {
namespace {

auth::RoleScope scope_of(const DemoLogin& login) { return auth::find_role(login.role)->scope; }

// The staff login of this role not yet linked to a staff record, if any.
const DemoLogin* unlinked_login(const Builder& b, const std::string& role) {
  for (const DemoLogin& login : demo_logins())
    if (login.role == role && scope_of(login) == auth::RoleScope::assigned &&
        !b.login_staff.count(login.username))
      return &login;
  return nullptr;
}

std::int64_t add_staff(Builder& b, std::int64_t project, const std::string& role,
                       const nlohmann::json& team, const std::string& employer,
                       bool login_project) {
  std::string name = b.people.name();
  const DemoLogin* login = login_project ? unlinked_login(b, role) : nullptr;
  if (login) name = login->display_name;
  const auto id = b.create(b.org.staff,
                           {{"projectId", project},
                            {"name", name},
                            {"phone", b.people.mobile()},
                            {"role", role},
                            {"teamId", team},
                            {"employer", employer},
                            {"active", true}},
                           b.summary.staff);
  if (login) b.login_staff[login->username] = id;
  return id;
}

// The team, its leader, its members (the last ones a subcontractor's), then the leader named.
void build_team(Builder& b, std::int64_t project, const TeamPlan& plan, bool login_project) {
  const auto team = b.create(b.org.teams,
                             {{"projectId", project}, {"name", plan.name}, {"kind", plan.kind}},
                             b.summary.teams);
  const auto leader = add_staff(b, project, plan.leader_role, team, "", login_project);
  for (int i = 0; i < plan.members; ++i) {
    const bool subcontracted = i >= plan.members - plan.subcontracted;
    add_staff(b, project, plan.member_role, team, subcontracted ? plan.employer : "",
              login_project);
  }
  b.org.teams.update(b.ctx, team, {{"leaderStaffId", leader}});
}

}  // namespace

void build_staff(Builder& b, std::int64_t project, const ProjectPlan& plan) {
  const bool login_project = plan.code == kLoginProject;
  add_staff(b, project, "project_manager", nullptr, "", login_project);
  for (const TeamPlan& team : plan.teams) build_team(b, project, team, login_project);
}

void build_users(Builder& b) {
  const auto project = b.projects.at(kLoginProject);
  for (const DemoLogin& login : demo_logins()) {
    nlohmann::json body = {{"username", login.username},
                           {"displayName", login.display_name},
                           {"password", demo_password()},
                           {"role", login.role},
                           {"active", true}};
    switch (scope_of(login)) {
      case auth::RoleScope::company: break;
      case auth::RoleScope::region: body["regionId"] = b.regions.at("EAST"); break;
      case auth::RoleScope::assigned:
        body["projectIds"] = nlohmann::json::array({project});
        body["staffId"] = b.login_staff.at(login.username);
        break;
      case auth::RoleScope::owner: body["customerId"] = b.login_customer.value(); break;
    }
    b.users.create(b.ctx, body);
    ++b.summary.users;
  }
}

}  // namespace detail
}  // namespace steward::demo
