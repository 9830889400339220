#include "modules/demo/demo_quality.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "core/time.hpp"
#include "db/query.hpp"
#include "modules/auth/roles.hpp"
#include "modules/campaigns/campaign_rules.hpp"
#include "modules/campaigns/campaign_service.hpp"
#include "modules/demo/demo_internal.hpp"
#include "modules/inspections/spot_check_service.hpp"

namespace steward::demo {
namespace {

using ll = long long;
constexpr std::int64_t kDay = 86400, kOffset = 8 * 3600;  // the demo projects are in Asia/Shanghai

// A demo login acting for the demo: its own id and role, reaching every project.
core::Actor actor_of(db::Session& s, const std::string& username) {
  auto u = db::Query(s, "SELECT id, role FROM app_user WHERE username = :u").bind("u", username).one();
  if (!u) return auth::system_actor();
  core::Actor a;
  a.user_id = u->i64("id");
  a.username = username;
  a.role = u->str("role");
  a.permissions = auth::system_actor().permissions;
  a.all_projects = true;
  return a;
}

std::string day_of(std::int64_t t) { return core::format_iso8601(t, kOffset).substr(0, 10); }
std::string add_days(const std::string& day, std::int64_t n) {
  return day_of(*core::parse_iso8601(day + "T12:00:00+08:00") + n * kDay);
}
// An instant at local hh:mm of a day.
std::int64_t at(const std::string& day, int hh, int mm) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "T%02d:%02d:00+08:00", hh, mm);
  return *core::parse_iso8601(day + buf);
}

struct Kind {
  std::string code;
  std::vector<std::int64_t> items;
};

struct Project {
  std::int64_t id = 0;
  std::string code;
  std::vector<std::int64_t> desk;  // front-desk staff
  std::map<std::string, std::int64_t> leaders;  // team name -> its leader's staff id
  std::map<std::string, std::int64_t> teams;    // team name -> id
};

Project project_of(db::Session& s, const std::string& code) {
  Project p;
  p.code = code;
  p.id = db::Query(s, "SELECT id FROM project WHERE code = :c").bind("c", code).scalar();
  for (const auto& r : db::Query(s, "SELECT id FROM staff WHERE project_id = :p AND role = 'front_desk' "
                                    "AND active = 1 ORDER BY id")
                           .bind("p", (ll)p.id)
                           .all())
    p.desk.push_back(r.i64("id"));
  for (const auto& r : db::Query(s, "SELECT id, name, leader_staff_id FROM team WHERE project_id = :p")
                           .bind("p", (ll)p.id)
                           .all()) {
    p.teams[r.str("name")] = r.i64("id");
    if (auto l = r.opt_i64("leader_staff_id")) p.leaders[r.str("name")] = *l;
  }
  return p;
}

}  // namespace

