// sangkienctl export-ics (--station units/N | --unit units/N) [--db PATH]
//                       [-o FILE | --output FILE]
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "calendar/clock.h"
#include "domain/validation.h"
#include "operations/calendar_export.h"
#include "operations/directory_operations.h"
#include "operations/plan_operations.h"
#include "operations/publicity_operations.h"
#include "tools/ctl_common.h"

namespace sangkien::ctl {

int ExportIcsCommand(const std::vector<std::string>& raw_args) {
  // "-o FILE" is the short form of "--output FILE".
  std::vector<std::string> normalised;
  for (const std::string& arg : raw_args) normalised.push_back(arg == "-o" ? "--output" : arg);
  auto args = Args::Parse(normalised, {"--station", "--unit", "--output"}, {});
  if (!args || !args->positional().empty() || args->Has("--station") == args->Has("--unit")) {
    return Usage();
  }
  bool station = args->Has("--station");
  std::string name = station ? args->Value("--station") : args->Value("--unit");
  auto unit_id = domain::ParseCollectionId(name, "units");
  if (!unit_id) {
    std::cerr << "sangkienctl: " << (station ? "--station" : "--unit")
              << " takes a unit's name, like units/5\n";
    return kUsage;
  }
  auto db = OpenExistingDatabase(args->db());
  if (!db) return kFailed;
  calendar::Clock clock = calendar::SystemClock();
  operations::DirectoryOperations directory(*db, clock);
  operations::PlanOperations plans(*db, directory, clock);
  operations::PublicityOperations publicity(*db, clock);
  absl::StatusOr<operations::CalendarFile> file =
      station ? operations::ExportStationCalendar(publicity, directory, *unit_id)
              : operations::ExportUnitCalendar(plans, directory, *unit_id, clock());
  if (!file.ok()) {
    PrintError("export-ics", file.status());
    return kFailed;
  }
  std::string output = args->Value("--output");
  if (output.empty() || output == "-") {
    std::cout << file->data;
    return std::cout.good() ? kOk : kFailed;
  }
  std::ofstream out(output, std::ios::binary | std::ios::trunc);
  out << file->data;
  out.close();
  if (!out) {
    std::cerr << "sangkienctl: cannot write " << output << "\n";
    return kFailed;
  }
  std::cerr << "wrote " << output << " (" << file->file_name << ")\n";
  return kOk;
}

}  // namespace sangkien::ctl
