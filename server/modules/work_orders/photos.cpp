#include "modules/work_orders/photos.hpp"

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
#include "core/time.hpp"
#include "db/query.hpp"
#include "modules/audit/audit.hpp"
#include "modules/work_orders/work_order_repo.hpp"
#include "modules/work_orders/work_order_view.hpp"

namespace steward::work_orders {
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

// Writes the file under a temporary name, flushes it to disk, then renames it: a crash leaves
// at worst a stray temporary file, never half a photo under its final name.
void write_file_atomically(const fs::path& target, const std::string& bytes) {
  fs::create_directories(target.parent_path());
  const fs::path temp = target.parent_path() / ("." + target.filename().string() + ".tmp");
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
  if (fd < 0) throw std::runtime_error("cannot create photo file: " + std::string(std::strerror(errno)));
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const std::string why = std::strerror(errno);
      ::close(fd);
      ::unlink(temp.c_str());
      throw std::runtime_error("cannot write photo file: " + why);
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    ::unlink(temp.c_str());
    throw std::runtime_error("cannot flush photo file");
  }
  fs::rename(temp, target);
  // The directory entry of the rename, too.
  const int dir = ::open(target.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
}

std::int64_t photos_in_stage(db::Session& s, std::int64_t order_id, const std::string& stage) {
  return db::Query(s, "SELECT COUNT(*) FROM wo_photo WHERE order_id = :o AND stage = :s")
      .bind("o", (ll)order_id)
      .bind("s", stage)
      .scalar();
}

void check_room(db::Session& s, std::int64_t order_id, const std::string& stage) {
  if (photos_in_stage(s, order_id, stage) >= kPhotosPerStage)
    core::throw_conflict("photo.too_many",
                         "an order has at most " + std::to_string(kPhotosPerStage) +
                             " photos per stage",
                         {{"stage", "already has " + std::to_string(kPhotosPerStage) + " photos"}});
}

std::vector<std::string> split(const std::string& text, char sep) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  for (;;) {
    const auto next = text.find(sep, pos);
    out.push_back(text.substr(pos, next == std::string::npos ? std::string::npos : next - pos));
    if (next == std::string::npos) return out;
    pos = next + 1;
  }
}

}  // namespace

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
  write_file_atomically(fs::path(data_dir) / relative, bytes);
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

nlohmann::json photo_json(std::int64_t id, std::int64_t order_id, const std::string& stage,
                          const std::string& content_type, std::int64_t size,
                          std::int64_t created_at, const std::string& uploaded_by, int offset) {
  return {{"id", id},
          {"orderId", order_id},
          {"stage", stage},
          {"contentType", content_type},
          {"size", size},
          {"url", "/api/v1/photos/" + std::to_string(id)},
          {"createdAt", core::format_iso8601(created_at, offset)},
          {"uploadedBy", uploaded_by}};
}

nlohmann::json photos_of_list(std::int64_t order_id, const std::string& list, int offset) {
  struct Item {
    std::int64_t id;
    nlohmann::json json;
  };
  std::vector<Item> items;
  if (!list.empty())
    for (const auto& record : split(list, '\x1e')) {
      auto f = split(record, '\x1f');
      if (f.size() < 6) continue;
      // The name is the last field; should it ever hold the separator, it keeps it.
      std::string name = f[5];
      for (std::size_t i = 6; i < f.size(); ++i) name += " " + f[i];
      const std::int64_t id = std::stoll(f[0]);
      items.push_back({id, photo_json(id, order_id, f[1], f[2], std::stoll(f[3]),
                                      std::stoll(f[4]), name, offset)});
    }
  std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.id < b.id; });
  nlohmann::json out = nlohmann::json::array();
  for (auto& i : items) out.push_back(std::move(i.json));
  return out;
}

