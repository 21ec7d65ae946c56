// What the holiday calendar's use cases take: plain commands in domain types,
// checked whole by CalendarOperations.
#ifndef SANGKIEN_SERVER_OPERATIONS_CALENDAR_COMMANDS_H_
#define SANGKIEN_SERVER_OPERATIONS_CALENDAR_COMMANDS_H_

#include "absl/time/civil_time.h"
#include "calendar/working_days.h"
#include "domain/field_mask.h"
#include "operations/directory_commands.h"

namespace sangkien::operations {

// How far AddWorkingDays may count, either way: about ten years.
inline constexpr int kMaxWorkingDays = 3660;

struct CreateHolidayCommand {
  // The date (any real one), kind (kUnspecified is refused), name, source
  // and status.
  calendar::CalendarDay day;
  Idempotency idempotency;
};

// The fields a caller may change: kind, display_name (the day's name),
// source and status (the API's spelling). The date is the day's identity.
struct UpdateHolidayCommand {
  absl::CivilDay date;
  domain::Update<calendar::CalendarDay> update;
};

}  // namespace sangkien::operations

#endif  // SANGKIEN_SERVER_OPERATIONS_CALENDAR_COMMANDS_H_
