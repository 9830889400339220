// Patrols through the API on every engine: checkpoints and check-in by code, coverage to the
// minute at the edges of slots and grace, the pool's limits at opening, noon and closing, alarms
// that close only after a treatment and a later good reading, offline records (clientId, 72 h),
// a finding that becomes a work order with its photo, and who may see which record.
#include <filesystem>

#include "db/query.hpp"
#include "tests/api/api_suite.hpp"

namespace steward::testing {
namespace {

constexpr const char* kDay = "2026-11-20";  // a Friday

std::string png() { return std::string("\x89PNG\r\n\x1A\n", 8) + std::string(64, 'x'); }

class Patrols : public ApiSuite<Patrols> {
 protected:
  // Moves the pinned clock without new sessions (they stay valid for hours).
  void now(const std::string& local) { server().clock().set(at(local)); }
  std::string t(const std::string& hhmm, const char* day = kDay) { return std::string(day) + "T" + hhmm + "+08:00"; }

  std::int64_t checkpoint(const std::string& project, const std::string& name, nlohmann::json extra = nlohmann::json::object()) {
    nlohmann::json body{{"projectId", pid(project)}, {"code", unique("CP-")}, {"name", name}, {"kind", "room"}, {"place", "会所一层"}};
    body.update(extra);
    auto r = act("admin", "POST", "/api/v1/patrol-checkpoints", body);
    EXPECT_EQ(r.status, 201u) << r.raw;
    return r.body.value("id", std::int64_t{0});
  }
  nlohmann::json plan(const nlohmann::json& body) {
    auto r = act("admin", "POST", "/api/v1/patrol-plans", body);
    EXPECT_EQ(r.status, 201u) << r.raw;
    return r.body;
  }
  std::int64_t metric(const std::string& code) {
    const auto list = act("admin", "GET", "/api/v1/patrol-metrics").body;
    for (const auto& m : list["items"])
      if (m["code"] == code) return m["id"].get<std::int64_t>();
    ADD_FAILURE() << "no metric " << code;
    return 0;
  }
  // A check of every item: `ok` for check items, `values` by item label for readings.
  Reply check(const std::string& user, const nlohmann::json& p, std::int64_t cp, const std::string& made_at,
              const std::map<std::string, double>& values = {}, bool ok = true, const std::string& client = "") {
    nlohmann::json results = nlohmann::json::array();
    for (const auto& it : p["items"]) {
      if (it["kind"] == "check") results.push_back({{"itemId", it["id"]}, {"ok", ok}});
      else results.push_back({{"itemId", it["id"]}, {"value", values.at(it["label"].get<std::string>())}});
    }
    return act(user, "POST", "/api/v1/patrol-checks",
               {{"clientId", client.empty() ? unique("client-00000000-") : client},
                {"planId", p["id"]}, {"checkpointId", cp}, {"madeAt", made_at}, {"results", results}});
  }
  nlohmann::json slots(const nlohmann::json& p, const char* day = kDay) {
    auto r = act("admin", "GET", "/api/v1/patrol-plans/" + std::to_string(p["id"].get<std::int64_t>()) + "/slots?date=" + day);
    EXPECT_EQ(r.status, 200u) << r.raw;
    return r.body["items"];
  }
  // The cleaners' restroom round at cp (every 20 minutes, 08:00-22:00) with these check items.
  nlohmann::json restroom_plan(std::int64_t cp, const std::vector<std::string>& labels) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& l : labels) items.push_back({{"label", l}, {"kind", "check"}});
    return plan({{"projectId", pid("CSHY")}, {"name", unique("洗手间检查")},
                 {"assignee", {{"kind", "role"}, {"role", "cleaning"}}},
                 {"schedule", {{"kind", "interval"}, {"everyMinutes", 20}, {"windows", {{{"from", "08:00"}, {"to", "22:00"}}}}}},
                 {"checkpointIds", {cp}}, {"items", items}});
  }
  // A photo the cleaner uploads to CSHY for an item of a check; its id (0 when refused).
  std::int64_t cleaners_photo() {
    auto photo = server().raw_request("POST", "/api/v1/patrol-photos?projectId=" + std::to_string(pid("CSHY")), png(),
                                      {{"Authorization", "Bearer " + token("cleaning")}, {"Content-Type", "image/png"}});
    EXPECT_EQ(photo.status, 201u) << photo.raw;
    return photo.body.value("id", std::int64_t{0});
  }
  // The files under <dataDir>/photos.
  std::size_t photo_files() {
    std::size_t n = 0;
    const auto dir = std::filesystem::path(server().app().config().data_dir) / "photos";
    if (std::filesystem::exists(dir))
      for (const auto& f : std::filesystem::recursive_directory_iterator(dir)) n += f.is_regular_file() ? 1 : 0;
    return n;
  }
  static std::string state_of(const nlohmann::json& slots, std::int64_t cp, const std::string& start) {
    for (const auto& s : slots)
      if (s["checkpointId"] == cp && s["start"] == start) return s["state"];
    return "absent";
  }
};

TEST_P(Patrols, CheckpointsHaveCodesUniquePerProjectAndAreFoundByLabel) {
  at_time("2026-11-20T10:00:00");
  const auto code = unique("POST-");
  auto r = act("pm", "POST", "/api/v1/patrol-checkpoints",
               {{"projectId", pid("CSHY")}, {"code", code}, {"name", "东门岗"}, {"kind", "post"}, {"place", "东门"}});
  ASSERT_EQ(r.status, 201u) << r.raw;
  const auto id = r.body["id"].get<std::int64_t>();
  EXPECT_EQ(r.body["qr"], "steward:cp:CSHY:" + code);
  // The same code again in the project: 409; in another project it is free.
  r = act("pm", "POST", "/api/v1/patrol-checkpoints", {{"projectId", pid("CSHY")}, {"code", code}, {"name", "x"}, {"kind", "post"}});
  EXPECT_EQ(r.status, 409u);
  EXPECT_EQ(r.body["code"], "patrol.code_taken");
  r = act("admin", "POST", "/api/v1/patrol-checkpoints", {{"projectId", pid("XSTY")}, {"code", code}, {"name", "西门岗"}, {"kind", "post"}});
  ASSERT_EQ(r.status, 201u) << r.raw;
  const auto other = r.body["id"].get<std::int64_t>();
  // A security guard checks in by the typed code and by the scanned QR text: the CSHY one.
  r = act("security", "GET", "/api/v1/patrol-checkpoints/by-code/" + code);
  ASSERT_EQ(r.status, 200u) << r.raw;
  EXPECT_EQ(r.body["checkpoint"]["id"], id);
  r = act("security", "GET", "/api/v1/patrol-checkpoints/by-code/" + url_encode("steward:cp:CSHY:" + code));
  EXPECT_EQ(r.body["checkpoint"]["id"], id);
  // The admin sees both projects: the bare code needs the project.
  r = act("admin", "GET", "/api/v1/patrol-checkpoints/by-code/" + code);
  EXPECT_EQ(r.status, 400u);
  EXPECT_TRUE(r.body["details"].contains("projectId"));
  r = act("admin", "GET", "/api/v1/patrol-checkpoints/by-code/" + code + "?projectId=" + std::to_string(pid("XSTY")));
  EXPECT_EQ(r.body["checkpoint"]["id"], other);
  // Outside one's projects a checkpoint does not exist; field staff do not manage them.
  EXPECT_EQ(act("pm", "GET", path_id("/api/v1/patrol-checkpoints", other)).status, 404u);
  EXPECT_EQ(act("security", "POST", "/api/v1/patrol-checkpoints", {{"projectId", pid("CSHY")}, {"code", unique("S")}, {"name", "x"}, {"kind", "post"}}).status, 403u);
  // The label sheet lists it with its QR text.
  r = act("pm", "GET", "/api/v1/patrol-labels?projectId=" + std::to_string(pid("CSHY")));
  ASSERT_EQ(r.status, 200u);
  bool listed = false;
  for (const auto& l : r.body["items"]) listed |= l["code"] == code && l["qr"] == "steward:cp:CSHY:" + code;
  EXPECT_TRUE(listed);
  EXPECT_EQ(act("security", "GET", "/api/v1/patrol-labels?projectId=" + std::to_string(pid("CSHY"))).status, 403u);
}

