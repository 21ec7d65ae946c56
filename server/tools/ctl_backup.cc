// sangkienctl backup --to FILE, backup --into DIR (the nightly run) and
// restore --from FILE.
#include <chrono>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "operations/maintenance.h"
#include "tools/ctl_common.h"
#include "tools/server_flags.h"

namespace sangkien::ctl {
namespace {

// Prints "backup: 37% (123/330 pages)" to stderr whenever the percentage
// moves.
operations::CopyOptions ProgressPrinter(const std::string& label, int pages_per_step) {
  operations::CopyOptions options;
  options.pages_per_step = pages_per_step;
  auto last = std::make_shared<int>(-1);
  options.progress = [label, last](const operations::CopyProgress& p) {
    int percent = p.pages_total == 0 ? 100 : static_cast<int>(100 * p.pages_copied / p.pages_total);
    if (percent == *last) return;
    *last = percent;
    std::cerr << label << ": " << percent << "% (" << p.pages_copied << "/" << p.pages_total
              << " pages)" << std::endl;
  };
  return options;
}

std::string Size(int64_t bytes) {
  if (bytes < 1024 * 1024) return absl::StrFormat("%.1f KiB", bytes / 1024.0);
  return absl::StrFormat("%.1f MiB", bytes / (1024.0 * 1024.0));
}

namespace fs = std::filesystem;

constexpr char kBackupPrefix[] = "sangkien-";
constexpr char kBackupSuffix[] = ".db";

// "sangkien-20261127T020000Z.db": sorts by time, and is the only kind of file
// pruning ever removes.
std::string BackupName(absl::Time t) {
  return absl::StrCat(kBackupPrefix, absl::FormatTime("%Y%m%dT%H%M%SZ", t, absl::UTCTimeZone()),
                      kBackupSuffix);
}

bool IsBackupName(const std::string& name) {
  // sangkien- + 8 digits + T + 6 digits + Z + .db
  constexpr size_t kLength = 9 + 8 + 1 + 6 + 1 + 3;
  if (name.size() != kLength || !absl::StartsWith(name, kBackupPrefix) ||
      !absl::EndsWith(name, kBackupSuffix)) {
    return false;
  }
  for (size_t i = 9; i < 9 + 15; ++i) {
    bool digit = name[i] >= '0' && name[i] <= '9';
    if (i == 9 + 8 ? name[i] != 'T' : !digit) return false;
  }
  return name[9 + 15] == 'Z';
}

// Removes this command's backups in `dir` last modified more than
// `keep_days` ago, except `keep` (the copy just made). Other files are never
// touched. Returns how many were removed; problems go to stderr.
int Prune(const fs::path& dir, int64_t keep_days, const std::string& keep) {
  const auto cutoff = fs::file_time_type::clock::now() - std::chrono::hours(24 * keep_days);
  int removed = 0;
  std::error_code ec;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir, ec)) {
    std::string name = entry.path().filename().string();
    if (!IsBackupName(name) || name == keep || !entry.is_regular_file()) continue;
    std::error_code time_ec;
    auto modified = entry.last_write_time(time_ec);
    if (time_ec || modified >= cutoff) continue;
    std::error_code rm_ec;
    if (fs::remove(entry.path(), rm_ec)) {
      ++removed;
    } else if (rm_ec) {
      std::cerr << "sangkienctl: cannot remove old backup " << entry.path().string() << ": "
                << rm_ec.message() << "\n";
    }
  }
  if (ec) std::cerr << "sangkienctl: cannot list " << dir.string() << ": " << ec.message() << "\n";
  return removed;
}

