#include "storage/change_log.h"

#include "storage/sql_internal.h"

namespace sangkien::storage {

namespace {

constexpr const char *kCompactedKey = "changes_compacted_through";

} // namespace

absl::Status ChangeLog::Record(Connection &c, const std::string &resource,
                               bool deleted, bool public_now, absl::Time now) {
  // Deleting and re-inserting gives the row a new, larger seq while keeping
  // what the public has seen.
  bool seen = public_now;
  {
    auto &q = c.Prepare("SELECT public_seen FROM changes WHERE resource = ?");
    q.bind(1, resource);
    if (q.executeStep())
      seen = seen || q.getColumn(0).getInt() != 0;
    q.reset();
  }
  auto &d = c.Prepare("DELETE FROM changes WHERE resource = ?");
  d.bind(1, resource);
  d.exec();
  auto &i = c.Prepare("INSERT INTO changes (resource, deleted, public_seen, "
                      "change_time) VALUES (?, ?, ?, ?)");
  i.bind(1, resource);
  i.bind(2, deleted ? 1 : 0);
  i.bind(3, seen ? 1 : 0);
  i.bind(4, static_cast<int64_t>(internal::Micros(now)));
  i.exec();
  return absl::OkStatus();
}

absl::StatusOr<std::vector<ChangeRow>>
ChangeLog::After(Connection &c, int64_t seq, int limit) {
  auto &q = c.Prepare(
      "SELECT seq, resource, deleted, public_seen, change_time FROM changes "
      "WHERE seq > ? ORDER BY seq LIMIT ?");
  q.bind(1, static_cast<int64_t>(seq));
  q.bind(2, limit);
  std::vector<ChangeRow> rows;
  while (q.executeStep()) {
    ChangeRow r;
    r.seq = q.getColumn(0).getInt64();
    r.resource = q.getColumn(1).getString();
    r.deleted = q.getColumn(2).getInt() != 0;
    r.public_seen = q.getColumn(3).getInt() != 0;
    r.change_time = internal::FromMicros(q.getColumn(4).getInt64());
    rows.push_back(std::move(r));
  }
  return rows;
}

absl::StatusOr<int64_t> ChangeLog::LatestSeq(Connection &c) {
  // The sequence table also remembers seqs whose rows were replaced.
  auto &q = c.Prepare("SELECT seq FROM sqlite_sequence WHERE name = 'changes'");
  return q.executeStep() ? q.getColumn(0).getInt64() : 0;
}

absl::StatusOr<int64_t> ChangeLog::CompactedThrough(Connection &c) {
  auto &q = c.Prepare("SELECT CAST(value AS INTEGER) FROM meta WHERE key = ?");
  q.bind(1, kCompactedKey);
  return q.executeStep() ? q.getColumn(0).getInt64() : 0;
}

absl::StatusOr<int64_t> ChangeLog::Compact(Connection &c, int64_t through_seq) {
  auto &d = c.Prepare("DELETE FROM changes WHERE deleted = 1 AND seq <= ?");
  d.bind(1, static_cast<int64_t>(through_seq));
  d.exec();
  int64_t dropped = c.changes();
  auto previous = CompactedThrough(c);
  if (!previous.ok())
    return previous.status();
  if (through_seq > *previous) {
    std::string value = std::to_string(through_seq);
    auto &m =
        c.Prepare("INSERT INTO meta (key, value) VALUES (?, ?) "
                  "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    m.bind(1, kCompactedKey);
    m.bind(2, value.data(), static_cast<int>(value.size()));
    m.exec();
  }
  return dropped;
}

absl::Status
ChangeLog::Schedule(Connection &c, const std::string &resource,
                    const std::vector<ScheduledVisibility> &moments) {
  auto &d = c.Prepare("DELETE FROM visibility_schedule WHERE resource = ?");
  d.bind(1, resource);
  d.exec();
  for (const auto &m : moments) {
    auto &i = c.Prepare("INSERT OR REPLACE INTO visibility_schedule (resource, "
                        "at, opens) VALUES (?, ?, ?)");
    i.bind(1, resource);
    i.bind(2, static_cast<int64_t>(internal::Micros(m.at)));
    i.bind(3, m.opens ? 1 : 0);
    i.exec();
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<ScheduledVisibility>>
ChangeLog::TakeDue(Connection &c, absl::Time now) {
  int64_t at = internal::Micros(now);
  std::vector<ScheduledVisibility> due;
  {
    auto &q = c.Prepare("SELECT resource, at, opens FROM visibility_schedule "
                        "WHERE at <= ? ORDER BY at, resource");
    q.bind(1, static_cast<int64_t>(at));
    while (q.executeStep()) {
      due.push_back({q.getColumn(0).getString(),
                     internal::FromMicros(q.getColumn(1).getInt64()),
                     q.getColumn(2).getInt() != 0});
    }
    q.reset();
  }
  auto &d = c.Prepare("DELETE FROM visibility_schedule WHERE at <= ?");
  d.bind(1, static_cast<int64_t>(at));
  d.exec();
  return due;
}

absl::StatusOr<bool> ChangeLog::AnyDue(Connection &c, absl::Time now) {
  auto &q =
      c.Prepare("SELECT 1 FROM visibility_schedule WHERE at <= ? LIMIT 1");
  q.bind(1, static_cast<int64_t>(internal::Micros(now)));
  return q.executeStep();
}

} // namespace sangkien::storage
