#include "app/server_gauges.h"

#include <prometheus/metric_family.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <limits>

#include "log/log.h"
#include "operations/maintenance.h"

namespace sangkien::app {
namespace {

using prometheus::MetricFamily;
using prometheus::MetricType;

MetricFamily Gauge(std::string name, std::string help, double value) {
  MetricFamily family;
  family.name = std::move(name);
  family.help = std::move(help);
  family.type = MetricType::Gauge;
  prometheus::ClientMetric sample;
  sample.gauge.value = value;
  family.metric.push_back(std::move(sample));
  return family;
}

double Seconds(absl::Time t) { return absl::FDivDuration(t - absl::UnixEpoch(), absl::Seconds(1)); }

// The size of `path`; nullopt with `problem` set when it cannot be read
// (a missing -wal file is size 0: SQLite removes it on a clean close).
std::optional<int64_t> FileBytes(const std::string& path, bool may_be_missing,
                                 std::string* problem) {
  struct stat st;
  if (::stat(path.c_str(), &st) == 0) return static_cast<int64_t>(st.st_size);
  if (errno == ENOENT && may_be_missing) return 0;
  *problem = path + ": " + std::strerror(errno);
  return std::nullopt;
}

// The writer's batches as a Prometheus histogram: cumulative buckets by the
// batch bounds, the count of commits and the sum of writes.
MetricFamily WritesPerCommit(const operations::WriteStats& writes) {
  MetricFamily per_commit;
  per_commit.name = "sangkien_writes_per_commit";
  per_commit.help = "Writes per committed transaction of the single writer (group commit).";
  per_commit.type = MetricType::Histogram;
  prometheus::ClientMetric sample;
  uint64_t cumulative = 0;
  for (size_t b = 0; b < writes.commits_by_batch.size(); ++b) {
    cumulative += writes.commits_by_batch[b].load(std::memory_order_relaxed);
    double bound = b < operations::WriteStats::kBatchBounds.size()
                       ? static_cast<double>(operations::WriteStats::kBatchBounds[b])
                       : std::numeric_limits<double>::infinity();
    sample.histogram.bucket.push_back({cumulative, bound});
  }
  sample.histogram.sample_count = cumulative;
  sample.histogram.sample_sum =
      static_cast<double>(writes.committed_writes.load(std::memory_order_relaxed));
  per_commit.metric.push_back(std::move(sample));
  return per_commit;
}

}  // namespace

void ServerGauges::Report(const std::string& source, const std::string& problem) const {
  absl::MutexLock lock(&mu_);
  std::string key = source + ": " + problem;
  if (key == last_problem_) return;
  last_problem_ = key;
  log::Warning("metrics source unreadable", {{"source", source}, {"error", problem}});
}

std::vector<MetricFamily> ServerGauges::Collect() const {
  std::vector<MetricFamily> families;
  if (sources_.feed_head) {
    absl::StatusOr<int64_t> head = sources_.feed_head();
    if (head.ok()) {
      families.push_back(Gauge("sangkien_change_feed_head",
                               "Newest sequence number of the change feed (0 when empty).",
                               static_cast<double>(*head)));
    } else {
      Report("change feed", head.status().ToString());
    }
  }
  if (sources_.watch_streams) {
    families.push_back(Gauge("sangkien_watch_streams", "WatchChanges streams open.",
                             static_cast<double>(sources_.watch_streams())));
  }
  if (const operations::WriteStats* writes = sources_.writes) {
    families.push_back(Gauge("sangkien_writes_waiting",
                             "Writes queued for the single writer, not yet in a transaction.",
                             static_cast<double>(writes->waiting.load(std::memory_order_relaxed))));
    families.push_back(WritesPerCommit(*writes));
  }
  if (!sources_.database_path.empty()) {
    std::string problem;
    std::optional<int64_t> db = FileBytes(sources_.database_path, false, &problem);
    std::optional<int64_t> wal = FileBytes(sources_.database_path + "-wal", true, &problem);
    if (db) {
      families.push_back(
          Gauge("sangkien_database_bytes", "Size of the SQLite database file.", *db));
    }
    if (wal) {
      families.push_back(Gauge("sangkien_database_wal_bytes",
                               "Size of the database's write-ahead log (-wal file).", *wal));
    }
    if (!problem.empty()) Report("database files", problem);
  }
  std::optional<AuditCheck> audit;
  if (!sources_.backup_dir.empty()) {
    absl::StatusOr<operations::BackupRecord> record =
        operations::ReadBackupRecord(sources_.backup_dir);
    if (record.ok()) {
      families.push_back(Gauge("sangkien_backup_last_run_timestamp_seconds",
                               "When the last scheduled backup finished (Unix time).",
                               Seconds(record->time)));
      families.push_back(Gauge("sangkien_backup_last_run_ok",
                               "1 if the last scheduled backup succeeded, else 0.",
                               record->ok ? 1 : 0));
      if (record->last_success != absl::InfinitePast()) {
        families.push_back(Gauge("sangkien_backup_last_success_timestamp_seconds",
                                 "When the last successful backup finished (Unix time).",
                                 Seconds(record->last_success)));
      }
      if (record->audit_checked) audit = AuditCheck{record->time, record->audit_intact};
    } else if (!absl::IsNotFound(record.status())) {
      // No record yet is normal before the first nightly run.
      Report("backup record", record.status().ToString());
    }
  }
  if (sources_.in_server_audit_check) {
    std::optional<AuditCheck> in_server = sources_.in_server_audit_check();
    if (in_server && (!audit || in_server->time > audit->time)) audit = in_server;
  }
  if (audit) {
    families.push_back(Gauge("sangkien_audit_last_verification_timestamp_seconds",
                             "When the audit chain was last verified (Unix time): by the "
                             "nightly backup on its copy, or by a VerifyAuditChain call.",
                             Seconds(audit->time)));
    families.push_back(Gauge("sangkien_audit_last_verification_intact",
                             "1 if that verification found the audit chain intact, else 0.",
                             audit->intact ? 1 : 0));
  }
  return families;
}

}  // namespace sangkien::app
