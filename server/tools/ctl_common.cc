#include "tools/ctl_common.h"

#include <filesystem>
#include <iostream>

#include "absl/flags/flag.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "status/errors.h"
#include "tools/server_flags.h"

namespace sangkien::ctl {

std::optional<Args> Args::Parse(const std::vector<std::string>& args,
                                const std::set<std::string>& valued,
                                const std::set<std::string>& switches) {
  Args out;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg.size() < 2 || arg.compare(0, 2, "--") != 0) {
      out.positional_.push_back(arg);
      continue;
    }
    std::string name = arg;
    std::optional<std::string> value;
    if (size_t eq = arg.find('='); eq != std::string::npos) {
      name = arg.substr(0, eq);
      value = arg.substr(eq + 1);
    }
    if (name == "--db" || valued.count(name) > 0) {
      if (!value) {
        if (i + 1 >= args.size()) {
          std::cerr << "sangkienctl: " << name << " needs a value\n";
          return std::nullopt;
        }
        value = args[++i];
      }
      out.values_[name].push_back(*value);
    } else if (switches.count(name) > 0 && !value) {
      out.switches_.insert(name);
    } else {
      std::cerr << "sangkienctl: unknown option " << arg << "\n";
      return std::nullopt;
    }
  }
  return out;
}

bool Args::Has(const std::string& option) const {
  return switches_.count(option) > 0 || values_.count(option) > 0;
}

std::string Args::Value(const std::string& option, const std::string& fallback) const {
  auto it = values_.find(option);
  return it == values_.end() || it->second.empty() ? fallback : it->second.back();
}

std::vector<std::string> Args::Values(const std::string& option) const {
  auto it = values_.find(option);
  return it == values_.end() ? std::vector<std::string>() : it->second;
}

void PrintError(const std::string& what, const absl::Status& status) {
  std::cerr << "sangkienctl: " << what << ": " << status.message() << "\n";
  std::string vi = ErrorMessageVi(status);
  if (!vi.empty() && vi != status.message()) std::cerr << "  " << vi << "\n";
  for (const FieldViolation& v : ErrorFieldViolations(status)) {
    std::cerr << "  " << v.field << ": " << v.description;
    if (!v.description_vi.empty()) std::cerr << " (" << v.description_vi << ")";
    std::cerr << "\n";
  }
}

std::unique_ptr<operations::Core> OpenCore(const std::string& path, bool must_exist) {
  operations::CoreOptions options;
  options.database_path = path;
  options.must_exist = must_exist;
  auto core = operations::Core::Open(options);
  if (absl::IsNotFound(core.status())) {
    std::cerr << "sangkienctl: no database at " << path << " (start sangkien-server once with --db "
              << path << " to create it, or pass --db PATH)\n";
    return nullptr;
  }
  if (!core.ok()) {
    PrintError(absl::StrCat("cannot open ", path), core.status());
    return nullptr;
  }
  return std::move(*core);
}

std::string DisplayTime(absl::Time time) {
  return absl::FormatTime("%Y-%m-%d %H:%M %Ez", time, absl::LocalTimeZone());
}

std::optional<int64_t> ParsePositive(const std::string& text) {
  int64_t value = 0;
  if (!absl::SimpleAtoi(text, &value) || value <= 0) return std::nullopt;
  return value;
}

std::string DefaultDb() { return absl::GetFlag(FLAGS_db); }

int Usage() {
  std::cerr << R"(usage: sangkienctl COMMAND ... [--db PATH] [--config FILE]
Administration on the database file, also while sangkien-server runs. Writes
are recorded in the audit trail as "system". The database is --db, else the
`db` setting of the server's settings file (/etc/sangkien/server.conf, or
--config FILE), else var/sangkien.db.

  account create --name NAME --role ROLE [--role ROLE ...] [--unit units/N]
                 [--position TEXT] [--service] [--token-name TEXT]
                 [--ttl-days N] [--no-token]
      Creates an account and prints a bearer token for it, once. Roles:
      admin, inspector, approver, coordinator, publisher, staff, kiosk
      (staff and kiosk need --unit). The first admin is made this way.
  account list                       every account, with roles and state
  account disable accounts/N         its tokens stop working at once
  account enable accounts/N
  account pin accounts/N             a new six-digit kiosk PIN for a staff account, shown once
  token create accounts/N [--name TEXT] [--ttl-days N]
                                     prints the new token's secret, once
  token list accounts/N
  token revoke accounts/N/tokens/M
  backup --to FILE [--pages-per-step N]
      Online backup (a consistent snapshot, safe while the server writes),
      checked with PRAGMA integrity_check.
  backup [--into DIR] [--keep-days N]
      The nightly backup: DIR/sangkien-YYYYMMDDTHHMMSSZ.db, checked (integrity,
      audit trail), then removes its own copies older than N days (never the
      new one) and writes DIR/last-backup. Exit 1 on failure. Defaults: the
      settings backup_dir (else backups/ beside the database) and
      backup_keep_days (14).
  restore --from FILE
      Checks the backup, then replaces the database with it. Stop the
      server first: a database in use is refused.
  audit verify
      Walks the hash-chained audit trail (read-only). Exit 0: intact;
      1: broken (names the first bad event) or could not be read.
  import FILE [--dry-run] [--publish]
      Parses a plan's text (copied from a PDF or Word file) and stores it
      with its tasks and assignments; --dry-run only reports what it found.
  publicity list                     every broadcast, case study and announcement
  publicity publish NAME [--from TIME] [--until TIME]
      Publishes broadcasts/N, caseStudies/N or announcements/N; case studies
      and announcements may get a window (RFC 3339, 2026-12-01T07:00:00+07:00).
  publicity unpublish NAME           back to draft
  publicity delete NAME
  changes compact [--through SEQ]
      Drops the change feed's tombstones (all, or up to change SEQ). Clients
      whose marker is older resync from the beginning (MARKER_EXPIRED).
  export-ics --station units/N | --unit units/N [-o FILE]
      An iCalendar (.ics) file: a station's published broadcasts with their
      recurrence, or a unit's deadlines on published plans (yearly report
      dates as yearly events). To stdout unless -o names a file.

Exit status: 0 done, 1 failed, 2 usage error. See docs/OPERATIONS.md.
)";
  return kUsage;
}

}  // namespace sangkien::ctl
