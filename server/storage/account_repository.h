// Accounts and tokens in SQLite. Stateless; runs on the caller's transaction.
#ifndef SANGKIEN_SERVER_STORAGE_ACCOUNT_REPOSITORY_H_
#define SANGKIEN_SERVER_STORAGE_ACCOUNT_REPOSITORY_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "domain/account.h"
#include "domain/list_query.h"
#include "storage/database.h"

namespace sangkien::storage {

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
  static absl::Status RevokeToken(Connection& c, int64_t token_id, absl::Time now);
  static absl::Status TouchToken(Connection& c, int64_t token_id, absl::Time now);
};

}  // namespace sangkien::storage

#endif  // SANGKIEN_SERVER_STORAGE_ACCOUNT_REPOSITORY_H_
