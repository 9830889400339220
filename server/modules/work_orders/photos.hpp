#pragma once
// Photos of a work order (DOMAIN W1-W5): taken when it is reported and when the work is done.
// JPEG, PNG or WebP, at most 10 MiB each (the server lets only this route's body be that large),
// the type checked by the bytes, not by what the client claims; at most 9 per order and stage.
// The bytes are stored by the shared photo code (photos/photo_store.hpp), a row of wo_photo each.
// A photo is shown only to those who may see its order: to anybody else it does not exist (404).
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/context.hpp"
#include "db/database.hpp"
#include "http/router.hpp"
#include "modules/photos/photo_store.hpp"

namespace steward::work_orders {

constexpr int kPhotosPerStage = 9;

// The photo as the order JSON and the upload answer show it.
nlohmann::json photo_json(std::int64_t id, std::int64_t order_id, const std::string& stage,
                          const std::string& content_type, std::int64_t size,
                          std::int64_t created_at, const std::string& uploaded_by, int offset);
// The order's photos from the `photo_list` column of repo::order_select(), oldest first.
nlohmann::json photos_of_list(std::int64_t order_id, const std::string& photo_list, int offset);

class PhotoService {
 public:
  PhotoService(db::Database& db, const core::Clock& clock, std::string data_dir,
               std::size_t max_bytes = photos::kPhotoMaxBytes)
      : db_(db), clock_(clock), data_dir_(std::move(data_dir)), max_bytes_(max_bytes) {}

  // Stores one photo of a stage ("report" or "complete"); 415 when the bytes are not the
  // declared image type, 409 beyond 9 per stage.
  nlohmann::json upload(const core::Context& ctx, std::int64_t order_id, const std::string& stage,
                        const std::string& declared_type, const std::string& bytes) const;
  // The bytes, for callers who may see the order; 404 otherwise.
  photos::PhotoFile fetch(const core::Actor& actor, std::int64_t photo_id) const;
  // A copy of another module's photo row (its content_type and path columns) as a photo of the
  // order, inside the caller's write (a patrol finding's photos taken along); 409 beyond 9 per
  // stage. The copy's path goes into `stored` as soon as it is written: the caller removes those
  // files should its write fail (photos::write_with_copies), as no row then points at them.
  nlohmann::json attach_copy(db::Session& s, const core::Context& ctx, std::int64_t order_id,
                             const std::string& stage, const db::Row& source,
                             std::vector<std::string>& stored) const;
  const std::string& data_dir() const { return data_dir_; }

 private:
  // The wo_photo row of a stored file, its timeline event and audit; the photo as upload answers.
  nlohmann::json insert_photo(db::Session& s, const core::Context& ctx, const db::Row& order,
                              std::int64_t project_id, const std::string& stage,
                              const photos::Stored& file) const;

  db::Database& db_;
  const core::Clock& clock_;
  std::string data_dir_;
  std::size_t max_bytes_;
};

// POST /api/v1/work-orders/{id}/photos and GET /api/v1/photos/{id}; registered before the
// generic /api/v1/work-orders/{id}/{action}.
void register_photo_routes(http::Router& router, const PhotoService& service);

}  // namespace steward::work_orders