TEST_P(Patrols, CoverageIsRightToTheMinuteAtSlotAndGraceEdges) {
  at_time("2026-11-20T07:00:00");
  const auto a = checkpoint("CSHY", "一层洗手间"), b = checkpoint("CSHY", "二层洗手间");
  const auto p = plan({{"projectId", pid("CSHY")}, {"name", unique("洗手间巡检")},
                       {"assignee", {{"kind", "role"}, {"role", "cleaning"}}},
                       {"schedule", {{"kind", "interval"}, {"everyMinutes", 60}, {"windows", {{{"from", "08:00"}, {"to", "10:00"}}}}}},
                       {"graceMinutes", 10}, {"checkpointIds", {a, b}},
                       {"items", {{{"label", "地面无杂物"}, {"kind", "check"}}}}});
  // Slots 08:00-09:00 and 09:00-10:00 at two checkpoints: 4 due.
  now("2026-11-20T08:00:00");
  auto r = check("cleaning", p, a, t("08:00:00"));  // the first second of the slot
  ASSERT_EQ(r.status, 201u) << r.raw;
  EXPECT_EQ(r.body["check"]["placement"], "done");
  EXPECT_EQ(r.body["check"]["slotStart"], t("08:00:00"));
  // At 09:09:59 b's 08:00 slot is in its grace; at 09:10 it is missed.
  now("2026-11-20T09:09:59");
  EXPECT_EQ(state_of(slots(p), b, t("08:00:00")), "grace");
  // Due now for the cleaner: both 09:00 slots open, b's 08:00 one in grace, a's 08:00 one done.
  r = act("cleaning", "GET", "/api/v1/patrol-due");
  int mine = 0;
  for (const auto& s : r.body["items"])
    if (s["planId"] == p["id"]) ++mine;
  EXPECT_EQ(mine, 4);
  now("2026-11-20T09:10:00");
  EXPECT_EQ(state_of(slots(p), b, t("08:00:00")), "missed");
  r = check("cleaning", p, b, t("09:10:00"));
  EXPECT_EQ(r.body["check"]["placement"], "done");
  // Exactly at the slot's end: late. Exactly at the grace's end: in no slot.
  now("2026-11-20T10:00:00");
  r = check("cleaning", p, a, t("10:00:00"));
  EXPECT_EQ(r.body["check"]["placement"], "late");
  EXPECT_EQ(r.body["check"]["slotStart"], t("09:00:00"));
  now("2026-11-20T10:10:00");
  r = check("cleaning", p, b, t("10:10:00"));
  EXPECT_EQ(r.body["check"]["placement"], "unscheduled");
  EXPECT_TRUE(r.body["check"]["slotStart"].is_null());
  // The plan's day: a 08:00 done, a 09:00 late, b 08:00 missed, b 09:00 done.
  const auto day = slots(p);
  EXPECT_EQ(state_of(day, a, t("08:00:00")), "done");
  EXPECT_EQ(state_of(day, a, t("09:00:00")), "late");
  EXPECT_EQ(state_of(day, b, t("08:00:00")), "missed");
  EXPECT_EQ(state_of(day, b, t("09:00:00")), "done");
  // Coverage = done / due = 2 / 4.
  const std::string q = "?projectId=" + std::to_string(pid("CSHY")) + "&from=2026-11-20&to=2026-11-20&planId=" +
                        std::to_string(p["id"].get<std::int64_t>());
  r = act("supervisor", "GET", "/api/v1/patrol-coverage" + q);
  ASSERT_EQ(r.status, 200u) << r.raw;
  EXPECT_EQ(r.body["totals"]["due"], 4);
  EXPECT_EQ(r.body["totals"]["done"], 2);
  EXPECT_EQ(r.body["totals"]["late"], 1);
  EXPECT_EQ(r.body["totals"]["missed"], 1);
  EXPECT_DOUBLE_EQ(r.body["totals"]["coverage"].get<double>(), 50.0);
  ASSERT_EQ(r.body["byCheckpoint"].size(), 2u);
  for (const auto& c : r.body["byCheckpoint"]) {
    if (c["checkpointId"] == a) {
      EXPECT_EQ(c["done"], 1);
      EXPECT_EQ(c["late"], 1);
    } else {
      EXPECT_EQ(c["done"], 1);
      EXPECT_EQ(c["missed"], 1);
    }
  }
  ASSERT_EQ(r.body["byPerson"].size(), 1u);  // a role plan: missed slots are the plan's
  EXPECT_EQ(r.body["byPerson"][0]["done"], 2);
  EXPECT_EQ(r.body["byPerson"][0]["late"], 1);
  ASSERT_EQ(r.body["byPlanDay"].size(), 1u);
  EXPECT_EQ(r.body["byPlanDay"][0]["date"], kDay);
  r = act("supervisor", "GET", "/api/v1/patrol-missed" + q);
  ASSERT_EQ(r.body["items"].size(), 1u);
  EXPECT_EQ(r.body["items"][0]["checkpointId"], b);
  EXPECT_EQ(r.body["items"][0]["start"], t("08:00:00"));
  EXPECT_EQ(r.body["items"][0]["graceEnd"], t("09:10:00"));
  // Field staff do not read coverage.
  EXPECT_EQ(act("cleaning", "GET", "/api/v1/patrol-coverage" + q).status, 403u);
}

TEST_P(Patrols, ASlotEndingAtMidnightTakesALateCheckOnTheNextDay) {
  at_time("2026-11-20T21:00:00");
  const auto lamp = checkpoint("CSHY", "玉兰园路灯", {{"kind", "equipment"}});
  const auto p = plan({{"projectId", pid("CSHY")}, {"name", unique("夜间照明巡查")},
                       {"assignee", {{"kind", "role"}, {"role", "security"}}},
                       {"schedule", {{"kind", "times"}, {"times", {"22:00"}}, {"slotMinutes", 120}}},
                       {"graceMinutes", 30}, {"checkpointIds", {lamp}},
                       {"items", {{{"label", "照明完好"}, {"kind", "check"}}}}});
  now("2026-11-21T00:15:00");
  auto r = check("security", p, lamp, t("00:15:00", "2026-11-21"));
  ASSERT_EQ(r.status, 201u) << r.raw;
  EXPECT_EQ(r.body["check"]["placement"], "late");
  EXPECT_EQ(r.body["check"]["slotStart"], t("22:00:00"));
  EXPECT_EQ(r.body["check"]["slotEnd"], t("00:00:00", "2026-11-21"));
  EXPECT_EQ(state_of(slots(p), lamp, t("22:00:00")), "late");
  // The next night nobody goes: at 00:29:59 it is still in grace, at 00:30 missed.
  at_time("2026-11-22T00:29:59");
  EXPECT_EQ(state_of(slots(p, "2026-11-21"), lamp, t("22:00:00", "2026-11-21")), "grace");
  now("2026-11-22T00:30:00");
  EXPECT_EQ(state_of(slots(p, "2026-11-21"), lamp, t("22:00:00", "2026-11-21")), "missed");
}

