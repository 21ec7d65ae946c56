// sangkienctl audit verify: walks the hash-chained audit trail offline.
#include <iostream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "operations/maintenance.h"
#include "tools/ctl_common.h"

namespace sangkien::ctl {
namespace {

int AuditVerify(const std::vector<std::string>& raw) {
  auto args = Args::Parse(raw, {}, {});
  if (!args || !args->positional().empty()) {
    std::cerr << "usage: sangkienctl audit verify [--db PATH]\n";
    return kUsage;
  }
  auto check = operations::VerifyAuditTrail(args->db());
  if (!check.ok()) {
    PrintError("cannot verify the audit trail", check.status());
    return kFailed;
  }
  if (!check->intact) {
    std::cout << "BROKEN at event " << check->first_broken_sequence << ": " << check->problem
              << "\n";
    return kFailed;
  }
  std::cout << "intact: " << check->events_checked << " events, head " << check->head_hash << "\n";
  return kOk;
}

}  // namespace

int AuditCommand(const std::vector<std::string>& args) {
  if (args.empty()) return Usage();
  std::vector<std::string> rest(args.begin() + 1, args.end());
  if (args[0] == "verify") return AuditVerify(rest);
  return Usage();
}

}  // namespace sangkien::ctl
