// What an operator does to the database as a whole, beside the use cases:
// online backups, restores, checking a copy and its audit trail, and the
// record of the last scheduled backup. sangkienctl and the metrics endpoint
// use these; they depend on the storage engine, so this header is where an
// engine's own tools would be chosen, and nothing above operations names
// the engine.
#ifndef SANGKIEN_SERVER_OPERATIONS_MAINTENANCE_H_
#define SANGKIEN_SERVER_OPERATIONS_MAINTENANCE_H_

#include "storage/audit_log.h"
#include "storage/backup.h"
#include "storage/backup_record.h"
#include "storage/write_stats.h"

namespace sangkien::operations {

// Progress of a page-by-page copy, and how to report it.
using storage::CopyOptions;
using storage::CopyProgress;
// What a copy holds: pages, bytes and schema version.
using storage::BackupInfo;
// The outcome of walking an audit trail.
using storage::ChainCheck;
// The last scheduled backup's outcome, as kept in its folder.
using storage::BackupRecord;
using storage::kBackupRecordFile;
// What the single writer reports about itself, read by the metrics.
using storage::WriteStats;

// Each keeps the contract stated where it is defined (storage/backup.h,
// storage/backup_record.h): an online copy that never blocks writers, a
// read-only check, a restore that refuses while a server has the target
// open, and the audit trail walked in one read transaction.
using storage::BackupDatabase;
using storage::CheckBackup;
using storage::ReadBackupRecord;
using storage::RestoreDatabase;
using storage::VerifyAuditTrail;
using storage::WriteBackupRecord;

}  // namespace sangkien::operations

#endif  // SANGKIEN_SERVER_OPERATIONS_MAINTENANCE_H_
