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

// Page `page` of the list with `filters`, as the caller; a list that is not paged answers all
// its rows as page 1 (and nothing after).
nlohmann::json page_of(const ListSource& source, const core::Actor& actor, const core::Params& filters, int page,
                       std::size_t size) {
  if (source.paged) return source.list(actor, paged(filters, page, size));
  if (page > 1) return {{"items", nlohmann::json::array()}};
  auto all = source.list(actor, filters);
  all["total"] = all.at("items").size();
  return all;
}

}  // namespace

ExportService::ExportService(const core::Clock& clock, std::string data_dir, std::map<std::string, ListSource> lists)
    : clock_(clock), dir_(std::move(data_dir) + "/exports"), lists_(std::move(lists)) {
  std::error_code ec;
  fs::create_directories(dir_, ec);
  // Files of a previous run older than a day go; younger ones are kept until their day is up.
  const auto cutoff = fs::file_time_type::clock::now() - std::chrono::seconds(kKeepSeconds);
  for (const auto& e : fs::directory_iterator(dir_, ec))
    if (e.is_regular_file(ec) && e.last_write_time(ec) < cutoff) fs::remove(e.path(), ec);
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

nlohmann::json ExportService::view(const Job& j) const {
  const int percent = j.status == "done" ? 100 : j.total > 0 ? static_cast<int>(j.done * 100 / j.total) : 0;
  return {{"id", j.id},
          {"list", j.list},
          {"format", j.format == exports::Format::xlsx ? "xlsx" : "csv"},
          {"status", j.status},
          {"done", j.done},
          {"total", j.total},
          {"percent", percent},
          {"fileName", j.name},
          {"error", j.error.empty() ? nlohmann::json() : nlohmann::json(j.error)},
          {"createdAt", core::format_iso8601(j.created_at)}};
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
  job.total = first.value("total", std::int64_t{0});
  const auto now = clock_.now();
  job.created_at = now;
  job.name = lists_.at(job.list).title + "-" + core::format_iso8601(now).substr(0, 10);
  std::lock_guard lock(mu_);
  sweep(now);
  job.id = next_id_++;
  job.path = dir_ + "/" + std::to_string(job.id) + (job.format == exports::Format::xlsx ? ".xlsx" : ".csv");
  const auto id = job.id;
  auto out = view(job);
  jobs_.emplace(id, std::move(job));
  queue_.push_back(id);
  cv_.notify_all();
  return out;
}

nlohmann::json ExportService::status(const core::Actor& actor, std::int64_t id) const {
  std::lock_guard lock(mu_);
  auto it = jobs_.find(id);
  if (it == jobs_.end() || it->second.actor.user_id != actor.user_id) core::throw_not_found("export");
  return view(it->second);
}

ExportService::File ExportService::file(const core::Actor& actor, std::int64_t id) const {
  std::string path, name;
  exports::Format format;
  {
    std::lock_guard lock(mu_);
    auto it = jobs_.find(id);
    if (it == jobs_.end() || it->second.actor.user_id != actor.user_id) core::throw_not_found("export");
    if (it->second.status != "done")
      core::throw_conflict("export." + it->second.status, "the export is not finished: " + it->second.status);
    path = it->second.path;
    name = it->second.name;
    format = it->second.format;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) core::throw_not_found("export file");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return {bytes.str(), format, name};
}

void ExportService::wait_idle() const {
  std::unique_lock lock(mu_);
  idle_.wait(lock, [this] { return queue_.empty() && !busy_; });
}

void ExportService::sweep(std::int64_t now) {
  for (auto it = jobs_.begin(); it != jobs_.end();) {
    if (it->second.created_at + kKeepSeconds < now && it->second.status != "running" && it->second.status != "queued") {
      std::error_code ec;
      fs::remove(it->second.path, ec);
      it = jobs_.erase(it);
    } else {
      ++it;
    }
  }
}

void ExportService::work() {
  for (;;) {
    std::int64_t id = 0;
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [this] { return stop_ || !queue_.empty(); });
      if (stop_) return;
      id = queue_.front();
      queue_.pop_front();
      busy_ = true;
    }
    run(id);
    {
      std::lock_guard lock(mu_);
      busy_ = false;
    }
    idle_.notify_all();
  }
}

void ExportService::run(std::int64_t id) {
  Job job;
  {
    std::lock_guard lock(mu_);
    auto& j = jobs_.at(id);
    j.status = "running";
    job = j;
  }
  const ListSource& source = lists_.at(job.list);
  try {
    const auto result = run_export(
        [&](int page) { return page_of(source, job.actor, job.filters, page, kPageSize); }, kPageSize,
        source.title, source.columns(job.actor), job.format, job.path,
        [&](std::int64_t done, std::int64_t total, std::size_t) {
          std::lock_guard lock(mu_);
          auto& j = jobs_.at(id);
          j.done = done;
          j.total = std::max(total, done);
        });
    std::lock_guard lock(mu_);
    auto& j = jobs_.at(id);
    j.done = result.rows;
    j.total = result.rows;
    j.status = "done";
  } catch (const std::exception& e) {
    spdlog::error("export {} of {} failed: {}", id, job.list, e.what());
    std::lock_guard lock(mu_);
    auto& j = jobs_.at(id);
    j.status = "failed";
    j.error = dynamic_cast<const core::AppError*>(&e) ? e.what() : "the export failed";
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
