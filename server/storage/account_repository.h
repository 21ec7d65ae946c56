// Accounts and tokens in SQLite. Stateless; runs on the caller's transaction.
#ifndef SANGKIEN_SERVER_STORAGE_ACCOUNT_REPOSITORY_H_
#define SANGKIEN_SERVER_STORAGE_ACCOUNT_REPOSITORY_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "domain/account.h"
#include "domain/list_query.h"
#include "storage/database.h"

namespace sangkien::storage {

// Contract of every function below, unless its own comment says otherwise:
// Get*/Update*/Delete* return the row (or OK) on success and NOT_FOUND
// naming the resource when no row matches; Insert* return the new id;
// List*, *Of and other queries return an empty page or list when nothing
// matches. SQLite failures are thrown, not returned: the enclosing
// Database::Read/Write answers them as INTERNAL or UNAVAILABLE. Stateless;
// safe from any thread on the Connection of its own transaction.
class AccountRepository {
 public:
  // Filter fields: role, unit, disabled.
  static const std::vector<domain::FilterField>& AccountFilterFields();

  static absl::StatusOr<int64_t> Insert(Connection& c, const domain::Account& account,
                                        absl::Time now);
  static absl::Status Update(Connection& c, const domain::Account& account, absl::Time now);
  static absl::StatusOr<domain::Account> Get(Connection& c, int64_t id);
  static absl::StatusOr<domain::ListPage<domain::Account>> List(Connection& c,
                                                                const domain::ListQuery& query);

  static absl::StatusOr<int64_t> InsertToken(Connection& c, const domain::Token& token);
  // NOT_FOUND when no token has this prefix.
  static absl::StatusOr<domain::Token> TokenByPrefix(Connection& c, const std::string& prefix);
  static absl::StatusOr<domain::Token> GetToken(Connection& c, int64_t account_id,
                                                int64_t token_id);
  static absl::StatusOr<domain::ListPage<domain::Token>> ListTokens(Connection& c,
                                                                    int64_t account_id,
                                                                    const domain::ListQuery& query);
  // OK also when the token is unknown or already revoked.
  static absl::Status RevokeToken(Connection& c, int64_t token_id, absl::Time now);
  // OK also when the token is unknown.
  static absl::Status TouchToken(Connection& c, int64_t token_id, absl::Time now);

  // The account's kiosk PIN; nullopt when it holds none.
  static absl::StatusOr<std::optional<domain::KioskPin>> GetKioskPin(Connection& c,
                                                                     int64_t account_id);
  // Inserts the PIN or replaces the account's earlier one.
  static absl::Status PutKioskPin(Connection& c, const domain::KioskPin& pin);
  static absl::Status SetPinAttempts(Connection& c, int64_t account_id, int failed_attempts,
                                     std::optional<absl::Time> locked_until);
  // Enabled staff accounts of the unit that hold a kiosk PIN, with it.
  static absl::StatusOr<std::vector<std::pair<domain::Account, domain::KioskPin>>> KioskStaff(
      Connection& c, int64_t unit_id);
};

}  // namespace sangkien::storage

#endif  // SANGKIEN_SERVER_STORAGE_ACCOUNT_REPOSITORY_H_
