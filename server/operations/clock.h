// The time source operations use, replaceable in tests.
#ifndef SANGKIEN_SERVER_OPERATIONS_CLOCK_H_
#define SANGKIEN_SERVER_OPERATIONS_CLOCK_H_

#include <functional>

#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace sangkien::operations {

using Clock = std::function<absl::Time()>;

inline Clock SystemClock() {
  return [] { return absl::Now(); };
}

}  // namespace sangkien::operations

#endif  // SANGKIEN_SERVER_OPERATIONS_CLOCK_H_
