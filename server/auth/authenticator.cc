#include "auth/authenticator.h"

#include "auth/bearer_token.h"
#include "status/errors.h"
#include "status/status_macros.h"

namespace sangkien::auth {
namespace {

absl::Status Unauthenticated(std::string_view reason, std::string_view en, std::string_view vi) {
  return MakeError(absl::StatusCode::kUnauthenticated, reason, en, vi);
}

}  // namespace

Authenticator::Authenticator(TokenStore& store, calendar::Clock clock, AuthenticatorOptions options)
    : store_(store), clock_(std::move(clock)), options_(options) {}

bool Authenticator::LockedOut(const std::string& prefix, absl::Time now) {
  absl::MutexLock lock(&mu_);
  auto it = failures_.find(prefix);
  if (it == failures_.end()) return false;
  if (now - it->second.window_start > options_.failure_window) {
    failures_.erase(it);
    return false;
  }
  return it->second.count >= options_.max_failures;
}

void Authenticator::RecordFailure(const std::string& prefix, absl::Time now) {
  absl::MutexLock lock(&mu_);
  // Bound the table: a flood of random prefixes must not grow memory.
  if (failures_.size() > 100000) failures_.clear();
  Failures& f = failures_[prefix];
  if (f.count == 0 || now - f.window_start > options_.failure_window) {
    f.count = 0;
    f.window_start = now;
  }
  ++f.count;
}

absl::StatusOr<domain::Principal> Authenticator::Authenticate(
    std::optional<std::string_view> authorization) {
  if (!authorization || authorization->empty()) return domain::Principal{};
  constexpr std::string_view kBearer = "Bearer ";
  if (authorization->size() <= kBearer.size() ||
      authorization->substr(0, kBearer.size()) != kBearer) {
    return Unauthenticated("MALFORMED_AUTHORIZATION",
                           "the authorization header must be \"Bearer <token>\"",
                           "Tiêu đề authorization phải có dạng \"Bearer <mã>\"");
  }
  std::string_view secret = authorization->substr(kBearer.size());
  auto prefix = TokenPrefix(secret);
  if (!prefix) {
    return Unauthenticated("MALFORMED_TOKEN", "the token is not in the expected form",
                           "Mã truy cập không đúng định dạng");
  }
  absl::Time now = clock_();
  if (LockedOut(*prefix, now)) {
    return MakeError(absl::StatusCode::kResourceExhausted, "TOO_MANY_FAILED_ATTEMPTS",
                     "too many failed attempts with this token; wait a few minutes",
                     "Thử sai quá nhiều lần với mã này; hãy đợi vài phút");
  }
  absl::StatusOr<TokenHolder> found = store_.FindByPrefix(*prefix);
  if (absl::IsNotFound(found.status()) ||
      (found.ok() && !SameHash(found->token.secret_hash, HashToken(secret)))) {
    RecordFailure(*prefix, now);
    return Unauthenticated("UNKNOWN_TOKEN", "the token is not valid", "Mã truy cập không hợp lệ");
  }
  SK_RETURN_IF_ERROR(found.status());
  const domain::Token& token = found->token;
  const domain::Account& account = found->account;
  if (token.revoke_time) {
    return Unauthenticated("TOKEN_REVOKED", "the token was revoked", "Mã truy cập đã bị thu hồi");
  }
  if (token.expire_time && *token.expire_time <= now) {
    return Unauthenticated("TOKEN_EXPIRED", "the token has expired", "Mã truy cập đã hết hạn");
  }
  if (account.disabled) {
    return Unauthenticated("ACCOUNT_DISABLED", "the account is disabled", "Tài khoản đã bị khoá");
  }
  if (!token.last_use_time || now - *token.last_use_time >= options_.touch_interval) {
    // Best effort: a busy database must not fail the caller's request.
    (void)store_.Touch(token.id, now);
  }
  domain::Principal p;
  p.account_id = account.id;
  p.token_id = token.id;
  p.roles = account.roles;
  p.unit_id = account.unit_id;
  p.display_name = account.display_name;
  return p;
}

}  // namespace sangkien::auth
