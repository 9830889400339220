// Rectifications (整改, DOMAIN I4): a deduction put right by a responsible person before a
// deadline, with evidence, then verified or rejected by the inspector or the quality department.
#include "core/error.hpp"
#include "core/time.hpp"
#include "json/input.hpp"
#include "json/output.hpp"
#include "modules/inspections/inspection_repo.hpp"
#include "modules/inspections/inspection_service.hpp"
#include "modules/inspections/inspection_view.hpp"
#include "modules/inspections/rectification_view.hpp"

namespace steward::inspections {
namespace {

using ll = long long;
using json::Input;

constexpr std::size_t kEvidencePhotos = 9;

// The quality department verifies; so do the inspectors of the inspection it came from, and, for
// a patrol finding, whoever turned it into a rectification.
bool may_verify(db::Session& s, const core::Actor& actor, const db::Row& r) {
  if (actor.can("rectification.verify")) return true;
  if (r.str("source") == "patrol") return actor.user_id > 0 && r.opt_i64("created_by") == actor.user_id;
  return view::is_inspector(s, actor, r.i64("inspection_id"));
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
                  "INSERT INTO rectification (project_id, source, inspection_id, deduction_id, "
                  "source_title, source_finding, responsible_staff_id, deadline_day, due_at, "
                  "status, requirement, evidence, reject_reason, recurring, created_by, "
                  "created_at, updated_at) VALUES (:p, 'inspection', :i, :d, '', '', :st, :dl, "
                  ":due, 'open', :req, '', '', :rec, :by, :c, :u) RETURNING id")
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
    auto out = rect::to_json(s, *rect::find(s, ctx.actor, id), now);
    repo::audit(s, ctx, now, project, "rectification", id, "create", nullptr, out);
    return out;
  });
}

nlohmann::json InspectionService::list_rectifications(const core::Actor& actor,
                                                      const core::Params& query) const {
  rect::require_read(actor);
  const auto page = query.page();
  const auto project = query.id("projectId");
  const auto inspection = query.id("inspectionId");
  const auto responsible = query.id("responsibleId");
  const auto status = query.text("status");
  const auto overdue = query.flag("overdue");
  const auto mine = query.flag("mine");
  const auto source = query.text("source");
  if (status && *status != "open" && *status != "done" && *status != "verified" && *status != "rejected")
    core::throw_invalid("invalid request", {{"status", "must be one of: open, done, verified, rejected"}});
  if (source && *source != "inspection" && *source != "patrol")
    core::throw_invalid("invalid request", {{"source", "must be one of: inspection, patrol"}});
  const auto now = clock_.now();
  return db_.read([&](db::Session& s) {
    std::string where = " WHERE 1 = 1" + rect::visible(actor);
    if (mine && *mine) where += rect::mine(actor);
    if (project) where += " AND rc.project_id = :project";
    if (inspection) where += " AND rc.inspection_id = :inspection";
    if (responsible) where += " AND rc.responsible_staff_id = :responsible";
    if (status) where += " AND rc.status = :status";
    if (source) where += " AND rc.source = :source";
    if (overdue && *overdue) where += " AND rc.status IN ('open', 'rejected') AND rc.due_at < :now";
    auto bind = [&](db::Query q) {
      if (project) q.bind("project", (ll)*project);
      if (inspection) q.bind("inspection", (ll)*inspection);
      if (responsible) q.bind("responsible", (ll)*responsible);
      if (status) q.bind("status", *status);
      if (source) q.bind("source", *source);
      if (overdue && *overdue) q.bind("now", (ll)now);
      return q;
    };
    const auto total = bind(db::Query(s, "SELECT COUNT(*) FROM rectification rc" + where)).scalar();
    const auto rows = bind(db::Query(s, rect::select_sql() + where + " ORDER BY rc.due_at, rc.id LIMIT " +
                                            std::to_string(page.size) + " OFFSET " +
                                            std::to_string(page.offset())))
                          .all();
    nlohmann::json items = nlohmann::json::array();
    for (auto& j : rect::to_json(s, rows, now)) items.push_back(std::move(j));
    return nlohmann::json{{"items", items}, {"total", total}};
  });
}

