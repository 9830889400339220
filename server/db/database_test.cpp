// The database layer on every engine: migrations, the write path (SQLite's group commit with a
// SAVEPOINT per job, PostgreSQL's pooled transactions), nesting, shutdown and durability.
#include "db/database.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <set>
#include <thread>

#include "core/error.hpp"
#include "db/migrations.hpp"
#include "db/query.hpp"
#include "tests/support/test_env.hpp"

namespace steward::testing {
namespace {

struct Boom : std::runtime_error {
  explicit Boom(int n) : std::runtime_error("job " + std::to_string(n) + " failed"), n(n) {}
  int n;
};

class DatabaseTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    tdb_ = std::make_unique<TestDatabase>(GetParam());
    db_ = db::Database::open({.url = tdb_->url()});
    db_->write(
        [](db::Session& s) { db::Query(s, "CREATE TABLE probe (n BIGINT NOT NULL)").exec(); });
  }
  void TearDown() override {
    if (db_) db_->close();
    db_.reset();
    tdb_.reset();
  }
  void insert(db::Session& s, long long n) {
    db::Query(s, "INSERT INTO probe (n) VALUES (:n)").bind("n", n).exec();
  }
  std::set<long long> rows() {
    return db_->read([](db::Session& s) {
      std::set<long long> out;
      for (const auto& r : db::Query(s, "SELECT n FROM probe ORDER BY n").all())
        out.insert(r.i64("n"));
      return out;
    });
  }

  std::unique_ptr<TestDatabase> tdb_;
  std::unique_ptr<db::Database> db_;
};

TEST_P(DatabaseTest, MigrationsBringAnEmptyDatabaseToTheLatestVersionOnce) {
  const auto& all = db::migrations_for(db_->engine());
  ASSERT_FALSE(all.empty());
  EXPECT_EQ(db::migrate(*db_, kMonday1000), static_cast<int>(all.size()));
  EXPECT_EQ(db::schema_version(*db_), all.back().version);
  EXPECT_EQ(db::migrate(*db_, kMonday1000 + 60), 0) << "a second migrate applies nothing";
  EXPECT_EQ(db::schema_version(*db_), all.back().version);
  // Every migration is recorded once, with its name and the time it ran.
  auto recorded = db_->read([](db::Session& s) {
    return db::Query(s, "SELECT version, name, applied_at FROM schema_migrations ORDER BY version")
        .all();
  });
  ASSERT_EQ(recorded.size(), all.size());
  for (std::size_t i = 0; i < all.size(); ++i) {
    EXPECT_EQ(recorded[i].i64("version"), all[i].version);
    EXPECT_EQ(recorded[i].str("name"), std::string(all[i].name));
    EXPECT_EQ(recorded[i].i64("applied_at"), kMonday1000);
  }
  // The schema is usable: the tables of the first migration exist and are empty.
  EXPECT_EQ(db_->read([](db::Session& s) {
    return db::Query(s, "SELECT COUNT(*) FROM region").scalar();
  }),
            0);
}

TEST_P(DatabaseTest, AFailingJobRollsBackAloneAndItsCallerGetsTheException) {
  constexpr int kThreads = 8, kJobs = 200;
  std::atomic<int> next{0};
  std::vector<int> thrown(kJobs, 0), returned(kJobs, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&] {
      for (int n; (n = next++) < kJobs;) {
        try {
          db_->write([&](db::Session& s) {
            insert(s, n);
            if (n % 10 == 0) throw Boom(n);
          });
          returned[n] = 1;
        } catch (const Boom& e) {
          thrown[n] = e.n == n ? 1 : -1;  // each caller gets its own job's exception
        }
      }
    });
  for (auto& t : threads) t.join();
  std::set<long long> expected;
  for (int n = 0; n < kJobs; ++n) {
    if (n % 10 == 0) {
      EXPECT_EQ(thrown[n], 1) << n;
      EXPECT_EQ(returned[n], 0) << n;
    } else {
      EXPECT_EQ(returned[n], 1) << n;
      expected.insert(n);
    }
  }
  EXPECT_EQ(rows(), expected);
}

TEST_P(DatabaseTest, ADatabaseErrorInOneJobSparesTheOthers) {
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        const long long n = t * 100 + i;
        try {
          db_->write([&](db::Session& s) {
            insert(s, n);
            if (i == 7) db::Query(s, "INSERT INTO no_such_table (n) VALUES (1)").exec();
          });
        } catch (const std::exception&) {
          ++failures;
        }
      }
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures, 4);
  const auto have = rows();
  EXPECT_EQ(have.size(), 96u);
  for (int t = 0; t < 4; ++t) EXPECT_FALSE(have.count(t * 100 + 7));
}

