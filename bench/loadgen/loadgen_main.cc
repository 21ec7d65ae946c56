// sangkien-loadgen: load on a running sangkien-server, reported per call
// kind as requests/s and latency percentiles, errors by status code.
#include <iostream>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "bench/loadgen/call_mix.h"
#include "bench/loadgen/load_run.h"

ABSL_FLAG(std::string, target, "127.0.0.1:50051", "server address (plaintext)");
ABSL_FLAG(std::string, token, "", "bearer secret; empty: call as the public");
ABSL_FLAG(int, channels, 4, "gRPC channels (separate connections)");
ABSL_FLAG(int, in_flight, 64, "calls in flight at any time, spread over the channels");
ABSL_FLAG(absl::Duration, duration, absl::Seconds(10), "how long to measure");
ABSL_FLAG(absl::Duration, warmup, absl::Seconds(1), "load before measuring");
ABSL_FLAG(int64_t, count, 0, "stop after this many calls instead (all measured)");
ABSL_FLAG(std::string, mix, "GetPlan", "calls and weights: Health,GetPlan:2,Search");
ABSL_FLAG(std::string, plan, "plans/1", "the plan GetPlan and ListTasks read");
ABSL_FLAG(std::string, unit, "units/11", "the unit ListAssignments filters on");
ABSL_FLAG(std::string, query, "dam nghi", "what Search looks for");
ABSL_FLAG(std::string, report_task, "", "CreateProgressReport's task (plans/N/tasks/M)");
ABSL_FLAG(std::string, report_unit, "", "CreateProgressReport's unit (units/N)");
ABSL_FLAG(bool, json, false, "print one JSON line per call kind instead of a table");

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage("load on a running sangkien-server; see bench/README.md");
  absl::ParseCommandLine(argc, argv);
  namespace b = sangkien::bench;
  b::Targets targets;
  targets.plan = absl::GetFlag(FLAGS_plan);
  targets.unit = absl::GetFlag(FLAGS_unit);
  targets.query = absl::GetFlag(FLAGS_query);
  targets.report_task = absl::GetFlag(FLAGS_report_task);
  targets.report_unit = absl::GetFlag(FLAGS_report_unit);
  auto mix = b::ParseMix(absl::GetFlag(FLAGS_mix), targets);
  if (!mix.ok()) {
    std::cerr << "sangkien-loadgen: " << mix.status().message() << "\n";
    return 2;
  }
  b::LoadOptions options;
  options.target = absl::GetFlag(FLAGS_target);
  options.token = absl::GetFlag(FLAGS_token);
  options.channels = absl::GetFlag(FLAGS_channels);
  options.in_flight = absl::GetFlag(FLAGS_in_flight);
  options.duration = absl::GetFlag(FLAGS_duration);
  options.warmup = absl::GetFlag(FLAGS_warmup);
  options.count = absl::GetFlag(FLAGS_count);
  b::LoadResult result = b::RunLoad(options, *mix);
  std::cout << (absl::GetFlag(FLAGS_json) ? b::FormatJson(result) : b::FormatTable(result));
  int64_t errors = 0;
  for (const auto& k : result.kinds) {
    for (auto [code, n] : k.errors) errors += n;
  }
  return errors == 0 ? 0 : 1;
}
