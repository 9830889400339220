#include "modules/work_orders/work_order_routes.hpp"

namespace steward::work_orders {
namespace {

// Lifecycle actions may come without a body.
nlohmann::json body_or_empty(const http::Request& req) {
  return req.body.empty() ? nlohmann::json::object() : req.json();
}

}  // namespace

void register_routes(http::Router& router, const WorkOrderService& svc) {
  const WorkOrderService* s = &svc;
  router.get("/api/v1/work-order-categories", [s](http::Request& req) {
    req.user();
    return http::ok(s->categories());
  });
  router.get("/api/v1/complaint-inventory",
             [s](http::Request& req) { return http::ok(s->inventory(req.user(), req.query)); });
  router.post("/api/v1/complaint-inventory", [s](http::Request& req) {
    return http::created(s->check_complaint({req.user(), req.request_id}, req.json()));
  });
  router.get("/api/v1/work-orders/stats",
             [s](http::Request& req) { return http::ok(s->stats(req.user(), req.query)); });
  router.get("/api/v1/work-orders/workload",
             [s](http::Request& req) { return http::ok(s->workload(req.user(), req.query)); });
  router.get("/api/v1/unpaid-charges",
             [s](http::Request& req) { return http::ok(s->unpaid_charges(req.user(), req.query)); });
  router.get("/api/v1/shift-summaries/draft",
             [s](http::Request& req) { return http::ok(s->shift_draft(req.user(), req.query)); });
  router.get("/api/v1/shift-summaries",
             [s](http::Request& req) { return http::ok(s->shift_summaries(req.user(), req.query)); });
  router.post("/api/v1/shift-summaries", [s](http::Request& req) {
    return http::created(s->submit_shift({req.user(), req.request_id}, req.json()));
  });
  router.get("/api/v1/work-orders",
             [s](http::Request& req) { return http::ok(s->list(req.user(), req.query)); });
  router.post("/api/v1/work-orders", [s](http::Request& req) {
    return http::created(s->register_order({req.user(), req.request_id}, req.json()));
  });
  router.get("/api/v1/work-orders/{id}",
             [s](http::Request& req) { return http::ok(s->get(req.user(), req.id())); });
  router.post("/api/v1/work-orders/{id}/rework", [s](http::Request& req) {
    return http::created(s->rework({req.user(), req.request_id}, req.id(), req.json()));
  });
  router.post("/api/v1/work-orders/{id}/rate", [s](http::Request& req) {
    return http::ok(s->rate({req.user(), req.request_id}, req.id(), req.json()));
  });
  router.post("/api/v1/work-orders/{id}/pay", [s](http::Request& req) {
    return http::ok(s->pay({req.user(), req.request_id}, req.id(), req.json()));
  });
  router.post("/api/v1/work-orders/{id}/charge-explanation", [s](http::Request& req) {
    return http::ok(s->explain_charge({req.user(), req.request_id}, req.id(), req.json()));
  });
  router.post("/api/v1/work-orders/{id}/{action}", [s](http::Request& req) {
    return http::ok(
        s->act({req.user(), req.request_id}, req.id(), req.params.at("action"), body_or_empty(req)));
  });
}

}  // namespace steward::work_orders
