// A named day of the holiday calendar as stored: the calendar's day plus
// what the API shows about the stored row.
#ifndef SANGKIEN_SERVER_DOMAIN_HOLIDAY_H_
#define SANGKIEN_SERVER_DOMAIN_HOLIDAY_H_

#include <string>

#include "absl/time/time.h"
#include "calendar/civil_date.h"
#include "calendar/working_days.h"

namespace sangkien::domain {

struct Holiday {
  calendar::CalendarDay day;
  std::string etag;
  absl::Time create_time;
  absl::Time update_time;
};

// "holidays/2025-01-29".
inline std::string HolidayName(absl::CivilDay date) {
  return "holidays/" + calendar::FormatIsoDate(date);
}

}  // namespace sangkien::domain

#endif  // SANGKIEN_SERVER_DOMAIN_HOLIDAY_H_
