#include "db/sqlite_database.hpp"

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <spdlog/spdlog.h>

#include "core/error.hpp"
#include "db/statement_cache.hpp"

namespace steward::db {
namespace {

// WAL checkpoints. SQLite's own (wal_autocheckpoint) runs inside the COMMIT that takes the WAL
// past 1,000 pages, on the writer thread: every page written a second time into the database
// file and that file synced, while every write waits. Here a thread of its own does that work on
// the other core, woken by a commit that passes kCheckpointPages; PASSIVE checkpoints never
// block the writer. Should they fall behind a busy writer (the WAL starts again from its
// beginning only once every frame is copied), the writer catches up itself past
// kWriterCheckpointPages (about 80 MB of 4 KiB pages). As with SQLite's own checkpoints, readers
// that never pause can still keep the WAL from starting again.
constexpr int kCheckpointPages = 1000;
constexpr int kWriterCheckpointPages = 20000;

int passive_checkpoint(sqlite_api::sqlite3* db) {
  return sqlite_api::sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
}

}  // namespace

SqliteDatabase::SqliteDatabase(std::string path, const DbOptions& options)
    : path_(std::move(path)), group_limit_(options.group_limit), reader_count_(options.readers) {
  const std::string conn = "dbname=" + path_ + " timeout=10";
  writer_ = std::make_unique<Session>(*soci::factory_sqlite3(), conn);
  *writer_ << "PRAGMA journal_mode=WAL";
  *writer_ << (options.durable ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL");
  *writer_ << "PRAGMA foreign_keys=ON";
  // Statement and SAVEPOINT journals in memory: SQLite copies there every page a statement (or a
  // group commit's job) changes, and once one outgrows 64 KiB it became a temporary file written
  // page by page (20 writes per imported order). They are small and dropped at each statement's
  // and job's end; the database and its WAL stay on disk.
  *writer_ << "PRAGMA temp_store=MEMORY";
  checkpointer_ = std::make_unique<Session>(*soci::factory_sqlite3(), conn);
  // The checkpoint syncs the database file before the WAL may be overwritten: as durable as the
  // writer.
  *checkpointer_ << (options.durable ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL");
  sqlite_api::sqlite3_wal_hook(sqlite_handle(*writer_), &SqliteDatabase::on_commit, this);
  readers_ = std::make_unique<soci::connection_pool>(reader_count_);
  for (int i = 0; i < reader_count_; ++i) {
    Session& s = readers_->at(i);
    s.open(*soci::factory_sqlite3(), conn);
    s << "PRAGMA query_only=1";
  }
  checkpoint_thread_ = std::thread([this] { checkpoint_loop(); });
  thread_ = std::thread([this] { writer_loop(); });
}

SqliteDatabase::~SqliteDatabase() {
  close();
  // A connection with statements left cannot close: finalize the ones query.cpp kept.
  forget_statements(*writer_);
  for (int i = 0; i < reader_count_; ++i) forget_statements(readers_->at(i));
}

void SqliteDatabase::close() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return;
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
  {
    std::lock_guard lock(checkpoint_wake_mutex_);
    checkpoint_stopping_ = true;
  }
  checkpoint_wake_.notify_all();
  if (checkpoint_thread_.joinable()) checkpoint_thread_.join();
}

// Called by SQLite on the writer thread after each commit, with the WAL's size in pages.
int SqliteDatabase::on_commit(void* self, sqlite_api::sqlite3* db, const char*, int wal_pages) {
  auto* d = static_cast<SqliteDatabase*>(self);
  if (wal_pages >= kWriterCheckpointPages) {
    std::lock_guard lock(d->checkpoint_mutex_);  // after the checkpointer's pass, if one runs
    passive_checkpoint(db);  // nothing writes meanwhile: it copies every frame no reader still needs
  } else if (wal_pages >= kCheckpointPages) {
    {
      std::lock_guard lock(d->checkpoint_wake_mutex_);
      d->checkpoint_wanted_ = true;
    }
    d->checkpoint_wake_.notify_one();
  }
  return SQLITE_OK;
}

void SqliteDatabase::checkpoint_loop() {
  sqlite_api::sqlite3* db = sqlite_handle(*checkpointer_);
  for (;;) {
    {
      std::unique_lock lock(checkpoint_wake_mutex_);
      checkpoint_wake_.wait(lock, [this] { return checkpoint_stopping_ || checkpoint_wanted_; });
      if (checkpoint_stopping_) return;
      checkpoint_wanted_ = false;
    }
    std::lock_guard lock(checkpoint_mutex_);
    const int rc = passive_checkpoint(db);
    if (rc != SQLITE_OK && rc != SQLITE_BUSY)
      spdlog::warn("sqlite checkpoint failed: {}", sqlite_api::sqlite3_errmsg(db));
  }
}

void SqliteDatabase::run_read(const Job& job) {
  if (current_transaction) return job(*current_transaction);
  Session s(*readers_);
  job(s);
}

void SqliteDatabase::run_write(const Job& job) {
  if (current_transaction) return job(*current_transaction);
  Pending pending{&job, nullptr, {}};
  auto done = pending.done.get_future();
  {
    std::lock_guard lock(mutex_);
    if (stopping_)
      throw core::AppError(core::ErrorKind::unavailable, "server.shutting_down",
                           "the server is shutting down");
    queue_.push_back(&pending);
  }
  wake_.notify_one();
  done.get();
  if (pending.error) std::rethrow_exception(pending.error);
}

void SqliteDatabase::writer_loop() {
  for (;;) {
    std::deque<Pending*> group;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and every queued job is committed
      while (!queue_.empty() && static_cast<int>(group.size()) < group_limit_) {
        group.push_back(queue_.front());
        queue_.pop_front();
      }
    }
    commit_group(group);
  }
}

// One transaction for the group, one SAVEPOINT per job. Callers are released only after COMMIT,
// so an acknowledged write is on disk. A job alone in its group needs no SAVEPOINT: its failure
// rolls back the whole transaction, which is only its own. That matters for big jobs (the CSV
// import's batches): inside a SAVEPOINT, SQLite copies every page the job changes to a
// statement journal first, in case the job is rolled back alone.
void SqliteDatabase::commit_group(std::deque<Pending*>& group) {
  Session& s = *writer_;
  std::exception_ptr group_error;
  const bool alone = group.size() == 1;
  try {
    Query(s, "BEGIN IMMEDIATE").exec();
    current_transaction = &s;
    for (Pending* p : group) {
      if (!alone) Query(s, "SAVEPOINT job").exec();
      try {
        (*p->job)(s);
        if (!alone) Query(s, "RELEASE job").exec();
      } catch (...) {
        p->error = std::current_exception();
        if (alone) throw;
        Query(s, "ROLLBACK TO job").exec();
        Query(s, "RELEASE job").exec();
      }
    }
    current_transaction = nullptr;
    Query(s, "COMMIT").exec();
  } catch (...) {
    current_transaction = nullptr;
    group_error = std::current_exception();
    if (!(alone && group.front()->error))  // a lone job's own failure is its caller's to report
      spdlog::error("sqlite group commit of {} jobs failed", group.size());
    try {
      s << "ROLLBACK";
    } catch (...) {
    }
  }
  for (Pending* p : group) {
    if (group_error && !p->error) p->error = group_error;
    p->done.set_value();
  }
}

}  // namespace steward::db
