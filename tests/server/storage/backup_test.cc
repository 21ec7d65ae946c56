// Online backup while a writer keeps committing, restore, and the offline
// audit trail check.
#include "storage/backup.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "absl/strings/str_cat.h"
#include "storage/audit_log.h"
#include "storage/database.h"
#include "storage/migrations.h"
#include "storage/request_log.h"
#include "storage/testing_raw_sql.h"
#include "testing/temp_dir.h"

namespace sangkien::storage {
namespace {

namespace fs = std::filesystem;

constexpr const char* kCreateProbe =
    "CREATE TABLE IF NOT EXISTS probe (id INTEGER PRIMARY KEY, body BLOB NOT NULL)";

std::unique_ptr<Database> OpenAt(const std::string& path) {
  DatabaseOptions options;
  options.path = path;
  auto db = Database::Open(options);
  EXPECT_TRUE(db.ok()) << db.status();
  return db.ok() ? std::move(*db) : nullptr;
}

absl::Status InsertProbe(Database& db, int64_t id, size_t body_bytes) {
  return db.Write([&](Connection& c) -> absl::Status {
    auto& q = RawSqlForTests::Prepare(c, "INSERT INTO probe (id, body) VALUES (?, zeroblob(?))");
    q.bind(1, static_cast<int64_t>(id));
    q.bind(2, static_cast<int64_t>(body_bytes));
    q.exec();
    return absl::OkStatus();
  });
}

// A database with the probe table and `rows` rows of `body_bytes` each.
std::unique_ptr<Database> MakeProbeDatabase(const std::string& path, int rows, size_t body_bytes) {
  auto db = OpenAt(path);
  if (!db) return nullptr;
  absl::Status s = db->Write([&](Connection& c) -> absl::Status {
    RawSqlForTests::Exec(c, kCreateProbe);
    auto& q = RawSqlForTests::Prepare(c, "INSERT INTO probe (id, body) VALUES (?, zeroblob(?))");
    for (int i = 1; i <= rows; ++i) {
      q.reset();
      q.bind(1, static_cast<int64_t>(-i));  // negative ids: not the writer's
      q.bind(2, static_cast<int64_t>(body_bytes));
      q.exec();
    }
    return absl::OkStatus();
  });
  EXPECT_TRUE(s.ok()) << s;
  return db;
}

int64_t QueryInt(const std::string& path, const std::string& sql) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  return db.execAndGet(sql).getInt64();
}

std::string IntegrityCheck(const std::string& path) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  return db.execAndGet("PRAGMA integrity_check").getString();
}

