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
namespace sqlite_api {
struct sqlite3;
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
  void checkpoint_loop();
  static int on_commit(void* self, sqlite_api::sqlite3* db, const char* name, int wal_pages);

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

  // WAL checkpoints run on a connection and thread of their own (checkpoint_loop), woken by the
  // writer's commits; the writer checkpoints itself only when they fall far behind.
  std::unique_ptr<Session> checkpointer_;
  std::mutex checkpoint_mutex_;  // held while a checkpoint runs, by either thread
  std::mutex checkpoint_wake_mutex_;
  std::condition_variable checkpoint_wake_;
  bool checkpoint_wanted_ = false;
  bool checkpoint_stopping_ = false;
  std::thread checkpoint_thread_;
};

}  // namespace steward::db
