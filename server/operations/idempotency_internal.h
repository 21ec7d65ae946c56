// The request_id check every create shares.
#ifndef SANGKIEN_SERVER_OPERATIONS_IDEMPOTENCY_INTERNAL_H_
#define SANGKIEN_SERVER_OPERATIONS_IDEMPOTENCY_INTERNAL_H_

#include <optional>
#include <string_view>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "operations/directory_operations.h"
#include "storage/request_log.h"

namespace sangkien::operations::internal {

// The first call's record when this is a retry of it; ALREADY_EXISTS when the
// id was used for a different request; nullopt for a new request.
absl::StatusOr<std::optional<storage::RequestRecord>> FindReplay(storage::Connection& c,
                                                                 std::string_view method,
                                                                 const Idempotency& idempotency);

// Records the create in the caller's transaction so a retry finds it: OK
// once written (and at once without a request_id); a storage error otherwise.
absl::Status RecordCreate(storage::Connection& c, std::string_view method,
                          const Idempotency& idempotency, std::string resource_name,
                          std::string extra, absl::Time now);

}  // namespace sangkien::operations::internal

#endif  // SANGKIEN_SERVER_OPERATIONS_IDEMPOTENCY_INTERNAL_H_
