// Drives a call mix at a fixed number of calls in flight over several
// channels, with gRPC's callback API, and records each call's latency and
// status. An error is never counted as a success.
#ifndef SANGKIEN_BENCH_LOADGEN_LOAD_RUN_H_
#define SANGKIEN_BENCH_LOADGEN_LOAD_RUN_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "bench/loadgen/call_mix.h"

namespace sangkien::bench {

struct LoadOptions {
  std::string target = "127.0.0.1:50051";
  std::string token;  // bearer secret; empty: the public
  int channels = 4;
  int in_flight = 64;
  absl::Duration duration = absl::Seconds(10);
  int64_t count = 0;  // stop after this many calls (0: run for `duration`)
  absl::Duration warmup = absl::Seconds(1);
};

struct KindResult {
  std::string label;
  int64_t ok = 0;
  std::map<int, int64_t> errors;   // gRPC status code → count
  std::vector<int64_t> latency_us;  // successful calls only
  double rate = 0;                 // successful calls per second
  int64_t p50_us = 0, p90_us = 0, p99_us = 0, max_us = 0;
};

struct LoadResult {
  std::vector<KindResult> kinds;
  absl::Duration elapsed;
  std::string first_error;  // the first failed call's message, for the report
};

LoadResult RunLoad(const LoadOptions& options, const std::vector<CallKind>& mix);

// A table: label, ok, errors by code, req/s, p50/p90/p99/max in ms.
std::string FormatTable(const LoadResult& result);
// One JSON object per kind, one per line, for scripts.
std::string FormatJson(const LoadResult& result);

}  // namespace sangkien::bench

#endif  // SANGKIEN_BENCH_LOADGEN_LOAD_RUN_H_
