// How a timeframe reads on screen (dd/mm/yyyy, "Quý III/2022") and which due
// dates it gives from a day on. Parsing lives in timeframe.cc.
#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "calendar/civil_date.h"
#include "calendar/timeframe.h"
#include "text/vietnamese.h"

namespace sangkien::calendar {
namespace {

std::string AnnualDateText(const AnnualDate& date) {
  return absl::StrFormat("%02d/%02d", date.day, date.month);
}

}  // namespace

std::string QuarterLabel(int quarter, int year) {
  static constexpr const char* kRoman[] = {"I", "II", "III", "IV"};
  if (quarter < 1 || quarter > 4) return absl::StrCat("Quý ", quarter, "/", year);
  return absl::StrCat("Quý ", kRoman[quarter - 1], "/", year);
}

std::string DisplayTimeframe(const Timeframe& tf) {
  switch (tf.kind) {
    case TimeframeKind::kDueDate:
      if (tf.due_date) return absl::StrCat("Trước ngày ", FormatDate(*tf.due_date));
      break;
    case TimeframeKind::kMonth:
      if (tf.due_date)
        return absl::StrCat("Tháng ", tf.due_date->month(), "/", tf.due_date->year());
      break;
    case TimeframeKind::kQuarter:
      if (tf.due_date) {
        return QuarterLabel((tf.due_date->month() + 2) / 3, static_cast<int>(tf.due_date->year()));
      }
      break;
    case TimeframeKind::kHalfYear:
      if (tf.due_date) {
        return absl::StrCat(tf.due_date->month() <= 6 ? "6 tháng đầu năm " : "6 tháng cuối năm ",
                            tf.due_date->year());
      }
      break;
    case TimeframeKind::kYear:
      if (tf.due_date) return absl::StrCat("Năm ", tf.due_date->year());
      break;
    case TimeframeKind::kOngoing:
      // "Hằng năm" stays as written: calling it "Thường xuyên" would change
      // what the plan says.
      if (tf.original_text.empty() ||
          text::FoldForSearch(tf.original_text).find("thuong xuyen") != std::string::npos) {
        return "Thường xuyên";
      }
      break;
    case TimeframeKind::kOngoingPeriodic:
      if (!tf.report_dates.empty()) {
        std::string dates;
        for (size_t i = 0; i < tf.report_dates.size(); ++i) {
          if (i > 0) dates += i + 1 == tf.report_dates.size() ? " và " : ", ";
          dates += AnnualDateText(tf.report_dates[i]);
        }
        return absl::StrCat("Thường xuyên; báo cáo trước ", dates, " hằng năm");
      }
      break;
    case TimeframeKind::kConditional:
      if (!tf.condition.empty()) return tf.condition;
      break;
    case TimeframeKind::kUnspecified:
    case TimeframeKind::kUnparsed:
      break;
  }
  return tf.original_text;
}

std::vector<absl::CivilDay> DueDatesFrom(const Timeframe& tf, absl::CivilDay from, int limit) {
  std::vector<absl::CivilDay> out;
  if (limit <= 0) return out;
  switch (tf.kind) {
    case TimeframeKind::kDueDate:
    case TimeframeKind::kMonth:
    case TimeframeKind::kQuarter:
    case TimeframeKind::kHalfYear:
    case TimeframeKind::kYear:
      if (tf.due_date && *tf.due_date >= from) out.push_back(*tf.due_date);
      return out;
    case TimeframeKind::kOngoingPeriodic:
      break;
    default:
      return out;
  }
  std::vector<AnnualDate> dates;
  for (const AnnualDate& d : tf.report_dates) {
    if (MakeDate(2000, d.month, d.day)) dates.push_back(d);
  }
  if (dates.empty()) return out;
  std::sort(dates.begin(), dates.end(), [](const AnnualDate& a, const AnnualDate& b) {
    return a.month != b.month ? a.month < b.month : a.day < b.day;
  });
  // Every year yields at least one date, so this ends after limit + 1 years.
  for (auto year = from.year(); static_cast<int>(out.size()) < limit; ++year) {
    for (const AnnualDate& d : dates) {
      // 29/2 falls on 28/2 in common years; a list holding both gives one date.
      std::optional<absl::CivilDay> day = MakeDate(static_cast<int>(year), d.month, d.day);
      if (!day) day = EndOfMonth(static_cast<int>(year), d.month);
      if (*day < from || (!out.empty() && out.back() == *day)) continue;
      out.push_back(*day);
      if (static_cast<int>(out.size()) == limit) break;
    }
  }
  return out;
}

}  // namespace sangkien::calendar
