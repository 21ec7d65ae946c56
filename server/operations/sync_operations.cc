#include "operations/sync_operations.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "domain/validation.h"
#include "status/errors.h"
#include "status/status_macros.h"
#include "storage/audit_log.h"
#include "storage/change_log.h"
#include "storage/unit_repository.h"

namespace sangkien::operations {

using storage::ChangeLog;
using storage::Connection;

namespace {

// "plans/1/tasks/2/assignments/3" → {"plans", 1, "tasks", 2, "assignments", 3}.
struct NameParts {
  std::vector<std::string> collections;
  std::vector<int64_t> ids;
};

std::optional<NameParts> SplitName(const std::string& name) {
  std::vector<std::string> parts = absl::StrSplit(name, '/');
  if (parts.empty() || parts.size() % 2 != 0) return std::nullopt;
  NameParts out;
  for (size_t i = 0; i < parts.size(); i += 2) {
    int64_t id = 0;
    if (!absl::SimpleAtoi(parts[i + 1], &id) || id <= 0) return std::nullopt;
    out.collections.push_back(parts[i]);
    out.ids.push_back(id);
  }
  return out;
}

bool Is(const NameParts& n, std::initializer_list<const char*> collections) {
  if (n.collections.size() != collections.size()) return false;
  size_t i = 0;
  for (const char* c : collections) {
    if (n.collections[i++] != c) return false;
  }
  return true;
}

absl::Status MarkerExpired(int64_t compacted) {
  return MakeError(
      absl::StatusCode::kFailedPrecondition, "MARKER_EXPIRED",
      absl::StrCat("the change log was compacted past this marker (through change ", compacted,
                   "); drop the local copy and resync from an empty marker"),
      "Nhật ký thay đổi đã được thu gọn qua mốc này; hãy xoá bản sao cục bộ và "
      "đồng bộ lại từ đầu");
}

absl::Status MarkerAhead(int64_t latest) {
  return MakeError(
      absl::StatusCode::kFailedPrecondition, "MARKER_EXPIRED",
      absl::StrCat("this marker is ahead of the change log (which ends at change ", latest,
                   "): the database was replaced by an older copy; drop the local copy and "
                   "resync from an empty marker"),
      "Mốc này vượt quá nhật ký thay đổi của máy chủ (cơ sở dữ liệu đã được thay bằng bản "
      "cũ hơn); hãy xoá bản sao cục bộ và đồng bộ lại từ đầu");
}

}  // namespace

absl::StatusOr<FeedResource> SyncOperations::Load(Connection& c, const domain::Caller& caller,
                                                  const std::string& name) const {
  std::optional<NameParts> n = SplitName(name);
  if (!n) return NotFound(name);
  const auto& id = n->ids;
  if (Is(*n, {"units"})) {
    SK_ASSIGN_OR_RETURN(domain::Unit u, storage::UnitRepository::Get(c, id[0]));
    return FeedResource(std::move(u));
  }
  if (Is(*n, {"unitGroups"})) {
    SK_ASSIGN_OR_RETURN(domain::UnitGroup g, storage::UnitRepository::GetGroup(c, id[0]));
    return FeedResource(std::move(g));
  }
  if (Is(*n, {"plans"})) {
    SK_ASSIGN_OR_RETURN(domain::Plan p, PlanOperations::LoadPlan(c, caller, id[0]));
    return FeedResource(std::move(p));
  }
  if (Is(*n, {"plans", "tasks"})) {
    SK_ASSIGN_OR_RETURN(domain::Task t, PlanOperations::LoadTask(c, caller, id[0], id[1]));
    return FeedResource(std::move(t));
  }
  if (Is(*n, {"plans", "tasks", "assignments"})) {
    SK_ASSIGN_OR_RETURN(domain::Assignment a,
                        PlanOperations::LoadAssignment(c, caller, id[0], id[1], id[2]));
    return FeedResource(std::move(a));
  }
  if (Is(*n, {"plans", "tasks", "progressReports"})) {
    SK_ASSIGN_OR_RETURN(domain::ProgressReport r,
                        PlanOperations::LoadReport(c, caller, id[0], id[1], id[2]));
    return FeedResource(std::move(r));
  }
  if (Is(*n, {"proposals"})) {
    SK_ASSIGN_OR_RETURN(domain::Proposal p, proposals_.Load(c, caller, id[0]));
    return FeedResource(std::move(p));
  }
  if (Is(*n, {"broadcasts"})) {
    SK_ASSIGN_OR_RETURN(domain::Broadcast b, publicity_.LoadBroadcast(c, caller, id[0]));
    return FeedResource(std::move(b));
  }
  if (Is(*n, {"caseStudies"})) {
    SK_ASSIGN_OR_RETURN(domain::CaseStudy s, publicity_.LoadCaseStudy(c, caller, id[0]));
    return FeedResource(std::move(s));
  }
  if (Is(*n, {"announcements"})) {
    SK_ASSIGN_OR_RETURN(domain::Announcement a, publicity_.LoadAnnouncement(c, caller, id[0]));
    return FeedResource(std::move(a));
  }
  return NotFound(name);
}

absl::Status SyncOperations::ApplyDueVisibility() {
  absl::Time now = clock_();
  bool any = false;
  SK_RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(any, ChangeLog::AnyDue(c, now));
    return absl::OkStatus();
  }));
  if (!any) return absl::OkStatus();
  return db_.Write([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(auto due, ChangeLog::TakeDue(c, now));
    for (const auto& d : due) {
      SK_RETURN_IF_ERROR(ChangeLog::Record(c, d.resource, false, d.opens, d.at));
    }
    return absl::OkStatus();
  });
}

