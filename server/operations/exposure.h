// What each write exposes to the change feed and the search index. Every
// write operation calls one of these inside its transaction, so the feed and
// the index never disagree with what was committed. Internal to operations/.
// Each returns OK once the change records and index entries are written in
// the caller's transaction; a resource that is gone writes its tombstone
// (not an error); a storage error is returned as is and the caller's
// transaction rolls back with it.
#ifndef SANGKIEN_SERVER_OPERATIONS_EXPOSURE_H_
#define SANGKIEN_SERVER_OPERATIONS_EXPOSURE_H_

#include <cstdint>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "domain/proposal.h"
#include "domain/unit.h"
#include "storage/database.h"

namespace sangkien::operations::internal {

// A plan and everything under it: tasks, assignments, reports. Used when
// the plan's state or visibility changes, so that its children follow.
absl::Status ExposePlanTree(storage::Connection& c, int64_t plan_id, absl::Time now);
// One task and its assignments, after the task changed.
absl::Status ExposeTask(storage::Connection& c, int64_t plan_id, int64_t task_id, absl::Time now);
// A new progress report and what it moved: its unit's assignments on the
// task, and the task.
absl::Status ExposeReport(storage::Connection& c, int64_t plan_id, int64_t task_id,
                          int64_t report_id, absl::Time now);
// A unit, and the assignments it received by joining groups.
absl::Status ExposeUnit(storage::Connection& c, const domain::Unit& unit, absl::Time now);
absl::Status ExposeUnitGroup(storage::Connection& c, int64_t group_id, absl::Time now);
// A proposal: the public see public states, redacted; internal roles see
// every state whole.
absl::Status ExposeProposal(storage::Connection& c, const domain::Proposal& proposal,
                            absl::Time now);

}  // namespace sangkien::operations::internal

#endif  // SANGKIEN_SERVER_OPERATIONS_EXPOSURE_H_