// backup --into DIR [--keep-days N]: the scheduled backup. Makes a new
// timestamped copy, checks it (integrity_check, audit chain), prunes old
// copies only after a good one exists, writes DIR/last-backup whatever
// happened, and prints one line for the journal.
int BackupIntoFolder(const Args& args) {
  // Defaults: backup_keep_days and backup_dir of the settings file.
  auto keep_days = ParsePositive(
      args.Value("--keep-days", std::to_string(absl::GetFlag(FLAGS_backup_keep_days))));
  if (!keep_days || *keep_days > 3650) {
    std::cerr << "sangkienctl: --keep-days (setting backup_keep_days) must be a whole number "
                 "from 1 to 3650\n";
    return kUsage;
  }
  const std::string db = args.db();
  const fs::path dir = args.Value("--into", tools::BackupDir());
  operations::BackupRecord record;
  // The last success carries over when this run fails, so the metrics can
  // tell how long backups have been failing.
  if (auto previous = operations::ReadBackupRecord(dir.string()); previous.ok()) {
    record.last_success = previous->last_success;
  }
  auto finish = [&](int code) {
    record.time = absl::Now();
    if (absl::Status s = operations::WriteBackupRecord(dir.string(), record); !s.ok()) {
      std::cerr << "sangkienctl: backup record not written: " << s.message() << "\n";
      return kFailed;
    }
    return code;
  };
  auto fail = [&](const std::string& message) {
    record.ok = false;
    record.message = message;
    std::cerr << "backup FAILED: " << message << "\n";
    return finish(kFailed);
  };

  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir)) {
    // Nowhere to write the record either; say so and stop.
    std::cerr << "backup FAILED: cannot use folder " << dir.string() << ": "
              << (ec ? ec.message() : "not a folder") << "\n";
    return kFailed;
  }
  if (!fs::exists(db)) return fail(absl::StrCat("no database at ", db));

  const absl::Time started = absl::Now();
  const std::string name = BackupName(started);
  const fs::path copy = dir / name;
  auto info = operations::BackupDatabase(db, copy.string());
  if (!info.ok()) {
    return fail(
        absl::StrCat("cannot back up ", db, " to ", copy.string(), ": ", info.status().message()));
  }
  record.file = name;
  record.bytes = info->bytes;
  auto trail = operations::VerifyAuditTrail(copy.string());
  if (!trail.ok()) {
    return fail(absl::StrCat("cannot check the audit trail of ", copy.string(), ": ",
                             trail.status().message()));
  }
  record.audit_checked = true;
  record.audit_intact = trail->intact;
  record.audit_events = trail->events_checked;
  record.audit_head = trail->head_hash;
  if (!trail->intact) {
    // The copy stays, for whoever investigates; it does not count as good.
    return fail(absl::StrCat("audit trail of ", copy.string(), " is BROKEN at event ",
                             trail->first_broken_sequence, ": ", trail->problem));
  }
  record.ok = true;
  record.last_success = absl::Now();
  int pruned = Prune(dir, *keep_days, name);
  std::cout << "backup ok: " << copy.string() << ", " << info->pages << " pages ("
            << Size(info->bytes) << "), integrity_check ok, audit trail intact ("
            << trail->events_checked << " events), removed " << pruned << " backup(s) older than "
            << *keep_days << " days" << std::endl;
  return finish(kOk);
}

}  // namespace

int BackupCommand(const std::vector<std::string>& raw) {
  auto args = Args::Parse(raw, {"--to", "--into", "--keep-days", "--pages-per-step"}, {});
  const char* usage =
      "usage: sangkienctl backup --to FILE [--pages-per-step N] [--db PATH]\n"
      "       sangkienctl backup [--into DIR] [--keep-days N] [--db PATH]\n"
      "(without --to: into backup_dir of the settings file, else backups/ beside the database)\n";
  if (!args || !args->positional().empty() || (args->Has("--to") && args->Has("--into"))) {
    std::cerr << usage;
    return kUsage;
  }
  if (!args->Has("--to")) {
    if (args->Has("--pages-per-step")) {
      std::cerr << "sangkienctl: --pages-per-step goes with --to only\n" << usage;
      return kUsage;
    }
    return BackupIntoFolder(*args);
  }
  if (args->Has("--keep-days")) {
    std::cerr << "sangkienctl: --keep-days goes with --into only\n" << usage;
    return kUsage;
  }
  auto step = ParsePositive(args->Value("--pages-per-step", "256"));
  if (!step || *step > 1000000) {
    std::cerr << "sangkienctl: --pages-per-step must be a whole number from 1 to 1000000\n";
    return kUsage;
  }
  std::string db = args->db();
  std::string to = args->Value("--to");
  auto info =
      operations::BackupDatabase(db, to, ProgressPrinter("backup", static_cast<int>(*step)));
  if (!info.ok()) {
    PrintError(absl::StrCat("cannot back up ", db), info.status());
    return kFailed;
  }
  std::cout << "backed up " << db << " to " << to << ": " << info->pages << " pages ("
            << Size(info->bytes) << "), schema version " << info->schema_version
            << ", integrity_check ok\n";
  return kOk;
}

int RestoreCommand(const std::vector<std::string>& raw) {
  auto args = Args::Parse(raw, {"--from"}, {});
  if (!args || !args->positional().empty() || !args->Has("--from")) {
    std::cerr << "usage: sangkienctl restore --from FILE [--db PATH]\n";
    return kUsage;
  }
  std::string db = args->db();
  std::string from = args->Value("--from");
  auto checked = operations::CheckBackup(from);
  if (!checked.ok()) {
    PrintError(absl::StrCat("will not restore ", from), checked.status());
    return kFailed;
  }
  std::cout << "checked " << from << ": integrity_check ok, schema version "
            << checked->schema_version << ", " << checked->pages << " pages\n";
  auto trail = operations::VerifyAuditTrail(from);
  if (!trail.ok()) {
    std::cerr << "warning: cannot check the backup's audit trail: " << trail.status().message()
              << "\n";
  } else if (!trail->intact) {
    std::cerr << "warning: the backup's audit trail is BROKEN at event "
              << trail->first_broken_sequence << ": " << trail->problem << "\n";
  } else {
    std::cout << "audit trail of the backup: intact, " << trail->events_checked << " events\n";
  }
  auto info = operations::RestoreDatabase(from, db, ProgressPrinter("restore", 256));
  if (!info.ok()) {
    PrintError(absl::StrCat("cannot restore into ", db), info.status());
    return kFailed;
  }
  std::cout << "restored " << from << " into " << db << " (" << Size(info->bytes)
            << "); markers and page tokens given before are retired, so kiosks and mirrors "
               "fetch a fresh copy; start the server on it\n";
  return kOk;
}

}  // namespace sangkien::ctl
