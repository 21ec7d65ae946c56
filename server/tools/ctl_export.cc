// sangkienctl export-ics (--station units/N | --unit units/N) [--db PATH]
//                       [-o FILE | --output FILE]
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "domain/validation.h"
#include "operations/calendar_export.h"
#include "operations/core.h"
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
  std::unique_ptr<operations::Core> core = OpenCore(args->db());
  if (!core) return kFailed;
  absl::StatusOr<operations::CalendarFile> file =
      station ? operations::ExportStationCalendar(core->publicity(), core->directory(), *unit_id)
              : operations::ExportUnitCalendar(core->plans(), core->directory(), *unit_id,
                                               core->clock()());
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
