// The authenticator's view of tokens and accounts, read from the database.
#ifndef SANGKIEN_SERVER_OPERATIONS_STORED_TOKENS_H_
#define SANGKIEN_SERVER_OPERATIONS_STORED_TOKENS_H_

#include <string_view>

#include "auth/token_store.h"
#include "storage/database.h"

namespace sangkien::operations {

// Thread-safe: each call is one transaction of its own.
class StoredTokens final : public auth::TokenStore {
 public:
  // `db` must outlive this.
  explicit StoredTokens(storage::Database& db) : db_(db) {}

  // The token and its account in one read; NOT_FOUND when either is absent.
  absl::StatusOr<auth::TokenHolder> FindByPrefix(std::string_view prefix) override;
  // Writes last_use_time; the database's error when the write fails.
  absl::Status Touch(int64_t token_id, absl::Time when) override;

 private:
  storage::Database& db_;
};

}  // namespace sangkien::operations

#endif  // SANGKIEN_SERVER_OPERATIONS_STORED_TOKENS_H_
