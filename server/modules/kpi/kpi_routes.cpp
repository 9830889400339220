#include "modules/kpi/kpi_routes.hpp"

namespace steward::kpi {

void register_routes(http::Router& router, const KpiService& svc) {
  const KpiService* s = &svc;
  router.get("/api/v1/targets", [s](http::Request& req) { return http::ok(s->targets(req.user())); });
  router.patch("/api/v1/targets/{code}", [s](http::Request& req) {
    return http::ok(s->update_target({req.user(), req.request_id}, req.params.at("code"), req.json()));
  });
  router.get("/api/v1/dashboards/projects/{id}", [s](http::Request& req) {
    return http::ok(s->project_dashboard(req.user(), req.id(), req.query));
  });
  router.get("/api/v1/dashboards/company", [s](http::Request& req) {
    return http::ok(s->company_dashboard(req.user(), req.query));
  });
}

}  // namespace steward::kpi
