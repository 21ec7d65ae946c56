#include "operations/audit_operations.h"

#include <utility>

#include "status/status_macros.h"
#include "storage/audit_log.h"

namespace sangkien::operations {

const domain::ListSpec& AuditOperations::ListEventsSpec() {
  static const domain::ListSpec kSpec{
      &storage::AuditLog::FilterFields(), nullptr, {"sequence", false}};
  return kSpec;
}

absl::StatusOr<domain::ListPage<domain::AuditEvent>> AuditOperations::ListEvents(
    const domain::ListQuery& query) {
  domain::ListPage<domain::AuditEvent> page;
  SK_RETURN_IF_ERROR(db_.Read([&](storage::Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(page, storage::AuditLog::List(c, query));
    return absl::OkStatus();
  }));
  return page;
}

absl::StatusOr<domain::AuditChainCheck> AuditOperations::VerifyChain() {
  domain::AuditChainCheck check;
  SK_RETURN_IF_ERROR(db_.Read([&](storage::Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(check, storage::AuditLog::Verify(c));
    return absl::OkStatus();
  }));
  return check;
}

}  // namespace sangkien::operations
