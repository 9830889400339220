#pragma once
// Photos of an inspection's findings (DOMAIN I2): uploaded while the inspection is open by whoever
// may record it (POST /api/v1/inspections/{id}/photos, the image as the body), then attached to a
// deduction by recording it with `photoIds`. Stored by the shared photo code (photos/photo_store.hpp:
// the same checks of the bytes, the same files under <dataDir>/photos/<projectId>/); a row of
// inspection_photo each.
// Only those who see the inspection fetch them (GET /api/v1/inspection-photos/{id}); to anybody
// else they do not exist (404).
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "core/clock.hpp"
#include "core/context.hpp"
#include "db/database.hpp"
#include "db/row.hpp"
#include "http/router.hpp"
#include "modules/photos/photo_store.hpp"

namespace steward::inspections {

constexpr int kPhotosPerInspection = 200;
constexpr std::size_t kPhotosPerDeduction = 9;
constexpr int kPhotosPerRectification = 50;

class InspectionPhotoService {
 public:
  InspectionPhotoService(db::Database& db, const core::Clock& clock, std::string data_dir,
                         std::size_t max_bytes)
      : db_(db), clock_(clock), data_dir_(std::move(data_dir)), max_bytes_(max_bytes) {}

  nlohmann::json upload(const core::Context& ctx, std::int64_t inspection_id,
                        const std::string& declared_type, const std::string& bytes) const;
  photos::PhotoFile fetch(const core::Actor& actor, std::int64_t photo_id) const;

  // Evidence photos of a rectification (rectification_photos.cpp): uploaded while it is open or
  // rejected by whoever may complete it (POST /api/v1/rectifications/{id}/photos), then named in
  // the completion's photoIds; fetched by whoever sees the rectification.
  nlohmann::json upload_evidence(const core::Context& ctx, std::int64_t rectification_id,
                                 const std::string& declared_type, const std::string& bytes) const;
  photos::PhotoFile fetch_rectification_photo(const core::Actor& actor, std::int64_t photo_id) const;
  // A not-ok item of a patrol check becomes a rectification in one step (DOMAIN P4), with its
  // photos (copied) and its checkpoint; a second time is 409 (patrol_rectifications.cpp).
  nlohmann::json rectification_from_patrol(const core::Context& ctx, std::int64_t check_id,
                                           const nlohmann::json& body) const;
  // An alarm of a reading out of limits becomes a rectification in one step, with the photos of
  // the reading that raised it and its checkpoint; a second time is 409.
  nlohmann::json rectification_from_alarm(const core::Context& ctx, std::int64_t alarm_id,
                                          const nlohmann::json& body) const;

 private:
  db::Database& db_;
  const core::Clock& clock_;
  std::string data_dir_;
  std::size_t max_bytes_;
};

// A row of rectification_photo for a file stored already ("evidence": not yet named by a
// completion; "finding": shown at once), with its audit row.
std::int64_t insert_rectification_photo(db::Session& s, const core::Context& ctx, std::int64_t project_id,
                                        std::int64_t rectification_id, const std::string& role,
                                        const photos::Stored& file, std::int64_t now);

// The photo as a deduction and the upload answer show it.
nlohmann::json inspection_photo_json(const db::Row& row);

void register_photo_routes(http::Router& router, const InspectionPhotoService& service);

}  // namespace steward::inspections
