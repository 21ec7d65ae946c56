#include "storage/holiday_repository.h"

#include "absl/strings/str_cat.h"
#include "calendar/civil_date.h"
#include "status/errors.h"
#include "storage/sql_internal.h"

namespace sangkien::storage {

using internal::BindValue;
using internal::Column;
using internal::Query;

namespace {

constexpr const char* kColumns =
    "h.date, h.kind, h.name, h.source, h.status, h.revision, h.create_time, h.update_time";
// The date is the key, so rows never tie on it; paging still needs an
// integer id, and the Julian day number is one.
constexpr std::string_view kShippedKey = "holidays_shipped_loaded";
constexpr const char* kDayNumber = "CAST(julianday(h.date) AS INTEGER)";

calendar::CalendarDay ReadDay(SQLite::Statement& q) {
  calendar::CalendarDay d;
  d.date = internal::DateFromText(q.getColumn(0).getString()).value_or(absl::CivilDay());
  d.kind = static_cast<calendar::HolidayKind>(q.getColumn(1).getInt());
  d.name = q.getColumn(2).getString();
  d.source = q.getColumn(3).getString();
  d.status = q.getColumn(4).getString();
  return d;
}

domain::Holiday ReadHoliday(SQLite::Statement& q) {
  domain::Holiday h;
  h.day = ReadDay(q);
  h.etag = internal::Etag(q.getColumn(5).getInt64());
  h.create_time = internal::FromMicros(q.getColumn(6).getInt64());
  h.update_time = internal::FromMicros(q.getColumn(7).getInt64());
  return h;
}

}  // namespace

const std::vector<domain::FilterField>& HolidayRepository::FilterFields() {
  static const std::vector<domain::FilterField> kFields = {
      {"year", domain::FilterType::kString, false, {}, "", ""},
      {"kind",
       domain::FilterType::kEnum,
       false,
       {"", "DAY_OFF", "MAKEUP_WORKDAY"},
       "HOLIDAY_KIND_",
       ""},
      {"date", domain::FilterType::kDate, true, {}, "", ""},
  };
  return kFields;
}

const std::vector<std::string>& HolidayRepository::OrderFields() {
  static const std::vector<std::string> kFields = {"date"};
  return kFields;
}

absl::Status HolidayRepository::Insert(Connection& c, const calendar::CalendarDay& day,
                                       absl::Time now) {
  Query(c,
        "INSERT INTO holidays (date, kind, name, source, status, revision, create_time, "
        "update_time) VALUES (:date, :kind, :name, :source, :status, 1, :now, :now)")
      .Bind(":date", day.date)
      .Bind(":kind", day.kind)
      .Bind(":name", day.name)
      .Bind(":source", day.source)
      .Bind(":status", day.status)
      .Bind(":now", now)
      .Run();
  return absl::OkStatus();
}

absl::Status HolidayRepository::Update(Connection& c, const calendar::CalendarDay& day,
                                       absl::Time now) {
  int changed = Query(c,
                      "UPDATE holidays SET kind = :kind, name = :name, source = :source, "
                      "status = :status, revision = revision + 1, update_time = :now "
                      "WHERE date = :date")
                    .Bind(":kind", day.kind)
                    .Bind(":name", day.name)
                    .Bind(":source", day.source)
                    .Bind(":status", day.status)
                    .Bind(":now", now)
                    .Bind(":date", day.date)
                    .Run();
  if (changed == 0) return NotFound(domain::HolidayName(day.date));
  return absl::OkStatus();
}

absl::Status HolidayRepository::Delete(Connection& c, absl::CivilDay date) {
  if (Query(c, "DELETE FROM holidays WHERE date = :date").Bind(":date", date).Run() == 0) {
    return NotFound(domain::HolidayName(date));
  }
  return absl::OkStatus();
}

absl::StatusOr<domain::Holiday> HolidayRepository::Get(Connection& c, absl::CivilDay date) {
  Query q(c, absl::StrCat("SELECT ", kColumns, " FROM holidays h WHERE h.date = :date"));
  if (!q.Bind(":date", date).Step()) return NotFound(domain::HolidayName(date));
  return ReadHoliday(q.row());
}

absl::StatusOr<domain::ListPage<domain::Holiday>> HolidayRepository::List(
    Connection& c, const domain::ListQuery& query) {
  internal::SelectBuilder select(
      absl::StrCat("SELECT ", kColumns, ", h.date, ", kDayNumber, " FROM holidays h"));
  select.Filter(query.filter, {{"year", {"substr(h.date, 1, 4)", BindValue::Type::kText}},
                               {"kind", {"h.kind", BindValue::Type::kInt}},
                               {"date", {"h.date", BindValue::Type::kText}}});
  const Column order{"h.date", BindValue::Type::kText};
  select.Page(query, order, kDayNumber);
  Query q(c, select.sql());
  q.BindAll(select.params());
  domain::ListPage<domain::Holiday> page;
  std::string last_sort;
  int64_t last_id = 0;
  while (q.Step()) {
    if (static_cast<int>(page.items.size()) == query.page_size) {
      page.next = domain::PageCursor{last_sort, last_id};
      break;
    }
    page.items.push_back(ReadHoliday(q.row()));
    last_sort = internal::SortValue(q.Column(8), order.type);
    last_id = q.Column(9).getInt64();
  }
  return page;
}

absl::StatusOr<std::vector<calendar::CalendarDay>> HolidayRepository::All(Connection& c) {
  Query q(c, absl::StrCat("SELECT ", kColumns, " FROM holidays h ORDER BY h.date"));
  std::vector<calendar::CalendarDay> out;
  while (q.Step()) out.push_back(ReadDay(q.row()));
  return out;
}

absl::StatusOr<int64_t> HolidayRepository::Count(Connection& c) {
  Query q(c, "SELECT COUNT(*) FROM holidays");
  q.Step();
  return q.Column(0).getInt64();
}

absl::StatusOr<bool> HolidayRepository::ShippedDaysLoaded(Connection& c) {
  return Query(c, "SELECT 1 FROM meta WHERE key = :key").Bind(":key", kShippedKey).Step();
}

absl::Status HolidayRepository::MarkShippedDaysLoaded(Connection& c, absl::Time now) {
  Query(c, "INSERT OR REPLACE INTO meta (key, value) VALUES (:key, :value)")
      .Bind(":key", kShippedKey)
      .BindBlob(":value", absl::FormatTime(absl::RFC3339_sec, now, absl::UTCTimeZone()))
      .Run();
  return absl::OkStatus();
}

}  // namespace sangkien::storage
