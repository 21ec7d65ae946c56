#include "operations/plan_operations.h"

#include <algorithm>
#include <map>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "calendar/civil_date.h"
#include "domain/assignment_rules.h"
#include "domain/validation.h"
#include "operations/audit_digest.h"
#include "operations/exposure.h"
#include "operations/idempotency_internal.h"
#include "operations/plan_rules.h"
#include "status/errors.h"
#include "status/status_macros.h"
#include "storage/audit_log.h"
#include "storage/plan_repository.h"
#include "storage/unit_repository.h"

namespace sangkien::operations {

using storage::Connection;
using storage::PlanRepository;
using storage::UnitRepository;

namespace {

constexpr std::string_view kCreatePlan = "CreatePlan";
constexpr std::string_view kCreateReport = "CreateProgressReport";

absl::Status CheckRefsExist(Connection& c, const std::vector<domain::Task>& tasks) {
  for (size_t i = 0; i < tasks.size(); ++i) {
    for (const auto* refs : {&tasks[i].lead_units, &tasks[i].coordinating_units}) {
      for (const auto& ref : *refs) {
        bool exists = ref.kind == domain::UnitRef::Kind::kUnit
                          ? UnitRepository::Get(c, ref.id).ok()
                          : UnitRepository::GetGroup(c, ref.id).ok();
        if (!exists) {
          std::string name = ref.kind == domain::UnitRef::Kind::kUnit
                                 ? domain::UnitName(ref.id)
                                 : domain::UnitGroupName(ref.id);
          std::string field =
              absl::StrCat("tasks[", i, "].",
                           refs == &tasks[i].lead_units ? "lead_units" : "coordinating_units");
          return InvalidField(field, absl::StrCat(name, " does not exist"),
                              absl::StrCat("Không có ", name));
        }
      }
    }
  }
  return absl::OkStatus();
}

// A task's new timeframe gives each of its assignments a new next due date,
// counted from the plan's anchor and the unit's reports so far.
absl::Status MoveDueDates(Connection& c, const domain::Task& task) {
  SK_ASSIGN_OR_RETURN(domain::Plan plan, PlanRepository::GetPlan(c, task.plan_id));
  absl::CivilDay anchor = domain::PlanAnchor(plan, calendar::DayInDistrict(plan.create_time));
  SK_ASSIGN_OR_RETURN(auto assignments, PlanRepository::AssignmentsOfTask(c, task.id));
  for (const auto& a : assignments) {
    SK_ASSIGN_OR_RETURN(auto history, PlanRepository::History(c, task.id, a.unit_id));
    SK_RETURN_IF_ERROR(PlanRepository::SetAssignmentDue(
        c, a.id, domain::NextDueDate(task.timeframe, anchor, history)));
  }
  return absl::OkStatus();
}

// "plans/1/tasks/2/progressReports/3" → 3; 0 for any other shape.
int64_t ReportIdOf(std::string_view name) {
  constexpr std::string_view kReports = "/progressReports/";
  auto pos = name.find(kReports);
  int64_t id = 0;
  if (pos != std::string_view::npos)
    (void)absl::SimpleAtoi(std::string(name.substr(pos + kReports.size())), &id);
  return id;
}

// Lead units decide a one-off task's status and progress: in progress after
// the first report, completed when every lead has reported 100 %.
void FollowLeadReports(domain::Task& task, const std::vector<domain::Assignment>& assignments) {
  if (task.status == domain::TaskStatus::kCancelled) return;
  int leads = 0, done = 0, min_progress = 100;
  for (const auto& a : assignments) {
    if (a.role != domain::AssignmentRole::kLead) continue;
    ++leads;
    min_progress = std::min(min_progress, a.progress_percent);
    if (a.progress_percent >= 100) ++done;
  }
  if (leads == 0) return;
  task.progress_percent = min_progress;
  bool one_off = task.status == domain::TaskStatus::kNotStarted ||
                 task.status == domain::TaskStatus::kInProgress ||
                 task.status == domain::TaskStatus::kCompleted;
  if (!one_off) return;
  task.status = done == leads ? domain::TaskStatus::kCompleted : domain::TaskStatus::kInProgress;
}

}  // namespace

absl::StatusOr<std::vector<domain::Task>> PlanOperations::TasksOf(Connection& c, int64_t plan_id) {
  std::vector<domain::Task> tasks;
  domain::ListQuery q;
  q.page_size = domain::kMaxPageSize;
  q.order = {"position", false};
  for (;;) {
    SK_ASSIGN_OR_RETURN(auto page, PlanRepository::ListTasks(c, plan_id, q));
    for (auto& t : page.items) tasks.push_back(std::move(t));
    if (!page.next) break;
    q.after = page.next;
  }
  return tasks;
}

const domain::ListSpec& PlanOperations::ListPlansSpec() {
  static const domain::ListSpec kSpec{&PlanRepository::PlanFilterFields(),
                                      &PlanRepository::PlanOrderFields(),
                                      {"issue_date", true}};
  return kSpec;
}

const domain::ListSpec& PlanOperations::ListTasksSpec() {
  static const domain::ListSpec kSpec{
      &PlanRepository::TaskFilterFields(), &PlanRepository::TaskOrderFields(), {"position", false}};
  return kSpec;
}

const domain::ListSpec& PlanOperations::ListAssignmentsSpec() {
  static const domain::ListSpec kSpec{&PlanRepository::AssignmentFilterFields(),
                                      &PlanRepository::AssignmentOrderFields(),
                                      {"next_due_date", false}};
  return kSpec;
}

// Reports come newest first and sort no other way.
const domain::ListSpec& PlanOperations::ListReportsSpec() {
  static const domain::ListSpec kSpec{&PlanRepository::ReportFilterFields(), nullptr, {"id", true}};
  return kSpec;
}

absl::CivilDay PlanOperations::Today() const { return calendar::DayInDistrict(clock_()); }

absl::StatusOr<domain::Plan> PlanOperations::GetPlan(const domain::Caller& caller, int64_t id,
                                                     bool show_deleted) {
  domain::Plan plan;
  SK_RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    // Deleted plans are kept for the record, not for the public.
    bool internal = caller.sees_internal_plans();
    SK_ASSIGN_OR_RETURN(plan, PlanRepository::GetPlan(c, id, show_deleted && internal, internal));
    return absl::OkStatus();
  }));
  return plan;
}