TEST_P(Patrols, PoolLimitsChangeAtOpeningNoonAndClosingAndAlarmsCloseAfterTreatment) {
  at_time("2026-11-20T08:00:00");
  const auto pool = checkpoint("CSHY", "游泳池", {{"kind", "facility"}, {"opensAt", "09:00"}, {"closesAt", "21:00"}});
  const auto cl = metric("free_chlorine"), ph = metric("ph"), temp = metric("water_temp");
  auto r = act("admin", "PUT", "/api/v1/patrol-checkpoints/" + std::to_string(pool) + "/limits",
               {{"items", {{{"metricId", cl}, {"period", "open_morning"}, {"low", 0.6}, {"high", 1.0}},
                           {{"metricId", cl}, {"period", "open_afternoon"}, {"low", 0.3}, {"high", 0.6}},
                           {{"metricId", cl}, {"period", "closed"}, {"low", 0.3}, {"high", 0.5}},
                           {{"metricId", ph}, {"period", "always"}, {"low", 6.8}, {"high", 8.2}},
                           {{"metricId", temp}, {"period", "always"}, {"low", 26.5}, {"high", 27.0}}}}});
  ASSERT_EQ(r.status, 200u) << r.raw;
  EXPECT_EQ(r.body["limits"].size(), 5u);
  const auto p = plan({{"projectId", pid("CSHY")}, {"name", unique("泳池水质")},
                       {"assignee", {{"kind", "role"}, {"role", "clubhouse"}}},
                       {"schedule", {{"kind", "interval"}, {"everyMinutes", 60}, {"windows", {{{"from", "00:00"}, {"to", "24:00"}}}}}},
                       {"checkpointIds", {pool}},
                       {"items", {{{"label", "余氯"}, {"kind", "reading"}, {"metricId", cl}},
                                  {{"label", "pH"}, {"kind", "reading"}, {"metricId", ph}},
                                  {{"label", "水温"}, {"kind", "reading"}, {"metricId", temp}}}}});
  auto reading = [&](const std::string& hhmm, double chlorine) {
    now(std::string(kDay) + "T" + hhmm + ":00");
    auto x = check("clubhouse", p, pool, t(hhmm + ":00"), {{"余氯", chlorine}, {"pH", 7.2}, {"水温", 26.5}});
    EXPECT_EQ(x.status, 201u) << x.raw;
    return x.body;
  };
  auto alarm_notes = [&](const std::string& user) {
    int n = 0;
    const auto list = act(user, "GET", "/api/v1/notifications?pageSize=200").body;
    for (const auto& note : list["items"]) n += note["kind"] == "patrol_alarm" ? 1 : 0;
    return n;
  };
  const auto supervisor_before = alarm_notes("supervisor"), pm_before = alarm_notes("pm");
  // Before opening the closed limits hold (0.50 is the edge); at 09:00 and 11:59 the morning ones.
  EXPECT_TRUE(reading("08:59", 0.50)["alarmsRaised"].empty());
  EXPECT_TRUE(reading("09:00", 0.60)["alarmsRaised"].empty());
  auto x = reading("11:59", 0.70);
  EXPECT_TRUE(x["alarmsRaised"].empty());
  EXPECT_EQ(x["check"]["results"][0]["low"], 0.6);
  // At 12:00 the afternoon's 0.3-0.6: 0.70 raises an alarm at once and stops the pool.
  x = reading("12:00", 0.70);
  ASSERT_EQ(x["alarmsRaised"].size(), 1u);
  const auto alarm = x["alarmsRaised"][0].get<std::int64_t>();
  EXPECT_EQ(x["check"]["results"][0]["withinLimits"], false);
  EXPECT_EQ(x["check"]["results"][0]["high"], 0.6);
  EXPECT_EQ(act("admin", "GET", path_id("/api/v1/patrol-checkpoints", pool)).body["stopped"], true);
  // The supervisor and the project manager are told.
  EXPECT_EQ(alarm_notes("supervisor"), supervisor_before + 1);
  EXPECT_EQ(alarm_notes("pm"), pm_before + 1);
  // A good reading without a treatment does not close it.
  EXPECT_TRUE(reading("13:00", 0.50)["alarmsClosed"].empty());
  now("2026-11-20T13:10:00");
  r = act("clubhouse", "POST", "/api/v1/patrol-alarms/" + std::to_string(alarm) + "/treatments", {{"note", "投加稳定剂，循环 20 分钟"}});
  ASSERT_EQ(r.status, 200u) << r.raw;
  // Out again after the treatment: still the same alarm, and it needs another treatment.
  x = reading("13:30", 0.65);
  EXPECT_TRUE(x["alarmsRaised"].empty());
  EXPECT_EQ(x["check"]["results"][0]["alarmId"], alarm);
  EXPECT_TRUE(reading("14:00", 0.50)["alarmsClosed"].empty());
  now("2026-11-20T14:10:00");
  act("clubhouse", "POST", "/api/v1/patrol-alarms/" + std::to_string(alarm) + "/treatments", {{"note", "补水换水"}});
  x = reading("14:30", 0.45);
  ASSERT_EQ(x["alarmsClosed"].size(), 1u);
  EXPECT_EQ(x["alarmsClosed"][0], alarm);
  r = act("supervisor", "GET", path_id("/api/v1/patrol-alarms", alarm));
  EXPECT_EQ(r.body["status"], "closed");
  EXPECT_EQ(r.body["closedAt"], t("14:30:00"));
  EXPECT_EQ(r.body["treatments"].size(), 2u);
  EXPECT_EQ(r.body["readings"].size(), 5u);  // 12:00, 13:00, 13:30, 14:00, 14:30
  EXPECT_EQ(act("admin", "GET", path_id("/api/v1/patrol-checkpoints", pool)).body["stopped"], false);
  EXPECT_EQ(act("clubhouse", "POST", "/api/v1/patrol-alarms/" + std::to_string(alarm) + "/treatments", {{"note", "x"}}).status, 409u);
  // At closing (21:00) the closed limits again: 0.55 is out of 0.3-0.5.
  at_time("2026-11-20T20:00:00");  // fresh sessions: those of 08:00 end at 20:00
  x = reading("21:00", 0.55);
  ASSERT_EQ(x["alarmsRaised"].size(), 1u);
  const auto open_alarm = x["alarmsRaised"][0].get<std::int64_t>();
  r = act("supervisor", "GET", "/api/v1/patrol-alarms?status=open&checkpointId=" + std::to_string(pool));
  ASSERT_EQ(r.body["items"].size(), 1u);
  EXPECT_EQ(r.body["items"][0]["id"], open_alarm);
  // The chart: every reading with the limits it was judged by.
  r = act("supervisor", "GET", "/api/v1/patrol-readings?checkpointId=" + std::to_string(pool) + "&metricId=" +
                                   std::to_string(cl) + "&from=2026-11-20&to=2026-11-20");
  ASSERT_EQ(r.status, 200u) << r.raw;
  ASSERT_EQ(r.body["items"].size(), 9u);
  EXPECT_EQ(r.body["items"][0]["period"], "closed");
  EXPECT_EQ(r.body["items"][1]["period"], "open_morning");
  EXPECT_EQ(r.body["items"][3]["period"], "open_afternoon");
  EXPECT_EQ(r.body["items"][8]["period"], "closed");
  EXPECT_EQ(r.body["limits"].size(), 3u);
  // The open alarm becomes a work order in one step; a second time is refused.
  r = act("supervisor", "POST", "/api/v1/patrol-alarms/" + std::to_string(open_alarm) + "/work-order", {{"category", "facilities"}});
  ASSERT_EQ(r.status, 201u) << r.raw;
  EXPECT_EQ(r.body["channel"], "patrol");
  EXPECT_EQ(act("supervisor", "GET", path_id("/api/v1/patrol-alarms", open_alarm)).body["workOrderId"], r.body["id"]);
  EXPECT_EQ(act("supervisor", "POST", "/api/v1/patrol-alarms/" + std::to_string(open_alarm) + "/work-order", {{"category", "facilities"}}).status, 409u);
  // A value with more decimals than the metric has is refused and stores nothing.
  now("2026-11-20T21:30:00");
  r = check("clubhouse", p, pool, t("21:30:00"), {{"余氯", 0.555}, {"pH", 7.2}, {"水温", 26.5}});
  EXPECT_EQ(r.status, 400u);
  EXPECT_TRUE(r.body["details"].contains("results[0].value"));
}

