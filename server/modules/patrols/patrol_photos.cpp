#include "modules/patrols/patrol_photos.hpp"

#include "core/crypto.hpp"
#include "core/error.hpp"
#include "core/time.hpp"
#include "db/query.hpp"
#include "modules/audit/audit.hpp"
#include "modules/patrols/patrol_repo.hpp"
#include "modules/patrols/patrol_view.hpp"
#include "modules/work_orders/photos.hpp"

namespace steward::patrols {
namespace {
using ll = long long;
}

nlohmann::json patrol_photo_json(const db::Row& r) {
  return {{"id", r.i64("id")},
          {"projectId", r.i64("project_id")},
          {"attached", !r.is_null("result_id")},
          {"contentType", r.str("content_type")},
          {"size", r.i64("size")},
          {"url", "/api/v1/patrol-photos/" + std::to_string(r.i64("id"))},
          {"uploadedBy", r.str("uploaded_by_name")},
          {"createdAt", core::format_iso8601(r.i64("created_at"))}};
}

nlohmann::json PatrolPhotoService::upload(const core::Context& ctx, std::int64_t project_id,
                                          const std::string& declared_type, const std::string& bytes) const {
  core::require(ctx.actor, "patrol.perform");
  if (project_id <= 0) core::throw_invalid("invalid query", {{"projectId", "is required"}});
  if (!ctx.actor.sees_project(project_id)) core::throw_not_found("project");
  db_.read([&](db::Session& s) {
    if (!db::Query(s, "SELECT id FROM project WHERE id = :p").bind("p", (ll)project_id).one())
      core::throw_not_found("project");
    return 0;
  });
  const std::string type = work_orders::check_photo(declared_type, bytes, max_bytes_);
  const std::string relative = work_orders::store_photo_file(data_dir_, project_id, type, bytes);
  const auto now = clock_.now();
  try {
    return db_.write([&](db::Session& s) {
      const std::string sha = core::sha256_hex(bytes);
      const auto id = db::Query(s,
                                "INSERT INTO patrol_photo (project_id, result_id, content_type, size, "
                                "sha256, path, uploaded_by, uploaded_by_name, created_at) VALUES (:p, "
                                "NULL, :ct, :sz, :sha, :path, :by, :name, :at) RETURNING id")
                          .bind("p", (ll)project_id)
                          .bind("ct", type)
                          .bind("sz", (ll)bytes.size())
                          .bind("sha", sha)
                          .bind("path", relative)
                          .bind("by", ctx.actor.user_id > 0 ? std::optional<ll>(ctx.actor.user_id) : std::nullopt)
                          .bind("name", work_orders::uploader_name(s, ctx.actor))
                          .bind("at", (ll)now)
                          .scalar();
      auto out = patrol_photo_json(*db::Query(s, "SELECT * FROM patrol_photo WHERE id = :id").bind("id", (ll)id).one());
      nlohmann::json after = out;
      after["sha256"] = sha;
      audit::record(s, ctx, now, {project_id, "patrol_photo", id, "create", nullptr, after});
      return out;
    });
  } catch (...) {
    work_orders::remove_photo_file(data_dir_, relative);  // no row points at it
    throw;
  }
}

PatrolPhotoService::File PatrolPhotoService::fetch(const core::Actor& actor, std::int64_t photo_id) const {
  repo::require_any(actor);
  const auto row = db_.read([&](db::Session& s) {
    auto r = db::Query(s,
                       "SELECT ph.*, r.check_id FROM patrol_photo ph LEFT JOIN patrol_result r ON r.id "
                       "= ph.result_id WHERE ph.id = :id" + repo::in_projects(actor, "ph.project_id"))
                 .bind("id", (ll)photo_id)
                 .one();
    if (!r) core::throw_not_found("photo");
    const bool mine = r->opt_i64("uploaded_by") == actor.user_id;
    const bool seen = r->opt_i64("check_id") && view::find_check(s, actor, *r->opt_i64("check_id"));
    if (!mine && !seen) core::throw_not_found("photo");
    return *r;
  });
  return {row.str("content_type"), work_orders::read_photo_file(data_dir_, row.str("path"))};
}

std::string PatrolPhotoService::read(const std::string& relative) const {
  return work_orders::read_photo_file(data_dir_, relative);
}

void register_photo_routes(http::Router& router, const PatrolPhotoService& svc) {
  const PatrolPhotoService* s = &svc;
  router.post("/api/v1/patrol-photos", [s](http::Request& req) {
    return http::created(s->upload({req.user(), req.request_id}, req.query.id("projectId").value_or(0),
                                   req.header("content-type"), req.body));
  });
  router.get("/api/v1/patrol-photos/{id}", [s](http::Request& req) {
    auto photo = s->fetch(req.user(), req.id());
    http::Response r;
    r.status = 200;
    r.body = std::move(photo.bytes);
    r.content_type = photo.content_type;
    r.headers.emplace_back("Cache-Control", "private, max-age=86400");
    return r;
  });
}

}  // namespace steward::patrols
