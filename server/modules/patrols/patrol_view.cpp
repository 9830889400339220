#include "modules/patrols/patrol_view.hpp"

#include <cstdio>

#include "modules/patrols/patrol_repo.hpp"

namespace steward::patrols::view {
namespace {
using ll = long long;

std::string fixed(const nlohmann::json& v, int decimals) {
  if (!v.is_number()) return "";
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v.get<double>());
  return buf;
}
}  // namespace

std::string visible(const core::Actor& actor, const std::string& a) {
  std::string out = repo::in_projects(actor, a + ".project_id");
  if (!actor.can("patrol.read")) out += " AND " + a + ".user_id = " + std::to_string(actor.user_id);
  return out;
}

std::optional<db::Row> find_check(db::Session& s, const core::Actor& actor, std::int64_t id) {
  return db::Query(s, "SELECT k.id FROM patrol_check k WHERE k.id = :id" + visible(actor, "k")).bind("id", (ll)id).one();
}

nlohmann::json check(db::Session& s, std::int64_t id) {
  auto k = db::Query(s,
                     "SELECT k.*, pl.name AS plan_name, c.name AS checkpoint_name, c.place, "
                     "p.time_zone FROM patrol_check k JOIN patrol_plan pl ON pl.id = k.plan_id JOIN "
                     "patrol_checkpoint c ON c.id = k.checkpoint_id JOIN project p ON p.id = "
                     "k.project_id WHERE k.id = :id")
               .bind("id", (ll)id)
               .one();
  const int off = repo::offset_of(s, k->i64("project_id"));
  nlohmann::json results = nlohmann::json::array();
  for (const auto& r : db::Query(s,
                                 "SELECT r.*, it.label, it.kind, m.unit, m.decimals, rd.low_scaled, "
                                 "rd.high_scaled, rd.within_limits, rd.alarm_id, rd.id AS reading_id, "
                                 "rc.id AS rectification_id FROM patrol_result r JOIN patrol_plan_item "
                                 "it ON it.id = r.item_id LEFT JOIN patrol_metric m ON m.id = "
                                 "it.metric_id LEFT JOIN patrol_reading rd ON rd.result_id = r.id "
                                 // the item's own rectification (inspections/patrol_rectifications.cpp),
                                 // not the one of the alarm its reading raised
                                 "LEFT JOIN rectification rc ON rc.patrol_result_id = r.id AND "
                                 "rc.patrol_alarm_id IS NULL WHERE r.check_id = :c "
                                 "ORDER BY it.position, it.id")
                           .bind("c", (ll)id)
                           .all()) {
    const int d = r.is_null("decimals") ? 0 : static_cast<int>(r.i64("decimals"));
    nlohmann::json photos = nlohmann::json::array();
    for (const auto& ph : db::Query(s, "SELECT id FROM patrol_photo WHERE result_id = :r ORDER BY id")
                              .bind("r", r.i64("id"))
                              .all())
      photos.push_back(ph.i64("id"));
    const bool reading = !r.is_null("reading_id");
    results.push_back({{"itemId", r.i64("item_id")},
                       {"label", r.str("label")},
                       {"kind", r.str("kind")},
                       {"ok", r.is_null("ok") ? nlohmann::json() : nlohmann::json(r.flag("ok"))},
                       {"value", repo::value_json(r.opt_i64("value_scaled"), d)},
                       {"unit", r.str("unit")},
                       {"withinLimits", reading ? nlohmann::json(r.flag("within_limits")) : nlohmann::json()},
                       {"low", repo::value_json(r.opt_i64("low_scaled"), d)},
                       {"high", repo::value_json(r.opt_i64("high_scaled"), d)},
                       {"note", r.str("note")},
                       {"photoIds", photos},
                       {"workOrderId", r.opt_i64("work_order_id") ? nlohmann::json(*r.opt_i64("work_order_id")) : nlohmann::json()},
                       {"alarmId", r.opt_i64("alarm_id") ? nlohmann::json(*r.opt_i64("alarm_id")) : nlohmann::json()},
                       {"rectificationId", r.opt_i64("rectification_id") ? nlohmann::json(*r.opt_i64("rectification_id")) : nlohmann::json()}});
  }
  return {{"id", id},
          {"clientId", k->str("client_id")},
          {"projectId", k->i64("project_id")},
          {"planId", k->i64("plan_id")},
          {"planName", k->str("plan_name")},
          {"checkpointId", k->i64("checkpoint_id")},
          {"checkpointName", k->str("checkpoint_name")},
          {"place", k->str("place")},
          {"madeAt", repo::iso(k->i64("made_at"), off)},
          {"receivedAt", repo::iso(k->i64("received_at"), off)},
          {"lateArrival", k->flag("late_arrival")},
          {"slotStart", repo::iso_or_null(k->opt_i64("slot_start"), off)},
          {"slotEnd", repo::iso_or_null(k->opt_i64("slot_end"), off)},
          {"placement", k->str("placement")},
          {"madeBy", {{"userId", k->opt_i64("user_id") ? nlohmann::json(*k->opt_i64("user_id")) : nlohmann::json()},
                      {"name", k->str("user_name")}}},
          {"note", k->str("note")},
          {"notOk", k->i64("not_ok")},
          {"results", results}};
}

