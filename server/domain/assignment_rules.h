// How tasks become assignments and when an assignment is next due.
#ifndef SANGKIEN_SERVER_DOMAIN_ASSIGNMENT_RULES_H_
#define SANGKIEN_SERVER_DOMAIN_ASSIGNMENT_RULES_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "absl/time/civil_time.h"
#include "calendar/timeframe.h"
#include "domain/plan.h"
#include "domain/task.h"

namespace sangkien::domain {

struct AssignmentSeed {
  int64_t unit_id = 0;
  AssignmentRole role = AssignmentRole::kUnspecified;
  int64_t via_group_id = 0;
  friend bool operator==(const AssignmentSeed&, const AssignmentSeed&) = default;
};

// One assignment per unit: a unit named directly takes the role the plan
// names it in (lead when named in both); groups expand to the members not
// named directly, a member of both a lead and a coordinating group leading.
// Unresolved refs (id 0) are skipped.
std::vector<AssignmentSeed> ExpandAssignments(
    const Task& task, const std::function<std::vector<int64_t>(int64_t group_id)>& members);

// The day due dates are counted from: the plan's issue date, else the latest
// date of the documents it implements (it cannot predate them), else
// `fallback` (the day it was stored).
absl::CivilDay PlanAnchor(const Plan& plan, absl::CivilDay fallback);

// What a unit has answered on an assignment.
struct ReportHistory {
  std::vector<absl::CivilDay> covered_due_dates;  // due dates answered by a report
  bool completed = false;                         // a 100 % report was filed
};

// The earliest due date on or after `anchor` that the unit has not answered:
// a one-off deadline stays due until a 100 % report; each yearly report date
// is answered by any report that covers it. nullopt when nothing is due.
std::optional<absl::CivilDay> NextDueDate(const calendar::Timeframe& timeframe,
                                          absl::CivilDay anchor, const ReportHistory& history);

// Which due date a new report answers: the assignment's next due date.
// Exposed for symmetry with NextDueDate so both are tested together.
inline std::optional<absl::CivilDay> DueDateAnsweredBy(
    const std::optional<absl::CivilDay>& next_due_date) {
  return next_due_date;
}

// The status a task starts in, given its timeframe.
TaskStatus InitialTaskStatus(const calendar::Timeframe& timeframe);

}  // namespace sangkien::domain

#endif  // SANGKIEN_SERVER_DOMAIN_ASSIGNMENT_RULES_H_
