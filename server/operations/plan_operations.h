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
#include "storage/database.h"

namespace sangkien::operations {

struct PlanWithTasks {
  domain::Plan plan;
  std::vector<domain::Task> tasks;
};

struct ImportOptions {
  bool validate_only = false;
  bool create_missing_units = true;
  bool publish = false;  // store as PUBLISHED instead of DRAFT
};

struct ImportOutcome {
  domain::Plan plan;
  std::vector<domain::Task> tasks;
  std::vector<importer::ImportWarning> warnings;
  std::vector<int64_t> created_units;
};

class PlanOperations {
 public:
  PlanOperations(storage::Database& db, DirectoryOperations& directory, calendar::Clock clock)
      : db_(db), directory_(directory), clock_(std::move(clock)) {}

  // Reads: callers who may not see drafts (the public, kiosks, staff,
  // publishers) get NOT_FOUND for a draft plan and everything under it, and
  // lists leave drafts out.
  absl::StatusOr<domain::Plan> GetPlan(const domain::Caller& caller, int64_t id, bool show_deleted);
  absl::StatusOr<domain::ListPage<domain::Plan>> ListPlans(const domain::Caller& caller,
                                                           const domain::ListQuery& query);
  // Stores a plan with its tasks and their assignments. Task unit refs must
  // name existing units or groups. Every write leaves one audit event.
  absl::StatusOr<PlanWithTasks> CreatePlan(const domain::Caller& caller, domain::Plan plan,
                                           std::vector<domain::Task> tasks,
                                           const Idempotency& idempotency);
  absl::StatusOr<domain::Plan> UpdatePlan(const domain::Caller& caller, const domain::Plan& plan,
                                          const std::string& expected_etag);
  absl::StatusOr<domain::Plan> DeletePlan(const domain::Caller& caller, int64_t id,
                                          const std::string& expected_etag);
  absl::StatusOr<ImportOutcome> ImportPlan(const domain::Caller& caller, std::string_view text,
                                           const ImportOptions& options,
                                           const Idempotency& idempotency);

  absl::StatusOr<domain::Task> GetTask(const domain::Caller& caller, int64_t plan_id,
                                       int64_t task_id);
  absl::StatusOr<domain::ListPage<domain::Task>> ListTasks(const domain::Caller& caller,
                                                           int64_t plan_id,
                                                           const domain::ListQuery& query);
  // A changed timeframe moves every assignment's next due date.
  absl::StatusOr<domain::Task> UpdateTask(const domain::Caller& caller, const domain::Task& task,
                                          const std::string& expected_etag);

  absl::StatusOr<domain::ListPage<domain::Assignment>> ListAssignments(
      const domain::Caller& caller, int64_t plan_id, int64_t task_id,
      const domain::ListQuery& query, absl::CivilDay as_of);

  // The unit must hold an assignment on the task, and staff may report only
  // for their own unit. The report answers the assignment's next due date;
  // the assignment and the task's status and progress follow.
  absl::StatusOr<domain::ProgressReport> CreateReport(const domain::Caller& caller, int64_t plan_id,
                                                      domain::ProgressReport report,
                                                      const Idempotency& idempotency);
  absl::StatusOr<domain::ListPage<domain::ProgressReport>> ListReports(
      const domain::Caller& caller, int64_t plan_id, int64_t task_id,
      const domain::ListQuery& query);

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

  storage::Database& db_;
  DirectoryOperations& directory_;
  calendar::Clock clock_;
};

}  // namespace sangkien::operations

#endif  // SANGKIEN_SERVER_OPERATIONS_PLAN_OPERATIONS_H_