TEST_P(Patrols, ARecordSentTwiceIsStoredOnceAndMadeAtIsAcceptedUpTo72HoursBack) {
  at_time("2026-11-23T10:00:00");
  const auto cp = checkpoint("CSHY", "桑拿房");
  const auto p = plan({{"projectId", pid("CSHY")}, {"name", unique("桑拿房保洁")},
                       {"assignee", {{"kind", "role"}, {"role", "cleaning"}}},
                       {"schedule", {{"kind", "interval"}, {"everyMinutes", 30}, {"windows", {{{"from", "00:00"}, {"to", "24:00"}}}}}},
                       {"checkpointIds", {cp}}, {"items", {{{"label", "桑拿板完好"}, {"kind", "check"}}}}});
  const std::string client = "3f1c2a9e-7b44-4c1e-9a3d-" + unique("0000");
  auto first = check("cleaning", p, cp, "2026-11-23T09:50:00+08:00", {}, true, client);
  ASSERT_EQ(first.status, 201u) << first.raw;
  EXPECT_EQ(first.body["duplicate"], false);
  auto again = check("cleaning", p, cp, "2026-11-23T09:50:00+08:00", {}, true, client);
  EXPECT_EQ(again.status, 200u);
  EXPECT_EQ(again.body["duplicate"], true);
  EXPECT_EQ(again.body["check"]["id"], first.body["check"]["id"]);
  const std::string list = "/api/v1/patrol-checks?planId=" + std::to_string(p["id"].get<std::int64_t>());
  EXPECT_EQ(act("admin", "GET", list).body["total"], 1);
  // Days later, still the same answer (not "too old"); another user with that id: 409.
  at_time("2026-11-27T10:00:00");
  EXPECT_EQ(check("cleaning", p, cp, "2026-11-23T09:50:00+08:00", {}, true, client).status, 200u);
  at_time("2026-11-23T10:00:00");
  auto stolen = check("supervisor", p, cp, "2026-11-23T09:50:00+08:00", {}, true, client);
  EXPECT_EQ(stolen.status, 409u);
  EXPECT_EQ(stolen.body["code"], "patrol.client_id_taken");
  // 72 hours back exactly is accepted (and arrived late); one second more is not.
  auto old = check("cleaning", p, cp, "2026-11-20T10:00:00+08:00");
  ASSERT_EQ(old.status, 201u) << old.raw;
  EXPECT_EQ(old.body["check"]["lateArrival"], true);
  auto too_old = check("cleaning", p, cp, "2026-11-20T09:59:59+08:00");
  EXPECT_EQ(too_old.status, 400u);
  EXPECT_TRUE(too_old.body["details"].contains("madeAt"));
  // 30 minutes after madeAt is still on time; a second more is a late arrival.
  EXPECT_EQ(check("cleaning", p, cp, "2026-11-23T09:30:00+08:00").body["check"]["lateArrival"], false);
  EXPECT_EQ(check("cleaning", p, cp, "2026-11-23T09:29:59+08:00").body["check"]["lateArrival"], true);
  // Never from the future beyond 5 minutes of clock skew.
  EXPECT_EQ(check("cleaning", p, cp, "2026-11-23T10:05:00+08:00").status, 201u);
  auto future = check("cleaning", p, cp, "2026-11-23T10:05:01+08:00");
  EXPECT_EQ(future.status, 400u);
  EXPECT_EQ(act("admin", "GET", list).body["total"], 5);
}

TEST_P(Patrols, ANotOkItemBecomesAWorkOrderWithItsPhotoAndPlace) {
  at_time("2026-11-23T10:00:00");
  const auto cp = checkpoint("CSHY", "会所二层洗手间", {{"place", "会所二层"}});
  const auto p = restroom_plan(cp, {"地漏通畅", "空气无异味"});
  const auto photo_id = cleaners_photo();
  const auto drain = p["items"][0]["id"], air = p["items"][1]["id"];
  auto r = act("cleaning", "POST", "/api/v1/patrol-checks",
               {{"clientId", unique("wo-finding-")}, {"planId", p["id"]}, {"checkpointId", cp}, {"madeAt", "2026-11-23T09:55:00+08:00"},
                {"results", {{{"itemId", drain}, {"ok", false}, {"note", "地漏堵塞"}, {"photoIds", {photo_id}}},
                             {{"itemId", air}, {"ok", true}}}}});
  ASSERT_EQ(r.status, 201u) << r.raw;
  const auto check_id = r.body["check"]["id"].get<std::int64_t>();
  EXPECT_EQ(r.body["check"]["notOk"], 1);
  EXPECT_EQ(r.body["check"]["results"][0]["photoIds"], nlohmann::json::array({photo_id}));
  // The photo is used now: another check cannot take it.
  auto reuse = act("cleaning", "POST", "/api/v1/patrol-checks",
                   {{"clientId", unique("wo-finding-")}, {"planId", p["id"]}, {"checkpointId", cp}, {"madeAt", "2026-11-23T09:56:00+08:00"},
                    {"results", {{{"itemId", drain}, {"ok", false}, {"photoIds", {photo_id}}}, {{"itemId", air}, {"ok", true}}}}});
  EXPECT_EQ(reuse.status, 400u);
  // The ok item is no finding; the not-ok one becomes a work order in one step.
  const std::string target = "/api/v1/patrol-checks/" + std::to_string(check_id) + "/work-order";
  r = act("cleaning", "POST", target, {{"itemId", air}, {"category", "cleaning"}});
  EXPECT_EQ(r.status, 409u);
  EXPECT_EQ(r.body["code"], "patrol.item_ok");
  r = act("cleaning", "POST", target, {{"itemId", drain}, {"category", "water"}});
  ASSERT_EQ(r.status, 201u) << r.raw;
  const auto order = r.body["id"].get<std::int64_t>();
  auto o = act("admin", "GET", path_id("/api/v1/work-orders", order)).body;
  EXPECT_EQ(o["channel"], "patrol");
  EXPECT_EQ(o["category"], "water");
  EXPECT_EQ(o["location"], "会所二层 会所二层洗手间");
  EXPECT_NE(o["description"].get<std::string>().find("地漏堵塞"), std::string::npos);
  ASSERT_EQ(o["photos"].size(), 1u);
  EXPECT_EQ(o["photos"][0]["stage"], "report");
  EXPECT_EQ(o["photos"][0]["size"], png().size());
  // The check keeps the link; a second order is refused.
  EXPECT_EQ(act("cleaning", "GET", path_id("/api/v1/patrol-checks", check_id)).body["results"][0]["workOrderId"], order);
  EXPECT_EQ(act("cleaning", "POST", target, {{"itemId", drain}, {"category", "water"}}).status, 409u);
}

// Refuses, from the database, the audit row a finding's work order or rectification writes last:
// its transaction then fails after the item's photos were copied. Dropped when it goes.
class RefusedAudit {
 public:
  RefusedAudit(db::Database& db, bool postgres) : db_(db), postgres_(postgres) {
    db_.write([&](db::Session& s) {
      if (postgres_) {
        db::Query(s,
                  "CREATE FUNCTION test_refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                  "IF NEW.entity = 'patrol_check' THEN RAISE EXCEPTION 'refused by the test'; END IF; "
                  "RETURN NEW; END $$")
            .exec();
        db::Query(s, "CREATE TRIGGER test_refuse_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION test_refuse_audit()").exec();
      } else {
        db::Query(s,
                  "CREATE TRIGGER test_refuse_audit BEFORE INSERT ON audit_log WHEN NEW.entity = 'patrol_check' "
                  "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END")
            .exec();
      }
    });
  }
  ~RefusedAudit() {
    db_.write([&](db::Session& s) {
      db::Query(s, postgres_ ? "DROP TRIGGER test_refuse_audit ON audit_log" : "DROP TRIGGER test_refuse_audit").exec();
      if (postgres_) db::Query(s, "DROP FUNCTION test_refuse_audit()").exec();
    });
  }

 private:
  db::Database& db_;
  bool postgres_;
};