absl::StatusOr<domain::ListPage<domain::Plan>> PlanOperations::ListPlans(
    const domain::Caller& caller, const domain::ListQuery& query) {
  domain::ListPage<domain::Plan> page;
  SK_RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(page, PlanRepository::ListPlans(c, query, caller.sees_internal_plans()));
    return absl::OkStatus();
  }));
  return page;
}

absl::Status PlanOperations::InsertPlanAndTasks(Connection& c, domain::Plan& plan,
                                                std::vector<domain::Task>& tasks, absl::Time now) {
  SK_RETURN_IF_ERROR(CheckRefsExist(c, tasks));
  if (plan.state == domain::PlanState::kUnspecified) plan.state = domain::PlanState::kDraft;
  SK_ASSIGN_OR_RETURN(plan.id, PlanRepository::InsertPlan(c, plan, now));
  absl::CivilDay anchor = domain::PlanAnchor(plan, calendar::DayInDistrict(now));
  std::map<int64_t, std::vector<int64_t>> members_cache;
  auto members = [&](int64_t group_id) -> std::vector<int64_t> {
    auto it = members_cache.find(group_id);
    if (it != members_cache.end()) return it->second;
    auto m = UnitRepository::GroupMembers(c, group_id);
    return members_cache[group_id] = m.ok() ? *m : std::vector<int64_t>{};
  };
  int position = 0;
  for (domain::Task& task : tasks) {
    task.plan_id = plan.id;
    task.position = ++position;
    if (task.status == domain::TaskStatus::kUnspecified) {
      task.status = domain::InitialTaskStatus(task.timeframe);
    }
    SK_ASSIGN_OR_RETURN(task.id, PlanRepository::InsertTask(c, task, now));
    auto due = domain::NextDueDate(task.timeframe, anchor, {});
    for (const auto& seed : domain::ExpandAssignments(task, members)) {
      SK_RETURN_IF_ERROR(PlanRepository::InsertAssignment(c, plan.id, task.id, seed, due));
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<PlanWithTasks> PlanOperations::CreatePlan(const domain::Caller& caller,
                                                         const CreatePlanCommand& command,
                                                         const Idempotency& idempotency) {
  domain::Violations v;
  v.RequestId("request_id", caller.actor.request_id);
  CreatePlanCommand checked = internal::CheckNewPlan(v, command);
  SK_RETURN_IF_ERROR(v.ToStatus());
  domain::Plan& plan = checked.plan;
  PlanWithTasks result;
  SK_RETURN_IF_ERROR(db_.Write([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(auto replay, internal::FindReplay(c, kCreatePlan, idempotency));
    absl::Time now = clock_();
    if (!replay) {
      SK_RETURN_IF_ERROR(InsertPlanAndTasks(c, plan, checked.tasks, now));
      SK_RETURN_IF_ERROR(
          internal::RecordCreate(c, kCreatePlan, idempotency, domain::PlanName(plan.id), "", now));
      SK_RETURN_IF_ERROR(internal::ExposePlanTree(c, plan.id, now));
    } else {
      plan.id = domain::ParseCollectionId(replay->resource_name, "plans").value_or(0);
    }
    SK_ASSIGN_OR_RETURN(result.plan, PlanRepository::GetPlan(c, plan.id, /*show_deleted=*/true));
    SK_ASSIGN_OR_RETURN(result.tasks, TasksOf(c, plan.id));
    if (replay) return absl::OkStatus();
    return storage::AuditLog::Append(c, caller.actor, domain::PlanName(plan.id), "",
                                     Digest(result.plan), now);
  }));
  return result;
}

absl::StatusOr<domain::Plan> PlanOperations::UpdatePlan(const domain::Caller& caller,
                                                        const UpdatePlanCommand& command) {
  const auto fields = internal::PlanUpdatableFields();
  // A mask that names nothing changeable is refused before the plan is read.
  SK_RETURN_IF_ERROR(domain::CheckPaths(command.update.paths, fields));
  const int64_t id = command.plan_id;
  const std::string name = domain::PlanName(id);
  domain::Plan updated;
  SK_RETURN_IF_ERROR(db_.Write([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(domain::Plan current,
                        PlanRepository::GetPlan(c, id, false, caller.sees_internal_plans()));
    SK_ASSIGN_OR_RETURN(domain::Plan merged,
                        domain::MergeUpdate(current, current.etag, name, command.update, fields));
    domain::Violations v;
    domain::Plan plan = internal::CheckPlan(v, merged, "plan.");
    SK_RETURN_IF_ERROR(v.ToStatus());
    absl::Time now = clock_();
    SK_RETURN_IF_ERROR(PlanRepository::UpdatePlan(c, plan, now));
    SK_RETURN_IF_ERROR(internal::ExposePlanTree(c, id, now));
    SK_ASSIGN_OR_RETURN(updated, PlanRepository::GetPlan(c, id));
    return storage::AuditLog::Append(c, caller.actor, name, Digest(current), Digest(updated), now);
  }));
  return updated;
}

absl::StatusOr<domain::Plan> PlanOperations::DeletePlan(const domain::Caller& caller,
                                                        const DeletePlanCommand& command) {
  const int64_t id = command.plan_id;
  domain::Plan deleted;
  SK_RETURN_IF_ERROR(db_.Write([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(domain::Plan current, PlanRepository::GetPlan(c, id));
    if (!command.etag.empty() && current.etag != command.etag) {
      return EtagMismatch(domain::PlanName(id));
    }
    absl::Time now = clock_();
    SK_RETURN_IF_ERROR(PlanRepository::SoftDeletePlan(c, id, now));
    SK_RETURN_IF_ERROR(internal::ExposePlanTree(c, id, now));
    SK_ASSIGN_OR_RETURN(deleted, PlanRepository::GetPlan(c, id, /*show_deleted=*/true));
    return storage::AuditLog::Append(c, caller.actor, domain::PlanName(id), Digest(current),
                                     Digest(deleted), now);
  }));
  return deleted;
}

absl::StatusOr<domain::Plan> PlanOperations::LoadPlan(Connection& c, const domain::Caller& caller,
                                                      int64_t plan_id) {
  return PlanRepository::GetPlan(c, plan_id, false, caller.sees_internal_plans());
}

absl::StatusOr<domain::Task> PlanOperations::LoadTask(Connection& c, const domain::Caller& caller,
                                                      int64_t plan_id, int64_t task_id) {
  return PlanRepository::GetTask(c, plan_id, task_id, caller.sees_internal_plans());
}

absl::StatusOr<domain::Assignment> PlanOperations::LoadAssignment(Connection& c,
                                                                  const domain::Caller& caller,
                                                                  int64_t plan_id, int64_t task_id,
                                                                  int64_t assignment_id) {
  SK_RETURN_IF_ERROR(LoadTask(c, caller, plan_id, task_id).status());
  auto a = PlanRepository::GetAssignment(c, assignment_id);
  if (!a.ok() || a->plan_id != plan_id || a->task_id != task_id) {
    return NotFound(domain::AssignmentName(plan_id, task_id, assignment_id));
  }
  return a;
}

absl::StatusOr<domain::ProgressReport> PlanOperations::LoadReport(Connection& c,
                                                                  const domain::Caller& caller,
                                                                  int64_t plan_id, int64_t task_id,
                                                                  int64_t report_id) {
  SK_RETURN_IF_ERROR(LoadTask(c, caller, plan_id, task_id).status());
  auto r = PlanRepository::GetReport(c, report_id);
  if (!r.ok() || r->plan_id != plan_id || r->task_id != task_id) {
    return NotFound(domain::ProgressReportName(plan_id, task_id, report_id));
  }
  return r;
}

absl::StatusOr<domain::Task> PlanOperations::GetTask(const domain::Caller& caller, int64_t plan_id,
                                                     int64_t task_id) {
  domain::Task task;
  SK_RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(task,
                        PlanRepository::GetTask(c, plan_id, task_id, caller.sees_internal_plans()));
    return absl::OkStatus();
  }));
  return task;
}

