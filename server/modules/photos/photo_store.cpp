#include "modules/photos/photo_store.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "core/crypto.hpp"
#include "core/error.hpp"
#include "db/query.hpp"
#include "modules/photos/photo_rows.hpp"

namespace steward::photos {
namespace {

using ll = long long;
namespace fs = std::filesystem;

const char* extension_of(const std::string& type) {
  if (type == "image/jpeg") return "jpg";
  if (type == "image/png") return "png";
  return "webp";
}

// The media type without parameters, lower case: "image/png; x=y" -> "image/png".
std::string bare_type(const std::string& header) {
  std::string t = header.substr(0, header.find(';'));
  t.erase(0, t.find_first_not_of(" \t"));
  t.erase(t.find_last_not_of(" \t") + 1);
  std::transform(t.begin(), t.end(), t.begin(), [](unsigned char c) { return std::tolower(c); });
  return t;
}

bool is_image_type(const std::string& t) {
  return t == "image/jpeg" || t == "image/png" || t == "image/webp";
}

core::AppError unsupported(const std::string& code, const std::string& message) {
  return core::AppError(core::ErrorKind::unsupported_media, code, message,
                        {{"contentType", message}});
}

// Names are shown in a list whose fields are separated by control characters.
std::string printable(std::string name) {
  std::replace_if(name.begin(), name.end(), [](unsigned char c) { return c < 0x20; }, ' ');
  return name;
}

bool is_temp_name(const std::string& name) {
  return name.size() > 5 && name.front() == '.' && name.compare(name.size() - 4, 4, ".tmp") == 0;
}

}  // namespace

void write_file_atomically(const std::string& target_path, const std::string& bytes) {
  const fs::path target(target_path);
  fs::create_directories(target.parent_path());
  const fs::path temp = target.parent_path() / ("." + target.filename().string() + ".tmp");
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
  if (fd < 0) throw std::runtime_error("cannot create photo file: " + std::string(std::strerror(errno)));
  // From here on the temporary file is ours: whatever fails, it goes.
  auto fail = [&](const std::string& what) {
    ::unlink(temp.c_str());
    throw std::runtime_error(what);
  };
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const std::string why = n < 0 ? std::strerror(errno) : "nothing written";
      ::close(fd);
      fail("cannot write photo file: " + why);
    }
    done += static_cast<std::size_t>(n);
  }
  const bool synced = ::fsync(fd) == 0;
  const bool closed = ::close(fd) == 0;
  if (!synced || !closed) fail("cannot flush photo file");
  std::error_code ec;
  fs::rename(temp, target, ec);
  if (ec) fail("cannot rename photo file: " + ec.message());
  // The directory entry of the rename, too.
  const int dir = ::open(target.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
}

std::size_t remove_stale_temp_files(const std::string& data_dir, std::chrono::seconds max_age) {
  const fs::path dir = fs::path(data_dir) / "photos";
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return 0;
  const auto cutoff = fs::file_time_type::clock::now() - max_age;
  std::size_t removed = 0;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (!it->is_regular_file(ec) || !is_temp_name(it->path().filename().string())) continue;
    const auto written = fs::last_write_time(it->path(), ec);
    if (ec || written >= cutoff) {
      ec.clear();
      continue;
    }
    if (fs::remove(it->path(), ec)) ++removed;
    ec.clear();
  }
  return removed;
}

std::optional<std::string> sniff_image_type(std::string_view b) {
  if (b.size() >= 3 && b.substr(0, 3) == std::string_view("\xFF\xD8\xFF", 3)) return "image/jpeg";
  if (b.size() >= 8 && b.substr(0, 8) == std::string_view("\x89PNG\r\n\x1A\n", 8))
    return "image/png";
  if (b.size() >= 12 && b.substr(0, 4) == "RIFF" && b.substr(8, 4) == "WEBP") return "image/webp";
  return std::nullopt;
}

std::string uploader_name(db::Session& s, const core::Actor& actor) {
  if (auto u = db::Query(s, "SELECT display_name FROM app_user WHERE id = :id")
                   .bind("id", (ll)actor.user_id)
                   .one())
    if (!u->str("display_name").empty()) return printable(u->str("display_name"));
  return printable(actor.username);
}

