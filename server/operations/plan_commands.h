// What each write on plans, tasks and progress reports asks for, in domain
// types. Every door (the API, sangkienctl, the demo seed) fills one of these
// and hands it to PlanOperations, which checks it whole.
#ifndef SANGKIEN_SERVER_OPERATIONS_PLAN_COMMANDS_H_
#define SANGKIEN_SERVER_OPERATIONS_PLAN_COMMANDS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "domain/field_mask.h"
#include "domain/plan.h"
#include "domain/task.h"

namespace sangkien::operations {

// Dates on plans and reports lie in the years 1 to 9999, as google.type.Date
// allows. A door that receives a date that is not a real calendar date
// (30 February) passes this day, which lies outside that range, so the
// refusal, with its field and wording, is the same from every door.
inline constexpr absl::CivilDay kNotARealDate = absl::CivilDay(0, 1, 1);

// A new plan with its tasks. Ids, etags, times and positions are assigned on
// write; a task's unit refs name units or groups by id.
struct CreatePlanCommand {
  domain::Plan plan;
  std::vector<domain::Task> tasks;
};

// The fields of `update.patch` that `update.paths` names replace those of
// plan `plan_id`.
struct UpdatePlanCommand {
  int64_t plan_id = 0;
  domain::Update<domain::Plan> update;
};

struct DeletePlanCommand {
  int64_t plan_id = 0;
  std::string etag;  // empty: no precondition
};

// A plan as its text, read by the importer against the unit directory.
struct ImportPlanCommand {
  std::string text;
  bool validate_only = false;        // read and report, store nothing
  bool create_missing_units = true;  // else refs to unknown units are left out
  bool publish = false;              // store as PUBLISHED instead of DRAFT
};

struct UpdateTaskCommand {
  int64_t plan_id = 0;
  int64_t task_id = 0;
  domain::Update<domain::Task> update;
};

// A unit's report on a task it holds an assignment on.
struct CreateReportCommand {
  int64_t plan_id = 0;
  int64_t task_id = 0;
  int64_t unit_id = 0;
  std::optional<absl::CivilDay> report_date;  // nullopt: today in the district
  std::string text;
  int progress_percent = 0;
  std::vector<std::string> attachments;
};

}  // namespace sangkien::operations

#endif  // SANGKIEN_SERVER_OPERATIONS_PLAN_COMMANDS_H_
