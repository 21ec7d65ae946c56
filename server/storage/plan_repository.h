// Plans, tasks, assignments and progress reports in SQLite. Stateless: every
// call runs on the connection of the transaction it is given.
#ifndef SANGKIEN_SERVER_STORAGE_PLAN_REPOSITORY_H_
#define SANGKIEN_SERVER_STORAGE_PLAN_REPOSITORY_H_

#include <cstdint>
#include <optional>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "domain/assignment_rules.h"
#include "domain/list_query.h"
#include "domain/plan.h"
#include "domain/task.h"
#include "storage/database.h"

namespace sangkien::storage {

// Contract of every function below, unless its own comment says otherwise:
// Get*/Update*/Delete* return the row (or OK) on success and NOT_FOUND
// naming the resource when no row matches; Insert* return the new id;
// List*, *Of and other queries return an empty page or list when nothing
// matches. SQLite failures are thrown, not returned: the enclosing
// Database::Read/Write answers them as INTERNAL or UNAVAILABLE. Stateless;
// safe from any thread on the Connection of its own transaction.
class PlanRepository {
 public:
  static const std::vector<domain::FilterField>& PlanFilterFields();
  static const std::vector<std::string>& PlanOrderFields();
  static const std::vector<domain::FilterField>& TaskFilterFields();
  static const std::vector<std::string>& TaskOrderFields();
  static const std::vector<domain::FilterField>& AssignmentFilterFields();
  static const std::vector<std::string>& AssignmentOrderFields();
  static const std::vector<domain::FilterField>& ReportFilterFields();

  // Plans. Deleted plans are NOT_FOUND unless `show_deleted`. Reads take
  // `include_drafts`: false for callers who may see only published plans,
  // so drafts (and their tasks and assignments) are filtered inside the
  // query and pages stay full.
  static absl::StatusOr<int64_t> InsertPlan(Connection& c, const domain::Plan& plan,
                                            absl::Time now);
  static absl::Status UpdatePlan(Connection& c, const domain::Plan& plan, absl::Time now);
  static absl::Status SoftDeletePlan(Connection& c, int64_t id, absl::Time now);
  static absl::StatusOr<domain::Plan> GetPlan(Connection& c, int64_t id, bool show_deleted = false,
                                              bool include_drafts = true);
  static absl::StatusOr<domain::ListPage<domain::Plan>> ListPlans(Connection& c,
                                                                  const domain::ListQuery& query,
                                                                  bool include_drafts = true);

  // Tasks of plans that are not deleted. plan_id 0 lists across plans.
  static absl::StatusOr<int64_t> InsertTask(Connection& c, const domain::Task& task,
                                            absl::Time now);
  static absl::Status UpdateTask(Connection& c, const domain::Task& task, absl::Time now);
  static absl::StatusOr<domain::Task> GetTask(Connection& c, int64_t plan_id, int64_t task_id,
                                              bool include_drafts = true);
  static absl::StatusOr<domain::ListPage<domain::Task>> ListTasks(Connection& c, int64_t plan_id,
                                                                  const domain::ListQuery& query,
                                                                  bool include_drafts = true);
  // Every task of one plan, deleted or not, by position.
  static absl::StatusOr<std::vector<domain::Task>> TasksOfPlan(Connection& c, int64_t plan_id);
  // Tasks that name `group_id` (lead or coordinating), for new group members.
  static absl::StatusOr<std::vector<domain::Task>> TasksNamingGroup(Connection& c,
                                                                    int64_t group_id);

  // Assignments.
  // OK also when the assignment exists already (it is left as it is).
  static absl::Status InsertAssignment(Connection& c, int64_t plan_id, int64_t task_id,
                                       const domain::AssignmentSeed& seed,
                                       const std::optional<absl::CivilDay>& next_due_date);
  // plan_id / task_id 0 widen the scope; `as_of` judges "overdue".
  static absl::StatusOr<domain::ListPage<domain::Assignment>> ListAssignments(
      Connection& c, int64_t plan_id, int64_t task_id, const domain::ListQuery& query,
      absl::CivilDay as_of, bool include_drafts = true);
  static absl::StatusOr<std::vector<domain::Assignment>> AssignmentsOfTask(Connection& c,
                                                                           int64_t task_id);
  static absl::StatusOr<domain::Assignment> GetAssignment(Connection& c, int64_t assignment_id);
  // Plans holding an assignment for `unit_id`.
  static absl::StatusOr<std::vector<int64_t>> PlansAssigningUnit(Connection& c, int64_t unit_id);
  // These two return OK also when no assignment has this id.
  static absl::Status SetAssignmentProgress(Connection& c, int64_t assignment_id,
                                            const std::optional<absl::CivilDay>& next_due_date,
                                            int64_t last_report_id, int progress_percent);
  static absl::Status SetAssignmentDue(Connection& c, int64_t assignment_id,
                                       const std::optional<absl::CivilDay>& next_due_date);

  // Progress reports.
  static absl::StatusOr<int64_t> InsertReport(Connection& c, const domain::ProgressReport& report);
  static absl::StatusOr<domain::ProgressReport> GetReport(Connection& c, int64_t report_id);
  static absl::StatusOr<std::vector<int64_t>> ReportIdsOfTask(Connection& c, int64_t task_id);
  static absl::StatusOr<domain::ListPage<domain::ProgressReport>> ListReports(
      Connection& c, int64_t task_id, const domain::ListQuery& query);
  // What one unit has answered on one task.
  static absl::StatusOr<domain::ReportHistory> History(Connection& c, int64_t task_id,
                                                       int64_t unit_id);
};

}  // namespace sangkien::storage

#endif  // SANGKIEN_SERVER_STORAGE_PLAN_REPOSITORY_H_
