// The outcome of the last scheduled backup, kept as a small text file in the
// backup folder. `sangkienctl backup --into DIR` writes it after every run,
// good or bad; the server reads it for its metrics. A text file (one
// "key=value" a line) so an IT officer can read it too.
#ifndef SANGKIEN_SERVER_STORAGE_BACKUP_RECORD_H_
#define SANGKIEN_SERVER_STORAGE_BACKUP_RECORD_H_

#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace sangkien::storage {

inline constexpr char kBackupRecordFile[] = "last-backup";

struct BackupRecord {
  absl::Time time;    // when the run finished
  bool ok = false;    // the copy was made and passed every check
  std::string file;   // the backup's file name inside the folder ("" when it failed)
  int64_t bytes = 0;  // its size
  // The audit chain as checked in the copy.
  bool audit_checked = false;
  bool audit_intact = false;
  int64_t audit_events = 0;
  std::string audit_head;  // hex head hash
  std::string message;     // one line: why it failed, or "" when ok
  // The time of the last run that succeeded (this one when `ok`); InfinitePast if none.
  absl::Time last_success = absl::InfinitePast();
};

// Writes `dir`/last-backup atomically (a temporary file renamed into place).
// Returns UNAVAILABLE, naming the file, when it cannot be written.
absl::Status WriteBackupRecord(const std::string& dir, const BackupRecord& record);

// Reads `dir`/last-backup. NOT_FOUND when there is none yet; DATA_LOSS,
// naming the line, when the file cannot be parsed.
absl::StatusOr<BackupRecord> ReadBackupRecord(const std::string& dir);

}  // namespace sangkien::storage

#endif  // SANGKIEN_SERVER_STORAGE_BACKUP_RECORD_H_
