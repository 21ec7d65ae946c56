#include "metrics_scrape.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <limits>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace sangkien::api_test {
namespace {

absl::StatusOr<std::string> HttpGet(int port, const std::string& path) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return absl::InternalError(absl::StrCat("socket: ", std::strerror(errno)));
  timeval timeout{10, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    std::string why = std::strerror(errno);
    ::close(fd);
    return absl::UnavailableError(absl::StrCat("connect to port ", port, ": ", why));
  }
  std::string request = absl::StrCat("GET ", path, " HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n");
  if (::send(fd, request.data(), request.size(), MSG_NOSIGNAL) !=
      static_cast<ssize_t>(request.size())) {
    ::close(fd);
    return absl::UnavailableError("send failed");
  }
  std::string response;
  char buffer[16384];
  for (;;) {
    ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      std::string why = std::strerror(errno);
      ::close(fd);
      return absl::UnavailableError(absl::StrCat("recv: ", why));
    }
    if (n == 0) break;
    response.append(buffer, static_cast<size_t>(n));
  }
  ::close(fd);
  return response;
}

// `name{a="x",b="y"} 12.5` or `name 12.5`; label values here hold no
// escaped quotes or commas.
std::optional<Sample> ParseSample(const std::string& line) {
  Sample sample;
  size_t brace = line.find('{');
  size_t rest;
  if (brace != std::string::npos) {
    sample.name = line.substr(0, brace);
    size_t close = line.find('}', brace);
    if (close == std::string::npos) return std::nullopt;
    std::vector<std::string> pairs =
        absl::StrSplit(line.substr(brace + 1, close - brace - 1), ',', absl::SkipEmpty());
    for (const std::string& pair : pairs) {
      size_t eq = pair.find('=');
      if (eq == std::string::npos || pair.size() < eq + 3) return std::nullopt;
      std::string value = pair.substr(eq + 1);
      if (value.front() != '"' || value.back() != '"') return std::nullopt;
      sample.labels[pair.substr(0, eq)] = value.substr(1, value.size() - 2);
    }
    rest = close + 1;
  } else {
    rest = line.find(' ');
    if (rest == std::string::npos) return std::nullopt;
    sample.name = line.substr(0, rest);
  }
  std::string value(absl::StripAsciiWhitespace(line.substr(rest)));
  if (value == "+Inf") {
    sample.value = std::numeric_limits<double>::infinity();
  } else if (!absl::SimpleAtod(value, &sample.value)) {
    return std::nullopt;
  }
  return sample;
}

bool Matches(const Sample& s, const std::string& name,
             const std::map<std::string, std::string>& labels) {
  if (s.name != name) return false;
  for (const auto& [key, value] : labels) {
    auto it = s.labels.find(key);
    if (it == s.labels.end() || it->second != value) return false;
  }
  return true;
}

}  // namespace

std::vector<Sample> Scrape::All(const std::string& name,
                                const std::map<std::string, std::string>& labels) const {
  std::vector<Sample> out;
  for (const Sample& s : samples) {
    if (Matches(s, name, labels)) out.push_back(s);
  }
  return out;
}

std::optional<double> Scrape::Value(const std::string& name,
                                    const std::map<std::string, std::string>& labels) const {
  std::vector<Sample> found = All(name, labels);
  if (found.empty()) return std::nullopt;
  EXPECT_EQ(found.size(), 1u) << "several samples of " << name << " match";
  return found.front().value;
}

double Scrape::Count(const std::string& name,
                     const std::map<std::string, std::string>& labels) const {
  return Value(name, labels).value_or(0);
}

absl::StatusOr<Scrape> ScrapeMetrics(int port, const std::string& path) {
  absl::StatusOr<std::string> response = HttpGet(port, path);
  if (!response.ok()) return response.status();
  size_t end_of_headers = response->find("\r\n\r\n");
  if (end_of_headers == std::string::npos) {
    return absl::DataLossError(absl::StrCat("no HTTP headers in: ", *response));
  }
  Scrape scrape;
  std::vector<std::string> headers = absl::StrSplit(response->substr(0, end_of_headers), "\r\n");
  std::vector<std::string> status_line = absl::StrSplit(headers.front(), ' ');
  if (status_line.size() < 2 || !absl::SimpleAtoi(status_line[1], &scrape.http_status)) {
    return absl::DataLossError(absl::StrCat("bad status line: ", headers.front()));
  }
  for (const std::string& header : headers) {
    if (absl::StartsWithIgnoreCase(header, "content-type:")) {
      scrape.content_type = std::string(absl::StripAsciiWhitespace(header.substr(13)));
    }
  }
  scrape.body = response->substr(end_of_headers + 4);
  if (scrape.http_status != 200) return scrape;  // an error page, not metrics
  std::vector<std::string> lines = absl::StrSplit(scrape.body, '\n', absl::SkipEmpty());
  for (const std::string& line : lines) {
    if (line.front() == '#') continue;
    std::optional<Sample> sample = ParseSample(line);
    if (!sample) return absl::DataLossError(absl::StrCat("unparsable line: ", line));
    scrape.samples.push_back(std::move(*sample));
  }
  return scrape;
}

}  // namespace sangkien::api_test
