#include "operations/stored_tokens.h"

#include <memory>
#include <string>

#include "auth/authenticator.h"
#include "status/status_macros.h"
#include "storage/account_repository.h"

namespace sangkien::operations {

absl::StatusOr<auth::TokenHolder> StoredTokens::FindByPrefix(std::string_view prefix) {
  auth::TokenHolder holder;
  SK_RETURN_IF_ERROR(db_.Read([&](storage::Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(holder.token,
                        storage::AccountRepository::TokenByPrefix(c, std::string(prefix)));
    SK_ASSIGN_OR_RETURN(holder.account,
                        storage::AccountRepository::Get(c, holder.token.account_id));
    return absl::OkStatus();
  }));
  return holder;
}

absl::Status StoredTokens::Touch(int64_t token_id, absl::Time when) {
  return db_.Write([&](storage::Connection& c) {
    return storage::AccountRepository::TouchToken(c, token_id, when);
  });
}

}  // namespace sangkien::operations
