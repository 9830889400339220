#include "modules/patrols/patrol_routes.hpp"

namespace steward::patrols {

void register_routes(http::Router& router, const PatrolService& svc) {
  const PatrolService* s = &svc;
  auto ctx = [](http::Request& req) { return core::Context{req.user(), req.request_id}; };
  router.get("/api/v1/patrol-checkpoints/by-code/{code}", [s](http::Request& req) {
    return http::ok(s->checkpoint_by_code(req.user(), req.params.at("code"), req.query));
  });
  router.get("/api/v1/patrol-checkpoints", [s](http::Request& req) { return http::ok(s->list_checkpoints(req.user(), req.query)); });
  router.post("/api/v1/patrol-checkpoints", [s, ctx](http::Request& req) { return http::created(s->create_checkpoint(ctx(req), req.json())); });
  router.get("/api/v1/patrol-checkpoints/{id}", [s](http::Request& req) { return http::ok(s->get_checkpoint(req.user(), req.id())); });
  router.put("/api/v1/patrol-checkpoints/{id}", [s, ctx](http::Request& req) {
    return http::ok(s->update_checkpoint(ctx(req), req.id(), req.json()));
  });
  router.put("/api/v1/patrol-checkpoints/{id}/limits", [s, ctx](http::Request& req) {
    return http::ok(s->set_limits(ctx(req), req.id(), req.json()));
  });
  router.get("/api/v1/patrol-labels", [s](http::Request& req) { return http::ok(s->labels(req.user(), req.query)); });
  router.get("/api/v1/patrol-metrics", [s](http::Request& req) { return http::ok(s->list_metrics(req.user())); });
  router.post("/api/v1/patrol-metrics", [s, ctx](http::Request& req) { return http::created(s->create_metric(ctx(req), req.json())); });
  router.get("/api/v1/patrol-plans", [s](http::Request& req) { return http::ok(s->list_plans(req.user(), req.query)); });
  router.post("/api/v1/patrol-plans", [s, ctx](http::Request& req) { return http::created(s->create_plan(ctx(req), req.json())); });
  router.get("/api/v1/patrol-plans/{id}", [s](http::Request& req) { return http::ok(s->get_plan(req.user(), req.id())); });
  router.put("/api/v1/patrol-plans/{id}", [s, ctx](http::Request& req) { return http::ok(s->update_plan(ctx(req), req.id(), req.json())); });
  router.get("/api/v1/patrol-plans/{id}/slots", [s](http::Request& req) { return http::ok(s->plan_slots(req.user(), req.id(), req.query)); });
  router.get("/api/v1/patrol-due", [s](http::Request& req) { return http::ok(s->due_now(req.user())); });
  router.get("/api/v1/patrol-checks", [s](http::Request& req) { return http::ok(s->list_checks(req.user(), req.query)); });
  router.post("/api/v1/patrol-checks", [s, ctx](http::Request& req) {
    auto r = s->record_check(ctx(req), req.json());
    return r.duplicate ? http::ok(r.body) : http::created(r.body);
  });
  router.get("/api/v1/patrol-checks/{id}", [s](http::Request& req) { return http::ok(s->get_check(req.user(), req.id())); });
  router.post("/api/v1/patrol-checks/{id}/work-order", [s, ctx](http::Request& req) {
    return http::created(s->check_to_work_order(ctx(req), req.id(), req.json()));
  });
  router.get("/api/v1/patrol-coverage", [s](http::Request& req) { return http::ok(s->coverage(req.user(), req.query)); });
  router.get("/api/v1/patrol-missed", [s](http::Request& req) { return http::ok(s->missed(req.user(), req.query)); });
  router.post("/api/v1/patrol-plans/{id}/not-needed", [s, ctx](http::Request& req) {
    return http::created(s->mark_not_needed(ctx(req), req.id(), req.json()));
  });
  router.get("/api/v1/patrol-not-needed", [s](http::Request& req) { return http::ok(s->list_not_needed(req.user(), req.query)); });
  router.del("/api/v1/patrol-not-needed/{id}", [s, ctx](http::Request& req) {
    s->remove_not_needed(ctx(req), req.id());
    return http::no_content();
  });
  router.get("/api/v1/patrol-readings", [s](http::Request& req) { return http::ok(s->readings(req.user(), req.query)); });
  router.get("/api/v1/patrol-alarms", [s](http::Request& req) { return http::ok(s->list_alarms(req.user(), req.query)); });
  router.get("/api/v1/patrol-alarms/{id}", [s](http::Request& req) { return http::ok(s->get_alarm(req.user(), req.id())); });
  router.post("/api/v1/patrol-alarms/{id}/treatments", [s, ctx](http::Request& req) {
    return http::ok(s->treat_alarm(ctx(req), req.id(), req.json()));
  });
  router.post("/api/v1/patrol-alarms/{id}/work-order", [s, ctx](http::Request& req) {
    return http::created(s->alarm_to_work_order(ctx(req), req.id(), req.json()));
  });
  router.get("/api/v1/patrol-shortfalls", [s](http::Request& req) { return http::ok(s->shortfalls(req.user(), req.query)); });
}

}  // namespace steward::patrols
