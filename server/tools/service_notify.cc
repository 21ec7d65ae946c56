#include "tools/service_notify.h"

#include <systemd/sd-daemon.h>

#include "absl/strings/str_cat.h"
#include "log/log.h"

namespace sangkien::tools {
namespace {

// One line of the state string; systemd takes newline as a field separator.
std::string OneLine(std::string s) {
  for (char& c : s) {
    if (c == '\n') c = ' ';
  }
  return s;
}

}  // namespace

ServiceNotifier::ServiceNotifier(std::function<absl::Status()> probe)
    : probe_(std::move(probe)), watchdog_period_(absl::ZeroDuration()) {
  uint64_t usec = 0;
  // > 0 only when WATCHDOG_USEC is set and WATCHDOG_PID (if set) is us.
  if (sd_watchdog_enabled(/*unset_environment=*/0, &usec) > 0 && usec > 0) {
    watchdog_period_ = absl::Microseconds(static_cast<int64_t>(usec));
  }
}

ServiceNotifier::~ServiceNotifier() { StopWatchdog(); }

void ServiceNotifier::Ready(const std::string& status) {
  sd_notify(0, absl::StrCat("READY=1\nSTATUS=", OneLine(status)).c_str());
  if (watchdog_period_ > absl::ZeroDuration() && !watchdog_.joinable()) {
    watchdog_ = std::thread([this] { WatchdogLoop(); });
  }
}

void ServiceNotifier::Stopping(const std::string& status) {
  StopWatchdog();
  sd_notify(0, absl::StrCat("STOPPING=1\nSTATUS=", OneLine(status)).c_str());
}

void ServiceNotifier::StopWatchdog() {
  {
    absl::MutexLock lock(&mu_);
    stop_ = true;
  }
  if (watchdog_.joinable()) watchdog_.join();
}

void ServiceNotifier::WatchdogLoop() {
  // Half the period, as sd_watchdog_enabled(3) advises: one late probe does
  // not cost a restart, two do.
  const absl::Duration interval = watchdog_period_ / 2;
  bool failing = false;
  mu_.Lock();
  while (!stop_) {
    mu_.Unlock();
    absl::Status probed = probe_();
    if (probed.ok()) {
      sd_notify(0, "WATCHDOG=1");
      if (failing) {
        log::Info("watchdog probe succeeds again");
        sd_notify(0, "STATUS=serving");
      }
    } else if (!failing) {
      // Logged once per failing stretch: systemd restarts the server after
      // one period without WATCHDOG=1, so a line per probe adds nothing.
      log::Warning("watchdog probe failed: not telling systemd the server is alive",
                   {{"error", probed.ToString()}});
      sd_notify(0,
                OneLine(absl::StrCat("STATUS=database read failed: ", probed.message())).c_str());
    }
    failing = !probed.ok();
    mu_.Lock();
    mu_.AwaitWithTimeout(absl::Condition(&stop_), interval);
  }
  mu_.Unlock();
}

}  // namespace sangkien::tools