TEST_P(Patrols, AFindingWhoseWriteFailsLeavesNoCopiedPhotoBehind) {
  at_time("2026-11-23T10:00:00");
  const auto cp = checkpoint("CSHY", "会所三层洗手间", {{"place", "会所三层"}});
  const auto p = restroom_plan(cp, {"地漏通畅"});
  const auto photo_id = cleaners_photo();
  const auto item = p["items"][0]["id"];
  auto r = act("cleaning", "POST", "/api/v1/patrol-checks",
               {{"clientId", unique("failed-finding-")}, {"planId", p["id"]}, {"checkpointId", cp}, {"madeAt", "2026-11-23T09:55:00+08:00"},
                {"results", {{{"itemId", item}, {"ok", false}, {"note", "地漏堵塞"}, {"photoIds", {photo_id}}}}}});
  ASSERT_EQ(r.status, 201u) << r.raw;
  const auto check = path_id("/api/v1/patrol-checks", r.body["check"]["id"].get<std::int64_t>());
  const auto staff = act("tech", "GET", "/api/v1/me").body["staffId"];
  const nlohmann::json rectification{{"itemId", item}, {"responsibleStaffId", staff}, {"deadline", "2026-11-30"}};
  const auto files = photo_files();
  {
    const RefusedAudit refused(server().app().db(), GetParam() == "postgresql");
    r = act("supervisor", "POST", check + "/work-order", {{"itemId", item}, {"category", "water"}});
    EXPECT_EQ(r.status, 500u) << r.raw;
    EXPECT_EQ(photo_files(), files);  // the order's copy of the photo went with its row
    r = act("supervisor", "POST", check + "/rectification", rectification);
    EXPECT_EQ(r.status, 500u) << r.raw;
    EXPECT_EQ(photo_files(), files);
  }
  const auto stored = act("supervisor", "GET", check);
  EXPECT_TRUE(stored.body["results"][0]["workOrderId"].is_null()) << stored.raw;
  // Once the write succeeds, the order and the rectification have their copy each.
  r = act("supervisor", "POST", check + "/work-order", {{"itemId", item}, {"category", "water"}});
  ASSERT_EQ(r.status, 201u) << r.raw;
  EXPECT_EQ(r.body["photos"].size(), 1u);
  EXPECT_EQ(act("supervisor", "POST", check + "/rectification", rectification).status, 201u);
  EXPECT_EQ(photo_files(), files + 2);
}

TEST_P(Patrols, WhoMaySeeWhichRecord) {
  at_time("2026-11-23T10:00:00");
  const auto cp = checkpoint("CSHY", "南门岗", {{"kind", "post"}});
  const auto p = plan({{"projectId", pid("CSHY")}, {"name", unique("岗位巡查")},
                       {"assignee", {{"kind", "role"}, {"role", "cleaning"}}},
                       {"schedule", {{"kind", "times"}, {"times", {"09:00"}}, {"slotMinutes", 120}}},
                       {"checkpointIds", {cp}}, {"items", {{{"label", "在岗"}, {"kind", "check"}}}}});
  auto r = check("cleaning", p, cp, "2026-11-23T09:30:00+08:00");
  ASSERT_EQ(r.status, 201u) << r.raw;
  const auto id = r.body["check"]["id"].get<std::int64_t>();
  const auto url = path_id("/api/v1/patrol-checks", id);
  EXPECT_EQ(act("cleaning", "GET", url).status, 200u);    // their own
  EXPECT_EQ(act("supervisor", "GET", url).status, 200u);  // patrol.read in the project
  EXPECT_EQ(act("pm", "GET", url).status, 200u);
  EXPECT_EQ(act("quality", "GET", url).status, 200u);     // every project
  EXPECT_EQ(act("security", "GET", url).status, 404u);    // performs, but not theirs
  EXPECT_EQ(act("owner", "GET", url).status, 403u);
  // The security guard's list does not show it either.
  r = act("security", "GET", "/api/v1/patrol-checks?planId=" + std::to_string(p["id"].get<std::int64_t>()));
  EXPECT_EQ(r.body["total"], 0);
  // A plan of another project does not exist for CSHY's manager; nor may they record against it.
  const auto far = checkpoint("XSTY", "西山岗");
  const auto q = plan({{"projectId", pid("XSTY")}, {"name", unique("西山巡查")},
                       {"assignee", {{"kind", "role"}, {"role", "security"}}},
                       {"schedule", {{"kind", "weekly"}}}, {"checkpointIds", {far}},
                       {"items", {{{"label", "在岗"}, {"kind", "check"}}}}});
  EXPECT_EQ(act("pm", "GET", path_id("/api/v1/patrol-plans", q["id"].get<std::int64_t>())).status, 404u);
  r = check("security", q, far, "2026-11-23T09:30:00+08:00");
  EXPECT_EQ(r.status, 400u);
  EXPECT_TRUE(r.body["details"].contains("planId"));
  // The due list of the security guard holds no XSTY slot.
  const auto security_due = act("security", "GET", "/api/v1/patrol-due");
  for (const auto& s : security_due.body["items"]) EXPECT_NE(s["planId"], q["id"]);
}

TEST_P(Patrols, BadPlansAndChecksNameTheFieldAndChangeNothing) {
  at_time("2026-11-23T10:00:00");
  const auto cp = checkpoint("CSHY", "垃圾站");
  const auto before = act("admin", "GET", "/api/v1/patrol-plans").body["items"].size();
  auto r = act("admin", "POST", "/api/v1/patrol-plans",
               {{"projectId", pid("CSHY")}, {"name", "坏计划"}, {"assignee", {{"kind", "role"}, {"role", "owner"}}},
                {"schedule", {{"kind", "interval"}, {"everyMinutes", 1}, {"windows", {{{"from", "10:00"}, {"to", "10:00"}}}}}},
                {"checkpointIds", {cp}}, {"items", {{{"label", "x"}, {"kind", "reading"}}}}});
  EXPECT_EQ(r.status, 400u);
  for (const char* f : {"assignee.role", "schedule.everyMinutes", "schedule.windows[0].to", "items[0].metricId"})
    EXPECT_TRUE(r.body["details"].contains(f)) << f << " " << r.raw;
  EXPECT_EQ(act("admin", "GET", "/api/v1/patrol-plans").body["items"].size(), before);
  const auto p = plan({{"projectId", pid("CSHY")}, {"name", unique("垃圾站检查")}, {"assignee", {{"kind", "role"}, {"role", "cleaning"}}},
                       {"schedule", {{"kind", "times"}, {"times", {"09:00"}}, {"slotMinutes", 60}}},
                       {"checkpointIds", {cp}}, {"items", {{{"label", "清运"}, {"kind", "check"}}, {{"label", "消杀"}, {"kind", "check"}}}}});
  // An item left out, a wrong checkpoint: 400, nothing stored.
  r = act("cleaning", "POST", "/api/v1/patrol-checks",
          {{"clientId", unique("bad-check-")}, {"planId", p["id"]}, {"checkpointId", cp + 100000}, {"madeAt", "2026-11-23T09:10:00+08:00"},
           {"results", {{{"itemId", p["items"][0]["id"]}, {"ok", true}}}}});
  EXPECT_EQ(r.status, 400u);
  EXPECT_TRUE(r.body["details"].contains("checkpointId"));
  EXPECT_TRUE(r.body["details"].contains("results"));
  r = act("cleaning", "POST", "/api/v1/patrol-checks", {{"clientId", "x"}, {"planId", p["id"]}});
  EXPECT_EQ(r.status, 400u);
  EXPECT_EQ(act("admin", "GET", "/api/v1/patrol-checks?planId=" + std::to_string(p["id"].get<std::int64_t>())).body["total"], 0);
}

