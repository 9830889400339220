#include "modules/work_orders/sla_rules.hpp"

#include "core/error.hpp"
#include "db/query.hpp"
#include "modules/work_orders/clocks.hpp"
#include "modules/work_orders/work_order.hpp"

namespace steward::work_orders {
namespace {

std::vector<std::string> or_any(std::vector<std::string> values) {
  values.insert(values.begin(), "");  // "" matches any
  return values;
}

crud::Field any_of(const char* key, const char* column, std::vector<std::string> values) {
  return {.key = key, .column = column, .type = crud::Type::choice, .required = false,
          .choices = or_any(std::move(values)), .fallback = db::Value(std::string())};
}

}  // namespace

crud::Spec sla_rule_spec(std::function<void()> recompute) {
  crud::Spec s;
  s.entity = "sla_rule";
  s.table = "sla_rule";
  s.read_permission = "work_order.read";
  s.manage_permission = "sla.manage";
  s.scope = crud::Scope::company;
  s.fields = {
      {.key = "clock", .column = "clock", .type = crud::Type::choice, .choices = clock_names()},
      any_of("kind", "kind", kinds()),
      {.key = "category", .column = "category", .required = false, .text = {.min = 0, .max = 40},
       .fallback = db::Value(std::string())},
      any_of("priority", "priority", priorities()),
      any_of("channel", "channel", channels()),
      {.key = "amount", .column = "amount", .type = crud::Type::integer,
       .range = {.min = 0, .max = 100000}},
      {.key = "unit", .column = "unit", .type = crud::Type::choice,
       .choices = {"minute", "hour", "working_day"}},
  };
  s.select = "t.*";
  s.from = "sla_rule t";
  s.filters = {{.param = "clock", .condition = "t.clock = :clock", .kind = crud::Filter::Kind::custom,
                .custom = [](const std::string& v, crud::Where& w) { w.add("t.clock = :clock", "clock", v); }}};
  s.unique = {{"clock", {"kind", "category", "priority", "channel"}}};
  s.order_by = "t.clock, t.kind, t.category, t.priority, t.channel, t.id";
  s.after_write = [recompute](db::Session&) { recompute(); };
  return s;
}

}  // namespace steward::work_orders
