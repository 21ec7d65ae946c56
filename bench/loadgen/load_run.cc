#include "bench/loadgen/load_run.h"

#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"

namespace sangkien::bench {
namespace {

grpc::ByteBuffer ToBuffer(const std::string& bytes) {
  grpc::Slice slice(bytes);
  return grpc::ByteBuffer(&slice, 1);
}

int64_t Percentile(const std::vector<int64_t>& sorted, double p) {
  if (sorted.empty()) return 0;
  size_t i = static_cast<size_t>(p * static_cast<double>(sorted.size() - 1) + 0.5);
  return sorted[std::min(i, sorted.size() - 1)];
}

// Everything the slots share.
struct Shared {
  const LoadOptions* options = nullptr;
  const std::vector<CallKind>* mix = nullptr;
  std::vector<int> schedule;  // kind index per call, by weight
  std::atomic<int64_t> issued{0};
  std::atomic<bool> stop{false};
  absl::Time measure_from;
  std::mutex mu;
  std::condition_variable done_cv;
  int running = 0;          // slots with a call outstanding; guarded by mu
  std::string first_error;  // guarded by mu
};

// One call in flight at a time, started again from its own completion.
class Slot {
 public:
  Slot(Shared& shared, grpc::GenericStub& stub, size_t kinds)
      : shared_(shared), stub_(stub), results_(kinds) {}

  void Start() {
    int64_t n = shared_.issued.fetch_add(1);
    if (shared_.stop || (shared_.options->count > 0 && n >= shared_.options->count)) {
      std::lock_guard lock(shared_.mu);
      if (--shared_.running == 0) shared_.done_cv.notify_all();
      return;
    }
    kind_ = shared_.schedule[static_cast<size_t>(n) % shared_.schedule.size()];
    const CallKind& k = (*shared_.mix)[static_cast<size_t>(kind_)];
    context_ = std::make_unique<grpc::ClientContext>();
    context_->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
    if (!shared_.options->token.empty()) {
      context_->AddMetadata("authorization", "Bearer " + shared_.options->token);
    }
    request_ = ToBuffer(k.request(n));
    response_.Clear();
    started_ = absl::Now();
    stub_.UnaryCall(context_.get(), k.method, grpc::StubOptions(), &request_, &response_,
                    [this](grpc::Status status) { Done(status); });
  }

  std::vector<KindResult>& results() { return results_; }

 private:
  void Done(const grpc::Status& status) {
    absl::Time end = absl::Now();
    if (started_ >= shared_.measure_from) {
      KindResult& r = results_[static_cast<size_t>(kind_)];
      if (status.ok()) {
        ++r.ok;
        r.latency_us.push_back(absl::ToInt64Microseconds(end - started_));
      } else {
        ++r.errors[status.error_code()];
        std::lock_guard lock(shared_.mu);
        if (shared_.first_error.empty()) {
          shared_.first_error = absl::StrCat((*shared_.mix)[static_cast<size_t>(kind_)].label, ": ",
                                             status.error_code(), " ", status.error_message());
        }
      }
    }
    Start();
  }

