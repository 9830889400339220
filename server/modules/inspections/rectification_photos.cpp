// Evidence photos of a rectification (DOMAIN I4): the responsible person shows the finding put
// right. Stored by the shared photo code (work_orders/photos.hpp), a row of rectification_photo
// each; only those who see the rectification fetch them.
#include "core/crypto.hpp"
#include "core/error.hpp"
#include "db/query.hpp"
#include "modules/audit/audit.hpp"
#include "modules/inspections/inspection_photos.hpp"
#include "modules/inspections/rectification_view.hpp"
#include "modules/work_orders/photos.hpp"

namespace steward::inspections {
namespace {
using ll = long long;
}

std::int64_t insert_rectification_photo(db::Session& s, const core::Context& ctx, std::int64_t project_id,
                                        std::int64_t rectification_id, const std::string& role,
                                        const std::string& type, const std::string& bytes,
                                        const std::string& relative, std::int64_t now) {
  const std::string sha = core::sha256_hex(bytes);
  const auto id = db::Query(s,
                            "INSERT INTO rectification_photo (project_id, rectification_id, role, "
                            "attached, content_type, size, sha256, path, uploaded_by, "
                            "uploaded_by_name, created_at) VALUES (:p, :r, :role, :att, :ct, :sz, "
                            ":sha, :path, :by, :name, :at) RETURNING id")
                      .bind("p", (ll)project_id)
                      .bind("r", (ll)rectification_id)
                      .bind("role", role)
                      .bind("att", role == "finding")
                      .bind("ct", type)
                      .bind("sz", (ll)bytes.size())
                      .bind("sha", sha)
                      .bind("path", relative)
                      .bind("by", ctx.actor.user_id > 0 ? std::optional<ll>(ctx.actor.user_id) : std::nullopt)
                      .bind("name", work_orders::uploader_name(s, ctx.actor))
                      .bind("at", (ll)now)
                      .scalar();
  audit::record(s, ctx, now,
                {project_id, "rectification_photo", id, "create", nullptr,
                 {{"rectificationId", rectification_id}, {"role", role}, {"sha256", sha}}});
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
  // The rectification first: to a caller who may not see it, it does not exist, whatever they send.
  const auto project_id = db_.read(check);
  const std::string type = work_orders::check_photo(declared_type, bytes, max_bytes_);
  const std::string relative = work_orders::store_photo_file(data_dir_, project_id, type, bytes);
  const auto now = clock_.now();
  try {
    return db_.write([&](db::Session& s) {
      db::Query(s, "UPDATE rectification SET updated_at = updated_at WHERE id = :r").bind("r", (ll)rectification_id).exec();
      check(s);
      const auto id = insert_rectification_photo(s, ctx, project_id, rectification_id, "evidence", type,
                                                 bytes, relative, now);
      return nlohmann::json{{"id", id},
                            {"rectificationId", rectification_id},
                            {"role", "evidence"},
                            {"contentType", type},
                            {"size", (ll)bytes.size()},
                            {"url", "/api/v1/rectification-photos/" + std::to_string(id)}};
    });
  } catch (...) {
    work_orders::remove_photo_file(data_dir_, relative);  // no row points at it
    throw;
  }
}

InspectionPhotoService::File InspectionPhotoService::fetch_rectification_photo(const core::Actor& actor,
                                                                               std::int64_t photo_id) const {
  rect::require_read(actor);
  const auto row = db_.read([&](db::Session& s) {
    auto p = db::Query(s, "SELECT * FROM rectification_photo WHERE id = :id").bind("id", (ll)photo_id).one();
    if (!p || !rect::find(s, actor, p->i64("rectification_id"))) core::throw_not_found("photo");
    return *p;
  });
  return {row.str("content_type"), work_orders::read_photo_file(data_dir_, row.str("path"))};
}

}  // namespace steward::inspections
