// The server-side gRPC metrics under the names go-grpc-prometheus gave them,
// which existing dashboards graph:
//
//   grpc_server_started_total{grpc_service,grpc_method,grpc_type}
//   grpc_server_handled_total{grpc_service,grpc_method,grpc_type,grpc_code}
//   grpc_server_handling_seconds{grpc_service,grpc_method,grpc_type} (histogram)
//   grpc_server_msg_received_total{...}, grpc_server_msg_sent_total{...}
//
// Counted per method of a MethodTable in plain atomics laid out at start: a
// call costs a hash of its path and a few relaxed increments, never a label
// lookup or a lock. A scrape turns the atomics into metric families; a
// method appears once it has been called.
#ifndef SANGKIEN_SERVER_API_GRPC_METRICS_H_
#define SANGKIEN_SERVER_API_GRPC_METRICS_H_

#include <grpcpp/support/server_interceptor.h>
#include <prometheus/collectable.h>

#include <array>
#include <atomic>
#include <chrono>
#include <memory>
#include <vector>

#include "api/method_table.h"

namespace sangkien::api {

// Counted from every gRPC thread and scraped from the endpoint's threads:
// each counter is an atomic laid out at start, so neither side locks.
class GrpcMetrics final : public prometheus::Collectable {
 public:
  // Upper bounds of the handling-time buckets, in seconds (+Inf follows):
  // Prometheus' default buckets with finer steps below 5 ms, where most of
  // this server's calls end.
  static constexpr std::array<double, 14> kSecondsBounds = {
      0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

  // `methods` is not owned and must outlive this object.
  explicit GrpcMetrics(const MethodTable& methods);
  ~GrpcMetrics() override;

  void Started(const MethodInfo& method);
  void Received(const MethodInfo& method);
  void Sent(const MethodInfo& method);
  void Handled(const MethodInfo& method, grpc::StatusCode code, std::chrono::nanoseconds elapsed);

  std::vector<prometheus::MetricFamily> Collect() const override;

 private:
  struct Counters;
  const MethodTable& methods_;
  std::unique_ptr<Counters[]> counters_;  // one per method, by MethodInfo::index
};

// Counts every call into `metrics` (not owned; must outlive the server).
class MetricsInterceptorFactory final
    : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  MetricsInterceptorFactory(const MethodTable& methods, GrpcMetrics& metrics)
      : methods_(methods), metrics_(metrics) {}

  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override;

 private:
  const MethodTable& methods_;
  GrpcMetrics& metrics_;
};

}  // namespace sangkien::api

#endif  // SANGKIEN_SERVER_API_GRPC_METRICS_H_
