// The change feed's log: which resources changed, in commit order, one row
// per resource at its latest change (see migration 5).
#ifndef SANGKIEN_SERVER_STORAGE_CHANGE_LOG_H_
#define SANGKIEN_SERVER_STORAGE_CHANGE_LOG_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "storage/database.h"

namespace sangkien::storage {

struct ChangeRow {
  int64_t seq = 0;
  std::string resource;
  bool deleted = false;
  bool public_seen = false;  // the public could read it at some point
  absl::Time change_time;
};

struct ScheduledVisibility {
  std::string resource;
  absl::Time at;
  bool opens = false;  // the resource becomes public at `at`
};

// Contract of every function below, unless its own comment says otherwise:
// Get*/Update*/Delete* return the row (or OK) on success and NOT_FOUND
// naming the resource when no row matches; Insert* return the new id;
// List*, *Of and other queries return an empty page or list when nothing
// matches. SQLite failures are thrown, not returned: the enclosing
// Database::Read/Write answers them as INTERNAL or UNAVAILABLE. Stateless;
// safe from any thread on the Connection of its own transaction.
class ChangeLog {
 public:
  // Marks `resource` changed (or deleted) now: it moves to a new seq.
  // `public_now` says whether the public can read it after this write.
  static absl::Status Record(Connection& c, const std::string& resource, bool deleted,
                             bool public_now, absl::Time now);
  // Up to `limit` rows after `seq`, oldest first.
  static absl::StatusOr<std::vector<ChangeRow>> After(Connection& c, int64_t seq, int limit);
  // The newest seq, 0 when empty.
  static absl::StatusOr<int64_t> LatestSeq(Connection& c);
  // Markers at or before this seq may have missed a tombstone.
  static absl::StatusOr<int64_t> CompactedThrough(Connection& c);
  // Drops tombstones up to `through_seq` and records the point. Returns the
  // number dropped.
  static absl::StatusOr<int64_t> Compact(Connection& c, int64_t through_seq);

  // Publish windows: replaces the moments at which `resource` becomes
  // public or stops being public.
  static absl::Status Schedule(Connection& c, const std::string& resource,
                               const std::vector<ScheduledVisibility>& moments);
  // Removes and returns every moment at or before `now`, by time.
  static absl::StatusOr<std::vector<ScheduledVisibility>> TakeDue(Connection& c, absl::Time now);
  // Whether any moment is at or before `now` (cheap: one index probe).
  static absl::StatusOr<bool> AnyDue(Connection& c, absl::Time now);
};

}  // namespace sangkien::storage

#endif  // SANGKIEN_SERVER_STORAGE_CHANGE_LOG_H_
