// The analyses as sheets (XLSX: one sheet per table; CSV: the tables one after the other, each
// with its title row), and their routes. The sheets are built from the same JSON as the page, so
// the file and the screen cannot disagree.
#include "exports/csv.hpp"
#include "exports/download.hpp"
#include "exports/xlsx.hpp"
#include "modules/kpi/analyses.hpp"

namespace steward::kpi {
namespace {

using nlohmann::json;
using exports::number;
using exports::text;

exports::Cell cell(const json& v) {
  if (v.is_null()) return exports::empty();
  if (v.is_number()) return number(v.get<double>());
  if (v.is_boolean()) return text(v.get<bool>() ? "是 yes" : "否 no");
  if (v.is_string()) return text(v.get<std::string>());
  return text(v.dump());
}

// A time of the report (ISO, in the project's offset): a real date-time in XLSX, local text in CSV.
exports::Cell time_cell(const json& v) { return v.is_string() ? exports::when(v.get<std::string>()) : exports::empty(); }

std::string joined(const json& list, const char* sep = ", ") {
  std::string out;
  for (const auto& v : list) {
    if (!out.empty()) out += sep;
    out += v.is_string() ? v.get<std::string>() : v.dump();
  }
  return out;
}

// A figure against its target as "num/den = value %".
exports::Row figure_row(const std::string& name, const json& f) {
  return {text(name), cell(f["numerator"]), cell(f["denominator"]), cell(f["value"]), cell(f["target"]),
          cell(f["colour"])};
}

const std::vector<std::string> kFigureColumns = {"指标 Figure", "分子 Numerator", "分母 Denominator",
                                                 "数值 Value", "目标 Target", "状态 Colour"};

std::string title_of(const json& r, const std::string& what) {
  return r["project"]["name"].get<std::string>() + " " + r["month"].get<std::string>() + " " + what;
}

std::string kind_name(const std::string& k) {
  static const std::map<std::string, std::string> names = {
      {"repair", "报修 Repairs"}, {"complaint", "投诉 Complaints"}, {"consultation", "咨询 Consultations"},
      {"suggestion", "建议 Suggestions"}, {"praise", "表扬 Praise"}};
  return names.count(k) ? names.at(k) : k;
}

std::string visit_state(const std::string& s) {
  static const std::map<std::string, std::string> names = {
      {"on_time", "按时回访 on time"}, {"late", "超时回访 late"}, {"overdue", "回访逾期 overdue"},
      {"pending", "待回访 pending"}};
  return names.count(s) ? names.at(s) : s;
}

http::Response send(const std::vector<exports::Table>& tables, exports::Format f, const std::string& name) {
  if (f == exports::Format::csv) {
    exports::CsvWriter w;
    for (const auto& t : tables) {
      w.row({text(t.title)});
      w.header(t.columns);
      for (const auto& r : t.rows) w.row(r);
      w.row({});
    }
    return exports::download_bytes(w.take(), f, name);
  }
  exports::XlsxWriter w;
  for (const auto& t : tables) {
    w.sheet(t.title.substr(0, t.title.find(' ')), t.title, t.columns);
    for (const auto& r : t.rows) w.row(r);
  }
  return exports::download_bytes(w.finish(), f, name);
}

}  // namespace

std::vector<exports::Table> AnalysisService::complaint_tables(const json& r) {
  std::vector<exports::Table> out;
  exports::Table sum{"概况 " + title_of(r, "投诉分析 Complaint analysis"), kFigureColumns, {}};
  sum.rows.push_back({text("户数 Households"), cell(r["households"])});
  sum.rows.push_back({text("投诉量 Complaints"), cell(r["volume"])});
  sum.rows.push_back({text("每百户投诉 Per 100 households"), cell(r["ratePer100"])});
  sum.rows.push_back({text("有效投诉 Valid"), cell(r["validity"]["valid"])});
  sum.rows.push_back({text("无效投诉 Not valid"), cell(r["validity"]["invalid"])});
  sum.rows.push_back({text("未判定 Undecided"), cell(r["validity"]["undecided"])});
  sum.rows.push_back({text("重复投诉客户 Repeat complainants"), number(r["repeatComplainants"].size())});
  sum.rows.push_back({text("超时投诉 Overdue complaints"), number(r["overdue"].size())});
  sum.rows.push_back({text("预警类别 Early warnings"), number(r["warnings"].size())});
  sum.rows.push_back(figure_row("投诉24小时内转交率 Handed over within 24 h", r["handover24h"]));
  sum.rows.push_back(figure_row("有效投诉处理率 Valid complaints handled", r["validHandled"]));
  out.push_back(std::move(sum));
  exports::Table cats{"类别 Categories", {"类别 Category", "件数 Count", "占比% Share", "前三月合计 3 months before",
                                          "前三月均值 3-month average", "预警 Warning"}, {}};
  for (const auto& c : r["categories"])
    cats.rows.push_back({cell(c["name"]), cell(c["count"]), cell(c["share"]), cell(c["previousTotal"]),
                         cell(c["average3m"]), cell(c["warning"])});
  out.push_back(std::move(cats));
  exports::Table causes{"原因 Root causes", {"原因 Root cause", "件数 Count", "工单 Orders"}, {}};
  for (const auto& c : r["rootCauses"])
    causes.rows.push_back({cell(c["rootCause"]), cell(c["count"]), text(joined(c["orders"]))});
  causes.rows.push_back({text("未填写 Not recorded"), cell(r["rootCauseUnrecorded"]), exports::empty()});
  out.push_back(std::move(causes));
  exports::Table rep{"重复投诉 Repeat complainants", {"客户 Customer", "电话 Phone", "房号 Unit", "次数 Count", "工单 Orders"}, {}};
  for (const auto& c : r["repeatComplainants"])
    rep.rows.push_back({cell(c["name"]), cell(c["phone"]), cell(c["unit"]), cell(c["count"]), text(joined(c["orders"]))});
  out.push_back(std::move(rep));
  exports::Table od{"超时 Overdue", {"工单号 Order", "类别 Category", "标题 Title", "状态 Status", "超时环节 Late clocks",
                                     "责任部门 Department", "根本原因 Root cause", "盘点原因 Inventory cause",
                                     "下一步 Next step"}, {}};
  for (const auto& o : r["overdue"]) {
    std::string clocks;
    for (const auto& k : o["lateClocks"])
      clocks += (clocks.empty() ? "" : ", ") + k["clock"].get<std::string>() + " " +
                std::to_string(k["lateBySeconds"].get<long long>() / 3600) + "h";
    od.rows.push_back({cell(o["code"]), cell(o["categoryName"]), cell(o["title"]), cell(o["status"]), text(clocks),
                       cell(o["responsibleDepartment"]), cell(o["rootCause"]), cell(o["checkRootCause"]),
                       cell(o["checkNextStep"])});
  }
  out.push_back(std::move(od));
  return out;
}

std::vector<exports::Table> AnalysisService::visit_tables(const json& r) {
  std::vector<exports::Table> out;
  exports::Table sum{"概况 " + title_of(r, "报修回访报告 Repair return visits"), kFigureColumns, {}};
  for (const auto& [key, name] : std::vector<std::pair<std::string, std::string>>{
           {"completed", "完成报修 Repairs completed"}, {"visited", "已回访 Visited"},
           {"visitedOnTime", "按时回访 On time"}, {"visitedLate", "超时回访 Late"},
           {"overdue", "回访逾期 Overdue"}, {"pending", "待回访 Pending"}, {"satisfied", "满意 Satisfied"},
           {"neutral", "一般 Neutral"}, {"dissatisfiedCount", "不满意 Dissatisfied"}})
    sum.rows.push_back({text(name), cell(r[key])});
  sum.rows.push_back(figure_row("回访率 Visit rate", r["visitRate"]));
  sum.rows.push_back(figure_row("按时回访率 On-time visit rate", r["onTimeRate"]));
  sum.rows.push_back(figure_row("满意度 Satisfaction", r["satisfaction"]));
  out.push_back(std::move(sum));
  const std::vector<std::string> cols = {"工单号 Order", "标题 Title", "维修人 Technician", "完成时间 Completed",
                                         "回访期限 Visit due", "回访时间 Visited", "回访 Visit", "满意度 Satisfaction",
                                         "回访意见 Comment", "返修 Rework"};
  auto rows_of = [&](const json& list, const std::string& title) {
    exports::Table t{title, cols, {}};
    for (const auto& i : list) {
      std::string rw;
      for (const auto& w : i["reworks"])
        rw += (rw.empty() ? "" : ", ") + w["code"].get<std::string>() + " " + w["status"].get<std::string>();
      t.rows.push_back({cell(i["code"]), cell(i["title"]), cell(i["technician"]), time_cell(i["completedAt"]),
                        time_cell(i["visitDueAt"]), time_cell(i["visitedAt"]), text(visit_state(i["visit"].get<std::string>())),
                        cell(i["satisfaction"]), cell(i["comment"]), text(rw)});
    }
    return t;
  };
  out.push_back(rows_of(r["dissatisfied"], "不满意 Dissatisfied"));
  out.push_back(rows_of(r["overdueVisits"], "逾期 Overdue visits"));
  out.push_back(rows_of(r["items"], "明细 All repairs"));
  return out;
}

std::vector<exports::Table> AnalysisService::quarter_tables(const json& r) {
  std::vector<std::string> cols = {"指标 Figure"};
  for (const auto& m : r["months"]) cols.push_back(m.get<std::string>());
  cols.push_back(r["quarter"].get<std::string>());
  cols.push_back("目标 Target");
  const std::string scope = r["scope"]["kind"] == "project" ? r["scope"]["project"]["name"].get<std::string>()
                                                            : std::string("全公司 Company");
  exports::Table t{"季度 " + scope + " " + r["quarter"].get<std::string>() + " 季度统计 Quarterly statistics", cols, {}};
  auto add = [&](const std::string& name, auto&& get, const json& target) {
    exports::Row row{text(name)};
    for (const auto& m : r["byMonth"]) row.push_back(cell(get(m)));
    row.push_back(cell(get(r["total"])));
    row.push_back(cell(target));
    t.rows.push_back(std::move(row));
  };
  add("工单 Orders", [](const json& m) { return m["orders"]; }, json());
  for (const auto& k : {"repair", "complaint", "consultation", "suggestion", "praise"})
    add(kind_name(k), [&](const json& m) { return m["byKind"][k]; }, json());
  add("有效登记投诉 Complaints (not cancelled)", [](const json& m) { return m["complaints"]; }, json());
  add("返修 Rework", [](const json& m) { return m["rework"]; }, json());
  for (const auto& d : r["targetDefs"]) {
    const std::string code = d["code"];
    const std::string name = d["name"].get<std::string>() + " " + d["nameEn"].get<std::string>();
    add(name, [&](const json& m) { return m["targets"][code]["value"]; }, d["target"]);
    add("  " + name + " 分子/分母 num/den", [&](const json& m) {
      return json(std::to_string(m["targets"][code]["numerator"].get<long long>()) + "/" +
                  std::to_string(m["targets"][code]["denominator"].get<long long>()));
    }, json());
  }
  return {t};
}

void register_analysis_routes(http::Router& router, db::Database& db, const core::Clock& clock,
                              const core::FieldCipher& cipher) {
  auto svc = std::make_shared<AnalysisService>(db, clock, cipher);
  router.get("/api/v1/analyses/complaints", [svc](http::Request& req) {
    return http::ok(svc->complaints(req.user(), req.query));
  });
  router.get("/api/v1/analyses/complaints/export", [svc](http::Request& req) {
    const auto format = exports::format_of(req.query);
    const auto r = svc->complaints(req.user(), req.query);
    return send(AnalysisService::complaint_tables(r), format,
                "投诉分析-" + r["project"]["code"].get<std::string>() + "-" + r["month"].get<std::string>());
  });
  router.get("/api/v1/analyses/return-visits", [svc](http::Request& req) {
    return http::ok(svc->return_visits(req.user(), req.query));
  });
  router.get("/api/v1/analyses/return-visits/export", [svc](http::Request& req) {
    const auto format = exports::format_of(req.query);
    const auto r = svc->return_visits(req.user(), req.query);
    return send(AnalysisService::visit_tables(r), format,
                "报修回访-" + r["project"]["code"].get<std::string>() + "-" + r["month"].get<std::string>());
  });
  router.get("/api/v1/analyses/quarterly", [svc](http::Request& req) {
    return http::ok(svc->quarterly(req.user(), req.query));
  });
  router.get("/api/v1/analyses/quarterly/export", [svc](http::Request& req) {
    const auto format = exports::format_of(req.query);
    const auto r = svc->quarterly(req.user(), req.query);
    const std::string who = r["scope"]["kind"] == "project" ? r["scope"]["project"]["code"].get<std::string>()
                                                           : std::string("company");
    return send(AnalysisService::quarter_tables(r), format,
                "季度统计-" + who + "-" + r["quarter"].get<std::string>());
  });
}

}  // namespace steward::kpi
