#include "bench/loadgen/call_mix.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "sangkien/v1/plan_service.pb.h"
#include "sangkien/v1/search_service.pb.h"
#include "sangkien/v1/sync_service.pb.h"

namespace sangkien::bench {
namespace {

template <typename Message>
std::function<std::string(int64_t)> Fixed(const Message& m) {
  std::string bytes = m.SerializeAsString();
  return [bytes](int64_t) { return bytes; };
}

absl::StatusOr<CallKind> Make(const std::string& label, const Targets& t) {
  if (label == "Health") {
    // grpc.health.v1.HealthCheckRequest with no service: zero bytes.
    return CallKind{label, "/grpc.health.v1.Health/Check", [](int64_t) { return std::string(); }};
  }
  if (label == "GetPlan") {
    v1::GetPlanRequest r;
    r.set_name(t.plan);
    return CallKind{label, "/sangkien.v1.PlanService/GetPlan", Fixed(r)};
  }
  if (label == "ListTasks") {
    v1::ListTasksRequest r;
    r.set_parent(t.plan);
    r.set_page_size(50);
    return CallKind{label, "/sangkien.v1.PlanService/ListTasks", Fixed(r)};
  }
  if (label == "ListAssignments") {
    v1::ListAssignmentsRequest r;
    r.set_parent("plans/-");
    r.set_filter(absl::StrCat("unit = \"", t.unit, "\""));
    r.set_page_size(50);
    return CallKind{label, "/sangkien.v1.PlanService/ListAssignments", Fixed(r)};
  }
  if (label == "Search") {
    v1::SearchRequest r;
    r.set_query(t.query);
    r.set_page_size(20);
    return CallKind{label, "/sangkien.v1.SearchService/Search", Fixed(r)};
  }
  if (label == "ListChanges") {
    v1::ListChangesRequest r;
    r.set_page_size(200);
    return CallKind{label, "/sangkien.v1.SyncService/ListChanges", Fixed(r)};
  }
  if (label == "CreateProgressReport") {
    if (t.report_task.empty() || t.report_unit.empty()) {
      return absl::InvalidArgumentError(
          "CreateProgressReport needs --report_task and --report_unit (and a token that may "
          "report for that unit)");
    }
    // A run-unique prefix keeps request_ids fresh across runs.
    std::string run = absl::StrCat(absl::ToUnixMicros(absl::Now()));
    std::string task = t.report_task, unit = t.report_unit;
    return CallKind{label, "/sangkien.v1.PlanService/CreateProgressReport",
                    [run, task, unit](int64_t n) {
                      v1::CreateProgressReportRequest r;
                      r.set_parent(task);
                      r.set_request_id(absl::StrCat("lg-", run, "-", n));
                      r.mutable_progress_report()->set_unit(unit);
                      r.mutable_progress_report()->set_text(
                          absl::StrCat("Báo cáo tiến độ số ", n));
                      r.mutable_progress_report()->set_progress_percent(50);
                      return r.SerializeAsString();
                    }};
  }
  return absl::InvalidArgumentError(absl::StrCat("unknown call \"", label, "\""));
}

}  // namespace

absl::StatusOr<std::vector<CallKind>> ParseMix(const std::string& mix, const Targets& targets) {
  std::vector<CallKind> out;
  for (absl::string_view part : absl::StrSplit(mix, ',', absl::SkipEmpty())) {
    std::vector<std::string> fields = absl::StrSplit(part, ':');
    int weight = 1;
    if (fields.size() > 2 || (fields.size() == 2 && (!absl::SimpleAtoi(fields[1], &weight) ||
                                                     weight < 1 || weight > 1000))) {
      return absl::InvalidArgumentError(absl::StrCat("bad mix entry \"", std::string(part),
                                                     "\": want Label or Label:weight"));
    }
    auto kind = Make(fields[0], targets);
    if (!kind.ok()) return kind.status();
    kind->weight = weight;
    out.push_back(std::move(*kind));
  }
  if (out.empty()) return absl::InvalidArgumentError("the mix is empty");
  return out;
}

}  // namespace sangkien::bench
