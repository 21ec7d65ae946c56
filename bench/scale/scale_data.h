// Large, realistic datasets for the scaling benchmark and the query plan
// test: a nationwide directory (provinces, districts with their offices,
// communes, towns and wards), plans issued by districts and communes with
// tasks drawn from the seed plan, their assignments and some progress
// reports. Everything goes through the operations layer, one transaction
// per plan or report, so the change log, the search index and the audit
// trail are filled exactly as the server fills them.
#ifndef SANGKIEN_BENCH_SCALE_SCALE_DATA_H_
#define SANGKIEN_BENCH_SCALE_SCALE_DATA_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "storage/database.h"

namespace sangkien::bench {

struct ScaleSpec {
  int units = 10000;
  int64_t assignments = 20000;  // stops at the first plan that reaches it
  uint64_t seed = 36;
  // One progress report for every this many assignments; 0: none.
  int report_every = 25;
  // Plan 1, issued by the first district, has this many tasks: a plan that
  // GetPlan reads and ListTasks pages through at every size.
  int big_plan_tasks = 200;
  // Threads writing plans and reports. With the database's group commit,
  // concurrent writes share transactions, as on a busy server.
  int writers = 1;
};

struct ScaleSummary {
  int64_t units = 0;
  int64_t plans = 0;
  int64_t tasks = 0;
  int64_t assignments = 0;
  int64_t reports = 0;
  int64_t big_plan_id = 0;
  int64_t busiest_commune_id = 0;  // the commune holding the most assignments
  int64_t busiest_commune_assignments = 0;
};

// Fills an empty database. `progress` hears a line now and then.
absl::StatusOr<ScaleSummary> GenerateScaleData(
    storage::Database& db, const ScaleSpec& spec,
    const std::function<void(std::string_view)>& progress = {});

}  // namespace sangkien::bench

#endif  // SANGKIEN_BENCH_SCALE_SCALE_DATA_H_