TEST(BackupTest, BackupDuringWritesHoldsEveryWriteAcknowledgedBeforeIt) {
  testing::TempDir dir;
  std::string source = dir.File("live.db");
  // About 4 MB, so the copy takes many steps of 16 pages.
  auto db = MakeProbeDatabase(source, 1000, 4000);
  ASSERT_NE(db, nullptr);
  ASSERT_TRUE(db->Write([](Connection& c) -> absl::Status {
                  return MetaStore::GetOrCreate(
                             c, MetaStore::kPageTokenKey,
                             [] { return std::string("the key markers were sealed with"); })
                      .status();
                }).ok());

  std::atomic<int64_t> acknowledged{0};
  std::atomic<bool> stop{false};
  std::atomic<bool> write_failed{false};
  std::thread writer([&] {
    for (int64_t id = 1; !stop.load(); ++id) {
      absl::Status s = InsertProbe(*db, id, 500);
      if (!s.ok()) {
        ADD_FAILURE() << "write " << id << ": " << s;
        write_failed = true;
        return;
      }
      acknowledged.store(id);
    }
  });
  auto wait_for = [&](int64_t count) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (acknowledged.load() < count && !write_failed.load() &&
           std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return acknowledged.load() >= count;
  };
  ASSERT_TRUE(wait_for(50));

  const int64_t before = acknowledged.load();
  int steps = 0;
  bool restarted = false;
  CopyProgress last;
  CopyOptions options;
  options.pages_per_step = 16;
  options.progress = [&](const CopyProgress& p) {
    if (p.pages_copied < last.pages_copied) restarted = true;
    last = p;
    // Let the writer commit between every two steps: the copy must neither
    // wait for it nor start over because of it. Should it start over, stop
    // the writer after a while so that the copy still ends.
    if (++steps < 500) {
      wait_for(acknowledged.load() + 1);
    } else {
      stop = true;
    }
  };
  std::string backup = dir.File("backup.db");
  auto info = BackupDatabase(source, backup, options);
  const int64_t after_backup = acknowledged.load();
  stop = true;
  writer.join();
  ASSERT_TRUE(info.ok()) << info.status();
  ASSERT_FALSE(write_failed.load());

  EXPECT_FALSE(restarted) << "the copy started over when the writer committed";
  EXPECT_GT(steps, 10);
  EXPECT_LT(steps, 500);
  EXPECT_GE(after_backup - before, steps - 1) << "the writer stalled while the backup ran";
  EXPECT_EQ(last.pages_copied, last.pages_total);
  EXPECT_EQ(info->pages, last.pages_total);
  EXPECT_EQ(info->schema_version, Migrations().back().version);
  EXPECT_FALSE(fs::exists(backup + "-wal"));
  EXPECT_EQ(IntegrityCheck(backup), "ok");

  // One snapshot: the writer's rows 1..N with no gap, N at least every row
  // acknowledged before the backup began and short of those after it.
  int64_t count = QueryInt(backup, "SELECT count(*) FROM probe WHERE id > 0");
  int64_t max = QueryInt(backup, "SELECT coalesce(max(id), 0) FROM probe");
  EXPECT_EQ(count, max);
  EXPECT_GE(max, before);
  EXPECT_LT(max, after_backup);
  EXPECT_EQ(QueryInt(backup, "SELECT count(*) FROM probe WHERE id <= 0"), 1000);

  // Restored into a new place, the server's Database opens it.
  std::string restored = dir.File("restored/sangkien.db");
  auto restored_info = RestoreDatabase(backup, restored);
  ASSERT_TRUE(restored_info.ok()) << restored_info.status();
  auto reopened = OpenAt(restored);
  ASSERT_NE(reopened, nullptr);
  int64_t restored_rows = -1;
  ASSERT_TRUE(reopened
                  ->Read([&](Connection& c) -> absl::Status {
                    auto& q = RawSqlForTests::Prepare(c, "SELECT count(*) FROM probe WHERE id > 0");
                    q.executeStep();
                    restored_rows = q.getColumn(0).getInt64();
                    return absl::OkStatus();
                  })
                  .ok());
  EXPECT_EQ(restored_rows, max);
  EXPECT_TRUE(InsertProbe(*reopened, max + 1, 10).ok());
  // The backup is a faithful copy; the restored database has forgotten the
  // key, so markers and page tokens from before the restore are refused.
  const std::string key_rows =
      absl::StrCat("SELECT count(*) FROM meta WHERE key = '", MetaStore::kPageTokenKey, "'");
  EXPECT_EQ(QueryInt(backup, key_rows), 1);
  EXPECT_EQ(QueryInt(restored, key_rows), 0);
}

TEST(BackupTest, BackupRefusesAnExistingFileAndAMissingDatabase) {
  testing::TempDir dir;
  auto db = MakeProbeDatabase(dir.File("live.db"), 3, 10);
  ASSERT_NE(db, nullptr);
  std::ofstream(dir.File("taken.db")) << "keep me";
  auto taken = BackupDatabase(dir.File("live.db"), dir.File("taken.db"));
  EXPECT_EQ(taken.status().code(), absl::StatusCode::kAlreadyExists) << taken.status();
  std::ifstream kept(dir.File("taken.db"));
  std::string text;
  std::getline(kept, text);
  EXPECT_EQ(text, "keep me");

  auto missing = BackupDatabase(dir.File("nothing.db"), dir.File("new.db"));
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kNotFound) << missing.status();
  EXPECT_FALSE(fs::exists(dir.File("new.db")));
}

TEST(BackupTest, RestoreRefusesADatabaseInUse) {
  testing::TempDir dir;
  {
    auto old = MakeProbeDatabase(dir.File("backup-source.db"), 7, 10);
    ASSERT_NE(old, nullptr);
  }
  ASSERT_TRUE(BackupDatabase(dir.File("backup-source.db"), dir.File("backup.db")).ok());
  std::string target = dir.File("live.db");
  auto live = MakeProbeDatabase(target, 2, 10);
  ASSERT_NE(live, nullptr);

  auto refused = RestoreDatabase(dir.File("backup.db"), target);
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kFailedPrecondition) << refused.status();
  EXPECT_NE(refused.status().message().find("in use"), std::string::npos) << refused.status();
  EXPECT_EQ(QueryInt(target, "SELECT count(*) FROM probe"), 2);

  live.reset();  // the server stops
  auto restored = RestoreDatabase(dir.File("backup.db"), target);
  ASSERT_TRUE(restored.ok()) << restored.status();
  EXPECT_EQ(QueryInt(target, "SELECT count(*) FROM probe"), 7);
  for (const auto& entry : fs::directory_iterator(dir.File(""))) {
    EXPECT_EQ(entry.path().filename().string().find(".restoring-"), std::string::npos)
        << "left behind: " << entry.path();
  }
}

