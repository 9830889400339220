#include "modules/inspections/rectification_view.hpp"

#include <map>

#include "core/error.hpp"
#include "core/time.hpp"
#include "modules/inspections/inspection_repo.hpp"

namespace steward::inspections::rect {
namespace {

using ll = long long;

int offset_of(const db::Row& r) { return core::zone_offset_seconds(r.str("time_zone")).value_or(8 * 3600); }

nlohmann::json photo_json(const db::Row& r) {
  return {{"id", r.i64("id")},
          {"role", r.str("role")},
          {"contentType", r.str("content_type")},
          {"size", r.i64("size")},
          {"url", "/api/v1/rectification-photos/" + std::to_string(r.i64("id"))},
          {"uploadedBy", r.str("uploaded_by_name")},
          {"createdAt", core::format_iso8601(r.i64("created_at"))}};
}

nlohmann::json one(const db::Row& r, std::int64_t now, nlohmann::json photos, nlohmann::json evidence) {
  const int off = offset_of(r);
  auto iso = [&](std::optional<std::int64_t> t) {
    return t ? nlohmann::json(core::format_iso8601(*t, off)) : nlohmann::json();
  };
  auto id_or_null = [&](const char* column) {
    const auto v = r.opt_i64(column);
    return v ? nlohmann::json(*v) : nlohmann::json();
  };
  const bool patrol = r.str("source") == "patrol";
  nlohmann::json patrol_json;
  if (patrol)
    patrol_json = {{"checkId", r.i64("patrol_check_id")},
                   {"resultId", r.i64("patrol_result_id")},
                   {"checkpointId", r.i64("checkpoint_id")},
                   {"checkpointCode", r.str("checkpoint_code")},
                   {"checkpointName", r.str("checkpoint_name")},
                   {"place", r.str("checkpoint_place")},
                   {"checkedAt", iso(r.opt_i64("check_made_at"))},
                   {"checkedBy", r.str("check_user_name")},
                   {"alarmId", id_or_null("patrol_alarm_id")}};
  return {{"id", r.i64("id")},
          {"source", r.str("source")},
          {"projectId", r.i64("project_id")},
          {"projectName", r.str("project_name")},
          {"inspectionId", id_or_null("inspection_id")},
          {"inspectionDay", patrol ? nlohmann::json() : nlohmann::json(r.str("inspection_day"))},
          {"target", patrol ? nlohmann::json{{"kind", "checkpoint"}, {"name", r.str("checkpoint_name")}}
                            : nlohmann::json{{"kind", r.str("target_kind")}, {"name", r.str("target_name")}}},
          {"deductionId", id_or_null("deduction_id")},
          {"item", patrol ? nlohmann::json{{"code", r.str("checkpoint_code")}, {"name", r.str("source_title")}}
                          : nlohmann::json{{"code", r.str("item_code")}, {"name", r.str("item_name")}}},
          {"deducted", patrol ? nlohmann::json() : nlohmann::json(repo::points(r.i64("deduct_centi")))},
          {"finding", patrol ? r.str("source_finding") : r.str("finding")},
          {"patrol", patrol_json},
          {"requirement", r.str("requirement")},
          {"responsible", {{"staffId", r.i64("responsible_staff_id")}, {"name", r.str("responsible_name")}}},
          {"deadline", r.str("deadline_day")},
          {"dueAt", iso(r.i64("due_at"))},
          {"status", r.str("status")},
          {"overdue", open_status(r.str("status")) && now > r.i64("due_at")},
          {"recurring", r.flag("recurring")},
          {"escalationLevel", r.i64("escalation_level")},
          {"evidence", r.str("evidence")},
          {"photos", std::move(photos)},
          {"evidencePhotos", std::move(evidence)},
          {"doneAt", iso(r.opt_i64("done_at"))},
          {"verifiedAt", iso(r.opt_i64("verified_at"))},
          {"rejectReason", r.str("reject_reason")},
          {"createdAt", iso(r.i64("created_at"))}};
}

}  // namespace

void require_read(const core::Actor& actor) {
  if (!actor.can("rectification.work")) core::require(actor, "inspection.read");
}

std::string select_sql() {
  return "SELECT rc.*, st.name AS responsible_name, i.day AS inspection_day, i.target_kind, "
         "i.target_name, it.code AS item_code, it.name AS item_name, d.deduct_centi, d.note AS "
         "finding, p.name AS project_name, p.time_zone, cp.code AS checkpoint_code, cp.name AS "
         "checkpoint_name, cp.place AS checkpoint_place, k.made_at AS check_made_at, k.user_name "
         "AS check_user_name FROM rectification rc JOIN staff st ON st.id = "
         "rc.responsible_staff_id JOIN project p ON p.id = rc.project_id LEFT JOIN inspection i ON "
         "i.id = rc.inspection_id LEFT JOIN inspection_deduction d ON d.id = rc.deduction_id LEFT "
         "JOIN rubric_item it ON it.id = d.item_id LEFT JOIN patrol_checkpoint cp ON cp.id = "
         "rc.checkpoint_id LEFT JOIN patrol_check k ON k.id = rc.patrol_check_id";
}

std::string mine(const core::Actor& actor) {
  return " AND rc.responsible_staff_id IN (SELECT mu.staff_id FROM app_user mu WHERE mu.id = " +
         std::to_string(actor.user_id) + " AND mu.staff_id IS NOT NULL)";
}

std::string visible(const core::Actor& actor) {
  const std::string projects =
      actor.all_projects ? std::string("1 = 1")
                         : "rc.project_id IN (" +
                               db::id_list({actor.project_ids.begin(), actor.project_ids.end()}) + ")";
  // Those who only put findings right see their own, never their colleagues'.
  if (!actor.can("inspection.read")) return " AND " + projects + mine(actor);
  if (actor.all_projects) return "";
  return " AND (" + projects +
         " OR (rc.inspection_id IS NOT NULL AND EXISTS (SELECT 1 FROM inspection_inspector vi "
         "WHERE vi.inspection_id = rc.inspection_id AND vi.user_id = " +
         std::to_string(actor.user_id) + ")))";
}

std::optional<db::Row> find(db::Session& s, const core::Actor& actor, std::int64_t id) {
  return db::Query(s, select_sql() + " WHERE rc.id = :id" + visible(actor)).bind("id", (ll)id).one();
}

bool open_status(const std::string& status) { return status == "open" || status == "rejected"; }

std::vector<nlohmann::json> to_json(db::Session& s, const std::vector<db::Row>& rows, std::int64_t now) {
  std::vector<long long> ids;
  for (const auto& r : rows) ids.push_back(r.i64("id"));
  std::map<std::int64_t, std::pair<nlohmann::json, nlohmann::json>> photos;
  if (!ids.empty())
    for (const auto& p : db::Query(s, "SELECT * FROM rectification_photo WHERE rectification_id IN (" +
                                          db::id_list(ids) + ") AND attached = 1 ORDER BY id")
                             .all()) {
      auto& slot = photos[p.i64("rectification_id")];
      if (slot.first.is_null()) slot = {nlohmann::json::array(), nlohmann::json::array()};
      (p.str("role") == "finding" ? slot.first : slot.second).push_back(photo_json(p));
    }
  std::vector<nlohmann::json> out;
  for (const auto& r : rows) {
    auto it = photos.find(r.i64("id"));
    if (it == photos.end())
      out.push_back(one(r, now, nlohmann::json::array(), nlohmann::json::array()));
    else
      out.push_back(one(r, now, it->second.first, it->second.second));
  }
  return out;
}

nlohmann::json to_json(db::Session& s, const db::Row& row, std::int64_t now) {
  return to_json(s, std::vector<db::Row>{row}, now).front();
}

}  // namespace steward::inspections::rect
