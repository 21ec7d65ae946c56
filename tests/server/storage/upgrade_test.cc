// A database left at any earlier schema version opens under this build and
// migrates to the latest one with its rows kept; a database from a newer
// build is refused with both versions named. The fixtures are made from the
// migrations themselves: a file at version N is migrations 1..N, with one row
// in every table that exists at N.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "storage/database.h"
#include "storage/migrations.h"
#include "storage/testing_raw_sql.h"
#include "testing/temp_dir.h"

namespace sangkien::storage {
namespace {

int Latest() { return Migrations().back().version; }

// Ordinary tables (not SQLite's own, not FTS5 virtual tables or their shadow
// tables, which their virtual table fills).
std::vector<std::string> PlainTables(SQLite::Database& db) {
  std::vector<std::string> tables;
  SQLite::Statement q(db,
                      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE "
                      "'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name");
  while (q.executeStep()) tables.push_back(q.getColumn(0).getString());
  std::vector<std::string> plain;
  for (const std::string& t : tables) {
    bool shadow = false;
    for (const char* suffix : {"_data", "_idx", "_content", "_docsize", "_config"}) {
      SQLite::Statement v(db,
                          "SELECT count(*) FROM sqlite_schema WHERE sql LIKE 'CREATE VIRTUAL "
                          "TABLE%' AND ? = name || ?");
      v.bind(1, t);
      v.bind(2, suffix);
      v.executeStep();
      shadow = shadow || v.getColumn(0).getInt() > 0;
    }
    if (!shadow) plain.push_back(t);
  }
  return plain;
}

// One row whose every column holds a value of its declared type; integer
// references point at row 1 of the table they name, which this fills too.
void InsertOneRow(SQLite::Database& db, const std::string& table) {
  std::vector<std::string> columns, values;
  SQLite::Statement info(db, absl::StrCat("PRAGMA table_info(\"", table, "\")"));
  while (info.executeStep()) {
    std::string name = info.getColumn(1).getString();
    std::string type = info.getColumn(2).getString();
    columns.push_back(absl::StrCat("\"", name, "\""));
    if (type == "INTEGER") {
      values.push_back("1");
    } else if (type == "REAL") {
      values.push_back("0.5");
    } else if (type == "BLOB") {
      values.push_back("x'01'");
    } else if (type == "TEXT") {
      values.push_back(absl::StrCat("'", name == "key" ? table : "[]", "'"));
    } else {
      values.push_back("1");
    }
  }
  db.exec(absl::StrCat("INSERT INTO \"", table, "\" (", absl::StrJoin(columns, ", "), ") VALUES (",
                       absl::StrJoin(values, ", "), ")"));
}

std::map<std::string, int64_t> RowCounts(SQLite::Database& db) {
  std::map<std::string, int64_t> counts;
  for (const std::string& t : PlainTables(db)) {
    SQLite::Statement q(db, absl::StrCat("SELECT count(*) FROM \"", t, "\""));
    q.executeStep();
    counts[t] = q.getColumn(0).getInt64();
  }
  return counts;
}

std::string Schema(const std::string& path) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  SQLite::Statement q(db, "SELECT type, name, coalesce(sql, '') FROM sqlite_schema ORDER BY name");
  std::string out;
  while (q.executeStep()) {
    absl::StrAppend(&out, q.getColumn(0).getString(), " ", q.getColumn(1).getString(), ": ",
                    q.getColumn(2).getString(), "\n");
  }
  return out;
}

// A file at schema `version`, made by running migrations 1..version in order.
std::map<std::string, int64_t> MakeFixture(const std::string& path, int version) {
  SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  db.exec("PRAGMA journal_mode = WAL");
  for (const Migration& m : Migrations()) {
    if (m.version > version) break;
    db.exec(std::string(m.sql));
    db.exec(absl::StrCat("PRAGMA user_version = ", m.version));
  }
  for (const std::string& t : PlainTables(db)) InsertOneRow(db, t);
  return RowCounts(db);
}

std::unique_ptr<Database> Open(const std::string& path) {
  DatabaseOptions options;
  options.path = path;
  auto db = Database::Open(options);
  EXPECT_TRUE(db.ok()) << db.status();
  return db.ok() ? std::move(*db) : nullptr;
}

TEST(UpgradeTest, EveryEarlierSchemaMigratesToTheLatestWithItsRows) {
  testing::TempDir dir;
  std::string fresh = dir.File("fresh.db");
  ASSERT_NE(Open(fresh), nullptr);
  std::string latest_schema = Schema(fresh);
  ASSERT_GT(Latest(), 1);

  for (int version = 1; version < Latest(); ++version) {
    SCOPED_TRACE(absl::StrCat("from schema version ", version));
    std::string path = dir.File(absl::StrCat("v", version, ".db"));
    std::map<std::string, int64_t> before = MakeFixture(path, version);
    ASSERT_FALSE(before.empty());
    {
      auto db = Open(path);
      ASSERT_NE(db, nullptr);
      EXPECT_EQ(db->schema_version(), Latest());
      // The upgraded file serves a write through the current code path.
      ASSERT_TRUE(db->Write([](Connection& c) -> absl::Status {
                      RawSqlForTests::Prepare(
                          c, "INSERT INTO meta (key, value) VALUES ('upgraded', x'01')")
                          .exec();
                      return absl::OkStatus();
                    }).ok());
    }
    EXPECT_EQ(Schema(path), latest_schema);
    SQLite::Database raw(path, SQLite::OPEN_READONLY);
    SQLite::Statement check(raw, "PRAGMA integrity_check");
    ASSERT_TRUE(check.executeStep());
    EXPECT_EQ(check.getColumn(0).getString(), "ok");
    std::map<std::string, int64_t> after = RowCounts(raw);
    for (const auto& [table, rows] : before) {
      ASSERT_TRUE(after.count(table)) << table << " is gone after the upgrade";
      EXPECT_EQ(after[table], rows + (table == "meta" ? 1 : 0)) << table;
    }
  }
}

TEST(UpgradeTest, ADatabaseFromANewerReleaseIsRefusedNamingBothVersions) {
  testing::TempDir dir;
  std::string path = dir.File("future.db");
  {
    SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    raw.exec(absl::StrCat("PRAGMA user_version = ", Latest() + 3));
  }
  DatabaseOptions options;
  options.path = path;
  auto db = Database::Open(options);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), absl::StatusCode::kFailedPrecondition);
  std::string message(db.status().message());
  EXPECT_TRUE(absl::StrContains(message, absl::StrCat("schema version ", Latest() + 3))) << message;
  EXPECT_TRUE(absl::StrContains(message, absl::StrCat("up to version ", Latest()))) << message;
  // Refused before anything was written: the version is what it was.
  SQLite::Database raw(path, SQLite::OPEN_READONLY);
  SQLite::Statement q(raw, "PRAGMA user_version");
  q.executeStep();
  EXPECT_EQ(q.getColumn(0).getInt(), Latest() + 3);
}

}  // namespace
}  // namespace sangkien::storage
