#include "storage/database.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "log/log.h"
#include "status/errors.h"
#include "storage/connection_hook.h"
#include "storage/migrations.h"
#include "storage/query.h"

namespace sangkien::storage {

Connection::Connection(std::unique_ptr<SQLite::Database> db) : db_(std::move(db)) {}
Connection::~Connection() {
  cache_.clear();  // statements must finalise before the connection closes
}

SQLite::Statement& Connection::Prepare(std::string_view sql) {
  for (auto& [text, stmt] : cache_) {
    if (text == sql) {
      stmt->reset();
      stmt->clearBindings();
      return *stmt;
    }
  }
  std::string text(sql);
  auto stmt = std::make_unique<SQLite::Statement>(*db_, text);
  cache_.emplace_back(std::move(text), std::move(stmt));
  return *cache_.back().second;
}

void Connection::Exec(const std::string& sql) { db_->exec(sql); }

void Connection::ResetStatements() {
  for (auto& entry : cache_) entry.second->reset();
}
int64_t Connection::last_insert_rowid() const { return db_->getLastInsertRowid(); }
bool Connection::InTransaction() {
  return db_->getHandle() != nullptr && sqlite3_get_autocommit(db_->getHandle()) == 0;
}

absl::Status ReadSnapshot(Connection& c, absl::FunctionRef<absl::Status()> fn) {
  c.Exec("BEGIN");
  absl::Status status = fn();
  c.ResetStatements();
  c.Exec("COMMIT");
  return status;
}

absl::Status StatusFromException(const std::exception& e) {
  if (const auto* sqlite = dynamic_cast<const SQLite::Exception*>(&e)) {
    int code = sqlite->getErrorCode();
    log::Error("sqlite error", {{"sqlite_code", code}, {"error", sqlite->what()}});
    if (code == SQLITE_BUSY || code == SQLITE_LOCKED) {
      return MakeError(absl::StatusCode::kUnavailable, "DATABASE_BUSY",
                       "the database is busy; retry", "Cơ sở dữ liệu đang bận; hãy thử lại");
    }
    if (code == SQLITE_FULL || code == SQLITE_IOERR) {
      return MakeError(absl::StatusCode::kUnavailable, "STORAGE_UNAVAILABLE",
                       "storage is unavailable", "Không ghi được dữ liệu; hãy thử lại sau");
    }
  } else {
    log::Error("storage error", {{"error", e.what()}});
  }
  return MakeError(absl::StatusCode::kInternal, "INTERNAL", "internal storage error",
                   "Lỗi lưu trữ nội bộ");
}

Database::Database(DatabaseOptions options) : options_(std::move(options)) {}
Database::~Database() = default;

namespace {

absl::Mutex hook_mu(absl::kConstInit);
ConnectionHook* hook ABSL_GUARDED_BY(hook_mu) = nullptr;

std::unique_ptr<Connection> OpenConnection(const DatabaseOptions& options, bool writer) {
  int flags = writer ? (SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE) : SQLite::OPEN_READONLY;
  auto db = std::make_unique<SQLite::Database>(options.path, flags | SQLITE_OPEN_NOMUTEX,
                                               options.busy_timeout_ms);
  db->exec("PRAGMA foreign_keys = ON");
  if (writer) {
    db->exec("PRAGMA journal_mode = WAL");
    db->exec(options.synchronous_full ? "PRAGMA synchronous = FULL"
                                      : "PRAGMA synchronous = NORMAL");
  }
  // Readers never write, but sorting large result sets wants memory, not disk.
  db->exec("PRAGMA temp_store = MEMORY");
  {
    absl::MutexLock lock(&hook_mu);
    if (hook != nullptr && *hook) (*hook)(*db, writer);
  }
  return std::make_unique<Connection>(std::move(db));
}

}  // namespace

void SetConnectionHook(ConnectionHook replacement) {
  absl::MutexLock lock(&hook_mu);
  if (hook == nullptr) hook = new ConnectionHook();  // never destroyed: used until exit
  *hook = std::move(replacement);
}

absl::StatusOr<std::unique_ptr<Database>> Database::Open(const DatabaseOptions& options) {
  if (options.path.empty() || options.path == ":memory:") {
    return absl::InvalidArgumentError("database path must name a file");
  }
  std::unique_ptr<Database> db(new Database(options));
  try {
    db->writer_ = OpenConnection(options, /*writer=*/true);
  } catch (const std::exception& e) {
    return absl::UnavailableError(
        absl::StrCat("cannot open database ", options.path, ": ", e.what()));
  }
  if (absl::Status s = db->Migrate(); !s.ok()) return s;
  try {
    for (int i = 0; i < std::max(1, options.reader_count); ++i) {
      auto reader = OpenConnection(options, /*writer=*/false);
      absl::MutexLock lock(&db->pool_mu_);
      db->idle_readers_.push_back(std::move(reader));
    }
  } catch (const std::exception& e) {
    return absl::UnavailableError(absl::StrCat("cannot open reader: ", e.what()));
  }
  return db;
}

absl::Status Database::Migrate() {
  try {
    int current = 0;
    {
      // Finalised before the migrations run: DROP TABLE fails while any
      // statement of the connection is still open.
      SQLite::Statement version_query(writer_->raw(), "PRAGMA user_version");
      version_query.executeStep();
      current = version_query.getColumn(0).getInt();
    }
    const auto& migrations = Migrations();
    int latest = migrations.empty() ? 0 : migrations.back().version;
    if (current > latest) {
      return absl::FailedPreconditionError(absl::StrCat(
          "the database ", options_.path, " has schema version ", current,
          ", newer than this program knows (it migrates up to version ", latest,
          "): it was written by a newer release of Sáng Kiến; run that release, or restore a "
          "backup made by this one"));
    }
    for (const Migration& m : migrations) {
      if (m.version <= current) continue;
      SQLite::Transaction txn(writer_->raw(), SQLite::TransactionBehavior::IMMEDIATE);
      writer_->raw().exec(std::string(m.sql));
      writer_->raw().exec(absl::StrCat("PRAGMA user_version = ", m.version));
      txn.commit();
      current = m.version;
    }
    schema_version_ = current;
  } catch (const std::exception& e) {
    return StatusFromException(e);
  }
  return absl::OkStatus();
}

struct Database::PendingWrite {
  absl::FunctionRef<absl::Status(Connection&)> fn;
  absl::Status status;
  bool done = false;
};

bool Database::RunInSavepoint(PendingWrite& w) {
  absl::Status status;
  try {
    writer_->Exec("SAVEPOINT w");
    status = w.fn(*writer_);
    writer_->ResetStatements();
  } catch (const std::exception& e) {
    status = StatusFromException(e);
  }
  bool kept = true;
  try {
    if (!status.ok()) {
      writer_->ResetStatements();
      if (writer_->InTransaction()) writer_->Exec("ROLLBACK TO w");
    }
    if (writer_->InTransaction()) {
      writer_->Exec("RELEASE w");
    } else {
      kept = false;
    }
  } catch (const std::exception& e) {
    kept = false;
    if (status.ok()) status = StatusFromException(e);
  }
  w.status = status;
  return kept;
}

bool Database::CommitBatch(const std::vector<PendingWrite*>& batch) {
  try {
    writer_->Exec("BEGIN IMMEDIATE");
  } catch (const std::exception& e) {
    for (PendingWrite* w : batch) w->status = StatusFromException(e);
    return false;
  }
  // Each write in its own savepoint: a failure undoes that write only. If
  // SQLite ends the whole transaction instead, every write in it fails.
  for (auto it = batch.begin(); it != batch.end(); ++it) {
    if (RunInSavepoint(**it)) continue;
    absl::Status lost =
        (*it)->status.ok() ? absl::InternalError("the write transaction was lost") : (*it)->status;
    for (auto earlier = batch.begin(); earlier != it; ++earlier) {
      if ((*earlier)->status.ok()) (*earlier)->status = lost;
    }
    for (auto rest = it; rest != batch.end(); ++rest) (*rest)->status = lost;
    try {
      writer_->ResetStatements();
      if (writer_->InTransaction()) writer_->Exec("ROLLBACK");
    } catch (const std::exception&) {
    }
    return false;
  }
  try {
    writer_->ResetStatements();
    writer_->Exec("COMMIT");
    return true;
  } catch (const std::exception& e) {
    absl::Status failed = StatusFromException(e);
    for (PendingWrite* w : batch) {
      if (w->status.ok()) w->status = failed;
    }
    try {
      if (writer_->InTransaction()) writer_->Exec("ROLLBACK");
    } catch (const std::exception&) {
    }
  }
  return false;
}

absl::Status Database::Write(absl::FunctionRef<absl::Status(Connection&)> fn) {
  PendingWrite mine{fn, absl::OkStatus(), false};
  size_t max_batch =
      options_.group_commit ? static_cast<size_t>(std::max(1, options_.max_batch)) : 1;
  absl::MutexLock lock(&queue_mu_);
  queue_.push_back(&mine);
  write_stats_.waiting.fetch_add(1, std::memory_order_relaxed);
  for (;;) {
    while (!mine.done && leader_active_) queue_cv_.Wait(&queue_mu_);
    if (mine.done) return mine.status;
    // No one is committing: lead one batch of whatever is queued, oldest
    // first, then hand over.
    leader_active_ = true;
    size_t n = std::min(queue_.size(), max_batch);
    std::vector<PendingWrite*> batch(queue_.begin(), queue_.begin() + static_cast<ptrdiff_t>(n));
    queue_.erase(queue_.begin(), queue_.begin() + static_cast<ptrdiff_t>(n));
    write_stats_.waiting.fetch_sub(static_cast<int64_t>(n), std::memory_order_relaxed);
    queue_mu_.Unlock();
    if (CommitBatch(batch)) write_stats_.RecordCommit(batch.size());
    queue_mu_.Lock();
    for (PendingWrite* w : batch) w->done = true;
    leader_active_ = false;
    queue_cv_.SignalAll();
  }
}

absl::Status Database::Read(absl::FunctionRef<absl::Status(Connection&)> fn) {
  std::unique_ptr<Connection> conn;
  {
    absl::MutexLock lock(&pool_mu_);
    while (idle_readers_.empty()) pool_cv_.Wait(&pool_mu_);
    conn = std::move(idle_readers_.back());
    idle_readers_.pop_back();
  }
  absl::Status status;
  try {
    conn->Exec("BEGIN");
    status = fn(*conn);
    conn->ResetStatements();
    conn->Exec("COMMIT");
  } catch (const std::exception& e) {
    status = StatusFromException(e);
    try {
      conn->ResetStatements();
      if (conn->InTransaction()) conn->Exec("ROLLBACK");
    } catch (const std::exception&) {
    }
  }
  {
    absl::MutexLock lock(&pool_mu_);
    idle_readers_.push_back(std::move(conn));
  }
  pool_cv_.Signal();
  return status;
}

}  // namespace sangkien::storage
