// The hash-chained audit trail. Each event's hash covers the previous hash
// and the event's canonical bytes; the head (last sequence and hash) is kept
// in `meta` so that removing the newest events is noticed as well.
#ifndef SANGKIEN_SERVER_STORAGE_AUDIT_LOG_H_
#define SANGKIEN_SERVER_STORAGE_AUDIT_LOG_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "domain/account.h"
#include "domain/list_query.h"
#include "storage/database.h"

namespace sangkien::storage {

struct AuditEvent {
  int64_t id = 0;  // the sequence; named id for paging
  absl::Time time;
  std::string actor;
  std::string method;
  std::string resource;
  std::string request_id;
  std::string before_digest;
  std::string after_digest;
  std::string previous_hash;
  std::string hash;
};

struct ChainCheck {
  bool intact = true;
  int64_t events_checked = 0;
  int64_t first_broken_sequence = 0;
  std::string problem;
  std::string head_hash;
};

// Contract of every function below, unless its own comment says otherwise:
// Get*/Update*/Delete* return the row (or OK) on success and NOT_FOUND
// naming the resource when no row matches; Insert* return the new id;
// List*, *Of and other queries return an empty page or list when nothing
// matches. SQLite failures are thrown, not returned: the enclosing
// Database::Read/Write answers them as INTERNAL or UNAVAILABLE. Stateless;
// safe from any thread on the Connection of its own transaction.
class AuditLog {
 public:
  static const std::vector<domain::FilterField>& FilterFields();

  // Appends one event in the caller's transaction.
  static absl::Status Append(Connection& c, const domain::Actor& actor, const std::string& resource,
                             const std::string& before_digest, const std::string& after_digest,
                             absl::Time now);
  static absl::StatusOr<domain::ListPage<AuditEvent>> List(Connection& c,
                                                           const domain::ListQuery& query);
  // Walks the whole chain.
  static absl::StatusOr<ChainCheck> Verify(Connection& c);

  // The hash of an event given the previous hash (exposed for tests).
  static std::string EventHash(const AuditEvent& event);
};

// SHA-256 (hex) of a canonical description of a resource's state.
std::string StateDigest(const std::string& canonical);

}  // namespace sangkien::storage

#endif  // SANGKIEN_SERVER_STORAGE_AUDIT_LOG_H_
