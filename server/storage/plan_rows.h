// Row pieces PlanRepository's two files share. Internal to storage/.
#ifndef SANGKIEN_SERVER_STORAGE_PLAN_ROWS_H_
#define SANGKIEN_SERVER_STORAGE_PLAN_ROWS_H_

#include <SQLiteCpp/SQLiteCpp.h>

#include "calendar/timeframe.h"

namespace sangkien::storage::internal {

// What the public may see: published plans (PlanState::kPublished).
inline constexpr const char* kPublishedOnly = "p.state = 2";

// Reads the six timeframe columns (kind, text, due date, start date, report
// dates, condition) starting at column `first`.
calendar::Timeframe ReadTimeframe(SQLite::Statement& q, int first);

}  // namespace sangkien::storage::internal

#endif  // SANGKIEN_SERVER_STORAGE_PLAN_ROWS_H_
