#include "modules/inspections/inspection_photos.hpp"

#include "core/error.hpp"
#include "core/crypto.hpp"
#include "core/time.hpp"
#include "db/query.hpp"
#include "modules/audit/audit.hpp"
#include "modules/inspections/inspection_view.hpp"
#include "modules/work_orders/photos.hpp"

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
  // The inspection first: to a caller who may not see it, it does not exist, whatever they send.
  const auto project_id = db_.read(check);
  const std::string type = work_orders::check_photo(declared_type, bytes, max_bytes_);
  const std::string relative = work_orders::store_photo_file(data_dir_, project_id, type, bytes);
  const auto now = clock_.now();
  try {
    return db_.write([&](db::Session& s) {
      db::Query(s, "UPDATE inspection SET updated_at = updated_at WHERE id = :i").bind("i", (ll)inspection_id).exec();
      check(s);
      const std::string sha = core::sha256_hex(bytes);
      const auto id = db::Query(s,
                                "INSERT INTO inspection_photo (project_id, inspection_id, "
                                "deduction_id, content_type, size, sha256, path, uploaded_by, "
                                "uploaded_by_name, created_at) VALUES (:p, :i, NULL, :ct, :sz, "
                                ":sha, :path, :by, :name, :at) RETURNING id")
                          .bind("p", (ll)project_id)
                          .bind("i", (ll)inspection_id)
                          .bind("ct", type)
                          .bind("sz", (ll)bytes.size())
                          .bind("sha", sha)
                          .bind("path", relative)
                          .bind("by", ctx.actor.user_id > 0 ? std::optional<ll>(ctx.actor.user_id) : std::nullopt)
                          .bind("name", work_orders::uploader_name(s, ctx.actor))
                          .bind("at", (ll)now)
                          .scalar();
      auto out = inspection_photo_json(
          *db::Query(s, "SELECT * FROM inspection_photo WHERE id = :id").bind("id", (ll)id).one());
      nlohmann::json after = out;
      after["sha256"] = sha;
      audit::record(s, ctx, now, {project_id, "inspection_photo", id, "create", nullptr, after});
      return out;
    });
  } catch (...) {
    work_orders::remove_photo_file(data_dir_, relative);  // no row points at it
    throw;
  }
}

InspectionPhotoService::File InspectionPhotoService::fetch(const core::Actor& actor,
                                                           std::int64_t photo_id) const {
  core::require(actor, "inspection.read");
  const auto row = db_.read([&](db::Session& s) {
    auto p = db::Query(s, "SELECT * FROM inspection_photo WHERE id = :id").bind("id", (ll)photo_id).one();
    if (!p || !view::find(s, actor, p->i64("inspection_id"))) core::throw_not_found("photo");
    return *p;
  });
  return {row.str("content_type"), work_orders::read_photo_file(data_dir_, row.str("path"))};
}

void register_photo_routes(http::Router& router, const InspectionPhotoService& svc) {
  const InspectionPhotoService* s = &svc;
  router.post("/api/v1/inspections/{id}/photos", [s](http::Request& req) {
    return http::created(s->upload({req.user(), req.request_id}, req.id(), req.header("content-type"), req.body));
  });
  auto image = [](InspectionPhotoService::File photo) {
    http::Response r;
    r.status = 200;
    r.body = std::move(photo.bytes);
    r.content_type = photo.content_type;
    r.headers.emplace_back("Cache-Control", "private, max-age=86400");
    return r;
  };
  router.get("/api/v1/inspection-photos/{id}", [s, image](http::Request& req) { return image(s->fetch(req.user(), req.id())); });
  // Registered before /rectifications/{id}/{action} (app.cpp), which would take "photos".
  router.post("/api/v1/rectifications/{id}/photos", [s](http::Request& req) {
    return http::created(s->upload_evidence({req.user(), req.request_id}, req.id(), req.header("content-type"), req.body));
  });
  router.get("/api/v1/rectification-photos/{id}",
             [s, image](http::Request& req) { return image(s->fetch_rectification_photo(req.user(), req.id())); });
  router.post("/api/v1/patrol-checks/{id}/rectification", [s](http::Request& req) {
    return http::created(s->rectification_from_patrol({req.user(), req.request_id}, req.id(), req.json()));
  });
  router.post("/api/v1/patrol-alarms/{id}/rectification", [s](http::Request& req) {
    return http::created(s->rectification_from_alarm({req.user(), req.request_id}, req.id(), req.json()));
  });
}

}  // namespace steward::inspections
