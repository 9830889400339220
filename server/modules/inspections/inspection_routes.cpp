#include "modules/inspections/inspection_routes.hpp"

namespace steward::inspections {

void register_routes(http::Router& router, const InspectionService& svc) {
  const InspectionService* s = &svc;
  router.get("/api/v1/rubrics", [s](http::Request& req) { return http::ok(s->list_rubrics(req.user(), req.query)); });
  router.post("/api/v1/rubrics", [s](http::Request& req) {
    return http::created(s->create_rubric({req.user(), req.request_id}, req.json()));
  });
  router.get("/api/v1/rubrics/{id}", [s](http::Request& req) { return http::ok(s->get_rubric(req.user(), req.id())); });
  router.put("/api/v1/rubrics/{id}", [s](http::Request& req) {
    return http::ok(s->update_rubric({req.user(), req.request_id}, req.id(), req.json()));
  });
  router.get("/api/v1/inspection-schemes", [s](http::Request& req) { return http::ok(s->list_schemes(req.user())); });
  router.post("/api/v1/inspection-schemes", [s](http::Request& req) {
    return http::created(s->create_scheme({req.user(), req.request_id}, req.json()));
  });
  router.get("/api/v1/inspection-schemes/{id}",
             [s](http::Request& req) { return http::ok(s->get_scheme(req.user(), req.id())); });
  router.put("/api/v1/inspection-schemes/{id}", [s](http::Request& req) {
    return http::ok(s->update_scheme({req.user(), req.request_id}, req.id(), req.json()));
  });
  router.get("/api/v1/inspection-settings", [s](http::Request& req) { return http::ok(s->settings(req.user())); });
  router.put("/api/v1/inspection-settings", [s](http::Request& req) {
    return http::ok(s->update_settings({req.user(), req.request_id}, req.json()));
  });
  router.get("/api/v1/inspections",
             [s](http::Request& req) { return http::ok(s->list_inspections(req.user(), req.query)); });
  router.post("/api/v1/inspections", [s](http::Request& req) {
    return http::created(s->create_inspection({req.user(), req.request_id}, req.json()));
  });
  router.get("/api/v1/inspections/{id}",
             [s](http::Request& req) { return http::ok(s->get_inspection(req.user(), req.id())); });
  router.post("/api/v1/inspections/{id}/deductions", [s](http::Request& req) {
    return http::ok(s->record_deduction({req.user(), req.request_id}, req.id(), req.json()));
  });
  router.post("/api/v1/inspections/{id}/submit", [s](http::Request& req) {
    return http::ok(s->submit({req.user(), req.request_id}, req.id()));
  });
  router.get("/api/v1/inspection-rankings",
             [s](http::Request& req) { return http::ok(s->rankings(req.user(), req.query)); });
  router.get("/api/v1/rectifications",
             [s](http::Request& req) { return http::ok(s->list_rectifications(req.user(), req.query)); });
  router.post("/api/v1/rectifications", [s](http::Request& req) {
    return http::created(s->create_rectification({req.user(), req.request_id}, req.json()));
  });
  router.get("/api/v1/rectifications/{id}",
             [s](http::Request& req) { return http::ok(s->get_rectification(req.user(), req.id())); });
  router.post("/api/v1/rectifications/{id}/{action}", [s](http::Request& req) {
    const auto body = req.body.empty() ? nlohmann::json::object() : req.json();
    return http::ok(s->act_rectification({req.user(), req.request_id}, req.id(), req.params.at("action"), body));
  });
}

}  // namespace steward::inspections
