#include "calendar/civil_date.h"

#include "absl/strings/str_format.h"
#include "absl/time/clock.h"

namespace sangkien::calendar {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

int DigitsValue(std::string_view s) {
  int value = 0;
  for (char c : s) value = value * 10 + (c - '0');
  return value;
}

}  // namespace

absl::TimeZone DistrictTimeZone() { return absl::FixedTimeZone(7 * 3600); }

absl::CivilDay TodayInDistrict() { return DayInDistrict(absl::Now()); }

absl::CivilDay DayInDistrict(absl::Time t) { return absl::ToCivilDay(t, DistrictTimeZone()); }

std::optional<absl::CivilDay> MakeDate(int year, int month, int day) {
  if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  const absl::CivilDay date(year, month, day);
  if (date.year() != year || date.month() != month || date.day() != day) return std::nullopt;
  return date;
}

std::string FormatDate(absl::CivilDay day) {
  return absl::StrFormat("%02d/%02d/%04d", day.day(), day.month(), day.year());
}

std::string FormatIsoDate(absl::CivilDay day) {
  return absl::StrFormat("%04d-%02d-%02d", day.year(), day.month(), day.day());
}

std::optional<absl::CivilDay> ParseIsoDate(std::string_view s) {
  // Only the exact shape, so that a stored or sent date has one spelling.
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!IsDigit(s[i])) return std::nullopt;
  }
  return MakeDate(DigitsValue(s.substr(0, 4)), DigitsValue(s.substr(5, 2)),
                  DigitsValue(s.substr(8, 2)));
}

absl::CivilDay EndOfMonth(int year, int month) {
  return absl::CivilDay(absl::CivilMonth(year, month) + 1) - 1;
}

}  // namespace sangkien::calendar
