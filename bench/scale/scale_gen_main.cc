// sangkien-scale-gen: writes a large, realistic database for the scaling
// benchmark (bench/scale/run) through the server's own write paths.
#include <filesystem>
#include <fstream>
#include <iostream>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "bench/scale/scale_data.h"
#include "storage/connection_hook.h"
#include <SQLiteCpp/SQLiteCpp.h>

ABSL_FLAG(std::string, db, "", "the database file to create (must not exist)");
ABSL_FLAG(int, units, 10000, "units in the directory");
ABSL_FLAG(std::string, assignments, "20k", "assignments: a count, or with k / m (20k, 2m)");
ABSL_FLAG(uint64_t, seed, 36, "random seed");
ABSL_FLAG(int, report_every, 25, "one progress report per this many assignments (0: none)");
ABSL_FLAG(int, writers, 8, "threads writing at once (group commit batches them)");
ABSL_FLAG(std::string, summary, "", "where to write key=value facts about the data");

namespace {

bool ParseCount(std::string text, int64_t* out) {
  text = absl::AsciiStrToLower(text);
  int64_t scale = 1;
  if (!text.empty() && text.back() == 'k') scale = 1000;
  if (!text.empty() && text.back() == 'm') scale = 1000000;
  if (scale != 1) text.pop_back();
  if (!absl::SimpleAtoi(text, out) || *out <= 0) return false;
  *out *= scale;
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage("writes a scaling benchmark database; see bench/scale/README.md");
  absl::ParseCommandLine(argc, argv);
  namespace sk = sangkien;
  std::string path = absl::GetFlag(FLAGS_db);
  sk::bench::ScaleSpec spec;
  spec.units = absl::GetFlag(FLAGS_units);
  spec.seed = absl::GetFlag(FLAGS_seed);
  spec.report_every = absl::GetFlag(FLAGS_report_every);
  spec.writers = absl::GetFlag(FLAGS_writers);
  if (path.empty() || !ParseCount(absl::GetFlag(FLAGS_assignments), &spec.assignments)) {
    std::cerr << "usage: sangkien-scale-gen --db FILE [--units 10000] [--assignments 2m]\n";
    return 2;
  }
  if (std::filesystem::exists(path)) {
    std::cerr << "sangkien-scale-gen: " << path << " exists; remove it first\n";
    return 2;
  }
  sk::storage::DatabaseOptions options;
  options.path = path;
  options.reader_count = 1;
  options.synchronous_full = false;
  sk::storage::SetConnectionHook([](SQLite::Database& db, bool writer) {
    if (!writer) return;
    db.exec("PRAGMA cache_size = -1048576");  // 1 GiB
    db.exec("PRAGMA synchronous = OFF");      // bulk load: a crash means starting over
  });
  auto db = sk::storage::Database::Open(options);
  if (!db.ok()) {
    std::cerr << "sangkien-scale-gen: " << db.status() << "\n";
    return 1;
  }
  absl::Time start = absl::Now();
  auto summary = sk::bench::GenerateScaleData(
      **db, spec, [](std::string_view line) { std::cerr << "  " << line << std::endl; });
  if (!summary.ok()) {
    std::cerr << "sangkien-scale-gen: " << summary.status() << "\n";
    return 1;
  }
  double seconds = absl::ToDoubleSeconds(absl::Now() - start);
  db->reset();  // checkpoints the WAL into the file
  // Counted on the finished file: the server's connections keep SQL to the
  // repositories.
  int64_t search_docs = 0, changes = 0;
  try {
    SQLite::Database file(path, SQLite::OPEN_READONLY);
    search_docs = file.execAndGet("SELECT count(*) FROM search_docs").getInt64();
    changes = file.execAndGet("SELECT count(*) FROM changes").getInt64();
  } catch (const std::exception& e) {
    std::cerr << "sangkien-scale-gen: " << e.what() << "\n";
    return 1;
  }
  std::string facts = absl::StrCat(
      "units=", summary->units, "\nplans=", summary->plans, "\ntasks=", summary->tasks,
      "\nassignments=", summary->assignments, "\nreports=", summary->reports,
      "\nsearch_docs=", search_docs, "\nchanges=", changes, "\nbig_plan=plans/",
      summary->big_plan_id, "\nbusiest_commune=units/", summary->busiest_commune_id,
      "\nbusiest_commune_assignments=", summary->busiest_commune_assignments,
      "\ngenerate_seconds=", static_cast<int64_t>(seconds + 0.5), "\n");
  std::cout << facts;
  if (!absl::GetFlag(FLAGS_summary).empty()) {
    std::ofstream(absl::GetFlag(FLAGS_summary)) << facts;
  }
  return 0;
}
