#include "calendar/civil_date.h"

#include <gtest/gtest.h>

#include "absl/time/clock.h"

namespace sangkien::calendar {
namespace {

TEST(CivilDateTest, DistrictIsSevenHoursAheadOfUtcAllYear) {
  const absl::TimeZone utc = absl::UTCTimeZone();
  for (int month : {1, 7}) {
    const absl::Time noon_utc = absl::FromCivil(absl::CivilSecond(2024, month, 1, 12, 0, 0), utc);
    const absl::TimeZone::CivilInfo info = DistrictTimeZone().At(noon_utc);
    EXPECT_EQ(info.offset, 7 * 3600);
    EXPECT_FALSE(info.is_dst);
    EXPECT_EQ(info.cs, absl::CivilSecond(2024, month, 1, 19, 0, 0));
  }
}

TEST(CivilDateTest, DayChangesAtMidnightInTheDistrict) {
  const absl::TimeZone utc = absl::UTCTimeZone();
  EXPECT_EQ(DayInDistrict(absl::FromCivil(absl::CivilSecond(2022, 12, 31, 16, 59, 59), utc)),
            absl::CivilDay(2022, 12, 31));
  EXPECT_EQ(DayInDistrict(absl::FromCivil(absl::CivilSecond(2022, 12, 31, 17, 0, 0), utc)),
            absl::CivilDay(2023, 1, 1));
}

TEST(CivilDateTest, TodayIsTheDistrictDayOfNow) {
  const absl::CivilDay before = DayInDistrict(absl::Now());
  const absl::CivilDay today = TodayInDistrict();
  const absl::CivilDay after = DayInDistrict(absl::Now());
  EXPECT_LE(before, today);
  EXPECT_LE(today, after);
}

TEST(CivilDateTest, MakeDateAcceptsOnlyRealDates) {
  EXPECT_EQ(MakeDate(2022, 9, 30), absl::CivilDay(2022, 9, 30));
  EXPECT_EQ(MakeDate(2024, 2, 29), absl::CivilDay(2024, 2, 29));
  EXPECT_EQ(MakeDate(2000, 2, 29), absl::CivilDay(2000, 2, 29));
  EXPECT_EQ(MakeDate(2022, 12, 31), absl::CivilDay(2022, 12, 31));
  EXPECT_FALSE(MakeDate(2023, 2, 29));
  EXPECT_FALSE(MakeDate(1900, 2, 29));
  EXPECT_FALSE(MakeDate(2022, 2, 31));
  EXPECT_FALSE(MakeDate(2022, 4, 31));
  EXPECT_FALSE(MakeDate(2022, 0, 10));
  EXPECT_FALSE(MakeDate(2022, 13, 1));
  EXPECT_FALSE(MakeDate(2022, 1, 0));
  EXPECT_FALSE(MakeDate(2022, 1, 32));
  EXPECT_FALSE(MakeDate(2022, -1, -1));
}

TEST(CivilDateTest, FormatsVietnameseAndIsoDates) {
  EXPECT_EQ(FormatDate(absl::CivilDay(2022, 9, 30)), "30/09/2022");
  EXPECT_EQ(FormatDate(absl::CivilDay(2023, 1, 5)), "05/01/2023");
  EXPECT_EQ(FormatIsoDate(absl::CivilDay(2022, 9, 30)), "2022-09-30");
  EXPECT_EQ(FormatIsoDate(absl::CivilDay(2023, 1, 5)), "2023-01-05");
}

TEST(CivilDateTest, ParsesIsoDatesStrictly) {
  EXPECT_EQ(ParseIsoDate("2022-09-30"), absl::CivilDay(2022, 9, 30));
  EXPECT_EQ(ParseIsoDate("2024-02-29"), absl::CivilDay(2024, 2, 29));
  for (const char* bad :
       {"", "2022-9-30", "2022-09-3", "22-09-30", "2022/09/30", "20220930", " 2022-09-30",
        "2022-09-30 ", "2022-02-30", "2023-02-29", "2022-13-01", "2022-00-10", "2022-01-00",
        "2022-0a-10", "+022-09-30", "2022-09-30T00:00"}) {
    SCOPED_TRACE(bad);
    EXPECT_FALSE(ParseIsoDate(bad));
  }
}

TEST(CivilDateTest, IsoRoundTrip) {
  for (absl::CivilDay day = absl::CivilDay(2023, 12, 25); day < absl::CivilDay(2024, 3, 5); ++day) {
    EXPECT_EQ(ParseIsoDate(FormatIsoDate(day)), day);
  }
}

TEST(CivilDateTest, EndOfMonth) {
  EXPECT_EQ(EndOfMonth(2022, 9), absl::CivilDay(2022, 9, 30));
  EXPECT_EQ(EndOfMonth(2022, 12), absl::CivilDay(2022, 12, 31));
  EXPECT_EQ(EndOfMonth(2023, 2), absl::CivilDay(2023, 2, 28));
  EXPECT_EQ(EndOfMonth(2024, 2), absl::CivilDay(2024, 2, 29));
  EXPECT_EQ(EndOfMonth(2022, 1), absl::CivilDay(2022, 1, 31));
  EXPECT_EQ(EndOfMonth(2022, 6), absl::CivilDay(2022, 6, 30));
}

}  // namespace
}  // namespace sangkien::calendar
