#include "storage/backup.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <memory>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "status/status_macros.h"
#include "storage/migrations.h"
#include "storage/query.h"
#include "storage/request_log.h"

namespace sangkien::storage {
namespace {

namespace fs = std::filesystem;

constexpr int kBusyTimeoutMs = 5000;
// How long a step may keep answering BUSY before the copy gives up.
constexpr int kMaxBusyRetries = 400;
constexpr auto kBusyPause = std::chrono::milliseconds(25);

struct Sqlite3Closer {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using DbHandle = std::unique_ptr<sqlite3, Sqlite3Closer>;

absl::Status SqliteError(sqlite3* db, int rc, const std::string& context) {
  std::string message = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  int primary = rc & 0xff;
  std::string text = absl::StrCat(context, ": ", message);
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
    return absl::AbortedError(text);  // someone else holds a lock
  }
  if (primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT) {
    return absl::DataLossError(text);
  }
  return absl::UnavailableError(text);
}

absl::StatusOr<DbHandle> OpenRaw(const std::string& path, int flags) {
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  DbHandle db(raw);
  if (rc != SQLITE_OK) return SqliteError(raw, rc, absl::StrCat("cannot open ", path));
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, kBusyTimeoutMs);
  return db;
}

// Runs `sql` and returns the first column of every row as text.
absl::StatusOr<std::vector<std::string>> Query(sqlite3* db, const std::string& sql,
                                               const std::string& context) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr);
  if (rc != SQLITE_OK) return SqliteError(db, rc, context);
  std::vector<std::string> rows;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    const unsigned char* text = sqlite3_column_text(stmt, 0);
    rows.emplace_back(text != nullptr ? reinterpret_cast<const char*>(text) : "");
  }
  absl::Status status = rc == SQLITE_DONE ? absl::OkStatus() : SqliteError(db, rc, context);
  sqlite3_finalize(stmt);
  if (!status.ok()) return status;
  return rows;
}

absl::StatusOr<int64_t> QueryInt(sqlite3* db, const std::string& sql, const std::string& context) {
  SK_ASSIGN_OR_RETURN(std::vector<std::string> rows, Query(db, sql, context));
  if (rows.empty()) return absl::InternalError(absl::StrCat(context, ": no result"));
  return std::stoll(rows.front());
}

// "ok", or the first problems PRAGMA integrity_check reports.
absl::Status CheckIntegrity(sqlite3* db, const std::string& path) {
  SK_ASSIGN_OR_RETURN(std::vector<std::string> rows,
                      Query(db, "PRAGMA integrity_check(20)",
                            absl::StrCat("cannot check the integrity of ", path)));
  if (rows.size() == 1 && rows.front() == "ok") return absl::OkStatus();
  return absl::DataLossError(
      absl::StrCat(path, " fails PRAGMA integrity_check: ", absl::StrJoin(rows, "; ")));
}

absl::Status SyncPath(const std::string& path, bool directory) {
  int fd = ::open(path.c_str(), directory ? (O_RDONLY | O_DIRECTORY) : O_RDONLY);
  if (fd < 0) {
    return absl::UnavailableError(absl::StrCat("cannot open ", path, ": ", std::strerror(errno)));
  }
  int rc = ::fsync(fd);
  int saved = errno;
  ::close(fd);
  if (rc != 0) {
    return absl::UnavailableError(absl::StrCat("cannot sync ", path, ": ", std::strerror(saved)));
  }
  return absl::OkStatus();
}

std::string DirectoryOf(const std::string& path) {
  fs::path parent = fs::path(path).parent_path();
  return parent.empty() ? "." : parent.string();
}

// The files SQLite keeps beside a database.
void RemoveCompanions(const std::string& path) {
  std::error_code ec;
  for (const char* suffix : {"-wal", "-shm", "-journal"}) fs::remove(path + suffix, ec);
}

// A fresh empty file beside `path`, removed with its companions unless
// kept.
class TempFile {
 public:
  static absl::StatusOr<std::unique_ptr<TempFile>> Beside(const std::string& path,
                                                          const std::string& tag) {
    std::string pattern = absl::StrCat(path, ".", tag, "-XXXXXX");
    int fd = ::mkstemp(pattern.data());
    if (fd < 0) {
      return absl::UnavailableError(
          absl::StrCat("cannot create a temporary file beside ", path, ": ", std::strerror(errno)));
    }
    ::close(fd);
    return std::unique_ptr<TempFile>(new TempFile(pattern));
  }
  ~TempFile() {
    if (keep_) return;
    std::error_code ec;
    fs::remove(path_, ec);
    RemoveCompanions(path_);
  }
  const std::string& path() const { return path_; }
  void Keep() { keep_ = true; }

 private:
  explicit TempFile(std::string path) : path_(std::move(path)) {}
  std::string path_;
  bool keep_ = false;
};