nlohmann::json PhotoService::upload(const core::Context& ctx, std::int64_t order_id,
                                    const std::string& stage, const std::string& declared_header,
                                    const std::string& bytes) const {
  const core::Actor& actor = ctx.actor;
  if (stage != "report" && stage != "complete")
    core::throw_invalid("query parameter stage must be report or complete",
                        {{"stage", "must be report or complete"}});
  if (!actor.can("work_order.register") && !actor.can("work_order.work"))
    core::throw_forbidden("work_order.work");
  if (actor.is_owner() && stage != "report")
    throw core::AppError(core::ErrorKind::forbidden, "photo.stage_not_allowed",
                         "owners add photos to their report only", {{"stage", "must be report"}});
  // The order first: to a caller who may not see it, it does not exist, whatever they send.
  const auto order = db_.read([&](db::Session& s) {
    auto o = repo::find_order(s, actor, order_id);
    if (!o) core::throw_not_found("work order");
    check_room(s, order_id, stage);
    return *o;
  });
  const std::string actual = check_photo(declared_header, bytes, max_bytes_);

  const std::int64_t project_id = order.i64("project_id");
  const std::string relative = store_photo_file(data_dir_, project_id, actual, bytes);
  const std::int64_t now = clock_.now();
  try {
    return db_.write([&](db::Session& s) {
      // Takes the order's row lock, so two uploads of the same order count one after the other.
      db::Query(s, "UPDATE work_order SET updated_at = updated_at WHERE id = :o").bind("o", (ll)order_id).exec();
      check_room(s, order_id, stage);
      const std::string name = uploader_name(s, actor);
      const std::string sha = core::sha256_hex(bytes);
      const ll id = db::Query(s,
                              "INSERT INTO wo_photo (project_id, order_id, stage, content_type, "
                              "size, sha256, path, uploaded_by, uploaded_by_name, created_at) "
                              "VALUES (:p, :o, :st, :ct, :sz, :sha, :path, :by, :name, :at) "
                              "RETURNING id")
                        .bind("p", (ll)project_id)
                        .bind("o", (ll)order_id)
                        .bind("st", stage)
                        .bind("ct", actual)
                        .bind("sz", (ll)bytes.size())
                        .bind("sha", sha)
                        .bind("path", relative)
                        .bind("by", actor.user_id > 0 ? std::optional<ll>(actor.user_id) : std::nullopt)
                        .bind("name", name)
                        .bind("at", (ll)now)
                        .scalar();
      const int offset = offset_of(order);
      auto j = photo_json(id, order_id, stage, actual, (ll)bytes.size(), now, name, offset);
      nlohmann::json data{{"photoId", id}, {"stage", stage}, {"contentType", actual},
                          {"size", bytes.size()}};
      std::optional<std::int64_t> user;
      if (actor.user_id > 0) user = actor.user_id;
      repo::add_event(s, {project_id, order_id, now, user, name, "photo", order.str("status"),
                          order.str("status"), stage == "report" ? "报修照片" : "完工照片",
                          data.dump()});
      nlohmann::json after = j;
      after["sha256"] = sha;
      audit::record(s, ctx, now, {project_id, "work_order_photo", id, "create", nullptr, after});
      return j;
    });
  } catch (...) {
    remove_photo_file(data_dir_, relative);  // no row points at it
    throw;
  }
}

PhotoFile PhotoService::fetch(const core::Actor& actor, std::int64_t photo_id) const {
  const auto row = db_.read([&](db::Session& s) {
    auto p = db::Query(s, "SELECT * FROM wo_photo WHERE id = :id").bind("id", (ll)photo_id).one();
    if (!p || !repo::find_order(s, actor, p->i64("order_id"))) core::throw_not_found("photo");
    return *p;
  });
  return {row.str("content_type"), read_photo_file(data_dir_, row.str("path"))};
}

void register_photo_routes(http::Router& router, const PhotoService& svc) {
  const PhotoService* s = &svc;
  router.post("/api/v1/work-orders/{id}/photos", [s](http::Request& req) {
    return http::created(s->upload({req.user(), req.request_id}, req.id(),
                                   req.query.text("stage").value_or(""),
                                   req.header("content-type"), req.body));
  });
  router.get("/api/v1/photos/{id}", [s](http::Request& req) {
    auto photo = s->fetch(req.user(), req.id());
    http::Response r;
    r.status = 200;
    r.body = std::move(photo.bytes);
    r.content_type = photo.content_type;
    r.headers.emplace_back("Cache-Control", "private, max-age=86400");
    return r;
  });
}

}  // namespace steward::work_orders
