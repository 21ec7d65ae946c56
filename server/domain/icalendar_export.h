// iCalendar (RFC 5545) files built with libical: a station's broadcasts with
// their recurrence, and a unit's deadlines. Times are written in the
// district's zone (a VTIMEZONE for Asia/Ho_Chi_Minh, UTC+7 all year), so a
// weekly programme at 06:00 on Thursdays stays on Thursdays in any client.
// Lines end in CRLF. Pure: no gRPC, no SQLite.
#ifndef SANGKIEN_SERVER_DOMAIN_ICALENDAR_EXPORT_H_
#define SANGKIEN_SERVER_DOMAIN_ICALENDAR_EXPORT_H_

#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "domain/publicity.h"

namespace sangkien::domain {

inline constexpr const char* kICalendarProdId = "-//Sang Kien//Sang Kien server//VI";
inline constexpr const char* kDistrictTzid = "Asia/Ho_Chi_Minh";

// One VEVENT per broadcast (UID `broadcasts/{id}@sangkien`) with DTSTART,
// DURATION, RRULE and EXDATEs; each override becomes a VEVENT with the same
// UID and a RECURRENCE-ID (a cancelled airing: STATUS:CANCELLED). `stamp` is
// the DTSTAMP. `calendar_name` goes into X-WR-CALNAME.
std::string BroadcastsToICalendar(const std::vector<Broadcast>& broadcasts,
                                  const std::string& calendar_name, absl::Time stamp);

// An all-day event, once or every year on the same day.
struct DeadlineEvent {
  std::string uid;  // without "@sangkien"
  std::string summary;
  std::string description;
  absl::CivilDay date;
  bool yearly = false;
};
std::string DeadlinesToICalendar(const std::vector<DeadlineEvent>& events,
                                 const std::string& calendar_name, absl::Time stamp);

}  // namespace sangkien::domain

#endif  // SANGKIEN_SERVER_DOMAIN_ICALENDAR_EXPORT_H_
