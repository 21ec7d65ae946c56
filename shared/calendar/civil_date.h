// Calendar dates in the district's time zone, written the Vietnamese way.
#ifndef SANGKIEN_SHARED_CALENDAR_CIVIL_DATE_H_
#define SANGKIEN_SHARED_CALENDAR_CIVIL_DATE_H_

#include <optional>
#include <string>
#include <string_view>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"

namespace sangkien::calendar {

// Asia/Ho_Chi_Minh: UTC+7 all year (no daylight saving since 1975), so a fixed
// zone needs no tzdata on the machine.
absl::TimeZone DistrictTimeZone();

// Today in the district.
absl::CivilDay TodayInDistrict();
// The day `t` falls on in the district.
absl::CivilDay DayInDistrict(absl::Time t);

// Builds a day only when y/m/d is a real date (absl::CivilDay normalises 31/2).
std::optional<absl::CivilDay> MakeDate(int year, int month, int day);

// "30/09/2022".
std::string FormatDate(absl::CivilDay day);
// "2022-09-30".
std::string FormatIsoDate(absl::CivilDay day);
// Parses "2022-09-30"; nullopt unless it is a real date.
std::optional<absl::CivilDay> ParseIsoDate(std::string_view s);

// Last day of a month.
absl::CivilDay EndOfMonth(int year, int month);

}  // namespace sangkien::calendar

#endif  // SANGKIEN_SHARED_CALENDAR_CIVIL_DATE_H_
