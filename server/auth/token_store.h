// What the authenticator needs to know about tokens and accounts, declared
// here so that auth depends on no storage: the operations implement it over
// the database (operations::StoredTokens).
#ifndef SANGKIEN_SERVER_AUTH_TOKEN_STORE_H_
#define SANGKIEN_SERVER_AUTH_TOKEN_STORE_H_

#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "domain/account.h"

namespace sangkien::auth {

// A token and the account it belongs to, read together.
struct TokenHolder {
  domain::Token token;
  domain::Account account;
};

// Called from every gRPC thread at once: implementations are thread-safe.
class TokenStore {
 public:
  virtual ~TokenStore() = default;

  // The token with this public prefix and its account, revoked, expired or
  // disabled ones included (the authenticator tells those apart). NOT_FOUND
  // when no token has the prefix or its account is gone; another error when
  // the store cannot be read.
  virtual absl::StatusOr<TokenHolder> FindByPrefix(std::string_view prefix) = 0;

  // Records that the token was used at `when`. OK, or an error when it could
  // not be written, which the authenticator ignores: last_use_time is
  // best effort.
  virtual absl::Status Touch(int64_t token_id, absl::Time when) = 0;
};

}  // namespace sangkien::auth

#endif  // SANGKIEN_SERVER_AUTH_TOKEN_STORE_H_