TEST_P(Patrols, CheckpointCodesAreFoundAndKeptUniqueWhateverTheirCase) {
  at_time("2026-11-20T10:00:00");
  const auto code = unique("CS-POOL-");
  auto r = act("pm", "POST", "/api/v1/patrol-checkpoints",
               {{"projectId", pid("CSHY")}, {"code", code}, {"name", "会所泳池"}, {"kind", "facility"}, {"place", "会所"}});
  ASSERT_EQ(r.status, 201u) << r.raw;
  const auto id = r.body["id"].get<std::int64_t>();
  std::string lower = code;
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  // Typed in lower case, with a stray space, or as QR text with the project code in lower case.
  r = act("clubhouse", "GET", "/api/v1/patrol-checkpoints/by-code/" + lower);
  ASSERT_EQ(r.status, 200u) << r.raw;
  EXPECT_EQ(r.body["checkpoint"]["id"], id);
  EXPECT_EQ(r.body["checkpoint"]["code"], code);  // shown as it was written
  EXPECT_EQ(act("clubhouse", "GET", "/api/v1/patrol-checkpoints/by-code/" + url_encode(" " + lower + " ")).body["checkpoint"]["id"], id);
  EXPECT_EQ(act("clubhouse", "GET", "/api/v1/patrol-checkpoints/by-code/" + url_encode("steward:cp:cshy:" + lower)).body["checkpoint"]["id"], id);
  // The same code in another case is taken, on create and on update.
  r = act("pm", "POST", "/api/v1/patrol-checkpoints", {{"projectId", pid("CSHY")}, {"code", lower}, {"name", "x"}, {"kind", "facility"}});
  EXPECT_EQ(r.status, 409u) << r.raw;
  EXPECT_EQ(r.body["code"], "patrol.code_taken");
  const auto other = checkpoint("CSHY", "二号泳池");
  r = act("pm", "PUT", path_id("/api/v1/patrol-checkpoints", other), {{"code", lower}, {"name", "二号泳池"}, {"kind", "facility"}});
  EXPECT_EQ(r.status, 409u) << r.raw;
  // Renaming a checkpoint's own code to another case is allowed.
  r = act("pm", "PUT", path_id("/api/v1/patrol-checkpoints", id), {{"code", lower}, {"name", "会所泳池"}, {"kind", "facility"}});
  EXPECT_EQ(r.status, 200u) << r.raw;
  EXPECT_EQ(act("clubhouse", "GET", "/api/v1/patrol-checkpoints/by-code/" + code).body["checkpoint"]["id"], id);
}

// A night round 22:00-06:00 every 2 hours: the slots of the 20th run to 06:00 on the 21st; a check
// at 01:30 on the 21st is the 20th's 00:00-02:00 slot, counted for the 20th in coverage.
TEST_P(Patrols, ANightRoundCrossesMidnightAndCountsForTheDayItStarts) {
  at_time("2026-11-20T21:00:00");
  const auto lamp = checkpoint("CSHY", "景观路灯", {{"kind", "equipment"}});
  const auto p = plan({{"projectId", pid("CSHY")}, {"name", unique("夜间照明巡查")},
                       {"assignee", {{"kind", "role"}, {"role", "security"}}},
                       {"schedule", {{"kind", "interval"}, {"everyMinutes", 120}, {"windows", {{{"from", "22:00"}, {"to", "06:00"}}}}}},
                       {"graceMinutes", 15}, {"checkpointIds", {lamp}},
                       {"items", {{{"label", "照明完好"}, {"kind", "check"}}}}});
  EXPECT_EQ(p["schedule"]["windows"][0]["to"], "06:00");
  const auto night = slots(p);
  ASSERT_EQ(night.size(), 4u);
  EXPECT_EQ(night[0]["start"], t("22:00:00"));
  EXPECT_EQ(night[3]["end"], t("06:00:00", "2026-11-21"));
  for (const auto& s : night) EXPECT_EQ(s["date"], kDay);
  now("2026-11-20T22:30:00");
  ASSERT_EQ(check("security", p, lamp, t("22:30:00")).status, 201u);
  now("2026-11-21T01:30:00");
  // At 01:30 on the 21st the 20th's 00:00 slot is open.
  EXPECT_EQ(state_of(slots(p), lamp, t("00:00:00", "2026-11-21")), "open");
  auto r = check("security", p, lamp, t("01:30:00", "2026-11-21"));
  ASSERT_EQ(r.status, 201u) << r.raw;
  EXPECT_EQ(r.body["check"]["placement"], "done");
  EXPECT_EQ(r.body["check"]["slotStart"], t("00:00:00", "2026-11-21"));
  now("2026-11-21T07:00:00");
  const std::string q = "?projectId=" + std::to_string(pid("CSHY")) + "&planId=" + std::to_string(p["id"].get<std::int64_t>());
  r = act("supervisor", "GET", "/api/v1/patrol-coverage" + q + "&from=2026-11-20&to=2026-11-20");
  ASSERT_EQ(r.status, 200u) << r.raw;
  EXPECT_EQ(r.body["totals"]["due"], 4);
  EXPECT_EQ(r.body["totals"]["done"], 2);
  EXPECT_EQ(r.body["totals"]["missed"], 2);
  // The 21st has nothing decided yet: its night starts at 22:00.
  r = act("supervisor", "GET", "/api/v1/patrol-coverage" + q + "&from=2026-11-21&to=2026-11-21");
  EXPECT_EQ(r.body["totals"]["due"], 0);
  EXPECT_EQ(r.body["totals"]["pending"], 4);
}

TEST_P(Patrols, ANightShiftQuotaCountsTheReadingsPastMidnight) {
  at_time("2026-11-20T19:00:00");
  const auto pool = checkpoint("CSHY", "夜间泳池", {{"kind", "facility"}});
  ASSERT_EQ(act("admin", "PUT", path_id("/api/v1/patrol-checkpoints", pool) + "/limits",
                {{"items", {{{"metricId", metric("ph")}, {"period", "always"}, {"low", 6.8}, {"high", 8.2}}}}})
                .status,
            200u);
  const auto p = plan({{"projectId", pid("CSHY")}, {"name", unique("夜班水质")},
                       {"assignee", {{"kind", "role"}, {"role", "clubhouse"}}},
                       {"schedule", {{"kind", "interval"}, {"everyMinutes", 60}, {"windows", {{{"from", "20:00"}, {"to", "08:00"}}}}}},
                       {"checkpointIds", {pool}}, {"items", {{{"label", "pH"}, {"kind", "reading"}, {"metricId", metric("ph")}}}},
                       {"quota", {{"per", "shift"}, {"count", 3}, {"shifts", {{{"name", "夜班"}, {"from", "20:00"}, {"to", "08:00"}}}}}}});
  at_time("2026-11-21T03:00:00");
  for (const char* at : {"2026-11-20T21:00:00+08:00", "2026-11-21T02:00:00+08:00"})
    ASSERT_EQ(check("clubhouse", p, pool, at, {{"pH", 7.2}}).status, 201u);
  at_time("2026-11-21T09:00:00");
  auto r = act("supervisor", "GET", "/api/v1/patrol-shortfalls?projectId=" + std::to_string(pid("CSHY")) + "&from=2026-11-20&to=2026-11-20");
  ASSERT_EQ(r.status, 200u) << r.raw;
  int found = 0;
  for (const auto& s : r.body["items"])
    if (s["planId"] == p["id"]) {
      ++found;
      EXPECT_EQ(s["made"], 2) << s.dump();
      EXPECT_EQ(s["shift"], "夜班");
    }
  EXPECT_EQ(found, 1) << r.raw;
}

