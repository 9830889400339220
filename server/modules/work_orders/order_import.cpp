#include "modules/work_orders/order_import.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "core/csv.hpp"
#include "core/text.hpp"
#include "core/time.hpp"
#include "db/query.hpp"
#include "modules/audit/audit.hpp"
#include "modules/kpi/rollups.hpp"
#include "modules/work_orders/project_time.hpp"
#include "modules/work_orders/step.hpp"
#include "modules/work_orders/work_order.hpp"
#include "modules/work_orders/work_order_repo.hpp"
#include "modules/work_orders/work_order_view.hpp"
#include "modules/work_orders/work_order_write.hpp"

namespace steward::work_orders {

const std::vector<ImportColumn>& import_columns() {
  static const std::vector<ImportColumn> columns{
      {"externalId", "原单号", true},       {"project", "项目编号", true},
      {"kind", "类型", true},               {"category", "类别", true},
      {"priority", "紧急程度", false},      {"channel", "来源渠道", false},
      {"building", "楼栋", false},          {"unit", "房号", false},
      {"location", "位置", false},          {"reporterName", "报事人", false},
      {"reporterPhone", "联系电话", false}, {"title", "标题", true},
      {"description", "描述", false},       {"status", "状态", true},
      {"reportedAt", "报事时间", true},     {"handledAt", "响应时间", false},
      {"completedAt", "完成时间", false},   {"visitedAt", "回访时间", false},
      {"closedAt", "关闭时间", false},      {"satisfaction", "满意度", false},
      {"validComplaint", "有效投诉", false}, {"result", "处理结果", false},
      {"rootCause", "原因分析", false}};
  return columns;
}

namespace {

using ll = long long;
constexpr std::int64_t kClockSkew = 120;

enum Col {
  kExternalId, kProject, kKind, kCategory, kPriority, kChannel, kBuilding, kUnit, kLocation,
  kReporterName, kReporterPhone, kTitle, kDescription, kStatus, kReportedAt, kHandledAt,
  kCompletedAt, kVisitedAt, kClosedAt, kSatisfaction, kValidComplaint, kResult, kRootCause,
  kColumnCount
};

// The Chinese labels of the web app (web/src/locales/zh-CN/workOrder.json), accepted beside codes.
const std::map<std::string, std::string>& labels() {
  static const std::map<std::string, std::string> m{
      {"报修", "repair"}, {"投诉", "complaint"}, {"咨询", "consultation"}, {"建议", "suggestion"},
      {"表扬", "praise"}, {"一般", "normal"}, {"紧急", "emergency"}, {"电话", "phone"},
      {"前台", "front_desk"}, {"对讲", "intercom"}, {"网络", "online"}, {"邮件", "email"},
      {"巡查", "patrol"}, {"已登记", "registered"}, {"已派单", "dispatched"},
      {"已接单", "accepted"}, {"处理中", "in_progress"}, {"已完成", "completed"},
      {"已回访", "visited"}, {"已关闭", "closed"}, {"已取消", "cancelled"},
      {"非常满意", "very_satisfied"}, {"满意", "satisfied"}, {"不满意", "dissatisfied"},
      {"非常不满意", "very_dissatisfied"}};
  return m;
}

using core::trim;

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

std::int64_t days_from_civil(ll y, ll m, ll d) {
  y -= m <= 2;
  const ll era = (y >= 0 ? y : y - 399) / 400;
  const ll yoe = y - era * 400;
  const ll doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const ll doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

// "2024-03-01 09:30", "2024/3/1 9:30:15", "2024-03-01T09:30:00+08:00", "...Z": a time with an
// offset, or the project's local time without one.
std::optional<std::int64_t> parse_time(const std::string& text, int offset) {
  std::size_t i = 0;
  auto number = [&](int max_digits) -> std::optional<ll> {
    ll v = 0;
    int n = 0;
    while (i < text.size() && n < max_digits && text[i] >= '0' && text[i] <= '9') v = v * 10 + (text[i++] - '0'), ++n;
    if (n == 0) return std::nullopt;
    return v;
  };
  auto expect = [&](std::string_view chars) {
    if (i < text.size() && chars.find(text[i]) != std::string_view::npos) return ++i, true;
    return false;
  };
  const auto y = number(4);
  if (!y || *y < 1970 || !expect("-/")) return std::nullopt;
  const auto mo = number(2);
  if (!mo || !expect("-/")) return std::nullopt;
  const auto d = number(2);
  if (!d || !expect(" T")) return std::nullopt;
  const auto h = number(2);
  if (!h || !expect(":")) return std::nullopt;
  const auto mi = number(2);
  if (!mi) return std::nullopt;
  ll sec = 0;
  if (expect(":")) {
    const auto s = number(2);
    if (!s) return std::nullopt;
    sec = *s;
    if (expect(".")) number(9);  // a fraction of a second is dropped
  }
  static const int kMonthDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (*y % 4 == 0 && *y % 100 != 0) || *y % 400 == 0;
  if (*mo < 1 || *mo > 12 || *d < 1 || *d > kMonthDays[*mo - 1] || (*mo == 2 && *d == 29 && !leap) ||
      *h > 23 || *mi > 59 || sec > 59)
    return std::nullopt;
  ll off = offset;
  if (i < text.size()) {
    if (text[i] == 'Z' && i + 1 == text.size()) {
      off = 0, ++i;
    } else if (text[i] == '+' || text[i] == '-') {
      const int sign = text[i++] == '-' ? -1 : 1;
      const auto oh = number(2);
      if (!oh || !expect(":")) return std::nullopt;
      const auto om = number(2);
      if (!om || *oh > 14 || *om > 59) return std::nullopt;
      off = sign * (*oh * 3600 + *om * 60);
    }
    if (i != text.size()) return std::nullopt;
  }
  return days_from_civil(*y, *mo, *d) * 86400 + *h * 3600 + *mi * 60 + sec - off;
}

struct ProjectInfo {
  std::int64_t id = 0;
  std::string code;
  calendar::WorkingHours hours;
};
struct UnitInfo {
  std::int64_t id = 0, building_id = 0;
  std::optional<long long> zone_id;
};
struct CustomerInfo {
  std::int64_t id = 0, unit_id = 0;
  std::string name, phone_index;
};

// What the file's rows are checked against, read once before the file.
struct Reference {
  std::unordered_map<std::string, ProjectInfo> projects;                     // by code
  std::unordered_map<std::string, std::string> categories;                   // code or name -> code
  std::unordered_map<std::int64_t, std::unordered_map<std::string, UnitInfo>> units;  // "building\x1funit"
  std::unordered_map<std::int64_t, std::vector<CustomerInfo>> customers;     // by unit
  std::unordered_set<std::int64_t> with_imports;  // projects with imported orders already
  std::vector<SlaRule> rules;
};

Reference load_reference(db::Session& s) {
  Reference r;
  for (const auto& p : db::Query(s, "SELECT id, code, time_zone, work_start_min, work_end_min FROM project").all())
    r.projects.emplace(p.str("code"), ProjectInfo{p.i64("id"), p.str("code"), hours_of(p)});
  for (const auto& c : db::Query(s, "SELECT code, name FROM wo_category WHERE active = 1").all()) {
    r.categories.emplace(c.str("code"), c.str("code"));
    r.categories.emplace(c.str("name"), c.str("code"));
  }
  for (const auto& u : db::Query(s, "SELECT u.id, u.project_id, u.building_id, b.zone_id, b.name AS building, "
                                    "u.name FROM unit u JOIN building b ON b.id = u.building_id").all())
    r.units[u.i64("project_id")].emplace(u.str("building") + '\x1f' + u.str("name"),
                                         UnitInfo{u.i64("id"), u.i64("building_id"), u.opt_i64("zone_id")});
  for (const auto& c : db::Query(s, "SELECT id, unit_id, name, phone_index FROM customer WHERE unit_id IS NOT NULL").all())
    r.customers[c.i64("unit_id")].push_back({c.i64("id"), c.i64("unit_id"), c.str("name"), c.str("phone_index")});
  // Only rows of these projects can have been imported before (read from the partial index of
  // external ids, not from the orders).
  for (const auto& p : db::Query(s, "SELECT p.id FROM project p WHERE EXISTS (SELECT 1 FROM work_order w "
                                    "WHERE w.project_id = p.id AND w.external_ref IS NOT NULL)").all())
    r.with_imports.insert(p.i64("id"));
  r.rules = repo::rules(s);
  return r;
}

// One row, checked.
struct Row {
  long line = 0;
  std::string external_id;
  const ProjectInfo* project = nullptr;
  std::string kind, category, priority, channel, location, reporter_name, reporter_phone, title,
      description, status, satisfaction, result, root_cause;
  std::string phone_index;  // the reporter's phone's blind index ("" without a phone)
  const UnitInfo* unit = nullptr;
  std::optional<std::int64_t> customer_id;
  std::int64_t reported = 0;
  std::optional<std::int64_t> handled, completed, visited, closed;
  std::optional<bool> valid;
};

bool answered_kind(const std::string& kind) { return kind != "repair" && kind != "complaint"; }

class Checker {
 public:
  Checker(const Reference& ref, const core::FieldCipher& cipher, const ImportOptions& options,
          std::int64_t now)
      : ref_(ref), cipher_(cipher), options_(options), now_(now) {}

  // Maps the header's names to columns; false (with problems) when the header is not usable.
  bool header(const std::vector<std::string>& names, std::vector<ImportProblem>& problems) {
    index_.assign(kColumnCount, -1);
    const auto& cols = import_columns();
    for (std::size_t i = 0; i < names.size(); ++i) {
      const std::string name = trim(names[i]);
      if (name.empty()) continue;
      int found = -1;
      for (std::size_t c = 0; c < cols.size(); ++c)
        if (iequals(name, cols[c].key) || name == cols[c].header) found = static_cast<int>(c);
      if (found < 0) {
        problems.push_back({1, name, "is not a column of the import (see docs/import.md)"});
      } else if (index_[found] >= 0) {
        problems.push_back({1, cols[found].key, "appears twice in the header"});
      } else {
        index_[found] = static_cast<int>(i);
      }
    }
    for (std::size_t c = 0; c < cols.size(); ++c)
      if (cols[c].required && index_[c] < 0)
        problems.push_back({1, cols[c].key, std::string("column is missing (") + cols[c].header + ")"});
    return problems.empty();
  }

  // The row checked, or nullopt with its problems added.
  std::optional<Row> check(const std::vector<std::string>& fields, long line,
                           std::vector<ImportProblem>& problems) {
    std::size_t before = problems.size();
    auto fail = [&](Col c, const std::string& message) {
      problems.push_back({line, import_columns()[c].key, message});
    };
    auto get = [&](Col c) -> std::string {
      const int i = index_[c];
      return i >= 0 && static_cast<std::size_t>(i) < fields.size() ? trim(fields[i]) : std::string();
    };
    auto text = [&](Col c, std::size_t max) {
      std::string v = get(c);
      if (import_columns()[c].required && v.empty()) fail(c, "is required");
      else if (!core::valid_utf8(v)) fail(c, "is not valid UTF-8 text (save the file as CSV UTF-8)");
      else if (core::utf8_length(v) > max) fail(c, "must be at most " + std::to_string(max) + " characters");
      return v;
    };
    auto choice = [&](Col c, const std::vector<std::string>& allowed, const std::string& fallback) {
      std::string v = get(c);
      if (v.empty()) {
        if (import_columns()[c].required) fail(c, "is required");
        return fallback;
      }
      if (auto l = labels().find(v); l != labels().end()) v = l->second;
      if (std::find(allowed.begin(), allowed.end(), v) == allowed.end()) {
        std::string list;
        for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
        fail(c, "must be one of " + list);
        return fallback;
      }
      return v;
    };
    Row r;
    r.line = line;
    r.external_id = text(kExternalId, 64);
    const std::string project = get(kProject);
    if (project.empty()) {
      fail(kProject, "is required");
    } else if (options_.project && project != *options_.project) {
      fail(kProject, "is not " + *options_.project + ", the project this import is for");
    } else if (auto p = ref_.projects.find(project); p == ref_.projects.end()) {
      fail(kProject, "is not the code of a project");
    } else {
      r.project = &p->second;
    }
    r.kind = choice(kKind, kinds(), "");
    const std::string category = get(kCategory);
    if (category.empty()) fail(kCategory, "is required");
    else if (auto c = ref_.categories.find(category); c == ref_.categories.end())
      fail(kCategory, "is not a category of the dictionary");
    else
      r.category = c->second;
    r.priority = choice(kPriority, priorities(), "normal");
    r.channel = choice(kChannel, channels(), "phone");
    r.location = text(kLocation, 100);
    r.reporter_name = text(kReporterName, 50);
    const std::string phone = text(kReporterPhone, 20);
    r.reporter_phone = core::digits_only(phone);
    if (!phone.empty() && (r.reporter_phone.size() < 7 || r.reporter_phone.size() > 13))
      fail(kReporterPhone, "must be a phone number of 7 to 13 digits");
    else if (!r.reporter_phone.empty())
      r.phone_index = cipher_.blind_index(r.reporter_phone);
    r.title = text(kTitle, 100);
    r.description = text(kDescription, 2000);
    r.result = text(kResult, 500);
    r.root_cause = text(kRootCause, 500);
    static const std::vector<std::string> importable{"registered", "dispatched", "accepted",
                                                     "in_progress", "completed", "visited",
                                                     "closed", "cancelled"};
    r.status = choice(kStatus, importable, "");
    const std::string building = get(kBuilding), unit = get(kUnit);
    if (r.project && (!building.empty() || !unit.empty())) {
      if (building.empty()) fail(kBuilding, "is required with a unit");
      else if (unit.empty()) fail(kUnit, "is required with a building");
      else {
        const auto units = ref_.units.find(r.project->id);
        const auto u = units == ref_.units.end() ? nullptr : [&]() -> const UnitInfo* {
          auto it = units->second.find(building + '\x1f' + unit);
          return it == units->second.end() ? nullptr : &it->second;
        }();
        if (!u) fail(kUnit, "is not a unit of building " + building + " in project " + r.project->code);
        r.unit = u;
      }
    } else if (building.empty() && unit.empty() && r.location.empty()) {
      fail(kLocation, "is required when no building and unit are given (a common area)");
    }
    if (r.unit) link_customer(r);

    const int offset = r.project ? r.project->hours.offset_seconds : 8 * 3600;
    auto time = [&](Col c) -> std::optional<std::int64_t> {
      const std::string v = get(c);
      if (v.empty()) {
        if (import_columns()[c].required) fail(c, "is required");
        return std::nullopt;
      }
      const auto t = parse_time(v, offset);
      if (!t) fail(c, "must be a time such as 2024-03-01 09:30 (the project's local time) or 2024-03-01T09:30:00+08:00");
      else if (*t > now_ + kClockSkew) fail(c, "must not be in the future");
      return t;
    };
    r.reported = time(kReportedAt).value_or(0);
    r.handled = time(kHandledAt);
    r.completed = time(kCompletedAt);
    r.visited = time(kVisitedAt);
    r.closed = time(kClosedAt);
    r.satisfaction = choice(kSatisfaction, satisfaction_levels(), "");
    const std::string valid = get(kValidComplaint);
    if (!valid.empty()) {
      if (valid == "是" || valid == "1" || iequals(valid, "true") || iequals(valid, "yes")) r.valid = true;
      else if (valid == "否" || valid == "0" || iequals(valid, "false") || iequals(valid, "no")) r.valid = false;
      else fail(kValidComplaint, "must be 是 or 否 (yes or no)");
    }
    if (problems.size() == before) check_story(r, fail);
    if (problems.size() == before && r.project) {
      const std::string key = std::to_string(r.project->id) + '\x1f' + r.external_id;
      if (!seen_.insert(key).second) fail(kExternalId, "appears twice in the file for project " + r.project->code);
    }
    if (problems.size() != before) return std::nullopt;
    return r;
  }

  // Before the second pass over the same rows.
  void restart() { seen_.clear(); }

 private:
  // The order's linked owner: the customer of the unit with the reporter's phone; the reporter's
  // name and phone default to the unit's only customer when the row has none.
  void link_customer(Row& r) const {
    const auto it = ref_.customers.find(r.unit->id);
    if (it == ref_.customers.end()) return;
    if (!r.phone_index.empty()) {
      for (const auto& c : it->second)
        if (c.phone_index == r.phone_index) {
          r.customer_id = c.id;
          if (r.reporter_name.empty()) r.reporter_name = c.name;
        }
    }
  }

  // The times and the status must tell one story.
  template <class Fail>
  void check_story(const Row& r, Fail& fail) const {
    const std::string& st = r.status;
    const bool answered = answered_kind(r.kind);
    if (answered && (st == "dispatched" || st == "accepted" || st == "in_progress" || st == "visited"))
      return fail(kStatus, "a " + r.kind + " is answered, not dispatched or visited: use registered, completed, closed or cancelled");
    if (r.kind == "complaint" && st == "in_progress")
      return fail(kStatus, "a complaint has no on-site step: use accepted");
    const bool done = st == "completed" || st == "visited" || st == "closed";
    if (done && !r.completed) return fail(kCompletedAt, "is required for status " + st);
    if (!done && r.completed) return fail(kCompletedAt, "must be empty for status " + st);
    if (st == "visited" && !r.visited) return fail(kVisitedAt, "is required for status visited");
    if (r.visited && st != "visited" && st != "closed") return fail(kVisitedAt, "must be empty for status " + st);
    if (r.visited && answered) return fail(kVisitedAt, "must be empty for a " + r.kind);
    if (r.visited && r.satisfaction.empty()) return fail(kSatisfaction, "is required with a return visit");
    if (!r.visited && !r.satisfaction.empty()) return fail(kSatisfaction, "must be empty without a return visit");
    if ((st == "closed" || st == "cancelled") && !r.closed) return fail(kClosedAt, "is required for status " + st);
    if (r.closed && st != "closed" && st != "cancelled") return fail(kClosedAt, "must be empty for status " + st);
    if (r.valid && !(r.kind == "complaint" && st == "closed"))
      return fail(kValidComplaint, "is only for a closed complaint");
    if (st == "registered" && r.handled) return fail(kHandledAt, "must be empty for status registered");
    if ((st == "dispatched" || st == "accepted" || st == "in_progress") && !r.handled)
      return fail(kHandledAt, "is required for status " + st);
    // Each step at or after the one before.
    std::int64_t last = r.reported;
    for (auto [col, t] : {std::pair{kHandledAt, r.handled}, std::pair{kCompletedAt, r.completed},
                          std::pair{kVisitedAt, r.visited}, std::pair{kClosedAt, r.closed}}) {
      if (!t) continue;
      if (*t < last) return fail(col, "must not be before the steps before it (reportedAt, handledAt, completedAt, visitedAt)");
      last = *t;
    }
  }

  const Reference& ref_;
  const core::FieldCipher& cipher_;
  const ImportOptions& options_;
  std::int64_t now_;
  std::vector<int> index_;
  std::unordered_set<std::string> seen_;
};

// One batch's writes that are summed before they go to the database.
struct BatchSums {
  std::map<std::int64_t, kpi::Contributions> rollups;  // by project
  // (project, day, kind, category, metric) -> value
  std::map<std::tuple<std::int64_t, std::string, std::string, std::string, std::string>, std::int64_t> counts;
  std::map<std::pair<std::int64_t, std::string>, std::int64_t> codes;  // (project, day) -> last
};

class BatchWriter {
 public:
  BatchWriter(const Reference& ref, const core::FieldCipher& cipher, const calendar::WorkingCalendar& cal,
          const ImportOptions& options, std::int64_t now)
      : ref_(ref), cipher_(cipher), cal_(cal), options_(options), now_(now),
        ctx_{actor_, "import:" + options.source} {}

  void load_codes(db::Session& s) {
    for (const auto& r : db::Query(s, "SELECT project_id, day, last FROM wo_code_seq").all())
      codes_[{r.i64("project_id"), r.str("day")}] = r.i64("last");
  }

  // Whether the row's order was imported before (by an earlier run of the same or another file).
  bool imported_before(db::Session& s, const Row& r) const {
    if (!ref_.with_imports.count(r.project->id)) return false;
    return db::Query(s, "SELECT id FROM work_order WHERE project_id = :p AND external_ref = :e")
        .bind("p", (ll)r.project->id)
        .bind("e", r.external_id)
        .one()
        .has_value();
  }

  void write(db::Session& s, const Row& r, BatchSums& sums) {
    const ProjectInfo& p = *r.project;
    const int offset = p.hours.offset_seconds;
    const std::string day = local_day(r.reported, offset);
    ll& seq = codes_[{p.id, day}];
    ++seq;
    sums.codes[{p.id, day}] = seq;
    std::string compact;
    for (char c : day)
      if (c != '-') compact.push_back(c);
    char number[16];
    std::snprintf(number, sizeof number, "%04lld", seq);
    const std::string code = p.code + "-" + compact + "-" + number;

    // The clocks, as the server runs them: started at registration by the SLA rules, met by the
    // first handling step and by completion, the return visit started at completion.
    const ProjectTime time(cal_, p.hours);
    const ClockMath math(time);
    const OrderFacts facts{r.kind, r.category, r.priority, r.channel};
    const auto rules = applicable_rules(ref_.rules, facts);
    std::vector<Clock> clocks;
    for (const auto& rule : rules)
      if (starts_at_registration(rule.clock)) clocks.push_back(math.start(rule, r.reported));
    const std::string first = r.kind == "repair" ? "dispatch" : r.kind == "complaint" ? "handover" : "answer";
    const std::string finish = answered_kind(r.kind) ? "answer" : "complete";
    auto meet = [&](Clock& c, std::int64_t at) {
      c.done_at = at;
      const bool late = math.state(c, at) == ClockState::breached;
      sums.counts[{p.id, local_day(at, offset), r.kind, r.category,
                   "clock." + c.name + (late ? ".breached" : ".met")}] += 1;
    };
    if (r.handled)
      for (const auto& name : clocks_met_by(first))
        for (auto& c : clocks)
          if (c.name == name && !c.done_at) meet(c, *r.handled);
    if (r.completed) {
      for (auto& c : clocks)
        if (!c.done_at) meet(c, *r.completed);
      for (const auto& rule : rules)
        if (!starts_at_registration(rule.clock)) {
          clocks.push_back(math.start(rule, *r.completed));
          if (r.visited) meet(clocks.back(), *r.visited);
        }
    }
    if (r.status == "cancelled" || r.status == "closed")
      for (auto& c : clocks)
        if (!c.done_at) c.stopped = true;
    std::optional<long long> next_due;
    for (const auto& c : clocks)
      if (!c.done_at && !c.stopped && (!next_due || c.due_at < *next_due)) next_due = c.due_at;

    const std::int64_t updated = std::max({r.reported, r.handled.value_or(0), r.completed.value_or(0),
                                           r.visited.value_or(0), r.closed.value_or(0)});
    auto opt = [](const std::optional<std::int64_t>& v) {
      return v ? std::optional<long long>(*v) : std::nullopt;
    };
    const bool cancelled = r.status == "cancelled";
    const auto id =
        db::Query(s,
                  "INSERT INTO work_order (project_id, code, kind, category, priority, channel, status, "
                  "unit_id, building_id, zone_id, location, customer_id, reporter_name, "
                  "reporter_phone_enc, reporter_phone_index, title, description, department, "
                  "responsible_department, responsible_person, root_cause, valid_complaint, result, "
                  "satisfaction, reported_at, created_by, created_at, updated_at, completed_at, "
                  "closed_at, visited_at, next_due_at, external_ref) VALUES (:p, :code, :kind, :cat, :prio, :chan, "
                  ":status, :unit, :building, :zone, :loc, :cust, :rname, :rphone, :rindex, :title, "
                  ":descr, '', '', '', :cause, :valid, :result, :sat, :reported, NULL, :created, "
                  ":updated, :completed, :closed, :visited, :due, :ext) RETURNING id")
            .bind("p", (ll)p.id)
            .bind("code", code)
            .bind("kind", r.kind)
            .bind("cat", r.category)
            .bind("prio", r.priority)
            .bind("chan", r.channel)
            .bind("status", r.status)
            .bind("unit", r.unit ? std::optional<ll>(r.unit->id) : std::nullopt)
            .bind("building", r.unit ? std::optional<ll>(r.unit->building_id) : std::nullopt)
            .bind("zone", r.unit ? r.unit->zone_id : std::nullopt)
            .bind("loc", r.location)
            .bind("cust", opt(r.customer_id))
            .bind("rname", r.reporter_name)
            .bind("rphone", cipher_.encrypt(r.reporter_phone))
            .bind("rindex", r.phone_index)
            .bind("title", r.title)
            .bind("descr", r.description)
            .bind("cause", r.root_cause)
            .bind("valid", r.valid ? std::optional<ll>(*r.valid ? 1 : 0) : std::nullopt)
            .bind("result", r.result)
            .bind("sat", r.satisfaction.empty() ? std::nullopt : std::optional<std::string>(r.satisfaction))
            .bind("reported", (ll)r.reported)
            .bind("created", (ll)r.reported)
            .bind("updated", (ll)updated)
            .bind("completed", opt(r.completed))
            .bind("closed", opt(cancelled ? std::nullopt : r.closed))
            .bind("visited", opt(r.visited))
            .bind("due", next_due)
            .bind("ext", r.external_id)
            .scalar();
    // Reminders and breach notices of deadlines already past count as sent: the history must not
    // page anyone.
    for (const auto& c : clocks) {
      const auto remind = math.remind_at(c);
      repo::insert_clock(s, p.id, id, c, remind, remind <= now_, c.due_at <= now_);
    }
    nlohmann::json data{{"externalId", r.external_id}, {"source", options_.source}};
    repo::add_event(s, {p.id, id, now_, std::nullopt, "数据导入", "import", "", r.status,
                        "从旧系统导入, 原单号 " + r.external_id, data.dump()});
    auto iso = [&](const std::optional<std::int64_t>& t) -> nlohmann::json {
      return t ? nlohmann::json(core::format_iso8601(*t, offset)) : nlohmann::json();
    };
    nlohmann::json after{{"id", id}, {"code", code}, {"projectId", p.id}, {"kind", r.kind},
                         {"category", r.category}, {"priority", r.priority}, {"channel", r.channel},
                         {"status", r.status}, {"title", r.title}, {"reporterName", r.reporter_name},
                         {"reporterPhone", core::mask_phone(r.reporter_phone)},
                         {"unitId", r.unit ? nlohmann::json(r.unit->id) : nlohmann::json()},
                         {"location", r.location},
                         {"customerId", r.customer_id ? nlohmann::json(*r.customer_id) : nlohmann::json()},
                         {"reportedAt", iso(r.reported)}, {"completedAt", iso(r.completed)},
                         {"visitedAt", iso(r.visited)}, {"closedAt", iso(r.closed)},
                         {"satisfaction", r.satisfaction.empty() ? nlohmann::json() : nlohmann::json(r.satisfaction)},
                         {"externalId", r.external_id}};
    audit::record(s, ctx_, now_, {p.id, "work_order", id, "import", nullptr, after});

    // The counters the statistics read, as the steps would have counted them.
    auto count = [&](std::int64_t at, const char* metric) {
      sums.counts[{p.id, local_day(at, offset), r.kind, r.category, metric}] += 1;
    };
    count(r.reported, "registered");
    if (r.completed) count(*r.completed, "completed");
    if (cancelled) count(*r.closed, "cancelled");
    if (r.status == "closed") {
      count(*r.closed, "closed");
      if (r.valid && *r.valid) count(*r.closed, "valid_complaint");
    }
    if (r.visited) {
      count(*r.visited, "visited");
      count(*r.visited, is_satisfied(r.satisfaction) ? "satisfied" : "not_satisfied");
    }
    // The dashboards' roll-ups, from the same facts a rebuild reads.
    kpi::OrderFacts f;
    f.kind = r.kind;
    f.category = r.category;
    f.status = r.status;
    f.satisfaction = r.satisfaction;
    f.reported_at = r.reported;
    f.completed_at = r.completed;
    f.visited_at = r.visited;
    f.customer_id = r.customer_id;
    f.valid = r.valid;
    f.offset = offset;
    for (const auto& c : clocks) f.clocks.push_back({c.name, c.start_at, c.due_at, c.done_at, c.stopped});
    kpi::accumulate(sums.rollups[p.id], kpi::contributions(f));
  }

  void flush(db::Session& s, const BatchSums& sums) const {
    for (const auto& [project, c] : sums.rollups) kpi::rollups::add(s, project, c);
    for (const auto& [key, v] : sums.counts) {
      const auto& [project, day, kind, category, metric] = key;
      repo::count(s, project, day, kind, category, metric, v);
    }
    for (const auto& [key, last] : sums.codes)
      db::Query(s,
                "INSERT INTO wo_code_seq (project_id, day, last) VALUES (:p, :d, :l) ON CONFLICT "
                "(project_id, day) DO UPDATE SET last = excluded.last")
          .bind("p", (ll)key.first).bind("d", key.second).bind("l", (ll)last).exec();
  }

 private:
  const Reference& ref_;
  const core::FieldCipher& cipher_;
  const calendar::WorkingCalendar& cal_;
  const ImportOptions& options_;
  std::int64_t now_;
  core::Actor actor_;  // nobody: the import runs from the command line
  core::Context ctx_;
  std::map<std::pair<std::int64_t, std::string>, ll> codes_;
};

void add_problem(ImportReport& report, const ImportOptions& options, ImportProblem p) {
  ++report.problem_count;
  if (report.problems.size() < options.max_problems) report.problems.push_back(std::move(p));
}

bool blank(const std::vector<std::string>& fields) {
  return std::all_of(fields.begin(), fields.end(), [](const std::string& f) { return trim(f).empty(); });
}

}  // namespace

ImportReport import_orders(db::Database& db, const core::FieldCipher& cipher,
                           const calendar::WorkingCalendar& calendar, std::istream& csv,
                           const ImportOptions& options, std::int64_t now) {
  ImportReport report;
  const Reference ref = db.read([](db::Session& s) { return load_reference(s); });
  if (options.project && !ref.projects.count(*options.project)) {
    add_problem(report, options, {0, "project", *options.project + " is not the code of a project"});
    return report;
  }
  // Pass 1: every row checked; nothing is written when any is wrong.
  Checker checker(ref, cipher, options, now);
  std::vector<std::string> fields;
  std::vector<ImportProblem> problems;
  try {
    core::CsvReader reader(csv);
    if (!reader.next(fields)) {
      add_problem(report, options, {1, "", "the file is empty: the first line must name the columns"});
      return report;
    }
    if (!checker.header(fields, problems)) {
      for (auto& p : problems) add_problem(report, options, std::move(p));
      return report;
    }
    while (reader.next(fields)) {
      if (blank(fields)) continue;
      ++report.rows;
      problems.clear();
      if (!checker.check(fields, reader.line(), problems))
        for (auto& p : problems) add_problem(report, options, std::move(p));
    }
  } catch (const core::CsvError& e) {
    add_problem(report, options, {e.line(), "", e.what()});
  }
  if (report.problem_count > 0 || report.rows == 0) {
    if (report.rows == 0 && report.problem_count == 0)
      add_problem(report, options, {2, "", "the file has a header but no orders"});
    return report;
  }

  // Pass 2: the same rows again, written in batches.
  csv.clear();
  csv.seekg(0);
  core::CsvReader reader(csv);
  reader.next(fields);  // the header, checked above
  checker.restart();
  BatchWriter writer(ref, cipher, calendar, options, now);
  db.read([&](db::Session& s) { writer.load_codes(s); });
  if (db.engine() == db::Engine::sqlite)  // a batch's pages stay in memory until its commit
    db.write([](db::Session& s) { db::Query(s, "PRAGMA cache_size = -262144").exec(); });
  if (options.progress) options.progress(0);  // the writing starts
  std::vector<Row> batch;
  auto write_batch = [&] {
    if (batch.empty()) return;
    // A project's orders together: their index entries (all led by the project) go to
    // neighbouring pages instead of 500 places at once. Stable: each project's rows keep the
    // file's order, and so their ids and codes.
    std::stable_sort(batch.begin(), batch.end(),
                     [](const Row& a, const Row& b) { return a.project->id < b.project->id; });
    const auto skipped = db.write([&](db::Session& s) {
      BatchSums sums;
      std::int64_t n = 0;
      for (const auto& r : batch) {
        if (writer.imported_before(s, r)) ++n;
        else writer.write(s, r, sums);
      }
      writer.flush(s, sums);
      return n;
    });
    report.skipped += skipped;
    report.imported += static_cast<std::int64_t>(batch.size()) - skipped;
    batch.clear();
    if (options.progress) options.progress(report.imported);
  };
  while (reader.next(fields)) {
    if (blank(fields)) continue;
    problems.clear();
    auto row = checker.check(fields, reader.line(), problems);
    if (!row) throw std::runtime_error("the file changed while it was imported (line " + std::to_string(reader.line()) + ")");
    batch.push_back(std::move(*row));
    if (static_cast<std::int64_t>(batch.size()) >= options.batch) write_batch();
  }
  write_batch();
  return report;
}

}  // namespace steward::work_orders
