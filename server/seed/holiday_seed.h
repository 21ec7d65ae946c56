// The holiday calendar the server ships: the public sector's days off and
// make-up working days in Vietnam from 2022, as announced (and for 2027 as
// the Labour Code gives them until the schedule is announced), from
// server/seed/data/vn-public-holidays.csv, embedded in the binary.
#ifndef SANGKIEN_SERVER_SEED_HOLIDAY_SEED_H_
#define SANGKIEN_SERVER_SEED_HOLIDAY_SEED_H_

#include <string_view>

#include "absl/status/statusor.h"
#include "operations/calendar_operations.h"

namespace sangkien::seed {

// The CSV text (date,kind,name,source,status).
std::string_view ShippedHolidayCsv();

// Loads the shipped days into a database that has never had them; runs at
// every start, and does nothing once they were loaded (even if admins have
// since deleted days). Returns how many days it inserted. INTERNAL when the
// embedded CSV has a bad row, which the build's tests rule out.
absl::StatusOr<int> LoadShippedHolidays(operations::CalendarOperations& calendar);

}  // namespace sangkien::seed

#endif  // SANGKIEN_SERVER_SEED_HOLIDAY_SEED_H_
