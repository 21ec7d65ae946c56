#include "operations/idempotency_internal.h"

#include "status/errors.h"

namespace sangkien::operations::internal {

absl::StatusOr<std::optional<storage::RequestRecord>> FindReplay(storage::Connection& c,
                                                                 std::string_view method,
                                                                 const Idempotency& idempotency) {
  if (idempotency.request_id.empty()) return std::optional<storage::RequestRecord>();
  auto found = storage::RequestLog::Find(c, method, idempotency.request_id);
  if (!found.ok() || !found->has_value()) return found;
  if ((*found)->fingerprint != idempotency.fingerprint) {
    return MakeError(absl::StatusCode::kAlreadyExists, "REQUEST_ID_REUSED",
                     "request_id was already used for a different request",
                     "request_id này đã được dùng cho một yêu cầu khác");
  }
  return found;
}

absl::Status RecordCreate(storage::Connection& c, std::string_view method,
                          const Idempotency& idempotency, std::string resource_name,
                          std::string extra, absl::Time now) {
  if (idempotency.request_id.empty()) return absl::OkStatus();
  return storage::RequestLog::Record(
      c, method, idempotency.request_id,
      {idempotency.fingerprint, std::move(resource_name), std::move(extra)}, now);
}

}  // namespace sangkien::operations::internal
