// Shared by the sangkienctl commands: argument parsing, opening the
// database, reporting errors.
#ifndef SANGKIEN_SERVER_TOOLS_CTL_COMMON_H_
#define SANGKIEN_SERVER_TOOLS_CTL_COMMON_H_

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "operations/core.h"

namespace sangkien::ctl {

// The database when a command is given no --db: the `db` setting of the
// settings file (/etc/sangkien/server.conf or --config FILE), else
// var/sangkien.db.
std::string DefaultDb();

// Exit codes of every command.
inline constexpr int kOk = 0;
inline constexpr int kFailed = 1;
inline constexpr int kUsage = 2;

// A command's arguments: positional words, options that take a value
// ("--name X" or "--name=X", repeatable) and switches ("--dry-run").
class Args {
 public:
  // Nullopt (after printing why) when `args` holds an option the command
  // does not know, or one without its value. "--db" is always known.
  static std::optional<Args> Parse(const std::vector<std::string>& args,
                                   const std::set<std::string>& valued,
                                   const std::set<std::string>& switches);

  const std::vector<std::string>& positional() const { return positional_; }
  bool Has(const std::string& option) const;
  // The last value given for `option`, or `fallback`.
  std::string Value(const std::string& option, const std::string& fallback = "") const;
  std::vector<std::string> Values(const std::string& option) const;
  std::string db() const { return Value("--db", DefaultDb()); }

 private:
  std::vector<std::string> positional_;
  std::map<std::string, std::vector<std::string>> values_;
  std::set<std::string> switches_;
};

// Prints "sangkienctl: <what>: <message>", the Vietnamese message and any
// field violations to stderr.
void PrintError(const std::string& what, const absl::Status& status);

// Opens the database (migrating it like the server would) and the use cases
// over it; nullptr after printing why when it cannot be opened, or when
// `must_exist` and there is none. Commands reach the data only through these
// use cases, so they keep the same rules as the API.
std::unique_ptr<operations::Core> OpenCore(const std::string& path, bool must_exist = true);

// "2026-11-27 09:00 +07:00" in the machine's time zone.
std::string DisplayTime(absl::Time time);

// Parses a positive whole number; nullopt otherwise.
std::optional<int64_t> ParsePositive(const std::string& text);

int ImportCommand(const std::vector<std::string>& args);
int AccountCommand(const std::vector<std::string>& args);
int TokenCommand(const std::vector<std::string>& args);
int BackupCommand(const std::vector<std::string>& args);
int RestoreCommand(const std::vector<std::string>& args);
int AuditCommand(const std::vector<std::string>& args);
int ChangesCommand(const std::vector<std::string>& args);
int PublicityCommand(const std::vector<std::string>& args);
int ExportIcsCommand(const std::vector<std::string>& args);

// The whole usage text, to stderr; returns kUsage.
int Usage();

}  // namespace sangkien::ctl

#endif  // SANGKIEN_SERVER_TOOLS_CTL_COMMON_H_
