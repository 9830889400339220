#include "modules/inspections/inspection_photos.hpp"

#include "core/error.hpp"
#include "core/time.hpp"
#include "db/query.hpp"
#include "modules/audit/audit.hpp"
#include "modules/inspections/inspection_view.hpp"
#include "modules/photos/photo_rows.hpp"

namespace steward::inspections {
namespace {
using ll = long long;
}

nlohmann::json inspection_photo_json(const db::Row& r) {
  return {{"id", r.i64("id")},
          {"inspectionId", r.i64("inspection_id")},
          {"deductionId", r.opt_i64("deduction_id") ? nlohmann::json(*r.opt_i64("deduction_id")) : nlohmann::json()},
          {"contentType", r.str("content_type")},
          {"size", r.i64("size")},
          {"url", "/api/v1/inspection-photos/" + std::to_string(r.i64("id"))},
          {"uploadedBy", r.str("uploaded_by_name")},
          {"createdAt", core::format_iso8601(r.i64("created_at"))}};
}

nlohmann::json InspectionPhotoService::upload(const core::Context& ctx, std::int64_t inspection_id,
                                              const std::string& declared_type,
                                              const std::string& bytes) const {
  core::require(ctx.actor, "inspection.perform");
  auto check = [&](db::Session& s) {
    auto row = view::find(s, ctx.actor, inspection_id);
    if (!row) core::throw_not_found("inspection");
    view::require_inspector(s, ctx.actor, inspection_id);
    if (row->str("status") != "open")
      core::throw_conflict("inspection.submitted", "the inspection is submitted: its findings are fixed");
    if (db::Query(s, "SELECT COUNT(*) FROM inspection_photo WHERE inspection_id = :i")
            .bind("i", (ll)inspection_id)
            .scalar() >= kPhotosPerInspection)
      core::throw_conflict("photo.too_many", "an inspection has at most " +
                                                 std::to_string(kPhotosPerInspection) + " photos");
    return row->i64("project_id");
  };
  photos::UploadSteps steps;
  // The inspection first: to a caller who may not see it, it does not exist, whatever they send.
  steps.check = check;
  steps.lock = [&](db::Session& s) { photos::lock_row(s, "inspection", inspection_id); };
  steps.insert = [&](db::Session& s, std::int64_t project_id, const photos::Stored& file) {
    const auto now = clock_.now();
    db::Query insert(s,
                     "INSERT INTO inspection_photo (project_id, inspection_id, "
                     "deduction_id, content_type, size, sha256, path, uploaded_by, "
                     "uploaded_by_name, created_at) VALUES (:p, :i, NULL, :ct, :sz, "
                     ":sha, :path, :by, :name, :at) RETURNING id");
    insert.bind("p", (ll)project_id)
        .bind("i", (ll)inspection_id)
        .bind("at", (ll)now);
    const auto id = photos::bind_stored(insert, s, ctx.actor, file).scalar();
    auto out = inspection_photo_json(
        *db::Query(s, "SELECT * FROM inspection_photo WHERE id = :id").bind("id", (ll)id).one());
    nlohmann::json after = out;
    after["sha256"] = file.sha256;
    audit::record(s, ctx, now, {project_id, "inspection_photo", id, "create", nullptr, after});
    return out;
  };
  return photos::upload_into(db_, data_dir_, max_bytes_, declared_type, bytes, steps);
}

photos::PhotoFile InspectionPhotoService::fetch(const core::Actor& actor,
                                                           std::int64_t photo_id) const {
  core::require(actor, "inspection.read");
  const auto row = db_.read([&](db::Session& s) {
    auto p = db::Query(s, "SELECT * FROM inspection_photo WHERE id = :id").bind("id", (ll)photo_id).one();
    if (!p || !view::find(s, actor, p->i64("inspection_id"))) core::throw_not_found("photo");
    return *p;
  });
  return photos::file_of(data_dir_, row);
}

void register_photo_routes(http::Router& router, const InspectionPhotoService& svc) {
  const InspectionPhotoService* s = &svc;
  router.post("/api/v1/inspections/{id}/photos", [s](http::Request& req) {
    return http::created(s->upload({req.user(), req.request_id}, req.id(), req.header("content-type"), req.body));
  });
  router.get("/api/v1/inspection-photos/{id}", [s](http::Request& req) { return photos::photo_response(s->fetch(req.user(), req.id())); });
  // Registered before /rectifications/{id}/{action} (app.cpp), which would take "photos".
  router.post("/api/v1/rectifications/{id}/photos", [s](http::Request& req) {
    return http::created(s->upload_evidence({req.user(), req.request_id}, req.id(), req.header("content-type"), req.body));
  });
  router.get("/api/v1/rectification-photos/{id}",
             [s](http::Request& req) { return photos::photo_response(s->fetch_rectification_photo(req.user(), req.id())); });
  router.post("/api/v1/patrol-checks/{id}/rectification", [s](http::Request& req) {
    return http::created(s->rectification_from_patrol({req.user(), req.request_id}, req.id(), req.json()));
  });
  router.post("/api/v1/patrol-alarms/{id}/rectification", [s](http::Request& req) {
    return http::created(s->rectification_from_alarm({req.user(), req.request_id}, req.id(), req.json()));
  });
}

}  // namespace steward::inspections
