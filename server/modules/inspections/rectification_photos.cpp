// Evidence photos of a rectification (DOMAIN I4): the responsible person shows the finding put
// right. Stored by the shared photo code (photos/photo_store.hpp), a row of rectification_photo
// each; only those who see the rectification fetch them.
#include "core/error.hpp"
#include "db/query.hpp"
#include "modules/audit/audit.hpp"
#include "modules/inspections/inspection_photos.hpp"
#include "modules/inspections/rectification_view.hpp"
#include "modules/photos/photo_rows.hpp"

namespace steward::inspections {
namespace {
using ll = long long;
}

std::int64_t insert_rectification_photo(db::Session& s, const core::Context& ctx, std::int64_t project_id,
                                        std::int64_t rectification_id, const std::string& role,
                                        const photos::Stored& file, std::int64_t now) {
  db::Query insert(s,
                   "INSERT INTO rectification_photo (project_id, rectification_id, role, "
                   "attached, content_type, size, sha256, path, uploaded_by, "
                   "uploaded_by_name, created_at) VALUES (:p, :r, :role, :att, :ct, :sz, "
                   ":sha, :path, :by, :name, :at) RETURNING id");
  insert.bind("p", (ll)project_id)
      .bind("r", (ll)rectification_id)
      .bind("role", role)
      .bind("att", role == "finding")
      .bind("at", (ll)now);
  const auto id = photos::bind_stored(insert, s, ctx.actor, file).scalar();
  audit::record(s, ctx, now,
                {project_id, "rectification_photo", id, "create", nullptr,
                 {{"rectificationId", rectification_id}, {"role", role}, {"sha256", file.sha256}}});
  return id;
}

nlohmann::json InspectionPhotoService::upload_evidence(const core::Context& ctx, std::int64_t rectification_id,
                                                       const std::string& declared_type,
                                                       const std::string& bytes) const {
  core::require(ctx.actor, "rectification.work");
  auto check = [&](db::Session& s) {
    auto r = rect::find(s, ctx.actor, rectification_id);
    if (!r) core::throw_not_found("rectification");
    if (!rect::open_status(r->str("status")))
      core::throw_conflict("rectification.invalid_transition",
                           "photos are evidence for completing it: the rectification is " + r->str("status"),
                           {{"status", r->str("status")}});
    if (db::Query(s, "SELECT COUNT(*) FROM rectification_photo WHERE rectification_id = :r")
            .bind("r", (ll)rectification_id)
            .scalar() >= kPhotosPerRectification)
      core::throw_conflict("photo.too_many", "a rectification has at most " +
                                                 std::to_string(kPhotosPerRectification) + " photos");
    return r->i64("project_id");
  };
  photos::UploadSteps steps;
  // The rectification first: to a caller who may not see it, it does not exist, whatever they send.
  steps.check = check;
  steps.lock = [&](db::Session& s) { photos::lock_row(s, "rectification", rectification_id); };
  steps.insert = [&](db::Session& s, std::int64_t project_id, const photos::Stored& file) {
    const auto id = insert_rectification_photo(s, ctx, project_id, rectification_id, "evidence", file, clock_.now());
    return nlohmann::json{{"id", id},
                          {"rectificationId", rectification_id},
                          {"role", "evidence"},
                          {"contentType", file.type},
                          {"size", file.size},
                          {"url", "/api/v1/rectification-photos/" + std::to_string(id)}};
  };
  return photos::upload_into(db_, data_dir_, max_bytes_, declared_type, bytes, steps);
}

photos::PhotoFile InspectionPhotoService::fetch_rectification_photo(const core::Actor& actor,
                                                                    std::int64_t photo_id) const {
  rect::require_read(actor);
  const auto row = db_.read([&](db::Session& s) {
    auto p = db::Query(s, "SELECT * FROM rectification_photo WHERE id = :id").bind("id", (ll)photo_id).one();
    if (!p || !rect::find(s, actor, p->i64("rectification_id"))) core::throw_not_found("photo");
    return *p;
  });
  return photos::file_of(data_dir_, row);
}

}  // namespace steward::inspections
