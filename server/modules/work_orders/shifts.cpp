// Technicians (W8): the end-of-shift summary, in which every unfinished order a technician holds
// gets a reason and a plan so that no request is lost overnight; who has not handed one in; and
// the workload per technician per day, read from counters kept with each step.
#include "core/error.hpp"
#include "core/time.hpp"
#include "db/query.hpp"
#include "json/input.hpp"
#include "modules/audit/audit.hpp"
#include "modules/calendar/working_calendar.hpp"
#include "modules/work_orders/dates.hpp"
#include "modules/work_orders/work_order_service.hpp"
#include "modules/work_orders/work_order_view.hpp"
#include "modules/work_orders/work_order_write.hpp"

namespace steward::work_orders {
namespace {

using ll = long long;
constexpr const char* kUnfinished = "('dispatched', 'accepted', 'in_progress', 'waiting')";
constexpr int kMaxWorkloadDays = 92;

// The project, visible to the caller, with its time zone offset.
int project_offset(db::Session& s, const core::Actor& actor, std::int64_t project) {
  if (!actor.sees_project(project)) core::throw_not_found("project");
  auto p = db::Query(s, "SELECT time_zone FROM project WHERE id = :p").bind("p", (ll)project).one();
  if (!p) core::throw_not_found("project");
  return offset_of(*p);
}

std::int64_t project_param(const core::Params& q) {
  auto p = q.id("projectId");
  if (!p) core::throw_invalid("query parameter projectId is required", {{"projectId", "is required"}});
  return *p;
}

// The caller's own staff record; only staff keep shift summaries.
std::int64_t own_staff(db::Session& s, const core::Actor& actor) {
  auto me = db::Query(s, "SELECT staff_id FROM app_user WHERE id = :id").bind("id", (ll)actor.user_id).one();
  if (!me || !me->opt_i64("staff_id"))
    throw core::AppError(core::ErrorKind::forbidden, "shift_summary.not_staff",
                         "only a member of staff hands in a shift summary");
  return *me->opt_i64("staff_id");
}

std::vector<db::Row> unfinished(db::Session& s, std::int64_t project, std::int64_t staff) {
  return db::Query(s, std::string("SELECT id, code, title, status, next_due_at FROM work_order "
                                  "WHERE assignee_staff_id = :st AND project_id = :p AND status IN ") +
                          kUnfinished + " ORDER BY next_due_at, id")
      .bind("st", (ll)staff).bind("p", (ll)project).all();
}

nlohmann::json summary_json(db::Session& s, const db::Row& r, int offset) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& i : db::Query(s, "SELECT i.*, o.code, o.title FROM shift_summary_item i "
                                    "JOIN work_order o ON o.id = i.order_id "
                                    "WHERE i.summary_id = :id ORDER BY i.id")
                           .bind("id", r.i64("id")).all())
    items.push_back({{"orderId", i.i64("order_id")}, {"code", i.str("code")},
                     {"title", i.str("title")}, {"status", i.str("status")},
                     {"reason", i.str("reason")}, {"plan", i.str("plan")}});
  return {{"id", r.i64("id")},
          {"projectId", r.i64("project_id")},
          {"staffId", r.i64("staff_id")},
          {"staffName", r.str("staff_name")},
          {"day", r.str("day")},
          {"submittedAt", core::format_iso8601(r.i64("submitted_at"), offset)},
          {"note", r.str("note")},
          {"items", items}};
}

const char* kSummarySelect =
    "SELECT ss.*, st.name AS staff_name FROM shift_summary ss JOIN staff st ON st.id = ss.staff_id ";

struct ShiftInput {
  std::int64_t project = 0;
  std::optional<std::string> day;
  std::string note;
  struct Item {
    std::int64_t order_id = 0;
    std::string reason, plan;
  };
  std::vector<Item> items;
};

ShiftInput read_shift(const nlohmann::json& body) {
  json::Input in(body, json::Input::Mode::create);
  ShiftInput out;
  out.project = in.id("projectId").value_or(0);
  out.day = in.text("day", {.required = false, .max = 10});
  if (out.day && !calendar::parse_date(*out.day)) in.fail("day", "must be a date YYYY-MM-DD");
  out.note = in.text("note", {.required = false, .min = 0, .max = 500}).value_or("");
  in.objects("items", 200, [&](json::Input& item, std::size_t) {
    out.items.push_back({item.id("orderId").value_or(0), item.text("reason", {.max = 200}).value_or(""),
                         item.text("plan", {.max = 200}).value_or("")});
  }, true);
  in.finish();
  return out;
}