absl::StatusOr<int> SyncOperations::ChangesPageSize(int requested) {
  if (requested < 0 || requested > kMaxChangesPageSize) {
    return InvalidField("page_size", absl::StrCat("must be 0 to ", kMaxChangesPageSize),
                        absl::StrCat("phải từ 0 đến ", kMaxChangesPageSize));
  }
  return requested == 0 ? kDefaultChangesPageSize : requested;
}

absl::StatusOr<FeedPage> SyncOperations::ListChanges(const domain::Caller& caller,
                                                     FeedPosition after, bool from_start,
                                                     int page_size) {
  SK_RETURN_IF_ERROR(ApplyDueVisibility());
  // Roles limited to public data are told of a resource's disappearance only
  // when they could have seen it, so tombstones never name internal drafts.
  bool internal = caller.sees_internal_plans();
  FeedPage page;
  page.next = after;
  SK_RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(int64_t compacted, ChangeLog::CompactedThrough(c));
    // Tombstones dropped before the marker was issued were of resources the
    // client never received; only later compactions past its seq lose some.
    if (!from_start && compacted > after.seq && compacted > after.compacted) {
      return MarkerExpired(compacted);
    }
    // Otherwise the changes written since the copy would reuse the seqs the
    // client has already passed, and it would never see them.
    SK_ASSIGN_OR_RETURN(int64_t latest, ChangeLog::LatestSeq(c));
    if (!from_start && after.seq > latest) return MarkerAhead(latest);
    page.next.compacted = std::max(compacted, after.compacted);
    // Hidden rows are skipped, so keep reading until the page is full; the
    // bound keeps one call's work finite.
    int budget = page_size * 20;
    for (;;) {
      int want = std::min(page_size, budget);
      SK_ASSIGN_OR_RETURN(auto rows, ChangeLog::After(c, page.next.seq, want));
      for (auto& row : rows) {
        page.next.seq = row.seq;
        --budget;
        FeedEntry entry{row.resource, false, row.change_time, std::nullopt};
        if (!row.deleted) {
          auto loaded = Load(c, caller, row.resource);
          if (loaded.ok()) {
            entry.resource = std::move(*loaded);
          } else if (loaded.status().code() != absl::StatusCode::kNotFound) {
            return loaded.status();
          }
        }
        if (!entry.resource) {
          if (from_start) continue;
          if (!internal && !row.public_seen) continue;
          entry.deleted = true;
        }
        page.entries.push_back(std::move(entry));
        if (static_cast<int>(page.entries.size()) == page_size) break;
      }
      bool exhausted = static_cast<int>(rows.size()) < want;
      if (static_cast<int>(page.entries.size()) == page_size || exhausted || budget <= 0) {
        if (exhausted && static_cast<int>(page.entries.size()) < page_size) {
          page.caught_up = true;
        } else {
          SK_ASSIGN_OR_RETURN(auto more, ChangeLog::After(c, page.next.seq, 1));
          page.caught_up = more.empty();
        }
        return absl::OkStatus();
      }
    }
  }));
  return page;
}

absl::StatusOr<int64_t> SyncOperations::LatestSeq() {
  int64_t seq = 0;
  SK_RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(seq, ChangeLog::LatestSeq(c));
    return absl::OkStatus();
  }));
  return seq;
}

absl::StatusOr<int64_t> SyncOperations::Compact(const domain::Caller& caller, int64_t through_seq) {
  int64_t dropped = 0;
  SK_RETURN_IF_ERROR(db_.Write([&](Connection& c) -> absl::Status {
    int64_t through = through_seq;
    if (through <= 0) {
      SK_ASSIGN_OR_RETURN(through, ChangeLog::LatestSeq(c));
    }
    SK_ASSIGN_OR_RETURN(int64_t before, ChangeLog::CompactedThrough(c));
    SK_ASSIGN_OR_RETURN(dropped, ChangeLog::Compact(c, through));
    return storage::AuditLog::Append(
        c, caller.actor, "changes", storage::StateDigest(absl::StrCat("compacted=", before)),
        storage::StateDigest(absl::StrCat("compacted=", through)), clock_());
  }));
  return dropped;
}

}  // namespace sangkien::operations
