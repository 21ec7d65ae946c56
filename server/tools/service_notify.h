// Tells systemd how the server is doing (sd_notify): READY=1 once it takes
// calls, STOPPING=1 when it begins to stop, and, when the unit sets
// WatchdogSec=, WATCHDOG=1 every half period but only while a real read of
// the database succeeds, so a server that is up but cannot serve gets
// restarted. Without NOTIFY_SOCKET (not started by systemd) every call is a
// no-op.
#ifndef SANGKIEN_SERVER_TOOLS_SERVICE_NOTIFY_H_
#define SANGKIEN_SERVER_TOOLS_SERVICE_NOTIFY_H_

#include <functional>
#include <string>
#include <thread>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace sangkien::tools {

// Called from the main thread; its watchdog thread shares only the stop
// flag, under mu_.
class ServiceNotifier {
 public:
  // `probe` must be safe to call from another thread until Stopping() or the
  // destructor returns; a non-OK result withholds that WATCHDOG=1.
  explicit ServiceNotifier(std::function<absl::Status()> probe);
  ~ServiceNotifier();  // stops the watchdog thread
  ServiceNotifier(const ServiceNotifier&) = delete;
  ServiceNotifier& operator=(const ServiceNotifier&) = delete;

  // Sends READY=1 with STATUS=`status` and starts the watchdog thread if
  // systemd asked for one (WATCHDOG_USEC set and WATCHDOG_PID this process).
  // Call once, after the server takes calls.
  void Ready(const std::string& status);
  // Stops the watchdog and sends STOPPING=1 with STATUS=`status`.
  void Stopping(const std::string& status);

  // The watchdog period systemd asked for, or zero when none.
  absl::Duration watchdog_period() const { return watchdog_period_; }

 private:
  void WatchdogLoop();
  void StopWatchdog();

  std::function<absl::Status()> probe_;
  absl::Duration watchdog_period_;
  absl::Mutex mu_;
  bool stop_ ABSL_GUARDED_BY(mu_) = false;
  std::thread watchdog_;
};

}  // namespace sangkien::tools

#endif  // SANGKIEN_SERVER_TOOLS_SERVICE_NOTIFY_H_
