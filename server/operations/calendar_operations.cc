#include "operations/calendar_operations.h"

#include <nlohmann/json.hpp>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "calendar/civil_date.h"
#include "domain/field_mask.h"
#include "domain/validation.h"
#include "operations/idempotency_internal.h"
#include "status/errors.h"
#include "status/status_macros.h"
#include "storage/audit_log.h"
#include "storage/holiday_repository.h"

namespace sangkien::operations {

using storage::Connection;
using storage::HolidayRepository;

namespace {

constexpr std::string_view kCreateHoliday = "CreateHoliday";

nlohmann::json DayJson(const calendar::CalendarDay& d) {
  return {{"date", calendar::FormatIsoDate(d.date)},
          {"kind", static_cast<int>(d.kind)},
          {"name", d.name},
          {"source", d.source},
          {"status", d.status}};
}

// nlohmann's objects keep keys sorted, so dump() is canonical.
std::string Digest(const calendar::CalendarDay& day) {
  return storage::StateDigest(DayJson(day).dump());
}
std::string Digest(const std::vector<calendar::CalendarDay>& days) {
  nlohmann::json all = nlohmann::json::array();
  for (const auto& d : days) all.push_back(DayJson(d));
  return storage::StateDigest(all.dump());
}

// The state after a delete: the date, gone.
std::string DeletedDigest(absl::CivilDay date) {
  return storage::StateDigest(
      nlohmann::json{{"date", calendar::FormatIsoDate(date)}, {"deleted", true}}.dump());
}

absl::Status DateTaken(absl::CivilDay date) {
  std::string name = domain::HolidayName(date);
  return MakeError(
      absl::StatusCode::kAlreadyExists, "HOLIDAY_EXISTS",
      absl::StrCat(name, " already exists: update it instead"),
      absl::StrCat("Ngày ", calendar::FormatDate(date), " đã có trong lịch nghỉ: hãy sửa ngày đó"));
}

using DayField = domain::UpdatableField<calendar::CalendarDay>;
using calendar::CalendarDay;

// The fields UpdateHoliday may change, in the API's spelling.
constexpr DayField kDayFields[] = {
    {"kind", [](const CalendarDay& f, CalendarDay& t) { t.kind = f.kind; }},
    {"display_name", [](const CalendarDay& f, CalendarDay& t) { t.name = f.name; }},
    {"source", [](const CalendarDay& f, CalendarDay& t) { t.source = f.source; }},
    {"status", [](const CalendarDay& f, CalendarDay& t) { t.status = f.status; }},
};

// Everything about a day but its date, which the door has parsed; the
// texts are stored in NFC. Refuses with every bad field at once.
absl::Status CheckDay(CalendarDay& day) {
  domain::Violations v;
  if (day.kind != calendar::HolidayKind::kDayOff &&
      day.kind != calendar::HolidayKind::kMakeupWorkday) {
    v.Add("holiday.kind", "is required: DAY_OFF or MAKEUP_WORKDAY",
          "cần chọn loại ngày: ngày nghỉ hoặc ngày làm bù");
  } else if (day.kind == calendar::HolidayKind::kMakeupWorkday && !calendar::IsWeekend(day.date)) {
    v.Add("holiday.kind",
          absl::StrCat(calendar::FormatIsoDate(day.date),
                       " is a weekday, already a working day: a make-up day is a Saturday or "
                       "Sunday"),
          absl::StrCat("Ngày ", calendar::FormatDate(day.date),
                       " đã là ngày làm việc: ngày làm bù phải là thứ Bảy hoặc Chủ nhật"));
  }
  day.name = v.Text("holiday.display_name", day.name, domain::kMaxNameLength, true);
  day.source = v.Text("holiday.source", day.source, domain::kMaxShortTextLength, false);
  day.status = v.Text("holiday.status", day.status, domain::kMaxNameLength, false);
  return v.ToStatus();
}

// `year` is compared as text: only four digits make sense.
absl::Status CheckYearTerms(const domain::ListQuery& query) {
  for (const auto& term : query.filter) {
    if (term.field != "year") continue;
    bool digits = term.value.size() == 4;
    for (char c : term.value) digits = digits && absl::ascii_isdigit(static_cast<unsigned char>(c));
    if (!digits) {
      return InvalidField(
          "filter", absl::StrCat("year takes four digits (year = 2025), got \"", term.value, "\""),
          "year cần bốn chữ số (year = 2025)");
    }
  }
  return absl::OkStatus();
}

}  // namespace

void CheckWorkingDayCount(std::string_view field, int days, domain::Violations& v) {
  if (days < -kMaxWorkingDays || days > kMaxWorkingDays) {
    v.Add(std::string(field),
          absl::StrCat("must be between -", kMaxWorkingDays, " and ", kMaxWorkingDays),
          absl::StrCat("phải nằm trong khoảng -", kMaxWorkingDays, " đến ", kMaxWorkingDays));
  }
}

const domain::ListSpec& CalendarOperations::ListHolidaysSpec() {
  static const domain::ListSpec kSpec{
      &HolidayRepository::FilterFields(), &HolidayRepository::OrderFields(), {"date", false}};
  return kSpec;
}

absl::StatusOr<absl::CivilDay> CalendarOperations::AddWorkingDays(absl::CivilDay date,
                                                                  int days) const {
  domain::Violations v;
  CheckWorkingDayCount("days", days, v);
  SK_RETURN_IF_ERROR(v.ToStatus());
  absl::CivilDay result = Current()->AddWorkingDays(date, days);
  if (result.year() < 1 || result.year() > 9999) {
    return InvalidField("days", "the result falls outside years 1 to 9999",
                        "kết quả nằm ngoài khoảng năm 1 đến 9999");
  }
  return result;
}

CalendarOperations::CalendarOperations(storage::Database& db, calendar::Clock clock)
    : db_(db),
      clock_(std::move(clock)),
      current_(std::make_shared<const calendar::HolidayCalendar>()) {}

std::shared_ptr<const calendar::HolidayCalendar> CalendarOperations::Current() const {
  absl::MutexLock lock(&current_mu_);
  return current_;
}

void CalendarOperations::Publish(std::shared_ptr<const calendar::HolidayCalendar> calendar) {
  absl::MutexLock lock(&current_mu_);
  current_ = std::move(calendar);
}

absl::Status CalendarOperations::Refresh() {
  absl::MutexLock lock(&write_mu_);
  std::vector<calendar::CalendarDay> days;
  SK_RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(days, HolidayRepository::All(c));
    return absl::OkStatus();
  }));
  Publish(std::make_shared<const calendar::HolidayCalendar>(std::move(days)));
  return absl::OkStatus();
}

