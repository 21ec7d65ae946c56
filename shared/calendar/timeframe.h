// Timeframes as plans write them ("Quý III/2022", "Thường xuyên; định kỳ
// hàng năm báo cáo … trước ngày 30/11") parsed into due dates.
#ifndef SANGKIEN_SHARED_CALENDAR_TIMEFRAME_H_
#define SANGKIEN_SHARED_CALENDAR_TIMEFRAME_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/time/civil_time.h"

namespace sangkien::calendar {

enum class TimeframeKind {
  kUnspecified = 0,
  kDueDate = 1,
  kMonth = 2,
  kQuarter = 3,
  kHalfYear = 4,
  kYear = 5,
  kOngoing = 6,
  kOngoingPeriodic = 7,
  kConditional = 8,
  kUnparsed = 9,
};

// A day and month that recur every year.
struct AnnualDate {
  int month = 0;
  int day = 0;
  friend bool operator==(const AnnualDate&, const AnnualDate&) = default;
};

struct Timeframe {
  TimeframeKind kind = TimeframeKind::kUnspecified;
  std::string original_text;  // NFC, whitespace collapsed
  std::optional<absl::CivilDay> due_date;    // kDueDate … kYear
  std::optional<absl::CivilDay> start_date;  // kMonth … kYear
  std::vector<AnnualDate> report_dates;      // kOngoingPeriodic
  std::string condition;                     // kConditional
  friend bool operator==(const Timeframe&, const Timeframe&) = default;
};

// Parses a plan's wording. Never fails: an empty text gives kUnspecified and a
// wording it does not understand gives kUnparsed with no dates.
Timeframe ParseTimeframe(std::string_view text);

// The wording people expect on screen: "Quý III/2022", "Năm 2022",
// "Trước ngày 30/06/2022", "Tháng 6/2023", "6 tháng đầu năm 2023",
// "Thường xuyên", "Thường xuyên; báo cáo trước 30/11 hằng năm",
// "Sau khi có quy định, hướng dẫn …" (the condition), or the original text.
std::string DisplayTimeframe(const Timeframe& timeframe);

// "Quý III/2022".
std::string QuarterLabel(int quarter, int year);

// Due dates on or after `from` that the timeframe yields, in order, at most
// `limit`: the single deadline (if not before `from`) or the yearly report
// dates.
std::vector<absl::CivilDay> DueDatesFrom(const Timeframe& timeframe, absl::CivilDay from,
                                         int limit);

}  // namespace sangkien::calendar

#endif  // SANGKIEN_SHARED_CALENDAR_TIMEFRAME_H_
