#pragma once
// The only place that runs SQL on the work-order tables.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/actor.hpp"
#include "db/query.hpp"
#include "modules/work_orders/clocks.hpp"

namespace steward::work_orders::repo {

// The order's row with the names the views show, if the actor may see it.
std::optional<db::Row> find_order(db::Session& s, const core::Actor& actor, std::int64_t id);
// SELECT list and FROM clause of an order with display names (alias o).
const std::string& order_select();
// "玉兰园 8栋 2-401" from the order `o`'s place, and the joins it needs (z, b, u).
const std::string& unit_label_sql();
const std::string& place_joins();

std::string next_code(db::Session& s, std::int64_t project_id, const std::string& project_code,
                      const std::string& day);  // CSHY-20261122-0007

std::vector<SlaRule> rules(db::Session& s);
std::vector<Clock> clocks(db::Session& s, std::int64_t order_id);
// The clocks of several orders in one query (a list page), each order's in id order.
std::map<std::int64_t, std::vector<Clock>> clocks_of(db::Session& s,
                                                     const std::vector<long long>& order_ids);
// `reminded` / `breach_notified`: the reminder and breach notice count as sent already (orders
// imported from another system's history, whose deadlines passed long ago).
void insert_clock(db::Session& s, std::int64_t project_id, std::int64_t order_id, const Clock& c,
                  std::int64_t remind_at, bool reminded = false, bool breach_notified = false);
void save_clock(db::Session& s, std::int64_t order_id, const Clock& c, std::int64_t remind_at);
// next_due_at = the earliest due of the running clocks (NULL when none runs).
void refresh_next_due(db::Session& s, std::int64_t order_id);

struct Event {
  std::int64_t project_id = 0, order_id = 0, at = 0;
  std::optional<std::int64_t> actor_user_id;
  std::string actor_name, action, from_status, to_status, note, data_json = "{}";
};
void add_event(db::Session& s, const Event& e);
std::vector<db::Row> events(db::Session& s, std::int64_t order_id);

// Adds `by` to a daily counter (metric) of the project.
// Adds to a technician's workload counter of the day (assigned, completed, visited, satisfied).
void count_staff(db::Session& s, std::int64_t project_id, const std::string& day,
                 std::int64_t staff_id, const std::string& metric);
void count(db::Session& s, std::int64_t project_id, const std::string& day,
           const std::string& kind, const std::string& category, const std::string& metric,
           std::int64_t by = 1);

void notify(db::Session& s, std::optional<std::int64_t> project_id, std::int64_t user_id,
            std::optional<std::int64_t> order_id, const std::string& kind,
            const std::string& title, const std::string& body, std::int64_t now);
// Users with one of `roles` assigned to the project.
std::vector<std::int64_t> users_with_roles(db::Session& s, std::int64_t project_id,
                                           const std::vector<std::string>& roles);
std::optional<std::int64_t> user_of_staff(db::Session& s, std::int64_t staff_id);

}  // namespace steward::work_orders::repo
