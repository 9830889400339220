// A patrol finding becomes a rectification (DOMAIN P4), the second path beside the work order
// (patrols/alarms.cpp): a not-ok item of a check, in one step, with a responsible person of the
// check's project and a deadline, carrying the item's photos (copied, so the rectification keeps
// them whatever happens to the check) and the checkpoint. Reads the patrol tables; writes only
// rectification rows. POST /api/v1/patrol-checks/{id}/rectification.
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
}

nlohmann::json InspectionPhotoService::rectification_from_patrol(const core::Context& ctx, std::int64_t check_id,
                                                                 const nlohmann::json& body) const {
  core::require(ctx.actor, "patrol.read");
  core::require(ctx.actor, "inspection.perform");
  json::Input in(body, json::Input::Mode::create);
  const auto item = in.id("itemId");
  const auto staff_id = in.id("responsibleStaffId");
  const auto deadline = in.text("deadline", {.max = 10});
  const auto requirement = in.text("requirement", {.required = false, .min = 0, .max = 2000}).value_or("");
  if (deadline && !repo::day_start(*deadline)) in.fail("deadline", "must be a date YYYY-MM-DD");
  in.finish();
  const auto now = clock_.now();
  std::vector<std::string> stored;  // files written: removed again when the transaction fails
  try {
    return db_.write([&](db::Session& s) {
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
      const auto project = r->i64("project_id");
      const int off = core::zone_offset_seconds(r->str("time_zone")).value_or(8 * 3600);
      const std::string check_day = core::format_iso8601(r->i64("made_at"), off).substr(0, 10);
      core::ErrorDetails errors;
      if (!db::Query(s, "SELECT id FROM staff WHERE id = :s AND project_id = :p AND active = 1")
               .bind("s", (ll)*staff_id)
               .bind("p", (ll)project)
               .one())
        errors.emplace("responsibleStaffId", "is not active staff of the check's project");
      if (*deadline < check_day) errors.emplace("deadline", "must not be before the day of the check");
      if (!errors.empty()) core::throw_invalid("invalid request", errors);
      std::string finding = r->str("note");
      if (!r->str("check_note").empty()) finding += (finding.empty() ? "" : "。") + r->str("check_note");
      const auto due = *repo::day_start(*deadline) + 86400 - off;  // the end of the deadline day, locally
      const auto id =
          db::Query(s,
                    "INSERT INTO rectification (project_id, source, patrol_check_id, patrol_result_id, "
                    "checkpoint_id, source_title, source_finding, responsible_staff_id, "
                    "deadline_day, due_at, status, requirement, evidence, reject_reason, recurring, "
                    "created_by, created_at, updated_at) VALUES (:p, 'patrol', :k, :r, :cp, :title, "
                    ":finding, :st, :dl, :due, 'open', :req, '', '', 0, :by, :c, :u) RETURNING id")
              .bind("p", (ll)project)
              .bind("k", (ll)check_id)
              .bind("r", r->i64("id"))
              .bind("cp", r->i64("checkpoint_id"))
              .bind("title", r->str("label"))
              .bind("finding", finding)
              .bind("st", (ll)*staff_id)
              .bind("dl", *deadline)
              .bind("due", (ll)due)
              .bind("req", requirement)
              .bind("by", ctx.actor.user_id > 0 ? std::optional<ll>(ctx.actor.user_id) : std::nullopt)
              .bind("c", (ll)now)
              .bind("u", (ll)now)
              .scalar();
      for (const auto& ph : db::Query(s, "SELECT content_type, path FROM patrol_photo WHERE result_id = :r ORDER BY id")
                                .bind("r", r->i64("id"))
                                .all()) {
        const auto copy = photos::copy_photo_file(data_dir_, project, ph);
        stored.push_back(copy.relative);
        insert_rectification_photo(s, ctx, project, id, "finding", copy, now);
      }
      auto out = rect::to_json(s, *rect::find(s, ctx.actor, id), now);
      audit::record(s, ctx, now, {project, "rectification", id, "create", nullptr, out});
      audit::record(s, ctx, now, {project, "patrol_check", check_id, "rectification", nullptr,
                                  {{"itemId", *item}, {"rectificationId", id}}});
      return out;
    });
  } catch (...) {
    for (const auto& f : stored) photos::remove_photo_file(data_dir_, f);
    throw;
  }
}

}  // namespace steward::inspections
