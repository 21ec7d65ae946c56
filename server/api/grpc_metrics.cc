#include "api/grpc_metrics.h"

#include <prometheus/metric_family.h>

#include <algorithm>
#include <limits>
#include <string>

namespace sangkien::api {

// Its own cache lines, so two cores counting different methods do not
// contend.
struct alignas(64) GrpcMetrics::Counters {
  std::atomic<uint64_t> started{0};
  std::atomic<uint64_t> received{0};
  std::atomic<uint64_t> sent{0};
  std::array<std::atomic<uint64_t>, kStatusCodeCount> handled{};
  // Calls by handling time, not cumulative; the last is +Inf.
  std::array<std::atomic<uint64_t>, kSecondsBounds.size() + 1> buckets{};
  std::atomic<uint64_t> nanoseconds{0};
};

GrpcMetrics::GrpcMetrics(const MethodTable& methods)
    : methods_(methods), counters_(new Counters[methods.methods().size()]) {}

GrpcMetrics::~GrpcMetrics() = default;

void GrpcMetrics::Started(const MethodInfo& method) {
  counters_[method.index].started.fetch_add(1, std::memory_order_relaxed);
}

void GrpcMetrics::Received(const MethodInfo& method) {
  counters_[method.index].received.fetch_add(1, std::memory_order_relaxed);
}

void GrpcMetrics::Sent(const MethodInfo& method) {
  counters_[method.index].sent.fetch_add(1, std::memory_order_relaxed);
}

void GrpcMetrics::Handled(const MethodInfo& method, grpc::StatusCode code,
                          std::chrono::nanoseconds elapsed) {
  Counters& c = counters_[method.index];
  int i = static_cast<int>(code);
  if (i < 0 || i >= kStatusCodeCount) i = static_cast<int>(grpc::StatusCode::UNKNOWN);
  c.handled[static_cast<size_t>(i)].fetch_add(1, std::memory_order_relaxed);
  double seconds = std::chrono::duration<double>(elapsed).count();
  size_t bucket = 0;
  while (bucket < kSecondsBounds.size() && seconds > kSecondsBounds[bucket]) ++bucket;
  c.buckets[bucket].fetch_add(1, std::memory_order_relaxed);
  c.nanoseconds.fetch_add(static_cast<uint64_t>(std::max<int64_t>(0, elapsed.count())),
                          std::memory_order_relaxed);
}

namespace {

prometheus::MetricFamily Family(std::string name, std::string help, prometheus::MetricType type) {
  prometheus::MetricFamily family;
  family.name = std::move(name);
  family.help = std::move(help);
  family.type = type;
  return family;
}

std::vector<prometheus::ClientMetric::Label> Labels(const MethodInfo& method) {
  return {
      {"grpc_method", method.method}, {"grpc_service", method.service}, {"grpc_type", method.type}};
}

prometheus::ClientMetric CounterSample(const MethodInfo& method, uint64_t value) {
  prometheus::ClientMetric sample;
  sample.label = Labels(method);
  sample.counter.value = static_cast<double>(value);
  return sample;
}

}  // namespace

std::vector<prometheus::MetricFamily> GrpcMetrics::Collect() const {
  using prometheus::MetricType;
  auto started =
      Family("grpc_server_started_total", "RPCs started on the server.", MetricType::Counter);
  auto handled = Family("grpc_server_handled_total",
                        "RPCs completed on the server, by status code.", MetricType::Counter);
  auto received = Family("grpc_server_msg_received_total", "Messages received from clients.",
                         MetricType::Counter);
  auto sent =
      Family("grpc_server_msg_sent_total", "Messages sent to clients.", MetricType::Counter);
  auto seconds =
      Family("grpc_server_handling_seconds",
             "Time from the start of an RPC to its status, in seconds.", MetricType::Histogram);
  for (const MethodInfo& method : methods_.methods()) {
    const Counters& c = counters_[method.index];
    uint64_t n = c.started.load(std::memory_order_relaxed);
    if (n == 0) continue;
    started.metric.push_back(CounterSample(method, n));
    received.metric.push_back(CounterSample(method, c.received.load(std::memory_order_relaxed)));
    sent.metric.push_back(CounterSample(method, c.sent.load(std::memory_order_relaxed)));
    for (int code = 0; code < kStatusCodeCount; ++code) {
      uint64_t count = c.handled[static_cast<size_t>(code)].load(std::memory_order_relaxed);
      if (count == 0) continue;
      prometheus::ClientMetric sample = CounterSample(method, count);
      sample.label.insert(
          sample.label.begin(),
          {"grpc_code", std::string(PrometheusCodeName(static_cast<grpc::StatusCode>(code)))});
      handled.metric.push_back(std::move(sample));
    }
    // The count is the sum of the buckets read here, so the histogram is
    // consistent in itself even while calls end during the scrape.
    prometheus::ClientMetric histogram;
    histogram.label = Labels(method);
    uint64_t cumulative = 0;
    for (size_t b = 0; b < c.buckets.size(); ++b) {
      cumulative += c.buckets[b].load(std::memory_order_relaxed);
      double bound =
          b < kSecondsBounds.size() ? kSecondsBounds[b] : std::numeric_limits<double>::infinity();
      histogram.histogram.bucket.push_back({cumulative, bound});
    }
    histogram.histogram.sample_count = cumulative;
    histogram.histogram.sample_sum =
        static_cast<double>(c.nanoseconds.load(std::memory_order_relaxed)) / 1e9;
    seconds.metric.push_back(std::move(histogram));
  }
  std::vector<prometheus::MetricFamily> families;
  for (auto* family : {&started, &handled, &seconds, &received, &sent}) {
    if (!family->metric.empty()) families.push_back(std::move(*family));
  }
  return families;
}

namespace {

class MetricsInterceptor final : public grpc::experimental::Interceptor {
 public:
  MetricsInterceptor(GrpcMetrics& metrics, const MethodInfo& method)
      : metrics_(metrics), method_(method), start_(std::chrono::steady_clock::now()) {
    metrics_.Started(method_);
  }

  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    using grpc::experimental::InterceptionHookPoints;
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::POST_RECV_MESSAGE)) {
      metrics_.Received(method_);
    }
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_MESSAGE)) {
      metrics_.Sent(method_);
    }
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_STATUS)) {
      metrics_.Handled(method_, methods->GetSendStatus().error_code(),
                       std::chrono::steady_clock::now() - start_);
    }
    methods->Proceed();
  }

 private:
  GrpcMetrics& metrics_;
  const MethodInfo& method_;
  const std::chrono::steady_clock::time_point start_;
};

}  // namespace

grpc::experimental::Interceptor* MetricsInterceptorFactory::CreateServerInterceptor(
    grpc::experimental::ServerRpcInfo* info) {
  return new MetricsInterceptor(metrics_, methods_.Find(info->method() ? info->method() : ""));
}

}  // namespace sangkien::api
