#include "tools/config_file.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <utility>

#include "absl/flags/commandlineflag.h"
#include "absl/flags/reflection.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "tools/server_flags.h"

namespace sangkien::tools {
namespace {

bool IsKeyChar(char c) { return absl::ascii_isalnum(c) || c == '_'; }

absl::Status LineError(absl::string_view file, int line, absl::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat(file, ":", line, ": ", what));
}

// Every setting a file may name, sorted, for the "unknown setting" message.
std::string KnownSettings() {
  std::set<std::string> names;
  for (const auto& [name, flag] : absl::GetAllFlags()) {
    if (IsServerSetting(std::string(name), flag->Filename())) names.insert(std::string(name));
  }
  return absl::StrJoin(names, ", ");
}

// absl's parse error repeats the value and the flag ("Illegal value 'x'
// specified for flag 'y'; why"); callers name both already, so keep the why.
std::string Why(const std::string& absl_error) {
  static const std::string kFor = "specified for flag '";
  size_t at = absl_error.find(kFor);
  if (at == std::string::npos) return absl_error;
  size_t close = absl_error.find('\'', at + kFor.size());
  if (close == std::string::npos) return absl_error;
  absl::string_view rest = absl::string_view(absl_error).substr(close + 1);
  absl::ConsumePrefix(&rest, ";");
  rest = absl::StripAsciiWhitespace(rest);
  return rest.empty() ? "not a value of its kind" : std::string(rest);
}

}  // namespace

absl::StatusOr<std::vector<ConfigSetting>> ParseConfig(absl::string_view text,
                                                       absl::string_view file) {
  std::vector<ConfigSetting> settings;
  std::set<std::string> seen;
  int number = 0;
  for (absl::string_view raw : absl::StrSplit(text, '\n')) {
    ++number;
    absl::string_view line = absl::StripAsciiWhitespace(raw);
    if (line.empty() || line[0] == '#') continue;
    size_t eq = line.find('=');
    if (eq == absl::string_view::npos) {
      return LineError(file, number, "expected 'key = value' (a '#' starts a comment)");
    }
    std::string key(absl::StripAsciiWhitespace(line.substr(0, eq)));
    if (absl::StartsWith(key, "--")) key = key.substr(2);
    if (key.empty() || !std::all_of(key.begin(), key.end(), IsKeyChar)) {
      return LineError(file, number,
                       absl::StrCat("'", key, "' is not a setting name (letters, digits, _)"));
    }
    std::string value(absl::StripAsciiWhitespace(line.substr(eq + 1)));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    if (!seen.insert(key).second) {
      return LineError(file, number, absl::StrCat("'", key, "' is set twice"));
    }
    settings.push_back({number, std::move(key), std::move(value)});
  }
  return settings;
}

std::string TakeConfigPath(std::vector<std::string>& args) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (absl::StartsWith(arg, "--config=") || absl::StartsWith(arg, "-config=")) {
      std::string path = arg.substr(arg.find('=') + 1);
      args.erase(args.begin() + i);
      return path;
    }
    if ((arg == "--config" || arg == "-config") && i + 1 < args.size()) {
      std::string path = args[i + 1];
      args.erase(args.begin() + i, args.begin() + i + 2);
      return path;
    }
    if (arg == "--") break;
  }
  std::error_code ec;
  return std::filesystem::exists(kDefaultConfigPath, ec) ? kDefaultConfigPath : "";
}

absl::Status ApplyConfigFile(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ": cannot read the settings file: it is a folder"));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ": cannot read the settings file: ", std::strerror(errno)));
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return absl::InvalidArgumentError(absl::StrCat(path, ": cannot read"));
  absl::StatusOr<std::vector<ConfigSetting>> settings = ParseConfig(buffer.str(), path);
  if (!settings.ok()) return settings.status();

  // Check every line before setting any flag, so a bad file changes nothing.
  std::vector<std::pair<absl::CommandLineFlag*, const ConfigSetting*>> plan;
  for (const ConfigSetting& s : *settings) {
    absl::CommandLineFlag* flag = absl::FindCommandLineFlag(s.key);
    if (flag == nullptr || !IsServerSetting(s.key, flag->Filename())) {
      return LineError(path, s.line,
                       absl::StrCat("unknown setting '", s.key, "'; known: ", KnownSettings()));
    }
    plan.emplace_back(flag, &s);
  }
  std::vector<std::pair<absl::CommandLineFlag*, std::string>> previous;
  for (auto& [flag, s] : plan) {
    std::string old = flag->CurrentValue();
    std::string error;
    if (!flag->ParseFrom(s->value, &error)) {
      for (auto& [done, value] : previous) {
        std::string ignored;
        done->ParseFrom(value, &ignored);
      }
      return LineError(path, s->line,
                       absl::StrCat("bad value '", s->value, "' for ", s->key, ": ", Why(error)));
    }
    previous.emplace_back(flag, std::move(old));
  }
  return absl::OkStatus();
}

absl::Status CheckCommandLineSettings(const std::vector<std::string>& args) {
  for (size_t i = 0; i < args.size(); ++i) {
    absl::string_view arg = args[i];
    if (arg == "--") break;
    if (!absl::ConsumePrefix(&arg, "--") && !absl::ConsumePrefix(&arg, "-")) continue;
    size_t eq = arg.find('=');
    std::string name(arg.substr(0, eq));
    absl::CommandLineFlag* flag = absl::FindCommandLineFlag(name);
    if (flag == nullptr || !IsServerSetting(name, flag->Filename())) continue;
    std::string value;
    if (eq != absl::string_view::npos) {
      value = std::string(arg.substr(eq + 1));
    } else if (flag->IsOfType<bool>() || i + 1 >= args.size()) {
      continue;  // a switch, or a missing value: absl says so
    } else {
      value = args[i + 1];
    }
    std::string error;
    if (!flag->ParseFrom(value, &error)) {
      return absl::InvalidArgumentError(
          absl::StrCat("--", name, ": bad value '", value, "': ", Why(error)));
    }
  }
  return absl::OkStatus();
}

}  // namespace sangkien::tools
