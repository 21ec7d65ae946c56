// absl::Time to libical's time, shared by the recurrence expansion and the
// server's iCalendar export.
#ifndef SANGKIEN_SHARED_CALENDAR_ICAL_TIME_H_
#define SANGKIEN_SHARED_CALENDAR_ICAL_TIME_H_

#include <libical/ical.h>

#include "absl/time/time.h"

namespace sangkien::calendar {

// `t` as wall-clock time in the district (UTC+7), with no zone attached: the
// floating local time RRULEs are expanded in.
icaltimetype DistrictIcalTime(absl::Time t);
// `t` in UTC, marked as UTC.
icaltimetype UtcIcalTime(absl::Time t);

}  // namespace sangkien::calendar

#endif  // SANGKIEN_SHARED_CALENDAR_ICAL_TIME_H_
