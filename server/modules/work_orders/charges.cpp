#include "modules/work_orders/charges.hpp"

#include "core/error.hpp"
#include "core/time.hpp"
#include "db/query.hpp"
#include "modules/settings/settings_service.hpp"
#include "modules/work_orders/work_order_view.hpp"
#include "modules/work_orders/work_order_write.hpp"

namespace steward::work_orders {
namespace {

using ll = long long;
constexpr std::size_t kMaxLines = 20;
constexpr std::int64_t kMaxQuantity = 100000;  // 1000 units, in hundredths

nlohmann::json hundredths_json(std::int64_t v) {
  if (v % 100 == 0) return v / 100;
  return static_cast<double>(v) / 100.0;
}

}  // namespace

std::int64_t line_amount(std::int64_t unit_price_fen, std::int64_t quantity_hundredths) {
  return (unit_price_fen * quantity_hundredths + 50) / 100;
}

crud::Spec price_item_spec() {
  using crud::Field;
  using crud::Type;
  crud::Spec s;
  s.entity = "price_item";
  s.table = "price_item";
  s.read_permission = "work_order.read";
  s.manage_permission = "price.manage";
  s.fields = {
      {.key = "projectId", .column = "project_id", .type = Type::ref, .immutable = true,
       .ref_table = "project", .ref_in_project = false},
      {.key = "name", .column = "name", .text = {.max = 50}},
      {.key = "unit", .column = "unit", .text = {.max = 10}},
      {.key = "priceFen", .column = "price_fen", .type = Type::integer,
       .range = {.min = 0, .max = 10'000'000}},
      {.key = "category", .column = "category", .required = false, .text = {.min = 0, .max = 40},
       .fallback = db::Value(std::string())},
      {.key = "active", .column = "active", .type = Type::flag, .required = false,
       .fallback = db::Value(1LL)},
      {.key = "note", .column = "note", .required = false, .text = {.min = 0, .max = 200},
       .fallback = db::Value(std::string())},
  };
  s.select = "t.*";
  s.from = "price_item t";
  s.search = {"t.name"};
  s.filters = {{.param = "projectId", .condition = "t.project_id = :projectId"},
               {.param = "active", .condition = "t.active = :active", .kind = crud::Filter::Kind::flag}};
  s.unique = {{"name", {"project_id"}}};
  s.order_by = "t.category, t.name, t.id";
  s.referenced_by = {{"wo_charge_line", "price_item_id"}};
  // The category must be one of the company's work-order categories (or none).
  s.after_write = [](db::Session& tx) {
    const auto stray = db::Query(tx, "SELECT COUNT(*) FROM price_item t WHERE t.category <> '' "
                                     "AND NOT EXISTS (SELECT 1 FROM wo_category c "
                                     "WHERE c.code = t.category)")
                           .scalar();
    if (stray > 0)
      core::throw_invalid("invalid request: category is not a work-order category",
                          {{"category", "is not a work-order category"}});
  };
  return s;
}

Completion read_completion(json::Input& in) {
  Completion c;
  in.objects("materials", kMaxLines, [&](json::Input& item, std::size_t) {
    MaterialLine m;
    m.name = item.text("name", {.max = 50}).value_or("");
    m.quantity = item.hundredths("quantity", {.min = 1, .max = kMaxQuantity}).value_or(0);
    m.unit = item.text("unit", {.required = false, .min = 0, .max = 10}).value_or("");
    c.materials.push_back(m);
  });
  in.objects("charges", kMaxLines, [&](json::Input& item, std::size_t) {
    ChargeRequest r;
    r.price_item_id = item.id("priceItemId").value_or(0);
    r.quantity = item.hundredths("quantity", {.min = 1, .max = kMaxQuantity}).value_or(0);
    c.charges.push_back(r);
  });
  return c;
}

void record_completion(const Writer& w, const db::Row& o, const Completion& c) {
  db::Session& s = w.session();
  const ll project = o.i64("project_id"), id = o.i64("id");
  if (!c.charges.empty() && o.str("kind") != "repair")
    core::throw_invalid("invalid request: only repairs carry charges",
                        {{"charges", "only repairs carry charges"}});
  for (const auto& m : c.materials)
    db::Query(s, "INSERT INTO wo_material (project_id, order_id, name, quantity, unit) "
                 "VALUES (:p, :o, :n, :q, :u)")
        .bind("p", project).bind("o", id).bind("n", m.name).bind("q", (ll)m.quantity)
        .bind("u", m.unit).exec();
  if (c.charges.empty()) return;
  core::ErrorDetails errors;
  ll total = 0;
  for (std::size_t i = 0; i < c.charges.size(); ++i) {
    const auto& r = c.charges[i];
    auto item = db::Query(s, "SELECT name, unit, price_fen FROM price_item "
                             "WHERE id = :id AND project_id = :p AND active = 1")
                    .bind("id", (ll)r.price_item_id).bind("p", project).one();
    if (!item) {
      errors.emplace("charges[" + std::to_string(i) + "].priceItemId",
                     "is not an active item of this project's price list");
      continue;
    }
    const ll amount = line_amount(item->i64("price_fen"), r.quantity);
    total += amount;
    db::Query(s, "INSERT INTO wo_charge_line (project_id, order_id, price_item_id, name, unit, "
                 "unit_price_fen, quantity, amount_fen) VALUES (:p, :o, :item, :n, :u, :price, "
                 ":q, :amount)")
        .bind("p", project).bind("o", id).bind("item", (ll)r.price_item_id)
        .bind("n", item->str("name")).bind("u", item->str("unit"))
        .bind("price", item->i64("price_fen")).bind("q", (ll)r.quantity).bind("amount", amount)
        .exec();
  }
  if (!errors.empty()) core::throw_invalid("invalid request: unknown price item", errors);
  const ll due = w.now() + settings::int_setting(s, "unpaidChargeDays") * 86400;
  db::Query(s, "INSERT INTO wo_charge (order_id, project_id, total_fen, charged_at, due_at, "
               "method, receipt_no, explanation) VALUES (:o, :p, :t, :at, :due, '', '', '')")
      .bind("o", id).bind("p", project).bind("t", total).bind("at", (ll)w.now()).bind("due", due)
      .exec();
}

void add_charge_details(db::Session& s, nlohmann::json& order, std::int64_t order_id,
                        const core::Actor& actor, std::int64_t now, int offset) {
  nlohmann::json materials = nlohmann::json::array(), lines = nlohmann::json::array();
  for (const auto& m : db::Query(s, "SELECT name, quantity, unit FROM wo_material "
                                    "WHERE order_id = :o ORDER BY id")
                           .bind("o", (ll)order_id).all())
    materials.push_back(
        {{"name", m.str("name")}, {"quantity", hundredths_json(m.i64("quantity"))}, {"unit", m.str("unit")}});
  for (const auto& l : db::Query(s, "SELECT * FROM wo_charge_line WHERE order_id = :o ORDER BY id")
                           .bind("o", (ll)order_id).all())
    lines.push_back({{"priceItemId", l.i64("price_item_id")},
                     {"name", l.str("name")},
                     {"unit", l.str("unit")},
                     {"unitPriceFen", l.i64("unit_price_fen")},
                     {"quantity", hundredths_json(l.i64("quantity"))},
                     {"amountFen", l.i64("amount_fen")}});
  order["materials"] = materials;
  order["charges"] = lines;
  auto c = db::Query(s, "SELECT * FROM wo_charge WHERE order_id = :o").bind("o", (ll)order_id).one();
  if (!c) {
    order["charge"] = nullptr;
    return;
  }
  const bool paid = c->opt_i64("paid_at").has_value();
  const bool overdue = !paid && now >= c->i64("due_at");
  order["charge"] = {{"totalFen", c->i64("total_fen")},
                     {"status", paid ? "paid" : "unpaid"},
                     {"chargedAt", core::format_iso8601(c->i64("charged_at"), offset)},
                     {"dueAt", core::format_iso8601(c->i64("due_at"), offset)},
                     {"overdue", overdue},
                     {"paidAt", time_or_null(c->opt_i64("paid_at"), offset)},
                     {"method", c->str("method")},
                     {"receiptNo", c->str("receipt_no")},
                     {"explanation", c->str("explanation")},
                     {"explainedAt", time_or_null(c->opt_i64("explained_at"), offset)}};
  if (!paid && actor.can("work_order.charge") && order.contains("actions")) {
    order["actions"].push_back("pay");
    order["actions"].push_back("explainCharge");
  }
}

}  // namespace steward::work_orders
