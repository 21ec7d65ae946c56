// Use cases on the holiday calendar. Each write is one transaction with one
// audit event. The operations also keep the calendar itself in memory, so
// that deadlines (the proposal workflow's working days) are computed without
// reading the table: Current() is rebuilt after every write.
#ifndef SANGKIEN_SERVER_OPERATIONS_CALENDAR_OPERATIONS_H_
#define SANGKIEN_SERVER_OPERATIONS_CALENDAR_OPERATIONS_H_

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "calendar/clock.h"
#include "calendar/working_days.h"
#include "domain/account.h"
#include "domain/holiday.h"
#include "domain/list_query.h"
#include "operations/directory_operations.h"
#include "storage/database.h"

namespace sangkien::operations {

class CalendarOperations {
 public:
  // Current() is the empty calendar (Monday to Friday) until Refresh() or a
  // write has read the table.
  CalendarOperations(storage::Database& db, calendar::Clock clock);

  // Rebuilds Current() from the table.
  absl::Status Refresh();
  // The calendar as of the last write; a snapshot that later writes do not
  // change. Safe to call from any thread.
  std::shared_ptr<const calendar::HolidayCalendar> Current() const;

  // Loads the days the product ships into a calendar that has never been
  // loaded (a new database, or one from before the calendar existed), then
  // refreshes Current(). The load is recorded, so a calendar an admin has
  // emptied stays empty. Returns how many days were inserted: 0 when the
  // table was loaded before or already has days of its own.
  absl::StatusOr<int> LoadShippedDays(const domain::Caller& caller,
                                      const std::vector<calendar::CalendarDay>& days);

  absl::StatusOr<domain::Holiday> GetHoliday(absl::CivilDay date);
  absl::StatusOr<domain::ListPage<domain::Holiday>> ListHolidays(const domain::ListQuery& query);
  // ALREADY_EXISTS (HOLIDAY_EXISTS) when the date is taken: one day, one row.
  absl::StatusOr<domain::Holiday> CreateHoliday(const domain::Caller& caller,
                                                const calendar::CalendarDay& day,
                                                const Idempotency& idempotency);
  // Replaces kind, name, source and status of the day on `day.date` when
  // `expected_etag` is current.
  absl::StatusOr<domain::Holiday> UpdateHoliday(const domain::Caller& caller,
                                                const calendar::CalendarDay& day,
                                                const std::string& expected_etag);
  // Removes the day; `expected_etag`, when not empty, must be current.
  absl::Status DeleteHoliday(const domain::Caller& caller, absl::CivilDay date,
                             const std::string& expected_etag);

 private:
  // Runs `fn` in a write transaction, then publishes the calendar read in
  // that same transaction once it has committed.
  absl::Status WriteAndPublish(absl::FunctionRef<absl::Status(storage::Connection&)> fn);
  void Publish(std::shared_ptr<const calendar::HolidayCalendar> calendar);

  storage::Database& db_;
  calendar::Clock clock_;
  // Held across a write and the publishing of its calendar, so that two
  // writes publish in the order they committed.
  std::mutex write_mu_;
  mutable std::mutex current_mu_;
  std::shared_ptr<const calendar::HolidayCalendar> current_;  // guarded by current_mu_
};

}  // namespace sangkien::operations

#endif  // SANGKIEN_SERVER_OPERATIONS_CALENDAR_OPERATIONS_H_
