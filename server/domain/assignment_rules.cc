#include "domain/assignment_rules.h"

#include <algorithm>

namespace sangkien::domain {

std::vector<AssignmentSeed> ExpandAssignments(
    const Task& task, const std::function<std::vector<int64_t>(int64_t group_id)>& members) {
  std::vector<AssignmentSeed> out;
  auto find = [&](int64_t unit_id) -> AssignmentSeed* {
    for (auto& s : out) {
      if (s.unit_id == unit_id) return &s;
    }
    return nullptr;
  };
  // Units the plan names directly take the role it names them in ("Phòng Nội
  // vụ" coordinating 4.2 stays a coordinator although its group leads 4.2);
  // named in both roles, they lead.
  for (const auto* refs : {&task.lead_units, &task.coordinating_units}) {
    AssignmentRole role =
        refs == &task.lead_units ? AssignmentRole::kLead : AssignmentRole::kCoordinate;
    for (const UnitRef& ref : *refs) {
      if (ref.id == 0 || ref.kind != UnitRef::Kind::kUnit || find(ref.id) != nullptr) continue;
      out.push_back({ref.id, role, 0});
    }
  }
  // Then groups, for members not named directly; a member of a lead group
  // and of a coordinating group leads.
  for (const auto* refs : {&task.lead_units, &task.coordinating_units}) {
    AssignmentRole role =
        refs == &task.lead_units ? AssignmentRole::kLead : AssignmentRole::kCoordinate;
    for (const UnitRef& ref : *refs) {
      if (ref.id == 0 || ref.kind != UnitRef::Kind::kGroup) continue;
      for (int64_t unit_id : members(ref.id)) {
        if (find(unit_id) == nullptr) out.push_back({unit_id, role, ref.id});
      }
    }
  }
  return out;
}

absl::CivilDay PlanAnchor(const Plan& plan, absl::CivilDay fallback) {
  if (plan.issue_date) return *plan.issue_date;
  std::optional<absl::CivilDay> latest;
  for (const DocumentRef& ref : plan.basis) {
    if (ref.issue_date && (!latest || *ref.issue_date > *latest)) latest = ref.issue_date;
  }
  return latest ? *latest : fallback;
}

std::optional<absl::CivilDay> NextDueDate(const calendar::Timeframe& timeframe,
                                          absl::CivilDay anchor, const ReportHistory& history) {
  using calendar::TimeframeKind;
  switch (timeframe.kind) {
    case TimeframeKind::kDueDate:
    case TimeframeKind::kMonth:
    case TimeframeKind::kQuarter:
    case TimeframeKind::kHalfYear:
    case TimeframeKind::kYear:
      // A deadline is due until the work is reported done, even when the plan
      // was stored after the deadline passed.
      if (history.completed || !timeframe.due_date) return std::nullopt;
      return timeframe.due_date;
    case TimeframeKind::kOngoingPeriodic: {
      // Walk the yearly dates from the anchor; a century is far beyond any
      // plan's life, and each step is cheap.
      constexpr int kMaxOccurrences = 400;
      for (absl::CivilDay d : calendar::DueDatesFrom(timeframe, anchor, kMaxOccurrences)) {
        if (std::find(history.covered_due_dates.begin(), history.covered_due_dates.end(), d) ==
            history.covered_due_dates.end()) {
          return d;
        }
      }
      return std::nullopt;
    }
    default:
      return std::nullopt;
  }
}

TaskStatus InitialTaskStatus(const calendar::Timeframe& timeframe) {
  using calendar::TimeframeKind;
  switch (timeframe.kind) {
    case TimeframeKind::kOngoing:
    case TimeframeKind::kOngoingPeriodic:
      return TaskStatus::kOngoing;
    case TimeframeKind::kConditional:
      return TaskStatus::kWaiting;
    default:
      return TaskStatus::kNotStarted;
  }
}

}  // namespace sangkien::domain
