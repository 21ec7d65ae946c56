// sangkienctl backup --to FILE and restore --from FILE.
#include <iostream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "storage/backup.h"
#include "tools/ctl_common.h"

namespace sangkien::ctl {
namespace {

// Prints "backup: 37% (123/330 pages)" to stderr whenever the percentage
// moves.
storage::CopyOptions ProgressPrinter(const std::string& label, int pages_per_step) {
  storage::CopyOptions options;
  options.pages_per_step = pages_per_step;
  auto last = std::make_shared<int>(-1);
  options.progress = [label, last](const storage::CopyProgress& p) {
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

}  // namespace

int BackupCommand(const std::vector<std::string>& raw) {
  auto args = Args::Parse(raw, {"--to", "--pages-per-step"}, {});
  if (!args || !args->positional().empty() || !args->Has("--to")) {
    std::cerr << "usage: sangkienctl backup --to FILE [--pages-per-step N] [--db PATH]\n";
    return kUsage;
  }
  auto step = ParsePositive(args->Value("--pages-per-step", "256"));
  if (!step || *step > 1000000) {
    std::cerr << "sangkienctl: --pages-per-step must be a whole number from 1 to 1000000\n";
    return kUsage;
  }
  std::string db = args->db();
  std::string to = args->Value("--to");
  auto info = storage::BackupDatabase(db, to, ProgressPrinter("backup", static_cast<int>(*step)));
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
  auto checked = storage::CheckBackup(from);
  if (!checked.ok()) {
    PrintError(absl::StrCat("will not restore ", from), checked.status());
    return kFailed;
  }
  std::cout << "checked " << from << ": integrity_check ok, schema version "
            << checked->schema_version << ", " << checked->pages << " pages\n";
  auto trail = storage::VerifyAuditTrail(from);
  if (!trail.ok()) {
    std::cerr << "warning: cannot check the backup's audit trail: " << trail.status().message()
              << "\n";
  } else if (!trail->intact) {
    std::cerr << "warning: the backup's audit trail is BROKEN at event "
              << trail->first_broken_sequence << ": " << trail->problem << "\n";
  } else {
    std::cout << "audit trail of the backup: intact, " << trail->events_checked << " events\n";
  }
  auto info = storage::RestoreDatabase(from, db, ProgressPrinter("restore", 256));
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
