// Rectifications for the people who do them (DOMAIN I4) and from patrol findings (P4), on every
// engine: a technician or a receptionist sees only the rectifications they are responsible for
// and completes them with photos; nobody sees the rectifications of a project they are not in; a
// not-ok patrol item becomes a rectification once, with its photo and checkpoint.
#include <set>

#include "tests/api/api_suite.hpp"

namespace steward::testing {
namespace {

using json = nlohmann::json;

std::string png() { return std::string("\x89PNG\r\n\x1A\n", 8) + std::string(40, 'r'); }

class Rectifications : public ApiSuite<Rectifications> {
 protected:
  // A submitted inspection of the project with one deduction per code; the deductions' ids.
  std::vector<std::int64_t> findings(const std::string& project, const std::string& day, const std::vector<std::string>& codes) {
    auto scheme = act("quality", "POST", "/api/v1/inspection-schemes",
                      {{"name", unique("整改方案")}, {"rubrics", {{{"code", "CS-SUPERVISION"}, {"weight", 100}}}}});
    EXPECT_EQ(scheme.status, 201u) << scheme.raw;
    auto insp = act("quality", "POST", "/api/v1/inspections",
                    {{"schemeId", scheme.body["id"]}, {"targetKind", "project"}, {"targetId", pid(project)},
                     {"method", "open"}, {"day", day}})
                    .body;
    const auto id = std::to_string(insp["id"].get<std::int64_t>());
    for (const auto& code : codes) {
      json item_id;
      for (const auto& s : insp["rubrics"][0]["sections"])
        for (const auto& i : s["items"])
          if (i["code"] == code) item_id = i["id"];
      auto r = act("quality", "POST", "/api/v1/inspections/" + id + "/deductions",
                   {{"itemId", item_id}, {"amounts", {1}}, {"note", "发现问题 " + code}});
      EXPECT_EQ(r.status, 200u) << r.raw;
    }
    auto done = act("quality", "POST", "/api/v1/inspections/" + id + "/submit");
    EXPECT_EQ(done.status, 200u) << done.raw;
    std::vector<std::int64_t> out;
    for (const auto& code : codes)
      for (const auto& s : done.body["rubrics"][0]["sections"])
        for (const auto& i : s["items"])
          if (i["code"] == code) out.push_back(i["deduction"]["id"].get<std::int64_t>());
    return out;
  }
  std::int64_t staff_of(const std::string& user) {
    const auto me = act(user, "GET", "/api/v1/me").body;
    EXPECT_TRUE(me["staffId"].is_number()) << user << " has no staff record: " << me.dump();
    return me.value("staffId", std::int64_t{0});
  }
  // Active staff of a project other than the demo logins' (any one).
  std::int64_t someone_in(const std::string& project) {
    const auto list = act("admin", "GET", "/api/v1/staff?pageSize=5&projectId=" + std::to_string(pid(project))).body;
    EXPECT_FALSE(list["items"].empty());
    return list["items"].empty() ? 0 : list["items"][0]["id"].get<std::int64_t>();
  }
  std::int64_t rectify(std::int64_t deduction, std::int64_t staff, const std::string& deadline) {
    auto r = act("quality", "POST", "/api/v1/rectifications",
                 {{"deductionId", deduction}, {"responsibleStaffId", staff}, {"deadline", deadline}, {"requirement", "按标准整改"}});
    EXPECT_EQ(r.status, 201u) << r.raw;
    return r.body.value("id", std::int64_t{0});
  }
  Reply raw(const std::string& user, const std::string& method, const std::string& target, const std::string& body,
            const std::string& type) {
    return server().raw_request(method, target, body, {{"Authorization", "Bearer " + token(user)}, {"Content-Type", type}});
  }
  static std::set<std::int64_t> ids_of(const json& page) {
    std::set<std::int64_t> out;
    for (const auto& r : page["items"]) out.insert(r["id"].get<std::int64_t>());
    return out;
  }
};

TEST_P(Rectifications, WhoSeesWhichRectification) {
  at_time("2026-11-24T09:00:00");
  const auto d = findings("CSHY", "2026-11-24", {"CS-01", "CS-02", "CS-04"});
  const auto x = findings("XSTY", "2026-11-24", {"CS-01"});
  const auto techs = rectify(d[0], staff_of("tech"), "2026-11-27");
  const auto desks = rectify(d[1], staff_of("frontdesk"), "2026-11-27");
  const auto supervisors = rectify(d[2], staff_of("supervisor"), "2026-11-27");
  const auto elsewhere = rectify(x[0], someone_in("XSTY"), "2026-11-27");
  const std::string list = "/api/v1/rectifications?pageSize=200&projectId=";
  const auto cshy = std::to_string(pid("CSHY")), xsty = std::to_string(pid("XSTY"));

  // The technician and the receptionist see their own and nobody else's, with or without mine.
  EXPECT_EQ(ids_of(act("tech", "GET", list + cshy).body), (std::set<std::int64_t>{techs}));
  EXPECT_EQ(ids_of(act("tech", "GET", "/api/v1/rectifications?mine=true").body), (std::set<std::int64_t>{techs}));
  EXPECT_EQ(ids_of(act("frontdesk", "GET", list + cshy).body), (std::set<std::int64_t>{desks}));
  EXPECT_EQ(act("tech", "GET", path_id("/api/v1/rectifications", techs)).status, 200u);
  EXPECT_EQ(act("tech", "GET", path_id("/api/v1/rectifications", desks)).status, 404u);
  EXPECT_EQ(act("tech", "GET", path_id("/api/v1/rectifications", elsewhere)).status, 404u);
  EXPECT_EQ(act("tech", "GET", list + xsty).body["total"], 0);
  // The supervisor reads the project's board; "mine" narrows it to theirs. Never another project's.
  const auto board = ids_of(act("supervisor", "GET", list + cshy).body);
  EXPECT_TRUE(board.count(techs) && board.count(desks) && board.count(supervisors));
  EXPECT_EQ(ids_of(act("supervisor", "GET", list + cshy + "&mine=true").body), (std::set<std::int64_t>{supervisors}));
  EXPECT_EQ(act("supervisor", "GET", path_id("/api/v1/rectifications", elsewhere)).status, 404u);
  EXPECT_FALSE(ids_of(act("supervisor", "GET", "/api/v1/rectifications?pageSize=200").body).count(elsewhere));
  // The quality department sees every project's; an owner none.
  EXPECT_TRUE(ids_of(act("quality", "GET", list + xsty).body).count(elsewhere));
  EXPECT_EQ(act("owner", "GET", "/api/v1/rectifications").status, 403u);
  // Working on rectifications does not open the inspections themselves.
  EXPECT_EQ(act("tech", "GET", "/api/v1/inspections").status, 403u);
  EXPECT_EQ(act("tech", "POST", path_id("/api/v1/rectifications", desks) + "/complete", {{"evidence", "x"}}).status, 404u);
}

TEST_P(Rectifications, TheResponsiblePersonCompletesWithPhotosAndQualityVerifies) {
  at_time("2026-11-24T09:00:00");
  const auto d = findings("CSHY", "2026-11-24", {"CS-05", "CS-06"});
  const auto mine = rectify(d[0], staff_of("tech"), "2026-11-27");
  const auto theirs = rectify(d[1], staff_of("supervisor"), "2026-11-27");
  const auto base = path_id("/api/v1/rectifications", mine);

  at_time("2026-11-25T15:00:00");
  auto up = raw("tech", "POST", base + "/photos", png(), "image/png");
  ASSERT_EQ(up.status, 201u) << up.raw;
  const auto photo = up.body["id"].get<std::int64_t>();
  auto second = raw("tech", "POST", base + "/photos", png(), "image/png");
  ASSERT_EQ(second.status, 201u) << second.raw;
  EXPECT_EQ(raw("tech", "POST", base + "/photos", "not an image", "image/png").status, 415u);
  EXPECT_EQ(raw("tech", "POST", path_id("/api/v1/rectifications", theirs) + "/photos", png(), "image/png").status, 404u);
  auto other = raw("supervisor", "POST", path_id("/api/v1/rectifications", theirs) + "/photos", png(), "image/png");
  ASSERT_EQ(other.status, 201u) << other.raw;
  // Not uploaded to this rectification: refused by name, nothing changes.
  auto wrong = act("tech", "POST", base + "/complete", {{"evidence", "已整改"}, {"photoIds", {other.body["id"]}}});
  EXPECT_EQ(wrong.status, 400u);
  EXPECT_TRUE(wrong.body["details"].contains("photoIds")) << wrong.raw;
  EXPECT_EQ(act("tech", "GET", base).body["status"], "open");
  // Before completion the photos are not evidence yet.
  EXPECT_TRUE(act("tech", "GET", base).body["evidencePhotos"].empty());

  auto done = act("tech", "POST", base + "/complete", {{"evidence", "已整改, 见照片"}, {"photoIds", {photo}}});
  ASSERT_EQ(done.status, 200u) << done.raw;
  EXPECT_EQ(done.body["status"], "done");
  ASSERT_EQ(done.body["evidencePhotos"].size(), 1u);
  EXPECT_EQ(done.body["evidencePhotos"][0]["id"], photo);
  const auto url = done.body["evidencePhotos"][0]["url"].get<std::string>();
  auto back = act("tech", "GET", url);
  EXPECT_EQ(back.status, 200u);
  EXPECT_EQ(back.raw, png());
  EXPECT_EQ(act("quality", "GET", url).status, 200u);
  EXPECT_EQ(act("supervisor", "GET", url).status, 200u);  // the project's board
  EXPECT_EQ(act("frontdesk", "GET", url).status, 404u);   // not theirs
  // Done: no more photos; the technician does not verify their own work.
  EXPECT_EQ(raw("tech", "POST", base + "/photos", png(), "image/png").status, 409u);
  EXPECT_EQ(act("tech", "POST", base + "/verify").status, 403u);
  // Rejected, completed again with the other photo: the evidence is exactly the photos named.
  ASSERT_EQ(act("quality", "POST", base + "/reject", {{"reason", "照片不清楚"}}).status, 200u);
  auto again = act("tech", "POST", base + "/complete", {{"evidence", "重新整改"}, {"photoIds", {second.body["id"]}}});
  ASSERT_EQ(again.status, 200u) << again.raw;
  ASSERT_EQ(again.body["evidencePhotos"].size(), 1u);
  EXPECT_EQ(again.body["evidencePhotos"][0]["id"], second.body["id"]);
  auto verified = act("quality", "POST", base + "/verify");
  ASSERT_EQ(verified.status, 200u) << verified.raw;
  EXPECT_EQ(verified.body["status"], "verified");
  EXPECT_EQ(verified.body["source"], "inspection");
}

TEST_P(Rectifications, ANotOkPatrolItemBecomesARectificationOnceWithItsPhotoAndPlace) {
  at_time("2026-11-23T10:00:00");
  auto cp = act("admin", "POST", "/api/v1/patrol-checkpoints",
                {{"projectId", pid("CSHY")}, {"code", unique("RC-")}, {"name", "会所三层洗手间"}, {"kind", "room"}, {"place", "会所三层"}});
  ASSERT_EQ(cp.status, 201u) << cp.raw;
  auto p = act("admin", "POST", "/api/v1/patrol-plans",
               {{"projectId", pid("CSHY")}, {"name", unique("洗手间检查")}, {"assignee", {{"kind", "role"}, {"role", "cleaning"}}},
                {"schedule", {{"kind", "interval"}, {"everyMinutes", 60}, {"windows", {{{"from", "08:00"}, {"to", "22:00"}}}}}},
                {"checkpointIds", {cp.body["id"]}},
                {"items", {{{"label", "洗手台无积水"}, {"kind", "check"}}, {{"label", "纸巾充足"}, {"kind", "check"}}}}});
  ASSERT_EQ(p.status, 201u) << p.raw;
  auto photo = server().raw_request("POST", "/api/v1/patrol-photos?projectId=" + std::to_string(pid("CSHY")), png(),
                                    {{"Authorization", "Bearer " + token("cleaning")}, {"Content-Type", "image/png"}});
  ASSERT_EQ(photo.status, 201u) << photo.raw;
  const auto wet = p.body["items"][0]["id"], paper = p.body["items"][1]["id"];
  auto k = act("cleaning", "POST", "/api/v1/patrol-checks",
               {{"clientId", unique("rect-finding-")}, {"planId", p.body["id"]}, {"checkpointId", cp.body["id"]},
                {"madeAt", "2026-11-23T09:50:00+08:00"},
                {"results", {{{"itemId", wet}, {"ok", false}, {"note", "洗手台积水"}, {"photoIds", {photo.body["id"]}}},
                             {{"itemId", paper}, {"ok", true}}}}});
  ASSERT_EQ(k.status, 201u) << k.raw;
  const auto target = path_id("/api/v1/patrol-checks", k.body["check"]["id"].get<std::int64_t>()) + "/rectification";
  const auto tech = staff_of("tech");
  json body = {{"itemId", wet}, {"responsibleStaffId", tech}, {"deadline", "2026-11-25"}, {"requirement", "疏通排水"}};

  // The cleaner who found it may not assign it; an ok item is no finding; bad input names the field.
  EXPECT_EQ(act("cleaning", "POST", target, body).status, 403u);
  auto ok_item = act("supervisor", "POST", target, {{"itemId", paper}, {"responsibleStaffId", tech}, {"deadline", "2026-11-25"}});
  EXPECT_EQ(ok_item.status, 409u);
  EXPECT_EQ(ok_item.body["code"], "patrol.item_ok");
  auto early = act("supervisor", "POST", target, {{"itemId", wet}, {"responsibleStaffId", tech}, {"deadline", "2026-11-22"}});
  EXPECT_EQ(early.status, 400u);
  EXPECT_TRUE(early.body["details"].contains("deadline")) << early.raw;
  auto stranger = act("supervisor", "POST", target, {{"itemId", wet}, {"responsibleStaffId", someone_in("XSTY")}, {"deadline", "2026-11-25"}});
  EXPECT_EQ(stranger.status, 400u);
  EXPECT_TRUE(stranger.body["details"].contains("responsibleStaffId")) << stranger.raw;
  EXPECT_EQ(act("supervisor", "GET", "/api/v1/rectifications?source=patrol&projectId=" + std::to_string(pid("CSHY"))).body["total"], 0);

  auto r = act("supervisor", "POST", target, body);
  ASSERT_EQ(r.status, 201u) << r.raw;
  EXPECT_EQ(r.body["source"], "patrol");
  EXPECT_EQ(r.body["status"], "open");
  EXPECT_EQ(r.body["inspectionId"], nullptr);
  EXPECT_EQ(r.body["item"]["name"], "洗手台无积水");
  EXPECT_EQ(r.body["finding"], "洗手台积水");
  EXPECT_EQ(r.body["target"]["kind"], "checkpoint");
  EXPECT_EQ(r.body["patrol"]["checkpointName"], "会所三层洗手间");
  EXPECT_EQ(r.body["patrol"]["place"], "会所三层");
  EXPECT_EQ(r.body["patrol"]["checkedAt"], "2026-11-23T09:50:00+08:00");
  EXPECT_EQ(r.body["dueAt"], "2026-11-26T00:00:00+08:00");
  ASSERT_EQ(r.body["photos"].size(), 1u);
  EXPECT_EQ(act("tech", "GET", r.body["photos"][0]["url"].get<std::string>()).raw, png());
  // Refused twice, naming the rectification it already is.
  auto twice = act("supervisor", "POST", target, body);
  EXPECT_EQ(twice.status, 409u);
  EXPECT_EQ(twice.body["code"], "rectification.exists");
  // On the board, and on the responsible technician's own list.
  const auto id = r.body["id"].get<std::int64_t>();
  // The check's item names it (the records page links to it); the ok item has none.
  const auto check = act("supervisor", "GET", path_id("/api/v1/patrol-checks", k.body["check"]["id"].get<std::int64_t>()));
  EXPECT_EQ(check.body["results"][0]["rectificationId"], id) << check.raw;
  EXPECT_TRUE(check.body["results"][1]["rectificationId"].is_null()) << check.raw;
  EXPECT_EQ(ids_of(act("supervisor", "GET", "/api/v1/rectifications?source=patrol&projectId=" + std::to_string(pid("CSHY"))).body),
            (std::set<std::int64_t>{id}));
  EXPECT_TRUE(ids_of(act("tech", "GET", "/api/v1/rectifications?mine=true&pageSize=200").body).count(id));
  EXPECT_EQ(act("quality", "GET", "/api/v1/rectifications?source=audit").status, 400u);

  // Overdue, it escalates like any rectification, named by its checkpoint and item.
  EXPECT_EQ(act("quality", "GET", path_id("/api/v1/rectifications", r.body["id"].get<std::int64_t>())).body["escalationLevel"], 0);
  EXPECT_GT(server().app().inspections().escalate_rectifications(at("2026-11-26T00:00:01")), 0);
  EXPECT_EQ(act("quality", "GET", path_id("/api/v1/rectifications", r.body["id"].get<std::int64_t>())).body["escalationLevel"], 1);
  // Put right by the technician; verified by the quality department (or whoever raised it).
  at_time("2026-11-26T10:00:00");
  const auto base = path_id("/api/v1/rectifications", id);
  ASSERT_EQ(act("tech", "POST", base + "/complete", {{"evidence", "已疏通"}}).status, 200u);
  auto verified = act("quality", "POST", base + "/verify");
  ASSERT_EQ(verified.status, 200u) << verified.raw;
  EXPECT_EQ(verified.body["status"], "verified");
  // The audit trail of the check names the rectification.
  auto audit = act("admin", "GET", "/api/v1/audit?entity=patrol_check&id=" + std::to_string(k.body["check"]["id"].get<std::int64_t>()));
  ASSERT_EQ(audit.status, 200u);
  bool logged = false;
  for (const auto& a : audit.body["items"]) logged = logged || a["action"] == "rectification";
  EXPECT_TRUE(logged);
}

// An alarm (a reading out of limits) becomes a rectification in one step, as a not-ok item does:
// with the photo of the reading that raised it and the facility; the alarm shows the link.
TEST_P(Rectifications, AnAlarmBecomesARectificationOnceWithItsReadingsPhotoAndPlace) {
  at_time("2026-11-23T10:00:00");
  json chlorine;
  const auto metrics = act("admin", "GET", "/api/v1/patrol-metrics").body;
  for (const auto& m : metrics["items"])
    if (m["code"] == "free_chlorine") chlorine = m["id"];
  // A pool with chlorine 0.30-0.60 at any time and the lifeguards' plan, in a project.
  auto alarm_in = [&](const std::string& project, const std::string& user, const json& photo_ids) {
    auto cp = act("admin", "POST", "/api/v1/patrol-checkpoints",
                  {{"projectId", pid(project)}, {"code", unique("AL-")}, {"name", "会所泳池"}, {"kind", "facility"},
                   {"place", "会所游泳馆"}, {"opensAt", "09:00"}, {"closesAt", "21:00"}});
    EXPECT_EQ(cp.status, 201u) << cp.raw;
    EXPECT_EQ(act("admin", "PUT", path_id("/api/v1/patrol-checkpoints", cp.body["id"].get<std::int64_t>()) + "/limits",
                  {{"items", {{{"metricId", chlorine}, {"period", "always"}, {"low", 0.3}, {"high", 0.6}}}}})
                  .status,
              200u);
    auto p = act("admin", "POST", "/api/v1/patrol-plans",
                 {{"projectId", pid(project)}, {"name", unique("泳池水质")}, {"assignee", {{"kind", "role"}, {"role", "clubhouse"}}},
                  {"schedule", {{"kind", "interval"}, {"everyMinutes", 60}, {"windows", {{{"from", "08:00"}, {"to", "22:00"}}}}}},
                  {"checkpointIds", {cp.body["id"]}}, {"items", {{{"label", "余氯"}, {"kind", "reading"}, {"metricId", chlorine}}}}});
    EXPECT_EQ(p.status, 201u) << p.raw;
    json result = {{"itemId", p.body["items"][0]["id"]}, {"value", 0.9}};
    if (!photo_ids.empty()) result["photoIds"] = photo_ids;
    auto k = act(user, "POST", "/api/v1/patrol-checks",
                 {{"clientId", unique("alarm-rect-")}, {"planId", p.body["id"]}, {"checkpointId", cp.body["id"]},
                  {"madeAt", "2026-11-23T10:00:00+08:00"}, {"results", {result}}});
    EXPECT_EQ(k.status, 201u) << k.raw;
    EXPECT_EQ(k.body["alarmsRaised"].size(), 1u) << k.raw;
    return k.body["alarmsRaised"].empty() ? std::int64_t{0} : k.body["alarmsRaised"][0].get<std::int64_t>();
  };
  auto photo = server().raw_request("POST", "/api/v1/patrol-photos?projectId=" + std::to_string(pid("CSHY")), png(),
                                    {{"Authorization", "Bearer " + token("clubhouse")}, {"Content-Type", "image/png"}});
  ASSERT_EQ(photo.status, 201u) << photo.raw;
  const auto alarm = alarm_in("CSHY", "clubhouse", json::array({photo.body["id"]}));
  const auto far = alarm_in("XSTY", "admin", json::array());
  const auto alarm_url = path_id("/api/v1/patrol-alarms", alarm);
  const auto target = alarm_url + "/rectification";
  const auto tech = staff_of("tech");
  json body = {{"responsibleStaffId", tech}, {"deadline", "2026-11-24"}, {"requirement", "查明加药泵故障并修复"}};

  // The lifeguard who raised it may treat it but not assign a rectification; bad input names the
  // field and makes nothing; another project's alarm does not exist for the supervisor.
  EXPECT_EQ(act("clubhouse", "POST", target, body).status, 403u);
  EXPECT_EQ(act("cleaning", "POST", target, body).status, 403u);
  auto early = act("supervisor", "POST", target, {{"responsibleStaffId", tech}, {"deadline", "2026-11-22"}});
  EXPECT_EQ(early.status, 400u);
  EXPECT_TRUE(early.body["details"].contains("deadline")) << early.raw;
  auto not_a_day = act("supervisor", "POST", target, {{"responsibleStaffId", tech}, {"deadline", "2026-13-01"}});
  EXPECT_EQ(not_a_day.status, 400u);
  EXPECT_TRUE(not_a_day.body["details"].contains("deadline")) << not_a_day.raw;
  auto stranger = act("supervisor", "POST", target, {{"responsibleStaffId", someone_in("XSTY")}, {"deadline", "2026-11-24"}});
  EXPECT_EQ(stranger.status, 400u);
  EXPECT_TRUE(stranger.body["details"].contains("responsibleStaffId")) << stranger.raw;
  auto missing = act("supervisor", "POST", target, {{"deadline", "2026-11-24"}});
  EXPECT_EQ(missing.status, 400u);
  EXPECT_TRUE(missing.body["details"].contains("responsibleStaffId")) << missing.raw;
  EXPECT_EQ(act("supervisor", "POST", path_id("/api/v1/patrol-alarms", far) + "/rectification",
                {{"responsibleStaffId", someone_in("XSTY")}, {"deadline", "2026-11-24"}})
                .status,
            404u);
  EXPECT_EQ(act("supervisor", "POST", "/api/v1/patrol-alarms/999999/rectification", body).status, 404u);
  EXPECT_TRUE(act("supervisor", "GET", alarm_url).body["rectificationId"].is_null());

  auto r = act("supervisor", "POST", target, body);
  ASSERT_EQ(r.status, 201u) << r.raw;
  const auto id = r.body["id"].get<std::int64_t>();
  EXPECT_EQ(r.body["source"], "patrol");
  EXPECT_EQ(r.body["status"], "open");
  EXPECT_EQ(r.body["item"]["name"], "余氯超标");
  EXPECT_EQ(r.body["finding"], "读数超标: 余氯 0.90 mg/L (标准 0.30-0.60)");
  EXPECT_EQ(r.body["requirement"], "查明加药泵故障并修复");
  EXPECT_EQ(r.body["target"]["kind"], "checkpoint");
  EXPECT_EQ(r.body["patrol"]["alarmId"], alarm);
  EXPECT_EQ(r.body["patrol"]["checkpointName"], "会所泳池");
  EXPECT_EQ(r.body["patrol"]["place"], "会所游泳馆");
  EXPECT_EQ(r.body["patrol"]["checkedAt"], "2026-11-23T10:00:00+08:00");
  EXPECT_EQ(r.body["dueAt"], "2026-11-25T00:00:00+08:00");
  ASSERT_EQ(r.body["photos"].size(), 1u);
  EXPECT_EQ(act("tech", "GET", r.body["photos"][0]["url"].get<std::string>()).raw, png());
  // The alarm names it; a second time is refused, naming it.
  EXPECT_EQ(act("supervisor", "GET", alarm_url).body["rectificationId"], id);
  // It is the alarm's, not the reading item's: the check shows it through the alarm only.
  const auto check = act("supervisor", "GET", path_id("/api/v1/patrol-checks", r.body["patrol"]["checkId"].get<std::int64_t>()));
  EXPECT_EQ(check.body["results"][0]["alarmId"], alarm) << check.raw;
  EXPECT_TRUE(check.body["results"][0]["rectificationId"].is_null()) << check.raw;
  bool listed = false;
  const auto alarms = act("supervisor", "GET", "/api/v1/patrol-alarms?checkpointId=" +
                                                   std::to_string(r.body["patrol"]["checkpointId"].get<std::int64_t>()))
                          .body;
  for (const auto& a : alarms["items"])
    listed = listed || (a["id"] == alarm && a["rectificationId"] == id);
  EXPECT_TRUE(listed);
  auto twice = act("pm", "POST", target, body);
  EXPECT_EQ(twice.status, 409u);
  EXPECT_EQ(twice.body["code"], "rectification.exists");
  EXPECT_EQ(twice.body["details"]["rectificationId"], std::to_string(id)) << twice.raw;
  // On the board as a patrol rectification, and on the technician's own list.
  bool on_board = false;
  const auto board = act("supervisor", "GET", "/api/v1/rectifications?source=patrol&pageSize=200&projectId=" + std::to_string(pid("CSHY"))).body;
  for (const auto& x : board["items"])
    on_board = on_board || x["id"] == id;
  EXPECT_TRUE(on_board);
  EXPECT_TRUE(ids_of(act("tech", "GET", "/api/v1/rectifications?mine=true&pageSize=200").body).count(id));
  // Audited on the alarm and as the rectification's creation.
  auto audit = act("admin", "GET", "/api/v1/audit?entity=patrol_alarm&id=" + std::to_string(alarm));
  ASSERT_EQ(audit.status, 200u) << audit.raw;
  bool logged = false;
  for (const auto& a : audit.body["items"]) logged = logged || a["action"] == "rectification";
  EXPECT_TRUE(logged) << audit.raw;
  audit = act("admin", "GET", "/api/v1/audit?entity=rectification&id=" + std::to_string(id));
  ASSERT_EQ(audit.status, 200u) << audit.raw;
  EXPECT_EQ(audit.body["items"].size(), 1u) << audit.raw;
  // The alarm may still become a work order as well: the two paths are independent.
  EXPECT_EQ(act("supervisor", "POST", alarm_url + "/work-order", {{"category", "facilities"}}).status, 201u);
}

INSTANTIATE_TEST_SUITE_P(Engines, Rectifications, ::testing::ValuesIn(engines_under_test()));

}  // namespace
}  // namespace steward::testing