absl::StatusOr<domain::ListPage<domain::Task>> PlanOperations::ListTasks(
    const domain::Caller& caller, int64_t plan_id, const domain::ListQuery& query) {
  domain::ListPage<domain::Task> page;
  bool drafts = caller.sees_internal_plans();
  SK_RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    if (plan_id != 0) {
      SK_RETURN_IF_ERROR(PlanRepository::GetPlan(c, plan_id, false, drafts).status());
    }
    SK_ASSIGN_OR_RETURN(page, PlanRepository::ListTasks(c, plan_id, query, drafts));
    return absl::OkStatus();
  }));
  return page;
}

absl::StatusOr<domain::Task> PlanOperations::UpdateTask(const domain::Caller& caller,
                                                        const UpdateTaskCommand& command) {
  const auto fields = internal::TaskUpdatableFields();
  // A mask that names nothing changeable is refused before the task is read.
  SK_RETURN_IF_ERROR(domain::CheckPaths(command.update.paths, fields));
  const int64_t plan_id = command.plan_id;
  const std::string name = domain::TaskName(plan_id, command.task_id);
  domain::Task updated;
  SK_RETURN_IF_ERROR(db_.Write([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(
        domain::Task current,
        PlanRepository::GetTask(c, plan_id, command.task_id, caller.sees_internal_plans()));
    SK_ASSIGN_OR_RETURN(domain::Task merged,
                        domain::MergeUpdate(current, current.etag, name, command.update, fields));
    domain::Violations v;
    domain::Task task = internal::CheckTask(v, merged, "task.");
    SK_RETURN_IF_ERROR(v.ToStatus());
    absl::Time now = clock_();
    SK_RETURN_IF_ERROR(PlanRepository::UpdateTask(c, task, now));
    if (!(current.timeframe == task.timeframe)) SK_RETURN_IF_ERROR(MoveDueDates(c, task));
    SK_RETURN_IF_ERROR(internal::ExposeTask(c, plan_id, task.id, now));
    SK_ASSIGN_OR_RETURN(updated, PlanRepository::GetTask(c, plan_id, task.id));
    return storage::AuditLog::Append(c, caller.actor, name, Digest(current), Digest(updated), now);
  }));
  return updated;
}

