// Parses the idle-connection limit an operator writes: whole seconds ("900")
// or an Abseil duration ("15m", "1h30m", "90s"); "0" means never.
#ifndef SANGKIEN_SERVER_TOOLS_IDLE_TIMEOUT_H_
#define SANGKIEN_SERVER_TOOLS_IDLE_TIMEOUT_H_

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace sangkien::tools {

// INVALID_ARGUMENT naming `flag` for text that is neither, is negative, is
// below one second (other than zero) or is infinite.
absl::StatusOr<absl::Duration> ParseIdleTimeout(absl::string_view text, absl::string_view flag);

}  // namespace sangkien::tools

#endif  // SANGKIEN_SERVER_TOOLS_IDLE_TIMEOUT_H_
