#pragma once
// Exports of the main lists as jobs (issue 6 "Exports"): POST /api/v1/exports {list, filters,
// format} checks the request at once (the list's own permission, scope and filter rules, by
// asking the list for one row) and queues a job; one worker thread runs the jobs one after the
// other, paging through the list's own query function (200 rows a page, the lists' largest) and
// writing <dataDir>/exports/<id>.<xlsx|csv>. GET /api/v1/exports/{id} reports rows done of the
// total; GET /api/v1/exports/{id}/file downloads the finished file. A job is its starter's only
// (404 for anyone else); jobs and files are removed a day after they were started. Jobs are
// kept in memory: a restart forgets them (and removes files older than a day).
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
#include "http/router.hpp"
#include "modules/exports_jobs/export_runner.hpp"

namespace steward::exports_jobs {

// A list that can be exported: its file title and columns for a caller, and its query.
struct ListSource {
  std::string title;  // 工单登记簿, also the file's name
  std::function<std::vector<Column>(const core::Actor&)> columns;
  std::function<nlohmann::json(const core::Actor&, const core::Params&)> list;
  // false for a list that answers all its rows at once (no page/pageSize, no total).
  bool paged = true;
};

class ExportService {
 public:
  static constexpr std::size_t kPageSize = 200;
  static constexpr std::int64_t kKeepSeconds = 86400;

  ExportService(const core::Clock& clock, std::string data_dir, std::map<std::string, ListSource> lists);
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
  struct Job {
    std::int64_t id = 0;
    core::Actor actor;
    std::string list;
    core::Params filters;
    exports::Format format = exports::Format::xlsx;
    std::string status = "queued";  // queued, running, done, failed
    std::int64_t done = 0, total = 0;
    std::string error, path, name;
    std::int64_t created_at = 0;
  };
  nlohmann::json view(const Job& job) const;
  void work();
  void run(std::int64_t id);
  void sweep(std::int64_t now);  // with mu_ held

  const core::Clock& clock_;
  std::string dir_;
  std::map<std::string, ListSource> lists_;
  mutable std::mutex mu_;
  mutable std::condition_variable cv_, idle_;
  std::map<std::int64_t, Job> jobs_;
  std::deque<std::int64_t> queue_;
  std::int64_t next_id_ = 1;
  bool busy_ = false, stop_ = false;
  std::thread worker_;
};

void register_routes(http::Router& router, std::shared_ptr<ExportService> svc);

}  // namespace steward::exports_jobs