TEST_P(DatabaseTest, ANestedWriteJoinsTheOuterTransaction) {
  EXPECT_THROW(db_->write([&](db::Session& s) {
    insert(s, 1);
    db_->write([&](db::Session& inner) {
      EXPECT_EQ(&inner, &s) << "the nested job runs on the outer session";
      insert(inner, 2);
    });
    // A read inside the job sees the job's own uncommitted rows.
    EXPECT_EQ(db_->read([](db::Session& r) {
      return db::Query(r, "SELECT COUNT(*) FROM probe").scalar();
    }),
              2);
    throw Boom(1);
  }),
               Boom);
  EXPECT_TRUE(rows().empty()) << "the throw after the nested write rolls both back";
  db_->write([&](db::Session& s) {
    insert(s, 3);
    db_->write([&](db::Session& inner) { insert(inner, 4); });
  });
  EXPECT_EQ(rows(), (std::set<long long>{3, 4}));
  // A nested job that throws, caught by the outer job, does not stop the outer one committing.
  db_->write([&](db::Session& s) {
    insert(s, 5);
    try {
      db_->write([&](db::Session& inner) { throw Boom(6); });
    } catch (const Boom&) {
    }
  });
  EXPECT_EQ(rows(), (std::set<long long>{3, 4, 5}));
}

TEST_P(DatabaseTest, CloseLetsQueuedWritesFinish) {
  constexpr int kThreads = 6;
  // SQLite writers go on until close() refuses them; PostgreSQL's close() refuses nothing.
  const int per_thread = GetParam() == "sqlite" ? 1'000'000 : 400;
  std::atomic<int> next{0};
  std::atomic<bool> go{false};
  std::vector<std::vector<long long>> committed(kThreads);
  std::atomic<int> refused{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      while (!go) std::this_thread::yield();
      for (int i = 0; i < per_thread; ++i) {
        const long long n = next++;
        try {
          db_->write([&](db::Session& s) { insert(s, n); });
          committed[t].push_back(n);
        } catch (const core::AppError& e) {
          EXPECT_EQ(e.code(), "server.shutting_down");
          ++refused;
          break;
        } catch (const std::exception& e) {
          ADD_FAILURE() << "write " << n << ": " << e.what();
          break;
        }
      }
    });
  go = true;
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  db_->close();
  for (auto& t : threads) t.join();
  const auto have = rows();
  std::size_t acknowledged = 0;
  for (const auto& list : committed)
    for (long long n : list) {
      ++acknowledged;
      EXPECT_TRUE(have.count(n)) << "write " << n << " returned but is not in the table";
    }
  EXPECT_GT(acknowledged, 0u);
  if (GetParam() == "sqlite") {
    EXPECT_EQ(refused, kThreads) << "every writer was still writing when close() came";
    EXPECT_EQ(have.size(), acknowledged) << "nothing refused was written";
    EXPECT_THROW(db_->write([&](db::Session& s) { insert(s, -1); }), core::AppError);
  }
}

TEST_P(DatabaseTest, SqliteWritesAreDurableByDefault) {
  if (GetParam() != "sqlite") GTEST_SKIP() << "synchronous is a SQLite setting";
  auto level =
      db_->write([](db::Session& s) { return db::Query(s, "PRAGMA synchronous").scalar(); });
  EXPECT_EQ(level, 2) << "synchronous=FULL";
  auto mode = db_->write([](db::Session& s) {
    return db::Query(s, "PRAGMA journal_mode").one()->str("journal_mode");
  });
  EXPECT_EQ(mode, "wal");
  auto keys =
      db_->write([](db::Session& s) { return db::Query(s, "PRAGMA foreign_keys").scalar(); });
  EXPECT_EQ(keys, 1);
  // A database opened with durable=false trades that for speed.
  TestDatabase other("sqlite");
  auto fast = db::Database::open({.url = other.url(), .durable = false});
  EXPECT_EQ(fast->write([](db::Session& s) { return db::Query(s, "PRAGMA synchronous").scalar(); }),
            1);
  fast->close();
}

