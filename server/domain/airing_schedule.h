// When a broadcast airs: the shared expansion (calendar/airing_schedule.h)
// applied to a Broadcast, with the broadcast's own fields on each airing.
// Pure: no gRPC, no SQLite.
#ifndef SANGKIEN_SERVER_DOMAIN_AIRING_SCHEDULE_H_
#define SANGKIEN_SERVER_DOMAIN_AIRING_SCHEDULE_H_

#include <vector>

#include "absl/time/time.h"
#include "calendar/airing_schedule.h"
#include "domain/publicity.h"

namespace sangkien::domain {

inline constexpr absl::Duration kMinAiringDuration = absl::Minutes(1);
inline constexpr absl::Duration kMaxAiringDuration = absl::Hours(24);

using calendar::CheckRrule;
using calendar::RruleProblem;

// Whether the recurrence (or the single start, without an RRULE) gives an
// airing starting at `t` that no EXDATE removes. `b.rrule` must be valid.
bool IsOccurrence(const Broadcast& b, absl::Time t);

// The airings of `b` that overlap [from, to), by start time: an airing that
// began before `from` and is still on is included. Cancelled overrides are
// left out; moved ones appear at their new time. `b.rrule` must be valid.
std::vector<Airing> ExpandAirings(const Broadcast& b, absl::Time from, absl::Time to);

// The airings of several broadcasts over [from, to), merged by start time
// (ties by broadcast id).
std::vector<Airing> ExpandAirings(const std::vector<Broadcast>& broadcasts, absl::Time from,
                                  absl::Time to);

}  // namespace sangkien::domain

#endif  // SANGKIEN_SERVER_DOMAIN_AIRING_SCHEDULE_H_
