#include "modules/work_orders/work_order_write.hpp"

#include "core/time.hpp"
#include "modules/audit/audit.hpp"
#include "modules/auth/roles.hpp"
#include "modules/kpi/rollups.hpp"
#include "modules/work_orders/charges.hpp"
#include "modules/work_orders/project_time.hpp"
#include "modules/work_orders/work_order_repo.hpp"
#include "modules/work_orders/work_order_view.hpp"

namespace steward::work_orders {
namespace {

using ll = long long;

const core::Actor& audit_reader() {
  static const core::Actor reader;  // no permissions: the audit keeps contact data masked
  return reader;
}

}  // namespace

std::string local_day(std::int64_t at, int offset) {
  return core::format_iso8601(at, offset).substr(0, 10);
}

std::optional<db::Row> Writer::project(std::int64_t id) const {
  auto row = db::Query(s_, "SELECT * FROM project WHERE id = :id").bind("id", (ll)id).one();
  if (!row) core::throw_not_found("project");
  return row;
}

void Writer::check_category(const std::string& code, core::ErrorDetails& errors) const {
  if (!db::Query(s_, "SELECT code FROM wo_category WHERE code = :c AND active = 1").bind("c", code).one())
    errors.emplace("category", "is not a category of the dictionary");
}

Place Writer::place(std::int64_t project_id, std::optional<std::int64_t> unit_id,
                    std::optional<std::int64_t> customer_id, core::ErrorDetails& errors) const {
  Place p;
  if (unit_id) {
    auto u = db::Query(s_,
                       "SELECT u.id, u.building_id, b.zone_id FROM unit u JOIN building b ON "
                       "b.id = u.building_id WHERE u.id = :id AND u.project_id = :p")
                 .bind("id", (ll)*unit_id)
                 .bind("p", (ll)project_id)
                 .one();
    if (!u) {
      errors.emplace("unitId", "does not exist in this project");
    } else {
      p.unit_id = u->i64("id");
      p.building_id = u->i64("building_id");
      if (auto z = u->opt_i64("zone_id")) p.zone_id = *z;
    }
  }
  if (customer_id) {
    auto c = db::Query(s_, "SELECT name, phone_enc FROM customer WHERE id = :id AND project_id = :p")
                 .bind("id", (ll)*customer_id)
                 .bind("p", (ll)project_id)
                 .one();
    if (!c)
      errors.emplace("customerId", "does not exist in this project");
    else {
      p.customer_name = c->str("name");
      p.customer_phone = cipher_.decrypt(c->str("phone_enc"));
    }
  }
  return p;
}

void Writer::start_clocks(std::int64_t order_id, std::int64_t project_id, const OrderFacts& facts,
                          std::int64_t at, const db::Row& hours_row) const {
  const ProjectTime time(cal_, hours_of(hours_row));
  const ClockMath math(time);
  for (const auto& rule : applicable_rules(repo::rules(s_), facts)) {
    if (!starts_at_registration(rule.clock)) continue;
    Clock c = math.start(rule, at);
    repo::insert_clock(s_, project_id, order_id, c, math.remind_at(c));
  }
  repo::refresh_next_due(s_, order_id);
}

std::string Writer::actor_name() const {
  if (ctx_.actor.user_id > 0)
    if (auto u = db::Query(s_, "SELECT display_name FROM app_user WHERE id = :id")
                     .bind("id", (ll)ctx_.actor.user_id)
                     .one())
      return u->str("display_name");
  return ctx_.actor.username;
}

void Writer::event(std::int64_t project_id, std::int64_t order_id, const std::string& action,
                   const std::string& from, const std::string& to, const std::string& note,
                   const nlohmann::json& data) const {
  const std::string name = actor_name();
  std::optional<std::int64_t> user;
  if (ctx_.actor.user_id > 0) user = ctx_.actor.user_id;
  repo::add_event(s_, {project_id, order_id, now_, user, name, action, from, to, note, data.dump()});
}

nlohmann::json Writer::view(std::int64_t order_id, const core::Actor& actor) const {
  auto row = repo::find_order(s_, auth::system_actor(), order_id);
  auto j = order_json(*row, repo::clocks(s_, order_id), cal_, actor, cipher_, now_);
  add_charge_details(s_, j, order_id, actor, now_, offset_of(*row));
  return j;
}

nlohmann::json Writer::before(std::int64_t order_id) {
  before_ = kpi::rollups::facts(s_, order_id);
  auto j = view(order_id, audit_reader());
  j.erase("actions");
  return j;
}

// The order is read once: the audit row's copy and the caller's answer differ only in what the
// reader may see (contact data, actions), which order_json decides from the same row.
nlohmann::json Writer::finish_write(std::int64_t order_id, const std::string& action,
                                    const nlohmann::json& before) const {
  auto row = repo::find_order(s_, auth::system_actor(), order_id);
  const auto clocks = repo::clocks(s_, order_id);
  auto answer = order_json(*row, clocks, cal_, ctx_.actor, cipher_, now_);
  add_charge_details(s_, answer, order_id, ctx_.actor, now_, offset_of(*row));
  auto after = order_json(*row, clocks, cal_, audit_reader(), cipher_, now_);
  after.erase("actions");
  for (const char* key : {"materials", "charges", "charge"}) after[key] = answer[key];
  const auto project_id = row->i64("project_id");
  audit::record(s_, ctx_, now_, {project_id, "work_order", order_id, action, before, after});
  kpi::rollups::track(s_, project_id, before_, kpi::rollups::facts(s_, order_id));
  return answer;
}

}  // namespace steward::work_orders