absl::StatusOr<domain::ListPage<domain::Assignment>> PlanOperations::ListAssignments(
    const domain::Caller& caller, int64_t plan_id, int64_t task_id, const domain::ListQuery& query,
    absl::CivilDay as_of) {
  domain::ListPage<domain::Assignment> page;
  bool drafts = caller.sees_internal_plans();
  SK_RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    if (task_id != 0) {
      SK_RETURN_IF_ERROR(PlanRepository::GetTask(c, plan_id, task_id, drafts).status());
    } else if (plan_id != 0) {
      SK_RETURN_IF_ERROR(PlanRepository::GetPlan(c, plan_id, false, drafts).status());
    }
    SK_ASSIGN_OR_RETURN(page,
                        PlanRepository::ListAssignments(c, plan_id, task_id, query, as_of, drafts));
    return absl::OkStatus();
  }));
  return page;
}

absl::StatusOr<domain::ProgressReport> PlanOperations::CreateReport(
    const domain::Caller& caller, const CreateReportCommand& command,
    const Idempotency& idempotency) {
  domain::Violations v;
  v.RequestId("request_id", caller.actor.request_id);
  domain::ProgressReport report = internal::CheckReport(v, command, Today());
  SK_RETURN_IF_ERROR(v.ToStatus());
  // Staff act only for their own unit; coordinators and admins may file for
  // any unit (a report handed in on paper, say).
  const auto& who = caller.principal;
  bool any_unit = who.Has(domain::Role::kCoordinator) || who.Has(domain::Role::kAdmin);
  if (!any_unit && report.unit_id != who.unit_id) {
    return MakeError(absl::StatusCode::kPermissionDenied, "OTHER_UNIT",
                     absl::StrCat("staff of ", domain::UnitName(who.unit_id),
                                  " may report only for their own unit"),
                     "Cán bộ chỉ được báo cáo cho đơn vị của mình");
  }
  const int64_t plan_id = command.plan_id;
  domain::ProgressReport created;
  SK_RETURN_IF_ERROR(db_.Write([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(auto replay, internal::FindReplay(c, kCreateReport, idempotency));
    if (replay) {
      SK_ASSIGN_OR_RETURN(created, PlanRepository::GetReport(c, ReportIdOf(replay->resource_name)));
      return absl::OkStatus();
    }
    SK_ASSIGN_OR_RETURN(domain::Task task, PlanRepository::GetTask(c, plan_id, report.task_id,
                                                                   caller.sees_internal_plans()));
    SK_ASSIGN_OR_RETURN(domain::Unit unit, UnitRepository::Get(c, report.unit_id));
    SK_ASSIGN_OR_RETURN(auto assignments, PlanRepository::AssignmentsOfTask(c, task.id));
    std::vector<domain::Assignment*> own;
    for (auto& a : assignments) {
      if (a.unit_id == unit.id) own.push_back(&a);
    }
    if (own.empty()) {
      return MakeError(absl::StatusCode::kFailedPrecondition, "UNIT_NOT_ASSIGNED",
                       absl::StrCat(domain::UnitName(unit.id), " has no assignment on ",
                                    domain::TaskName(plan_id, task.id)),
                       absl::StrCat(unit.display_name, " không được giao nhiệm vụ ", task.number));
    }
    absl::Time now = clock_();
    report.create_time = now;
    report.covers_due_date = domain::DueDateAnsweredBy(own.front()->next_due_date);
    SK_ASSIGN_OR_RETURN(report.id, PlanRepository::InsertReport(c, report));
    SK_ASSIGN_OR_RETURN(domain::Plan plan, PlanRepository::GetPlan(c, plan_id));
    absl::CivilDay anchor = domain::PlanAnchor(plan, calendar::DayInDistrict(plan.create_time));
    SK_ASSIGN_OR_RETURN(auto history, PlanRepository::History(c, task.id, unit.id));
    for (domain::Assignment* a : own) {
      a->next_due_date = domain::NextDueDate(task.timeframe, anchor, history);
      a->progress_percent = report.progress_percent;
      SK_RETURN_IF_ERROR(PlanRepository::SetAssignmentProgress(c, a->id, a->next_due_date,
                                                               report.id, report.progress_percent));
    }
    domain::Task before = task;
    FollowLeadReports(task, assignments);
    if (task.status != before.status || task.progress_percent != before.progress_percent) {
      SK_RETURN_IF_ERROR(PlanRepository::UpdateTask(c, task, now));
    }
    std::string name = domain::ProgressReportName(plan_id, task.id, report.id);
    SK_RETURN_IF_ERROR(internal::RecordCreate(c, kCreateReport, idempotency, name, "", now));
    SK_RETURN_IF_ERROR(internal::ExposeReport(c, plan_id, task.id, report.id, now));
    SK_ASSIGN_OR_RETURN(created, PlanRepository::GetReport(c, report.id));
    return storage::AuditLog::Append(c, caller.actor, name, "", Digest(created), now);
  }));
  return created;
}

absl::StatusOr<domain::ListPage<domain::ProgressReport>> PlanOperations::ListReports(
    const domain::Caller& caller, int64_t plan_id, int64_t task_id,
    const domain::ListQuery& query) {
  domain::ListPage<domain::ProgressReport> page;
  SK_RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    SK_RETURN_IF_ERROR(
        PlanRepository::GetTask(c, plan_id, task_id, caller.sees_internal_plans()).status());
    SK_ASSIGN_OR_RETURN(page, PlanRepository::ListReports(c, task_id, query));
    return absl::OkStatus();
  }));
  return page;
}

}  // namespace sangkien::operations
