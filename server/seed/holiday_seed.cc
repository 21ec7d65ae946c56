#include "seed/holiday_seed.h"

#include "absl/strings/str_cat.h"
#include "calendar/working_days.h"

namespace sangkien::seed {

absl::StatusOr<int> LoadShippedHolidays(operations::CalendarOperations& calendar) {
  calendar::ParsedHolidayCsv parsed = calendar::ParseHolidayCsv(ShippedHolidayCsv());
  if (!parsed.errors.empty()) {
    const calendar::CsvRowError& first = parsed.errors.front();
    return absl::InternalError(absl::StrCat("the shipped holiday calendar has ",
                                            parsed.errors.size(), " bad rows; line ", first.line,
                                            ": ", first.message));
  }
  return calendar.LoadShippedDays(domain::Caller::System("LoadShippedHolidays"),
                                  parsed.calendar.days());
}

}  // namespace sangkien::seed