absl::Status CalendarOperations::WriteAndPublish(absl::FunctionRef<absl::Status(Connection&)> fn) {
  absl::MutexLock lock(&write_mu_);
  std::vector<calendar::CalendarDay> days;
  SK_RETURN_IF_ERROR(db_.Write([&](Connection& c) -> absl::Status {
    SK_RETURN_IF_ERROR(fn(c));
    SK_ASSIGN_OR_RETURN(days, HolidayRepository::All(c));
    return absl::OkStatus();
  }));
  Publish(std::make_shared<const calendar::HolidayCalendar>(std::move(days)));
  return absl::OkStatus();
}

absl::StatusOr<int> CalendarOperations::LoadShippedDays(
    const domain::Caller& caller, const std::vector<calendar::CalendarDay>& days) {
  int inserted = 0;
  SK_RETURN_IF_ERROR(WriteAndPublish([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(bool loaded, HolidayRepository::ShippedDaysLoaded(c));
    if (loaded) return absl::OkStatus();
    absl::Time now = clock_();
    SK_RETURN_IF_ERROR(HolidayRepository::MarkShippedDaysLoaded(c, now));
    SK_ASSIGN_OR_RETURN(int64_t existing, HolidayRepository::Count(c));
    if (existing > 0) return absl::OkStatus();
    for (const calendar::CalendarDay& day : days) {
      SK_RETURN_IF_ERROR(HolidayRepository::Insert(c, day, now));
      ++inserted;
    }
    SK_ASSIGN_OR_RETURN(std::vector<calendar::CalendarDay> stored, HolidayRepository::All(c));
    return storage::AuditLog::Append(c, caller.actor, "holidays", "", Digest(stored), now);
  }));
  return inserted;
}

