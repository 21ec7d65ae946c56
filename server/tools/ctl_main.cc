// sangkienctl: administration from the command line, on the database file.
// Each command lives in its own ctl_*.cc; `sangkienctl help` lists them.
#include <string>
#include <vector>

#include "tools/ctl_common.h"

int main(int argc, char** argv) {
  namespace ctl = sangkien::ctl;
  if (argc < 2) return ctl::Usage();
  std::string command = argv[1];
  std::vector<std::string> args(argv + 2, argv + argc);
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
