#include "domain/assignment_rules.h"

#include <algorithm>

namespace sangkien::domain {

std::vector<AssignmentSeed> ExpandAssignments(
    const Task& task, const std::function<std::vector<int64_t>(int64_t group_id)>& members) {
  std::vector<AssignmentSeed> out;
  auto add = [&](int64_t unit_id, AssignmentRole role, int64_t via_group) {
    for (auto& existing : out) {
      if (existing.unit_id != unit_id) continue;
      if (existing.role == AssignmentRole::kLead && role == AssignmentRole::kCoordinate) return;
      if (existing.role == role) {
        if (via_group == 0) existing.via_group_id = 0;  // named directly wins
        return;
      }
      if (existing.role == AssignmentRole::kCoordinate && role == AssignmentRole::kLead) {
        existing = {unit_id, role, via_group};
        return;
      }
    }
    out.push_back({unit_id, role, via_group});
  };
  auto expand = [&](const std::vector<UnitRef>& refs, AssignmentRole role) {
    for (const UnitRef& ref : refs) {
      if (ref.id == 0) continue;
      if (ref.kind == UnitRef::Kind::kUnit) {
        add(ref.id, role, 0);
      } else {
        for (int64_t unit_id : members(ref.id)) add(unit_id, role, ref.id);
      }
    }
  };
  expand(task.lead_units, AssignmentRole::kLead);
  expand(task.coordinating_units, AssignmentRole::kCoordinate);
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
