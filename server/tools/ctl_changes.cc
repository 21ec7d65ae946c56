// sangkienctl changes: the change feed's log — how far it goes, and
// compacting its tombstones.
#include <iostream>
#include <string>
#include <vector>

#include "domain/account.h"
#include "operations/core.h"
#include "operations/sync_operations.h"
#include "tools/ctl_common.h"

namespace sangkien::ctl {
namespace {

int ChangesCompact(const std::vector<std::string>& raw) {
  auto args = Args::Parse(raw, {"--through"}, {});
  if (!args || !args->positional().empty()) {
    std::cerr << "usage: sangkienctl changes compact [--through SEQ] [--db PATH]\n";
    return kUsage;
  }
  int64_t through = 0;
  if (args->Has("--through")) {
    auto n = ParsePositive(args->Value("--through"));
    if (!n) {
      std::cerr << "sangkienctl: --through takes a positive change number\n";
      return kUsage;
    }
    through = *n;
  }
  std::unique_ptr<operations::Core> core = OpenCore(args->db());
  if (!core) return kFailed;
  operations::SyncOperations& sync = core->sync();
  auto latest = sync.LatestSeq();
  auto dropped = sync.Compact(domain::Caller::System("sangkienctl changes compact"), through);
  if (!latest.ok() || !dropped.ok()) {
    PrintError("cannot compact the change log", latest.ok() ? dropped.status() : latest.status());
    return kFailed;
  }
  std::cout << "dropped " << *dropped << " tombstones through change "
            << (through > 0 ? through : *latest)
            << "; clients holding an older marker will resync from the beginning\n";
  return kOk;
}

}  // namespace

int ChangesCommand(const std::vector<std::string>& args) {
  if (args.empty()) return Usage();
  std::vector<std::string> rest(args.begin() + 1, args.end());
  if (args[0] == "compact") return ChangesCompact(rest);
  return Usage();
}

}  // namespace sangkien::ctl
