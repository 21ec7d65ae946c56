// The change feed's use cases: what changed after a point, as the caller
// sees it now, and compaction. No gRPC here.
#ifndef SANGKIEN_SERVER_OPERATIONS_SYNC_OPERATIONS_H_
#define SANGKIEN_SERVER_OPERATIONS_SYNC_OPERATIONS_H_

#include <functional>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "absl/status/statusor.h"
#include "calendar/clock.h"
#include "domain/account.h"
#include "domain/plan.h"
#include "domain/proposal.h"
#include "domain/publicity.h"
#include "domain/task.h"
#include "domain/unit.h"
#include "operations/plan_operations.h"
#include "operations/proposal_operations.h"
#include "operations/publicity_operations.h"
#include "storage/database.h"

namespace sangkien::operations {

inline constexpr int kMaxChangesPageSize = 1000;
inline constexpr int kDefaultChangesPageSize = 200;

using FeedResource = std::variant<domain::Unit, domain::UnitGroup, domain::Plan, domain::Task,
                                  domain::Assignment, domain::ProgressReport, domain::Proposal,
                                  domain::Broadcast, domain::CaseStudy, domain::Announcement>;

struct FeedEntry {
  std::string name;
  bool deleted = false;  // a tombstone: `resource` is unset
  absl::Time change_time;
  std::optional<FeedResource> resource;
};

// Where a client stands in the feed. `compacted` is the compaction point
// when the marker was issued: a later compaction past `seq` may have dropped
// tombstones the client needs.
struct FeedPosition {
  int64_t seq = 0;
  int64_t compacted = 0;
};

struct FeedPage {
  std::vector<FeedEntry> entries;
  FeedPosition next;  // where to resume
  bool caught_up = false;
};

class SyncOperations {
 public:
  SyncOperations(storage::Database& db, calendar::Clock clock, const ProposalOperations& proposals,
                 PublicityOperations& publicity)
      : db_(db), clock_(std::move(clock)), proposals_(proposals), publicity_(publicity) {}

  // Turns publish windows that opened or closed by now into changes. Cheap
  // when none did.
  absl::Status ApplyDueVisibility();

  // The page size a ListChanges request asked for: kDefaultChangesPageSize
  // for 0; INVALID_ARGUMENT on "page_size" outside 0 to kMaxChangesPageSize.
  static absl::StatusOr<int> ChangesPageSize(int requested);

  // Up to `page_size` changes after `after_seq`. `from_start`: an initial
  // sync, which needs no tombstones. FAILED_PRECONDITION (MARKER_EXPIRED)
  // when `after_seq` is older than the last compaction.
  absl::StatusOr<FeedPage> ListChanges(const domain::Caller& caller, FeedPosition after,
                                       bool from_start, int page_size);

  // The newest seq: a watcher with nothing new is caught up to it.
  absl::StatusOr<int64_t> LatestSeq();

  // Drops the tombstones up to `through_seq` (0: all of them). Markers from
  // before then must resync. Returns how many were dropped.
  absl::StatusOr<int64_t> Compact(const domain::Caller& caller, int64_t through_seq);

 private:
  absl::StatusOr<FeedResource> Load(storage::Connection& c, const domain::Caller& caller,
                                    const std::string& name) const;

  storage::Database& db_;
  calendar::Clock clock_;
  const ProposalOperations& proposals_;
  PublicityOperations& publicity_;
};

}  // namespace sangkien::operations

#endif  // SANGKIEN_SERVER_OPERATIONS_SYNC_OPERATIONS_H_
