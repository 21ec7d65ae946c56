#include "tools/idle_timeout.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace sangkien::tools {

absl::StatusOr<absl::Duration> ParseIdleTimeout(absl::string_view text, absl::string_view flag) {
  std::string trimmed(absl::StripAsciiWhitespace(text));
  absl::Duration duration;
  int64_t seconds = 0;
  if (!trimmed.empty() && absl::ascii_isdigit(static_cast<unsigned char>(trimmed.back())) &&
      absl::SimpleAtoi(trimmed, &seconds)) {
    duration = absl::Seconds(seconds);
  } else if (!absl::ParseDuration(trimmed, &duration)) {
    return absl::InvalidArgumentError(
        absl::StrCat(flag, ": \"", text,
                     "\" is not a duration: give seconds (900) or a duration (15m, 1h, 90s); 0 "
                     "for never"));
  }
  if (duration < absl::ZeroDuration() || duration == absl::InfiniteDuration()) {
    return absl::InvalidArgumentError(
        absl::StrCat(flag, ": \"", text, "\" must be zero (never) or a positive duration"));
  }
  // gRPC counts in milliseconds; a limit below a second would close
  // connections between a client's consecutive calls.
  if (duration != absl::ZeroDuration() && duration < absl::Seconds(1)) {
    return absl::InvalidArgumentError(
        absl::StrCat(flag, ": \"", text, "\" is under one second; give 0 for never"));
  }
  return duration;
}

}  // namespace sangkien::tools
