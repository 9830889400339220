#include "modules/exports_jobs/export_service.hpp"

#include <spdlog/spdlog.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/error.hpp"
#include "core/time.hpp"
#include "exports/download.hpp"
#include "json/input.hpp"

namespace steward::exports_jobs {
namespace {

namespace fs = std::filesystem;

// Filters as the list's query string has them: each a text, a number or a flag.
core::Params filters_of(const nlohmann::json& filters) {
  core::Params p;
  if (filters.is_null()) return p;
  if (!filters.is_object()) core::throw_invalid("invalid request", {{"filters", "must be an object of query parameters"}});
  for (const auto& [key, v] : filters.items()) {
    if (key == "page" || key == "pageSize") continue;  // the export pages itself
    if (v.is_null() || (v.is_string() && v.get<std::string>().empty())) continue;
    if (v.is_string()) p.set(key, v.get<std::string>());
    else if (v.is_number_integer()) p.set(key, std::to_string(v.get<std::int64_t>()));
    else if (v.is_boolean()) p.set(key, v.get<bool>() ? "true" : "false");
    else core::throw_invalid("invalid request", {{"filters." + key, "must be a text, a whole number or true/false"}});
  }
  return p;
}

core::Params paged(core::Params p, int page, std::size_t size) {
  p.set("page", std::to_string(page));
  p.set("pageSize", std::to_string(size));
  return p;
}

// Page `page` of the list with `filters`, as the caller (every exported list is paged).
nlohmann::json page_of(const ListSource& source, const core::Actor& actor, const core::Params& filters, int page,
                       std::size_t size) {
  return source.list(actor, paged(filters, page, size));
}

using ll = long long;

const char* extension(const std::string& format) { return format == "csv" ? ".csv" : ".xlsx"; }

nlohmann::json view(const db::Row& r) {
  const auto status = r.str("status");
  const auto done = r.i64("done"), total = r.i64("total");
  const int percent = status == "done" ? 100 : total > 0 ? static_cast<int>(done * 100 / total) : 0;
  return {{"id", r.i64("id")},
          {"list", r.str("list")},
          {"format", r.str("format")},
          {"status", status},
          {"done", done},
          {"total", total},
          {"percent", percent},
          {"fileName", r.str("file_name")},
          {"error", r.is_null("error") ? nlohmann::json() : nlohmann::json(r.str("error"))},
          {"createdAt", core::format_iso8601(r.i64("created_at"))},
          {"finishedAt", r.is_null("finished_at") ? nlohmann::json() : nlohmann::json(core::format_iso8601(r.i64("finished_at")))}};
}

// One's own job, or 404.
db::Row own_job(db::Session& s, const core::Actor& actor, std::int64_t id) {
  auto r = db::Query(s, "SELECT * FROM export_job WHERE id = :id AND user_id = :u").bind("id", (ll)id).bind("u", (ll)actor.user_id).one();
  if (!r) core::throw_not_found("export");
  return *r;
}

}  // namespace

ExportService::ExportService(db::Database& db, const core::Clock& clock, std::string data_dir,
                             std::map<std::string, ListSource> lists)
    : db_(db), clock_(clock), dir_(std::move(data_dir) + "/exports"), lists_(std::move(lists)) {
  std::error_code ec;
  fs::create_directories(dir_, ec);
  const auto now = clock_.now();
  db_.write([&](db::Session& s) {
    // What a stopped server was doing is lost with its memory (and its half-written .part files).
    db::Query(s, "UPDATE export_job SET status = 'failed', error = :e, finished_at = :t WHERE status IN ('queued', 'running')")
        .bind("e", std::string(kRestarted))
        .bind("t", (ll)now)
        .exec();
    sweep(s, now);
  });
  // Files with no job (a job removed by hand, a .part of a crash) go when older than a day too.
  const auto cutoff = fs::file_time_type::clock::now() - std::chrono::seconds(kKeepSeconds);
  for (const auto& e : fs::directory_iterator(dir_, ec))
    if (e.is_regular_file(ec) && (e.last_write_time(ec) < cutoff || e.path().extension() == ".part")) fs::remove(e.path(), ec);
  worker_ = std::thread([this] { work(); });
}

ExportService::~ExportService() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  if (worker_.joinable()) worker_.join();
}

std::string ExportService::path_of(std::int64_t id, const std::string& format) const {
  return dir_ + "/" + std::to_string(id) + extension(format);
}

