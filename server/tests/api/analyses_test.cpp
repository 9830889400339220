// The analyses (W9, issue 6) on a fixed data set built through the API with a pinned clock, on
// both engines: every figure of the monthly complaint analysis, the return-visit report and the
// quarterly statistics counted by hand below, the masking of repeat complainants for the quality
// department, the exports read back, bad input.
#include "exports/xlsx_reader.hpp"
#include "tests/api/dashboards_suite.hpp"

namespace steward::testing {
namespace {

const nlohmann::json kDispatch{{"department", "工程部"}};
const nlohmann::json kHandover{{"responsibleDepartment", "秩序部"}};
const nlohmann::json kDone{{"result", "已处理"}};
nlohmann::json visit(const std::string& level, const std::string& comment = "") {
  nlohmann::json v{{"method", "phone"}, {"satisfaction", level}};
  if (!comment.empty()) v["comment"] = comment;
  return v;
}

// The project ANLA: five customers c0..c4 (住户1..住户5), one occupied unit each, so 5 households.
// Times are local (+08:00); the analyses are read at 2026-11-30 18:00.
//
// October: N0 noise complaint (c3), handed over in 30 min, done, visited satisfied, closed valid.
//          R5 repair registered 30 Oct, dispatched at once (handled in Oct).
// November complaints (registered in the month):
//   C1 noise  c0  2 Nov  handover 1 h; done 3 Nov; visit satisfied; closed valid, cause 施工噪音
//   C2 noise  c0  5 Nov  handover after 25 h (handover and 12 h handling late); done; visit
//                        dissatisfied; closed valid, cause 施工噪音
//   C3 noise  c1 10 Nov  handover 30 min; done; closed NOT valid (no cause)
//   C4 noise  -  30 Nov  09:00, handover 10:00, still open (undecided)
//   C5 parking c1 25 Nov nothing done: at 30 Nov 18:00 its 12 h handling, 24 h handover and
//                        2-working-day feedback are past due; the inventory of 27 Nov gave a cause
//   C6 parking c3 12 Nov cancelled: counted nowhere
//   C7 parking c2 30 Nov 09:00, handover 10:00, open (undecided)
// Complaint analysis of November:
//   volume = C1 C2 C3 C4 C5 C7 = 6; households 5; per 100 households = 6 * 100 / 5 = 120.00
//   noise 4 (share 4/6 = 66.67 %), parking 2 (33.33 %)
//   three months before (Aug-Oct): noise 1 (N0), parking 0
//   noise: 4 >= 1.5 x 0.33 and 4 - 0.33 = 3.67 >= 3 -> warning; parking: 2 - 0 < 3 -> none
//   validity: valid C1 C2 = 2, not valid C3 = 1, undecided C4 C5 C7 = 3
//   root causes: 施工噪音 2 (C1 C2); not recorded 4
//   repeat complainants: c0 (C1 C2), c1 (C3 C5)
//   overdue: C2 (handle, handover done late), C5 (handle, handover, feedback running past due)
//   handover within 24 h: on time C1 C3 C4 C7 = 4, late C2, open past due C5 -> 4 / 6 (red)
// November repairs completed (return-visit report):
//   R5 (reg. 30 Oct) done 2 Nov 10:00, visited 11:00 neutral           -> on time
//   R1 c0 12 Nov done 11:00, visited 15:00 very satisfied               -> on time
//   R3 16 Nov (Mon) done 10:00, visited 18 Nov 10:00 dissatisfied (due 17 Nov 10:00) -> late;
//      "维修后仍漏水"; reworked as R3b (dispatched at once, still open)
//   R2 20 Nov (Fri) done 12:00, never visited: due Mon 23 Nov 12:00    -> overdue by 7 d 6 h
//   R4 30 Nov done 10:00, not visited, due 1 Dec                        -> pending
//   completed 5, visited 3 (on time 2, late 1), overdue 1, pending 1; visit rate 3/5 = 60 %,
//   on time 2/5 = 40 %; satisfied 1 (R1), neutral 1 (R5), dissatisfied 1 (R3): 1/3 = 33.33 %
// Quarter 2026-Q4 (Oct, Nov, Dec) of ANLA:
//   orders registered: Oct complaint 1 (N0) + repair 1 (R5) = 2; Nov complaint 7 (C1-C7, the
//   cancelled C6 too) + repair 5 (R1 R2 R3 R4 R3b) = 12; Dec 0. Complaints not cancelled: 1, 6, 0.
//   Rework: Nov 1.
//   satisfaction (by the day of the visit): Oct N0 1/1; Nov C1 C2 R1 R3 R5 -> C1 R1 = 2/5; Q 3/6
//   handled within 12 h: Oct N0 R5 2/2; Nov on time C1 C3 C4 C7 R1 R2 R3 R4 R3b = 9, late C2,
//   open past due C5 -> 9/11; Q 11/13
//   return visits (clocks started at completion, decided): Oct N0 1/1; Nov on time C1 C2 R1 R5 = 4,
//   late R3, open past due R2 (R4 not due yet, C3 stopped as not valid) -> 4/6; Q 5/7
class Analyses : public Dashboards {
 protected:
  struct Data {
    std::int64_t project = 0;
    std::vector<std::int64_t> customers;
  };
  const Data& data() {
    static std::map<std::string, Data> built;
    auto& d = built[GetParam()];
    if (d.project) return d;
    auto& c = d.customers;
    at_time("2026-10-01T08:00:00");
    const auto p = d.project = new_project("ANLA", 5, c);
    at_time("2026-10-15T09:00:00");
    auto n0 = order(p, "complaint", "noise", c[3]);
    at_time("2026-10-15T09:30:00"); steps(n0, {{"handover", kHandover}, {"accept", {}}});
    at_time("2026-10-15T10:30:00"); steps(n0, {{"complete", kDone}});
    at_time("2026-10-15T14:00:00"); steps(n0, {{"visit", visit("satisfied")}, {"close", {{"valid", true}}}});
    at_time("2026-10-30T09:00:00");
    auto r5 = order(p, "repair", "other");
    at_time("2026-10-30T09:10:00"); steps(r5, {{"dispatch", kDispatch}, {"accept", {}}});

    at_time("2026-11-02T09:00:00");
    auto c1 = order(p, "complaint", "noise", c[0]);
    at_time("2026-11-02T10:00:00"); steps(c1, {{"handover", kHandover}});
    at_time("2026-11-02T10:00:00"); steps(r5, {{"complete", kDone}});
    at_time("2026-11-02T11:00:00"); steps(r5, {{"visit", visit("neutral")}, {"close", {}}});
    at_time("2026-11-03T09:00:00"); steps(c1, {{"accept", {}}});
    at_time("2026-11-03T10:00:00"); steps(c1, {{"complete", kDone}});
    at_time("2026-11-03T15:00:00");
    steps(c1, {{"visit", visit("satisfied")}, {"close", {{"valid", true}, {"rootCause", "施工噪音"}}}});
    at_time("2026-11-05T09:00:00");
    auto c2 = order(p, "complaint", "noise", c[0]);
    at_time("2026-11-06T10:00:00"); steps(c2, {{"handover", kHandover}});
    at_time("2026-11-06T11:00:00"); steps(c2, {{"accept", {}}});
    at_time("2026-11-06T15:00:00"); steps(c2, {{"complete", kDone}});
    at_time("2026-11-06T16:00:00");
    steps(c2, {{"visit", visit("dissatisfied")}, {"close", {{"valid", true}, {"rootCause", "施工噪音"}}}});
    at_time("2026-11-10T09:00:00");
    auto c3 = order(p, "complaint", "noise", c[1]);
    at_time("2026-11-10T09:30:00"); steps(c3, {{"handover", kHandover}});
    at_time("2026-11-11T08:00:00"); steps(c3, {{"accept", {}}});
    at_time("2026-11-11T09:00:00"); steps(c3, {{"complete", kDone}, {"close", {{"valid", false}}}});
    at_time("2026-11-12T09:00:00");
    auto c6 = order(p, "complaint", "parking", c[3]);
    auto r1 = order(p, "repair", "other", c[0]);
    at_time("2026-11-12T09:10:00"); steps(r1, {{"dispatch", kDispatch}});
    at_time("2026-11-12T09:30:00"); steps(c6, {{"cancel", {{"reason", "重复登记"}}}});
    at_time("2026-11-12T10:00:00"); steps(r1, {{"accept", {}}});
    at_time("2026-11-12T11:00:00"); steps(r1, {{"complete", kDone}});
    at_time("2026-11-12T15:00:00"); steps(r1, {{"visit", visit("very_satisfied")}, {"close", {}}});
    at_time("2026-11-16T09:00:00");
    auto r3 = order(p, "repair", "other");
    at_time("2026-11-16T09:30:00"); steps(r3, {{"dispatch", kDispatch}, {"accept", {}}});
    at_time("2026-11-16T10:00:00"); steps(r3, {{"complete", kDone}});
    at_time("2026-11-18T10:00:00"); steps(r3, {{"visit", visit("dissatisfied", "维修后仍漏水")}});
    auto rw = step(r3, "rework", {{"reason", "回访不满意，返修"}});
    EXPECT_EQ(rw.status, 201u) << rw.raw;
    const auto r3b = rw.body.value("id", std::int64_t{0});
    steps(r3b, {{"dispatch", kDispatch}});
    at_time("2026-11-20T09:00:00");
    auto r2 = order(p, "repair", "other");
    at_time("2026-11-20T10:00:00"); steps(r2, {{"dispatch", kDispatch}});
    at_time("2026-11-20T10:30:00"); steps(r2, {{"accept", {}}});
    at_time("2026-11-20T12:00:00"); steps(r2, {{"complete", kDone}});
    at_time("2026-11-25T09:00:00");
    auto c5 = order(p, "complaint", "parking", c[1]);
    at_time("2026-11-27T09:00:00");
    auto chk = act("admin", "POST", "/api/v1/complaint-inventory",
                   {{"orderId", c5}, {"rootCause", "车位纠纷双方未到场"}, {"nextStep", "约双方周一面谈"}});
    EXPECT_EQ(chk.status, 201u) << chk.raw;
    at_time("2026-11-30T09:00:00");
    auto c4 = order(p, "complaint", "noise");
    auto c7 = order(p, "complaint", "parking", c[2]);
    auto r4 = order(p, "repair", "other");
    at_time("2026-11-30T09:20:00"); steps(r4, {{"dispatch", kDispatch}, {"accept", {}}});
    at_time("2026-11-30T10:00:00");
    steps(c4, {{"handover", kHandover}});
    steps(c7, {{"handover", kHandover}});
    steps(r4, {{"complete", kDone}});
    return d;
  }

