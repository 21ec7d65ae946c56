// The time source the server reads "now" from, replaceable in tests (a test
// passes a lambda returning a fixed or stepped time).
#ifndef SANGKIEN_SHARED_CALENDAR_CLOCK_H_
#define SANGKIEN_SHARED_CALENDAR_CLOCK_H_

#include <functional>

#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace sangkien::calendar {

// Returns the current instant. Must be callable from any thread.
using Clock = std::function<absl::Time()>;

// Returns a clock that reads the system time (absl::Now()).
inline Clock SystemClock() {
  return [] { return absl::Now(); };
}

}  // namespace sangkien::calendar

#endif  // SANGKIEN_SHARED_CALENDAR_CLOCK_H_
