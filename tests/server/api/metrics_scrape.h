// Reads the server's Prometheus endpoint over plain HTTP/1.0 and parses the
// text format, for the metrics tests.
#ifndef SANGKIEN_TESTS_SERVER_API_METRICS_SCRAPE_H_
#define SANGKIEN_TESTS_SERVER_API_METRICS_SCRAPE_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace sangkien::api_test {

struct Sample {
  std::string name;  // as written: "grpc_server_handling_seconds_bucket"
  std::map<std::string, std::string> labels;
  double value = 0;
};

struct Scrape {
  int http_status = 0;
  std::string content_type;
  std::string body;
  std::vector<Sample> samples;

  // The value of the one sample named `name` whose labels include
  // `labels`; nullopt when none matches (and a test failure when several
  // do).
  std::optional<double> Value(const std::string& name,
                              const std::map<std::string, std::string>& labels = {}) const;
  // Like Value, 0 when absent (a counter not yet incremented).
  double Count(const std::string& name,
               const std::map<std::string, std::string>& labels = {}) const;
  // Every sample named `name` whose labels include `labels`.
  std::vector<Sample> All(const std::string& name,
                          const std::map<std::string, std::string>& labels = {}) const;
};

// GET `path` from 127.0.0.1:`port`.
absl::StatusOr<Scrape> ScrapeMetrics(int port, const std::string& path = "/metrics");

}  // namespace sangkien::api_test

#endif  // SANGKIEN_TESTS_SERVER_API_METRICS_SCRAPE_H_