absl::StatusOr<domain::Holiday> CalendarOperations::GetHoliday(absl::CivilDay date) {
  domain::Holiday holiday;
  SK_RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(holiday, HolidayRepository::Get(c, date));
    return absl::OkStatus();
  }));
  return holiday;
}

absl::StatusOr<domain::ListPage<domain::Holiday>> CalendarOperations::ListHolidays(
    const domain::ListQuery& query) {
  SK_RETURN_IF_ERROR(CheckYearTerms(query));
  domain::ListPage<domain::Holiday> page;
  SK_RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(page, HolidayRepository::List(c, query));
    return absl::OkStatus();
  }));
  return page;
}

absl::StatusOr<domain::Holiday> CalendarOperations::CreateHoliday(
    const domain::Caller& caller, const CreateHolidayCommand& command) {
  CalendarDay day = command.day;
  SK_RETURN_IF_ERROR(CheckDay(day));
  const Idempotency& idempotency = command.idempotency;
  domain::Holiday created;
  SK_RETURN_IF_ERROR(WriteAndPublish([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(auto replay, internal::FindReplay(c, kCreateHoliday, idempotency));
    if (replay) {
      std::string_view date = replay->resource_name;
      date.remove_prefix(std::min(date.size(), std::string_view("holidays/").size()));
      SK_ASSIGN_OR_RETURN(created, HolidayRepository::Get(
                                       c, calendar::ParseIsoDate(date).value_or(absl::CivilDay())));
      return absl::OkStatus();
    }
    if (HolidayRepository::Get(c, day.date).ok()) return DateTaken(day.date);
    absl::Time now = clock_();
    std::string name = domain::HolidayName(day.date);
    SK_RETURN_IF_ERROR(HolidayRepository::Insert(c, day, now));
    SK_RETURN_IF_ERROR(internal::RecordCreate(c, kCreateHoliday, idempotency, name, "", now));
    SK_ASSIGN_OR_RETURN(created, HolidayRepository::Get(c, day.date));
    return storage::AuditLog::Append(c, caller.actor, name, "", Digest(created.day), now);
  }));
  return created;
}

absl::StatusOr<domain::Holiday> CalendarOperations::UpdateHoliday(
    const domain::Caller& caller, const UpdateHolidayCommand& command) {
  // A bad mask is refused before the day is looked up.
  SK_RETURN_IF_ERROR(domain::CheckPaths<CalendarDay>(command.update.paths, kDayFields));
  std::string name = domain::HolidayName(command.date);
  domain::Holiday updated;
  SK_RETURN_IF_ERROR(WriteAndPublish([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(domain::Holiday current, HolidayRepository::Get(c, command.date));
    SK_ASSIGN_OR_RETURN(CalendarDay day,
                        domain::MergeUpdate<CalendarDay>(current.day, current.etag, name,
                                                         command.update, kDayFields));
    SK_RETURN_IF_ERROR(CheckDay(day));
    absl::Time now = clock_();
    SK_RETURN_IF_ERROR(HolidayRepository::Update(c, day, now));
    SK_ASSIGN_OR_RETURN(updated, HolidayRepository::Get(c, command.date));
    return storage::AuditLog::Append(c, caller.actor, name, Digest(current.day),
                                     Digest(updated.day), now);
  }));
  return updated;
}

absl::Status CalendarOperations::DeleteHoliday(const domain::Caller& caller, absl::CivilDay date,
                                               const std::string& expected_etag) {
  return WriteAndPublish([&](Connection& c) -> absl::Status {
    std::string name = domain::HolidayName(date);
    SK_ASSIGN_OR_RETURN(domain::Holiday current, HolidayRepository::Get(c, date));
    if (!expected_etag.empty() && current.etag != expected_etag) return EtagMismatch(name);
    absl::Time now = clock_();
    SK_RETURN_IF_ERROR(HolidayRepository::Delete(c, date));
    return storage::AuditLog::Append(c, caller.actor, name, Digest(current.day),
                                     DeletedDigest(date), now);
  });
}

}  // namespace sangkien::operations
