#include "modules/work_orders/photos.hpp"

#include <algorithm>

#include "core/error.hpp"
#include "core/time.hpp"
#include "db/query.hpp"
#include "modules/audit/audit.hpp"
#include "modules/photos/photo_rows.hpp"
#include "modules/work_orders/work_order_repo.hpp"
#include "modules/work_orders/work_order_view.hpp"

namespace steward::work_orders {
namespace {

using ll = long long;

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
  std::optional<db::Row> order;
  photos::UploadSteps steps;
  // The order first: to a caller who may not see it, it does not exist, whatever they send.
  steps.check = [&](db::Session& s) {
    order = repo::find_order(s, actor, order_id);
    if (!order) core::throw_not_found("work order");
    check_room(s, order_id, stage);
    return order->i64("project_id");
  };
  steps.lock = [&](db::Session& s) { photos::lock_row(s, "work_order", order_id); };
  steps.insert = [&](db::Session& s, std::int64_t project_id, const photos::Stored& file) {
    return insert_photo(s, ctx, *order, project_id, stage, file);
  };
  return photos::upload_into(db_, data_dir_, max_bytes_, declared_header, bytes, steps);
}

nlohmann::json PhotoService::insert_photo(db::Session& s, const core::Context& ctx, const db::Row& order,
                                          std::int64_t project_id, const std::string& stage,
                                          const photos::Stored& file) const {
  const std::int64_t now = clock_.now();
  const std::int64_t order_id = order.i64("id");
  const std::string name = photos::uploader_name(s, ctx.actor);
  db::Query insert(s,
                   "INSERT INTO wo_photo (project_id, order_id, stage, content_type, "
                   "size, sha256, path, uploaded_by, uploaded_by_name, created_at) "
                   "VALUES (:p, :o, :st, :ct, :sz, :sha, :path, :by, :name, :at) "
                   "RETURNING id");
  insert.bind("p", (ll)project_id)
      .bind("o", (ll)order_id)
      .bind("st", stage)
      .bind("at", (ll)now);
  const ll id = photos::bind_stored(insert, ctx.actor, file, name).scalar();
  auto j = photo_json(id, order_id, stage, file.type, file.size, now, name, offset_of(order));
  nlohmann::json data{{"photoId", id}, {"stage", stage}, {"contentType", file.type},
                      {"size", file.size}};
  repo::add_event(s, {project_id, order_id, now, photos::uploader_id(ctx.actor), name, "photo",
                      order.str("status"), order.str("status"),
                      stage == "report" ? "报修照片" : "完工照片", data.dump()});
  nlohmann::json after = j;
  after["sha256"] = file.sha256;
  audit::record(s, ctx, now, {project_id, "work_order_photo", id, "create", nullptr, after});
  return j;
}

nlohmann::json PhotoService::attach_copy(db::Session& s, const core::Context& ctx, std::int64_t order_id,
                                         const std::string& stage, const db::Row& source,
                                         std::vector<std::string>& stored) const {
  auto order = repo::find_order(s, ctx.actor, order_id);
  if (!order) core::throw_not_found("work order");
  check_room(s, order_id, stage);
  const auto project_id = order->i64("project_id");
  const auto copy = photos::copy_photo_file(data_dir_, project_id, source);
  stored.push_back(copy.relative);
  return insert_photo(s, ctx, *order, project_id, stage, copy);
}

photos::PhotoFile PhotoService::fetch(const core::Actor& actor, std::int64_t photo_id) const {
  const auto row = db_.read([&](db::Session& s) {
    auto p = db::Query(s, "SELECT * FROM wo_photo WHERE id = :id").bind("id", (ll)photo_id).one();
    if (!p || !repo::find_order(s, actor, p->i64("order_id"))) core::throw_not_found("photo");
    return *p;
  });
  return photos::file_of(data_dir_, row);
}

void register_photo_routes(http::Router& router, const PhotoService& svc) {
  const PhotoService* s = &svc;
  router.post("/api/v1/work-orders/{id}/photos", [s](http::Request& req) {
    return http::created(s->upload({req.user(), req.request_id}, req.id(),
                                   req.query.text("stage").value_or(""),
                                   req.header("content-type"), req.body));
  });
  router.get("/api/v1/photos/{id}", [s](http::Request& req) {
    return photos::photo_response(s->fetch(req.user(), req.id()));
  });
}

}  // namespace steward::work_orders
