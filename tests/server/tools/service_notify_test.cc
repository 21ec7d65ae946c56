// ServiceNotifier speaks the sd_notify protocol to a datagram socket this test
// binds, as systemd does for a Type=notify unit.
#include "tools/service_notify.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>

namespace sangkien::tools {
namespace {

using ::testing::HasSubstr;

// Binds a Unix datagram socket and points NOTIFY_SOCKET at it; the watchdog
// variables are set per test.
class ServiceNotifyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("notify_test_" + std::to_string(::getpid()) + ".sock");
    std::filesystem::remove(path_);
    fd_ = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    ASSERT_GE(fd_, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::snprintf(addr.sun_path, sizeof addr.sun_path, "%s", path_.c_str());
    ASSERT_EQ(::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    ::setenv("NOTIFY_SOCKET", path_.c_str(), 1);
    ::unsetenv("WATCHDOG_USEC");
    ::unsetenv("WATCHDOG_PID");
  }
  void TearDown() override {
    ::unsetenv("NOTIFY_SOCKET");
    ::unsetenv("WATCHDOG_USEC");
    ::unsetenv("WATCHDOG_PID");
    if (fd_ >= 0) ::close(fd_);
    std::filesystem::remove(path_);
  }

  void EnableWatchdog(int usec, pid_t pid) {
    ::setenv("WATCHDOG_USEC", std::to_string(usec).c_str(), 1);
    ::setenv("WATCHDOG_PID", std::to_string(pid).c_str(), 1);
  }

  // The next datagram, or "" after `timeout`.
  std::string Receive(std::chrono::milliseconds timeout = std::chrono::milliseconds(2000)) {
    timeval tv{};
    tv.tv_sec = timeout.count() / 1000;
    tv.tv_usec = (timeout.count() % 1000) * 1000;
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    char buffer[4096];
    ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
    return n > 0 ? std::string(buffer, static_cast<size_t>(n)) : std::string();
  }

  // How many WATCHDOG=1 datagrams arrive within `window`.
  int CountWatchdogs(std::chrono::milliseconds window) {
    int count = 0;
    auto end = std::chrono::steady_clock::now() + window;
    while (std::chrono::steady_clock::now() < end) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          end - std::chrono::steady_clock::now());
      if (left.count() <= 0) break;
      std::string got = Receive(left);
      if (got.find("WATCHDOG=1") != std::string::npos) ++count;
    }
    return count;
  }

  std::filesystem::path path_;
  int fd_ = -1;
};

TEST_F(ServiceNotifyTest, ReadyAndStoppingCarryTheirStatus) {
  ServiceNotifier notifier([] { return absl::OkStatus(); });
  EXPECT_EQ(notifier.watchdog_period(), absl::ZeroDuration());
  notifier.Ready("serving on port 50051");
  std::string ready = Receive();
  EXPECT_THAT(ready, HasSubstr("READY=1"));
  EXPECT_THAT(ready, HasSubstr("STATUS=serving on port 50051"));
  notifier.Stopping("finishing\ncalls");
  std::string stopping = Receive();
  EXPECT_THAT(stopping, HasSubstr("STOPPING=1"));
  EXPECT_THAT(stopping, HasSubstr("STATUS=finishing calls"));  // one line
}

TEST_F(ServiceNotifyTest, WatchdogPingsEveryHalfPeriodWhileTheProbeSucceeds) {
  EnableWatchdog(200000, ::getpid());  // 200 ms: a ping every 100 ms
  std::atomic<int> probes{0};
  ServiceNotifier notifier([&] {
    ++probes;
    return absl::OkStatus();
  });
  EXPECT_EQ(notifier.watchdog_period(), absl::Milliseconds(200));
  notifier.Ready("serving");
  EXPECT_THAT(Receive(), HasSubstr("READY=1"));
  int pings = CountWatchdogs(std::chrono::milliseconds(1000));
  EXPECT_GE(pings, 5);  // about 10; a loaded machine may be slow
  EXPECT_LE(pings, 12);
  EXPECT_GE(probes.load(), pings);
  notifier.Stopping("stopping");
}

TEST_F(ServiceNotifyTest, NoWatchdogWhileTheProbeFailsAndAgainWhenItRecovers) {
  EnableWatchdog(200000, ::getpid());
  std::atomic<bool> healthy{false};
  ServiceNotifier notifier([&] {
    return healthy.load() ? absl::OkStatus() : absl::UnavailableError("database is locked");
  });
  notifier.Ready("serving");
  EXPECT_THAT(Receive(), HasSubstr("READY=1"));
  // The failure is reported once in STATUS=, never as WATCHDOG=1.
  EXPECT_THAT(Receive(), HasSubstr("STATUS=database read failed: database is locked"));
  EXPECT_EQ(CountWatchdogs(std::chrono::milliseconds(600)), 0);
  healthy = true;
  EXPECT_GE(CountWatchdogs(std::chrono::milliseconds(600)), 2);
}

TEST_F(ServiceNotifyTest, NoWatchdogForAnotherProcess) {
  // systemd names the main pid; a child that inherited the variables must
  // not ping on its behalf.
  EnableWatchdog(200000, ::getpid() + 1);
  ServiceNotifier notifier([] { return absl::OkStatus(); });
  EXPECT_EQ(notifier.watchdog_period(), absl::ZeroDuration());
  notifier.Ready("serving");
  EXPECT_THAT(Receive(), HasSubstr("READY=1"));
  EXPECT_EQ(CountWatchdogs(std::chrono::milliseconds(400)), 0);
}

TEST_F(ServiceNotifyTest, WithoutNotifySocketNothingIsSent) {
  ::unsetenv("NOTIFY_SOCKET");
  EnableWatchdog(200000, ::getpid());
  ServiceNotifier notifier([] { return absl::OkStatus(); });
  notifier.Ready("serving");
  notifier.Stopping("stopping");
  EXPECT_EQ(Receive(std::chrono::milliseconds(300)), "");
}

}  // namespace
}  // namespace sangkien::tools