std::optional<long long> uploader_id(const core::Actor& actor) {
  if (actor.user_id > 0) return actor.user_id;
  return std::nullopt;
}

std::string check_photo(const std::string& declared_header, const std::string& bytes,
                        std::size_t max_bytes) {
  if (bytes.empty()) throw unsupported("photo.not_an_image", "the body is empty: send the image");
  if (bytes.size() > max_bytes)
    throw core::AppError(core::ErrorKind::payload_too_large, "request.body_too_large",
                         "a photo is at most " + std::to_string(max_bytes) + " bytes");
  const std::string declared = bare_type(declared_header);
  if (!is_image_type(declared))
    throw unsupported("photo.unsupported_type",
                      "Content-Type must be image/jpeg, image/png or image/webp");
  const auto actual = sniff_image_type(bytes);
  if (!actual)
    throw unsupported("photo.not_an_image", "the body is not a JPEG, PNG or WebP image");
  if (*actual != declared)
    throw unsupported("photo.type_mismatch",
                      "the body is " + *actual + ", not the declared " + declared);
  return *actual;
}

std::string store_photo_file(const std::string& data_dir, std::int64_t project_id,
                             const std::string& type, const std::string& bytes) {
  const std::string relative = "photos/" + std::to_string(project_id) + "/" +
                               core::sha256_hex(core::random_bytes(16)).substr(0, 32) + "." +
                               extension_of(type);
  write_file_atomically((fs::path(data_dir) / relative).string(), bytes);
  return relative;
}

void remove_photo_file(const std::string& data_dir, const std::string& relative) {
  std::error_code ec;
  fs::remove(fs::path(data_dir) / relative, ec);
}

std::string read_photo_file(const std::string& data_dir, const std::string& relative) {
  std::ifstream in(fs::path(data_dir) / relative, std::ios::binary);
  if (!in) throw std::runtime_error("photo file missing: " + relative);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

db::Query& bind_stored(db::Query& insert, const core::Actor& actor, const Stored& file, const std::string& name) {
  return insert.bind("ct", file.type)
      .bind("sz", (ll)file.size)
      .bind("sha", file.sha256)
      .bind("path", file.relative)
      .bind("by", uploader_id(actor))
      .bind("name", name);
}

db::Query& bind_stored(db::Query& insert, db::Session& s, const core::Actor& actor, const Stored& file) {
  return bind_stored(insert, actor, file, uploader_name(s, actor));
}

Stored copy_photo_file(const std::string& data_dir, std::int64_t project_id, const db::Row& row) {
  const std::string bytes = read_photo_file(data_dir, row.str("path"));
  Stored copy{row.str("content_type"), "", core::sha256_hex(bytes), static_cast<std::int64_t>(bytes.size())};
  copy.relative = store_photo_file(data_dir, project_id, copy.type, bytes);
  return copy;
}

nlohmann::json upload_into(db::Database& db, const std::string& data_dir, std::size_t max_bytes,
                           const std::string& declared_type, const std::string& bytes,
                           const UploadSteps& steps) {
  const std::int64_t project_id = db.read(steps.check);
  Stored stored;
  stored.type = check_photo(declared_type, bytes, max_bytes);
  stored.size = static_cast<std::int64_t>(bytes.size());
  stored.sha256 = core::sha256_hex(bytes);
  stored.relative = store_photo_file(data_dir, project_id, stored.type, bytes);
  try {
    return db.write([&](db::Session& s) {
      if (steps.lock) steps.lock(s);
      steps.check(s);
      return steps.insert(s, project_id, stored);
    });
  } catch (...) {
    remove_photo_file(data_dir, stored.relative);  // no row points at it
    throw;
  }
}

void lock_row(db::Session& s, const std::string& table, std::int64_t id) {
  db::Query(s, "UPDATE " + table + " SET updated_at = updated_at WHERE id = :id").bind("id", (ll)id).exec();
}

PhotoFile file_of(const std::string& data_dir, const db::Row& row) {
  return {row.str("content_type"), read_photo_file(data_dir, row.str("path"))};
}

http::Response photo_response(PhotoFile photo) {
  http::Response r;
  r.status = 200;
  r.body = std::move(photo.bytes);
  r.content_type = std::move(photo.content_type);
  r.headers.emplace_back("Cache-Control", "private, max-age=86400");
  return r;
}

}  // namespace steward::photos