// Every unfinished order listed once, and nothing else.
void check_covered(const ShiftInput& in, const std::vector<db::Row>& open) {
  core::ErrorDetails errors;
  std::set<std::int64_t> listed;
  for (std::size_t i = 0; i < in.items.size(); ++i) {
    const auto id = in.items[i].order_id;
    const bool mine = std::any_of(open.begin(), open.end(), [&](const db::Row& o) { return o.i64("id") == id; });
    const std::string key = "items[" + std::to_string(i) + "].orderId";
    if (!mine) errors.emplace(key, "is not one of your unfinished orders");
    else if (!listed.insert(id).second) errors.emplace(key, "is listed twice");
  }
  std::string missing;
  for (const auto& o : open)
    if (!listed.count(o.i64("id"))) missing += (missing.empty() ? "" : ", ") + o.str("code");
  if (!missing.empty()) errors.emplace("items", "unfinished orders missing: " + missing);
  if (!errors.empty()) core::throw_invalid("invalid request: the summary must cover every unfinished order", errors);
}

}  // namespace

nlohmann::json WorkOrderService::shift_draft(const core::Actor& actor, const core::Params& q) const {
  core::require(actor, "work_order.work");
  const auto project = project_param(q);
  const auto now = clock_.now();
  return db_.read([&](db::Session& s) {
    const int offset = project_offset(s, actor, project);
    nlohmann::json items = nlohmann::json::array();
    for (const auto& o : unfinished(s, project, own_staff(s, actor)))
      items.push_back({{"orderId", o.i64("id")}, {"code", o.str("code")}, {"title", o.str("title")},
                       {"status", o.str("status")},
                       {"nextDueAt", time_or_null(o.opt_i64("next_due_at"), offset)},
                       {"reason", ""}, {"plan", ""}});
    return nlohmann::json{{"projectId", project}, {"day", local_day(now, offset)}, {"items", items}};
  });
}

nlohmann::json WorkOrderService::submit_shift(const core::Context& ctx, const nlohmann::json& body) const {
  core::require(ctx.actor, "work_order.work");
  const ShiftInput in = read_shift(body);
  const auto now = clock_.now();
  return db_.write([&](db::Session& s) {
    const int offset = project_offset(s, ctx.actor, in.project);
    const auto staff = own_staff(s, ctx.actor);
    const std::string today = local_day(now, offset), yesterday = local_day(now - 86400, offset);
    const std::string day = in.day.value_or(today);
    if (day != today && day != yesterday)  // a night shift hands in after midnight
      core::throw_invalid("invalid request: day must be today or yesterday",
                          {{"day", "must be today or yesterday"}});
    const auto open = unfinished(s, in.project, staff);
    check_covered(in, open);
    auto find = [&] {
      return db::Query(s, std::string(kSummarySelect) +
                              "WHERE ss.project_id = :p AND ss.staff_id = :st AND ss.day = :d")
          .bind("p", (ll)in.project).bind("st", (ll)staff).bind("d", day).one();
    };
    nlohmann::json before;
    std::int64_t id = 0;
    if (auto old = find()) {
      before = summary_json(s, *old, offset);
      id = old->i64("id");
      db::Query(s, "DELETE FROM shift_summary_item WHERE summary_id = :id").bind("id", (ll)id).exec();
      db::Query(s, "UPDATE shift_summary SET note = :n, submitted_at = :at, submitted_by = :by WHERE id = :id")
          .bind("n", in.note).bind("at", (ll)now).bind("by", (ll)ctx.actor.user_id).bind("id", (ll)id).exec();
    } else {
      id = db::Query(s, "INSERT INTO shift_summary (project_id, staff_id, day, note, submitted_at, "
                        "submitted_by) VALUES (:p, :st, :d, :n, :at, :by) RETURNING id")
               .bind("p", (ll)in.project).bind("st", (ll)staff).bind("d", day).bind("n", in.note)
               .bind("at", (ll)now).bind("by", (ll)ctx.actor.user_id).scalar();
    }
    for (const auto& item : in.items) {
      const auto& o = *std::find_if(open.begin(), open.end(), [&](const db::Row& r) { return r.i64("id") == item.order_id; });
      db::Query(s, "INSERT INTO shift_summary_item (project_id, summary_id, order_id, status, reason, plan) "
                   "VALUES (:p, :s, :o, :st, :r, :pl)")
          .bind("p", (ll)in.project).bind("s", (ll)id).bind("o", (ll)item.order_id)
          .bind("st", o.str("status")).bind("r", item.reason).bind("pl", item.plan).exec();
    }
    auto after = summary_json(s, *find(), offset);
    audit::record(s, ctx, now, {in.project, "shift_summary", id, before.is_null() ? "create" : "update", before, after});
    return after;
  });
}