QualitySummary build_demo_quality(db::Database& db, std::int64_t now) {
  core::FixedClock clock(now);
  inspections::SpotCheckService spot(db, clock);
  campaigns::CampaignService campaigns(db, clock);
  spot.install_builtin();
  QualitySummary out;
  const core::Context system{auth::system_actor(), "demo"};

  struct Cast {
    std::vector<Project> projects;
    std::vector<Kind> kinds;
    core::Actor supervisor, command, quality;
  };
  const Cast cast = db.read([&](db::Session& s) {
    Cast c;
    for (const char* code : {"CSHY", "CHTD", "XSTY"}) c.projects.push_back(project_of(s, code));
    for (const char* kind : {"phone", "morning_bi", "front_desk"}) {
      Kind k{kind, {}};
      for (const auto& r : db::Query(s,
                                     "SELECT it.id FROM spot_check_kind k JOIN rubric r ON r.code = "
                                     "k.rubric_code AND r.latest = 1 JOIN rubric_item it ON "
                                     "it.rubric_id = r.id WHERE k.code = :k ORDER BY it.position")
                               .bind("k", std::string(kind))
                               .all())
        k.items.push_back(r.i64("id"));
      c.kinds.push_back(k);
    }
    c.supervisor = actor_of(s, "supervisor");
    c.command = actor_of(s, "command");
    c.quality = actor_of(s, "quality");
    return c;
  });

  // A month of spot checks: at 城市花园 the command centre checks 5 calls a day (4 on some
  // days: the quota missed), the supervisor one person at the morning meeting and the front desk
  // 3 times; the other projects are checked by the quality department, less often.
  detail::Random rng(20080906);  // seed 000: the training deadline, 9月6日
  const auto today = day_of(now);
  for (const auto& p : cast.projects) {
    if (p.desk.empty()) continue;
    const bool cshy = p.code == "CSHY";
    for (int back = 29; back >= 0; --back) {
      const auto day = add_days(today, -back);
      const int phone = cshy ? (rng.percent(15) ? 4 : 5) : rng.between(1, 3);
      const int front = cshy ? 3 : rng.between(0, 1);
      const int bi = cshy || rng.percent(40) ? 1 : 0;
      std::vector<std::pair<std::string, std::int64_t>> plan;  // kind, time
      for (int n = 0; n < bi; ++n) plan.push_back({"morning_bi", at(day, 8, 30)});
      for (int n = 0; n < phone; ++n) plan.push_back({"phone", at(day, 9 + n * 2, rng.between(0, 59))});
      for (int n = 0; n < front; ++n) plan.push_back({"front_desk", at(day, 10 + n * 3, rng.between(0, 59))});
      for (const auto& [kind, t] : plan) {
        if (t > now) continue;
        const Kind* k = nullptr;
        for (const auto& x : cast.kinds)
          if (x.code == kind) k = &x;
        nlohmann::json deductions = nlohmann::json::array();
        const int misses = rng.percent(65) ? 0 : rng.percent(75) ? 1 : 2;
        std::vector<std::int64_t> taken;
        for (int m = 0; m < misses; ++m) {
          const auto item = rng.pick(k->items);
          if (std::find(taken.begin(), taken.end(), item) != taken.end()) continue;
          taken.push_back(item);
          deductions.push_back({{"itemId", item}, {"failed", true}});
        }
        const core::Actor& who = !cshy ? cast.quality : kind == "phone" ? cast.command : cast.supervisor;
        spot.create({who, "demo"}, {{"staffId", rng.pick(p.desk)},
                                    {"kind", kind},
                                    {"checkedAt", core::format_iso8601(t, kOffset)},
                                    {"deductions", deductions}});
        ++out.spot_checks;
      }
    }
  }

  // Seed 001's campaign, company-wide, its phases as long as the seed's and set so that today
  // falls in the third (整改预防): the seed's dates are 09-25 to 12-31 of one year.
  const auto start = add_days(today, -45);
  const auto seed = campaigns::seed_phases(2026);
  auto offset = [&](const std::string& d) {
    return (*core::parse_iso8601(d + "T00:00:00Z") - *core::parse_iso8601(seed[0].start + "T00:00:00Z")) / kDay;
  };
  nlohmann::json phases = nlohmann::json::array();
  for (const auto& ph : seed)
    phases.push_back({{"name", ph.name},
                      {"startDay", add_days(start, offset(ph.start))},
                      {"endDay", add_days(start, offset(ph.end))}});
  const auto end = add_days(start, offset(seed.back().end));
  auto uplift = campaigns.create(
      system, {{"name", "物业基础服务管理品质提升专项工作"},
               {"goal", "提高全员服务意识、强化各项目内部管理、提升岗位服务技能,为客户提供周到便捷的服务。"},
               {"startDay", start},
               {"endDay", end},
               {"companyWide", true},
               {"phases", phases}});
  ++out.campaigns;
  const auto uplift_id = uplift["id"].get<std::int64_t>();
  auto phase_id = [&](int n) { return uplift["phases"][n]["id"]; };

  // Seed 000's action plan for 东部片区, with tasks per team of 城市花园 and 翠湖天地.
  const auto plan_start = add_days(today, -20);
  std::vector<std::int64_t> east;
  for (const auto& p : cast.projects)
    if (p.code != "XSTY") east.push_back(p.id);
  auto plan = campaigns.create(
      system, {{"name", "“优质服务从我做起,提升客户满意度”行动方案"},
               {"goal", "提升现场基础业务品质;提升全员主动服务意识,完善行为规范,改善客户感受。"},
               {"slogans", {"服务品质我践行", "行为规范我树立", "客户感动我创造", "品牌形象我代言"}},
               {"startDay", plan_start},
               {"endDay", add_days(plan_start, 121)},
               {"projectIds", east}});
  ++out.campaigns;
  const auto plan_id = plan["id"].get<std::int64_t>();

  struct Task {
    std::int64_t campaign;
    std::string team, title;
    int deadline;                 // days from today
    std::string evidence;         // done when not empty
    nlohmann::json phase = nullptr;
  };
  const std::vector<Task> tasks = {
      {plan_id, "客服组", "组织客服人员进行岗位职责培训,结合案例分析进行对客沟通技巧培训", -14, "培训签到表、课件及考核成绩已归档"},
      {plan_id, "客服组", "微笑服务再培训", -14, "培训照片及每人笔记已上传"},
      {plan_id, "客服组", "每天晨会进行BI检查、微笑服务的演示", 60, ""},
      {plan_id, "安全组", "组织安全员开展岗位职责的培训,明确工作标准", -14, "培训记录已归档"},
      {plan_id, "安全组", "安全主管每日对现场岗位进行巡查,覆盖各个岗位", 60, ""},
      {plan_id, "环境组", "环境组主管每周对保洁、绿化现场进行一次全面质量巡查", 60, ""},
      {plan_id, "维修组", "规范入户维修人员BI行为,每日检查,不合格者即时考核", -3, ""},
      {plan_id, "指挥中心", "每天不少于5次电话接听抽查,结果与月度考核挂钩", 60, ""},
      {uplift_id, "客服组", "召开“岗位服务批评与自我批评会”", -22, "会议纪要已上报", phase_id(1)},
      {uplift_id, "客服组", "编制项目物业服务品质提升实施方案,报工程管理中心备案", -20, "方案已备案", phase_id(1)},
      {uplift_id, "维修组", "针对历次检查发现问题逐项整改", 10, "", phase_id(2)},
      {uplift_id, "客服组", "完善事前干预性制度,杜绝同类问题再次出现", 14, "", phase_id(2)},
  };
  for (const auto& p : cast.projects) {
    if (p.code == "XSTY") continue;
    for (const auto& t : tasks) {
      if (!p.leaders.count(t.team)) continue;
      if (p.code == "CHTD" && t.campaign == uplift_id) continue;  // 翠湖天地 has the action plan only
      auto task = campaigns.add_task(system, t.campaign,
                                     {{"title", t.title},
                                      {"ownerStaffId", p.leaders.at(t.team)},
                                      {"teamId", p.teams.at(t.team)},
                                      {"phaseId", t.phase},
                                      {"deadline", add_days(today, t.deadline)}});
      ++out.tasks;
      const bool done = !t.evidence.empty() && (p.code == "CSHY" || t.deadline < -20);
      if (done)
        campaigns.act_task({cast.supervisor, "demo"}, task["id"].get<std::int64_t>(), "complete",
                           {{"evidence", t.evidence}});
    }
  }
  return out;
}

}  // namespace steward::demo
