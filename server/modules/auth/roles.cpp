#include "modules/auth/roles.hpp"

namespace steward::auth {
namespace {

std::set<std::string> join(std::initializer_list<std::set<std::string>> parts) {
  std::set<std::string> out;
  for (const auto& p : parts) out.insert(p.begin(), p.end());
  return out;
}

// Building blocks, combined per role below.
const std::set<std::string> kSeeOrg = {"region.read", "project.read", "org.read", "staff.read"};
const std::set<std::string> kSeeCustomers = {"customer.read", "customer.view_contact"};
// Work orders (W1-W9): who registers, dispatches, works, calls back and closes.
const std::set<std::string> kReport = {"work_order.read", "work_order.register"};
const std::set<std::string> kFrontDesk = {"work_order.read",  "work_order.register",
                                          "work_order.dispatch", "work_order.visit",
                                          "work_order.close", "work_order.cancel",
                                          "complaint.inventory"};
// Dashboards (issue 6): whoever reads the statistics reads the dashboards of their projects.
const std::set<std::string> kOrderStats = {"work_order.read", "work_order.stats", "dashboard.read"};
// Paid repairs (W7): who records a payment or explains an unpaid charge; who keeps the prices.
const std::set<std::string> kCharge = {"work_order.charge"};
const std::set<std::string> kPrices = {"price.manage"};
// Inspections (I1-I5): the quality department runs them; projects do self-checks and put
// findings right.
const std::set<std::string> kInspectAll = {"inspection.read",  "inspection.manage",
                                           "inspection.perform", "rubric.manage",
                                           "rectification.work", "rectification.verify"};
const std::set<std::string> kSelfCheck = {"inspection.read", "inspection.perform",
                                          "rectification.work"};
// Staff spot checks (I7) and campaigns (I6): supervisors, the command centre and quality check
// people; everyone on staff reads campaigns, and an owner of a task may report it done.
const std::set<std::string> kSpotCheck = {"spot_check.read", "spot_check.record"};
const std::set<std::string> kCampaignAll = {"campaign.read", "campaign.manage", "campaign.task"};
const std::set<std::string> kCampaignTask = {"campaign.read", "campaign.task"};
const std::set<std::string> kCampaignRead = {"campaign.read"};
// Patrols (P1-P4): field staff and supervisors perform checks; managers set up the plans.
const std::set<std::string> kPatrolAll = {"patrol.read", "patrol.perform", "patrol.manage"};
const std::set<std::string> kPatrolRead = {"patrol.read"};
const std::set<std::string> kPatrolPerform = {"patrol.perform"};
// The notice board (S3): project managers, supervisors and quality write and publish; everyone
// reads the board of their projects (owners: their own project's).
const std::set<std::string> kNoticeRead = {"notice.read"};
const std::set<std::string> kNoticeAll = {"notice.read", "notice.manage"};

std::vector<Role> build() {
  using S = RoleScope;
  return {
      {"admin", "系统管理员", "Administrator", S::company,
       join({kSeeOrg, kSeeCustomers,
             {"region.manage", "project.manage", "org.manage", "customer.manage", "staff.manage",
              "user.read", "user.manage", "audit.read", "calendar.manage", "sla.manage",
              "settings.manage", "target.manage"},
             kFrontDesk, kOrderStats, {"work_order.work"}, kCharge, kPrices, kInspectAll, kSpotCheck,
             {"spot_check.manage"}, kCampaignAll, kPatrolAll, kNoticeAll})},
      {"quality", "品质部", "Quality department", S::company,
       join({kSeeOrg, kOrderStats, {"customer.read", "audit.read", "target.manage"}, kInspectAll, kSpotCheck,
             {"spot_check.manage"}, kCampaignAll, kPatrolRead, kNoticeAll})},
      {"region_manager", "片区经理", "Region manager", S::region,
       join({kSeeOrg, kSeeCustomers, kOrderStats, {"user.read", "audit.read", "inspection.read"},
             {"spot_check.read"}, kCampaignAll, kPatrolRead, kNoticeRead})},
      {"project_manager", "项目经理", "Project manager", S::assigned,
       join({kSeeOrg, kSeeCustomers,
             kFrontDesk, kOrderStats,
             {"org.manage", "customer.manage", "staff.manage", "user.read", "audit.read",
              "work_order.work"}, kSelfCheck, kCharge, kPrices, kSpotCheck, kCampaignTask,
             kPatrolRead, {"patrol.manage"}, kNoticeAll})},
      {"supervisor", "主管", "Supervisor", S::assigned,
       join({kSeeOrg, kSeeCustomers, kFrontDesk, kOrderStats, {"work_order.work"}, kSelfCheck,
             kCharge, kPrices, kSpotCheck, kCampaignTask, kPatrolRead, kPatrolPerform, kNoticeAll})},
      {"front_desk", "客服", "Front desk", S::assigned,
       join({kSeeOrg, kSeeCustomers, kFrontDesk, kCharge, {"customer.manage", "work_order.work", "rectification.work"},
             kCampaignRead, kNoticeRead})},
      {"command_center", "指挥中心", "Command centre", S::assigned,
       join({kSeeOrg, kSeeCustomers, kFrontDesk, kSpotCheck, kCampaignRead, kNoticeRead})},
      {"technician", "维修技工", "Technician", S::assigned,
       join({kSeeOrg, kSeeCustomers, kReport, kCharge, {"work_order.work", "rectification.work"}, kCampaignRead, kNoticeRead})},
      {"security", "秩序维护员", "Security", S::assigned,
       join({kSeeOrg, kReport, kCampaignRead, kPatrolPerform, kNoticeRead})},
      {"cleaning", "保洁员", "Cleaning", S::assigned,
       join({kSeeOrg, kReport, kCampaignRead, kPatrolPerform, kNoticeRead})},
      {"clubhouse", "会所服务员", "Clubhouse", S::assigned,
       join({kSeeOrg, kReport, kCampaignRead, kPatrolPerform, kNoticeRead})},
      {"owner", "业主", "Owner", S::owner,
       join({kReport, {"project.read", "org.read", "customer.read", "work_order.rate"}, kNoticeRead})},
  };
}

}  // namespace

const std::vector<Role>& all_roles() {
  static const std::vector<Role> roles = build();
  return roles;
}

const Role* find_role(const std::string& code) {
  for (const Role& r : all_roles())
    if (r.code == code) return &r;
  return nullptr;
}

std::vector<std::string> role_codes(bool include_owner) {
  std::vector<std::string> out;
  for (const Role& r : all_roles())
    if (include_owner || r.scope != RoleScope::owner) out.push_back(r.code);
  return out;
}

const core::Actor& system_actor() {
  static const core::Actor actor = [] {
    core::Actor a;
    a.username = "system";
    a.role = "admin";
    a.permissions = find_role("admin")->permissions;
    a.all_projects = true;
    return a;
  }();
  return actor;
}

}  // namespace steward::auth
