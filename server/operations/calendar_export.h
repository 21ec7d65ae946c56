// iCalendar exports (RFC 5545): a station's published broadcasts, or a unit's
// deadlines on published plans. Shared by PublicityService.ExportCalendar and
// `sangkienctl export-ics`.
#ifndef SANGKIEN_SERVER_OPERATIONS_CALENDAR_EXPORT_H_
#define SANGKIEN_SERVER_OPERATIONS_CALENDAR_EXPORT_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "operations/directory_operations.h"
#include "operations/plan_operations.h"
#include "operations/publicity_operations.h"

namespace sangkien::operations {

struct CalendarFile {
  std::string file_name;  // "lich-phat-thanh-tan-lap.ics"
  std::string data;       // CRLF line ends
};

// The station's published broadcasts with their recurrence, EXDATEs and
// overrides. NOT_FOUND when the unit does not exist.
absl::StatusOr<CalendarFile> ExportStationCalendar(PublicityOperations& publicity,
                                                   DirectoryOperations& directory,
                                                   int64_t station_unit_id);

// The unit's assignments on published plans, as the public sees them: each
// next due date as an all-day event; a task with yearly report dates (30/11)
// gives a yearly all-day event per date instead. NOT_FOUND when the unit
// does not exist.
absl::StatusOr<CalendarFile> ExportUnitCalendar(PlanOperations& plans,
                                                DirectoryOperations& directory, int64_t unit_id,
                                                absl::Time now);

}  // namespace sangkien::operations

#endif  // SANGKIEN_SERVER_OPERATIONS_CALENDAR_EXPORT_H_