  Shared& shared_;
  grpc::GenericStub& stub_;
  std::vector<KindResult> results_;
  int kind_ = 0;
  std::unique_ptr<grpc::ClientContext> context_;
  grpc::ByteBuffer request_;
  grpc::ByteBuffer response_;
  absl::Time started_;
};

}  // namespace

LoadResult RunLoad(const LoadOptions& options, const std::vector<CallKind>& mix) {
  Shared shared;
  shared.options = &options;
  shared.mix = &mix;
  for (size_t i = 0; i < mix.size(); ++i) {
    for (int w = 0; w < mix[i].weight; ++w) shared.schedule.push_back(static_cast<int>(i));
  }
  // Counted runs measure every call; timed runs skip a warm-up.
  absl::Time start = absl::Now();
  shared.measure_from = options.count > 0 ? start : start + options.warmup;

  std::vector<std::shared_ptr<grpc::Channel>> channels;
  std::vector<std::unique_ptr<grpc::GenericStub>> stubs;
  for (int c = 0; c < std::max(1, options.channels); ++c) {
    grpc::ChannelArguments args;
    args.SetInt("sangkien.loadgen.channel", c);  // distinct channels, not one shared
    channels.push_back(
        grpc::CreateCustomChannel(options.target, grpc::InsecureChannelCredentials(), args));
    stubs.push_back(std::make_unique<grpc::GenericStub>(channels.back()));
  }
  std::vector<std::unique_ptr<Slot>> slots;
  for (int s = 0; s < std::max(1, options.in_flight); ++s) {
    slots.push_back(
        std::make_unique<Slot>(shared, *stubs[static_cast<size_t>(s) % stubs.size()], mix.size()));
  }
  shared.running = static_cast<int>(slots.size());
  for (auto& slot : slots) slot->Start();
  {
    std::unique_lock lock(shared.mu);
    if (options.count > 0) {
      shared.done_cv.wait(lock, [&] { return shared.running == 0; });
    } else {
      shared.done_cv.wait_for(lock, absl::ToChronoNanoseconds(options.warmup + options.duration),
                              [&] { return shared.running == 0; });
      shared.stop = true;
      shared.done_cv.wait(lock, [&] { return shared.running == 0; });
    }
  }
  absl::Time end = absl::Now();

  LoadResult result;
  result.elapsed = end - shared.measure_from;
  result.first_error = shared.first_error;
  for (size_t k = 0; k < mix.size(); ++k) {
    KindResult merged;
    merged.label = mix[k].label;
    for (auto& slot : slots) {
      KindResult& r = slot->results()[k];
      merged.ok += r.ok;
      for (auto [code, n] : r.errors) merged.errors[code] += n;
      merged.latency_us.insert(merged.latency_us.end(), r.latency_us.begin(), r.latency_us.end());
    }
    std::sort(merged.latency_us.begin(), merged.latency_us.end());
    merged.p50_us = Percentile(merged.latency_us, 0.50);
    merged.p90_us = Percentile(merged.latency_us, 0.90);
    merged.p99_us = Percentile(merged.latency_us, 0.99);
    merged.max_us = merged.latency_us.empty() ? 0 : merged.latency_us.back();
    double seconds = absl::ToDoubleSeconds(result.elapsed);
    merged.rate = seconds > 0 ? static_cast<double>(merged.ok) / seconds : 0;
    result.kinds.push_back(std::move(merged));
  }
  return result;
}

std::string FormatTable(const LoadResult& result) {
  std::string out = absl::StrFormat("%-22s %9s %14s %10s %8s %8s %8s %8s\n", "call", "ok", "errors",
                                    "req/s", "p50 ms", "p90 ms", "p99 ms", "max ms");
  for (const auto& k : result.kinds) {
    std::vector<std::string> codes;
    for (auto [code, n] : k.errors) codes.push_back(absl::StrCat(code, ":", n));
    std::string errors = codes.empty() ? "0" : absl::StrJoin(codes, ",");
    absl::StrAppendFormat(&out, "%-22s %9d %14s %10.0f %8.2f %8.2f %8.2f %8.2f\n", k.label, k.ok,
                          errors, k.rate, k.p50_us / 1000.0, k.p90_us / 1000.0, k.p99_us / 1000.0,
                          k.max_us / 1000.0);
  }
  if (!result.first_error.empty()) absl::StrAppend(&out, "first error: ", result.first_error, "\n");
  return out;
}

std::string FormatJson(const LoadResult& result) {
  std::string out;
  for (const auto& k : result.kinds) {
    int64_t errors = 0;
    for (auto [code, n] : k.errors) errors += n;
    absl::StrAppendFormat(&out,
                          "{\"call\":\"%s\",\"ok\":%d,\"errors\":%d,\"rate\":%.1f,\"p50_us\":%d,"
                          "\"p90_us\":%d,\"p99_us\":%d,\"max_us\":%d}\n",
                          k.label, k.ok, errors, k.rate, k.p50_us, k.p90_us, k.p99_us, k.max_us);
  }
  return out;
}

}  // namespace sangkien::bench
