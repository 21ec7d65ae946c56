// When a recurring programme airs: its RRULE expanded with libical in the
// district's zone (Asia/Ho_Chi_Minh, UTC+7 all year), EXDATEs left out and
// per-airing overrides applied. The one expansion both the server (publicity
// API, on-air lookups) and the kiosk (its offline schedule) use, so the two
// can never disagree about when something airs.
#ifndef SANGKIEN_SHARED_CALENDAR_AIRING_SCHEDULE_H_
#define SANGKIEN_SHARED_CALENDAR_AIRING_SCHEDULE_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/time/time.h"
#include "absl/types/span.h"

namespace sangkien::calendar {

// Empty when `rrule` is a recurrence libical accepts and we expand (FREQ
// HOURLY or slower); otherwise why not, in English and Vietnamese.
struct RruleProblem {
  std::string english;
  std::string vietnamese;
  bool ok() const { return english.empty(); }
};
RruleProblem CheckRrule(std::string_view rrule);

// One airing of the series changed: cancelled, or moved and/or resized.
struct AiringOverride {
  absl::Time original_start_time;  // the start the recurrence gives
  bool cancelled = false;
  std::optional<absl::Time> start_time;
  std::optional<absl::Duration> duration;
  std::string note;
  friend bool operator==(const AiringOverride&, const AiringOverride&) = default;
};

// A series as stored: the first start, each airing's length, the rule (empty:
// it airs once), the starts left out and the airings changed. A view: the
// caller keeps the strings and lists alive while it is used.
struct Series {
  absl::Time start_time;
  absl::Duration duration;
  std::string_view rrule;  // RFC 5545 RRULE value, no "RRULE:" prefix
  absl::Span<const absl::Time> exdates;
  absl::Span<const AiringOverride> overrides;
};

// One airing of a series.
struct Occurrence {
  absl::Time original_start_time;  // the start the recurrence gives
  absl::Time start_time;
  absl::Time end_time;
  bool moved = false;  // an override changed its start or its length
  std::string note;    // the override's note, if any
  friend bool operator==(const Occurrence&, const Occurrence&) = default;
};

// Whether the recurrence (or the single start, without an RRULE) gives an
// airing starting at `t` that no EXDATE removes. Overrides play no part: this
// is what an override's original start must be. False for a rule libical
// cannot read or one more often than hourly (see CheckRrule).
bool IsOccurrence(const Series& series, absl::Time t);

// The airings of `series` that overlap [from, to), by start time: an airing
// that began before `from` and is still on is included, and so is an airing
// of no length that starts inside the window. Cancelled overrides are left
// out; moved ones appear at their new time. Empty when `to <= from`; only
// the overrides' airings for a rule libical cannot read or one more often
// than hourly (see CheckRrule).
std::vector<Occurrence> ExpandSeries(const Series& series, absl::Time from, absl::Time to);

}  // namespace sangkien::calendar

#endif  // SANGKIEN_SHARED_CALENDAR_AIRING_SCHEDULE_H_
