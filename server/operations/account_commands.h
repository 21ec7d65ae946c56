// What the account use cases take: plain commands in domain types, checked
// whole by AccountOperations, whichever door (the API, sangkienctl, the demo
// seed) they come through.
#ifndef SANGKIEN_SERVER_OPERATIONS_ACCOUNT_COMMANDS_H_
#define SANGKIEN_SERVER_OPERATIONS_ACCOUNT_COMMANDS_H_

#include <cstdint>
#include <optional>
#include <string>

#include "absl/time/time.h"
#include "domain/account.h"
#include "domain/field_mask.h"
#include "operations/command_names.h"
#include "operations/directory_operations.h"

namespace sangkien::operations {

// The longest life a token may be given.
inline constexpr absl::Duration kMaxTokenTtl = absl::Hours(24 * 3660);
// Roles an account may hold at once.
inline constexpr size_t kMaxRoles = 8;

struct CreateAccountCommand {
  // display_name, roles, unit_id (0: none, kUnparsedId), position, disabled
  // and service_account; other fields are ignored.
  domain::Account account;
  Idempotency idempotency;
};

// The fields a caller may change: display_name, roles, unit, position and
// disabled (the API's spelling).
struct UpdateAccountCommand {
  int64_t id = 0;
  domain::Update<domain::Account> update;
};

struct CreateTokenCommand {
  int64_t account_id = 0;
  std::string display_name;  // may be empty
  // Unset: the token does not expire. Otherwise more than zero and at most
  // kMaxTokenTtl.
  std::optional<absl::Duration> ttl;
};

}  // namespace sangkien::operations

#endif  // SANGKIEN_SERVER_OPERATIONS_ACCOUNT_COMMANDS_H_
