#include "crud/routes.hpp"

namespace steward::crud {

void register_routes(http::Router& router, const std::string& base, const Resource& resource) {
  const Resource* r = &resource;
  router.get(base, [r](http::Request& req) { return http::ok(r->list(req.user(), req.query)); });
  router.post(base, [r](http::Request& req) {
    return http::created(r->create({req.user(), req.request_id}, req.json()));
  });
  router.get(base + "/{id}",
             [r](http::Request& req) { return http::ok(r->get(req.user(), req.id())); });
  router.patch(base + "/{id}", [r](http::Request& req) {
    return http::ok(r->update({req.user(), req.request_id}, req.id(), req.json()));
  });
  router.del(base + "/{id}", [r](http::Request& req) {
    r->remove({req.user(), req.request_id}, req.id());
    return http::no_content();
  });
}

}  // namespace steward::crud
