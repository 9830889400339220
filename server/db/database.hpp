#pragma once
// The database, whatever the engine. Repositories get a Session inside read() or write() and run
// Query objects on it; they never see which engine answers.
//
// write() runs the job in a transaction and returns once it is committed (durably, on SQLite with
// synchronous=FULL). On SQLite every write goes through one writer thread that commits queued jobs
// in groups, each job inside its own SAVEPOINT so that a failing job rolls back alone and its
// caller gets the exception. On PostgreSQL a pooled connection runs one transaction per job.
// A write() or read() issued from inside a write job joins that job's transaction.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>

#include "db/query.hpp"

namespace steward::db {

enum class Engine { sqlite, postgresql };
const char* engine_name(Engine engine);

struct DbOptions {
  std::string url;         // "sqlite:/path/file.db", a plain path, or "postgresql://..."
  int readers = 4;         // SQLite read-only connections / PostgreSQL pool size
  bool durable = true;     // SQLite: synchronous=FULL (NORMAL when false)
  int group_limit = 256;   // SQLite: the most write jobs committed in one transaction
};

class Database {
 public:
  virtual ~Database() = default;
  static std::unique_ptr<Database> open(const DbOptions& options);

  virtual Engine engine() const = 0;
  // Finishes the queued writes, then refuses new ones. Called on shutdown.
  virtual void close() = 0;

  template <class F>
  auto read(F&& f) {
    return run(f, [this](const Job& job) { run_read(job); });
  }
  template <class F>
  auto write(F&& f) {
    return run(f, [this](const Job& job) { run_write(job); });
  }

 protected:
  using Job = std::function<void(Session&)>;
  virtual void run_read(const Job& job) = 0;
  virtual void run_write(const Job& job) = 0;

  // The transaction a write job runs in, for jobs nested inside it on the same thread.
  static thread_local Session* current_transaction;

 private:
  template <class F, class Runner>
  static auto run(F& f, Runner&& runner) {
    using R = std::invoke_result_t<F&, Session&>;
    if constexpr (std::is_void_v<R>) {
      runner([&f](Session& s) { f(s); });
    } else {
      std::optional<R> out;
      runner([&f, &out](Session& s) { out.emplace(f(s)); });
      return std::move(*out);
    }
  }
};

}  // namespace steward::db
