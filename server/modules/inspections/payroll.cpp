// Payroll (DOMAIN I3): the rewards and penalties an inspection's grade earned each person, as the
// inspection lists them and as a spreadsheet for payroll; and every payment of a month across
// the caller's projects for the quality department. The amounts are those fixed at submission.
#include "core/error.hpp"
#include "modules/inspections/inspection_repo.hpp"
#include "modules/inspections/inspection_service.hpp"
#include "modules/inspections/inspection_view.hpp"

namespace steward::inspections {
namespace {

using ll = long long;

const char* position_zh(const std::string& p) {
  if (p == "project_manager") return "项目经理";
  if (p == "deputy_manager") return "副经理";
  if (p == "department_head") return "部门主管";
  if (p == "team_leader") return "班组长";
  if (p == "team") return "项目团队";
  return "";
}
const char* outcome_zh(const std::string& o) {
  if (o == "fail") return "不及格";
  if (o == "good") return "良好";
  if (o == "excellent") return "优秀";
  if (o == "bonus") return "96分以上团队奖";
  return "";
}

const std::vector<std::string>& columns() {
  static const std::vector<std::string> c = {"检查日期", "项目", "检查编号", "检查对象", "得分",
                                             "等级",     "姓名", "员工编号", "岗位",     "奖罚类别",
                                             "金额(元)"};
  return c;
}

const char* grade_zh(const std::string& g) {
  if (g == "fail") return "不及格";
  if (g == "good") return "良好";
  if (g == "excellent") return "优秀";
  return "";
}

const std::string kSelect =
    "SELECT i.id AS inspection_id, i.day, i.target_name, i.score_centi, i.grade, p.name AS "
    "project_name, pay.staff_id, pay.name, pay.position, pay.outcome, pay.amount_yuan FROM "
    "inspection_payment pay JOIN inspection i ON i.id = pay.inspection_id JOIN project p ON p.id "
    "= i.project_id";

exports::Row row_of(const db::Row& r) {
  const auto staff = r.opt_i64("staff_id");
  return {exports::when(r.str("day")),
          exports::text(r.str("project_name")),
          exports::number(static_cast<double>(r.i64("inspection_id"))),
          exports::text(r.str("target_name")),
          exports::number(repo::points(r.opt_i64("score_centi").value_or(0))),
          exports::text(grade_zh(r.str("grade"))),
          exports::text(r.str("name")),
          staff ? exports::number(static_cast<double>(*staff)) : exports::empty(),
          exports::text(position_zh(r.str("position"))),
          exports::text(outcome_zh(r.str("outcome"))),
          exports::number(static_cast<double>(r.i64("amount_yuan")))};
}

nlohmann::json json_of(const db::Row& r) {
  return {{"inspectionId", r.i64("inspection_id")},
          {"day", r.str("day")},
          {"projectName", r.str("project_name")},
          {"target", r.str("target_name")},
          {"score", repo::points(r.opt_i64("score_centi").value_or(0))},
          {"grade", r.str("grade")},
          {"staffId", r.opt_i64("staff_id") ? nlohmann::json(*r.opt_i64("staff_id")) : nlohmann::json()},
          {"name", r.str("name")},
          {"position", r.str("position")},
          {"outcome", r.str("outcome")},
          {"amount", r.i64("amount_yuan")}};
}

// "2026-11" -> the first and last day of the month.
std::pair<std::string, std::string> month_days(const std::optional<std::string>& month) {
  if (!month || month->size() != 7 || !repo::day_start(*month + "-01"))
    core::throw_invalid("invalid request", {{"month", "is required: a month YYYY-MM"}});
  const int y = std::stoi(month->substr(0, 4)), m = std::stoi(month->substr(5, 2));
  const auto next = (m == 12 ? std::to_string(y + 1) + "-01" : month->substr(0, 5) + (m < 9 ? "0" : "") + std::to_string(m + 1)) + "-01";
  return {*month + "-01", repo::day_of(*repo::day_start(next) - 86400)};
}

}  // namespace

exports::Table InspectionService::payments_table(const core::Actor& actor, std::int64_t id) const {
  core::require(actor, "inspection.read");
  return db_.read([&](db::Session& s) {
    auto row = view::find(s, actor, id);
    if (!row) core::throw_not_found("inspection");
    exports::Table t{"奖罚清单 " + row->str("target_name") + " " + row->str("day"), columns(), {}};
    for (const auto& r : db::Query(s, kSelect + " WHERE pay.inspection_id = :i ORDER BY pay.id")
                             .bind("i", (ll)id)
                             .all())
      t.rows.push_back(row_of(r));
    return t;
  });
}

nlohmann::json InspectionService::month_payments(const core::Actor& actor, const core::Params& query) const {
  core::require(actor, "inspection.manage");
  const auto [from, to] = month_days(query.text("month"));
  return db_.read([&](db::Session& s) {
    nlohmann::json items = nlohmann::json::array();
    std::int64_t total = 0;
    for (const auto& r : db::Query(s, kSelect + " WHERE i.status = 'submitted' AND i.day >= :f AND i.day <= :t" +
                                          repo::scope(actor, "i") +
                                          " ORDER BY i.day, i.id, pay.id")
                             .bind("f", from)
                             .bind("t", to)
                             .all()) {
      items.push_back(json_of(r));
      total += r.i64("amount_yuan");
    }
    return nlohmann::json{{"month", from.substr(0, 7)}, {"items", items}, {"total", items.size()}, {"sum", total}};
  });
}

exports::Table InspectionService::month_payments_table(const core::Actor& actor,
                                                       const core::Params& query) const {
  core::require(actor, "inspection.manage");
  const auto [from, to] = month_days(query.text("month"));
  return db_.read([&](db::Session& s) {
    exports::Table t{"检查奖罚汇总 " + from.substr(0, 7), columns(), {}};
    for (const auto& r : db::Query(s, kSelect + " WHERE i.status = 'submitted' AND i.day >= :f AND i.day <= :t" +
                                          repo::scope(actor, "i") +
                                          " ORDER BY i.day, i.id, pay.id")
                             .bind("f", from)
                             .bind("t", to)
                             .all())
      t.rows.push_back(row_of(r));
    return t;
  });
}

}  // namespace steward::inspections
