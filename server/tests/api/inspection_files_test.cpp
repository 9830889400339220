// Inspections through the API, the remainder of DOMAIN I1-I5: payroll exports, rubric files
// (JSON and XLSX, round trip and bad files), taking a deduction back, photos on deductions,
// escalation of overdue rectifications, rankings of zones, and the list matching the detail.
#include "exports/csv.hpp"
#include "exports/xlsx.hpp"
#include "exports/xlsx_reader.hpp"
#include "tests/api/api_suite.hpp"

namespace steward::testing {
namespace {

using json = nlohmann::json;

const std::string kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// A real 1x1 PNG is not needed: the server checks the signature, and the bytes come back as sent.
std::string png_bytes() { return std::string("\x89PNG\r\n\x1A\n", 8) + std::string(24, '\x01'); }

class InspectionFiles : public ApiSuite<InspectionFiles> {
 protected:
  std::int64_t scheme_of(const json& rubrics) {
    auto r = act("quality", "POST", "/api/v1/inspection-schemes", {{"name", unique("方案F")}, {"rubrics", rubrics}});
    EXPECT_EQ(r.status, 201u) << r.raw;
    return r.body.value("id", std::int64_t{0});
  }
  std::int64_t cs_scheme() { return scheme_of({{{"code", "CS-SUPERVISION"}, {"weight", 100}}}); }
  json inspect(std::int64_t scheme, const std::string& kind, std::int64_t target, const std::string& day,
               const std::string& user = "quality") {
    auto r = act(user, "POST", "/api/v1/inspections",
                 {{"schemeId", scheme}, {"targetKind", kind}, {"targetId", target},
                  {"method", "unannounced"}, {"day", day}});
    EXPECT_EQ(r.status, 201u) << r.raw;
    return r.body;
  }
  static std::string path(const json& insp, const std::string& rest = "") {
    return "/api/v1/inspections/" + std::to_string(insp["id"].get<std::int64_t>()) + rest;
  }
  static json item(const json& insp, const std::string& code) {
    for (const auto& r : insp["rubrics"])
      for (const auto& s : r["sections"])
        for (const auto& i : s["items"])
          if (i["code"] == code) return i;
    ADD_FAILURE() << "no item " << code;
    return json::object();
  }
  Reply deduct(const json& insp, const std::string& code, json body, const std::string& user = "quality") {
    body["itemId"] = item(insp, code)["id"];
    return act(user, "POST", path(insp, "/deductions"), body);
  }
  Reply submit(const json& insp) { return act("quality", "POST", path(insp, "/submit")); }
  Reply raw(const std::string& user, const std::string& method, const std::string& target,
            const std::string& body, const std::string& type) {
    std::map<std::string, std::string> h = {{"Authorization", "Bearer " + token(user)}};
    if (!type.empty()) h["Content-Type"] = type;
    return server().raw_request(method, target, body, h);
  }
  std::int64_t rubric_id(const std::string& code) {
    auto list = act("quality", "GET", "/api/v1/rubrics").body;
    for (const auto& r : list["items"])
      if (r["code"] == code) return r["id"].get<std::int64_t>();
    ADD_FAILURE() << "no rubric " << code;
    return 0;
  }
  std::int64_t rubric_count() { return act("quality", "GET", "/api/v1/rubrics").body["total"].get<std::int64_t>(); }
  // A rubric's sections and items without ids: what must survive a round trip.
  static json contents(json rubric) {
    json out = json::array();
    for (auto& s : rubric["sections"]) {
      json items = json::array();
      for (auto& i : s["items"]) {
        i.erase("id");
        items.push_back(i);
      }
      out.push_back({{"name", s["name"]}, {"max", s["max"]}, {"items", items}});
    }
    return out;
  }
  // Notifications of a user whose text mentions `needle`.
  std::vector<json> notes(const std::string& user, const std::string& needle) {
    std::vector<json> out;
    const json list = act(user, "GET", "/api/v1/notifications?pageSize=200").body;
    for (const auto& n : list["items"])
      if ((n["title"].get<std::string>() + n["body"].get<std::string>()).find(needle) != std::string::npos)
        out.push_back(n);
    return out;
  }
  std::int64_t zone_of(const std::string& project, const std::string& name) {
    const json list = act("admin", "GET", "/api/v1/zones?pageSize=200&projectId=" + std::to_string(pid(project))).body;
    for (const auto& z : list["items"])
      if (z["name"] == name) return z["id"].get<std::int64_t>();
    ADD_FAILURE() << "no zone " << name;
    return 0;
  }
};

// docs/inspections.md "Payroll export": 2 + 2 off CS-01 is 96.00, excellent with the team bonus.
TEST_P(InspectionFiles, PayrollExportOfAnInspectionAndOfAMonth) {
  at_time("2026-10-20T09:00:00");
  auto insp = inspect(cs_scheme(), "project", pid("CSHY"), "2026-10-20");
  ASSERT_EQ(deduct(insp, "CS-01", {{"amounts", {2, 2}}}).status, 200u);
  auto done = submit(insp);
  ASSERT_EQ(done.status, 200u) << done.raw;
  EXPECT_EQ(done.body["score"], 96.0);
  std::int64_t sum = 0;
  for (const auto& p : done.body["payments"]) sum += p["amount"].get<std::int64_t>();
  const auto rows = done.body["payments"].size();
  ASSERT_GE(rows, 3u);  // the manager, the supervisors, the team

  auto csv = act("quality", "GET", path(insp, "/payments/export?format=csv"));
  ASSERT_EQ(csv.status, 200u) << csv.raw;
  EXPECT_EQ(csv.headers["content-type"], "text/csv; charset=utf-8");
  EXPECT_NE(csv.headers["content-disposition"].find("filename*=UTF-8''"), std::string::npos);
  EXPECT_EQ(csv.raw.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_NE(csv.raw.find("检查日期,项目,检查编号,检查对象,得分,等级,姓名,员工编号,岗位,奖罚类别,金额(元)\r\n"), std::string::npos);
  EXPECT_NE(csv.raw.find(",96,优秀,刘建国,"), std::string::npos) << csv.raw;
  EXPECT_NE(csv.raw.find(",项目经理,优秀,1000\r\n"), std::string::npos) << csv.raw;
  EXPECT_NE(csv.raw.find(",项目团队,96分以上团队奖,3000\r\n"), std::string::npos) << csv.raw;

  auto xlsx = act("quality", "GET", path(insp, "/payments/export"));  // xlsx is the default
  ASSERT_EQ(xlsx.status, 200u);
  EXPECT_EQ(xlsx.headers["content-type"], kXlsxType);
  const auto sheets = exports::read_xlsx(xlsx.raw);
  ASSERT_EQ(sheets.size(), 1u);
  const auto& sheet = sheets[0];
  EXPECT_EQ(sheet.at(1, 10), "金额(元)");
  ASSERT_EQ(sheet.rows.size(), 2 + rows);  // title, headers, one row per payment
  std::int64_t xlsx_sum = 0;
  for (std::size_t r = 2; r < sheet.rows.size(); ++r) xlsx_sum += std::stoll(sheet.at(r, 10));
  EXPECT_EQ(xlsx_sum, sum);
  EXPECT_EQ(sheet.at(2, 6), "刘建国");
  EXPECT_EQ(sheet.at(2, 10), "1000");

  // The month across projects, for the quality department.
  auto month = act("quality", "GET", "/api/v1/inspection-payments?month=2026-10");
  ASSERT_EQ(month.status, 200u) << month.raw;
  std::size_t mine = 0;
  for (const auto& p : month.body["items"])
    if (p["inspectionId"] == insp["id"]) ++mine;
  EXPECT_EQ(mine, rows);
  auto month_csv = act("quality", "GET", "/api/v1/inspection-payments/export?month=2026-10&format=csv");
  ASSERT_EQ(month_csv.status, 200u);
  std::size_t lines = 0;
  for (char c : month_csv.raw) lines += c == '\n';
  EXPECT_EQ(lines, month.body["items"].size() + 1);  // the header and every payment
  EXPECT_EQ(act("quality", "GET", "/api/v1/inspection-payments?month=2026-13").status, 400u);
  auto bad = act("quality", "GET", "/api/v1/inspection-payments/export?month=2026-10&format=pdf");
  EXPECT_EQ(bad.status, 400u);
  EXPECT_TRUE(bad.body["details"].contains("format")) << bad.raw;
  EXPECT_EQ(act("pm", "GET", "/api/v1/inspection-payments?month=2026-10").status, 403u);
  EXPECT_EQ(act("frontdesk", "GET", path(insp, "/payments/export")).status, 403u);
  // A project manager of another project does not see the inspection at all.
  auto other = inspect(cs_scheme(), "project", pid("CHTD"), "2026-10-20");
  EXPECT_EQ(act("pm", "GET", path(other, "/payments/export")).status, 404u);
}

// Every built-in rubric goes out as JSON and as XLSX and comes back the same, and scores the same.
TEST_P(InspectionFiles, EachSeedRubricRoundTripsThroughJsonAndXlsxAndScoresTheSame) {
  at_time("2026-10-21T09:00:00");
  for (const std::string code : {"CS-SUPERVISION", "FAC-SUPERVISION", "ONSITE-SERVICE", "CLUBHOUSE"}) {
    SCOPED_TRACE(code);
    const auto id = rubric_id(code);
    const json original = act("quality", "GET", "/api/v1/rubrics/" + std::to_string(id)).body;
    auto doc = act("quality", "GET", "/api/v1/rubrics/" + std::to_string(id) + "/export");
    ASSERT_EQ(doc.status, 200u) << doc.raw;
    EXPECT_EQ(doc.body["format"], "steward.rubric");
    EXPECT_NE(doc.headers["content-disposition"].find(code + "-v"), std::string::npos);
    auto book = act("quality", "GET", "/api/v1/rubrics/" + std::to_string(id) + "/export?format=xlsx");
    ASSERT_EQ(book.status, 200u);
    EXPECT_EQ(book.raw.substr(0, 2), "PK");

    const auto json_code = unique(code + "-J");
    const auto xlsx_code = unique(code + "-X");
    auto from_json = raw("quality", "POST", "/api/v1/rubrics/import?code=" + json_code, doc.raw, "application/json");
    ASSERT_EQ(from_json.status, 201u) << from_json.raw;
    auto from_xlsx = raw("quality", "POST", "/api/v1/rubrics/import?code=" + xlsx_code, book.raw, kXlsxType);
    ASSERT_EQ(from_xlsx.status, 201u) << from_xlsx.raw;
    for (const auto& copy : {from_json.body, from_xlsx.body}) {
      EXPECT_EQ(copy["version"], 1);
      EXPECT_EQ(copy["name"], original["name"]);
      EXPECT_EQ(copy["source"], original["source"]);
      EXPECT_EQ(copy["max"], original["max"]);
      EXPECT_EQ(contents(copy), contents(original));
    }
    // The same findings on the original and on each copy give the same score, below 100.
    std::vector<double> scores;
    for (const auto& c : {code, json_code, xlsx_code}) {
      auto insp = inspect(scheme_of({{{"code", c}, {"weight", 100}}}), "project", pid("XSTY"), "2026-10-21");
      const auto& sections = insp["rubrics"][0]["sections"];
      for (const auto& it : {sections[0]["items"][0], sections.back()["items"].back()}) {
        json body = {{"itemId", it["id"]}};
        if (it["rule"] == "range")
          body["amounts"] = it["checkPoints"].get<int>() >= 2 ? json{it["deductMax"], it["deductMin"]}
                                                             : json{it["deductMax"]};
        else if (it["rule"] == "per_occurrence") body["occurrences"] = 3;
        else body["failed"] = true;
        auto d = act("quality", "POST", path(insp, "/deductions"), body);
        ASSERT_EQ(d.status, 200u) << d.raw;
        insp = d.body;
      }
      scores.push_back(insp["score"].get<double>());
    }
    EXPECT_LT(scores[0], 100.0);
    EXPECT_EQ(scores[1], scores[0]);
    EXPECT_EQ(scores[2], scores[0]);
  }
  EXPECT_EQ(act("frontdesk", "GET", "/api/v1/rubrics/" + std::to_string(rubric_id("CLUBHOUSE")) + "/export").status, 403u);
}

TEST_P(InspectionFiles, ImportingAnExistingCodeFollowsTheVersioningRules) {
  at_time("2026-10-22T09:00:00");
  const auto code = unique("IMP-");
  json doc = {{"format", "steward.rubric"}, {"code", code}, {"name", "导入细则"}, {"source", "file"},
              {"sections", {{{"name", "现场"}, {"items", {{{"code", "A-1"}, {"name", "地面"}, {"max", 10},
                                                            {"rule", "per_occurrence"}, {"deductEach", 0.5}}}}}}}};
  auto first = raw("quality", "POST", "/api/v1/rubrics/import", doc.dump(), "application/json");
  ASSERT_EQ(first.status, 201u) << first.raw;
  EXPECT_EQ(first.body["version"], 1);
  doc["name"] = "导入细则(改)";
  auto same = raw("quality", "POST", "/api/v1/rubrics/import", doc.dump(), "application/json");
  ASSERT_EQ(same.status, 201u) << same.raw;
  EXPECT_EQ(same.body["id"], first.body["id"]);  // unused: changed in place
  EXPECT_EQ(same.body["version"], 1);
  EXPECT_EQ(same.body["name"], "导入细则(改)");
  auto insp = inspect(scheme_of({{{"code", code}, {"weight", 100}}}), "project", pid("XSTY"), "2026-10-22");
  doc["sections"][0]["items"][0]["max"] = 20;
  auto next = raw("quality", "POST", "/api/v1/rubrics/import", doc.dump(), "application/json");
  ASSERT_EQ(next.status, 201u) << next.raw;
  EXPECT_EQ(next.body["version"], 2);  // used by an inspection: a new version
  EXPECT_EQ(next.body["max"], 20.0);
  EXPECT_EQ(act("quality", "GET", path(insp)).body["rubrics"][0]["max"], 10.0);  // the past stays
  EXPECT_EQ(raw("pm", "POST", "/api/v1/rubrics/import", doc.dump(), "application/json").status, 403u);
}

TEST_P(InspectionFiles, BadRubricFilesAnswer400NamingTheCellAndChangeNothing) {
  at_time("2026-10-22T10:00:00");
  const auto before = rubric_count();
  auto not_zip = raw("quality", "POST", "/api/v1/rubrics/import", "hello, world", kXlsxType);
  EXPECT_EQ(not_zip.status, 400u);
  EXPECT_TRUE(not_zip.body["details"].contains("file")) << not_zip.raw;

  const std::vector<std::string> headers = {"分项 section", "编号 code", "项目 name", "标准与检查内容 standard",
                                            "检查点数 checkPoints", "分值 max", "扣分规则 rule",
                                            "每缺一项最少扣 deductMin", "每缺一项最多扣 deductMax", "每次扣分 deductEach"};
  auto book = [&](std::vector<std::string> cols, std::vector<exports::Row> rows) {
    exports::XlsxWriter w;
    w.plain_sheet("rubric", {"字段 field", "值 value"});
    w.row({exports::text("code"), exports::text(unique("BAD-"))});
    w.row({exports::text("name"), exports::text("坏文件")});
    w.plain_sheet("items", cols);
    for (const auto& r : rows) w.row(r);
    return w.finish();
  };
  using exports::number;
  using exports::text;
  const exports::Row good = {text("现场"), text("A-1"), text("地面"), text("1. 干净"), number(1), number(5),
                             text("range"), number(0.5), number(2), exports::empty()};
  // A missing column.
  auto cols = headers;
  cols.erase(cols.begin() + 5);
  exports::Row short_row = good;
  short_row.erase(short_row.begin() + 5);
  auto missing = raw("quality", "POST", "/api/v1/rubrics/import", book(cols, {short_row}), kXlsxType);
  EXPECT_EQ(missing.status, 400u);
  EXPECT_TRUE(missing.body["details"].contains("items!1")) << missing.raw;
  // Not a number in row 3, column F.
  exports::Row bad_number = good;
  bad_number[1] = text("A-2");
  bad_number[5] = text("五分");
  auto nan = raw("quality", "POST", "/api/v1/rubrics/import", book(headers, {good, bad_number}), kXlsxType);
  EXPECT_EQ(nan.status, 400u);
  EXPECT_TRUE(nan.body["details"].contains("items!F3")) << nan.raw;
  // Numbers that break the rules: three decimals in F2, a minimum above the maximum in H3.
  exports::Row decimals = good;
  decimals[5] = number(5.125);
  exports::Row above = good;
  above[1] = text("A-2");
  above[7] = number(6);
  auto rules = raw("quality", "POST", "/api/v1/rubrics/import", book(headers, {decimals, above}), kXlsxType);
  EXPECT_EQ(rules.status, 400u);
  EXPECT_TRUE(rules.body["details"].contains("items!F2")) << rules.raw;
  EXPECT_TRUE(rules.body["details"].contains("items!H3")) << rules.raw;
  // An unknown rule, named in its cell.
  exports::Row rule = good;
  rule[6] = text("maybe");
  auto unknown = raw("quality", "POST", "/api/v1/rubrics/import", book(headers, {rule}), kXlsxType);
  EXPECT_EQ(unknown.status, 400u);
  EXPECT_TRUE(unknown.body["details"].contains("items!G2")) << unknown.raw;
  // JSON of something else.
  auto other = raw("quality", "POST", "/api/v1/rubrics/import", R"({"format":"other"})", "application/json");
  EXPECT_EQ(other.status, 400u);
  EXPECT_TRUE(other.body["details"].contains("format")) << other.raw;
  auto garbage = raw("quality", "POST", "/api/v1/rubrics/import", "{not json", "application/json");
  EXPECT_EQ(garbage.status, 400u);
  EXPECT_EQ(rubric_count(), before);
  // And the good row alone imports, with the Chinese rule name as well as the English.
  exports::Row zh = good;
  zh[1] = text("A-2");
  zh[6] = text("按次扣分");
  zh[9] = number(0.2);
  auto fine = raw("quality", "POST", "/api/v1/rubrics/import", book(headers, {good, zh}), kXlsxType);
  ASSERT_EQ(fine.status, 201u) << fine.raw;
  EXPECT_EQ(fine.body["max"], 10.0);
  EXPECT_EQ(fine.body["sections"][0]["items"][1]["rule"], "per_occurrence");
  EXPECT_EQ(fine.body["sections"][0]["items"][1]["deductEach"], 0.2);
  EXPECT_EQ(rubric_count(), before + 1);
}

TEST_P(InspectionFiles, ADeductionIsTakenBackWhileTheInspectionIsOpen) {
  at_time("2026-10-23T09:00:00");
  auto insp = inspect(cs_scheme(), "project", pid("CSHY"), "2026-10-23");
  auto d = deduct(insp, "CS-03", {{"amounts", {2, 1.5}}});
  ASSERT_EQ(d.status, 200u);
  EXPECT_EQ(d.body["score"], 96.5);
  deduct(insp, "CS-10", {{"amounts", {0.5}}});
  const auto id = item(d.body, "CS-03")["deduction"]["id"].get<std::int64_t>();
  EXPECT_EQ(act("pm", "DELETE", path(insp, "/deductions/" + std::to_string(id))).status, 403u);  // not an inspector
  auto gone = act("quality", "DELETE", path(insp, "/deductions/" + std::to_string(id)));
  ASSERT_EQ(gone.status, 200u) << gone.raw;
  EXPECT_EQ(gone.body["score"], 99.5);  // only CS-10's 0.5 is left
  EXPECT_EQ(gone.body["deductionCount"], 1);
  EXPECT_TRUE(item(gone.body, "CS-03")["deduction"].is_null());
  EXPECT_EQ(act("quality", "DELETE", path(insp, "/deductions/" + std::to_string(id))).status, 404u);
  auto audit = act("admin", "GET", "/api/v1/audit?entity=inspection&id=" + std::to_string(insp["id"].get<std::int64_t>()));
  bool logged = false;
  for (const auto& a : audit.body["items"]) logged = logged || a["action"] == "remove_deduction";
  EXPECT_TRUE(logged) << audit.raw;
  const auto last = item(gone.body, "CS-10")["deduction"]["id"].get<std::int64_t>();
  ASSERT_EQ(submit(insp).status, 200u);
  auto late = act("quality", "DELETE", path(insp, "/deductions/" + std::to_string(last)));
  EXPECT_EQ(late.status, 409u);
  EXPECT_EQ(late.body["code"], "inspection.submitted");
  EXPECT_EQ(act("quality", "GET", path(insp)).body["score"], 99.5);
  // Someone who does not see the inspection is told it does not exist.
  auto other = inspect(cs_scheme(), "project", pid("CHTD"), "2026-10-23");
  auto od = deduct(other, "CS-01", {{"amounts", {1}}}).body;
  EXPECT_EQ(act("pm", "DELETE", path(other, "/deductions/" + item(od, "CS-01")["deduction"]["id"].dump())).status, 404u);
}

TEST_P(InspectionFiles, PhotosGoOnDeductionsAndOnlyThoseWhoSeeTheInspectionFetchThem) {
  at_time("2026-10-24T09:00:00");
  auto insp = inspect(cs_scheme(), "project", pid("CSHY"), "2026-10-24");
  const auto png = png_bytes();
  auto up = raw("quality", "POST", path(insp, "/photos"), png, "image/png");
  ASSERT_EQ(up.status, 201u) << up.raw;
  EXPECT_TRUE(up.body["deductionId"].is_null());
  const auto photo = up.body["id"].get<std::int64_t>();
  const std::string url = up.body["url"];
  EXPECT_EQ(url, "/api/v1/inspection-photos/" + std::to_string(photo));
  EXPECT_EQ(raw("quality", "POST", path(insp, "/photos"), "GIF89a", "image/gif").status, 415u);
  EXPECT_EQ(raw("quality", "POST", path(insp, "/photos"), "not an image", "image/png").status, 415u);

  auto d = deduct(insp, "CS-07", {{"amounts", {2}}, {"note", "未佩工牌"}, {"photoIds", {photo}}});
  ASSERT_EQ(d.status, 200u) << d.raw;
  const auto photos = item(d.body, "CS-07")["deduction"]["photos"];
  ASSERT_EQ(photos.size(), 1u) << d.raw;
  EXPECT_EQ(photos[0]["url"], url);
  EXPECT_EQ(photos[0]["contentType"], "image/png");
  // Not on a second item, and not a photo of another inspection.
  auto twice = deduct(insp, "CS-08", {{"amounts", {1}}, {"photoIds", {photo}}});
  EXPECT_EQ(twice.status, 400u);
  EXPECT_TRUE(twice.body["details"].contains("photoIds")) << twice.raw;
  auto other = inspect(cs_scheme(), "project", pid("CHTD"), "2026-10-24");
  auto theirs = raw("quality", "POST", path(other, "/photos"), png, "image/png").body;
  EXPECT_EQ(deduct(insp, "CS-08", {{"amounts", {1}}, {"photoIds", {theirs["id"]}}}).status, 400u);
  // Recording the item again without photoIds keeps them; with an empty list takes them off.
  auto again = deduct(insp, "CS-07", {{"amounts", {2, 1}}});
  EXPECT_EQ(item(again.body, "CS-07")["deduction"]["photos"].size(), 1u);

  auto back = raw("pm", "GET", url, "", "");  // the project's manager sees CSHY's inspections
  ASSERT_EQ(back.status, 200u);
  EXPECT_EQ(back.raw, png);
  EXPECT_EQ(back.headers["content-type"], "image/png");
  EXPECT_EQ(raw("pm", "GET", theirs["url"], "", "").status, 404u);  // CHTD's: not theirs
  EXPECT_EQ(raw("frontdesk", "GET", url, "", "").status, 403u);     // no inspection.read
  EXPECT_EQ(raw("quality", "GET", theirs["url"], "", "").status, 200u);

  auto off = deduct(insp, "CS-07", {{"amounts", {2}}, {"photoIds", json::array()}});
  EXPECT_TRUE(item(off.body, "CS-07")["deduction"]["photos"].empty());
  ASSERT_EQ(submit(insp).status, 200u);
  auto closed = raw("quality", "POST", path(insp, "/photos"), png, "image/png");
  EXPECT_EQ(closed.status, 409u);
}

TEST_P(InspectionFiles, OverdueRectificationsEscalateOncePerLevel) {
  at_time("2026-12-01T09:00:00");
  auto insp = inspect(cs_scheme(), "project", pid("CSHY"), "2026-12-01");
  auto d = deduct(insp, "CS-12", {{"amounts", {1}}}).body;
  deduct(insp, "CS-13", {{"amounts", {1}}});
  const auto done = submit(insp).body;
  const auto staff = act("supervisor", "GET", "/api/v1/me").body["staffId"];
  auto rect = act("quality", "POST", "/api/v1/rectifications",
                  {{"deductionId", item(done, "CS-12")["deduction"]["id"]}, {"responsibleStaffId", staff},
                   {"deadline", "2026-12-03"}});
  ASSERT_EQ(rect.status, 201u) << rect.raw;
  auto finished = act("quality", "POST", "/api/v1/rectifications",
                      {{"deductionId", item(done, "CS-13")["deduction"]["id"]}, {"responsibleStaffId", staff},
                       {"deadline", "2026-12-03"}});
  ASSERT_EQ(finished.status, 201u);
  const auto fid = std::to_string(finished.body["id"].get<std::int64_t>());
  ASSERT_EQ(act("supervisor", "POST", "/api/v1/rectifications/" + fid + "/complete", {{"evidence", "已整改"}}).status, 200u);
  const std::string cs12 = "CS-12";
  const std::string cs13 = "CS-13";
  auto& app = server().app();
  auto count = [&](const std::string& user, const std::string& code) {
    std::size_t n = 0;
    for (const auto& x : notes(user, code)) n += x["body"].get<std::string>().find("2026-12-03") != std::string::npos;
    return n;
  };
  app.inspections().escalate_rectifications(at("2026-12-03T23:59:59"));  // the deadline day is not over
  EXPECT_EQ(count("quality", cs12), 0u);
  at_time("2026-12-04T00:00:01");
  app.inspections().escalate_rectifications(at("2026-12-04T00:00:01"));
  EXPECT_EQ(count("quality", cs12), 1u);
  EXPECT_EQ(count("pm", cs12), 1u);
  EXPECT_EQ(count("supervisor", cs12), 1u);  // the responsible person, a supervisor too
  EXPECT_EQ(count("quality", cs13), 0u);     // done before its deadline: never escalates
  app.inspections().escalate_rectifications(at("2026-12-05T09:00:00"));
  EXPECT_EQ(count("quality", cs12), 1u);  // once per level
  const auto id = std::to_string(rect.body["id"].get<std::int64_t>());
  EXPECT_EQ(act("quality", "GET", "/api/v1/rectifications/" + id).body["escalationLevel"], 1);
  auto overdue = act("quality", "GET", "/api/v1/rectifications?overdue=true&inspectionId=" + insp["id"].dump());
  ASSERT_EQ(overdue.body["total"], 1) << overdue.raw;
  EXPECT_EQ(overdue.body["items"][0]["id"], rect.body["id"]);
  at_time("2026-12-07T00:00:02");
  app.inspections().escalate_rectifications(at("2026-12-07T00:00:02"));  // three days past the deadline
  EXPECT_EQ(count("quality", cs12), 2u);
  EXPECT_EQ(count("pm", cs12), 2u);
  EXPECT_EQ(count("supervisor", cs12), 1u);  // level 2 goes to the manager and the quality department
  app.inspections().escalate_rectifications(at("2026-12-20T00:00:00"));
  EXPECT_EQ(count("quality", cs12), 2u);
  EXPECT_EQ(act("quality", "GET", "/api/v1/rectifications/" + id).body["escalationLevel"], 2);
}

TEST_P(InspectionFiles, ZonesRankByTheirInspectionsWithTheChange) {
  at_time("2026-10-25T09:00:00");
  const auto scheme = cs_scheme();
  auto one = [&](const std::string& zone, const std::string& day, double off) {
    auto i = inspect(scheme, "zone", zone_of("CSHY", zone), day);
    if (off > 0) deduct(i, "CS-03", {{"amounts", {off}}});
    return submit(i).body;
  };
  one("玉兰园", "2025-03-10", 1);  // previous period: 玉兰园 99, 梅花园 98
  one("梅花园", "2025-03-11", 2);
  one("玉兰园", "2025-04-05", 2);  // this period: 梅花园 98.5, 玉兰园 98 (mean of 98 and 98)
  one("玉兰园", "2025-04-06", 2);
  one("梅花园", "2025-04-07", 1.5);
  const auto q = "/api/v1/inspection-rankings?by=zone&from=2025-04-01&to=2025-04-30&schemeId=" + std::to_string(scheme);
  auto r = act("quality", "GET", q);
  ASSERT_EQ(r.status, 200u) << r.raw;
  EXPECT_EQ(r.body["by"], "zone");
  ASSERT_EQ(r.body["items"].size(), 2u) << r.raw;
  const auto& top = r.body["items"][0];
  EXPECT_EQ(top["zoneName"], "梅花园");
  EXPECT_EQ(top["projectName"], "城市花园服务中心");
  EXPECT_EQ(top["score"], 98.5);
  EXPECT_EQ(top["previousScore"], 98.0);
  EXPECT_EQ(top["change"], 0.5);
  EXPECT_EQ(top["rankChange"], 1);
  const auto& second = r.body["items"][1];
  EXPECT_EQ(second["zoneName"], "玉兰园");
  EXPECT_EQ(second["inspections"], 2);
  EXPECT_EQ(second["change"], -1.0);
  EXPECT_EQ(second["rankChange"], -1);
  // By project, the same inspections count for 城市花园 as a whole: (98 + 98 + 98.5) / 3 = 98.1666…
  // -> 98.17.
  auto p = act("quality", "GET", "/api/v1/inspection-rankings?from=2025-04-01&to=2025-04-30&schemeId=" + std::to_string(scheme));
  ASSERT_EQ(p.body["items"].size(), 1u) << p.raw;
  EXPECT_EQ(p.body["items"][0]["score"], 98.17);
  EXPECT_FALSE(p.body["items"][0].contains("zoneName"));
  auto bad = act("quality", "GET", "/api/v1/inspection-rankings?by=team&from=2025-04-01&to=2025-04-30");
  EXPECT_EQ(bad.status, 400u);
  EXPECT_TRUE(bad.body["details"].contains("by")) << bad.raw;
}

// The list builds its rows in a few queries for the page; each row is the detail's summary.
TEST_P(InspectionFiles, TheListRowsAreTheSummariesOfTheDetails) {
  at_time("2026-10-26T09:00:00");
  const auto scheme = scheme_of({{{"code", "CS-SUPERVISION"}, {"weight", 50}}, {{"code", "CLUBHOUSE"}, {"weight", 50}}});
  auto open = inspect(scheme, "project", pid("CHTD"), "2026-10-26");
  deduct(open, "CS-03", {{"amounts", {2, 1.5}}});
  deduct(open, "CLB-07", {{"failed", true}});
  auto closed = inspect(scheme, "project", pid("CHTD"), "2026-10-26");
  deduct(closed, "CS-07", {{"amounts", {2, 2, 2}}});
  submit(closed);
  const json list = act("quality", "GET", "/api/v1/inspections?projectId=" + std::to_string(pid("CHTD")) +
                                               "&from=2026-10-26&to=2026-10-26").body;
  ASSERT_EQ(list["items"].size(), 2u) << list;
  for (const auto& row : list["items"]) {
    json detail = act("quality", "GET", "/api/v1/inspections/" + row["id"].dump()).body;
    json rubrics = json::array();
    for (const auto& r : detail["rubrics"])
      rubrics.push_back({{"id", r["id"]}, {"code", r["code"]}, {"version", r["version"]},
                         {"weight", r["weight"]}, {"score", r["score"]}});
    detail["rubrics"] = rubrics;
    EXPECT_EQ(row, detail);
  }
  // 96.5 and 90.91 at 50% each: 93.705 -> 93.71; closed: 95 and 100 -> 97.5, with payments.
  EXPECT_EQ(list["items"][0]["score"].get<double>() + list["items"][1]["score"].get<double>(), 93.71 + 97.5);
}

INSTANTIATE_TEST_SUITE_P(Engines, InspectionFiles, ::testing::ValuesIn(engines_under_test()));

}  // namespace
}  // namespace steward::testing
