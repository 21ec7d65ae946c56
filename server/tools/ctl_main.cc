// sangkienctl: administration from the command line, on the database file.
//   sangkienctl import FILE [--db PATH] [--dry-run] [--publish]
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "calendar/civil_date.h"
#include "calendar/timeframe.h"
#include "operations/clock.h"
#include "operations/directory_operations.h"
#include "operations/plan_operations.h"
#include "seed/demo_seed.h"
#include "status/errors.h"
#include "storage/database.h"

namespace {

int Usage() {
  std::cerr << "usage: sangkienctl import FILE [--db PATH] [--dry-run] [--publish]\n"
               "  Parses a plan's text (copied from a PDF or Word file) and stores it with its\n"
               "  tasks and assignments; --dry-run only reports what it found.\n";
  return 2;
}

// At most `max_bytes` of `s`, cut at a character boundary, with "…" when cut.
std::string Shorten(const std::string& s, size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end) + "…";
}

std::string Join(const std::vector<sangkien::domain::UnitRef>& refs) {
  std::string out;
  for (const auto& r : refs) out += (out.empty() ? "" : "; ") + r.display_name;
  return out.empty() ? "—" : out;
}

int Import(const std::vector<std::string>& args) {
  std::string file, db_path = "var/sangkien.db";
  bool dry_run = false, publish = false;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--db" && i + 1 < args.size()) {
      db_path = args[++i];
    } else if (args[i] == "--dry-run") {
      dry_run = true;
    } else if (args[i] == "--publish") {
      publish = true;
    } else if (!args[i].empty() && args[i][0] != '-' && file.empty()) {
      file = args[i];
    } else {
      return Usage();
    }
  }
  if (file.empty()) return Usage();
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    std::cerr << "cannot read " << file << "\n";
    return 1;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();

  sangkien::storage::DatabaseOptions db_options;
  db_options.path = db_path;
  auto db = sangkien::storage::Database::Open(db_options);
  if (!db.ok()) {
    std::cerr << db.status() << "\n";
    return 1;
  }
  sangkien::operations::DirectoryOperations directory(**db, sangkien::operations::SystemClock());
  sangkien::operations::PlanOperations plans(**db, directory, sangkien::operations::SystemClock());
  sangkien::operations::ImportOptions options;
  options.validate_only = dry_run;
  options.publish = publish;
  auto outcome = plans.ImportPlan(sangkien::domain::Caller::System("sangkienctl import"),
                                  buffer.str(), options, {});
  if (!outcome.ok()) {
    std::string vi = sangkien::ErrorMessageVi(outcome.status());
    std::cerr << "import failed: " << outcome.status().message() << "\n";
    if (!vi.empty()) std::cerr << "  " << vi << "\n";
    return 1;
  }
  const auto& plan = outcome->plan;
  std::cout << (dry_run ? "parsed (nothing stored)" : "stored as plans/" + std::to_string(plan.id))
            << "\n";
  std::cout << "title:  " << plan.title << "\n";
  std::cout << "symbol: " << (plan.symbol.empty() ? "—" : plan.symbol) << "   issued: "
            << (plan.issue_date ? sangkien::calendar::FormatDate(*plan.issue_date) : "—") << "\n";
  for (const auto& b : plan.basis) {
    std::cout << "basis:  " << b.symbol << " "
              << (b.issue_date ? sangkien::calendar::FormatDate(*b.issue_date) : "") << " "
              << b.issuer << "\n";
  }
  std::cout << "tasks:  " << outcome->tasks.size() << "\n";
  for (const auto& t : outcome->tasks) {
    std::cout << "  " << t.number << "  " << Shorten(t.title, 90) << "\n"
              << "       chủ trì: " << Join(t.lead_units) << "\n"
              << "       phối hợp: " << Join(t.coordinating_units) << "\n"
              << "       thời hạn: " << sangkien::calendar::DisplayTimeframe(t.timeframe) << "\n";
  }
  std::cout << "warnings: " << outcome->warnings.size() << "\n";
  for (const auto& w : outcome->warnings) {
    std::cout << "  [" << w.code << "] " << (w.line ? "line " + std::to_string(w.line) + ": " : "")
              << w.message_vi << "\n";
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return Usage();
  std::string command = argv[1];
  std::vector<std::string> args(argv + 2, argv + argc);
  if (command == "import") return Import(args);
  return Usage();
}
