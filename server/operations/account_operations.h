// Use cases on accounts and tokens. Each public method is one transaction
// and leaves one audit event per write.
#ifndef SANGKIEN_SERVER_OPERATIONS_ACCOUNT_OPERATIONS_H_
#define SANGKIEN_SERVER_OPERATIONS_ACCOUNT_OPERATIONS_H_

#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "domain/account.h"
#include "domain/list_query.h"
#include "operations/clock.h"
#include "operations/directory_operations.h"
#include "storage/database.h"

namespace sangkien::operations {

struct CreatedToken {
  domain::Token token;
  std::string secret;  // shown once
};

class AccountOperations {
 public:
  AccountOperations(storage::Database& db, Clock clock) : db_(db), clock_(std::move(clock)) {}

  // The caller's account (NOT_FOUND for the public).
  absl::StatusOr<domain::Account> WhoAmI(const domain::Principal& principal);
  // Staff and kiosk accounts need a unit; a kiosk's unit must be a commune,
  // town or ward.
  absl::StatusOr<domain::Account> CreateAccount(const domain::Actor& actor, domain::Account account,
                                                const Idempotency& idempotency);
  // Admin and inspector see every account; others only their own (anything
  // else is NOT_FOUND, so account ids do not leak).
  absl::StatusOr<domain::Account> GetAccount(const domain::Principal& principal, int64_t id);
  absl::StatusOr<domain::ListPage<domain::Account>> ListAccounts(const domain::ListQuery& query);
  absl::StatusOr<domain::Account> UpdateAccount(const domain::Actor& actor,
                                                const domain::Account& account,
                                                const std::string& expected_etag);

  // The account itself or an admin; PERMISSION_DENIED for an inspector, who
  // sees the account, and NOT_FOUND for anyone else.
  absl::StatusOr<CreatedToken> CreateToken(const domain::Principal& principal,
                                           const domain::Actor& actor, int64_t account_id,
                                           const std::string& display_name,
                                           std::optional<absl::Duration> ttl);
  // The account itself, an admin or an inspector.
  absl::StatusOr<domain::ListPage<domain::Token>> ListTokens(const domain::Principal& principal,
                                                             int64_t account_id,
                                                             const domain::ListQuery& query);
  // The account itself or an admin; refused as CreateToken refuses.
  absl::StatusOr<domain::Token> RevokeToken(const domain::Principal& principal,
                                            const domain::Actor& actor, int64_t account_id,
                                            int64_t token_id);

  // For bootstrap (sangkienctl) and demo seeding: no principal checks.
  absl::StatusOr<CreatedToken> IssueToken(const domain::Actor& actor, int64_t account_id,
                                          const std::string& display_name,
                                          std::optional<absl::Duration> ttl);

 private:
  storage::Database& db_;
  Clock clock_;
};

}  // namespace sangkien::operations

#endif  // SANGKIEN_SERVER_OPERATIONS_ACCOUNT_OPERATIONS_H_