nlohmann::json InspectionService::get_rectification(const core::Actor& actor, std::int64_t id) const {
  rect::require_read(actor);
  const auto now = clock_.now();
  return db_.read([&](db::Session& s) {
    auto r = rect::find(s, actor, id);
    if (!r) core::throw_not_found("rectification");
    return rect::to_json(s, *r, now);
  });
}

nlohmann::json InspectionService::act_rectification(const core::Context& ctx, std::int64_t id,
                                                    const std::string& action,
                                                    const nlohmann::json& body) const {
  if (action != "complete" && action != "verify" && action != "reject")
    core::throw_not_found("rectification action");
  rect::require_read(ctx.actor);
  Input in(body, Input::Mode::create);
  std::optional<std::string> evidence, reason;
  std::optional<std::vector<std::int64_t>> photo_ids;
  if (action == "complete") {
    evidence = in.text("evidence", {.max = 2000});
    photo_ids = in.ids("photoIds", false, kEvidencePhotos);
  }
  if (action == "reject") reason = in.text("reason", {.max = 500});
  in.finish();
  const auto now = clock_.now();
  return db_.write([&](db::Session& s) {
    auto r = rect::find(s, ctx.actor, id);
    if (!r) core::throw_not_found("rectification");
    const auto status = r->str("status");
    if (action == "complete") {
      core::require(ctx.actor, "rectification.work");
    } else if (!may_verify(s, ctx.actor, *r)) {
      core::throw_forbidden("rectification.verify");
    }
    const bool allowed = action == "complete" ? rect::open_status(status) : status == "done";
    if (!allowed)
      core::throw_conflict("rectification.invalid_transition",
                           "cannot " + action + " a rectification that is " + status,
                           {{"status", status}});
    const auto before = rect::to_json(s, *r, now);
    if (action == "complete") {
      if (photo_ids) {
        for (const auto photo : *photo_ids)
          if (!db::Query(s, "SELECT id FROM rectification_photo WHERE id = :ph AND rectification_id = "
                            ":r AND role = 'evidence'")
                   .bind("ph", (ll)photo)
                   .bind("r", (ll)id)
                   .one())
            core::throw_invalid("invalid request",
                                {{"photoIds", "photo " + std::to_string(photo) +
                                                  " is not a photo uploaded to this rectification"}});
        // The completion's evidence photos become exactly those named.
        db::Query(s, "UPDATE rectification_photo SET attached = 0 WHERE rectification_id = :r AND role = 'evidence'")
            .bind("r", (ll)id)
            .exec();
        if (!photo_ids->empty())
          db::Query(s, "UPDATE rectification_photo SET attached = 1 WHERE rectification_id = :r AND id IN (" +
                           db::id_list({photo_ids->begin(), photo_ids->end()}) + ")")
              .bind("r", (ll)id)
              .exec();
      }
      db::Query(s, "UPDATE rectification SET status = 'done', evidence = :e, done_at = :t, "
                   "updated_at = :u WHERE id = :id")
          .bind("e", *evidence)
          .bind("t", (ll)now)
          .bind("u", (ll)now)
          .bind("id", (ll)id)
          .exec();
    } else if (action == "verify") {
      db::Query(s, "UPDATE rectification SET status = 'verified', verified_by = :by, verified_at = "
                   ":t, updated_at = :u WHERE id = :id")
          .bind("by", ctx.actor.user_id > 0 ? std::optional<ll>(ctx.actor.user_id) : std::nullopt)
          .bind("t", (ll)now)
          .bind("u", (ll)now)
          .bind("id", (ll)id)
          .exec();
    } else {
      db::Query(s, "UPDATE rectification SET status = 'rejected', reject_reason = :r, updated_at = "
                   ":u WHERE id = :id")
          .bind("r", *reason)
          .bind("u", (ll)now)
          .bind("id", (ll)id)
          .exec();
    }
    auto out = rect::to_json(s, *rect::find(s, ctx.actor, id), now);
    repo::audit(s, ctx, now, r->i64("project_id"), "rectification", id, action, before, out);
    return out;
  });
}

}  // namespace steward::inspections