// Copies every page of `src` into `dst` in steps; `src` may hold an open
// read transaction, whose snapshot is then what is copied.
absl::StatusOr<int64_t> CopyPages(sqlite3* src, sqlite3* dst, const std::string& dst_path,
                                  const CopyOptions& options) {
  sqlite3_backup* backup = sqlite3_backup_init(dst, "main", src, "main");
  if (backup == nullptr) {
    return SqliteError(dst, sqlite3_errcode(dst),
                       absl::StrCat("cannot start copying into ", dst_path));
  }
  int step = std::max(1, options.pages_per_step);
  int busy = 0;
  int rc;
  while (true) {
    rc = sqlite3_backup_step(backup, step);
    if (rc == SQLITE_OK || rc == SQLITE_DONE) {
      busy = 0;
      if (options.progress) {
        int64_t total = sqlite3_backup_pagecount(backup);
        options.progress({total - sqlite3_backup_remaining(backup), total});
      }
      if (rc == SQLITE_DONE) break;
    } else if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED) {
      if (++busy > kMaxBusyRetries) break;
      std::this_thread::sleep_for(kBusyPause);
    } else {
      break;
    }
  }
  int64_t pages = sqlite3_backup_pagecount(backup);
  int finish_rc = sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) {
    return SqliteError(nullptr, rc, absl::StrCat("copying into ", dst_path, " failed"));
  }
  if (finish_rc != SQLITE_OK) {
    return SqliteError(dst, finish_rc, absl::StrCat("copying into ", dst_path, " failed"));
  }
  return pages;
}

// Turns a finished copy into a single file (rollback journal, so no -wal
// travels with it), checks it and syncs it.
absl::StatusOr<BackupInfo> FinishCopy(const std::string& path) {
  BackupInfo info;
  {
    SK_ASSIGN_OR_RETURN(DbHandle db, OpenRaw(path, SQLITE_OPEN_READWRITE));
    SK_RETURN_IF_ERROR(
        Query(db.get(), "PRAGMA journal_mode = DELETE", absl::StrCat("cannot finish ", path))
            .status());
    SK_RETURN_IF_ERROR(CheckIntegrity(db.get(), path));
    std::string context = absl::StrCat("cannot read ", path);
    SK_ASSIGN_OR_RETURN(int64_t version, QueryInt(db.get(), "PRAGMA user_version", context));
    SK_ASSIGN_OR_RETURN(info.pages, QueryInt(db.get(), "PRAGMA page_count", context));
    SK_ASSIGN_OR_RETURN(int64_t page_size, QueryInt(db.get(), "PRAGMA page_size", context));
    info.schema_version = static_cast<int>(version);
    info.bytes = info.pages * page_size;
  }
  SK_RETURN_IF_ERROR(SyncPath(path, /*directory=*/false));
  return info;
}

// FAILED_PRECONDITION while any other connection has `path` open. Leaving
// WAL mode needs the database to itself; doing so also checkpoints the
// WAL into the file. A file that is not a database passes: it is about to
// be replaced.
absl::Status TakeOverUnused(const std::string& path) {
  auto db = OpenRaw(path, SQLITE_OPEN_READWRITE);
  if (!db.ok()) return db.status();
  sqlite3_busy_timeout(db->get(), 1000);
  auto mode =
      Query(db->get(), "PRAGMA journal_mode = DELETE", absl::StrCat("cannot take over ", path));
  if (mode.ok() || absl::IsDataLoss(mode.status())) return absl::OkStatus();
  if (absl::IsAborted(mode.status())) {
    return absl::FailedPreconditionError(
        absl::StrCat(path,
                     " is in use (is sangkien-server running on it?): stop the server, "
                     "then restore"));
  }
  return mode.status();
}

}  // namespace

absl::StatusOr<BackupInfo> BackupDatabase(const std::string& source_path,
                                          const std::string& destination_path,
                                          const CopyOptions& options) {
  std::error_code ec;
  if (!fs::exists(source_path, ec)) {
    return absl::NotFoundError(absl::StrCat("no database at ", source_path));
  }
  if (fs::exists(destination_path, ec)) {
    return absl::AlreadyExistsError(
        absl::StrCat(destination_path, " already exists; choose a new file for the backup"));
  }
  SK_ASSIGN_OR_RETURN(DbHandle source, OpenRaw(source_path, SQLITE_OPEN_READONLY));
  SK_ASSIGN_OR_RETURN(auto temp, TempFile::Beside(destination_path, "partial"));
  {
    SK_ASSIGN_OR_RETURN(DbHandle destination, OpenRaw(temp->path(), SQLITE_OPEN_READWRITE));
    // One read transaction across every step: the copy is the snapshot taken
    // here, and writes by the server meanwhile neither block nor restart it.
    std::string context = absl::StrCat("cannot read ", source_path);
    SK_RETURN_IF_ERROR(Query(source.get(), "BEGIN", context).status());
    SK_RETURN_IF_ERROR(Query(source.get(), "SELECT count(*) FROM sqlite_schema", context).status());
    auto copied = CopyPages(source.get(), destination.get(), temp->path(), options);
    (void)Query(source.get(), "COMMIT", context);
    if (!copied.ok()) return copied.status();
  }
  source.reset();
  SK_ASSIGN_OR_RETURN(BackupInfo info, FinishCopy(temp->path()));
  if (fs::exists(destination_path, ec)) {
    return absl::AlreadyExistsError(absl::StrCat(destination_path, " appeared during the backup"));
  }
  fs::rename(temp->path(), destination_path, ec);
  if (ec) {
    return absl::UnavailableError(
        absl::StrCat("cannot rename ", temp->path(), " to ", destination_path, ": ", ec.message()));
  }
  temp->Keep();
  SK_RETURN_IF_ERROR(SyncPath(DirectoryOf(destination_path), /*directory=*/true));
  return info;
}

