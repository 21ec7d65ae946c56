// The holiday calendar's days in SQLite. Stateless: every call runs on the
// connection of the transaction it is given.
#ifndef SANGKIEN_SERVER_STORAGE_HOLIDAY_REPOSITORY_H_
#define SANGKIEN_SERVER_STORAGE_HOLIDAY_REPOSITORY_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "calendar/working_days.h"
#include "domain/holiday.h"
#include "domain/list_query.h"
#include "storage/database.h"

namespace sangkien::storage {

// Contract of every function below, unless its own comment says otherwise:
// Get*/Update*/Delete* return the row (or OK) on success and NOT_FOUND
// naming the resource when no row matches; Insert* return the new id;
// List*, *Of and other queries return an empty page or list when nothing
// matches. SQLite failures are thrown, not returned: the enclosing
// Database::Read/Write answers them as INTERNAL or UNAVAILABLE. Stateless;
// safe from any thread on the Connection of its own transaction.
class HolidayRepository {
 public:
  // Filter fields the List understands: year (= 2025), kind (= DAY_OFF),
  // date (ordered).
  static const std::vector<domain::FilterField>& FilterFields();
  static const std::vector<std::string>& OrderFields();  // date

  // Inserts a day whose date is not in the table yet.
  static absl::Status Insert(Connection& c, const calendar::CalendarDay& day, absl::Time now);
  // Writes kind, name, source and status of the day on `day.date` and bumps
  // its revision; NOT_FOUND when there is none.
  static absl::Status Update(Connection& c, const calendar::CalendarDay& day, absl::Time now);
  // NOT_FOUND when there is no day on `date`.
  static absl::Status Delete(Connection& c, absl::CivilDay date);
  static absl::StatusOr<domain::Holiday> Get(Connection& c, absl::CivilDay date);
  static absl::StatusOr<domain::ListPage<domain::Holiday>> List(Connection& c,
                                                                const domain::ListQuery& query);
  // Every day, by date (a few dozen a year), to build the calendar from.
  static absl::StatusOr<std::vector<calendar::CalendarDay>> All(Connection& c);
  static absl::StatusOr<int64_t> Count(Connection& c);

  // Whether the shipped days were ever loaded (kept in `meta`, so that
  // emptying the table does not bring them back).
  static absl::StatusOr<bool> ShippedDaysLoaded(Connection& c);
  static absl::Status MarkShippedDaysLoaded(Connection& c, absl::Time now);
};

}  // namespace sangkien::storage

#endif  // SANGKIEN_SERVER_STORAGE_HOLIDAY_REPOSITORY_H_