// WAL checkpoints run beside the writer (sqlite_database.cpp): the pages committed reach the
// database file without anybody asking, and the WAL stays bounded under a writer that never stops.
TEST_P(DatabaseTest, SqliteCommittedPagesReachTheDatabaseFileAndTheWalStaysBounded) {
  if (GetParam() != "sqlite") GTEST_SKIP() << "the WAL is SQLite's";
  const std::string file = tdb_->url().substr(std::string("sqlite:").size());
  db_->write([](db::Session& s) { db::Query(s, "CREATE TABLE blob_probe (b BLOB NOT NULL)").exec(); });
  const auto main_size = [&] { return std::filesystem::file_size(file); };
  const auto before = main_size();
  const auto commit_100_pages = [&] {
    db_->write([](db::Session& s) {
      for (int j = 0; j < 25; ++j)
        db::Query(s, "INSERT INTO blob_probe (b) VALUES (zeroblob(16000))").exec();
    });
  };
  // 2,000 pages in 20 commits: twice the checkpoint threshold.
  for (int i = 0; i < 20; ++i) commit_100_pages();
  for (int i = 0; i < 200 && main_size() < before + 4'000'000; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  EXPECT_GE(main_size(), before + 4'000'000) << "the checkpointer copied the committed pages";

  // 30,000 pages (past the writer's own limit) in commits as fast as the writer takes them. (With
  // readers reading all the time the WAL can outgrow this, with SQLite's own checkpoints too: it
  // starts again from its beginning only when no reader uses it.)
  std::uintmax_t largest_wal = 0;
  for (int i = 0; i < 300; ++i) {
    commit_100_pages();
    largest_wal = std::max(largest_wal, std::filesystem::file_size(file + "-wal"));
  }
  EXPECT_LT(largest_wal, 100'000'000u) << "about 20,000 pages at most, plus one commit";
  EXPECT_EQ(db_->read([](db::Session& s) { return db::Query(s, "SELECT count(*) FROM blob_probe").scalar(); }),
            320 * 25);
}

TEST_P(DatabaseTest, SqliteReadersCannotWrite) {
  if (GetParam() != "sqlite") GTEST_SKIP() << "PostgreSQL readers are plain pooled sessions";
  EXPECT_ANY_THROW(db_->read([&](db::Session& s) { insert(s, 1); }));
  EXPECT_TRUE(rows().empty());
}

// SQLite keeps each connection's prepared statements (query.cpp): the same SQL run again takes
// new values, a reader sees what was committed since its last run of that SQL, and the values
// keep their types.
TEST_P(DatabaseTest, TheSameStatementRunAgainTakesNewValuesAndSeesNewRows) {
  auto count = [&] {
    return db_->read([](db::Session& s) { return db::Query(s, "SELECT COUNT(*) FROM probe").scalar(); });
  };
  for (long long n = 1; n <= 5; ++n) {
    db_->write([&](db::Session& s) { insert(s, n * 10); });
    EXPECT_EQ(count(), n) << "a reader must not keep the snapshot of its last run";
  }
  EXPECT_EQ(rows(), (std::set<long long>{10, 20, 30, 40, 50}));
  const auto one = db_->read([](db::Session& s) {
    return db::Query(s, "SELECT n FROM probe WHERE n > :m ORDER BY n").bind("m", 25LL).one();
  });
  ASSERT_TRUE(one);
  EXPECT_EQ(one->i64("n"), 30);
  // A statement left after one() of several rows is reset: the next run starts from the top.
  const auto again = db_->read([](db::Session& s) {
    return db::Query(s, "SELECT n FROM probe WHERE n > :m ORDER BY n").bind("m", 5LL).one();
  });
  EXPECT_EQ(again->i64("n"), 10);
}

TEST_P(DatabaseTest, ValuesKeepTheirTypesAndNullsComeBackAsNull) {
  db_->write([](db::Session& s) {
    db::Query(s, "CREATE TABLE typed (a BIGINT, b TEXT, c SMALLINT)").exec();
    db::Query(s, "INSERT INTO typed (a, b, c) VALUES (:a, :b, :c)")
        .bind("a", 9000000000LL).bind("b", "007").bind("c", std::optional<long long>()).exec();
    db::Query(s, "INSERT INTO typed (a, b, c) VALUES (:a, :b, :c)")
        .bind("a", std::optional<long long>()).bind("b", std::optional<std::string>()).bind("c", 1LL).exec();
  });
  const auto r = db_->read([](db::Session& s) {
    return db::Query(s, "SELECT a, b, c, a * 2 AS twice FROM typed ORDER BY c IS NULL DESC").all();
  });
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].i64("a"), 9000000000LL);
  EXPECT_EQ(r[0].str("b"), "007") << "a TEXT column stays text";
  EXPECT_TRUE(r[0].is_null("c"));
  EXPECT_EQ(r[0].i64("twice"), 18000000000LL) << "no 32-bit truncation";
  EXPECT_TRUE(r[1].is_null("a"));
  EXPECT_TRUE(r[1].is_null("b"));
  EXPECT_TRUE(r[1].is_null("twice"));
  EXPECT_EQ(r[1].i64("c"), 1);
}

