#include "modules/patrols/patrol_photos.hpp"

#include "core/error.hpp"
#include "core/time.hpp"
#include "db/query.hpp"
#include "modules/audit/audit.hpp"
#include "modules/patrols/patrol_repo.hpp"
#include "modules/patrols/patrol_view.hpp"
#include "modules/photos/photo_rows.hpp"

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
  photos::UploadSteps steps;
  // Nothing is counted: no lock, and the check only that the project is there.
  steps.check = [&](db::Session& s) {
    if (!db::Query(s, "SELECT id FROM project WHERE id = :p").bind("p", (ll)project_id).one())
      core::throw_not_found("project");
    return project_id;
  };
  steps.insert = [&](db::Session& s, std::int64_t, const photos::Stored& file) {
    const auto now = clock_.now();
    db::Query insert(s,
                     "INSERT INTO patrol_photo (project_id, result_id, content_type, size, "
                     "sha256, path, uploaded_by, uploaded_by_name, created_at) VALUES (:p, "
                     "NULL, :ct, :sz, :sha, :path, :by, :name, :at) RETURNING id");
    insert.bind("p", (ll)project_id)
        .bind("at", (ll)now);
    const auto id = photos::bind_stored(insert, s, ctx.actor, file).scalar();
    auto out = patrol_photo_json(*db::Query(s, "SELECT * FROM patrol_photo WHERE id = :id").bind("id", (ll)id).one());
    nlohmann::json after = out;
    after["sha256"] = file.sha256;
    audit::record(s, ctx, now, {project_id, "patrol_photo", id, "create", nullptr, after});
    return out;
  };
  return photos::upload_into(db_, data_dir_, max_bytes_, declared_type, bytes, steps);
}

photos::PhotoFile PatrolPhotoService::fetch(const core::Actor& actor, std::int64_t photo_id) const {
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
  return photos::file_of(data_dir_, row);
}

void register_photo_routes(http::Router& router, const PatrolPhotoService& svc) {
  const PatrolPhotoService* s = &svc;
  router.post("/api/v1/patrol-photos", [s](http::Request& req) {
    return http::created(s->upload({req.user(), req.request_id}, req.query.id("projectId").value_or(0),
                                   req.header("content-type"), req.body));
  });
  router.get("/api/v1/patrol-photos/{id}", [s](http::Request& req) {
    return photos::photo_response(s->fetch(req.user(), req.id()));
  });
}

}  // namespace steward::patrols
