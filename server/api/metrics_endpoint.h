// The Prometheus endpoint: GET /metrics in the text format, on an address of
// its own (prometheus-cpp's exposer, which serves HTTP with civetweb). It
// carries no secrets, but it names the methods and counts the calls: keep it
// on loopback, or behind a firewall that lets only the monitoring host in.
#ifndef SANGKIEN_SERVER_API_METRICS_ENDPOINT_H_
#define SANGKIEN_SERVER_API_METRICS_ENDPOINT_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace prometheus {
class Collectable;
class Exposer;
}  // namespace prometheus

namespace sangkien::api {

// Started and stopped by the assembly's thread; prometheus-cpp serves
// scrapes on its own threads and locks its registry itself.
class MetricsEndpoint {
 public:
  // Listens on `address`: "127.0.0.1:9464", "localhost:9464",
  // "0.0.0.0:9464"; port 0 picks a free one. INVALID_ARGUMENT, quoting the
  // address, when it is not an IPv4 address (or localhost) and a port (IPv6:
  // Debian's civetweb is built without it);
  // UNAVAILABLE when nothing can listen there (port in use, address not on
  // this machine).
  static absl::StatusOr<std::unique_ptr<MetricsEndpoint>> Start(const std::string& address);
  // Stops serving; returns once no scrape runs any more.
  ~MetricsEndpoint();

  // Adds `collectable` to what /metrics returns; the endpoint keeps it alive.
  void Register(std::shared_ptr<prometheus::Collectable> collectable);
  int port() const { return port_; }

 private:
  MetricsEndpoint() = default;

  std::unique_ptr<prometheus::Exposer> exposer_;
  std::vector<std::shared_ptr<prometheus::Collectable>> collectables_;
  int port_ = 0;
};

}  // namespace sangkien::api

#endif  // SANGKIEN_SERVER_API_METRICS_ENDPOINT_H_
