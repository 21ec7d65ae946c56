// Use cases on the holiday calendar. Each write is one transaction with one
// audit event. The operations also keep the calendar itself in memory, so
// that deadlines (the proposal workflow's working days) are computed without
// reading the table: Current() is rebuilt after every write.
#ifndef SANGKIEN_SERVER_OPERATIONS_CALENDAR_OPERATIONS_H_
#define SANGKIEN_SERVER_OPERATIONS_CALENDAR_OPERATIONS_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/civil_time.h"
#include "calendar/clock.h"
#include "calendar/working_days.h"
#include "domain/account.h"
#include "domain/holiday.h"
#include "domain/list_query.h"
#include "domain/validation.h"
#include "operations/calendar_commands.h"
#include "storage/database.h"

namespace sangkien::operations {

// Adds a violation on `field` unless `days` is within ±kMaxWorkingDays.
void CheckWorkingDayCount(std::string_view field, int days, domain::Violations& v);

// Shared by every gRPC thread: writes are serialised by write_mu_ so their
// calendars publish in commit order; readers take the published calendar
// under current_mu_ and use it without a lock.
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

  // What ListHolidays accepts (filter and order fields).
  static const domain::ListSpec& ListHolidaysSpec();

  // The day; NOT_FOUND when the date is an ordinary one.
  absl::StatusOr<domain::Holiday> GetHoliday(absl::CivilDay date);
  // One page; INVALID_ARGUMENT on "filter" for a year that is not four
  // digits.
  absl::StatusOr<domain::ListPage<domain::Holiday>> ListHolidays(const domain::ListQuery& query);
  // Returns the stored day (for a retried request id, the first one).
  // INVALID_ARGUMENT, nothing written, for no kind, a make-up day that is not
  // a Saturday or Sunday, a blank or over-long name, an over-long source or
  // status; ALREADY_EXISTS (HOLIDAY_EXISTS) when the date is taken.
  absl::StatusOr<domain::Holiday> CreateHoliday(const domain::Caller& caller,
                                                const CreateHolidayCommand& command);
  // Returns the stored day. INVALID_ARGUMENT on "update_mask" for a path that
  // cannot change (before anything is read); NOT_FOUND when absent; ABORTED
  // on a stale etag; the merged day is then refused as CreateHoliday refuses.
  absl::StatusOr<domain::Holiday> UpdateHoliday(const domain::Caller& caller,
                                                const UpdateHolidayCommand& command);
  // `date` moved by `days` working days of Current(). INVALID_ARGUMENT on
  // "days" beyond ±kMaxWorkingDays or when the result leaves years 1-9999.
  absl::StatusOr<absl::CivilDay> AddWorkingDays(absl::CivilDay date, int days) const;
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
  absl::Mutex write_mu_ ABSL_ACQUIRED_BEFORE(current_mu_);
  mutable absl::Mutex current_mu_;
  std::shared_ptr<const calendar::HolidayCalendar> current_ ABSL_GUARDED_BY(current_mu_);
};

}  // namespace sangkien::operations

#endif  // SANGKIEN_SERVER_OPERATIONS_CALENDAR_OPERATIONS_H_
