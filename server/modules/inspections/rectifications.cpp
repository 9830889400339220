// Rectifications (整改, DOMAIN I4): a deduction put right by a responsible person before a
// deadline, with evidence, then verified or rejected by the inspector or the quality department.
#include "core/error.hpp"
#include "core/time.hpp"
#include "json/input.hpp"
#include "json/output.hpp"
#include "modules/inspections/inspection_repo.hpp"
#include "modules/inspections/inspection_service.hpp"
#include "modules/inspections/inspection_view.hpp"

namespace steward::inspections {
namespace {

using ll = long long;
using json::Input;

const std::string kSelect =
    "SELECT rc.*, st.name AS responsible_name, i.day AS inspection_day, i.target_kind, "
    "i.target_name, it.code AS item_code, it.name AS item_name, d.deduct_centi, d.note AS "
    "finding, p.name AS project_name, p.time_zone FROM rectification rc JOIN staff st ON st.id = "
    "rc.responsible_staff_id JOIN inspection i ON i.id = rc.inspection_id JOIN "
    "inspection_deduction d ON d.id = rc.deduction_id JOIN rubric_item it ON it.id = d.item_id "
    "JOIN project p ON p.id = rc.project_id";

int offset_of(const db::Row& r) { return core::zone_offset_seconds(r.str("time_zone")).value_or(8 * 3600); }

bool open_status(const std::string& status) { return status == "open" || status == "rejected"; }

nlohmann::json rect_json(const db::Row& r, std::int64_t now) {
  const int off = offset_of(r);
  auto iso = [&](std::optional<std::int64_t> t) {
    return t ? nlohmann::json(core::format_iso8601(*t, off)) : nlohmann::json();
  };
  return {{"id", r.i64("id")},
          {"projectId", r.i64("project_id")},
          {"projectName", r.str("project_name")},
          {"inspectionId", r.i64("inspection_id")},
          {"inspectionDay", r.str("inspection_day")},
          {"target", {{"kind", r.str("target_kind")}, {"name", r.str("target_name")}}},
          {"deductionId", r.i64("deduction_id")},
          {"item", {{"code", r.str("item_code")}, {"name", r.str("item_name")}}},
          {"deducted", repo::points(r.i64("deduct_centi"))},
          {"finding", r.str("finding")},
          {"requirement", r.str("requirement")},
          {"responsible", {{"staffId", r.i64("responsible_staff_id")}, {"name", r.str("responsible_name")}}},
          {"deadline", r.str("deadline_day")},
          {"dueAt", iso(r.i64("due_at"))},
          {"status", r.str("status")},
          {"overdue", open_status(r.str("status")) && now > r.i64("due_at")},
          {"recurring", r.flag("recurring")},
          {"escalationLevel", r.i64("escalation_level")},
          {"evidence", r.str("evidence")},
          {"doneAt", iso(r.opt_i64("done_at"))},
          {"verifiedAt", iso(r.opt_i64("verified_at"))},
          {"rejectReason", r.str("reject_reason")},
          {"createdAt", iso(r.i64("created_at"))}};
}

std::optional<db::Row> find_rect(db::Session& s, const core::Actor& actor, std::int64_t id) {
  return db::Query(s, kSelect + " WHERE rc.id = :id" + view::visible(actor, "i"))
      .bind("id", (ll)id)
      .one();
}

}  // namespace

nlohmann::json InspectionService::create_rectification(const core::Context& ctx,
                                                       const nlohmann::json& body) const {
  core::require(ctx.actor, "inspection.perform");
  Input in(body, Input::Mode::create);
  const auto deduction_id = in.id("deductionId");
  const auto staff_id = in.id("responsibleStaffId");
  const auto deadline = in.text("deadline", {.max = 10});
  const auto requirement = in.text("requirement", {.required = false, .min = 0, .max = 2000}).value_or("");
  if (deadline && !repo::day_start(*deadline)) in.fail("deadline", "must be a date YYYY-MM-DD");
  in.finish();
  const auto now = clock_.now();
  return db_.write([&](db::Session& s) {
    auto d = db::Query(s, "SELECT d.*, i.status, i.day, i.project_id AS ipid FROM "
                          "inspection_deduction d JOIN inspection i ON i.id = d.inspection_id "
                          "WHERE d.id = :id" +
                              view::visible(ctx.actor, "i"))
                 .bind("id", (ll)*deduction_id)
                 .one();
    if (!d) core::throw_invalid("invalid request", {{"deductionId", "is not a deduction you can see"}});
    const auto inspection_id = d->i64("inspection_id");
    view::require_inspector(s, ctx.actor, inspection_id);
    if (d->str("status") != "submitted")
      core::throw_conflict("inspection.not_submitted",
                           "submit the inspection first: its deductions may still change");
    const auto project = d->i64("project_id");
    core::ErrorDetails errors;
    if (!db::Query(s, "SELECT id FROM staff WHERE id = :s AND project_id = :p AND active = 1")
             .bind("s", (ll)*staff_id)
             .bind("p", (ll)project)
             .one())
      errors.emplace("responsibleStaffId", "is not active staff of the inspected project");
    if (*deadline < d->str("day")) errors.emplace("deadline", "must not be before the inspection day");
    if (!errors.empty()) core::throw_invalid("invalid request", errors);
    if (db::Query(s, "SELECT id FROM rectification WHERE deduction_id = :d").bind("d", (ll)*deduction_id).one())
      core::throw_conflict("rectification.exists", "this deduction already has a rectification");
    const auto tz = db::Query(s, "SELECT time_zone FROM project WHERE id = :p").bind("p", (ll)project).one();
    const int off = core::zone_offset_seconds(tz->str("time_zone")).value_or(8 * 3600);
    const auto due = *repo::day_start(*deadline) + 86400 - off;  // the end of the deadline day, locally
    const auto id =
        db::Query(s,
                  "INSERT INTO rectification (project_id, inspection_id, deduction_id, "
                  "responsible_staff_id, deadline_day, due_at, status, requirement, evidence, "
                  "reject_reason, recurring, created_by, created_at, updated_at) VALUES (:p, :i, "
                  ":d, :st, :dl, :due, 'open', :req, '', '', :rec, :by, :c, :u) RETURNING id")
            .bind("p", (ll)project)
            .bind("i", (ll)inspection_id)
            .bind("d", (ll)*deduction_id)
            .bind("st", (ll)*staff_id)
            .bind("dl", *deadline)
            .bind("due", (ll)due)
            .bind("req", requirement)
            .bind("rec", d->flag("recurring"))
            .bind("by", ctx.actor.user_id > 0 ? std::optional<ll>(ctx.actor.user_id) : std::nullopt)
            .bind("c", (ll)now)
            .bind("u", (ll)now)
            .scalar();
    auto out = rect_json(*find_rect(s, ctx.actor, id), now);
    repo::audit(s, ctx, now, project, "rectification", id, "create", nullptr, out);
    return out;
  });
}

nlohmann::json InspectionService::list_rectifications(const core::Actor& actor,
                                                      const core::Params& query) const {
  core::require(actor, "inspection.read");
  const auto page = query.page();
  const auto project = query.id("projectId");
  const auto inspection = query.id("inspectionId");
  const auto status = query.text("status");
  const auto overdue = query.flag("overdue");
  if (status && *status != "open" && *status != "done" && *status != "verified" && *status != "rejected")
    core::throw_invalid("invalid request", {{"status", "must be one of: open, done, verified, rejected"}});
  const auto now = clock_.now();
  return db_.read([&](db::Session& s) {
    std::string where = " WHERE 1 = 1" + view::visible(actor, "i");
    if (project) where += " AND rc.project_id = :project";
    if (inspection) where += " AND rc.inspection_id = :inspection";
    if (status) where += " AND rc.status = :status";
    if (overdue && *overdue) where += " AND rc.status IN ('open', 'rejected') AND rc.due_at < :now";
    auto bind = [&](db::Query q) {
      if (project) q.bind("project", (ll)*project);
      if (inspection) q.bind("inspection", (ll)*inspection);
      if (status) q.bind("status", *status);
      if (overdue && *overdue) q.bind("now", (ll)now);
      return q;
    };
    const auto total = bind(db::Query(s,
                                      "SELECT COUNT(*) FROM rectification rc JOIN inspection i ON "
                                      "i.id = rc.inspection_id" +
                                          where))
                           .scalar();
    nlohmann::json items = nlohmann::json::array();
    for (const auto& r : bind(db::Query(s, kSelect + where + " ORDER BY rc.due_at, rc.id LIMIT " +
                                               std::to_string(page.size) + " OFFSET " +
                                               std::to_string(page.offset())))
                             .all())
      items.push_back(rect_json(r, now));
    return nlohmann::json{{"items", items}, {"total", total}};
  });
}

nlohmann::json InspectionService::get_rectification(const core::Actor& actor, std::int64_t id) const {
  core::require(actor, "inspection.read");
  const auto now = clock_.now();
  return db_.read([&](db::Session& s) {
    auto r = find_rect(s, actor, id);
    if (!r) core::throw_not_found("rectification");
    return rect_json(*r, now);
  });
}

nlohmann::json InspectionService::act_rectification(const core::Context& ctx, std::int64_t id,
                                                    const std::string& action,
                                                    const nlohmann::json& body) const {
  if (action != "complete" && action != "verify" && action != "reject")
    core::throw_not_found("rectification action");
  Input in(body, Input::Mode::create);
  std::optional<std::string> evidence, reason;
  if (action == "complete") evidence = in.text("evidence", {.max = 2000});
  if (action == "reject") reason = in.text("reason", {.max = 500});
  in.finish();
  const auto now = clock_.now();
  return db_.write([&](db::Session& s) {
    auto r = find_rect(s, ctx.actor, id);
    if (!r) core::throw_not_found("rectification");
    const auto status = r->str("status");
    if (action == "complete") {
      core::require(ctx.actor, "rectification.work");
    } else if (!ctx.actor.can("rectification.verify") &&
               !view::is_inspector(s, ctx.actor, r->i64("inspection_id"))) {
      core::throw_forbidden("rectification.verify");
    }
    const bool allowed = action == "complete" ? open_status(status) : status == "done";
    if (!allowed)
      core::throw_conflict("rectification.invalid_transition",
                           "cannot " + action + " a rectification that is " + status,
                           {{"status", status}});
    const auto before = rect_json(*r, now);
    if (action == "complete")
      db::Query(s, "UPDATE rectification SET status = 'done', evidence = :e, done_at = :t, "
                   "updated_at = :u WHERE id = :id")
          .bind("e", *evidence)
          .bind("t", (ll)now)
          .bind("u", (ll)now)
          .bind("id", (ll)id)
          .exec();
    else if (action == "verify")
      db::Query(s, "UPDATE rectification SET status = 'verified', verified_by = :by, verified_at = "
                   ":t, updated_at = :u WHERE id = :id")
          .bind("by", ctx.actor.user_id > 0 ? std::optional<ll>(ctx.actor.user_id) : std::nullopt)
          .bind("t", (ll)now)
          .bind("u", (ll)now)
          .bind("id", (ll)id)
          .exec();
    else
      db::Query(s, "UPDATE rectification SET status = 'rejected', reject_reason = :r, updated_at = "
                   ":u WHERE id = :id")
          .bind("r", *reason)
          .bind("u", (ll)now)
          .bind("id", (ll)id)
          .exec();
    auto out = rect_json(*find_rect(s, ctx.actor, id), now);
    repo::audit(s, ctx, now, r->i64("project_id"), "rectification", id, action, before, out);
    return out;
  });
}

}  // namespace steward::inspections
