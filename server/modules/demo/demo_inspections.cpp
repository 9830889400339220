#include "modules/demo/demo_inspections.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/time.hpp"
#include "db/query.hpp"
#include "modules/auth/roles.hpp"
#include "modules/inspections/inspection_service.hpp"

namespace steward::demo {
namespace {

using ll = long long;
constexpr std::int64_t kDay = 86400, kOffset = 8 * 3600;  // the demo projects are in Asia/Shanghai

core::Actor quality_actor(db::Database& db) {
  return db.read([&](db::Session& s) {
    core::Actor a = auth::system_actor();
    if (auto u = db::Query(s, "SELECT id, role FROM app_user WHERE username = 'quality'").one()) {
      a.user_id = u->i64("id");
      a.username = "quality";
      a.role = u->str("role");
    }
    a.all_projects = true;
    return a;
  });
}

std::string day_of(std::int64_t t) { return core::format_iso8601(t, kOffset).substr(0, 10); }

// How hard an inspection finds: every `step`-th item (offset by `shift`) loses `k` check points
// at the item's largest amount (range), k occurrences (per occurrence), or fails (all or nothing).
struct Severity {
  int step, k;
};
constexpr Severity kExcellent{11, 1}, kGood{4, 1}, kFail{2, 3};

}  // namespace

InspectionSummary build_demo_inspections(db::Database& db, std::int64_t now) {
  InspectionSummary out;
  core::FixedClock clock(now);
  inspections::InspectionService svc(db, clock);
  const core::Context ctx{quality_actor(db), "demo"};
  struct Plan {
    std::string code;
    std::vector<Severity> months;  // oldest first
  };
  const std::vector<Plan> plans = {{"CSHY", {kExcellent, kGood, kExcellent, kExcellent}},
                                   {"CHTD", {kGood, kGood, kExcellent, kGood}},
                                   {"XSTY", {kGood, kFail, kGood, kGood}}};
  const std::vector<std::int64_t> days_ago = {95, 65, 35, 3};
  const auto ids = db.read([&](db::Session& s) {
    std::vector<std::pair<std::int64_t, std::int64_t>> v;  // project, its supervisor's staff id
    for (const auto& p : plans) {
      const auto pid = db::Query(s, "SELECT id FROM project WHERE code = :c").bind("c", p.code).scalar();
      auto sup = db::Query(s, "SELECT id FROM staff WHERE project_id = :p AND active = 1 AND role IN "
                              "('supervisor', 'project_manager') ORDER BY role DESC, id")
                     .bind("p", (ll)pid)
                     .one();
      v.emplace_back(pid, sup ? sup->i64("id") : 0);
    }
    return v;
  });
  // The technician's login has one finding of the newest round to put right (我的整改).
  const auto tech_staff = db.read([&](db::Session& s) {
    auto u = db::Query(s, "SELECT u.staff_id FROM app_user u JOIN staff st ON st.id = u.staff_id WHERE "
                          "u.username = 'tech' AND st.project_id = :p AND st.active = 1")
                 .bind("p", (ll)ids[0].first)
                 .one();
    return u ? u->i64("staff_id") : std::int64_t{0};
  });
  std::int64_t scheme = 0;
  const auto schemes = svc.list_schemes(ctx.actor);  // a copy: never range over a temporary's member
  for (const auto& s : schemes["items"])
    if (s["rubrics"].size() == 4 && scheme == 0) scheme = s["id"].get<std::int64_t>();
  if (scheme == 0) return out;
  int n = 0;
  for (std::size_t m = 0; m < days_ago.size(); ++m)
    for (std::size_t p = 0; p < plans.size(); ++p) {
      const auto when = now - days_ago[m] * kDay - static_cast<std::int64_t>(p) * kDay;
      const auto day = day_of(when);
      clock.set(*core::parse_iso8601(day + "T09:30:00+08:00"));
      auto insp = svc.create_inspection(
          ctx, {{"schemeId", scheme}, {"targetKind", "project"}, {"targetId", ids[p].first},
                {"method", m % 2 ? "open" : "unannounced"}, {"day", day},
                {"note", "品质部月度检查"}});
      const auto id = insp["id"].get<std::int64_t>();
      const Severity sev = plans[p].months[m];
      int k = 0;
      const auto planned = insp;  // recording rewrites insp: walk a copy of its items
      for (const auto& r : planned["rubrics"])
        for (const auto& sec : r["sections"])
          for (const auto& it : sec["items"]) {
            if ((k++ + n) % sev.step != 0) continue;
            nlohmann::json body = {{"itemId", it["id"]}, {"note", "现场检查发现问题"}};
            if (it["rule"] == "range") {
              const auto points = std::min<std::int64_t>(sev.k, it["checkPoints"].get<std::int64_t>());
              body["amounts"] = std::vector<double>(points, it["deductMax"].get<double>());
            } else if (it["rule"] == "per_occurrence") {
              body["occurrences"] = sev.k;
            } else {
              body["failed"] = true;
            }
            clock.advance(120);
            insp = svc.record_deduction(ctx, id, body);
            ++out.deductions;
          }
      clock.set(*core::parse_iso8601(day + "T16:00:00+08:00"));
      insp = svc.submit(ctx, id);
      ++out.inspections;
      ++n;
      // The findings of the last three rounds are put right, or not yet.
      if (m == 0 || ids[p].second == 0) continue;
      int r = 0;
      for (const auto& rub : insp["rubrics"])
        for (const auto& sec : rub["sections"])
          for (const auto& it : sec["items"]) {
            if (it["deduction"].is_null() || r >= 4) continue;
            const auto deadline = day_of(when + 7 * kDay);
            const bool for_tech = p == 0 && days_ago[m] < 5 && r == 0 && tech_staff != 0;
            auto rect = svc.create_rectification(
                ctx, {{"deductionId", it["deduction"]["id"]}, {"responsibleStaffId", for_tech ? tech_staff : ids[p].second},
                      {"deadline", deadline}, {"requirement", "按标准整改并拍照留存"}});
            ++out.rectifications;
            const auto rid = rect["id"].get<std::int64_t>();
            const int state = (r + static_cast<int>(p)) % 4;  // 0 open, 1 done, 2 verified, 3 rejected
            ++r;
            if (state == 0 || days_ago[m] < 5) continue;  // the newest: all still open
            clock.set(*core::parse_iso8601(day_of(when + 5 * kDay) + "T10:00:00+08:00"));
            svc.act_rectification(ctx, rid, "complete", {{"evidence", "已整改, 见现场照片"}});
            if (state == 1) continue;
            clock.set(*core::parse_iso8601(day_of(when + 6 * kDay) + "T15:00:00+08:00"));
            if (state == 2)
              svc.act_rectification(ctx, rid, "verify", nlohmann::json::object());
            else
              svc.act_rectification(ctx, rid, "reject", {{"reason", "整改不彻底, 请重新整改"}});
          }
    }
  return out;
}

}  // namespace steward::demo
