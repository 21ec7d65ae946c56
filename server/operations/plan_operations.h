// Use cases on plans, tasks, assignments and progress reports. Each public
// method is one transaction. No gRPC here; the api layer converts.
#ifndef SANGKIEN_SERVER_OPERATIONS_PLAN_OPERATIONS_H_
#define SANGKIEN_SERVER_OPERATIONS_PLAN_OPERATIONS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "calendar/clock.h"
#include "domain/account.h"
#include "domain/list_query.h"
#include "domain/plan.h"
#include "domain/task.h"
#include "importer/plan_importer.h"
#include "operations/directory_operations.h"
#include "operations/plan_commands.h"
#include "storage/database.h"

namespace sangkien::operations {

struct PlanWithTasks {
  domain::Plan plan;
  std::vector<domain::Task> tasks;
};

struct ImportOutcome {
  domain::Plan plan;  // id 0 when nothing was stored (validate_only)
  std::vector<domain::Task> tasks;
  std::vector<importer::ImportWarning> warnings;
  std::vector<int64_t> created_units;
};

// Writes check their command whole before anything is stored: a refusal is
// INVALID_ARGUMENT with one violation per bad field (English and
// Vietnamese, named as the API names them), and nothing is written. The
// request id a create checks is the caller's own, caller.actor.request_id;
// Idempotency carries the key derived from it.
class PlanOperations {
 public:
  PlanOperations(storage::Database& db, DirectoryOperations& directory, calendar::Clock clock)
      : db_(db), directory_(directory), clock_(std::move(clock)) {}

  // What each List method filters and sorts on, and its default order.
  static const domain::ListSpec& ListPlansSpec();
  static const domain::ListSpec& ListTasksSpec();
  static const domain::ListSpec& ListAssignmentsSpec();
  static const domain::ListSpec& ListReportsSpec();

  // Reads: callers who may not see drafts (the public, kiosks, staff,
  // publishers) get NOT_FOUND for a draft plan and everything under it, and
  // lists leave drafts out.
  // The plan; NOT_FOUND when absent, deleted (unless `show_deleted` and the
  // caller sees internal plans) or a draft the caller may not see.
  absl::StatusOr<domain::Plan> GetPlan(const domain::Caller& caller, int64_t id, bool show_deleted);
  // One page of the plans the caller may see; an error only when the
  // database fails.
  absl::StatusOr<domain::ListPage<domain::Plan>> ListPlans(const domain::Caller& caller,
                                                           const domain::ListQuery& query);
  // Stores the plan with its tasks and their assignments; returns them as
  // stored (the first result again for a repeated request id).
  // INVALID_ARGUMENT for a bad field, a bad request id, or a unit ref that
  // names no existing unit or group; ALREADY_EXISTS for a request id reused
  // with another request. Every write leaves one audit event.
  absl::StatusOr<PlanWithTasks> CreatePlan(const domain::Caller& caller,
                                           const CreatePlanCommand& command,
                                           const Idempotency& idempotency);
  // Reads, checks the etag, merges the named fields and checks the result
  // whole in one transaction; returns the stored plan. INVALID_ARGUMENT on
  // "update_mask" for a mask naming no or unchangeable fields (before the
  // plan is read); NOT_FOUND when absent or invisible to the caller; ABORTED
  // on a stale etag; INVALID_ARGUMENT ("plan.…") for a bad merged field.
  absl::StatusOr<domain::Plan> UpdatePlan(const domain::Caller& caller,
                                          const UpdatePlanCommand& command);
  // Hides the plan and its tasks; returns it with its delete time. NOT_FOUND
  // when absent or already deleted; ABORTED on a stale etag.
  absl::StatusOr<domain::Plan> DeletePlan(const domain::Caller& caller,
                                          const DeletePlanCommand& command);
  // Reads the text against the directory and stores the plan (unless
  // validate_only). INVALID_ARGUMENT for a bad request id, IMPORT_TOO_LARGE
  // above domain::kMaxPlanTextLength, and the importer's refusals
  // (IMPORT_NOT_A_PLAN, INVALID_UTF8, …); ALREADY_EXISTS as CreatePlan.
  absl::StatusOr<ImportOutcome> ImportPlan(const domain::Caller& caller,
                                           const ImportPlanCommand& command,
                                           const Idempotency& idempotency);

