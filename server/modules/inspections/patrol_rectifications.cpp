// Patrol findings become rectifications (DOMAIN P4), the second path beside the work order
// (patrols/alarms.cpp), in one step, with a responsible person of the project and a deadline:
// - a not-ok item of a check (POST /api/v1/patrol-checks/{id}/rectification), carrying the item's
//   photos and the checkpoint;
// - an alarm of a reading out of limits (POST /api/v1/patrol-alarms/{id}/rectification), carrying
//   the photos of the reading that raised it and the checkpoint.
// Photos are copied, so the rectification keeps them whatever happens to the check. Reads the
// patrol tables; writes only rectification rows.
#include <vector>

#include "core/error.hpp"
#include "core/time.hpp"
#include "json/input.hpp"
#include "modules/audit/audit.hpp"
#include "modules/inspections/inspection_photos.hpp"
#include "modules/inspections/inspection_repo.hpp"
#include "modules/inspections/rectification_view.hpp"
#include "modules/patrols/patrol_view.hpp"
#include "modules/photos/photo_store.hpp"

namespace steward::inspections {
namespace {
using ll = long long;

// Who puts it right and by when, as both paths take them.
struct Assignment {
  std::int64_t staff_id = 0;
  std::string deadline, requirement;
};

Assignment read_assignment(json::Input& in) {
  const auto staff_id = in.id("responsibleStaffId");
  const auto deadline = in.text("deadline", {.max = 10});
  const auto requirement = in.text("requirement", {.required = false, .min = 0, .max = 2000}).value_or("");
  if (deadline && !repo::day_start(*deadline)) in.fail("deadline", "must be a date YYYY-MM-DD");
  in.finish();
  return {*staff_id, *deadline, requirement};
}

// What the rectification is made of: the check and result it comes from (for an alarm, those of
// the reading that raised it), its checkpoint, and what was found on which local day.
struct PatrolFinding {
  std::int64_t project = 0, check_id = 0, result_id = 0, checkpoint_id = 0;
  std::optional<std::int64_t> alarm_id;
  std::string title, text, day;  // day: YYYY-MM-DD, local, when it was found
  int offset = 8 * 3600;
};

// Checks the assignment against the finding's project and day, inserts the rectification with
// copies of the result's photos (their files listed in `stored`) and writes the audit of its
// creation; the rectification as the board shows it.
nlohmann::json insert_patrol_rectification(db::Session& s, const core::Context& ctx, const std::string& data_dir,
                                           const PatrolFinding& f, const Assignment& a, std::int64_t now,
                                           std::vector<std::string>& stored) {
  core::ErrorDetails errors;
  if (!db::Query(s, "SELECT id FROM staff WHERE id = :s AND project_id = :p AND active = 1")
           .bind("s", (ll)a.staff_id)
           .bind("p", (ll)f.project)
           .one())
    errors.emplace("responsibleStaffId", f.alarm_id ? "is not active staff of the alarm's project"
                                                    : "is not active staff of the check's project");
  if (a.deadline < f.day)
    errors.emplace("deadline", f.alarm_id ? "must not be before the day of the alarm" : "must not be before the day of the check");
  if (!errors.empty()) core::throw_invalid("invalid request", errors);
  const auto due = *repo::day_start(a.deadline) + 86400 - f.offset;  // the end of the deadline day, locally
  const auto id =
      db::Query(s,
                "INSERT INTO rectification (project_id, source, patrol_check_id, patrol_result_id, "
                "patrol_alarm_id, checkpoint_id, source_title, source_finding, responsible_staff_id, "
                "deadline_day, due_at, status, requirement, evidence, reject_reason, recurring, "
                "created_by, created_at, updated_at) VALUES (:p, 'patrol', :k, :r, :a, :cp, :title, "
                ":finding, :st, :dl, :due, 'open', :req, '', '', 0, :by, :c, :u) RETURNING id")
          .bind("p", (ll)f.project)
          .bind("k", (ll)f.check_id)
          .bind("r", (ll)f.result_id)
          .bind("a", f.alarm_id ? std::optional<ll>(*f.alarm_id) : std::nullopt)
          .bind("cp", (ll)f.checkpoint_id)
          .bind("title", f.title)
          .bind("finding", f.text)
          .bind("st", (ll)a.staff_id)
          .bind("dl", a.deadline)
          .bind("due", (ll)due)
          .bind("req", a.requirement)
          .bind("by", ctx.actor.user_id > 0 ? std::optional<ll>(ctx.actor.user_id) : std::nullopt)
          .bind("c", (ll)now)
          .bind("u", (ll)now)
          .scalar();
  for (const auto& ph : db::Query(s, "SELECT content_type, path FROM patrol_photo WHERE result_id = :r ORDER BY id")
                            .bind("r", (ll)f.result_id)
                            .all()) {
    const auto copy = photos::copy_photo_file(data_dir, f.project, ph);
    stored.push_back(copy.relative);
    insert_rectification_photo(s, ctx, f.project, id, "finding", copy, now);
  }
  auto out = rect::to_json(s, *rect::find(s, ctx.actor, id), now);
  audit::record(s, ctx, now, {f.project, "rectification", id, "create", nullptr, out});
  return out;
}

}  // namespace

nlohmann::json InspectionPhotoService::rectification_from_patrol(const core::Context& ctx, std::int64_t check_id,
                                                                 const nlohmann::json& body) const {
  core::require(ctx.actor, "patrol.read");
  core::require(ctx.actor, "inspection.perform");
  json::Input in(body, json::Input::Mode::create);
  const auto item = in.id("itemId");
  const auto assignment = read_assignment(in);
  const auto now = clock_.now();
  // The copied files are removed again when the transaction fails.
  return photos::write_with_copies(db_, data_dir_, [&](db::Session& s, std::vector<std::string>& stored) {
    if (!patrols::view::find_check(s, ctx.actor, check_id)) core::throw_not_found("check");
    auto r = db::Query(s,
                       "SELECT r.id, r.ok, r.note, it.label, it.kind, k.project_id, k.checkpoint_id, "
                       "k.made_at, k.note AS check_note, p.time_zone FROM patrol_result r JOIN "
                       "patrol_plan_item it ON it.id = r.item_id JOIN patrol_check k ON k.id = "
                       "r.check_id JOIN project p ON p.id = k.project_id WHERE r.check_id = :k AND "
                       "r.item_id = :i")
                 .bind("k", (ll)check_id)
                 .bind("i", (ll)*item)
                 .one();
    if (!r) core::throw_invalid("invalid request", {{"itemId", "is not an item of this check"}});
    if (r->str("kind") != "check" || r->flag("ok"))
      core::throw_conflict("patrol.item_ok", "only a not-ok item becomes a rectification");
    if (auto existing = db::Query(s, "SELECT id FROM rectification WHERE patrol_result_id = :r")
                            .bind("r", r->i64("id"))
                            .one())
      core::throw_conflict("rectification.exists", "this item is a rectification already",
                           {{"rectificationId", std::to_string(existing->i64("id"))}});
    PatrolFinding f;
    f.project = r->i64("project_id");
    f.check_id = check_id;
    f.result_id = r->i64("id");
    f.checkpoint_id = r->i64("checkpoint_id");
    f.offset = core::zone_offset_seconds(r->str("time_zone")).value_or(8 * 3600);
    f.day = core::format_iso8601(r->i64("made_at"), f.offset).substr(0, 10);
    f.title = r->str("label");
    f.text = r->str("note");
    if (!r->str("check_note").empty()) f.text += (f.text.empty() ? "" : "。") + r->str("check_note");
    auto out = insert_patrol_rectification(s, ctx, data_dir_, f, assignment, now, stored);
    audit::record(s, ctx, now, {f.project, "patrol_check", check_id, "rectification", nullptr,
                                {{"itemId", *item}, {"rectificationId", out["id"]}}});
    return out;
  });
}

nlohmann::json InspectionPhotoService::rectification_from_alarm(const core::Context& ctx, std::int64_t alarm_id,
                                                                const nlohmann::json& body) const {
  core::require(ctx.actor, "patrol.read");
  core::require(ctx.actor, "inspection.perform");
  json::Input in(body, json::Input::Mode::create);
  const auto assignment = read_assignment(in);
  const auto now = clock_.now();
  return photos::write_with_copies(db_, data_dir_, [&](db::Session& s, std::vector<std::string>& stored) {
    if (!patrols::view::find_alarm(s, ctx.actor, alarm_id)) core::throw_not_found("alarm");
    const auto a = patrols::view::alarm(s, alarm_id, false);
    if (!a["rectificationId"].is_null())
      core::throw_conflict("rectification.exists", "this alarm is a rectification already",
                           {{"rectificationId", a["rectificationId"].dump()}});
    auto r = db::Query(s,
                       "SELECT rd.result_id, rd.check_id, rd.made_at, p.time_zone FROM patrol_alarm al "
                       "JOIN patrol_reading rd ON rd.id = al.reading_id JOIN project p ON p.id = "
                       "al.project_id WHERE al.id = :a")
                 .bind("a", (ll)alarm_id)
                 .one();
    PatrolFinding f;
    f.project = a["projectId"].get<std::int64_t>();
    f.check_id = r->i64("check_id");
    f.result_id = r->i64("result_id");
    f.checkpoint_id = a["checkpointId"].get<std::int64_t>();
    f.alarm_id = alarm_id;
    f.offset = core::zone_offset_seconds(r->str("time_zone")).value_or(8 * 3600);
    f.day = core::format_iso8601(r->i64("made_at"), f.offset).substr(0, 10);
    f.title = a["metric"]["name"].get<std::string>() + "超标";
    f.text = patrols::view::alarm_finding(a);
    auto out = insert_patrol_rectification(s, ctx, data_dir_, f, assignment, now, stored);
    audit::record(s, ctx, now, {f.project, "patrol_alarm", alarm_id, "rectification", nullptr,
                                {{"rectificationId", out["id"]}}});
    return out;
  });
}

}  // namespace steward::inspections
