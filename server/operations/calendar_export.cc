#include "operations/calendar_export.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "calendar/civil_date.h"
#include "domain/icalendar_export.h"
#include "domain/validation.h"
#include "status/status_macros.h"
#include "text/vietnamese.h"

namespace sangkien::operations {
namespace {

// "lich-phat-thanh-tan-lap.ics" from "lich-phat-thanh" and "UBND xã Tân Lập".
std::string FileName(const std::string& prefix, const std::string& unit_name) {
  std::string folded = text::FoldForSearch(unit_name);
  for (const char* drop : {"ubnd ", "uy ban nhan dan "}) {
    if (absl::StartsWith(folded, drop)) folded = folded.substr(std::string(drop).size());
  }
  for (const char* drop : {"xa ", "thi tran ", "phuong "}) {
    if (absl::StartsWith(folded, drop)) folded = folded.substr(std::string(drop).size());
  }
  std::string out = prefix;
  bool pending_dash = true;
  for (char c : folded) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      if (pending_dash) out += '-';
      out += c;
      pending_dash = false;
    } else {
      pending_dash = true;
    }
  }
  return out + ".ics";
}

}  // namespace

absl::StatusOr<CalendarFile> ExportStationCalendar(PublicityOperations& publicity,
                                                   DirectoryOperations& directory,
                                                   int64_t station_unit_id) {
  SK_ASSIGN_OR_RETURN(domain::Unit unit, directory.GetUnit(station_unit_id));
  SK_ASSIGN_OR_RETURN(auto broadcasts, publicity.PublishedBroadcasts(station_unit_id));
  CalendarFile out;
  out.file_name = FileName("lich-phat-thanh", unit.display_name);
  out.data = domain::BroadcastsToICalendar(
      broadcasts, absl::StrCat("Lịch phát thanh — ", unit.display_name), publicity.Now());
  return out;
}

absl::StatusOr<CalendarFile> ExportUnitCalendar(PlanOperations& plans,
                                                DirectoryOperations& directory, int64_t unit_id,
                                                absl::Time now) {
  SK_ASSIGN_OR_RETURN(domain::Unit unit, directory.GetUnit(unit_id));
  domain::Caller reader;  // the public: published plans only
  domain::ListQuery query;
  query.order = {"next_due_date", false};
  query.page_size = domain::kMaxPageSize;
  query.filter = {{"unit", domain::FilterOp::kEq, "", unit_id}};
  std::vector<domain::DeadlineEvent> events;
  absl::CivilDay today = calendar::DayInDistrict(now);
  for (int pages = 0; pages < 100; ++pages) {
    SK_ASSIGN_OR_RETURN(auto page, plans.ListAssignments(reader, 0, 0, query, today));
    for (const domain::Assignment& a : page.items) {
      std::string name = domain::AssignmentName(a.plan_id, a.task_id, a.id);
      std::string summary = absl::StrCat("Nhiệm vụ ", a.task_number, ": ", a.task_title);
      std::string description =
          absl::StrCat(a.role == domain::AssignmentRole::kLead ? "Chủ trì" : "Phối hợp",
                       ". Thời gian thực hiện: ", a.timeframe.original_text, "\n",
                       domain::TaskName(a.plan_id, a.task_id));
      if (!a.timeframe.report_dates.empty()) {
        // Yearly from the year of the next report (this year's when none is
        // pending).
        int year = a.next_due_date ? static_cast<int>(a.next_due_date->year())
                                   : static_cast<int>(today.year());
        for (const calendar::AnnualDate& d : a.timeframe.report_dates) {
          auto date = calendar::MakeDate(year, d.month, d.day);
          if (!date) continue;
          events.push_back({absl::StrCat(name, "/report-", d.month, "-", d.day),
                            absl::StrCat("Báo cáo: ", summary), description, *date, true});
        }
      } else if (a.next_due_date) {
        events.push_back(
            {name, absl::StrCat("Hạn: ", summary), description, *a.next_due_date, false});
      }
    }
    if (!page.next) break;
    query.after = page.next;
  }
  CalendarFile out;
  out.file_name = FileName("han-nhiem-vu", unit.display_name);
  out.data =
      domain::DeadlinesToICalendar(events, absl::StrCat("Hạn nhiệm vụ — ", unit.display_name), now);
  return out;
}

}  // namespace sangkien::operations