  // The task; NOT_FOUND when it, or its plan for this caller, is absent.
  absl::StatusOr<domain::Task> GetTask(const domain::Caller& caller, int64_t plan_id,
                                       int64_t task_id);
  // One page of a plan's tasks (plan_id 0: every plan's); NOT_FOUND for a
  // plan the caller may not see.
  absl::StatusOr<domain::ListPage<domain::Task>> ListTasks(const domain::Caller& caller,
                                                           int64_t plan_id,
                                                           const domain::ListQuery& query);
  // As UpdatePlan, for a task ("task.…" fields). A changed timeframe moves
  // every assignment's next due date in the same transaction.
  absl::StatusOr<domain::Task> UpdateTask(const domain::Caller& caller,
                                          const UpdateTaskCommand& command);

  // One page of assignments of a task, a plan (task_id 0) or every plan
  // (both 0), overdue as of `as_of`; NOT_FOUND for a parent the caller may
  // not see.
  absl::StatusOr<domain::ListPage<domain::Assignment>> ListAssignments(
      const domain::Caller& caller, int64_t plan_id, int64_t task_id,
      const domain::ListQuery& query, absl::CivilDay as_of);

  // Stores the report; returns it (the first one again for a repeated
  // request id). INVALID_ARGUMENT for a bad field ("progress_report.…") or
  // request id; PERMISSION_DENIED (OTHER_UNIT) when staff report for another
  // unit; NOT_FOUND for an absent task or unit; FAILED_PRECONDITION
  // (UNIT_NOT_ASSIGNED) when the unit holds no assignment on the task. The
  // report answers the assignment's next due date; the assignment and the
  // task's status and progress follow.
  absl::StatusOr<domain::ProgressReport> CreateReport(const domain::Caller& caller,
                                                      const CreateReportCommand& command,
                                                      const Idempotency& idempotency);
  // One page of a task's reports; NOT_FOUND for a task the caller may not see.
  absl::StatusOr<domain::ListPage<domain::ProgressReport>> ListReports(
      const domain::Caller& caller, int64_t plan_id, int64_t task_id,
      const domain::ListQuery& query);

  // Today in the district, by this object's clock.
  absl::CivilDay Today() const;

  // One resource on a snapshot the caller already holds, with the same
  // visibility as the Get methods (NOT_FOUND when the caller may not see
  // it): for the change feed.
  static absl::StatusOr<domain::Plan> LoadPlan(storage::Connection& c, const domain::Caller& caller,
                                               int64_t plan_id);
  static absl::StatusOr<domain::Task> LoadTask(storage::Connection& c, const domain::Caller& caller,
                                               int64_t plan_id, int64_t task_id);
  static absl::StatusOr<domain::Assignment> LoadAssignment(storage::Connection& c,
                                                           const domain::Caller& caller,
                                                           int64_t plan_id, int64_t task_id,
                                                           int64_t assignment_id);
  static absl::StatusOr<domain::ProgressReport> LoadReport(storage::Connection& c,
                                                           const domain::Caller& caller,
                                                           int64_t plan_id, int64_t task_id,
                                                           int64_t report_id);

 private:
  absl::Status InsertPlanAndTasks(storage::Connection& c, domain::Plan& plan,
                                  std::vector<domain::Task>& tasks, absl::Time now);
  // Units the imported plan names that the directory lacks: created (with a
  // warning each) when the command asks, else those refs are left out.
  absl::Status ResolveImportedUnits(storage::Connection& c, const ImportPlanCommand& command,
                                    importer::ImportedPlan& imported, ImportOutcome& outcome,
                                    absl::Time now);
  static absl::StatusOr<std::vector<domain::Task>> TasksOf(storage::Connection& c, int64_t plan_id);

  storage::Database& db_;
  DirectoryOperations& directory_;
  calendar::Clock clock_;
};

}  // namespace sangkien::operations

#endif  // SANGKIEN_SERVER_OPERATIONS_PLAN_OPERATIONS_H_