// Not needed: the supervisor marks one slot (rain) and one whole day (the pool closed). Marked
// slots without a check are neither due nor missed; a check made in one anyway is done.
TEST_P(Patrols, SlotsMarkedNotNeededAreNeitherDueNorMissed) {
  at_time("2026-11-20T07:00:00");
  const auto a = checkpoint("CSHY", "北区绿化"), b = checkpoint("CSHY", "南区绿化");
  const auto p = plan({{"projectId", pid("CSHY")}, {"name", unique("室外巡查")},
                       {"assignee", {{"kind", "role"}, {"role", "cleaning"}}},
                       {"schedule", {{"kind", "times"}, {"times", {"08:00", "10:00", "14:00"}}, {"slotMinutes", 60}}},
                       {"graceMinutes", 0}, {"checkpointIds", {a, b}},
                       {"items", {{{"label", "无积水"}, {"kind", "check"}}}}});
  const auto url = "/api/v1/patrol-plans/" + std::to_string(p["id"].get<std::int64_t>()) + "/not-needed";
  // 3 slots x 2 checkpoints = 6 a day. 10:00 is rained off at both; 14:00 only at b.
  auto r = act("supervisor", "POST", url, {{"date", kDay}, {"slotStart", "10:00"}, {"reason", "暴雨，室外巡查暂停"}});
  ASSERT_EQ(r.status, 201u) << r.raw;
  EXPECT_EQ(r.body["slotStart"], t("10:00:00"));
  EXPECT_TRUE(r.body["checkpointId"].is_null());
  const auto mark = r.body["id"].get<std::int64_t>();
  ASSERT_EQ(act("supervisor", "POST", url, {{"date", kDay}, {"slotStart", "14:00"}, {"checkpointId", b}, {"reason", "南区施工封闭"}}).status, 201u);
  // Covered by the first mark already: 409; not a slot, not the plan's checkpoint, no reason: 400.
  r = act("supervisor", "POST", url, {{"date", kDay}, {"slotStart", "10:00"}, {"checkpointId", a}, {"reason", "重复"}});
  EXPECT_EQ(r.status, 409u);
  EXPECT_EQ(r.body["code"], "patrol.already_not_needed");
  r = act("supervisor", "POST", url, {{"date", kDay}, {"slotStart", "11:00"}, {"checkpointId", 999999}});
  EXPECT_EQ(r.status, 400u);
  EXPECT_TRUE(r.body["details"].contains("reason")) << r.raw;
  r = act("supervisor", "POST", url, {{"date", kDay}, {"slotStart", "11:00"}, {"reason", "x"}});
  EXPECT_EQ(r.status, 400u);
  EXPECT_TRUE(r.body["details"].contains("slotStart")) << r.raw;
  r = act("supervisor", "POST", url, {{"date", kDay}, {"checkpointId", 999999}, {"reason", "x"}});
  EXPECT_TRUE(r.body["details"].contains("checkpointId")) << r.raw;
  r = act("supervisor", "POST", url, {{"date", "2026-12-31"}, {"reason", "x"}});
  EXPECT_TRUE(r.body["details"].contains("date")) << r.raw;
  // Field staff and readers only may not mark.
  EXPECT_EQ(act("cleaning", "POST", url, {{"date", kDay}, {"reason", "下雨"}}).status, 403u);
  EXPECT_EQ(act("quality", "POST", url, {{"date", kDay}, {"reason", "下雨"}}).status, 403u);

  // The cleaner does a at 08:10 and b at 10:20 (in a slot marked not needed: done all the same).
  now("2026-11-20T10:20:00");
  ASSERT_EQ(check("cleaning", p, a, t("08:10:00")).status, 201u);
  ASSERT_EQ(check("cleaning", p, b, t("10:20:00")).status, 201u);
  // Due now at 10:20: a's 10:00 slot is not needed, so it is not shown.
  const auto due = act("cleaning", "GET", "/api/v1/patrol-due");
  for (const auto& s : due.body["items"])
    EXPECT_FALSE(s["planId"] == p["id"] && s["checkpointId"] == a) << s.dump();
  now("2026-11-20T16:00:00");
  const std::string q = "?projectId=" + std::to_string(pid("CSHY")) + "&from=2026-11-20&to=2026-11-20&planId=" +
                        std::to_string(p["id"].get<std::int64_t>());
  r = act("supervisor", "GET", "/api/v1/patrol-coverage" + q);
  ASSERT_EQ(r.status, 200u) << r.raw;
  // a: 08 done, 10 not needed, 14 missed; b: 08 missed, 10 done (anyway), 14 not needed.
  // due = 6 - 2 not needed = 4 = done 2 + missed 2; coverage 50 %.
  EXPECT_EQ(r.body["totals"]["notNeeded"], 2);
  EXPECT_EQ(r.body["totals"]["due"], 4);
  EXPECT_EQ(r.body["totals"]["done"], 2);
  EXPECT_EQ(r.body["totals"]["missed"], 2);
  EXPECT_DOUBLE_EQ(r.body["totals"]["coverage"].get<double>(), 50.0);
  r = act("supervisor", "GET", "/api/v1/patrol-missed" + q);
  ASSERT_EQ(r.body["items"].size(), 2u);
  const auto day = slots(p);
  EXPECT_EQ(state_of(day, a, t("10:00:00")), "not_needed");
  EXPECT_EQ(state_of(day, b, t("10:00:00")), "done");
  EXPECT_EQ(state_of(day, b, t("14:00:00")), "not_needed");
  for (const auto& s : day)
    if (s["state"] == "not_needed") {
      EXPECT_FALSE(s["notNeededReason"].get<std::string>().empty());
    }
  // The whole next day marked (the park closed): nothing due, nothing missed.
  ASSERT_EQ(act("pm", "POST", url, {{"date", "2026-11-21"}, {"reason", "园区封闭"}}).status, 201u);
  at_time("2026-11-22T09:00:00");
  r = act("supervisor", "GET", "/api/v1/patrol-coverage?projectId=" + std::to_string(pid("CSHY")) +
                                   "&from=2026-11-21&to=2026-11-21&planId=" + std::to_string(p["id"].get<std::int64_t>()));
  EXPECT_EQ(r.body["totals"]["due"], 0);
  EXPECT_EQ(r.body["totals"]["notNeeded"], 6);
  EXPECT_TRUE(r.body["totals"]["coverage"].is_null());
  // Listed, audited, and undone: the slot is missed again.
  r = act("supervisor", "GET", "/api/v1/patrol-not-needed?projectId=" + std::to_string(pid("CSHY")) + "&from=2026-11-20&to=2026-11-21");
  ASSERT_EQ(r.status, 200u) << r.raw;
  EXPECT_EQ(r.body["items"].size(), 3u);
  EXPECT_EQ(r.body["items"][0]["reason"], "暴雨，室外巡查暂停");
  r = act("admin", "GET", "/api/v1/audit?entity=patrol_not_needed&id=" + std::to_string(mark));
  ASSERT_EQ(r.status, 200u) << r.raw;
  EXPECT_EQ(r.body["items"].size(), 1u) << r.raw;
  EXPECT_EQ(act("supervisor", "DELETE", path_id("/api/v1/patrol-not-needed", mark)).status, 204u);
  r = act("supervisor", "GET", "/api/v1/patrol-coverage" + q);
  EXPECT_EQ(r.body["totals"]["missed"], 3);
  EXPECT_EQ(r.body["totals"]["notNeeded"], 1);
  EXPECT_EQ(act("supervisor", "DELETE", path_id("/api/v1/patrol-not-needed", mark)).status, 404u);
}

