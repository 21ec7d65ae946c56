#include "storage/backup_record.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace sangkien::storage {
namespace {

std::string Path(const std::string& dir) { return absl::StrCat(dir, "/", kBackupRecordFile); }

// Values are written on one line each; a newline in a message would start a
// bogus key, so it becomes a space.
std::string OneLine(std::string text) {
  for (char& c : text) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return text;
}

std::string TimeText(absl::Time t) {
  return t == absl::InfinitePast() ? ""
                                   : absl::FormatTime(absl::RFC3339_sec, t, absl::UTCTimeZone());
}

bool ParseTime(const std::string& text, absl::Time* out) {
  if (text.empty()) {
    *out = absl::InfinitePast();
    return true;
  }
  std::string err;
  return absl::ParseTime(absl::RFC3339_full, text, out, &err);
}

}  // namespace

absl::Status WriteBackupRecord(const std::string& dir, const BackupRecord& r) {
  std::string path = Path(dir);
  std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    if (!out) {
      return absl::UnavailableError(absl::StrCat("cannot write ", tmp, ": ", std::strerror(errno)));
    }
    out << "# The last scheduled backup (sangkienctl backup --into). Read by sangkien-server.\n"
        << "time=" << TimeText(r.time) << "\n"
        << "ok=" << (r.ok ? "true" : "false") << "\n"
        << "file=" << OneLine(r.file) << "\n"
        << "bytes=" << r.bytes << "\n"
        << "audit_checked=" << (r.audit_checked ? "true" : "false") << "\n"
        << "audit_intact=" << (r.audit_intact ? "true" : "false") << "\n"
        << "audit_events=" << r.audit_events << "\n"
        << "audit_head=" << OneLine(r.audit_head) << "\n"
        << "last_success=" << TimeText(r.last_success) << "\n"
        << "message=" << OneLine(r.message) << "\n";
    out.flush();
    if (!out.good()) return absl::UnavailableError(absl::StrCat("cannot write ", tmp));
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    return absl::UnavailableError(
        absl::StrCat("cannot rename ", tmp, " to ", path, ": ", std::strerror(errno)));
  }
  return absl::OkStatus();
}

absl::StatusOr<BackupRecord> ReadBackupRecord(const std::string& dir) {
  std::string path = Path(dir);
  std::ifstream in(path);
  if (!in) return absl::NotFoundError(absl::StrCat("no backup record at ", path));
  std::map<std::string, std::string> values;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    std::pair<std::string, std::string> kv = absl::StrSplit(line, absl::MaxSplits('=', 1));
    if (line.find('=') == std::string::npos || kv.first.empty()) {
      return absl::DataLossError(absl::StrCat(path, ":", number, ": expected key=value"));
    }
    values[kv.first] = kv.second;
  }
  BackupRecord r;
  auto flag = [&](const char* key) { return values[key] == "true"; };
  r.ok = flag("ok");
  r.audit_checked = flag("audit_checked");
  r.audit_intact = flag("audit_intact");
  r.file = values["file"];
  r.audit_head = values["audit_head"];
  r.message = values["message"];
  if (!ParseTime(values["time"], &r.time) || !ParseTime(values["last_success"], &r.last_success) ||
      (!values["bytes"].empty() && !absl::SimpleAtoi(values["bytes"], &r.bytes)) ||
      (!values["audit_events"].empty() &&
       !absl::SimpleAtoi(values["audit_events"], &r.audit_events))) {
    return absl::DataLossError(absl::StrCat(path, ": a time or number does not parse"));
  }
  return r;
}

}  // namespace sangkien::storage
