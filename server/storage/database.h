// The SQLite database: one writer connection, a small pool of readers,
// pragmas and migrations. Every read and write runs inside a transaction
// handed to a callback, so a caller can never leave one open.
#ifndef SANGKIEN_SERVER_STORAGE_DATABASE_H_
#define SANGKIEN_SERVER_STORAGE_DATABASE_H_

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "storage/write_stats.h"

namespace SQLite {
class Database;
class Statement;
}  // namespace SQLite

namespace sangkien::storage {

struct DatabaseOptions {
  std::string path;  // ":memory:" is refused: readers would not share it
  int reader_count = 4;
  // FULL: an acknowledged write survives power loss. NORMAL only for tests
  // and benchmarks that say so.
  bool synchronous_full = true;
  int busy_timeout_ms = 5000;
  // Concurrent writes share one transaction and one sync to disk (each in
  // its own savepoint, so one failing rolls back only itself); every caller
  // is answered after the commit. Off: one transaction per write.
  bool group_commit = true;
  int max_batch = 128;
};

// One connection with a cache of prepared statements.
class Connection {
 public:
  explicit Connection(std::unique_ptr<SQLite::Database> db);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // A prepared statement for `sql`, compiled once per connection; it comes
  // back reset with its bindings cleared.
  SQLite::Statement& Prepare(const std::string& sql);
  // Runs statements that return no rows (DDL, BEGIN, …).
  void Exec(const std::string& sql);
  // Resets every cached statement. A statement left mid-result keeps its
  // transaction's snapshot alive past COMMIT, so this runs before each
  // transaction ends.
  void ResetStatements();
  int64_t last_insert_rowid() const;
  int changes() const;
  SQLite::Database& raw() { return *db_; }

 private:
  std::unique_ptr<SQLite::Database> db_;
  std::vector<std::pair<std::string, std::unique_ptr<SQLite::Statement>>> cache_;
};

class Database {
 public:
  static absl::StatusOr<std::unique_ptr<Database>> Open(const DatabaseOptions& options);
  ~Database();

  // Runs `fn` in a write transaction on the writer connection and returns
  // once it is committed (durable with synchronous=FULL). A non-OK status or
  // an exception from `fn` undoes `fn`'s changes only; SQLite errors become
  // INTERNAL (or UNAVAILABLE when the database stays busy). With group
  // commit, writes that arrive while one is committing go together in the
  // next transaction.
  absl::Status Write(absl::FunctionRef<absl::Status(Connection&)> fn);
  // Runs `fn` in a read transaction on a pooled reader (a consistent
  // snapshot, so a page of results never mixes two states).
  absl::Status Read(absl::FunctionRef<absl::Status(Connection&)> fn);

  // PRAGMA user_version after migrations.
  int schema_version() const { return schema_version_; }
  const std::string& path() const { return options_.path; }
  // The writer's queue and batch sizes, for the metrics endpoint.
  const WriteStats& write_stats() const { return write_stats_; }

 private:
  explicit Database(DatabaseOptions options);
  absl::Status Migrate();

  // Constant after Open().
  DatabaseOptions options_;
  int schema_version_ = 0;

  struct PendingWrite;
  // Runs `batch` in one transaction on the writer; sets each one's status.
  // True when the transaction committed.
  bool CommitBatch(const std::vector<PendingWrite*>& batch);

  // Writers queue here; the first to find no leader commits batches for
  // everyone until the queue is empty.
  std::mutex queue_mu_;
  std::condition_variable queue_cv_;
  std::vector<PendingWrite*> queue_;    // guarded by queue_mu_
  bool leader_active_ = false;          // guarded by queue_mu_
  std::unique_ptr<Connection> writer_;  // used only by the leader
  WriteStats write_stats_;

  std::mutex pool_mu_;
  std::condition_variable pool_cv_;
  std::vector<std::unique_ptr<Connection>> idle_readers_;  // guarded by pool_mu_
};

// Converts an exception thrown by SQLiteCpp into a status; the SQL text is
// logged, never returned to callers.
absl::Status StatusFromException(const std::exception& e);

}  // namespace sangkien::storage

#endif  // SANGKIEN_SERVER_STORAGE_DATABASE_H_
