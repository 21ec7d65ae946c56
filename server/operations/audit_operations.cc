#include "operations/audit_operations.h"

#include <utility>

#include "status/status_macros.h"
#include "storage/audit_log.h"

namespace sangkien::operations {
namespace {

domain::AuditEvent FromStored(storage::AuditEvent e) {
  domain::AuditEvent out;
  out.sequence = e.id;
  out.time = e.time;
  out.actor = std::move(e.actor);
  out.method = std::move(e.method);
  out.resource = std::move(e.resource);
  out.request_id = std::move(e.request_id);
  out.before_digest = std::move(e.before_digest);
  out.after_digest = std::move(e.after_digest);
  out.previous_hash = std::move(e.previous_hash);
  out.hash = std::move(e.hash);
  return out;
}

}  // namespace

const domain::ListSpec& AuditOperations::ListEventsSpec() {
  static const domain::ListSpec kSpec{
      &storage::AuditLog::FilterFields(), nullptr, {"sequence", false}};
  return kSpec;
}

absl::StatusOr<domain::ListPage<domain::AuditEvent>> AuditOperations::ListEvents(
    const domain::ListQuery& query) {
  domain::ListPage<domain::AuditEvent> page;
  SK_RETURN_IF_ERROR(db_.Read([&](storage::Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(auto stored, storage::AuditLog::List(c, query));
    for (auto& e : stored.items) page.items.push_back(FromStored(std::move(e)));
    page.next = stored.next;
    return absl::OkStatus();
  }));
  return page;
}

absl::StatusOr<domain::AuditChainCheck> AuditOperations::VerifyChain() {
  storage::ChainCheck check;
  SK_RETURN_IF_ERROR(db_.Read([&](storage::Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(check, storage::AuditLog::Verify(c));
    return absl::OkStatus();
  }));
  return domain::AuditChainCheck{check.intact, check.events_checked, check.first_broken_sequence,
                                 std::move(check.problem), std::move(check.head_hash)};
}

}  // namespace sangkien::operations
