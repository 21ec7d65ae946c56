#include "log/log.h"

#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>

namespace sangkien::log {
namespace {

std::atomic<int> min_level{static_cast<int>(Level::kInfo)};
std::atomic<Sink*> current_sink{nullptr};

bool NeedsQuotes(std::string_view value) {
  if (value.empty()) return true;
  for (unsigned char c : value) {
    if (c <= ' ' || c == '=' || c == '"' || c == 0x7f) return true;
  }
  return false;
}

void AppendQuoted(std::string* line, std::string_view value) {
  line->push_back('"');
  for (unsigned char c : value) {
    switch (c) {
      case '"':
        line->append("\\\"");
        break;
      case '\\':
        line->append("\\\\");
        break;
      case '\n':
        line->append("\\n");
        break;
      case '\r':
        line->append("\\r");
        break;
      case '\t':
        line->append("\\t");
        break;
      default:
        if (c < ' ' || c == 0x7f) {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
          line->append(escaped);
        } else {
          line->push_back(static_cast<char>(c));
        }
    }
  }
  line->push_back('"');
}

// One write(2) per line: stderr may be a pipe to journald shared by threads.
void WriteToStderr(std::string_view line) {
  std::string out(line);
  out.push_back('\n');
  const char* p = out.data();
  size_t left = out.size();
  while (left > 0) {
    ssize_t n = ::write(STDERR_FILENO, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;  // nowhere to report it
    p += n;
    left -= static_cast<size_t>(n);
  }
}

}  // namespace

bool ParseLevel(std::string_view text, Level* level) {
  for (Level l : {Level::kDebug, Level::kInfo, Level::kWarning, Level::kError}) {
    if (text == LevelName(l)) {
      *level = l;
      return true;
    }
  }
  return false;
}

std::string_view LevelName(Level level) {
  switch (level) {
    case Level::kDebug:
      return "debug";
    case Level::kInfo:
      return "info";
    case Level::kWarning:
      return "warning";
    case Level::kError:
      return "error";
  }
  return "info";
}

void SetLevel(Level level) { min_level.store(static_cast<int>(level), std::memory_order_relaxed); }

bool Enabled(Level level) {
  return static_cast<int>(level) >= min_level.load(std::memory_order_relaxed);
}

void AppendField(std::string* line, std::string_view key, std::string_view value) {
  if (!line->empty()) line->push_back(' ');
  line->append(key);
  line->push_back('=');
  if (NeedsQuotes(value)) {
    AppendQuoted(line, value);
  } else {
    line->append(value);
  }
}

std::string FormatLine(Level level, std::string_view msg, std::initializer_list<Field> fields) {
  std::string line;
  line.reserve(64 + msg.size());
  AppendField(&line, "level", LevelName(level));
  AppendField(&line, "msg", msg);
  for (const Field& f : fields) AppendField(&line, f.key, f.value);
  return line;
}

void SetSink(Sink* sink) { current_sink.store(sink, std::memory_order_release); }

void WriteLine(std::string_view line) {
  if (Sink* sink = current_sink.load(std::memory_order_acquire)) {
    sink->Write(line);
  } else {
    WriteToStderr(line);
  }
}

void Log(Level level, std::string_view msg, std::initializer_list<Field> fields) {
  if (!Enabled(level)) return;
  WriteLine(FormatLine(level, msg, fields));
}

}  // namespace sangkien::log
