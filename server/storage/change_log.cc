#include "storage/change_log.h"

#include "storage/sql_internal.h"

namespace sangkien::storage {

using internal::Query;

namespace {

constexpr const char* kCompactedKey = "changes_compacted_through";

}  // namespace

absl::Status ChangeLog::Record(Connection& c, const std::string& resource, bool deleted,
                               bool public_now, absl::Time now) {
  // Deleting and re-inserting gives the row a new, larger seq while keeping
  // what the public has seen.
  bool seen = public_now;
  {
    Query q(c, "SELECT public_seen FROM changes WHERE resource = :resource");
    if (q.Bind(":resource", resource).Step()) seen = seen || q.Column(0).getInt() != 0;
    q.Reset();
  }
  Query(c, "DELETE FROM changes WHERE resource = :resource").Bind(":resource", resource).Run();
  Query(c,
        "INSERT INTO changes (resource, deleted, public_seen, change_time) "
        "VALUES (:resource, :deleted, :seen, :now)")
      .Bind(":resource", resource)
      .Bind(":deleted", deleted)
      .Bind(":seen", seen)
      .Bind(":now", now)
      .Run();
  return absl::OkStatus();
}

absl::StatusOr<std::vector<ChangeRow>> ChangeLog::After(Connection& c, int64_t seq, int limit) {
  Query q(c,
          "SELECT seq, resource, deleted, public_seen, change_time FROM changes "
          "WHERE seq > :seq ORDER BY seq LIMIT :limit");
  q.Bind(":seq", seq).Bind(":limit", limit);
  std::vector<ChangeRow> rows;
  while (q.Step()) {
    ChangeRow r;
    r.seq = q.Column(0).getInt64();
    r.resource = q.Column(1).getString();
    r.deleted = q.Column(2).getInt() != 0;
    r.public_seen = q.Column(3).getInt() != 0;
    r.change_time = internal::FromMicros(q.Column(4).getInt64());
    rows.push_back(std::move(r));
  }
  return rows;
}

absl::StatusOr<int64_t> ChangeLog::LatestSeq(Connection& c) {
  // The sequence table also remembers seqs whose rows were replaced.
  Query q(c, "SELECT seq FROM sqlite_sequence WHERE name = 'changes'");
  return q.Step() ? q.Column(0).getInt64() : 0;
}

absl::StatusOr<int64_t> ChangeLog::CompactedThrough(Connection& c) {
  Query q(c, "SELECT CAST(value AS INTEGER) FROM meta WHERE key = :key");
  return q.Bind(":key", kCompactedKey).Step() ? q.Column(0).getInt64() : 0;
}

absl::StatusOr<int64_t> ChangeLog::Compact(Connection& c, int64_t through_seq) {
  int64_t dropped = Query(c, "DELETE FROM changes WHERE deleted = 1 AND seq <= :through")
                        .Bind(":through", through_seq)
                        .Run();
  auto previous = CompactedThrough(c);
  if (!previous.ok()) return previous.status();
  if (through_seq > *previous) {
    Query(c,
          "INSERT INTO meta (key, value) VALUES (:key, :value) "
          "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        .Bind(":key", kCompactedKey)
        .BindBlob(":value", std::to_string(through_seq))
        .Run();
  }
  return dropped;
}

absl::Status ChangeLog::Schedule(Connection& c, const std::string& resource,
                                 const std::vector<ScheduledVisibility>& moments) {
  Query(c, "DELETE FROM visibility_schedule WHERE resource = :resource")
      .Bind(":resource", resource)
      .Run();
  for (const auto& m : moments) {
    Query(c,
          "INSERT OR REPLACE INTO visibility_schedule (resource, at, opens) "
          "VALUES (:resource, :at, :opens)")
        .Bind(":resource", resource)
        .Bind(":at", m.at)
        .Bind(":opens", m.opens)
        .Run();
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<ScheduledVisibility>> ChangeLog::TakeDue(Connection& c, absl::Time now) {
  std::vector<ScheduledVisibility> due;
  {
    Query q(c,
            "SELECT resource, at, opens FROM visibility_schedule "
            "WHERE at <= :now ORDER BY at, resource");
    q.Bind(":now", now);
    while (q.Step()) {
      due.push_back({q.Column(0).getString(), internal::FromMicros(q.Column(1).getInt64()),
                     q.Column(2).getInt() != 0});
    }
    q.Reset();
  }
  Query(c, "DELETE FROM visibility_schedule WHERE at <= :now").Bind(":now", now).Run();
  return due;
}

absl::StatusOr<bool> ChangeLog::AnyDue(Connection& c, absl::Time now) {
  Query q(c, "SELECT 1 FROM visibility_schedule WHERE at <= :now LIMIT 1");
  return q.Bind(":now", now).Step();
}

}  // namespace sangkien::storage
