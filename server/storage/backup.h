// Work on database files from outside the server's Database: an online
// backup while the server keeps writing, a restore that replaces a stopped
// server's database, and read-only checks (integrity, audit trail).
#ifndef SANGKIEN_SERVER_STORAGE_BACKUP_H_
#define SANGKIEN_SERVER_STORAGE_BACKUP_H_

#include <cstdint>
#include <functional>
#include <string>

#include "absl/status/statusor.h"
#include "storage/audit_log.h"

namespace sangkien::storage {

struct CopyProgress {
  int64_t pages_copied = 0;
  int64_t pages_total = 0;
};

struct CopyOptions {
  // Pages copied per step of sqlite3_backup_step; `progress` runs after each.
  int pages_per_step = 256;
  std::function<void(const CopyProgress&)> progress;
};

struct BackupInfo {
  int64_t pages = 0;
  int64_t bytes = 0;
  int schema_version = 0;
};

// Copies the database at `source_path` into the new file `destination_path`
// with SQLite's online backup API. The copy is one snapshot, taken when the
// backup starts: every write committed before then is in it, none after,
// and the server's writers are not blocked meanwhile (WAL). The copy is
// written under a temporary name beside the destination, switched to a
// single file (no -wal), checked with PRAGMA integrity_check, synced and
// renamed into place. ALREADY_EXISTS if `destination_path` exists.
absl::StatusOr<BackupInfo> BackupDatabase(const std::string& source_path,
                                          const std::string& destination_path,
                                          const CopyOptions& options = {});

// Opens `path` read-only and checks that it is a database this build can
// serve: PRAGMA integrity_check passes and the schema version is between 1
// and the latest migration. FAILED_PRECONDITION says what is wrong.
absl::StatusOr<BackupInfo> CheckBackup(const std::string& path);

// Replaces the database at `target_path` with the backup at `backup_path`:
// checks the backup (CheckBackup), refuses with FAILED_PRECONDITION while
// another connection (a running server) has the target open, copies the
// backup to a temporary file beside the target, checks the copy, renames it
// over the target and removes the target's stale -wal and -shm files. The
// target need not exist. The copy drops the page-token key, so the server
// on it refuses the markers and page tokens issued before (clients resync).
absl::StatusOr<BackupInfo> RestoreDatabase(const std::string& backup_path,
                                           const std::string& target_path,
                                           const CopyOptions& options = {});

// Opens the database read-only and walks its audit trail in one read
// transaction (AuditLog::Verify); safe while the server runs.
absl::StatusOr<ChainCheck> VerifyAuditTrail(const std::string& path);

}  // namespace sangkien::storage

#endif  // SANGKIEN_SERVER_STORAGE_BACKUP_H_
