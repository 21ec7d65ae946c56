// Issuing a bearer token inside a transaction, shared by token creation and
// kiosk sign-in.
#ifndef SANGKIEN_SERVER_OPERATIONS_TOKEN_INTERNAL_H_
#define SANGKIEN_SERVER_OPERATIONS_TOKEN_INTERNAL_H_

#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "operations/account_operations.h"
#include "storage/database.h"

namespace sangkien::operations::internal {

// Refuses a change to an account's tokens or PIN to a caller who is neither
// the account nor an admin: PERMISSION_DENIED for an inspector, who sees the
// account, NOT_FOUND for anyone else.
absl::Status RefuseTokenChange(storage::Database& db, const domain::Principal& principal,
                               int64_t account_id, std::optional<int64_t> token_id);

// A fresh token of the account, audited as created by `actor`.
absl::StatusOr<CreatedToken> InsertToken(storage::Connection& c, const domain::Actor& actor,
                                         int64_t account_id, const std::string& display_name,
                                         std::optional<absl::Duration> ttl, absl::Time now);

}  // namespace sangkien::operations::internal

#endif  // SANGKIEN_SERVER_OPERATIONS_TOKEN_INTERNAL_H_
