#pragma once
// Exports of the main lists as jobs (issue 6 "Exports"): POST /api/v1/exports {list, filters,
// format} checks the request at once (the list's own permission, scope and filter rules, by
// asking the list for one row) and queues a job; one worker thread runs the jobs one after the
// other, paging through the list's own query function (200 rows a page, the lists' largest) and
// writing <dataDir>/exports/<id>.<xlsx|csv>. GET /api/v1/exports/{id} reports rows done of the
// total; GET /api/v1/exports/{id}/file downloads the finished file. A job is its starter's only
// (404 for anyone else); jobs and files are removed a day after they were started. Jobs are rows
// of export_job, so a finished job and its file outlive a restart; a job the stopped server left
// queued or running is failed at start (服务重启，请重新导出).
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "core/params.hpp"
#include "db/database.hpp"
#include "http/router.hpp"
#include "modules/exports_jobs/export_runner.hpp"

namespace steward::exports_jobs {

// A list that can be exported: its file title and columns for a caller, and its query.
struct ListSource {
  std::string title;  // 工单登记簿, also the file's name
  std::function<std::vector<Column>(const core::Actor&)> columns;
  // The list's query: page and pageSize among the parameters, {"items", "total"} back.
  std::function<nlohmann::json(const core::Actor&, const core::Params&)> list;
};

class ExportService {
 public:
  static constexpr std::size_t kPageSize = 200;
  static constexpr std::int64_t kKeepSeconds = 86400;

  static constexpr const char* kRestarted = "服务重启，请重新导出";

  // Fails the jobs a previous run left unfinished and removes those (and files) older than a day.
  ExportService(db::Database& db, const core::Clock& clock, std::string data_dir,
                std::map<std::string, ListSource> lists);
  ~ExportService();
  ExportService(const ExportService&) = delete;
  ExportService& operator=(const ExportService&) = delete;

  nlohmann::json start(const core::Actor& actor, const nlohmann::json& body);
  nlohmann::json status(const core::Actor& actor, std::int64_t id) const;
  // The finished file: bytes, format and file name.
  struct File {
    std::string bytes;
    exports::Format format;
    std::string name;
  };
  File file(const core::Actor& actor, std::int64_t id) const;
  // Waits until no job is queued or running (tests).
  void wait_idle() const;

 private:
  // A queued job as the worker needs it: the row has the rest.
  struct Job {
    std::int64_t id = 0;
    core::Actor actor;
    std::string list;
    core::Params filters;
    exports::Format format = exports::Format::xlsx;
  };
  std::string path_of(std::int64_t id, const std::string& format) const;
  void work();
  void run(const Job& job);
  void sweep(db::Session& s, std::int64_t now) const;  // jobs and files older than a day

  db::Database& db_;
  const core::Clock& clock_;
  std::string dir_;
  std::map<std::string, ListSource> lists_;
  mutable std::mutex mu_;
  mutable std::condition_variable cv_, idle_;
  std::deque<Job> queue_;
  bool busy_ = false, stop_ = false;
  std::thread worker_;
};

void register_routes(http::Router& router, std::shared_ptr<ExportService> svc);

}  // namespace steward::exports_jobs
