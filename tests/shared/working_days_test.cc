#include "calendar/working_days.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

namespace sangkien::calendar {
namespace {

using ::testing::ElementsAre;
using ::testing::Field;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

using Day = absl::CivilDay;

std::string ShippedCsv() {
  std::ifstream in(SANGKIEN_SOURCE_DIR "/server/seed/data/vn-public-holidays.csv",
                   std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The calendar the product ships.
const HolidayCalendar& Shipped() {
  static const HolidayCalendar* calendar = [] {
    ParsedHolidayCsv parsed = ParseHolidayCsv(ShippedCsv());
    return new HolidayCalendar(std::move(parsed.calendar));
  }();
  return *calendar;
}

// Walks one day at a time: what AddWorkingDays must agree with.
Day NaiveAdd(const HolidayCalendar& calendar, Day day, int n) {
  int step = n < 0 ? -1 : 1;
  for (int left = n < 0 ? -n : n; left > 0;) {
    day += step;
    if (calendar.IsWorkingDay(day)) --left;
  }
  return day;
}

TEST(WorkingDaysTest, TheShippedCsvParsesWithoutErrors) {
  std::string text = ShippedCsv();
  ASSERT_FALSE(text.empty()) << "server/seed/data/vn-public-holidays.csv is missing";
  ParsedHolidayCsv parsed = ParseHolidayCsv(text);
  EXPECT_THAT(parsed.errors, IsEmpty());
  // One row per line after the header.
  int lines = 0;
  for (char c : text) lines += c == '\n';
  EXPECT_EQ(parsed.calendar.days().size(), static_cast<size_t>(lines - 1));
  int makeup = 0;
  for (const CalendarDay& d : parsed.calendar.days()) {
    SCOPED_TRACE(d.name);
    EXPECT_GE(d.date.year(), 2022);
    EXPECT_LE(d.date.year(), 2027);
    EXPECT_FALSE(d.source.empty());
    EXPECT_FALSE(d.status.empty());
    if (d.kind == HolidayKind::kMakeupWorkday) ++makeup;
  }
  EXPECT_EQ(makeup, 4);
  // Every year from 2022 to 2027 has New Year, Tết, 30/4, 1/5 and 2/9.
  for (int year = 2022; year <= 2027; ++year) {
    SCOPED_TRACE(year);
    for (Day d : {Day(year, 4, 30), Day(year, 5, 1), Day(year, 9, 2)}) {
      ASSERT_NE(Shipped().Find(d), nullptr) << d;
      EXPECT_EQ(Shipped().Find(d)->kind, HolidayKind::kDayOff);
    }
  }
  const CalendarDay* tet = Shipped().Find(Day(2025, 1, 29));
  ASSERT_NE(tet, nullptr);
  EXPECT_EQ(tet->name, "Tết Nguyên đán Ất Tỵ");
  EXPECT_EQ(tet->status, "announced");
  EXPECT_EQ(Shipped().Find(Day(2025, 3, 12)), nullptr);
}

TEST(WorkingDaysTest, The2027RowsFollowTheLabourCode) {
  // Tết Đinh Mùi: mùng 1 is Saturday 6/2/2027. The last day of the old year
  // and mùng 1–4 are off; mùng 1 and 2 fall on the weekend and are taken on
  // Wednesday 10/2 and Thursday 11/2.
  for (Day d = Day(2027, 2, 5); d <= Day(2027, 2, 11); ++d) {
    EXPECT_FALSE(Shipped().IsWorkingDay(d)) << d;
  }
  EXPECT_TRUE(Shipped().IsWorkingDay(Day(2027, 2, 4)));
  EXPECT_TRUE(Shipped().IsWorkingDay(Day(2027, 2, 12)));
  EXPECT_EQ(Shipped().Find(Day(2027, 2, 10))->status, "computed");
  // Giỗ Tổ on 10/3 lunar is Friday 16/4/2027.
  EXPECT_FALSE(Shipped().IsWorkingDay(Day(2027, 4, 16)));
  // 1/5/2027 is a Saturday: taken on Monday 3/5.
  EXPECT_FALSE(Shipped().IsWorkingDay(Day(2027, 5, 3)));
  EXPECT_TRUE(Shipped().IsWorkingDay(Day(2027, 5, 4)));
}

TEST(WorkingDaysTest, WithoutNamedDaysMondayToFridayWork) {
  const HolidayCalendar empty;
  EXPECT_TRUE(empty.IsWorkingDay(Day(2025, 3, 7)));   // Friday
  EXPECT_FALSE(empty.IsWorkingDay(Day(2025, 3, 8)));  // Saturday
  EXPECT_FALSE(empty.IsWorkingDay(Day(2025, 3, 9)));  // Sunday
  EXPECT_TRUE(empty.IsWorkingDay(Day(2025, 3, 10)));  // Monday
  EXPECT_EQ(empty.AddWorkingDays(Day(2025, 1, 24), 1), Day(2025, 1, 27));
}

TEST(WorkingDaysTest, AcrossAWeekend) {
  // Friday + 1 is Monday; Thursday + 5 is the next Thursday.
  EXPECT_EQ(Shipped().AddWorkingDays(Day(2025, 3, 7), 1), Day(2025, 3, 10));
  EXPECT_EQ(Shipped().AddWorkingDays(Day(2025, 3, 6), 5), Day(2025, 3, 13));
  EXPECT_EQ(Shipped().WorkingDaysBetween(Day(2025, 3, 7), Day(2025, 3, 10)), 1);
  EXPECT_EQ(Shipped().WorkingDaysBetween(Day(2025, 3, 7), Day(2025, 3, 9)), 0);
}

TEST(WorkingDaysTest, TheStartDayIsNeverCounted) {
  // Submitted on a Saturday: Monday is the first working day.
  EXPECT_EQ(Shipped().AddWorkingDays(Day(2025, 3, 8), 1), Day(2025, 3, 10));
  EXPECT_EQ(Shipped().AddWorkingDays(Day(2025, 3, 9), 7), Day(2025, 3, 18));
  // Submitted on a working day: the count starts the day after.
  EXPECT_EQ(Shipped().AddWorkingDays(Day(2025, 3, 10), 7), Day(2025, 3, 19));
  // Zero days: the day itself, working or not.
  EXPECT_EQ(Shipped().AddWorkingDays(Day(2025, 3, 8), 0), Day(2025, 3, 8));
  EXPECT_EQ(Shipped().AddWorkingDays(Day(2025, 3, 10), 0), Day(2025, 3, 10));
  // Backwards: the working days before, the day itself again not counted.
  EXPECT_EQ(Shipped().AddWorkingDays(Day(2025, 3, 10), -1), Day(2025, 3, 7));
  EXPECT_EQ(Shipped().AddWorkingDays(Day(2025, 3, 9), -1), Day(2025, 3, 7));
  EXPECT_EQ(Shipped().WorkingDaysBetween(Day(2025, 3, 10), Day(2025, 3, 7)), -1);
  EXPECT_EQ(Shipped().WorkingDaysBetween(Day(2025, 3, 10), Day(2025, 3, 10)), 0);
}

TEST(WorkingDaysTest, AcrossTet2023) {
  // Off Friday 20/1 to Thursday 26/1/2023.
  EXPECT_EQ(Shipped().AddWorkingDays(Day(2023, 1, 19), 1), Day(2023, 1, 27));
  // Submitted Wednesday 18/1: decision due within 7 working days.
  EXPECT_EQ(Shipped().AddWorkingDays(Day(2023, 1, 18), 7), Day(2023, 2, 3));
  EXPECT_EQ(Shipped().WorkingDaysBetween(Day(2023, 1, 18), Day(2023, 2, 3)), 7);
  EXPECT_EQ(Shipped().WorkingDaysBetween(Day(2023, 1, 19), Day(2023, 1, 29)), 1);
}

TEST(WorkingDaysTest, AcrossTet2024) {
  // Off Thursday 8/2 to Wednesday 14/2/2024.
  EXPECT_EQ(Shipped().AddWorkingDays(Day(2024, 2, 7), 7), Day(2024, 2, 23));
  EXPECT_EQ(Shipped().AddWorkingDays(Day(2024, 2, 7), 1), Day(2024, 2, 15));
  EXPECT_EQ(Shipped().AddWorkingDays(Day(2024, 2, 15), -1), Day(2024, 2, 7));
}

TEST(WorkingDaysTest, AcrossTet2025) {
  // Off Saturday 25/1 to Sunday 2/2/2025: nine days, five of them weekdays.
  for (Day d = Day(2025, 1, 25); d <= Day(2025, 2, 2); ++d) {
    EXPECT_FALSE(Shipped().IsWorkingDay(d)) << d;
  }
  // A pilot ending Friday 24/1: completion report within 5 working days.
  EXPECT_EQ(Shipped().AddWorkingDays(Day(2025, 1, 24), 5), Day(2025, 2, 7));
  // A report on Monday 3/2: evaluation within 7 working days.
  EXPECT_EQ(Shipped().AddWorkingDays(Day(2025, 2, 3), 7), Day(2025, 2, 12));
  EXPECT_EQ(Shipped().WorkingDaysBetween(Day(2025, 1, 24), Day(2025, 2, 3)), 1);
  // Submitted during the break (on mùng 1): the count starts on 3/2.
  EXPECT_EQ(Shipped().AddWorkingDays(Day(2025, 1, 29), 1), Day(2025, 2, 3));
}

TEST(WorkingDaysTest, AHolidayOnAWeekendIsTakenOnTheDaysTheCsvGives) {
  // 2/9/2023 was a Saturday: Friday 1/9 and Monday 4/9 were off instead.
  EXPECT_FALSE(Shipped().IsWorkingDay(Day(2023, 9, 1)));
  EXPECT_FALSE(Shipped().IsWorkingDay(Day(2023, 9, 2)));
  EXPECT_FALSE(Shipped().IsWorkingDay(Day(2023, 9, 4)));
  EXPECT_TRUE(Shipped().IsWorkingDay(Day(2023, 9, 5)));
  EXPECT_EQ(Shipped().AddWorkingDays(Day(2023, 8, 31), 1), Day(2023, 9, 5));
  EXPECT_EQ(Shipped().WorkingDaysBetween(Day(2023, 8, 31), Day(2023, 9, 8)), 4);
  // A calendar that only knew 2/9 itself would lose nothing to it.
  const HolidayCalendar only_the_day(
      {{Day(2023, 9, 2), HolidayKind::kDayOff, "Quốc khánh", "", ""}});
  EXPECT_EQ(only_the_day.AddWorkingDays(Day(2023, 8, 31), 1), Day(2023, 9, 1));
  EXPECT_EQ(only_the_day.WorkingDaysBetween(Day(2023, 8, 31), Day(2023, 9, 8)), 6);
  // 1/1/2023 was a Sunday: Monday 2/1 was off.
  EXPECT_EQ(Shipped().AddWorkingDays(Day(2022, 12, 30), 1), Day(2023, 1, 3));
}

TEST(WorkingDaysTest, AMakeUpSaturdayIsAWorkingDay) {
  // Saturday 26/4/2025 was worked to make up for Friday 2/5.
  EXPECT_TRUE(Shipped().IsWorkingDay(Day(2025, 4, 26)));
  EXPECT_FALSE(Shipped().IsWorkingDay(Day(2025, 5, 2)));
  EXPECT_EQ(Shipped().AddWorkingDays(Day(2025, 4, 25), 1), Day(2025, 4, 26));
  EXPECT_EQ(Shipped().AddWorkingDays(Day(2025, 4, 24), 3), Day(2025, 4, 28));
  EXPECT_EQ(Shipped().WorkingDaysBetween(Day(2025, 4, 25), Day(2025, 4, 28)), 2);
  // Off from Wednesday 30/4 to Sunday 4/5.
  EXPECT_EQ(Shipped().AddWorkingDays(Day(2025, 4, 29), 1), Day(2025, 5, 5));
  EXPECT_TRUE(Shipped().IsWorkingDay(Day(2024, 5, 4)));
  EXPECT_TRUE(Shipped().IsWorkingDay(Day(2026, 1, 10)));
  EXPECT_TRUE(Shipped().IsWorkingDay(Day(2026, 8, 22)));
  EXPECT_FALSE(Shipped().IsWorkingDay(Day(2026, 8, 29)));  // an ordinary Saturday off
}

TEST(WorkingDaysTest, AddingAndCountingAgreeEverywhere) {
  const HolidayCalendar& calendar = Shipped();
  for (Day start = Day(2021, 12, 1); start <= Day(2028, 1, 31); start += 3) {
    for (int n : {-40, -12, -7, -5, -1, 0, 1, 2, 5, 7, 11, 12, 23, 40}) {
      SCOPED_TRACE(testing::Message() << start << " + " << n);
      Day end = calendar.AddWorkingDays(start, n);
      ASSERT_EQ(end, NaiveAdd(calendar, start, n));
      ASSERT_EQ(calendar.WorkingDaysBetween(start, end), n);
      if (n != 0) {
        ASSERT_TRUE(calendar.IsWorkingDay(end));
      }
    }
  }
  // Long spans jump whole weeks; the answer is the same as walking.
  for (int n : {250, 1000, 1501, -250, -1501}) {
    Day end = calendar.AddWorkingDays(Day(2022, 1, 1), n);
    EXPECT_EQ(end, NaiveAdd(calendar, Day(2022, 1, 1), n)) << n;
    EXPECT_EQ(calendar.WorkingDaysBetween(Day(2022, 1, 1), end), n);
  }
}

TEST(WorkingDaysTest, ManyMakeUpDaysStillGiveTheRightDay) {
  // Every weekend of 2030 worked: the week jumps overshoot and the walk
  // takes over.
  std::vector<CalendarDay> days;
  for (Day d = Day(2030, 1, 1); d <= Day(2030, 12, 31); ++d) {
    if (IsWeekend(d)) days.push_back({d, HolidayKind::kMakeupWorkday, "làm bù", "", ""});
  }
  const HolidayCalendar calendar(std::move(days));
  EXPECT_EQ(calendar.AddWorkingDays(Day(2030, 1, 1), 100), Day(2030, 4, 11));
  EXPECT_EQ(calendar.AddWorkingDays(Day(2030, 1, 1), 100),
            NaiveAdd(calendar, Day(2030, 1, 1), 100));
}

TEST(WorkingDaysTest, TheLaterOfTwoDaysForOneDateWins) {
  const HolidayCalendar calendar({{Day(2025, 3, 8), HolidayKind::kDayOff, "a", "", ""},
                                  {Day(2025, 3, 8), HolidayKind::kMakeupWorkday, "b", "", ""}});
  ASSERT_EQ(calendar.days().size(), 1u);
  EXPECT_EQ(calendar.days()[0].name, "b");
  EXPECT_TRUE(calendar.IsWorkingDay(Day(2025, 3, 8)));
}

TEST(ParseHolidayCsvTest, ReadsQuotesCrLfAndAByteOrderMark) {
  ParsedHolidayCsv parsed = ParseHolidayCsv(
      "\xEF\xBB\xBF"
      "date,kind,name,source,status\r\n"
      "2025-01-01,off,Tết Dương lịch,https://example.vn/a,announced\r\n"
      "\r\n"
      "2025-04-26,makeup_workday,\"Làm bù, thứ Bảy \"\"26/4\"\"\",,\"computed, unverified\"\r\n"
      "2025-09-01,off,\"Quốc khánh\nvà ngày liền kề\",s,announced");
  EXPECT_THAT(parsed.errors, IsEmpty());
  ASSERT_EQ(parsed.calendar.days().size(), 3u);
  const auto& days = parsed.calendar.days();
  EXPECT_EQ(days[0], (CalendarDay{Day(2025, 1, 1), HolidayKind::kDayOff, "Tết Dương lịch",
                                  "https://example.vn/a", "announced"}));
  EXPECT_EQ(days[1], (CalendarDay{Day(2025, 4, 26), HolidayKind::kMakeupWorkday,
                                  "Làm bù, thứ Bảy \"26/4\"", "", "computed, unverified"}));
  EXPECT_EQ(days[2].name, "Quốc khánh và ngày liền kề");
}

TEST(ParseHolidayCsvTest, NamesTheLineOfEachBadRowAndKeepsTheRest) {
  ParsedHolidayCsv parsed = ParseHolidayCsv(
      "date,kind,name,source,status\n"
      "2025-01-01,off,Tết Dương lịch,s,announced\n"     // 2 ok
      "2025-02-30,off,Không có ngày này,s,announced\n"  // 3 not a date
      "01/05/2025,off,Quốc tế Lao động,s,announced\n"   // 4 wrong spelling
      "2025-05-01,holiday,Quốc tế Lao động,s,a\n"       // 5 unknown kind
      "2025-05-05,makeup_workday,Thứ Hai,s,a\n"         // 6 make-up on a Monday
      "2025-09-02,off,,s,a\n"                           // 7 no name
      "2025-09-02,off,Quốc khánh\n"                     // 8 too few fields
      "2025-01-01,off,Lặp lại,s,a\n"                    // 9 repeated date
      "2025-09-02,off,Quốc khánh,s,announced\n");       // 10 ok
  EXPECT_THAT(parsed.errors, ElementsAre(Field(&CsvRowError::line, 3), Field(&CsvRowError::line, 4),
                                         Field(&CsvRowError::line, 5), Field(&CsvRowError::line, 6),
                                         Field(&CsvRowError::line, 7), Field(&CsvRowError::line, 8),
                                         Field(&CsvRowError::line, 9)));
  EXPECT_THAT(parsed.errors[2].message, HasSubstr("holiday"));
  EXPECT_THAT(parsed.errors[3].message, HasSubstr("Saturday or Sunday"));
  EXPECT_THAT(parsed.errors[6].message, HasSubstr("line 2"));
  ASSERT_EQ(parsed.calendar.days().size(), 2u);
  EXPECT_EQ(parsed.calendar.days()[0].name, "Tết Dương lịch");
  EXPECT_EQ(parsed.calendar.days()[1].date, Day(2025, 9, 2));
}

TEST(ParseHolidayCsvTest, RefusesAFileWithoutTheHeader) {
  ParsedHolidayCsv parsed = ParseHolidayCsv("2025-01-01,off,Tết Dương lịch,s,announced\n");
  ASSERT_EQ(parsed.errors.size(), 1u);
  EXPECT_EQ(parsed.errors[0].line, 1);
  EXPECT_TRUE(parsed.calendar.days().empty());
  EXPECT_EQ(ParseHolidayCsv("").errors.size(), 1u);
}

TEST(ParseHolidayCsvTest, ReportsAnUnclosedQuote) {
  ParsedHolidayCsv parsed =
      ParseHolidayCsv("date,kind,name,source,status\n2025-01-01,off,\"Tết,s,announced\n");
  EXPECT_THAT(parsed.errors, Not(IsEmpty()));
  EXPECT_EQ(parsed.errors[0].line, 2);
}

}  // namespace
}  // namespace sangkien::calendar
