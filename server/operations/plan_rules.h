// The rules a plan, a task and a progress report obey, whichever door they
// come through. PlanOperations runs them inside its writes; they read
// nothing, so they are cheap to run before a transaction opens.
#ifndef SANGKIEN_SERVER_OPERATIONS_PLAN_RULES_H_
#define SANGKIEN_SERVER_OPERATIONS_PLAN_RULES_H_

#include <string_view>

#include "absl/time/civil_time.h"
#include "absl/types/span.h"
#include "domain/field_mask.h"
#include "domain/plan.h"
#include "domain/task.h"
#include "domain/validation.h"
#include "operations/plan_commands.h"

namespace sangkien::operations::internal {

// The fields UpdatePlan and UpdateTask let a caller change, in the API's
// spelling; the signer's parts may also be set one at a time.
absl::Span<const domain::UpdatableField<domain::Plan>> PlanUpdatableFields();
absl::Span<const domain::UpdatableField<domain::Task>> TaskUpdatableFields();

// Each adds one violation (English and Vietnamese) per bad field, named
// `prefix` + the API's field path ("plan.title", "tasks[2].body"), and
// returns the value to store: text in NFC, the timeframe read again from its
// normalised wording. Fields they do not check are copied as given.
domain::Plan CheckPlan(domain::Violations& v, const domain::Plan& plan, const std::string& prefix);
domain::Task CheckTask(domain::Violations& v, const domain::Task& task, const std::string& prefix);
// A plan with its tasks as CreatePlan stores them; at most kMaxListSize
// tasks are checked and kept (more is itself a violation on "tasks").
CreatePlanCommand CheckNewPlan(domain::Violations& v, const CreatePlanCommand& command);
// The report to store: unset date read as `today`, which is also the latest
// date a report may carry.
domain::ProgressReport CheckReport(domain::Violations& v, const CreateReportCommand& command,
                                   absl::CivilDay today);

}  // namespace sangkien::operations::internal

#endif  // SANGKIEN_SERVER_OPERATIONS_PLAN_RULES_H_
