// Paid repairs (W7): recording the payment of a completed repair's charge, the written
// explanation of one still unpaid, and the list of unpaid charges with those past the limit.
#include "core/error.hpp"
#include "core/time.hpp"
#include "db/query.hpp"
#include "json/input.hpp"
#include "modules/work_orders/work_order_repo.hpp"
#include "modules/work_orders/work_order_service.hpp"
#include "modules/work_orders/work_order_view.hpp"
#include "modules/work_orders/work_order_write.hpp"

namespace steward::work_orders {
namespace {

using ll = long long;

const std::vector<std::string>& payment_methods() {
  static const std::vector<std::string> v{"cash", "wechat", "alipay", "card", "transfer"};
  return v;
}

std::optional<db::Row> unpaid_charge(db::Session& s, std::int64_t order_id) {
  return db::Query(s, "SELECT * FROM wo_charge WHERE order_id = :o AND paid_at IS NULL")
      .bind("o", (ll)order_id).one();
}

[[noreturn]] void nothing_to_pay() {
  throw core::AppError(core::ErrorKind::conflict, "work_order.nothing_to_pay",
                       "this order has no unpaid charge");
}

}  // namespace

nlohmann::json WorkOrderService::charge_step(
    const core::Context& ctx, std::int64_t id, const std::string& action,
    const std::function<nlohmann::json(db::Session&, const db::Row& charge)>& apply) const {
  core::require(ctx.actor, "work_order.charge");
  const auto now = clock_.now();
  const auto cal = calendar_.calendar();
  return db_.write([&](db::Session& s) {
    auto o = repo::find_order(s, ctx.actor, id);
    if (!o) core::throw_not_found("work order");
    auto charge = unpaid_charge(s, id);
    if (!charge) nothing_to_pay();
    Writer w(s, ctx, *cal, cipher_, now);
    const auto before = w.before(id);
    const auto data = apply(s, *charge);
    const std::string status = o->str("status");
    w.event(o->i64("project_id"), id, action, status, status, data.value("note", ""), data);
    return w.finish_write(id, action, before);
  });
}

nlohmann::json WorkOrderService::pay(const core::Context& ctx, std::int64_t id,
                                     const nlohmann::json& body) const {
  json::Input in(body, json::Input::Mode::create);
  const auto method = in.choice("method", payment_methods());
  const auto amount = in.integer("amountFen", {.min = 0, .max = 1'000'000'000});
  const auto receipt = in.text("receiptNo", {.required = false, .min = 0, .max = 50}).value_or("");
  in.finish();
  const auto now = clock_.now();
  return charge_step(ctx, id, "pay", [&](db::Session& s, const db::Row& charge) {
    if (*amount != charge.i64("total_fen"))
      core::throw_invalid("invalid request: amountFen must be the charge's total",
                          {{"amountFen", "must equal the total charged: " +
                                             std::to_string(charge.i64("total_fen"))}});
    db::Query(s, "UPDATE wo_charge SET paid_at = :at, method = :m, receipt_no = :r, paid_by = :by "
                 "WHERE order_id = :o")
        .bind("at", (ll)now).bind("m", *method).bind("r", receipt)
        .bind("by", (ll)ctx.actor.user_id).bind("o", (ll)id).exec();
    return nlohmann::json{{"method", *method}, {"amountFen", *amount}, {"receiptNo", receipt}};
  });
}

nlohmann::json WorkOrderService::explain_charge(const core::Context& ctx, std::int64_t id,
                                                const nlohmann::json& body) const {
  json::Input in(body, json::Input::Mode::create);
  const auto text = in.text("explanation", {.max = 500});
  in.finish();
  const auto now = clock_.now();
  return charge_step(ctx, id, "explain_charge", [&](db::Session& s, const db::Row&) {
    db::Query(s, "UPDATE wo_charge SET explanation = :e, explained_at = :at WHERE order_id = :o")
        .bind("e", *text).bind("at", (ll)now).bind("o", (ll)id).exec();
    return nlohmann::json{{"note", *text}};
  });
}

nlohmann::json WorkOrderService::unpaid_charges(const core::Actor& actor,
                                                const core::Params& q) const {
  if (!actor.can("work_order.charge") && !actor.can("work_order.stats"))
    core::throw_forbidden("work_order.charge");
  const auto now = clock_.now();
  const auto page = q.page();
  std::string where = " WHERE c.paid_at IS NULL";
  if (!actor.all_projects)
    where += " AND c.project_id IN (" + db::id_list({actor.project_ids.begin(), actor.project_ids.end()}) + ")";
  const auto project = q.id("projectId");
  if (project) where += " AND c.project_id = :project";
  const auto overdue = q.flag("overdue");
  if (overdue) where += *overdue ? " AND c.due_at <= :now" : " AND c.due_at > :now";
  auto bind = [&](db::Query& query) {
    if (project) query.bind("project", (ll)*project);
    if (overdue) query.bind("now", (ll)now);
  };
  return db_.read([&](db::Session& s) {
    db::Query count(s, "SELECT COUNT(*) FROM wo_charge c" + where);
    bind(count);
    const auto total = count.scalar();
    db::Query rows(s, "SELECT c.*, o.code, o.title, o.location, st.name AS assignee_name, "
                      "p.time_zone, " + repo::unit_label_sql() + " AS unit_label FROM wo_charge c "
                      "JOIN work_order o ON o.id = c.order_id JOIN project p ON p.id = c.project_id " +
                      repo::place_joins() +
                      " LEFT JOIN staff st ON st.id = o.assignee_staff_id" + where +
                      " ORDER BY c.due_at, c.order_id LIMIT :limit OFFSET :offset");
    bind(rows);
    rows.bind("limit", page.size).bind("offset", (ll)page.offset());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& r : rows.all()) {
      const int offset = offset_of(r);
      items.push_back({{"orderId", r.i64("order_id")},
                       {"projectId", r.i64("project_id")},
                       {"code", r.str("code")},
                       {"title", r.str("title")},
                       {"location", r.str("location").empty() ? r.str("unit_label") : r.str("location")},
                       {"assigneeName", r.opt_str("assignee_name").value_or("")},
                       {"completedAt", core::format_iso8601(r.i64("charged_at"), offset)},
                       {"totalFen", r.i64("total_fen")},
                       {"dueAt", core::format_iso8601(r.i64("due_at"), offset)},
                       {"overdue", now >= r.i64("due_at")},
                       {"daysUnpaid", (now - r.i64("charged_at")) / 86400},
                       {"explanation", r.str("explanation")}});
    }
    return nlohmann::json{{"items", items}, {"total", total}};
  });
}

}  // namespace steward::work_orders
