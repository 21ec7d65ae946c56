// What every publicity write records beside the row itself, shared by the
// files of PublicityOperations: the audit digests, the change feed, the
// publish-window schedule and the search documents, and the references a
// stored item must keep. Internal to server/operations.
#ifndef SANGKIEN_SERVER_OPERATIONS_PUBLICITY_RECORDS_H_
#define SANGKIEN_SERVER_OPERATIONS_PUBLICITY_RECORDS_H_

#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "absl/types/span.h"
#include "domain/account.h"
#include "domain/field_mask.h"
#include "domain/publicity.h"
#include "domain/validation.h"
#include "operations/directory_operations.h"
#include "operations/idempotency_internal.h"
#include "status/errors.h"
#include "status/status_macros.h"
#include "storage/audit_log.h"
#include "storage/database.h"
#include "storage/publicity_repository.h"

namespace sangkien::operations::publicity_internal {

// Canonical digests of what is stored, for the audit trail.
std::string Digest(const domain::Broadcast& b);
std::string Digest(const domain::CaseStudy& s);
std::string Digest(const domain::CaseStudyImage& i);
std::string Digest(const domain::Announcement& a);
std::string DeletedDigest(const std::string& name);
std::string Sha256Hex(const std::string& bytes);

// The change log, the publish-window schedule and the search index after a
// write of the item (or its deletion); OK or the storage error.
absl::Status Publicise(storage::Connection& c, const domain::Broadcast& b, bool deleted,
                       absl::Time now);
absl::Status Publicise(storage::Connection& c, const domain::CaseStudy& s, bool deleted,
                       absl::Time now);
absl::Status Publicise(storage::Connection& c, const domain::Announcement& a, bool deleted,
                       absl::Time now);

// OK when the unit exists; INVALID_ARGUMENT on `field` otherwise.
absl::Status CheckUnit(storage::Connection& c, const std::string& field, int64_t unit_id);
// OK when `proposal_id` is 0 or exists; INVALID_ARGUMENT on
// case_study.proposal otherwise.
absl::Status CheckProposal(storage::Connection& c, int64_t proposal_id);

// What the caller's lists include at `now`.
storage::PublicityScope ScopeOf(const domain::Caller& caller, absl::Time now);

// How one kind of item (a broadcast, case study or announcement) is
// checked, stored and named: what the shared write recipes below need.
template <typename T>
struct ItemKind {
  std::string (*name)(int64_t id);
  std::string_view collection;                         // "broadcasts"
  absl::Span<const domain::UpdatableField<T>> fields;  // what an update may change
  absl::Status (*check)(T& item);                      // its rules (publicity_checks.h)
  absl::Status (*references)(storage::Connection& c, const T& item);  // exist
  absl::StatusOr<int64_t> (*insert)(storage::Connection& c, const T& item, absl::Time now);
  absl::Status (*store)(storage::Connection& c, const T& item, absl::Time now);
  absl::Status (*remove)(storage::Connection& c, int64_t id);
  absl::StatusOr<T> (*read)(storage::Connection& c, int64_t id);
};

// Inserts a checked item with its references, feed, index and audit
// event; returns it as stored, or the first error (INVALID_ARGUMENT for a
// missing reference).
template <typename T>
absl::StatusOr<T> InsertItem(storage::Connection& c, const domain::Caller& caller, const T& item,
                             const ItemKind<T>& kind, absl::Time now) {
  SK_RETURN_IF_ERROR(kind.references(c, item));
  SK_ASSIGN_OR_RETURN(int64_t id, kind.insert(c, item, now));
  SK_ASSIGN_OR_RETURN(T created, kind.read(c, id));
  SK_RETURN_IF_ERROR(Publicise(c, created, false, now));
  SK_RETURN_IF_ERROR(
      storage::AuditLog::Append(c, caller.actor, kind.name(id), "", Digest(created), now));
  return created;
}

// A create under `method`: the item a request id seen before created, or
// InsertItem and the request id recorded (ALREADY_EXISTS when it was used
// for another request).
template <typename T>
absl::StatusOr<T> CreateItem(storage::Connection& c, const domain::Caller& caller,
                             std::string_view method, const Idempotency& idempotency, const T& item,
                             const ItemKind<T>& kind, absl::Time now) {
  SK_ASSIGN_OR_RETURN(auto replay, internal::FindReplay(c, method, idempotency));
  if (replay) {
    return kind.read(c,
                     domain::ParseCollectionId(replay->resource_name, kind.collection).value_or(0));
  }
  SK_ASSIGN_OR_RETURN(T created, InsertItem(c, caller, item, kind, now));
  SK_RETURN_IF_ERROR(
      internal::RecordCreate(c, method, idempotency, kind.name(created.id), "", now));
  return created;
}

// The update recipe on `current` (as the caller may see it): the update
// merged (ABORTED on a stale etag), the result checked whole and its
// references, then stored, publicised and audited. Returns the stored item.
template <typename T>
absl::StatusOr<T> UpdateItem(storage::Connection& c, const domain::Caller& caller, const T& current,
                             const domain::Update<T>& update, const ItemKind<T>& kind,
                             absl::Time now) {
  std::string name = kind.name(current.id);
  SK_ASSIGN_OR_RETURN(T merged,
                      domain::MergeUpdate(current, current.etag, name, update, kind.fields));
  SK_RETURN_IF_ERROR(kind.check(merged));
  SK_RETURN_IF_ERROR(kind.references(c, merged));
  SK_RETURN_IF_ERROR(kind.store(c, merged, now));
  SK_ASSIGN_OR_RETURN(T updated, kind.read(c, current.id));
  SK_RETURN_IF_ERROR(Publicise(c, updated, false, now));
  SK_RETURN_IF_ERROR(
      storage::AuditLog::Append(c, caller.actor, name, Digest(current), Digest(updated), now));
  return updated;
}

// Deletes item `id` when `expected_etag` is empty or current (ABORTED
// otherwise; NOT_FOUND when absent), with its tombstone and audit event.
template <typename T>
absl::Status DeleteItem(storage::Connection& c, const domain::Caller& caller, int64_t id,
                        const std::string& expected_etag, const ItemKind<T>& kind, absl::Time now) {
  std::string name = kind.name(id);
  SK_ASSIGN_OR_RETURN(T current, kind.read(c, id));
  if (!expected_etag.empty() && current.etag != expected_etag) return EtagMismatch(name);
  SK_RETURN_IF_ERROR(kind.remove(c, id));
  SK_RETURN_IF_ERROR(Publicise(c, current, true, now));
  return storage::AuditLog::Append(c, caller.actor, name, Digest(current), DeletedDigest(name),
                                   now);
}

}  // namespace sangkien::operations::publicity_internal

#endif  // SANGKIEN_SERVER_OPERATIONS_PUBLICITY_RECORDS_H_
