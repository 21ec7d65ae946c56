#include "domain/airing_schedule.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "calendar/civil_date.h"

namespace sangkien::domain {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// A time in the district (UTC+7).
absl::Time Local(int y, int m, int d, int hh, int mm = 0) {
  return absl::FromCivil(absl::CivilSecond(y, m, d, hh, mm, 0), calendar::DistrictTimeZone());
}

std::string Show(absl::Time t) {
  return absl::FormatTime("%Y-%m-%d %H:%M", t, calendar::DistrictTimeZone());
}

std::vector<std::string> Starts(const std::vector<Airing>& airings) {
  std::vector<std::string> out;
  for (const Airing& a : airings) out.push_back(Show(a.start_time));
  return out;
}

Broadcast Programme(absl::Time start, const std::string& rrule,
                    absl::Duration duration = absl::Minutes(30)) {
  Broadcast b;
  b.id = 7;
  b.station_unit_id = 3;
  b.title = "Bản tin thời sự xã";
  b.start_time = start;
  b.duration = duration;
  b.rrule = rrule;
  return b;
}

TEST(CheckRruleTest, AcceptsRfc5545Rules) {
  for (const char* ok :
       {"", "FREQ=DAILY", "FREQ=WEEKLY;BYDAY=MO,TH", "FREQ=MONTHLY;BYDAY=-1FR",
        "FREQ=YEARLY;COUNT=3", "FREQ=DAILY;UNTIL=20270101T000000Z", "FREQ=HOURLY;INTERVAL=6"}) {
    EXPECT_TRUE(CheckRrule(ok).ok()) << ok << ": " << CheckRrule(ok).english;
  }
}

TEST(CheckRruleTest, RefusesWhatLibicalCannotParse) {
  for (const char* bad : {"FREQ=SOMETIMES", "BYDAY=MO", "hằng ngày", "FREQ=DAILY;INTERVAL=x",
                          "RRULE:FREQ=DAILY", "FREQ=MINUTELY"}) {
    RruleProblem p = CheckRrule(bad);
    EXPECT_FALSE(p.ok()) << bad;
    EXPECT_FALSE(p.vietnamese.empty()) << bad;
  }
}

TEST(ExpandAiringsTest, DailyAtSixInTheMorningLocalTime) {
  Broadcast b = Programme(Local(2026, 11, 1, 6), "FREQ=DAILY");
  std::vector<Airing> a = ExpandAirings(b, Local(2026, 11, 27, 0), Local(2026, 11, 30, 0));
  EXPECT_THAT(Starts(a), ElementsAre("2026-11-27 06:00", "2026-11-28 06:00", "2026-11-29 06:00"));
  EXPECT_EQ(a[0].end_time - a[0].start_time, absl::Minutes(30));
  EXPECT_EQ(a[0].original_start_time, a[0].start_time);
  EXPECT_FALSE(a[0].moved);
  EXPECT_EQ(a[0].broadcast_id, 7);
  EXPECT_EQ(a[0].station_unit_id, 3);
  EXPECT_EQ(a[0].title, "Bản tin thời sự xã");
}

TEST(ExpandAiringsTest, WeeklyOnMondaysAndThursdays) {
  // 2026-11-02 is a Monday; 06:00 local is still the previous day in UTC, so
  // the days must be counted in the district's zone.
  Broadcast b = Programme(Local(2026, 11, 2, 6), "FREQ=WEEKLY;BYDAY=MO,TH");
  std::vector<Airing> a = ExpandAirings(b, Local(2026, 11, 23, 0), Local(2026, 12, 7, 0));
  EXPECT_THAT(Starts(a), ElementsAre("2026-11-23 06:00", "2026-11-26 06:00", "2026-11-30 06:00",
                                     "2026-12-03 06:00"));
}

TEST(ExpandAiringsTest, MonthlyOnTheLastFriday) {
  Broadcast b = Programme(Local(2026, 1, 30, 19, 30), "FREQ=MONTHLY;BYDAY=-1FR");
  std::vector<Airing> a = ExpandAirings(b, Local(2026, 10, 1, 0), Local(2027, 3, 1, 0));
  EXPECT_THAT(Starts(a), ElementsAre("2026-10-30 19:30", "2026-11-27 19:30", "2026-12-25 19:30",
                                     "2027-01-29 19:30", "2027-02-26 19:30"));
}

TEST(ExpandAiringsTest, ExdatesAreLeftOut) {
  Broadcast b = Programme(Local(2026, 11, 1, 18), "FREQ=DAILY");
  b.exdates = {Local(2026, 11, 28, 18), Local(2026, 11, 29, 6) /* not an airing: no effect */};
  std::vector<Airing> a = ExpandAirings(b, Local(2026, 11, 27, 0), Local(2026, 11, 30, 0));
  EXPECT_THAT(Starts(a), ElementsAre("2026-11-27 18:00", "2026-11-29 18:00"));
  EXPECT_FALSE(IsOccurrence(b, Local(2026, 11, 28, 18)));
  EXPECT_TRUE(IsOccurrence(b, Local(2026, 11, 29, 18)));
  EXPECT_FALSE(IsOccurrence(b, Local(2026, 11, 29, 18, 5)));
  EXPECT_FALSE(IsOccurrence(b, Local(2026, 10, 31, 18)));  // before the first airing
}

TEST(ExpandAiringsTest, MovedAndCancelledOverrides) {
  Broadcast b = Programme(Local(2026, 11, 1, 18), "FREQ=DAILY");
  AiringOverride moved;
  moved.original_start_time = Local(2026, 11, 27, 18);
  moved.start_time = Local(2026, 11, 27, 19);
  moved.note = "Dời sang 19:00 do lịch họp";
  AiringOverride longer;
  longer.original_start_time = Local(2026, 11, 28, 18);
  longer.duration = absl::Hours(1);
  AiringOverride cancelled;
  cancelled.original_start_time = Local(2026, 11, 29, 18);
  cancelled.cancelled = true;
  b.overrides = {moved, longer, cancelled};
  std::vector<Airing> a = ExpandAirings(b, Local(2026, 11, 27, 0), Local(2026, 11, 30, 0));
  ASSERT_THAT(Starts(a), ElementsAre("2026-11-27 19:00", "2026-11-28 18:00"));
  EXPECT_TRUE(a[0].moved);
  EXPECT_EQ(a[0].original_start_time, Local(2026, 11, 27, 18));
  EXPECT_EQ(a[0].end_time, Local(2026, 11, 27, 19, 30));
  EXPECT_EQ(a[0].note, "Dời sang 19:00 do lịch họp");
  EXPECT_TRUE(a[1].moved);
  EXPECT_EQ(a[1].end_time, Local(2026, 11, 28, 19));
}

TEST(ExpandAiringsTest, AnAiringMovedIntoTheWindowFromOutsideIsIncluded) {
  Broadcast b = Programme(Local(2026, 11, 1, 18), "FREQ=WEEKLY");  // Sundays
  AiringOverride moved;
  moved.original_start_time = Local(2026, 12, 6, 18);
  moved.start_time = Local(2026, 11, 28, 18);
  b.overrides = {moved};
  std::vector<Airing> a = ExpandAirings(b, Local(2026, 11, 28, 0), Local(2026, 11, 29, 0));
  EXPECT_THAT(Starts(a), ElementsAre("2026-11-28 18:00"));
  EXPECT_THAT(ExpandAirings(b, Local(2026, 12, 6, 0), Local(2026, 12, 7, 0)), IsEmpty());
}

TEST(ExpandAiringsTest, AcrossTheYearEnd) {
  Broadcast b = Programme(Local(2026, 12, 1, 23, 30), "FREQ=DAILY", absl::Hours(1));
  std::vector<Airing> a = ExpandAirings(b, Local(2026, 12, 31, 12), Local(2027, 1, 2, 0));
  EXPECT_THAT(Starts(a), ElementsAre("2026-12-31 23:30", "2027-01-01 23:30"));
  // The 30/12 airing ends at 00:30 on 31/12: inside a window from midnight.
  EXPECT_THAT(Starts(ExpandAirings(b, Local(2026, 12, 31, 0), Local(2026, 12, 31, 1))),
              ElementsAre("2026-12-30 23:30"));
  EXPECT_EQ(Show(a[0].end_time), "2027-01-01 00:30");
}

TEST(ExpandAiringsTest, AnAiringStartedBeforeTheWindowAndStillOnIsIncluded) {
  Broadcast b = Programme(Local(2026, 11, 1, 6), "FREQ=DAILY", absl::Hours(1));
  std::vector<Airing> a = ExpandAirings(b, Local(2026, 11, 27, 6, 30), Local(2026, 11, 28, 0));
  EXPECT_THAT(Starts(a), ElementsAre("2026-11-27 06:00"));
  // One that ended exactly at the window's start is not.
  EXPECT_THAT(ExpandAirings(b, Local(2026, 11, 27, 7), Local(2026, 11, 28, 0)), IsEmpty());
}

TEST(ExpandAiringsTest, OnceWithoutRruleAndCountLimits) {
  Broadcast once = Programme(Local(2026, 11, 27, 20), "");
  EXPECT_THAT(Starts(ExpandAirings(once, Local(2026, 11, 1, 0), Local(2026, 12, 1, 0))),
              ElementsAre("2026-11-27 20:00"));
  EXPECT_TRUE(IsOccurrence(once, Local(2026, 11, 27, 20)));
  Broadcast three = Programme(Local(2026, 11, 26, 20), "FREQ=DAILY;COUNT=3");
  EXPECT_THAT(Starts(ExpandAirings(three, Local(2026, 11, 1, 0), Local(2026, 12, 31, 0))),
              ElementsAre("2026-11-26 20:00", "2026-11-27 20:00", "2026-11-28 20:00"));
}

TEST(ExpandAiringsTest, SeveralBroadcastsMergeByStart) {
  Broadcast morning = Programme(Local(2026, 11, 1, 6), "FREQ=DAILY");
  Broadcast evening = Programme(Local(2026, 11, 1, 18), "FREQ=DAILY");
  evening.id = 8;
  std::vector<Airing> a =
      ExpandAirings({evening, morning}, Local(2026, 11, 27, 0), Local(2026, 11, 28, 12));
  EXPECT_THAT(Starts(a), ElementsAre("2026-11-27 06:00", "2026-11-27 18:00", "2026-11-28 06:00"));
}

}  // namespace
}  // namespace sangkien::domain