absl::StatusOr<BackupInfo> CheckBackup(const std::string& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return absl::NotFoundError(absl::StrCat("no file ", path));
  SK_ASSIGN_OR_RETURN(DbHandle db, OpenRaw(path, SQLITE_OPEN_READONLY));
  absl::Status integrity = CheckIntegrity(db.get(), path);
  if (!integrity.ok()) return absl::FailedPreconditionError(integrity.message());
  std::string context = absl::StrCat("cannot read ", path);
  BackupInfo info;
  SK_ASSIGN_OR_RETURN(int64_t version, QueryInt(db.get(), "PRAGMA user_version", context));
  SK_ASSIGN_OR_RETURN(info.pages, QueryInt(db.get(), "PRAGMA page_count", context));
  SK_ASSIGN_OR_RETURN(int64_t page_size, QueryInt(db.get(), "PRAGMA page_size", context));
  info.schema_version = static_cast<int>(version);
  info.bytes = info.pages * page_size;
  int latest = Migrations().back().version;
  if (version < 1) {
    return absl::FailedPreconditionError(
        absl::StrCat(path, " is not a Sáng Kiến database (schema version 0)"));
  }
  if (version > latest) {
    return absl::FailedPreconditionError(absl::StrCat(path, " has schema version ", version,
                                                      ", newer than this build (", latest, ")"));
  }
  return info;
}

absl::StatusOr<BackupInfo> RestoreDatabase(const std::string& backup_path,
                                           const std::string& target_path,
                                           const CopyOptions& options) {
  SK_ASSIGN_OR_RETURN(BackupInfo checked, CheckBackup(backup_path));
  std::error_code ec;
  fs::path parent = fs::path(target_path).parent_path();
  if (!parent.empty()) fs::create_directories(parent, ec);
  bool target_exists = fs::exists(target_path, ec);
  if (target_exists && fs::equivalent(backup_path, target_path, ec)) {
    return absl::InvalidArgumentError("the backup and the target are the same file");
  }
  if (target_exists) SK_RETURN_IF_ERROR(TakeOverUnused(target_path));
  SK_ASSIGN_OR_RETURN(auto temp, TempFile::Beside(target_path, "restoring"));
  {
    SK_ASSIGN_OR_RETURN(DbHandle source, OpenRaw(backup_path, SQLITE_OPEN_READONLY));
    SK_ASSIGN_OR_RETURN(DbHandle destination, OpenRaw(temp->path(), SQLITE_OPEN_READWRITE));
    SK_RETURN_IF_ERROR(CopyPages(source.get(), destination.get(), temp->path(), options).status());
    SK_RETURN_IF_ERROR(
        Query(destination.get(),
              absl::StrCat("DELETE FROM meta WHERE key = '", MetaStore::kPageTokenKey, "'"),
              absl::StrCat("cannot retire the old markers in ", temp->path()))
            .status());
  }
  SK_ASSIGN_OR_RETURN(BackupInfo info, FinishCopy(temp->path()));
  if (info.schema_version != checked.schema_version) {
    return absl::InternalError("the copy's schema version differs from the backup's");
  }
  // Again, right before the switch: a server may have started meanwhile.
  if (fs::exists(target_path, ec)) SK_RETURN_IF_ERROR(TakeOverUnused(target_path));
  // A -wal or hot -journal left beside the target belongs to the old file
  // and would be applied to the new one.
  RemoveCompanions(target_path);
  fs::rename(temp->path(), target_path, ec);
  if (ec) {
    return absl::UnavailableError(
        absl::StrCat("cannot rename ", temp->path(), " to ", target_path, ": ", ec.message()));
  }
  temp->Keep();
  SK_RETURN_IF_ERROR(SyncPath(DirectoryOf(target_path), /*directory=*/true));
  return info;
}

absl::StatusOr<ChainCheck> VerifyAuditTrail(const std::string& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec))
    return absl::NotFoundError(absl::StrCat("no database at ", path));
  try {
    Connection c(std::make_unique<SQLite::Database>(path, SQLite::OPEN_READONLY, kBusyTimeoutMs));
    absl::StatusOr<ChainCheck> check;
    SK_RETURN_IF_ERROR(ReadSnapshot(c, [&] {
      check = AuditLog::Verify(c);
      return absl::OkStatus();
    }));
    return check;
  } catch (const std::exception& e) {
    return absl::UnavailableError(
        absl::StrCat("cannot read the audit trail of ", path, ": ", e.what()));
  }
}

}  // namespace sangkien::storage
