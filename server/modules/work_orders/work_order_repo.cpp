#include "modules/work_orders/work_order_repo.hpp"

#include <cstdio>

#include "modules/notifications/notification_writer.hpp"

namespace steward::work_orders::repo {
namespace {

using ll = long long;

std::optional<ll> opt(const std::optional<std::int64_t>& v) {
  return v ? std::optional<ll>(*v) : std::nullopt;
}

Clock read_clock(const db::Row& r) {
  Clock c;
  c.name = r.str("clock");
  c.rule_id = r.i64("rule_id");
  c.amount = r.i64("amount");
  c.unit = r.str("unit");
  c.start_at = r.i64("start_at");
  c.paused_seconds = r.i64("paused_seconds");
  c.paused_since = r.opt_i64("paused_since");
  c.done_at = r.opt_i64("done_at");
  c.stopped = r.flag("stopped");
  c.due_at = r.i64("due_at");
  return c;
}

}  // namespace

const std::string& unit_label_sql() {
  static const std::string sql =
      "COALESCE(z.name || ' ', '') || COALESCE(b.name || ' ', '') || COALESCE(u.name, '')";
  return sql;
}

const std::string& place_joins() {
  static const std::string sql =
      "LEFT JOIN unit u ON u.id = o.unit_id LEFT JOIN building b ON b.id = o.building_id "
      "LEFT JOIN zone z ON z.id = o.zone_id";
  return sql;
}

const std::string& order_select() {
  static const std::string sql =
      "SELECT o.*, p.code AS project_code, p.name AS project_name, p.time_zone, "
      "p.work_start_min, p.work_end_min, " + unit_label_sql() + " AS "
      "unit_label, c.name AS customer_name, st.name AS assignee_name, tm.name AS team_name, "
      // The photos, one record each (fields split by \x1f, records by \x1e): photos.cpp reads it.
      "(SELECT group_concat(CAST(ph.id AS TEXT) || '\x1f' || ph.stage || '\x1f' || "
      "ph.content_type || '\x1f' || CAST(ph.size AS TEXT) || '\x1f' || CAST(ph.created_at AS "
      "TEXT) || '\x1f' || ph.uploaded_by_name, '\x1e') FROM wo_photo ph WHERE ph.order_id = o.id) "
      "AS photo_list "
      "FROM work_order o JOIN project p ON p.id = o.project_id " + place_joins() +
      " LEFT JOIN customer c ON c.id = o.customer_id "
      "LEFT JOIN staff st ON st.id = o.assignee_staff_id "
      "LEFT JOIN team tm ON tm.id = o.assignee_team_id";
  return sql;
}

std::optional<db::Row> find_order(db::Session& s, const core::Actor& actor, std::int64_t id) {
  std::string scope;
  if (actor.is_owner())
    scope = " AND o.customer_id = " + std::to_string(*actor.customer_id);
  else if (!actor.all_projects)
    scope = " AND o.project_id IN (" +
            db::id_list({actor.project_ids.begin(), actor.project_ids.end()}) + ")";
  return db::Query(s, order_select() + " WHERE o.id = :id" + scope).bind("id", (ll)id).one();
}

std::string next_code(db::Session& s, std::int64_t project_id, const std::string& project_code,
                      const std::string& day) {
  const ll n = db::Query(s,
                         "INSERT INTO wo_code_seq (project_id, day, last) VALUES (:p, :d, 1) "
                         "ON CONFLICT (project_id, day) DO UPDATE SET last = wo_code_seq.last + 1 "
                         "RETURNING last")
                   .bind("p", (ll)project_id)
                   .bind("d", day)
                   .scalar();
  std::string compact;
  for (char c : day)
    if (c != '-') compact.push_back(c);
  char seq[16];
  std::snprintf(seq, sizeof seq, "%04lld", n);
  return project_code + "-" + compact + "-" + seq;
}

std::vector<SlaRule> rules(db::Session& s) {
  std::vector<SlaRule> out;
  for (const auto& r : db::Query(s, "SELECT * FROM sla_rule ORDER BY id").all())
    out.push_back({r.i64("id"), r.str("clock"), r.str("kind"), r.str("category"),
                   r.str("priority"), r.str("channel"), r.i64("amount"), r.str("unit")});
  return out;
}

std::vector<Clock> clocks(db::Session& s, std::int64_t order_id) {
  std::vector<Clock> out;
  for (const auto& r :
       db::Query(s, "SELECT * FROM wo_clock WHERE order_id = :o ORDER BY id").bind("o", (ll)order_id).all())
    out.push_back(read_clock(r));
  return out;
}

std::map<std::int64_t, std::vector<Clock>> clocks_of(db::Session& s,
                                                     const std::vector<long long>& order_ids) {
  std::map<std::int64_t, std::vector<Clock>> out;
  if (order_ids.empty()) return out;
  for (const auto& r : db::Query(s, "SELECT * FROM wo_clock WHERE order_id IN (" +
                                        db::id_list(order_ids) + ") ORDER BY order_id, id")
                           .all())
    out[r.i64("order_id")].push_back(read_clock(r));
  return out;
}

void insert_clock(db::Session& s, std::int64_t project_id, std::int64_t order_id, const Clock& c,
                  std::int64_t remind_at, bool reminded, bool breach_notified) {
  db::Query(s,
            "INSERT INTO wo_clock (project_id, order_id, clock, rule_id, amount, unit, start_at, "
            "paused_seconds, paused_since, done_at, stopped, due_at, remind_at, reminded, "
            "breach_notified) VALUES (:p, :o, :c, :r, :a, :u, :s, :ps, :since, :done, :stopped, "
            ":due, :remind, :reminded, :breach)")
      .bind("p", (ll)project_id)
      .bind("o", (ll)order_id)
      .bind("c", c.name)
      .bind("r", (ll)c.rule_id)
      .bind("a", (ll)c.amount)
      .bind("u", c.unit)
      .bind("s", (ll)c.start_at)
      .bind("ps", (ll)c.paused_seconds)
      .bind("since", opt(c.paused_since))
      .bind("done", opt(c.done_at))
      .bind("stopped", c.stopped)
      .bind("due", (ll)c.due_at)
      .bind("remind", (ll)remind_at)
      .bind("reminded", reminded)
      .bind("breach", breach_notified)
      .exec();
}

void save_clock(db::Session& s, std::int64_t order_id, const Clock& c, std::int64_t remind_at) {
  db::Query(s,
            "UPDATE wo_clock SET rule_id = :r, amount = :a, unit = :u, paused_seconds = :ps, "
            "paused_since = :since, done_at = :done, stopped = :stopped, due_at = :due, "
            "remind_at = :remind WHERE order_id = :o AND clock = :c")
      .bind("r", (ll)c.rule_id)
      .bind("a", (ll)c.amount)
      .bind("u", c.unit)
      .bind("ps", (ll)c.paused_seconds)
      .bind("since", opt(c.paused_since))
      .bind("done", opt(c.done_at))
      .bind("stopped", c.stopped)
      .bind("due", (ll)c.due_at)
      .bind("remind", (ll)remind_at)
      .bind("o", (ll)order_id)
      .bind("c", c.name)
      .exec();
}

void refresh_next_due(db::Session& s, std::int64_t order_id) {
  db::Query(s,
            "UPDATE work_order SET next_due_at = (SELECT MIN(k.due_at) FROM wo_clock k WHERE "
            "k.order_id = :o1 AND k.done_at IS NULL AND k.paused_since IS NULL AND k.stopped = 0) "
            "WHERE id = :o2")
      .bind("o1", (ll)order_id)
      .bind("o2", (ll)order_id)
      .exec();
}

void add_event(db::Session& s, const Event& e) {
  db::Query(s,
            "INSERT INTO wo_event (project_id, order_id, at, actor_user_id, actor_name, action, "
            "from_status, to_status, note, data_json) VALUES (:p, :o, :at, :u, :n, :a, :f, :t, "
            ":note, :data)")
      .bind("p", (ll)e.project_id)
      .bind("o", (ll)e.order_id)
      .bind("at", (ll)e.at)
      .bind("u", opt(e.actor_user_id))
      .bind("n", e.actor_name)
      .bind("a", e.action)
      .bind("f", e.from_status)
      .bind("t", e.to_status)
      .bind("note", e.note)
      .bind("data", e.data_json)
      .exec();
}

std::vector<db::Row> events(db::Session& s, std::int64_t order_id) {
  return db::Query(s, "SELECT * FROM wo_event WHERE order_id = :o ORDER BY id")
      .bind("o", (ll)order_id)
      .all();
}

void count_staff(db::Session& s, std::int64_t project_id, const std::string& day,
                 std::int64_t staff_id, const std::string& metric) {
  db::Query(s,
            "INSERT INTO wo_staff_daily (project_id, day, staff_id, metric, value) VALUES "
            "(:p, :d, :st, :m, 1) ON CONFLICT (project_id, day, staff_id, metric) DO "
            "UPDATE SET value = wo_staff_daily.value + 1")
      .bind("p", (ll)project_id).bind("d", day).bind("st", (ll)staff_id).bind("m", metric).exec();
}

void count(db::Session& s, std::int64_t project_id, const std::string& day,
           const std::string& kind, const std::string& category, const std::string& metric,
           std::int64_t by) {
  db::Query(s,
            "INSERT INTO wo_daily_stat (project_id, day, kind, category, metric, value) VALUES "
            "(:p, :d, :k, :c, :m, :v) ON CONFLICT (project_id, day, kind, category, metric) DO "
            "UPDATE SET value = wo_daily_stat.value + excluded.value")
      .bind("p", (ll)project_id)
      .bind("d", day)
      .bind("k", kind)
      .bind("c", category)
      .bind("m", metric)
      .bind("v", (ll)by)
      .exec();
}

void notify(db::Session& s, std::optional<std::int64_t> project_id, std::int64_t user_id,
            std::optional<std::int64_t> order_id, const std::string& kind,
            const std::string& title, const std::string& body, std::int64_t now) {
  notifications::write(s, project_id, user_id, order_id, kind, title, body, now);
}

std::vector<std::int64_t> users_with_roles(db::Session& s, std::int64_t project_id,
                                           const std::vector<std::string>& roles) {
  std::string list;
  for (const auto& r : roles) list += (list.empty() ? "'" : ", '") + r + "'";  // our constants
  std::vector<std::int64_t> out;
  for (const auto& r : db::Query(s,
                                 "SELECT u.id FROM app_user u JOIN user_project up ON up.user_id "
                                 "= u.id WHERE up.project_id = :p AND u.active = 1 AND u.role IN (" +
                                     list + ") ORDER BY u.id")
                           .bind("p", (ll)project_id)
                           .all())
    out.push_back(r.first_i64());
  return out;
}

std::optional<std::int64_t> user_of_staff(db::Session& s, std::int64_t staff_id) {
  auto r = db::Query(s, "SELECT id FROM app_user WHERE staff_id = :s AND active = 1 ORDER BY id")
               .bind("s", (ll)staff_id)
               .one();
  if (!r) return std::nullopt;
  return r->first_i64();
}

}  // namespace steward::work_orders::repo