std::optional<db::Row> find_alarm(db::Session& s, const core::Actor& actor, std::int64_t id) {
  return db::Query(s, "SELECT a.* FROM patrol_alarm a WHERE a.id = :id" + repo::in_projects(actor, "a.project_id"))
      .bind("id", (ll)id)
      .one();
}

nlohmann::json alarm(db::Session& s, std::int64_t id, bool details) {
  auto a = db::Query(s,
                     "SELECT a.*, c.name AS checkpoint_name, m.code AS metric_code, m.name AS "
                     "metric_name, m.unit, m.decimals, m.builtin FROM patrol_alarm a JOIN "
                     "patrol_checkpoint c ON c.id = a.checkpoint_id JOIN patrol_metric m ON m.id = "
                     "a.metric_id WHERE a.id = :id")
               .bind("id", (ll)id)
               .one();
  const int off = repo::offset_of(s, a->i64("project_id"));
  const int d = static_cast<int>(a->i64("decimals"));
  nlohmann::json j{{"id", id},
                   {"projectId", a->i64("project_id")},
                   {"checkpointId", a->i64("checkpoint_id")},
                   {"checkpointName", a->str("checkpoint_name")},
                   {"metric", {{"id", a->i64("metric_id")}, {"code", a->str("metric_code")}, {"name", a->str("metric_name")},
                               {"unit", a->str("unit")}, {"decimals", d}, {"builtin", a->flag("builtin")}}},
                   {"status", a->str("status")},
                   {"value", repo::value_json(a->i64("value_scaled"), d)},
                   {"low", repo::value_json(a->opt_i64("low_scaled"), d)},
                   {"high", repo::value_json(a->opt_i64("high_scaled"), d)},
                   {"raisedAt", repo::iso(a->i64("raised_at"), off)},
                   {"raisedBy", a->str("raised_by_name")},
                   {"checkId", a->i64("check_id")},
                   {"closedAt", repo::iso_or_null(a->opt_i64("closed_at"), off)},
                   {"workOrderId", a->opt_i64("work_order_id") ? nlohmann::json(*a->opt_i64("work_order_id")) : nlohmann::json()}};
  // The rectification it became (inspections/patrol_rectifications.cpp), if any.
  const auto rect = db::Query(s, "SELECT id FROM rectification WHERE patrol_alarm_id = :a").bind("a", (ll)id).one();
  j["rectificationId"] = rect ? nlohmann::json(rect->i64("id")) : nlohmann::json();
  nlohmann::json treatments = nlohmann::json::array();
  for (const auto& t : db::Query(s, "SELECT * FROM patrol_treatment WHERE alarm_id = :a ORDER BY at, id").bind("a", (ll)id).all())
    treatments.push_back({{"id", t.i64("id")}, {"note", t.str("note")}, {"at", repo::iso(t.i64("at"), off)}, {"by", t.str("user_name")}});
  j["treatments"] = treatments;
  if (details) {
    nlohmann::json readings = nlohmann::json::array();
    for (const auto& r : db::Query(s, "SELECT * FROM patrol_reading WHERE alarm_id = :a ORDER BY made_at, id").bind("a", (ll)id).all())
      readings.push_back({{"id", r.i64("id")}, {"madeAt", repo::iso(r.i64("made_at"), off)},
                          {"value", repo::value_json(r.i64("value_scaled"), d)}, {"withinLimits", r.flag("within_limits")}});
    j["readings"] = readings;
  }
  return j;
}

std::string alarm_finding(const nlohmann::json& a) {
  const auto& m = a["metric"];
  const int d = m["decimals"].get<int>();
  const auto unit = m["unit"].get<std::string>();
  return "读数超标: " + m["name"].get<std::string>() + " " + fixed(a["value"], d) + (unit.empty() ? "" : " " + unit) +
         " (标准 " + fixed(a["low"], d) + "-" + fixed(a["high"], d) + ")";
}

}  // namespace steward::patrols::view
