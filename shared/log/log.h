// The server's log: one logfmt line per event on stderr, where journald (or
// whatever started the process) picks it up and stamps the time:
//
//   level=info msg=call method=sangkien.v1.PlanService/GetPlan code=OK ms=0.42 account=accounts/3
//
// A value is written bare unless it is empty or holds a space, a control
// character, '=' or '"'; then it is quoted, with \" \\ \n \r \t escapes.
// Each line reaches stderr in one write, so concurrent lines never mix.
#ifndef SANGKIEN_SHARED_LOG_LOG_H_
#define SANGKIEN_SHARED_LOG_LOG_H_

#include <initializer_list>
#include <string>
#include <string_view>
#include <type_traits>

#include "absl/strings/str_cat.h"

namespace sangkien::log {

enum class Level { kDebug = 0, kInfo = 1, kWarning = 2, kError = 3 };

// Reads "debug", "info", "warning" or "error" into `level`; false (and
// `level` untouched) for anything else.
bool ParseLevel(std::string_view text, Level* level);
std::string_view LevelName(Level level);

// Lines below `level` are dropped; info until set. Safe from any thread.
void SetLevel(Level level);
bool Enabled(Level level);

// One key=value pair; numbers are written as absl::StrCat writes them.
struct Field {
  Field(std::string_view k, std::string_view v) : key(k), value(v) {}
  Field(std::string_view k, const char* v) : key(k), value(v) {}
  Field(std::string_view k, const std::string& v) : key(k), value(v) {}
  template <typename T, typename = std::enable_if_t<std::is_arithmetic_v<T>>>
  Field(std::string_view k, T v) : key(k), value(absl::StrCat(v)) {}
  std::string_view key;  // a plain identifier, never quoted
  std::string value;
};

// Appends " key=value" to `line`, quoting and escaping the value as needed.
void AppendField(std::string* line, std::string_view key, std::string_view value);
// "level=... msg=... key=value ...", without the newline.
std::string FormatLine(Level level, std::string_view msg, std::initializer_list<Field> fields);

// Where enabled lines go: stderr unless a test installs a sink of its own.
class Sink {
 public:
  virtual ~Sink() = default;
  // `line` has no trailing newline. Called from any thread.
  virtual void Write(std::string_view line) = 0;
};
// Installs `sink` (not owned; nullptr: stderr again). The sink must outlive
// every line logged while it is installed.
void SetSink(Sink* sink);

// Writes the line if `level` is enabled.
void Log(Level level, std::string_view msg, std::initializer_list<Field> fields = {});
// Writes an already formatted line (from FormatLine or AppendField) as is,
// for callers that check Enabled() first and build the line themselves.
void WriteLine(std::string_view line);

inline void Debug(std::string_view msg, std::initializer_list<Field> fields = {}) {
  Log(Level::kDebug, msg, fields);
}
inline void Info(std::string_view msg, std::initializer_list<Field> fields = {}) {
  Log(Level::kInfo, msg, fields);
}
inline void Warning(std::string_view msg, std::initializer_list<Field> fields = {}) {
  Log(Level::kWarning, msg, fields);
}
inline void Error(std::string_view msg, std::initializer_list<Field> fields = {}) {
  Log(Level::kError, msg, fields);
}

}  // namespace sangkien::log

#endif  // SANGKIEN_SHARED_LOG_LOG_H_