nlohmann::json ExportService::start(const core::Actor& actor, const nlohmann::json& body) {
  if (!body.is_object())
    throw core::AppError(core::ErrorKind::invalid_argument, "request.malformed_json", "the body must be a JSON object");
  std::vector<std::string> names;
  for (const auto& [name, _] : lists_) names.push_back(name);
  nlohmann::json rest = body;
  rest.erase("filters");
  json::Input in(rest, json::Input::Mode::create);
  const auto list = in.choice("list", names);
  const auto format = in.choice("format", {"xlsx", "csv"}, false).value_or("xlsx");
  in.finish();
  Job job;
  job.actor = actor;
  job.list = *list;
  job.filters = filters_of(body.value("filters", nlohmann::json()));
  job.format = format == "csv" ? exports::Format::csv : exports::Format::xlsx;
  // The list's own rules answer now: permission (403), scope (404), bad filters (400).
  const auto first = page_of(lists_.at(job.list), actor, job.filters, 1, 1);
  const auto total = first.value("total", std::int64_t{0});
  const auto now = clock_.now();
  const auto name = lists_.at(job.list).title + "-" + core::format_iso8601(now).substr(0, 10);
  nlohmann::json filters = nlohmann::json::object();
  for (const auto& [k, v] : job.filters.all()) filters[k] = v;
  auto out = db_.write([&](db::Session& s) {
    sweep(s, now);
    const auto id = db::Query(s, "INSERT INTO export_job (user_id, list, filters, format, status, total, file_name, created_at) "
                                 "VALUES (:u, :l, :f, :fo, 'queued', :n, :name, :t) RETURNING id")
                        .bind("u", (ll)actor.user_id)
                        .bind("l", job.list)
                        .bind("f", filters.dump())
                        .bind("fo", format)
                        .bind("n", (ll)total)
                        .bind("name", name)
                        .bind("t", (ll)now)
                        .scalar();
    return view(*db::Query(s, "SELECT * FROM export_job WHERE id = :id").bind("id", (ll)id).one());
  });
  job.id = out["id"].get<std::int64_t>();
  {
    std::lock_guard lock(mu_);
    queue_.push_back(std::move(job));
  }
  cv_.notify_all();
  return out;
}

nlohmann::json ExportService::status(const core::Actor& actor, std::int64_t id) const {
  return db_.read([&](db::Session& s) { return view(own_job(s, actor, id)); });
}

ExportService::File ExportService::file(const core::Actor& actor, std::int64_t id) const {
  const auto job = db_.read([&](db::Session& s) { return own_job(s, actor, id); });
  const auto status = job.str("status");
  if (status != "done") core::throw_conflict("export." + status, "the export is not finished: " + status);
  std::ifstream in(path_of(id, job.str("format")), std::ios::binary);
  if (!in) core::throw_not_found("export file");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return {bytes.str(), job.str("format") == "csv" ? exports::Format::csv : exports::Format::xlsx, job.str("file_name")};
}

void ExportService::wait_idle() const {
  std::unique_lock lock(mu_);
  idle_.wait(lock, [this] { return queue_.empty() && !busy_; });
}

void ExportService::sweep(db::Session& s, std::int64_t now) const {
  const auto old = db::Query(s, "SELECT id, format FROM export_job WHERE created_at < :c AND status IN ('done', 'failed')")
                       .bind("c", (ll)(now - kKeepSeconds))
                       .all();
  for (const auto& r : old) {
    std::error_code ec;
    fs::remove(path_of(r.i64("id"), r.str("format")), ec);
    db::Query(s, "DELETE FROM export_job WHERE id = :id").bind("id", (ll)r.i64("id")).exec();
  }
}

void ExportService::work() {
  for (;;) {
    Job job;
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [this] { return stop_ || !queue_.empty(); });
      if (stop_) return;
      job = std::move(queue_.front());
      queue_.pop_front();
      busy_ = true;
    }
    run(job);
    {
      std::lock_guard lock(mu_);
      busy_ = false;
    }
    idle_.notify_all();
  }
}

void ExportService::run(const Job& job) {
  const auto set = [&](const std::string& sql, const std::function<void(db::Query&)>& bind) {
    db_.write([&](db::Session& s) {
      db::Query q(s, sql);
      q.bind("id", (ll)job.id);
      bind(q);
      q.exec();
    });
  };
  const ListSource& source = lists_.at(job.list);
  const auto format = job.format == exports::Format::xlsx ? std::string("xlsx") : std::string("csv");
  try {
    set("UPDATE export_job SET status = 'running' WHERE id = :id", [](db::Query&) {});
    const auto result = run_export(
        [&](int page) { return page_of(source, job.actor, job.filters, page, kPageSize); }, kPageSize,
        source.title, source.columns(job.actor), job.format, path_of(job.id, format),
        [&](std::int64_t done, std::int64_t total, std::size_t) {
          set("UPDATE export_job SET done = :d, total = :n WHERE id = :id", [&](db::Query& q) {
            q.bind("d", (ll)done).bind("n", (ll)std::max(total, done));
          });
        });
    set("UPDATE export_job SET status = 'done', done = :d, total = :d, finished_at = :t WHERE id = :id",
        [&](db::Query& q) { q.bind("d", (ll)result.rows).bind("t", (ll)clock_.now()); });
  } catch (const std::exception& e) {
    spdlog::error("export {} of {} failed: {}", job.id, job.list, e.what());
    const std::string error = dynamic_cast<const core::AppError*>(&e) ? e.what() : "the export failed";
    try {
      set("UPDATE export_job SET status = 'failed', error = :e, finished_at = :t WHERE id = :id",
          [&](db::Query& q) { q.bind("e", error).bind("t", (ll)clock_.now()); });
    } catch (const std::exception& again) {
      // The database is shutting down: the next start fails the job (kRestarted).
      spdlog::error("export {}: cannot record the failure: {}", job.id, again.what());
    }
  }
}

void register_routes(http::Router& router, std::shared_ptr<ExportService> svc) {
  router.post("/api/v1/exports", [svc](http::Request& req) {
    auto r = http::json_response(202, svc->start(req.user(), req.json()));
    return r;
  });
  router.get("/api/v1/exports/{id}", [svc](http::Request& req) { return http::ok(svc->status(req.user(), req.id())); });
  router.get("/api/v1/exports/{id}/file", [svc](http::Request& req) {
    auto f = svc->file(req.user(), req.id());
    return exports::download_bytes(std::move(f.bytes), f.format, f.name);
  });
}

}  // namespace steward::exports_jobs
