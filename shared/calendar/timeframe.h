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
  // NFC, whitespace collapsed, without the closing "." (or ";") that ends the
  // plan's sentence: "Quý III/2022." is kept as "Quý III/2022". An ellipsis
  // is kept. Ill-formed UTF-8 is replaced by U+FFFD.
  std::string original_text;
  std::optional<absl::CivilDay> due_date;    // kDueDate … kYear
  std::optional<absl::CivilDay> start_date;  // kMonth … kYear
  std::vector<AnnualDate> report_dates;      // kOngoingPeriodic
  std::string condition;                     // kConditional
  friend bool operator==(const Timeframe&, const Timeframe&) = default;
};

// Parses a plan's wording. Never fails: an empty text gives kUnspecified and a
// wording it does not understand gives kUnparsed with no dates.
//
// Matching ignores case, diacritics (NFC or NFD) and extra spaces, so
// "Quy III/2022" and "QUÝ III/2022" parse too. Understood wordings ([] is
// optional, | separates alternatives; "Hoàn thành" may open the first five):
//   kDueDate    "[trước|trong|vào] [ngày] D/M/YYYY", "Chậm nhất [là] [trước]
//               [ngày] …", "Đến [hết] [ngày] …", "ngày D tháng M năm YYYY";
//               the separator is "/", "-" or ".", the same one twice.
//   kMonth      "[Trong] tháng M/YYYY", "… tháng M-YYYY", "… tháng M năm YYYY".
//   kQuarter    "[Trong] quý|quí I…IV|1…4" then "/YYYY", "-YYYY" or "năm
//               YYYY"; also "Q1/YYYY" … "Q4/YYYY".
//   kHalfYear   "[Trong] 6|sáu tháng đầu|cuối năm YYYY", "Nửa đầu|cuối năm YYYY".
//   kYear       "[Trong] năm YYYY".
//   kOngoing    "Thường xuyên", "Liên tục" and lists of them ("Thường xuyên,
//               liên tục"); also "Hằng năm" / "Hàng năm" / "Định kỳ hằng năm"
//               alone: yearly work with no stated date has no due date to
//               track, so it is ongoing (and displayed as written).
//   kOngoingPeriodic  an optional "Thường xuyên[, liên tục]" and a clause
//               with "báo cáo" and "hằng năm"/"hàng năm"/"mỗi năm", ending
//               "trước|chậm nhất [ngày] D/M [và|, [ngày] D/M …] [hằng năm]"
//               (a trailing "để …" is allowed). Quarterly, monthly or weekly
//               wording anywhere in it is refused rather than read as yearly.
//   kConditional "Sau khi …", "Ngay sau khi …", "Khi …": the condition is the
//               whole wording.
// Two-digit years, years outside 1900–2199, dates that do not exist (31/2)
// and anything else give kUnparsed.
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
// dates from `from`'s year on (29/2 falls on 28/2 in common years). Empty for
// the other kinds.
std::vector<absl::CivilDay> DueDatesFrom(const Timeframe& timeframe, absl::CivilDay from,
                                         int limit);

}  // namespace sangkien::calendar

#endif  // SANGKIEN_SHARED_CALENDAR_TIMEFRAME_H_
