// sangkienctl import FILE [--db PATH] [--dry-run] [--publish]
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "calendar/civil_date.h"
#include "calendar/clock.h"
#include "calendar/timeframe.h"
#include "operations/core.h"
#include "operations/plan_operations.h"
#include "status/errors.h"
#include "tools/ctl_common.h"

namespace sangkien::ctl {
namespace {

// At most `max_bytes` of `s`, cut at a character boundary, with "…" when cut.
std::string Shorten(const std::string& s, size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end) + "…";
}

std::string Join(const std::vector<domain::UnitRef>& refs) {
  std::string out;
  for (const auto& r : refs) out += (out.empty() ? "" : "; ") + r.display_name;
  return out.empty() ? "—" : out;
}

}  // namespace

int ImportCommand(const std::vector<std::string>& raw_args) {
  auto args = Args::Parse(raw_args, {}, {"--dry-run", "--publish"});
  if (!args || args->positional().size() != 1) return Usage();
  const std::string& file = args->positional()[0];
  bool dry_run = args->Has("--dry-run");
  bool publish = args->Has("--publish");
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    std::cerr << "cannot read " << file << "\n";
    return kFailed;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();

  // Importing may start a new database.
  std::unique_ptr<operations::Core> core = OpenCore(args->db(), /*must_exist=*/false);
  if (!core) return kFailed;
  operations::PlanOperations& plans = core->plans();
  operations::ImportPlanCommand command;
  command.text = buffer.str();
  command.validate_only = dry_run;
  command.publish = publish;
  auto outcome = plans.ImportPlan(domain::Caller::System("sangkienctl import"), command, {});
  if (!outcome.ok()) {
    std::string vi = ErrorMessageVi(outcome.status());
    std::cerr << "import failed: " << outcome.status().message() << "\n";
    if (!vi.empty()) std::cerr << "  " << vi << "\n";
    return kFailed;
  }
  const auto& plan = outcome->plan;
  std::cout << (dry_run ? "parsed (nothing stored)" : "stored as plans/" + std::to_string(plan.id))
            << "\n";
  std::cout << "title:  " << plan.title << "\n";
  std::cout << "symbol: " << (plan.symbol.empty() ? "—" : plan.symbol)
            << "   issued: " << (plan.issue_date ? calendar::FormatDate(*plan.issue_date) : "—")
            << "\n";
  for (const auto& b : plan.basis) {
    std::cout << "basis:  " << b.symbol << " "
              << (b.issue_date ? calendar::FormatDate(*b.issue_date) : "") << " " << b.issuer
              << "\n";
  }
  std::cout << "tasks:  " << outcome->tasks.size() << "\n";
  for (const auto& t : outcome->tasks) {
    std::cout << "  " << t.number << "  " << Shorten(t.title, 90) << "\n"
              << "       chủ trì: " << Join(t.lead_units) << "\n"
              << "       phối hợp: " << Join(t.coordinating_units) << "\n"
              << "       thời hạn: " << calendar::DisplayTimeframe(t.timeframe) << "\n";
  }
  std::cout << "warnings: " << outcome->warnings.size() << "\n";
  for (const auto& w : outcome->warnings) {
    std::cout << "  [" << w.code << "] " << (w.line ? "line " + std::to_string(w.line) + ": " : "")
              << w.message_vi << "\n";
  }
  return kOk;
}

}  // namespace sangkien::ctl