TEST_P(DatabaseTest, ManyDifferentStatementsAndANestedRunOfTheSameOneStayCorrect) {
  db_->write([&](db::Session& s) { insert(s, 1); });
  long long sum = 0;
  for (int k = 0; k < 1200; ++k)  // more texts than a connection keeps
    sum += db_->read([&](db::Session& s) {
      return db::Query(s, "SELECT n + " + std::to_string(k) + " FROM probe").scalar();
    });
  EXPECT_EQ(sum, 1200LL + 1200LL * 1199 / 2);
  // A job that runs the same SQL inside a loop over its own result.
  db_->write([&](db::Session& s) {
    insert(s, 2);
    const std::string sql = "SELECT n FROM probe WHERE n >= :m ORDER BY n";
    long long inner = 0;
    for (const auto& r : db::Query(s, sql).bind("m", 1LL).all())
      inner += db::Query(s, sql).bind("m", r.i64("n")).one()->i64("n");
    EXPECT_EQ(inner, 3);
  });
}

TEST_P(DatabaseTest, ADatabaseWithKeptStatementsClosesAndOpensAgain) {
  for (int round = 0; round < 3; ++round) {
    db_->write([&](db::Session& s) { insert(s, round); });
    EXPECT_EQ(rows().size(), static_cast<std::size_t>(round + 1));
    db_->close();
    db_.reset();
    db_ = db::Database::open({.url = tdb_->url()});
  }
  EXPECT_EQ(rows(), (std::set<long long>{0, 1, 2}));
  if (GetParam() != "sqlite") return;
  db_->close();
  db_.reset();
  // Every connection really closed: a statement left unfinalized would keep its file open.
  int open_files = 0;
  for (const auto& fd : std::filesystem::directory_iterator("/proc/self/fd")) {
    std::error_code ec;
    const auto target = std::filesystem::read_symlink(fd.path(), ec).string();
    if (!ec && target.rfind(tdb_->dir(), 0) == 0) ++open_files;
  }
  EXPECT_EQ(open_files, 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, DatabaseTest, ::testing::ValuesIn(engines_under_test()));

TEST(Migrations, BothEnginesHaveTheSameNumberedList) {
  const auto& lite = db::sqlite_migrations();
  const auto& pg = db::postgres_migrations();
  ASSERT_FALSE(lite.empty());
  ASSERT_EQ(lite.size(), pg.size());
  for (std::size_t i = 0; i < lite.size(); ++i) {
    EXPECT_EQ(lite[i].version, static_cast<int>(i) + 1) << "contiguous from 1";
    EXPECT_EQ(pg[i].version, lite[i].version);
    EXPECT_EQ(pg[i].name, lite[i].name);
    EXPECT_FALSE(db::split_statements(lite[i].sql).empty()) << lite[i].name;
    EXPECT_FALSE(db::split_statements(pg[i].sql).empty()) << pg[i].name;
  }
}

TEST(SplitStatements, SplitsAtASemicolonThatEndsALine) {
  const auto parts =
      db::split_statements("CREATE TABLE a (x INT);\nCREATE TABLE b (\n  y INT\n);\n");
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0], "CREATE TABLE a (x INT)");
  EXPECT_EQ(parts[1], "CREATE TABLE b (\n  y INT\n)");
}

TEST(SplitStatements, SkipsCommentLinesAndBlankLines) {
  const auto parts = db::split_statements(
      "-- a comment; with a semicolon;\n\n   \n  -- indented comment\nSELECT 1;\n\n-- trailing\n");
  ASSERT_EQ(parts.size(), 1u);
  EXPECT_EQ(parts[0], "SELECT 1");
}

TEST(SplitStatements, KeepsASemicolonInsideALine) {
  const auto parts = db::split_statements("INSERT INTO t VALUES ('a;b');\nSELECT 2;\n");
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0], "INSERT INTO t VALUES ('a;b')");
}

TEST(SplitStatements, HandlesWindowsLineEndsAndTrailingSpace) {
  const auto parts = db::split_statements("SELECT 1;  \r\nSELECT 2;\r\n");
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0].find(';'), std::string::npos) << parts[0];
  EXPECT_EQ(parts[1].rfind("SELECT 2", 0), 0u);
}

TEST(SplitStatements, KeepsALastStatementWithoutSemicolon) {
  const auto parts = db::split_statements("SELECT 1;\nSELECT 2");
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[1].rfind("SELECT 2", 0), 0u);
  EXPECT_TRUE(db::split_statements("").empty());
  EXPECT_TRUE(db::split_statements("-- only a comment\n").empty());
}

}  // namespace
}  // namespace steward::testing
