// The settings file of sangkien-server and sangkienctl,
// /etc/sangkien/server.conf by default:
//
//   # a comment
//   listen = 0.0.0.0:50051
//   tls_cert = /etc/sangkien/tls/server.pem
//   metrics_listen =              (an empty value is a value)
//
// Each key is the name of a server flag; a flag given on the command line
// wins over the file.
#ifndef SANGKIEN_SERVER_TOOLS_CONFIG_FILE_H_
#define SANGKIEN_SERVER_TOOLS_CONFIG_FILE_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace sangkien::tools {

inline constexpr char kDefaultConfigPath[] = "/etc/sangkien/server.conf";

struct ConfigSetting {
  int line = 0;
  std::string key;
  std::string value;  // trimmed; a value in double quotes loses them
};

// Parses the text of a settings file named `file` (for messages). Returns
// INVALID_ARGUMENT "FILE:LINE: ..." for a line that is not `key = value`, a
// key given twice, or text that is not UTF-8 clean ASCII keys.
absl::StatusOr<std::vector<ConfigSetting>> ParseConfig(absl::string_view text,
                                                       absl::string_view file);

// Takes "--config=FILE" or "--config FILE" out of `args` (argv without the
// program name) and returns FILE; when absent, returns kDefaultConfigPath if
// that file exists and "" otherwise. "--config=" (empty) means no file.
std::string TakeConfigPath(std::vector<std::string>& args);

// Reads `path` and sets the server flag each line names. Returns
// INVALID_ARGUMENT naming the file (and the line) when the file cannot be
// read, a line does not parse, a key is not a server setting or its value
// is not valid for it. On error no flag has been changed.
absl::Status ApplyConfigFile(const std::string& path);

// Checks the value of every server setting `args` gives (`--key=value`,
// `--key value`), so that a bad one is refused like a bad line of the file:
// INVALID_ARGUMENT "--key: bad value 'v': why". Other arguments are left to
// absl::ParseCommandLine. A checked value is already set on success.
absl::Status CheckCommandLineSettings(const std::vector<std::string>& args);

}  // namespace sangkien::tools

#endif  // SANGKIEN_SERVER_TOOLS_CONFIG_FILE_H_
