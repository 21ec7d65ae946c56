// The one airing expansion the server and the kiosk share: rules read in the
// district's time, exceptions, overrides and the window's edges.
#include "calendar/airing_schedule.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "calendar/civil_date.h"

namespace sangkien::calendar {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

absl::Time Local(int y, int m, int d, int hh, int mm = 0) {
  return absl::FromCivil(absl::CivilSecond(y, m, d, hh, mm, 0), DistrictTimeZone());
}

std::string Show(absl::Time t) { return absl::FormatTime("%Y-%m-%d %H:%M", t, DistrictTimeZone()); }

std::vector<std::string> Starts(const std::vector<Occurrence>& airings) {
  std::vector<std::string> out;
  for (const Occurrence& a : airings) out.push_back(Show(a.start_time));
  return out;
}

Series Daily(absl::Time start, absl::Duration length = absl::Minutes(30)) {
  return {start, length, "FREQ=DAILY", {}, {}};
}

TEST(AiringScheduleTest, RulesAreReadOnTheDistrictsWallClock) {
  // 06:00 in the district is 23:00 UTC the day before: BYDAY must count the
  // district's day, not UTC's.
  Series s{Local(2026, 11, 2, 6), absl::Minutes(30), "FREQ=WEEKLY;BYDAY=MO", {}, {}};
  EXPECT_THAT(Starts(ExpandSeries(s, Local(2026, 11, 9, 0), Local(2026, 11, 24, 0))),
              ElementsAre("2026-11-09 06:00", "2026-11-16 06:00", "2026-11-23 06:00"));
}

TEST(AiringScheduleTest, AnUntilInUtcIsComparedInDistrictTime) {
  // UNTIL 2026-11-28 23:30 UTC is 06:30 on the 29th in the district: the
  // 06:00 airing of the 29th is the last one.
  Series s{Local(2026, 11, 27, 6), absl::Minutes(30), "FREQ=DAILY;UNTIL=20261128T233000Z", {}, {}};
  EXPECT_THAT(Starts(ExpandSeries(s, Local(2026, 11, 1, 0), Local(2026, 12, 31, 0))),
              ElementsAre("2026-11-27 06:00", "2026-11-28 06:00", "2026-11-29 06:00"));
}

TEST(AiringScheduleTest, TheWindowIsHalfOpen) {
  Series s = Daily(Local(2026, 11, 1, 6), absl::Hours(1));
  // Ends exactly when the window opens: out. Starts exactly when it closes: out.
  EXPECT_THAT(ExpandSeries(s, Local(2026, 11, 27, 7), Local(2026, 11, 28, 6)), IsEmpty());
  // Still on when the window opens: in.
  EXPECT_THAT(Starts(ExpandSeries(s, Local(2026, 11, 27, 6, 59), Local(2026, 11, 27, 8))),
              ElementsAre("2026-11-27 06:00"));
  EXPECT_THAT(ExpandSeries(s, Local(2026, 11, 28, 0), Local(2026, 11, 27, 0)), IsEmpty());
}

TEST(AiringScheduleTest, AnAiringOfNoLengthCountsWhereItStarts) {
  Series s{Local(2026, 11, 27, 20), absl::ZeroDuration(), "", {}, {}};
  EXPECT_THAT(Starts(ExpandSeries(s, Local(2026, 11, 27, 20), Local(2026, 11, 27, 21))),
              ElementsAre("2026-11-27 20:00"));
  EXPECT_THAT(ExpandSeries(s, Local(2026, 11, 27, 19), Local(2026, 11, 27, 20)), IsEmpty());
}

TEST(AiringScheduleTest, OverridesMoveResizeAndCancel) {
  std::vector<AiringOverride> overrides(3);
  overrides[0].original_start_time = Local(2026, 11, 27, 18);
  overrides[0].start_time = Local(2026, 11, 27, 19);
  overrides[0].note = "Dời giờ vì họp xã";
  overrides[1].original_start_time = Local(2026, 11, 28, 18);
  overrides[1].duration = absl::Hours(1);
  overrides[2].original_start_time = Local(2026, 11, 29, 18);
  overrides[2].cancelled = true;
  Series s = Daily(Local(2026, 11, 1, 18));
  s.overrides = overrides;
  std::vector<Occurrence> a = ExpandSeries(s, Local(2026, 11, 27, 0), Local(2026, 11, 30, 0));
  ASSERT_THAT(Starts(a), ElementsAre("2026-11-27 19:00", "2026-11-28 18:00"));
  EXPECT_EQ(a[0], (Occurrence{Local(2026, 11, 27, 18), Local(2026, 11, 27, 19),
                              Local(2026, 11, 27, 19, 30), true, "Dời giờ vì họp xã"}));
  EXPECT_TRUE(a[1].moved);
  EXPECT_EQ(a[1].start_time, a[1].original_start_time);
  EXPECT_EQ(a[1].end_time, Local(2026, 11, 28, 19));
}

TEST(AiringScheduleTest, AnExdateWinsOverAnOverride) {
  std::vector<absl::Time> exdates = {Local(2026, 11, 27, 18)};
  std::vector<AiringOverride> overrides(1);
  overrides[0].original_start_time = Local(2026, 11, 27, 18);
  overrides[0].start_time = Local(2026, 11, 27, 20);
  Series s = Daily(Local(2026, 11, 1, 18));
  s.exdates = exdates;
  s.overrides = overrides;
  EXPECT_THAT(Starts(ExpandSeries(s, Local(2026, 11, 27, 0), Local(2026, 11, 29, 0))),
              ElementsAre("2026-11-28 18:00"));
  EXPECT_FALSE(IsOccurrence(s, Local(2026, 11, 27, 18)));
}

TEST(AiringScheduleTest, IsOccurrenceIgnoresOverrides) {
  std::vector<AiringOverride> overrides(1);
  overrides[0].original_start_time = Local(2026, 11, 27, 18);
  overrides[0].cancelled = true;
  Series s = Daily(Local(2026, 11, 1, 18));
  s.overrides = overrides;
  EXPECT_TRUE(IsOccurrence(s, Local(2026, 11, 27, 18)));
  EXPECT_FALSE(IsOccurrence(s, Local(2026, 11, 27, 19)));
}

TEST(AiringScheduleTest, RulesItRefusesExpandToNothing) {
  for (const char* bad : {"FREQ=SOMETIMES", "FREQ=MINUTELY", "RRULE:FREQ=DAILY"}) {
    Series s{Local(2026, 11, 1, 6), absl::Minutes(30), bad, {}, {}};
    EXPECT_THAT(ExpandSeries(s, Local(2026, 11, 1, 0), Local(2026, 11, 3, 0)), IsEmpty()) << bad;
    EXPECT_FALSE(IsOccurrence(s, Local(2026, 11, 1, 6))) << bad;
  }
}

TEST(AiringScheduleTest, CheckRruleSaysWhyInBothLanguages) {
  EXPECT_TRUE(CheckRrule("").ok());
  EXPECT_TRUE(CheckRrule("FREQ=HOURLY;INTERVAL=6").ok());
  RruleProblem prefix = CheckRrule("rrule:FREQ=DAILY");
  EXPECT_EQ(prefix.english, "must be the RRULE value without the \"RRULE:\" prefix");
  EXPECT_FALSE(prefix.vietnamese.empty());
  RruleProblem unknown = CheckRrule("FREQ=SOMETIMES");
  EXPECT_EQ(unknown.english,
            "is not an RFC 5545 recurrence rule: \"FREQ=SOMETIMES\" (for example "
            "FREQ=WEEKLY;BYDAY=MO,TH)");
  EXPECT_EQ(CheckRrule(std::string(1001, 'A')).vietnamese, "dài quá 1000 ký tự");
  EXPECT_EQ(CheckRrule("FREQ=MINUTELY").english.rfind("repeats more often than hourly", 0), 0u);
}

}  // namespace
}  // namespace sangkien::calendar
