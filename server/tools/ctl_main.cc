// sangkienctl: administration from the command line, on the database file.
// Each command lives in its own ctl_*.cc; `sangkienctl help` lists them.
#include <iostream>
#include <string>
#include <vector>

#include "tools/config_file.h"
#include "tools/ctl_common.h"

int main(int argc, char** argv) {
  namespace ctl = sangkien::ctl;
  std::vector<std::string> args(argv + 1, argv + argc);
  // The server's settings file gives the defaults (the database, the backup
  // folder); options on the command line win.
  std::string config = sangkien::tools::TakeConfigPath(args);
  if (!config.empty()) {
    if (absl::Status s = sangkien::tools::ApplyConfigFile(config); !s.ok()) {
      std::cerr << "sangkienctl: " << s.message() << std::endl;
      return ctl::kUsage;
    }
  }
  if (args.empty()) return ctl::Usage();
  std::string command = args.front();
  args.erase(args.begin());
  if (command == "account") return ctl::AccountCommand(args);
  if (command == "token") return ctl::TokenCommand(args);
  if (command == "backup") return ctl::BackupCommand(args);
  if (command == "restore") return ctl::RestoreCommand(args);
  if (command == "audit") return ctl::AuditCommand(args);
  if (command == "import") return ctl::ImportCommand(args);
  if (command == "changes") return ctl::ChangesCommand(args);
  if (command == "publicity") return ctl::PublicityCommand(args);
  if (command == "export-ics") return ctl::ExportIcsCommand(args);
  if (command == "help" || command == "--help" || command == "-h") {
    ctl::Usage();
    return ctl::kOk;
  }
  return ctl::Usage();
}
