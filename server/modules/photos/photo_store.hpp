#pragma once
// The storage of photos, shared by every module that takes them (work orders, inspection
// findings, rectification evidence, patrol rounds): each module keeps its own table of rows and
// its own rule of who may see them; this keeps the checks of the bytes, the files and the upload
// steps they all go through.
//
// JPEG, PNG or WebP, the type checked by the bytes, not by what the client claims. The bytes are
// files under <dataDir>/photos/<projectId>/, written under a temporary name (".<name>.tmp") and
// renamed when complete: a failed upload leaves neither a photo nor a temporary file behind, and
// the temporary files of a crash are removed when the server starts again.
#include <chrono>
#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/context.hpp"
#include "db/database.hpp"
#include "db/row.hpp"
#include "http/request.hpp"

namespace steward::photos {

constexpr std::size_t kPhotoMaxBytes = 10 * 1024 * 1024;

// "image/jpeg", "image/png" or "image/webp" from the first bytes; nullopt for anything else.
std::optional<std::string> sniff_image_type(std::string_view bytes);

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
// Writes under ".<name>.tmp" beside the target, flushes, renames; on any failure the temporary
// file is removed and the error thrown.
void write_file_atomically(const std::string& target, const std::string& bytes);
// Removes the temporary files under <data_dir>/photos older than max_age (by their mtime): what a
// crash during an upload left. Returns how many; called when the server starts.
std::size_t remove_stale_temp_files(const std::string& data_dir,
                                    std::chrono::seconds max_age = std::chrono::hours(1));

// The uploader's display name as the photo lists show it.
std::string uploader_name(db::Session& s, const core::Actor& actor);
// The uploader's id for a row's uploaded_by (none for a system actor).
std::optional<long long> uploader_id(const core::Actor& actor);

// A checked and stored upload, for the module's row.
struct Stored {
  std::string type;      // the checked media type
  std::string relative;  // the file, relative to the data dir
  std::string sha256;
  std::int64_t size = 0;
};

// A copy of the file of a photo row (its content_type and path columns) under project_id, for a
// row of another module (a finding's photos taken along); the caller removes it should its write
// fail.
Stored copy_photo_file(const std::string& data_dir, std::int64_t project_id, const db::Row& row);

// Runs job(session, stored) in one db.write, for a job that copies photo files for its rows
// (copy_photo_file) and puts each copy's path in `stored` as soon as it is written: when the write
// fails, those files are removed again, as no row points at them. (A job nested in an outer write
// commits with it: that outer write's caller must clean up instead.)
template <class Job>
auto write_with_copies(db::Database& db, const std::string& data_dir, Job&& job) {
  std::vector<std::string> stored;
  try {
    return db.write([&](db::Session& s) { return job(s, stored); });
  } catch (...) {
    for (const auto& file : stored) remove_photo_file(data_dir, file);
    throw;
  }
}

// How one module takes an upload.
struct UploadSteps {
  // Whether the caller may add a photo (throwing 404/403/409 when not); returns the project id.
  // Run in a read before anything is stored (to a caller who may not see the parent, it does not
  // exist, whatever they send), then again in the write, after `lock`.
  std::function<std::int64_t(db::Session&)> check;
  // Takes the parent's row lock in the write, so two uploads to one parent count one after the
  // other (lock_row); none when nothing is counted.
  std::function<void(db::Session&)> lock;
  // Inserts the module's row (and its audit) and returns the answer.
  std::function<nlohmann::json(db::Session&, std::int64_t project_id, const Stored&)> insert;
};

// check (read), check_photo, store the file, then lock + check + insert in one write; the file
// is removed when the write fails, so no file is left that no row points at.
nlohmann::json upload_into(db::Database& db, const std::string& data_dir, std::size_t max_bytes,
                           const std::string& declared_type, const std::string& bytes,
                           const UploadSteps& steps);
// `UPDATE <table> SET updated_at = updated_at WHERE id = :id`: the row lock of a parent.
void lock_row(db::Session& s, const std::string& table, std::int64_t id);

struct PhotoFile {
  std::string content_type;
  std::string bytes;
};
// The file of a photo row (its content_type and path columns).
PhotoFile file_of(const std::string& data_dir, const db::Row& row);
// The answer of a photo download: the bytes, their type, cacheable by the browser only.
http::Response photo_response(PhotoFile photo);

}  // namespace steward::photos