  Reply get(const std::string& user, const std::string& path) {
    data();
    at_time("2026-11-30T18:00:00");
    return act(user, "GET", path);
  }
  std::string q(const std::string& month = "2026-11") {
    return "?projectId=" + std::to_string(data().project) + "&month=" + month;
  }
};

void expect_figure(const nlohmann::json& f, std::int64_t num, std::int64_t den, const char* colour,
                   const std::string& what) {
  EXPECT_EQ(f["numerator"], num) << what << ": " << f;
  EXPECT_EQ(f["denominator"], den) << what << ": " << f;
  EXPECT_EQ(f["colour"], colour) << what << ": " << f;
}

TEST_P(Analyses, TheMonthlyComplaintAnalysisMatchesTheHandCount) {
  auto r = get("pm", "/api/v1/analyses/complaints" + q());
  ASSERT_EQ(r.status, 404u) << "pm is not assigned to ANLA";
  r = get("admin", "/api/v1/analyses/complaints" + q());
  ASSERT_EQ(r.status, 200u) << r.raw;
  const auto& a = r.body;
  EXPECT_EQ(a["month"], "2026-11");
  EXPECT_EQ(a["households"], 5);
  EXPECT_EQ(a["volume"], 6);
  EXPECT_DOUBLE_EQ(a["ratePer100"].get<double>(), 120.0);
  ASSERT_EQ(a["categories"].size(), 2u);
  EXPECT_EQ(a["categories"][0]["category"], "noise");
  EXPECT_EQ(a["categories"][0]["count"], 4);
  EXPECT_DOUBLE_EQ(a["categories"][0]["share"].get<double>(), 66.67);
  EXPECT_EQ(a["categories"][0]["previousTotal"], 1);
  EXPECT_DOUBLE_EQ(a["categories"][0]["average3m"].get<double>(), 0.33);
  EXPECT_EQ(a["categories"][0]["warning"], true);
  EXPECT_EQ(a["categories"][1]["category"], "parking");
  EXPECT_DOUBLE_EQ(a["categories"][1]["share"].get<double>(), 33.33);
  EXPECT_EQ(a["categories"][1]["warning"], false);
  ASSERT_EQ(a["warnings"].size(), 1u);
  EXPECT_EQ(a["warnings"][0]["name"], "噪音");
  EXPECT_EQ(a["validity"], (nlohmann::json{{"valid", 2}, {"invalid", 1}, {"undecided", 3}}));
  ASSERT_EQ(a["rootCauses"].size(), 1u);
  EXPECT_EQ(a["rootCauses"][0]["rootCause"], "施工噪音");
  EXPECT_EQ(a["rootCauses"][0]["count"], 2);
  EXPECT_EQ(a["rootCauseUnrecorded"], 4);
  expect_figure(a["handover24h"], 4, 6, "red", "C2 late, C5 open past due");
  EXPECT_EQ(a["handover24h"]["overdueOpen"], 1);
  expect_figure(a["validHandled"], 2, 2, "green", "C1 C2");
  ASSERT_EQ(a["repeatComplainants"].size(), 2u);
  EXPECT_EQ(a["contactMasked"], false);
  std::set<std::string> names;
  for (const auto& c : a["repeatComplainants"]) {
    EXPECT_EQ(c["count"], 2);
    names.insert(c["name"].get<std::string>());
  }
  EXPECT_EQ(names, (std::set<std::string>{"住户1", "住户2"}));
  EXPECT_EQ(a["repeatComplainants"][0]["phone"], "13800001001");
  ASSERT_EQ(a["overdue"].size(), 2u);
  std::map<std::string, std::set<std::string>> late;
  for (const auto& o : a["overdue"])
    for (const auto& k : o["lateClocks"]) late[o["categoryName"].get<std::string>() + o["status"].get<std::string>()].insert(k["clock"]);
  EXPECT_EQ(late["噪音closed"], (std::set<std::string>{"handle", "handover"}));
  EXPECT_EQ(late["停车registered"], (std::set<std::string>{"feedback", "handle", "handover"}));
  const auto& c5 = a["overdue"][1];
  EXPECT_EQ(c5["checkRootCause"], "车位纠纷双方未到场");
  EXPECT_EQ(c5["checkNextStep"], "约双方周一面谈");
  EXPECT_EQ(a["overdue"][0]["rootCause"], "施工噪音");
}

TEST_P(Analyses, TheQualityDepartmentSeesRepeatComplainantsMasked) {
  auto r = get("quality", "/api/v1/analyses/complaints" + q());
  ASSERT_EQ(r.status, 200u) << r.raw;
  EXPECT_EQ(r.body["contactMasked"], true);
  for (const auto& c : r.body["repeatComplainants"]) {
    EXPECT_EQ(c["name"].get<std::string>().rfind("住**", 0), 0u) << c;
    EXPECT_NE(c["phone"].get<std::string>().find("****"), std::string::npos) << c;
  }
}

TEST_P(Analyses, AQuietMonthHasNoWarningAndOctoberCountsItsOwn) {
  auto r = get("admin", "/api/v1/analyses/complaints" + q("2026-10"));
  ASSERT_EQ(r.status, 200u) << r.raw;
  EXPECT_EQ(r.body["volume"], 1);
  EXPECT_DOUBLE_EQ(r.body["ratePer100"].get<double>(), 20.0);
  EXPECT_TRUE(r.body["warnings"].empty());
  EXPECT_TRUE(r.body["repeatComplainants"].empty());
  EXPECT_TRUE(r.body["overdue"].empty());
}

TEST_P(Analyses, TheReturnVisitReportMatchesTheHandCount) {
  auto r = get("admin", "/api/v1/analyses/return-visits" + q());
  ASSERT_EQ(r.status, 200u) << r.raw;
  const auto& v = r.body;
  EXPECT_EQ(v["completed"], 5);
  EXPECT_EQ(v["visited"], 3);
  EXPECT_EQ(v["visitedOnTime"], 2);
  EXPECT_EQ(v["visitedLate"], 1);
  EXPECT_EQ(v["overdue"], 1);
  EXPECT_EQ(v["pending"], 1);
  expect_figure(v["visitRate"], 3, 5, "red", "3 of 5 visited");
  EXPECT_DOUBLE_EQ(v["visitRate"]["value"].get<double>(), 60.0);
  EXPECT_DOUBLE_EQ(v["visitRate"]["target"].get<double>(), 100.0);
  expect_figure(v["onTimeRate"], 2, 5, "red", "R1 R5 on time");
  EXPECT_EQ(v["satisfied"], 1);
  EXPECT_EQ(v["neutral"], 1);
  EXPECT_EQ(v["dissatisfiedCount"], 1);
  expect_figure(v["satisfaction"], 1, 3, "red", "R1 of R1 R3 R5");
  ASSERT_EQ(v["dissatisfied"].size(), 1u);
  const auto& d = v["dissatisfied"][0];
  EXPECT_EQ(d["comment"], "维修后仍漏水");
  EXPECT_EQ(d["visit"], "late");
  EXPECT_EQ(d["technician"], "工程部");
  ASSERT_EQ(d["reworks"].size(), 1u);
  EXPECT_EQ(d["reworks"][0]["status"], "dispatched");
  ASSERT_EQ(v["overdueVisits"].size(), 1u);
  EXPECT_EQ(v["overdueVisits"][0]["visitDueAt"], "2026-11-23T12:00:00+08:00");
  EXPECT_EQ(v["overdueVisits"][0]["lateBySeconds"], 7 * 86400 + 6 * 3600);
  EXPECT_EQ(v["items"].size(), 5u);
}

TEST_P(Analyses, TheQuarterAgainstTargetsByMonth) {
  const std::string path = "/api/v1/analyses/quarterly?quarter=2026-Q4&projectId=" + std::to_string(data().project);
  auto r = get("admin", path);
  ASSERT_EQ(r.status, 200u) << r.raw;
  const auto& s = r.body;
  EXPECT_EQ(s["months"], (nlohmann::json{"2026-10", "2026-11", "2026-12"}));
  const auto& oct = s["byMonth"][0];
  const auto& nov = s["byMonth"][1];
  const auto& dec = s["byMonth"][2];
  EXPECT_EQ(oct["orders"], 2);
  EXPECT_EQ(oct["byKind"]["complaint"], 1);
  EXPECT_EQ(oct["byKind"]["repair"], 1);
  EXPECT_EQ(nov["orders"], 12);
  EXPECT_EQ(nov["byKind"]["complaint"], 7);
  EXPECT_EQ(nov["byKind"]["repair"], 5);
  EXPECT_EQ(dec["orders"], 0);
  EXPECT_EQ(oct["complaints"], 1);
  EXPECT_EQ(nov["complaints"], 6);
  EXPECT_EQ(nov["rework"], 1);
  expect_figure(oct["targets"]["satisfaction"], 1, 1, "green", "Oct N0");
  expect_figure(nov["targets"]["satisfaction"], 2, 5, "red", "Nov C1 R1 of five");
  expect_figure(s["total"]["targets"]["satisfaction"], 3, 6, "red", "quarter");
  expect_figure(oct["targets"]["handled_12h"], 2, 2, "green", "Oct N0 R5");
  expect_figure(nov["targets"]["handled_12h"], 9, 11, "red", "Nov: C2 late, C5 overdue");
  expect_figure(s["total"]["targets"]["handled_12h"], 11, 13, "red", "quarter");
  expect_figure(oct["targets"]["return_visit"], 1, 1, "green", "Oct N0");
  expect_figure(nov["targets"]["return_visit"], 4, 6, "red", "Nov: R3 late, R2 overdue");
  expect_figure(s["total"]["targets"]["return_visit"], 5, 7, "red", "quarter");
  expect_figure(dec["targets"]["inspection_score"], 0, 0, "none", "no inspection");
  EXPECT_EQ(s["total"]["orders"], 14);
  EXPECT_EQ(s["scope"]["kind"], "project");

  auto company = get("quality", "/api/v1/analyses/quarterly?quarter=2026-Q4");
  ASSERT_EQ(company.status, 200u) << company.raw;
  EXPECT_EQ(company.body["scope"]["kind"], "company");
  EXPECT_GE(company.body["byMonth"][1]["orders"].get<std::int64_t>(), 12);
}

TEST_P(Analyses, ExportsReadBackWithTheFiguresOfThePage) {
  auto x = get("admin", "/api/v1/analyses/complaints/export" + q() + "&format=xlsx");
  ASSERT_EQ(x.status, 200u) << x.raw;
  const auto sheets = exports::read_xlsx(x.raw);
  ASSERT_EQ(sheets.size(), 5u);
  EXPECT_EQ(sheets[0].name, "概况");
  EXPECT_EQ(sheets[0].at(2, 0), "户数 Households");
  EXPECT_EQ(sheets[0].at(2, 1), "5");
  EXPECT_EQ(sheets[0].at(3, 1), "6");
  EXPECT_EQ(sheets[0].at(4, 1), "120");
  EXPECT_EQ(sheets[1].name, "类别");
  EXPECT_EQ(sheets[1].at(2, 0), "噪音");
  EXPECT_EQ(sheets[1].at(2, 1), "4");
  EXPECT_EQ(sheets[1].at(2, 2), "66.67");
  EXPECT_EQ(sheets[1].at(2, 5), "是 yes");
  EXPECT_EQ(sheets[4].at(3, 7), "车位纠纷双方未到场");

  auto c = get("admin", "/api/v1/analyses/return-visits/export" + q() + "&format=csv");
  ASSERT_EQ(c.status, 200u) << c.raw;
  EXPECT_NE(c.raw.find("回访率 Visit rate,3,5,60,100,red"), std::string::npos) << c.raw;
  EXPECT_NE(c.raw.find("维修后仍漏水"), std::string::npos);
  // Times are the project's local time: 2026-11-03 10:00 in CSV, a date-time cell in XLSX.
  const auto visits = get("admin", "/api/v1/analyses/return-visits" + q()).body["items"];
  ASSERT_FALSE(visits.empty());
  std::string completed = visits[0]["completedAt"];  // 2026-11-03T10:00:00+08:00
  EXPECT_EQ(c.raw.find(completed), std::string::npos) << "ISO text in the file";
  completed = completed.substr(0, 16);
  completed[10] = ' ';
  EXPECT_NE(c.raw.find("," + completed + ","), std::string::npos) << c.raw;
  auto vx = get("admin", "/api/v1/analyses/return-visits/export" + q() + "&format=xlsx");
  const auto vs = exports::read_xlsx(vx.raw);
  ASSERT_EQ(vs.size(), 4u);
  EXPECT_EQ(vs[3].at(1, 3), "完成时间 Completed");
  EXPECT_EQ(vs[3].at(2, 3).find('-'), std::string::npos) << "a serial number, not text: " << vs[3].at(2, 3);
  EXPECT_GT(std::stod(vs[3].at(2, 3)), 46000.0) << vs[3].at(2, 3);  // after 2025-12-10

  auto qx = get("admin", "/api/v1/analyses/quarterly/export?quarter=2026-Q4&projectId=" +
                             std::to_string(data().project));
  ASSERT_EQ(qx.status, 200u) << qx.raw;
  const auto qs = exports::read_xlsx(qx.raw);
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(qs[0].at(1, 4), "2026-Q4");
  EXPECT_EQ(qs[0].at(2, 0), "工单 Orders");
  EXPECT_EQ(qs[0].at(2, 1), "2");
  EXPECT_EQ(qs[0].at(2, 2), "12");
  EXPECT_EQ(qs[0].at(2, 4), "14");
}

TEST_P(Analyses, BadInputIsAClearErrorNamingTheParameter) {
  auto r = get("admin", "/api/v1/analyses/complaints?month=2026-11");
  EXPECT_EQ(r.status, 400u);
  EXPECT_TRUE(r.body["details"].contains("projectId")) << r.raw;
  r = get("admin", "/api/v1/analyses/return-visits" + q("2026-13"));
  EXPECT_EQ(r.status, 400u);
  EXPECT_TRUE(r.body["details"].contains("month")) << r.raw;
  r = get("admin", "/api/v1/analyses/quarterly?quarter=2026-Q5");
  EXPECT_EQ(r.status, 400u);
  EXPECT_TRUE(r.body["details"].contains("quarter")) << r.raw;
  r = get("admin", "/api/v1/analyses/complaints/export" + q() + "&format=pdf");
  EXPECT_EQ(r.status, 400u);
  EXPECT_TRUE(r.body["details"].contains("format")) << r.raw;
  EXPECT_EQ(get("admin", "/api/v1/analyses/complaints?projectId=999999").status, 404u);
  EXPECT_EQ(get("security", "/api/v1/analyses/complaints" + q()).status, 403u);
}

INSTANTIATE_TEST_SUITE_P(Engines, Analyses, ::testing::ValuesIn(engines_under_test()));

}  // namespace
}  // namespace steward::testing