nlohmann::json WorkOrderService::shift_summaries(const core::Actor& actor, const core::Params& q) const {
  if (!actor.can("work_order.stats")) core::require(actor, "work_order.work");
  const auto project = project_param(q);
  const auto now = clock_.now();
  return db_.read([&](db::Session& s) {
    const int offset = project_offset(s, actor, project);
    const std::string day = q.text("day") ? date_param(q, "day") : local_day(now, offset);
    // Without the statistics permission a technician sees only their own.
    std::optional<std::int64_t> staff = q.id("staffId");
    if (!actor.can("work_order.stats")) staff = own_staff(s, actor);
    db::Query rows(s, std::string(kSummarySelect) + "WHERE ss.project_id = :p AND ss.day = :d" +
                          (staff ? " AND ss.staff_id = :st" : "") + " ORDER BY st.name, ss.id");
    rows.bind("p", (ll)project).bind("d", day);
    if (staff) rows.bind("st", (ll)*staff);
    nlohmann::json items = nlohmann::json::array();
    for (const auto& r : rows.all()) items.push_back(summary_json(s, r, offset));
    nlohmann::json missing = nlohmann::json::array();
    db::Query open(s, std::string("SELECT o.assignee_staff_id AS sid, st.name, COUNT(*) AS n FROM work_order o "
                                  "JOIN staff st ON st.id = o.assignee_staff_id WHERE o.project_id = :p "
                                  "AND o.status IN ") + kUnfinished +
                          " AND NOT EXISTS (SELECT 1 FROM shift_summary ss WHERE ss.project_id = o.project_id "
                          "AND ss.staff_id = o.assignee_staff_id AND ss.day = :d)" +
                          (staff ? " AND o.assignee_staff_id = :st" : "") +
                          " GROUP BY o.assignee_staff_id, st.name ORDER BY st.name");
    open.bind("p", (ll)project).bind("d", day);
    if (staff) open.bind("st", (ll)*staff);
    for (const auto& r : open.all())
      missing.push_back({{"staffId", r.i64("sid")}, {"name", r.str("name")}, {"openOrders", r.i64("n")}});
    return nlohmann::json{{"day", day}, {"items", items}, {"total", items.size()}, {"missing", missing}};
  });
}

nlohmann::json WorkOrderService::workload(const core::Actor& actor, const core::Params& q) const {
  core::require(actor, "work_order.stats");
  const auto project = project_param(q);
  const std::string from = date_param(q, "from"), to = date_param(q, "to");
  const auto span = (*calendar::parse_date(to) - *calendar::parse_date(from)).count();
  if (span < 0 || span >= kMaxWorkloadDays)
    core::throw_invalid("invalid request: from..to must be 1 to 92 days",
                        {{"to", "must be on or after from, at most 92 days later"}});
  return db_.read([&](db::Session& s) {
    project_offset(s, actor, project);
    struct Person {
      nlohmann::json row;
      std::map<std::string, nlohmann::json> days;
    };
    std::map<std::int64_t, Person> people;
    auto person = [&](std::int64_t staff, const db::Row& r) -> Person& {
      auto& p = people[staff];
      if (p.row.is_null())
        p.row = {{"staffId", staff}, {"name", r.str("name")}, {"teamName", r.opt_str("team_name").value_or("")},
                 {"openNow", 0}, {"totals", {{"assigned", 0}, {"completed", 0}, {"visited", 0}, {"satisfied", 0}}}};
      return p;
    };
    for (const auto& r : db::Query(s, "SELECT d.staff_id, d.day, d.metric, d.value, st.name, tm.name AS team_name "
                                      "FROM wo_staff_daily d JOIN staff st ON st.id = d.staff_id "
                                      "LEFT JOIN team tm ON tm.id = st.team_id WHERE d.project_id = :p "
                                      "AND d.day >= :from AND d.day <= :to ORDER BY d.day")
                             .bind("p", (ll)project).bind("from", from).bind("to", to).all()) {
      auto& p = person(r.i64("staff_id"), r);
      const std::string metric = r.str("metric");
      p.row["totals"][metric] = p.row["totals"].value(metric, 0) + r.i64("value");
      auto& d = p.days[r.str("day")];
      if (d.is_null()) d = {{"day", r.str("day")}, {"assigned", 0}, {"completed", 0}, {"visited", 0}, {"satisfied", 0}};
      d[metric] = r.i64("value");
    }
    for (const auto& r : db::Query(s, std::string("SELECT o.assignee_staff_id AS staff_id, st.name, tm.name AS team_name, "
                                                  "COUNT(*) AS n FROM work_order o JOIN staff st ON st.id = o.assignee_staff_id "
                                                  "LEFT JOIN team tm ON tm.id = st.team_id WHERE o.project_id = :p "
                                                  "AND o.status IN ") + kUnfinished +
                                          " GROUP BY o.assignee_staff_id, st.name, tm.name")
                             .bind("p", (ll)project).all())
      person(r.i64("staff_id"), r).row["openNow"] = r.i64("n");
    nlohmann::json items = nlohmann::json::array();
    for (auto& [id, p] : people) {
      p.row["days"] = nlohmann::json::array();
      for (auto& [day, d] : p.days) p.row["days"].push_back(d);
      items.push_back(p.row);
    }
    return nlohmann::json{{"from", from}, {"to", to}, {"items", items}, {"total", items.size()}};
  });
}

}  // namespace steward::work_orders
