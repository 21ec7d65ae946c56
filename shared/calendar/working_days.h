// Working days for the public sector: Monday to Friday, except the announced
// days off, plus the Saturdays worked to make up for swapped days. The days
// off are data (a CSV shipped with the product, kept in the database and
// edited by admins), never code: the government announces each year's
// schedule separately.
#ifndef SANGKIEN_SHARED_CALENDAR_WORKING_DAYS_H_
#define SANGKIEN_SHARED_CALENDAR_WORKING_DAYS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/time/civil_time.h"

namespace sangkien::calendar {

enum class HolidayKind {
  kUnspecified = 0,
  // No work that day (a public holiday, a swapped day, a day taken in lieu).
  kDayOff = 1,
  // A Saturday or Sunday worked to make up for a swapped day.
  kMakeupWorkday = 2,
};

// One day the calendar names.
struct CalendarDay {
  absl::CivilDay date;
  HolidayKind kind = HolidayKind::kDayOff;
  std::string name;    // "Tết Nguyên đán Ất Tỵ"
  std::string source;  // where it was announced, or the rule it follows
  // How sure the row is ("announced", "computed", "pending: …"). Provenance
  // only: every row counts, whatever its status.
  std::string status;
  friend bool operator==(const CalendarDay&, const CalendarDay&) = default;
};

// Saturday or Sunday.
bool IsWeekend(absl::CivilDay day);

// An immutable calendar of days off and make-up working days. Cheap to share
// (callers hold it through std::shared_ptr<const HolidayCalendar>).
class HolidayCalendar {
 public:
  // A calendar with no named days: Monday to Friday are the working days.
  HolidayCalendar() = default;
  // Days in any order; when two name the same date the later one wins.
  explicit HolidayCalendar(std::vector<CalendarDay> days);

  // Every named day, by date.
  const std::vector<CalendarDay>& days() const { return days_; }
  // The named day on `day`, or nullptr.
  const CalendarDay* Find(absl::CivilDay day) const;

  // A make-up day is a working day whatever its weekday; a day off is not;
  // any other day is a working day from Monday to Friday.
  bool IsWorkingDay(absl::CivilDay day) const;

  // The n-th working day after `day`: `day` itself is never counted, whether
  // or not it is a working day. So for a step due "within 7 working days of
  // submission", the deadline is AddWorkingDays(submission_day, 7); a
  // submission on a Saturday, a holiday or a Friday evening all start the
  // count on the next working day, which is day 1.
  //   n == 0: `day` itself, even when it is not a working day.
  //   n < 0:  the |n|-th working day before `day` (again not counting it).
  absl::CivilDay AddWorkingDays(absl::CivilDay day, int n) const;

  // How many working days it takes to go from `a` to `b`, counted like
  // AddWorkingDays: the start `a` never counts, the end `b` does. So it is
  // the working days in (a, b] when a <= b, and minus those in [b, a) when b
  // is before a. It inverts AddWorkingDays: WorkingDaysBetween(a,
  // AddWorkingDays(a, n)) == n for any n; a step taken on day `b` is late
  // when WorkingDaysBetween(start, b) exceeds its allowance.
  int WorkingDaysBetween(absl::CivilDay a, absl::CivilDay b) const;

 private:
  // Working days in [first, last]; 0 when last < first.
  int64_t CountInclusive(absl::CivilDay first, absl::CivilDay last) const;

  std::vector<CalendarDay> days_;  // sorted by date, one per date
};

// A problem with one CSV line. The line is skipped; the others still load.
struct CsvRowError {
  int line = 0;  // 1-based line of the file where the row starts
  std::string message;
};

struct ParsedHolidayCsv {
  HolidayCalendar calendar;
  std::vector<CsvRowError> errors;
};

// Parses the holiday CSV (`date,kind,name,source,status`, header first, in
// that order). RFC 4180 quoting ("a, b" and "" inside quotes), CRLF or LF, a
// UTF-8 byte order mark and blank lines are accepted. Each row needs an ISO
// date (2025-01-29) that is real, a kind ("off" or "makeup_workday"; a
// make-up day must be a Saturday or Sunday) and a name; source and status may
// be empty; text must be valid UTF-8. A row naming a date already given is
// an error (the first one is kept). A missing or different header is an
// error on line 1 and nothing loads.
ParsedHolidayCsv ParseHolidayCsv(std::string_view text);

}  // namespace sangkien::calendar

#endif  // SANGKIEN_SHARED_CALENDAR_WORKING_DAYS_H_
