// Reading and verifying the audit trail every write leaves.
#ifndef SANGKIEN_SERVER_OPERATIONS_AUDIT_OPERATIONS_H_
#define SANGKIEN_SERVER_OPERATIONS_AUDIT_OPERATIONS_H_

#include "absl/status/statusor.h"
#include "domain/audit_event.h"
#include "domain/list_query.h"
#include "storage/database.h"

namespace sangkien::operations {

// Thread-safe: each call is one read transaction.
class AuditOperations {
 public:
  explicit AuditOperations(storage::Database& db) : db_(db) {}

  // What ListEvents accepts (filter fields; ordered by sequence).
  static const domain::ListSpec& ListEventsSpec();

  // One page of events in sequence order; an error only when the database
  // fails.
  absl::StatusOr<domain::ListPage<domain::AuditEvent>> ListEvents(const domain::ListQuery& query);
  // Walks the whole chain. A broken chain is a result (intact false, where
  // and why), not an error; an error only when the database fails.
  absl::StatusOr<domain::AuditChainCheck> VerifyChain();

 private:
  storage::Database& db_;
};

}  // namespace sangkien::operations

#endif  // SANGKIEN_SERVER_OPERATIONS_AUDIT_OPERATIONS_H_
