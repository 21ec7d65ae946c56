// The calls sangkien-loadgen can make: a label, the full method path, and a
// request built fresh for each call (writes need unique request_ids).
#ifndef SANGKIEN_BENCH_LOADGEN_CALL_MIX_H_
#define SANGKIEN_BENCH_LOADGEN_CALL_MIX_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace sangkien::bench {

// What the standard calls need to know about the data they run against.
struct Targets {
  std::string plan = "plans/1";
  std::string unit = "units/11";  // a commune with assignments
  std::string report_task;        // a task the reporting unit holds, for CreateProgressReport
  std::string report_unit;        // the unit the token's staff belongs to
  std::string query = "dam nghi";
};

struct CallKind {
  std::string label;   // "GetPlan"
  std::string method;  // "/sangkien.v1.PlanService/GetPlan"
  // Serialized request for the n-th call of this kind.
  std::function<std::string(int64_t n)> request;
  int weight = 1;
};

// Parses "GetPlan:2,Search:1" (weights default to 1) into calls against
// `targets`. Known labels: Health, GetPlan, ListTasks, ListAssignments,
// Search, ListChanges, CreateProgressReport.
absl::StatusOr<std::vector<CallKind>> ParseMix(const std::string& mix, const Targets& targets);

}  // namespace sangkien::bench

#endif  // SANGKIEN_BENCH_LOADGEN_CALL_MIX_H_
