#include "modules/inspections/inspection_routes.hpp"

#include "exports/download.hpp"

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
  router.del("/api/v1/inspections/{id}/deductions/{deductionId}", [s](http::Request& req) {
    return http::ok(s->remove_deduction({req.user(), req.request_id}, req.id(), req.id("deductionId")));
  });
  router.get("/api/v1/inspections/{id}/payments/export", [s](http::Request& req) {
    const auto format = exports::format_of(req.query);
    return exports::download(s->payments_table(req.user(), req.id()), format,
                             "奖罚清单-" + std::to_string(req.id()));
  });
  router.get("/api/v1/inspection-payments",
             [s](http::Request& req) { return http::ok(s->month_payments(req.user(), req.query)); });
  router.get("/api/v1/inspection-payments/export", [s](http::Request& req) {
    const auto format = exports::format_of(req.query);
    return exports::download(s->month_payments_table(req.user(), req.query), format,
                             "检查奖罚-" + req.query.text("month").value_or(""));
  });
  router.get("/api/v1/rubrics/{id}/export", [s](http::Request& req) {
    const auto f = req.query.text("format").value_or("json");
    if (f != "json" && f != "xlsx") core::throw_invalid("invalid request", {{"format", "must be one of: json, xlsx"}});
    if (f == "xlsx") {
      auto bytes = s->rubric_xlsx(req.user(), req.id());
      return exports::download_bytes(std::move(bytes), exports::Format::xlsx,
                                     "rubric-" + std::to_string(req.id()));
    }
    const auto doc = s->rubric_document(req.user(), req.id());
    http::Response r = http::json_response(200, doc);
    r.headers.emplace_back("Content-Disposition",
                           exports::content_disposition(doc["code"].get<std::string>() + "-v" +
                                                        std::to_string(doc["version"].get<std::int64_t>()) + ".json"));
    return r;
  });
  router.post("/api/v1/rubrics/import", [s](http::Request& req) {
    const auto type = req.header("content-type");
    const bool is_json = type.rfind("application/json", 0) == 0;
    return http::created(s->import_rubric({req.user(), req.request_id}, req.body, is_json, req.query.text("code")));
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
