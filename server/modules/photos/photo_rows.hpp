#pragma once
// What the photo tables of the modules (wo_photo, inspection_photo, rectification_photo,
// patrol_photo) record alike of a stored file, for their INSERTs.
#include "core/context.hpp"
#include "db/query.hpp"
#include "modules/photos/photo_store.hpp"

namespace steward::photos {

// Binds :ct (the checked type), :sz (size), :sha, :path, :by (the uploader's user id, NULL for a
// system actor) and :name (their display name, uploader_name(), for a caller that has it already).
db::Query& bind_stored(db::Query& insert, const core::Actor& actor, const Stored& file, const std::string& name);
// The same, reading the display name.
db::Query& bind_stored(db::Query& insert, db::Session& s, const core::Actor& actor, const Stored& file);

}  // namespace steward::photos
