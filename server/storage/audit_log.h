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
#include "domain/audit_event.h"
#include "domain/list_query.h"
#include "storage/database.h"

namespace sangkien::storage {

// The trail's rows are the domain's events; a second engine stores the
// same fields.
using AuditEvent = domain::AuditEvent;
using ChainCheck = domain::AuditChainCheck;

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
