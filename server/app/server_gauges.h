// The server's own metrics, read when Prometheus scrapes rather than kept
// up to date call by call:
//
//   sangkien_change_feed_head                      newest sequence of the change log
//   sangkien_watch_streams                         WatchChanges streams open
//   sangkien_writes_waiting                        writes queued for the single writer
//   sangkien_writes_per_commit                     histogram: writes per committed transaction
//   sangkien_database_bytes, sangkien_database_wal_bytes
//   sangkien_backup_last_run_timestamp_seconds, sangkien_backup_last_run_ok,
//   sangkien_backup_last_success_timestamp_seconds (from <backup folder>/last-backup)
//   sangkien_audit_last_verification_timestamp_seconds,
//   sangkien_audit_last_verification_intact        the newer of the backup's audit-chain
//                                                  check and the last VerifyAuditChain call
//
// A source that cannot be read leaves its series out of that scrape and is
// logged once at warning (again only when the reason changes).
#ifndef SANGKIEN_SERVER_APP_SERVER_GAUGES_H_
#define SANGKIEN_SERVER_APP_SERVER_GAUGES_H_

#include <prometheus/collectable.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "operations/maintenance.h"

namespace sangkien::app {

struct AuditCheck {
  absl::Time time;
  bool intact = false;
};

// Scrapes may run on several of the endpoint's threads at once: the sources
// are read-only here, and the only state written, the last problem logged,
// is under mu_.
class ServerGauges final : public prometheus::Collectable {
 public:
  // Every source is optional; a missing one leaves its series out. The
  // functions run on the metrics endpoint's threads, so they must be safe
  // to call from any thread while the server runs.
  struct Sources {
    std::function<absl::StatusOr<int64_t>()> feed_head;
    std::function<int64_t()> watch_streams;
    const operations::WriteStats* writes = nullptr;  // not owned
    std::string database_path;                       // its -wal file sits beside it
    std::string backup_dir;                          // holds last-backup
    std::function<std::optional<AuditCheck>()> in_server_audit_check;
  };

  explicit ServerGauges(Sources sources) : sources_(std::move(sources)) {}

  std::vector<prometheus::MetricFamily> Collect() const override;

 private:
  // Logs `problem` of `source` at warning unless it was the last one logged.
  void Report(const std::string& source, const std::string& problem) const;

  const Sources sources_;
  mutable absl::Mutex mu_;
  mutable std::string last_problem_ ABSL_GUARDED_BY(mu_);
};

}  // namespace sangkien::app

#endif  // SANGKIEN_SERVER_APP_SERVER_GAUGES_H_
