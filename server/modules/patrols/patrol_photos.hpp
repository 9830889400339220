#pragma once
// Photos taken on a round (DOMAIN P2, P4): uploaded to a project by whoever performs checks
// (POST /api/v1/patrol-photos?projectId=, the image as the body; from a phone that was offline,
// before the check that names them), then attached to a not-ok item by recording the check with
// `photoIds`. Stored by the shared photo code (photos/photo_store.hpp: the same checks of the
// bytes, the same files under <dataDir>/photos/<projectId>/), one row of patrol_photo each.
// Fetched (GET /api/v1/patrol-photos/{id}) by the uploader and by those who see the check; to
// anybody else they do not exist (404). A finding that becomes a work order takes copies along.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "core/clock.hpp"
#include "core/context.hpp"
#include "db/database.hpp"
#include "http/router.hpp"
#include "modules/photos/photo_store.hpp"

namespace steward::patrols {

class PatrolPhotoService {
 public:
  PatrolPhotoService(db::Database& db, const core::Clock& clock, std::string data_dir, std::size_t max_bytes)
      : db_(db), clock_(clock), data_dir_(std::move(data_dir)), max_bytes_(max_bytes) {}

  nlohmann::json upload(const core::Context& ctx, std::int64_t project_id, const std::string& declared_type,
                        const std::string& bytes) const;
  photos::PhotoFile fetch(const core::Actor& actor, std::int64_t photo_id) const;

 private:
  db::Database& db_;
  const core::Clock& clock_;
  std::string data_dir_;
  std::size_t max_bytes_;
};

nlohmann::json patrol_photo_json(const db::Row& row);
void register_photo_routes(http::Router& router, const PatrolPhotoService& service);

}  // namespace steward::patrols
