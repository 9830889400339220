#pragma once
#include <condition_variable>
#include <deque>
#include <future>
#include <memory>
#include <mutex>
#include <thread>

#include "db/database.hpp"

namespace soci {
class connection_pool;
}

namespace steward::db {

class SqliteDatabase final : public Database {
 public:
  SqliteDatabase(std::string path, const DbOptions& options);
  ~SqliteDatabase() override;
  Engine engine() const override { return Engine::sqlite; }
  void close() override;

 protected:
  void run_read(const Job& job) override;
  void run_write(const Job& job) override;

 private:
  struct Pending {
    const Job* job;
    std::exception_ptr error;
    std::promise<void> done;
  };
  void writer_loop();
  void commit_group(std::deque<Pending*>& group);

  std::string path_;
  int group_limit_;
  std::unique_ptr<Session> writer_;
  std::unique_ptr<soci::connection_pool> readers_;
  int reader_count_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Pending*> queue_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace steward::db
