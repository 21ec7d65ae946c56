#include "storage/database.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "storage/migrations.h"
#include "storage/testing_raw_sql.h"
#include "testing/temp_dir.h"

namespace sangkien::storage {
namespace {

std::unique_ptr<Database> OpenAt(const std::string& path) {
  DatabaseOptions options;
  options.path = path;
  auto db = Database::Open(options);
  EXPECT_TRUE(db.ok()) << db.status();
  return db.ok() ? std::move(*db) : nullptr;
}

int64_t QueryInt(Database& db, const std::string& sql) {
  int64_t value = -1;
  absl::Status s = db.Read([&](Connection& c) -> absl::Status {
    auto& q = RawSqlForTests::Prepare(c, sql);
    if (q.executeStep()) value = q.getColumn(0).getInt64();
    return absl::OkStatus();
  });
  EXPECT_TRUE(s.ok()) << s;
  return value;
}

TEST(DatabaseTest, MigratesAnEmptyFileToTheLatestSchema) {
  testing::TempDir dir;
  auto db = OpenAt(dir.File("a.db"));
  ASSERT_NE(db, nullptr);
  EXPECT_EQ(db->schema_version(), Migrations().back().version);
  EXPECT_EQ(QueryInt(*db, "PRAGMA user_version"), Migrations().back().version);
  EXPECT_EQ(QueryInt(*db, "SELECT count(*) FROM sqlite_schema WHERE name = 'assignments'"), 1);
}

TEST(DatabaseTest, WriterUsesWalFullSyncAndForeignKeys) {
  testing::TempDir dir;
  auto db = OpenAt(dir.File("a.db"));
  ASSERT_NE(db, nullptr);
  std::string mode;
  int64_t sync = -1, fk = -1;
  ASSERT_TRUE(db->Write([&](Connection& c) -> absl::Status {
                  auto& q = RawSqlForTests::Prepare(c, "PRAGMA synchronous");
                  q.executeStep();
                  sync = q.getColumn(0).getInt64();
                  auto& f = RawSqlForTests::Prepare(c, "PRAGMA foreign_keys");
                  f.executeStep();
                  fk = f.getColumn(0).getInt64();
                  return absl::OkStatus();
                }).ok());
  EXPECT_EQ(sync, 2);  // FULL
  EXPECT_EQ(fk, 1);
  SQLite::Database raw(dir.File("a.db"));
  EXPECT_EQ(raw.execAndGet("PRAGMA journal_mode").getString(), "wal");
}

TEST(DatabaseTest, FailedWriteRollsBackAndDataSurvivesReopen) {
  testing::TempDir dir;
  {
    auto db = OpenAt(dir.File("a.db"));
    ASSERT_TRUE(db->Write([](Connection& c) -> absl::Status {
                    RawSqlForTests::Exec(c, "INSERT INTO meta (key, value) VALUES ('kept', x'01')");
                    return absl::OkStatus();
                  }).ok());
    absl::Status failed = db->Write([](Connection& c) -> absl::Status {
      RawSqlForTests::Exec(c, "INSERT INTO meta (key, value) VALUES ('lost', x'02')");
      return absl::AbortedError("changed my mind");
    });
    EXPECT_EQ(failed.code(), absl::StatusCode::kAborted);
    absl::Status thrown = db->Write([](Connection& c) -> absl::Status {
      RawSqlForTests::Exec(c, "INSERT INTO meta (key, value) VALUES ('lost2', x'02')");
      RawSqlForTests::Exec(c, "INSERT INTO no_such_table VALUES (1)");
      return absl::OkStatus();
    });
    EXPECT_EQ(thrown.code(), absl::StatusCode::kInternal);
    EXPECT_EQ(thrown.message(), "internal storage error");  // no SQL text leaks
  }
  auto db = OpenAt(dir.File("a.db"));
  EXPECT_EQ(QueryInt(*db, "SELECT count(*) FROM meta WHERE key = 'kept'"), 1);
  EXPECT_EQ(QueryInt(*db, "SELECT count(*) FROM meta WHERE key LIKE 'lost%'"), 0);
}

TEST(DatabaseTest, ForeignKeysAreEnforced) {
  testing::TempDir dir;
  auto db = OpenAt(dir.File("a.db"));
  absl::Status s = db->Write([](Connection& c) -> absl::Status {
    RawSqlForTests::Exec(c,
                         "INSERT INTO tasks (plan_id, position, number, title, body, status, "
                         "create_time, "
                         "update_time) VALUES (999, 1, '1', 't', 'b', 1, 0, 0)");
    return absl::OkStatus();
  });
  EXPECT_FALSE(s.ok());
}

TEST(DatabaseTest, RefusesMemoryDatabaseAndNewerSchema) {
  DatabaseOptions options;
  options.path = ":memory:";
  EXPECT_FALSE(Database::Open(options).ok());
  testing::TempDir dir;
  {
    SQLite::Database raw(dir.File("future.db"), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    raw.exec("PRAGMA user_version = 999");
  }
  options.path = dir.File("future.db");
  auto db = Database::Open(options);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), absl::StatusCode::kFailedPrecondition);
}

TEST(DatabaseTest, ReadersSeeCommittedWrites) {
  testing::TempDir dir;
  auto db = OpenAt(dir.File("a.db"));
  for (int i = 0; i < 10; ++i) {
    ASSERT_TRUE(db->Write([&](Connection& c) -> absl::Status {
                    auto& q = RawSqlForTests::Prepare(
                        c, "INSERT INTO meta (key, value) VALUES (?, x'00')");
                    q.bind(1, "k" + std::to_string(i));
                    q.exec();
                    return absl::OkStatus();
                  }).ok());
    EXPECT_EQ(QueryInt(*db, "SELECT count(*) FROM meta"), i + 1);
  }
}

// Many writers at once: each write lands exactly once, a failing write undoes
// only itself even when it shares a transaction with others, and the writes
// really are batched.
TEST(DatabaseTest, GroupCommitKeepsEachWriteItsOwn) {
  testing::TempDir dir;
  auto db = OpenAt(dir.File("group.db"));
  ASSERT_NE(db, nullptr);
  ASSERT_TRUE(db->Write([](Connection& c) {
                  RawSqlForTests::Exec(c,
                                       "CREATE TABLE t (id INTEGER PRIMARY KEY, writer "
                                       "INTEGER NOT NULL)");
                  return absl::OkStatus();
                }).ok());
  constexpr int kThreads = 32, kEach = 20;
  std::atomic<int> ok{0}, refused{0}, thrown{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        int kind = (t + i) % 5;
        absl::Status s = db->Write([&](Connection& c) -> absl::Status {
          auto& insert = RawSqlForTests::Prepare(c, "INSERT INTO t (writer) VALUES (?)");
          insert.bind(1, t * 1000 + i);
          insert.exec();
          if (kind == 3) return absl::FailedPreconditionError("refused after inserting");
          if (kind == 4) RawSqlForTests::Exec(c, "INSERT INTO no_such_table VALUES (1)");  // throws
          return absl::OkStatus();
        });
        if (s.ok()) {
          ++ok;
        } else if (kind == 3) {
          EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
          ++refused;
        } else {
          ++thrown;
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(ok + refused + thrown, kThreads * kEach);
  EXPECT_EQ(refused, kThreads * kEach / 5);
  EXPECT_EQ(thrown, kThreads * kEach / 5);
  // Exactly the successful writes are there, each once.
  EXPECT_EQ(QueryInt(*db, "SELECT count(*) FROM t"), ok.load());
  EXPECT_EQ(QueryInt(*db, "SELECT count(DISTINCT writer) FROM t"), ok.load());
  EXPECT_EQ(QueryInt(*db,
                     "SELECT count(*) FROM t WHERE (writer / 1000 + "
                     "writer % 1000) % 5 >= 3"),
            0);
  // Survives reopening.
  db.reset();
  auto again = OpenAt(dir.File("group.db"));
  EXPECT_EQ(QueryInt(*again, "SELECT count(*) FROM t"), ok.load());
}

TEST(DatabaseTest, WithoutGroupCommitEachWriteIsItsOwnTransaction) {
  testing::TempDir dir;
  DatabaseOptions options;
  options.path = dir.File("single.db");
  options.group_commit = false;
  auto db = Database::Open(options);
  ASSERT_TRUE(db.ok());
  ASSERT_TRUE((*db)
                  ->Write([](Connection& c) {
                    RawSqlForTests::Exec(c, "CREATE TABLE t (id INTEGER PRIMARY KEY)");
                    return absl::OkStatus();
                  })
                  .ok());
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 10; ++i) {
        EXPECT_TRUE((*db)
                        ->Write([](Connection& c) {
                          RawSqlForTests::Exec(c, "INSERT INTO t DEFAULT VALUES");
                          return absl::OkStatus();
                        })
                        .ok());
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(QueryInt(**db, "SELECT count(*) FROM t"), 80);
}

}  // namespace
}  // namespace sangkien::storage
