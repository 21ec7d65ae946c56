// The SQLite database: one writer connection, a small pool of readers,
// pragmas and migrations. Every read and write runs inside a transaction
// handed to a callback, so a caller can never leave one open.
#ifndef SANGKIEN_SERVER_STORAGE_DATABASE_H_
#define SANGKIEN_SERVER_STORAGE_DATABASE_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
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

namespace internal {
class Query;
}  // namespace internal
class RawSqlForTests;  // tests/server/storage/testing_raw_sql.h

// One SQLite connection with its cache of prepared statements, handed to a
// Database::Read/Write callback and from there to the repositories. It has
// no public SQL: only storage's own code reaches SQLite (through
// internal::Query), and tests through RawSqlForTests. Used by one thread
// at a time: the one running the transaction it belongs to.
class Connection {
 public:
  explicit Connection(std::unique_ptr<SQLite::Database> db);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

 private:
  friend class Database;
  friend class internal::Query;
  friend class RawSqlForTests;
  friend absl::Status ReadSnapshot(Connection& c, absl::FunctionRef<absl::Status()> fn);

  // A prepared statement for `sql`, compiled once per connection; it comes
  // back reset with its bindings cleared. Throws SQLite::Exception when the
  // SQL does not compile.
  SQLite::Statement& Prepare(std::string_view sql);
  // Runs statements that return no rows (DDL, BEGIN, …); throws
  // SQLite::Exception on error.
  void Exec(const std::string& sql);
  // Resets every cached statement. A statement left mid-result keeps its
  // transaction's snapshot alive past COMMIT, so this runs before each
  // transaction ends.
  void ResetStatements();
  bool InTransaction();
  int64_t last_insert_rowid() const;
  SQLite::Database& raw() { return *db_; }

  std::unique_ptr<SQLite::Database> db_;
  std::vector<std::pair<std::string, std::unique_ptr<SQLite::Statement>>> cache_;
};

// The database. Shared by every thread of the server: Read and Write may be
// called concurrently from any thread; the write queue and the reader pool
// are guarded by their own mutexes, the writer connection belongs to
// whichever writer currently leads a batch.
class Database {
 public:
  // Opens (creating if need be) the file at options.path, applies the
  // pragmas and every pending migration. Returns INVALID_ARGUMENT for an
  // empty or ":memory:" path, UNAVAILABLE when the file cannot be opened,
  // FAILED_PRECONDITION when its schema is newer than this program, INTERNAL
  // when a migration fails.
  static absl::StatusOr<std::unique_ptr<Database>> Open(const DatabaseOptions& options);
  ~Database();

  // Runs `fn` in a write transaction on the writer connection and returns
  // once it is committed (durable with synchronous=FULL). Returns OK when
  // `fn` returned OK and the commit succeeded; otherwise `fn`'s status, or
  // for an exception from `fn` (SQLite error, misused Query) INTERNAL, or
  // UNAVAILABLE when the database stays busy or the disk fails; `fn`'s
  // changes are then undone, and only `fn`'s. With group commit, writes that
  // arrive while one is committing go together in the next transaction.
  absl::Status Write(absl::FunctionRef<absl::Status(Connection&)> fn);
  // Runs `fn` in a read transaction on a pooled reader (a consistent
  // snapshot, so a page of results never mixes two states); waits for a
  // free reader. Returns `fn`'s status, or for an exception from `fn`
  // INTERNAL / UNAVAILABLE as for Write.
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
  // Runs one write of a batch in its own savepoint. False when SQLite ended
  // the whole transaction.
  bool RunInSavepoint(PendingWrite& w);

  // Writers queue here; the first to find no leader commits batches for
  // everyone until the queue is empty.
  absl::Mutex queue_mu_;
  absl::CondVar queue_cv_;
  std::vector<PendingWrite*> queue_ ABSL_GUARDED_BY(queue_mu_);
  bool leader_active_ ABSL_GUARDED_BY(queue_mu_) = false;
  // Used only by the writer that set leader_active_, outside queue_mu_ (a
  // commit must not block the queue).
  std::unique_ptr<Connection> writer_;
  WriteStats write_stats_;  // atomics

  absl::Mutex pool_mu_;
  absl::CondVar pool_cv_;
  std::vector<std::unique_ptr<Connection>> idle_readers_ ABSL_GUARDED_BY(pool_mu_);
};

// Converts an exception thrown inside a transaction into a status:
// UNAVAILABLE for a busy database or a failing disk, INTERNAL otherwise. The
// SQL text is logged, never returned to callers.
absl::Status StatusFromException(const std::exception& e);

}  // namespace sangkien::storage

#endif  // SANGKIEN_SERVER_STORAGE_DATABASE_H_
