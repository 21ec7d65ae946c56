#include "calendar/ical_time.h"

#include "calendar/civil_date.h"

namespace sangkien::calendar {
namespace {

icaltimetype Fields(absl::Time t, absl::TimeZone zone) {
  absl::CivilSecond s = absl::ToCivilSecond(t, zone);
  icaltimetype out = icaltime_null_time();
  out.year = static_cast<int>(s.year());
  out.month = s.month();
  out.day = s.day();
  out.hour = s.hour();
  out.minute = s.minute();
  out.second = s.second();
  out.is_date = 0;
  return out;
}

}  // namespace

icaltimetype DistrictIcalTime(absl::Time t) { return Fields(t, DistrictTimeZone()); }

icaltimetype UtcIcalTime(absl::Time t) {
  icaltimetype out = Fields(t, absl::UTCTimeZone());
  out.zone = icaltimezone_get_utc_timezone();
  return out;
}

}  // namespace sangkien::calendar