TEST(BackupTest, RestoreReplacesADatabaseLeftWithAWal) {
  testing::TempDir dir;
  {
    auto source = MakeProbeDatabase(dir.File("source.db"), 5, 10);
    ASSERT_NE(source, nullptr);
  }
  ASSERT_TRUE(BackupDatabase(dir.File("source.db"), dir.File("backup.db")).ok());

  // A database whose last writer stopped without checkpointing: its newest
  // rows live only in the -wal beside it.
  std::string target = dir.File("crashed.db");
  {
    SQLite::Database raw(target, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    raw.exec("PRAGMA journal_mode = WAL");
    int off = 0;
    sqlite3_db_config(raw.getHandle(), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, &off);
    raw.exec(kCreateProbe);
    for (int i = 0; i < 50; ++i) raw.exec("INSERT INTO probe (body) VALUES (zeroblob(100))");
  }
  ASSERT_TRUE(fs::exists(target + "-wal"));
  ASSERT_GT(fs::file_size(target + "-wal"), 0u);

  auto restored = RestoreDatabase(dir.File("backup.db"), target);
  ASSERT_TRUE(restored.ok()) << restored.status();
  EXPECT_FALSE(fs::exists(target + "-wal"));
  EXPECT_FALSE(fs::exists(target + "-shm"));
  EXPECT_EQ(IntegrityCheck(target), "ok");
  EXPECT_EQ(QueryInt(target, "SELECT count(*) FROM probe"), 5);
}

TEST(BackupTest, RestoreRefusesABackupItCannotServe) {
  testing::TempDir dir;
  std::string target = dir.File("live.db");
  { ASSERT_NE(MakeProbeDatabase(target, 4, 10), nullptr); }

  std::ofstream(dir.File("junk.db")) << std::string(8192, 'x');
  auto junk = RestoreDatabase(dir.File("junk.db"), target);
  EXPECT_EQ(junk.status().code(), absl::StatusCode::kFailedPrecondition) << junk.status();

  {
    SQLite::Database raw(dir.File("future.db"), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    raw.exec("CREATE TABLE t (x); PRAGMA user_version = 9999");
  }
  auto future = RestoreDatabase(dir.File("future.db"), target);
  EXPECT_EQ(future.status().code(), absl::StatusCode::kFailedPrecondition) << future.status();
  EXPECT_NE(future.status().message().find("newer"), std::string::npos) << future.status();

  {
    SQLite::Database raw(dir.File("foreign.db"), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    raw.exec("CREATE TABLE t (x)");
  }
  auto foreign = RestoreDatabase(dir.File("foreign.db"), target);
  EXPECT_EQ(foreign.status().code(), absl::StatusCode::kFailedPrecondition) << foreign.status();

  auto missing = RestoreDatabase(dir.File("missing.db"), target);
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kNotFound) << missing.status();

  EXPECT_EQ(QueryInt(target, "SELECT count(*) FROM probe"), 4);
}

TEST(BackupTest, VerifyAuditTrailNamesTheFirstAlteredEvent) {
  testing::TempDir dir;
  std::string path = dir.File("audited.db");
  {
    auto db = OpenAt(path);
    ASSERT_NE(db, nullptr);
    domain::Actor actor{"system", "test", ""};
    for (int i = 1; i <= 3; ++i) {
      ASSERT_TRUE(db->Write([&](Connection& c) {
                      return AuditLog::Append(c, actor, absl::StrCat("units/", i), "",
                                              absl::StrCat("digest", i), absl::Now());
                    }).ok());
    }
    auto intact = VerifyAuditTrail(path);  // while the writer has it open
    ASSERT_TRUE(intact.ok()) << intact.status();
    EXPECT_TRUE(intact->intact);
    EXPECT_EQ(intact->events_checked, 3);
  }
  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE);
    raw.exec("UPDATE audit_events SET actor = 'x' WHERE sequence = 2");
  }
  auto broken = VerifyAuditTrail(path);
  ASSERT_TRUE(broken.ok()) << broken.status();
  EXPECT_FALSE(broken->intact);
  EXPECT_EQ(broken->first_broken_sequence, 2);

  auto missing = VerifyAuditTrail(dir.File("missing.db"));
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kNotFound);
  EXPECT_FALSE(fs::exists(dir.File("missing.db")));
}

}  // namespace
}  // namespace sangkien::storage
