#pragma once
// Photos of a work order (DOMAIN W1-W5): taken when it is reported and when the work is done.
// JPEG, PNG or WebP, at most 10 MiB each (the server lets only this route's body be that large),
// the type checked by the bytes, not by what the client claims; at most 9 per order and stage.
// The bytes are files under <dataDir>/photos/<projectId>/; a row records each one. A photo is
// shown only to those who may see its order: to anybody else it does not exist (404).
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "core/context.hpp"
#include "db/database.hpp"
#include "http/router.hpp"

namespace steward::work_orders {

constexpr int kPhotosPerStage = 9;
constexpr std::size_t kPhotoMaxBytes = 10 * 1024 * 1024;

// "image/jpeg", "image/png" or "image/webp" from the first bytes; nullopt for anything else.
std::optional<std::string> sniff_image_type(std::string_view bytes);

// The storage of photos, shared by every module that takes them (work orders, inspection
// deductions): each module keeps its own table of rows and its own rule of who may see them.
// The checked type of an upload ("image/png"): 415 when the declared type is not an image or
// the bytes are not what was declared, 413 beyond max_bytes.
std::string check_photo(const std::string& declared_header, const std::string& bytes,
                        std::size_t max_bytes);
// Writes the bytes (durably, atomically) to <data_dir>/photos/<project_id>/<random>.<ext> and
// returns that path relative to data_dir, for the module's row.
std::string store_photo_file(const std::string& data_dir, std::int64_t project_id,
                             const std::string& type, const std::string& bytes);
void remove_photo_file(const std::string& data_dir, const std::string& relative);
std::string read_photo_file(const std::string& data_dir, const std::string& relative);
// The uploader's display name as the photo lists show it.
std::string uploader_name(db::Session& s, const core::Actor& actor);

// The photo as the order JSON and the upload answer show it.
nlohmann::json photo_json(std::int64_t id, std::int64_t order_id, const std::string& stage,
                          const std::string& content_type, std::int64_t size,
                          std::int64_t created_at, const std::string& uploaded_by, int offset);
// The order's photos from the `photo_list` column of repo::order_select(), oldest first.
nlohmann::json photos_of_list(std::int64_t order_id, const std::string& photo_list, int offset);

struct PhotoFile {
  std::string content_type;
  std::string bytes;
};

class PhotoService {
 public:
  PhotoService(db::Database& db, const core::Clock& clock, std::string data_dir,
               std::size_t max_bytes = kPhotoMaxBytes)
      : db_(db), clock_(clock), data_dir_(std::move(data_dir)), max_bytes_(max_bytes) {}

  // Stores one photo of a stage ("report" or "complete"); 415 when the bytes are not the
  // declared image type, 409 beyond 9 per stage.
  nlohmann::json upload(const core::Context& ctx, std::int64_t order_id, const std::string& stage,
                        const std::string& declared_type, const std::string& bytes) const;
  // The bytes, for callers who may see the order; 404 otherwise.
  PhotoFile fetch(const core::Actor& actor, std::int64_t photo_id) const;

 private:
  db::Database& db_;
  const core::Clock& clock_;
  std::string data_dir_;
  std::size_t max_bytes_;
};

// POST /api/v1/work-orders/{id}/photos and GET /api/v1/photos/{id}; registered before the
// generic /api/v1/work-orders/{id}/{action}.
void register_photo_routes(http::Router& router, const PhotoService& service);

}  // namespace steward::work_orders
