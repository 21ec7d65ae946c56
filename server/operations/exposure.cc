#include "operations/exposure.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "calendar/timeframe.h"
#include "domain/proposal_rules.h"
#include "domain/validation.h"
#include "status/status_macros.h"
#include "storage/change_log.h"
#include "storage/plan_repository.h"
#include "storage/search_index.h"
#include "storage/unit_repository.h"

namespace sangkien::operations::internal {

using storage::ChangeLog;
using storage::Connection;
using storage::PlanRepository;
using storage::SearchAudience;
using storage::SearchDocument;
using storage::SearchIndex;
using storage::SearchKind;

namespace {

// Joins the non-empty parts with newlines.
std::string Lines(std::initializer_list<std::string_view> parts) {
  std::vector<std::string> kept;
  for (auto p : parts) {
    if (!p.empty()) kept.emplace_back(p);
  }
  return absl::StrJoin(kept, "\n");
}

std::string UnitNames(const std::vector<domain::UnitRef>& refs) {
  std::vector<std::string> names;
  for (const auto& r : refs) names.push_back(r.display_name);
  return absl::StrJoin(names, ", ");
}

// The visible state of a plan: deleted plans are gone for everyone, drafts
// exist only for internal roles.
struct PlanVisibility {
  bool deleted = false;
  bool published = false;
};

absl::StatusOr<PlanVisibility> VisibilityOf(Connection& c, int64_t plan_id) {
  SK_ASSIGN_OR_RETURN(domain::Plan plan, PlanRepository::GetPlan(c, plan_id, true, true));
  return PlanVisibility{plan.delete_time.has_value(), plan.state == domain::PlanState::kPublished};
}

absl::Status Record(Connection& c, const std::string& name, const PlanVisibility& v,
                    absl::Time now) {
  return ChangeLog::Record(c, name, v.deleted, v.published && !v.deleted, now);
}

absl::Status IndexUnderPlan(Connection& c, const std::string& name, const PlanVisibility& v,
                            SearchDocument doc) {
  if (v.deleted) return SearchIndex::Remove(c, name);
  doc.audience = v.published ? SearchAudience::kEveryone : SearchAudience::kInternal;
  return SearchIndex::Replace(c, name, {std::move(doc)});
}

absl::Status ExposeTaskAs(Connection& c, const domain::Task& task, const PlanVisibility& v,
                          absl::Time now) {
  std::string name = domain::TaskName(task.plan_id, task.id);
  SK_RETURN_IF_ERROR(Record(c, name, v, now));
  SearchDocument doc;
  doc.kind = SearchKind::kTask;
  doc.parent = domain::PlanName(task.plan_id);
  doc.title = task.number.empty() ? task.title : absl::StrCat(task.number, ". ", task.title);
  doc.body = Lines({task.body, UnitNames(task.lead_units), UnitNames(task.coordinating_units),
                    calendar::DisplayTimeframe(task.timeframe)});
  SK_RETURN_IF_ERROR(IndexUnderPlan(c, name, v, std::move(doc)));
  SK_ASSIGN_OR_RETURN(auto assignments, PlanRepository::AssignmentsOfTask(c, task.id));
  for (const auto& a : assignments) {
    SK_RETURN_IF_ERROR(Record(c, domain::AssignmentName(a.plan_id, a.task_id, a.id), v, now));
  }
  return absl::OkStatus();
}

std::string ProposalText(const domain::Proposal& p) {
  const auto& k = p.contents;
  std::string text = Lines({p.unit_display_name, p.proposer_display_name, k.bottleneck, k.necessity,
                            k.solutions, k.scope, k.implementers, k.resources, k.feasibility,
                            k.positive_impact, k.negative_impact, k.expected_results});
  if (p.appraisal) text = Lines({text, p.appraisal->notes});
  if (p.decision) text = Lines({text, p.decision->deliberation, p.decision->override_statement});
  return text;
}

}  // namespace

absl::Status ExposePlanTree(Connection& c, int64_t plan_id, absl::Time now) {
  SK_ASSIGN_OR_RETURN(domain::Plan plan, PlanRepository::GetPlan(c, plan_id, true, true));
  PlanVisibility v{plan.delete_time.has_value(), plan.state == domain::PlanState::kPublished};
  std::string name = domain::PlanName(plan_id);
  SK_RETURN_IF_ERROR(Record(c, name, v, now));
  SearchDocument doc;
  doc.kind = SearchKind::kPlan;
  doc.title = plan.title;
  std::vector<std::string> parts = {plan.symbol, plan.issuer, plan.preamble};
  for (const auto& s : plan.sections) {
    parts.push_back(s.heading);
    parts.push_back(s.body);
  }
  std::erase_if(parts, [](const std::string& s) { return s.empty(); });
  doc.body = absl::StrJoin(parts, "\n");
  SK_RETURN_IF_ERROR(IndexUnderPlan(c, name, v, std::move(doc)));

  SK_ASSIGN_OR_RETURN(auto tasks, PlanRepository::TasksOfPlan(c, plan_id));
  for (const auto& task : tasks) {
    SK_RETURN_IF_ERROR(ExposeTaskAs(c, task, v, now));
    SK_ASSIGN_OR_RETURN(auto reports, PlanRepository::ReportIdsOfTask(c, task.id));
    for (int64_t r : reports) {
      SK_RETURN_IF_ERROR(Record(c, domain::ProgressReportName(plan_id, task.id, r), v, now));
    }
  }
  return absl::OkStatus();
}

absl::Status ExposeTask(Connection& c, int64_t plan_id, int64_t task_id, absl::Time now) {
  SK_ASSIGN_OR_RETURN(PlanVisibility v, VisibilityOf(c, plan_id));
  SK_ASSIGN_OR_RETURN(domain::Task task, PlanRepository::GetTask(c, plan_id, task_id, true));
  return ExposeTaskAs(c, task, v, now);
}

absl::Status ExposeReport(Connection& c, int64_t plan_id, int64_t task_id, int64_t report_id,
                          absl::Time now) {
  // A report moves the task's status and progress and its unit's
  // assignments; the task's text, and so its search document, stay as they
  // were.
  SK_ASSIGN_OR_RETURN(PlanVisibility v, VisibilityOf(c, plan_id));
  SK_RETURN_IF_ERROR(Record(c, domain::TaskName(plan_id, task_id), v, now));
  SK_ASSIGN_OR_RETURN(domain::ProgressReport report, PlanRepository::GetReport(c, report_id));
  SK_ASSIGN_OR_RETURN(auto assignments, PlanRepository::AssignmentsOfTask(c, task_id));
  for (const auto& a : assignments) {
    if (a.unit_id != report.unit_id) continue;
    SK_RETURN_IF_ERROR(Record(c, domain::AssignmentName(a.plan_id, a.task_id, a.id), v, now));
  }
  return Record(c, domain::ProgressReportName(plan_id, task_id, report_id), v, now);
}

absl::Status ExposeUnit(Connection& c, const domain::Unit& unit, absl::Time now) {
  std::string name = domain::UnitName(unit.id);
  SK_RETURN_IF_ERROR(ChangeLog::Record(c, name, false, true, now));
  SearchDocument doc;
  doc.kind = SearchKind::kUnit;
  doc.title = unit.display_name;
  std::vector<std::string> parts = {unit.short_name};
  parts.insert(parts.end(), unit.aliases.begin(), unit.aliases.end());
  std::erase_if(parts, [](const std::string& s) { return s.empty(); });
  doc.body = absl::StrJoin(parts, "\n");
  SK_RETURN_IF_ERROR(SearchIndex::Replace(c, name, {std::move(doc)}));
  // Joining a group gives the unit that group's assignments.
  SK_ASSIGN_OR_RETURN(auto plans, PlanRepository::PlansAssigningUnit(c, unit.id));
  for (int64_t plan_id : plans) {
    SK_ASSIGN_OR_RETURN(PlanVisibility v, VisibilityOf(c, plan_id));
    SK_ASSIGN_OR_RETURN(auto tasks, PlanRepository::TasksOfPlan(c, plan_id));
    for (const auto& task : tasks) {
      SK_ASSIGN_OR_RETURN(auto assignments, PlanRepository::AssignmentsOfTask(c, task.id));
      for (const auto& a : assignments) {
        if (a.unit_id != unit.id) continue;
        SK_RETURN_IF_ERROR(Record(c, domain::AssignmentName(a.plan_id, a.task_id, a.id), v, now));
      }
    }
  }
  return absl::OkStatus();
}

absl::Status ExposeUnitGroup(Connection& c, int64_t group_id, absl::Time now) {
  return ChangeLog::Record(c, domain::UnitGroupName(group_id), false, true, now);
}

absl::Status ExposeProposal(Connection& c, const domain::Proposal& proposal, absl::Time now) {
  std::string name = absl::StrCat("proposals/", proposal.id);
  bool is_public = domain::IsPublicState(proposal.state);
  SK_RETURN_IF_ERROR(ChangeLog::Record(c, name, false, is_public, now));
  SearchDocument whole;
  whole.kind = SearchKind::kProposal;
  whole.title = proposal.title;
  whole.body = ProposalText(proposal);
  if (!is_public) {
    whole.audience = SearchAudience::kInternal;
    return SearchIndex::Replace(c, name, {std::move(whole)});
  }
  domain::Proposal redacted = proposal;
  domain::RedactForPublic(redacted);
  SearchDocument seen = whole;
  seen.body = ProposalText(redacted);
  if (seen.body == whole.body) {
    whole.audience = SearchAudience::kEveryone;
    return SearchIndex::Replace(c, name, {std::move(whole)});
  }
  seen.audience = SearchAudience::kPublicView;
  whole.audience = SearchAudience::kInternal;
  return SearchIndex::Replace(c, name, {std::move(seen), std::move(whole)});
}

}  // namespace sangkien::operations::internal
