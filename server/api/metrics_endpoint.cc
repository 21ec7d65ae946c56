#include "api/metrics_endpoint.h"

#include <arpa/inet.h>
#include <prometheus/collectable.h>
#include <prometheus/exposer.h>

#include <exception>

#include "absl/algorithm/container.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace sangkien::api {
namespace {

// The address as civetweb's listening_ports option wants it, or why not.
absl::StatusOr<std::string> CivetAddress(const std::string& address) {
  auto bad = [&](const char* why) {
    return absl::InvalidArgumentError(
        absl::StrCat("--metrics_listen \"", address, "\": ", why,
                     "; give host:port, such as 127.0.0.1:9464 or 0.0.0.0:9464 (an empty "
                     "value turns the metrics endpoint off)"));
  };
  size_t colon = address.rfind(':');
  if (colon == std::string::npos) return bad("no port");
  std::string host = address.substr(0, colon);
  std::string port_text = address.substr(colon + 1);
  int port = 0;
  if (port_text.empty() || !absl::c_all_of(port_text, absl::ascii_isdigit) ||
      !absl::SimpleAtoi(port_text, &port) || port > 65535) {
    return bad("the port must be a number from 0 to 65535");
  }
  if (absl::AsciiStrToLower(host) == "localhost") host = "127.0.0.1";
  if (!host.empty() && host.front() == '[') {
    // Debian's civetweb, which serves the endpoint, is built without IPv6.
    return bad("IPv6 addresses are not supported here; use an IPv4 address such as 127.0.0.1");
  }
  in_addr v4;
  if (inet_pton(AF_INET, host.c_str(), &v4) != 1) {
    return bad("the host must be an IPv4 address or localhost");
  }
  return absl::StrCat(host, ":", port);
}

}  // namespace

absl::StatusOr<std::unique_ptr<MetricsEndpoint>> MetricsEndpoint::Start(
    const std::string& address) {
  absl::StatusOr<std::string> civet = CivetAddress(address);
  if (!civet.ok()) return civet.status();
  std::unique_ptr<MetricsEndpoint> endpoint(new MetricsEndpoint());
  try {
    endpoint->exposer_ = std::make_unique<prometheus::Exposer>(*civet, /*num_threads=*/2);
  } catch (const std::exception&) {
    // civetweb says only "possible problem binding to port".
    return absl::UnavailableError(absl::StrCat(
        "--metrics_listen: cannot listen on ", address,
        " for the metrics endpoint (port in use, or an address this machine does not have)"));
  }
  std::vector<int> ports = endpoint->exposer_->GetListeningPorts();
  endpoint->port_ = ports.empty() ? 0 : ports.front();
  return endpoint;
}

MetricsEndpoint::~MetricsEndpoint() {
  // The exposer's threads may be in a scrape: stop them before the
  // collectables (and what they read) go.
  exposer_.reset();
}

void MetricsEndpoint::Register(std::shared_ptr<prometheus::Collectable> collectable) {
  exposer_->RegisterCollectable(collectable);
  collectables_.push_back(std::move(collectable));
}

}  // namespace sangkien::api