// When a plan starts (docs/patrols.md): a slot that was over before the plan existed is not due,
// the one running when it was made is; a plan may be given an earlier or later day to start on.
TEST_P(Patrols, APlanIsDueFromItsStartAndNotBefore) {
  at_time("2026-11-20T09:59:59");
  const auto cp = checkpoint("CSHY", "会所前台");
  auto body = [&](const std::string& name) {
    return nlohmann::json{{"projectId", pid("CSHY")}, {"name", unique(name)}, {"assignee", {{"kind", "role"}, {"role", "cleaning"}}},
                          {"schedule", {{"kind", "interval"}, {"everyMinutes", 60}, {"windows", {{{"from", "08:00"}, {"to", "12:00"}}}}}},
                          {"graceMinutes", 10}, {"checkpointIds", {cp}}, {"items", {{{"label", "台面整洁"}, {"kind", "check"}}}}};
  };
  const auto early = plan(body("前台巡查"));  // a second before 10:00: the 09:00 slot is still running
  now("2026-11-20T10:00:00");
  const auto at10 = plan(body("前台巡查"));
  EXPECT_EQ(early["startsAt"], t("09:59:59"));
  EXPECT_EQ(at10["startsAt"], t("10:00:00"));
  // Made at 10:00, the plan has no 08:00 or 09:00 slot that day (09:00-10:00 ended as it began).
  auto day = slots(at10);
  EXPECT_EQ(day.size(), 2u) << day.dump();
  EXPECT_EQ(state_of(day, cp, t("09:00:00")), "absent");
  EXPECT_EQ(state_of(day, cp, t("10:00:00")), "open");
  day = slots(early);
  EXPECT_EQ(day.size(), 3u) << day.dump();
  EXPECT_EQ(state_of(day, cp, t("08:00:00")), "absent");
  EXPECT_EQ(state_of(day, cp, t("09:00:00")), "grace");
  // A record made at 09:55 (sent now): the 09:00 slot of the earlier plan; of the 10:00 plan no slot.
  auto r = check("cleaning", early, cp, t("09:55:00"));
  ASSERT_EQ(r.status, 201u) << r.raw;
  EXPECT_EQ(r.body["check"]["placement"], "done");
  r = check("cleaning", at10, cp, t("09:55:00"));
  ASSERT_EQ(r.status, 201u) << r.raw;
  EXPECT_EQ(r.body["check"]["placement"], "unscheduled");
  // A plan written down late names the day it started on: due from local midnight of that day.
  auto back = body("前台巡查（补录）");
  back["startsOn"] = "2026-11-18";
  const auto from18 = plan(back);
  EXPECT_EQ(from18["startsAt"], t("00:00:00", "2026-11-18"));
  // Not a date, or more than a year away: 400 naming startsOn, and no plan.
  const auto plans_before = act("admin", "GET", "/api/v1/patrol-plans").body["items"].size();
  for (const char* bad : {"2026-11-31", "2025-11-19", "2027-11-21", "18/11/2026"}) {
    auto b = body("前台巡查");
    b["startsOn"] = bad;
    r = act("admin", "POST", "/api/v1/patrol-plans", b);
    EXPECT_EQ(r.status, 400u) << bad;
    EXPECT_TRUE(r.body["details"].contains("startsOn")) << bad << " " << r.raw;
  }
  EXPECT_EQ(act("admin", "GET", "/api/v1/patrol-plans").body["items"].size(), plans_before);
  // A daily quota counts from the first whole day: none for the 20th of a plan made at 10:00.
  auto quota = body("前台巡查（定额）");
  quota["quota"] = {{"per", "day"}, {"count", 2}};
  const auto counted = plan(quota);

  // At 13:00: the 10:00 plan missed 10:00 and 11:00 (due 2); the earlier one also had 09:00,
  // done (due 3); the plan from the 18th is due 4 a day for three days and missed them all.
  now("2026-11-20T13:00:00");
  auto totals = [&](const nlohmann::json& p, const char* from = kDay) {
    auto c = act("supervisor", "GET", "/api/v1/patrol-coverage?projectId=" + std::to_string(pid("CSHY")) + "&from=" + from +
                                          "&to=" + kDay + "&planId=" + std::to_string(p["id"].get<std::int64_t>()));
    EXPECT_EQ(c.status, 200u) << c.raw;
    return c.body["totals"];
  };
  EXPECT_EQ(totals(at10)["due"], 2);
  EXPECT_EQ(totals(at10)["missed"], 2);
  EXPECT_EQ(totals(early)["due"], 3);
  EXPECT_EQ(totals(early)["done"], 1);
  EXPECT_EQ(totals(from18, "2026-11-16")["due"], 12);
  r = act("supervisor", "GET", "/api/v1/patrol-missed?projectId=" + std::to_string(pid("CSHY")) + "&from=" + kDay + "&to=" + kDay +
                                   "&planId=" + std::to_string(at10["id"].get<std::int64_t>()));
  ASSERT_EQ(r.body["items"].size(), 2u) << r.raw;
  EXPECT_EQ(r.body["items"][0]["start"], t("10:00:00"));
  // The start moves by an update naming startsOn, and stays when an update does not.
  auto again = body("前台巡查");
  again.erase("projectId");
  again["name"] = at10["name"];
  again["startsOn"] = kDay;
  r = act("admin", "PUT", path_id("/api/v1/patrol-plans", at10["id"].get<std::int64_t>()), again);
  ASSERT_EQ(r.status, 200u) << r.raw;
  EXPECT_EQ(r.body["startsAt"], t("00:00:00"));
  EXPECT_EQ(totals(at10)["due"], 4);
  again.erase("startsOn");
  r = act("admin", "PUT", path_id("/api/v1/patrol-plans", at10["id"].get<std::int64_t>()), again);
  EXPECT_EQ(r.body["startsAt"], t("00:00:00"));

  at_time("2026-11-22T09:00:00");
  r = act("supervisor", "GET", "/api/v1/patrol-shortfalls?projectId=" + std::to_string(pid("CSHY")) + "&from=2026-11-20&to=2026-11-21");
  ASSERT_EQ(r.status, 200u) << r.raw;
  std::vector<std::string> short_days;
  for (const auto& x : r.body["items"])
    if (x["planId"] == counted["id"]) short_days.push_back(x["date"]);
  EXPECT_EQ(short_days, std::vector<std::string>{"2026-11-21"});
}

// The project dashboard's patrol card: coverage today, 7 and 30 days, per plan, and open alarms.
TEST_P(Patrols, TheProjectDashboardShowsPatrolCoverageAndOpenAlarms) {
  at_time("2026-11-18T07:00:00");
  const auto cp = checkpoint("CSHY", "看板泳池", {{"kind", "facility"}});
  ASSERT_EQ(act("admin", "PUT", path_id("/api/v1/patrol-checkpoints", cp) + "/limits",
                {{"items", {{{"metricId", metric("water_temp")}, {"period", "always"}, {"low", 26.5}, {"high", 27.0}}}}})
                .status,
            200u);
  const auto p = plan({{"projectId", pid("CSHY")}, {"name", unique("看板水温")},
                       {"assignee", {{"kind", "role"}, {"role", "clubhouse"}}},
                       {"schedule", {{"kind", "times"}, {"times", {"09:00", "15:00"}}, {"slotMinutes", 60}}},
                       {"checkpointIds", {cp}},
                       {"items", {{{"label", "水温"}, {"kind", "reading"}, {"metricId", metric("water_temp")}}}}});
  // The 18th: both done; the 19th: 09:00 done, 15:00 missed; the 20th (today, at 16:30): 09:00
  // done out of limits (an alarm), 15:00 missed. The plan started on the 18th at 07:00: no day
  // before it is due, so the 7 and 30 days are the same 3 days.
  at_time("2026-11-20T16:30:00");
  for (const char* at : {"2026-11-18T09:10:00", "2026-11-18T15:10:00", "2026-11-19T09:10:00"})
    ASSERT_EQ(check("clubhouse", p, cp, std::string(at) + "+08:00", {{"水温", 26.8}}).status, 201u);
  ASSERT_EQ(check("clubhouse", p, cp, "2026-11-20T09:10:00+08:00", {{"水温", 28.5}}).status, 201u);
  auto r = act("admin", "GET", "/api/v1/dashboards/projects/" + std::to_string(pid("CSHY")));
  ASSERT_EQ(r.status, 200u) << r.raw;
  const auto& card = r.body["patrols"];
  nlohmann::json mine;
  for (const auto& x : card["byPlan"])
    if (x["planId"] == p["id"]) mine = x;
  ASSERT_FALSE(mine.is_null()) << card.dump();
  EXPECT_EQ(mine["today"]["due"], 2);
  EXPECT_EQ(mine["today"]["done"], 1);
  EXPECT_DOUBLE_EQ(mine["today"]["coverage"].get<double>(), 50.0);
  EXPECT_EQ(mine["days7"]["due"], 6);
  EXPECT_EQ(mine["days7"]["done"], 4);
  EXPECT_DOUBLE_EQ(mine["days7"]["coverage"].get<double>(), 66.67);
  EXPECT_EQ(mine["days30"]["due"], 6);
  EXPECT_DOUBLE_EQ(mine["days30"]["coverage"].get<double>(), 66.67);
  EXPECT_EQ(card["coverage"]["days7"]["from"], "2026-11-14");
  EXPECT_EQ(card["coverage"]["days30"]["from"], "2026-10-22");
  EXPECT_GE(card["openAlarms"]["count"].get<int>(), 1);
  bool listed = false;
  for (const auto& a : card["openAlarms"]["latest"]) listed |= a["checkpointName"] == "看板泳池" && a["value"] == 28.5;
  EXPECT_TRUE(listed) << card.dump();
}

INSTANTIATE_TEST_SUITE_P(Engines, Patrols, ::testing::ValuesIn(engines_under_test()));

}  // namespace
}  // namespace steward::testing
