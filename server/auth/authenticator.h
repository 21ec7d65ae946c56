// Turns the `authorization` metadata of a call into a Principal.
#ifndef SANGKIEN_SERVER_AUTH_AUTHENTICATOR_H_
#define SANGKIEN_SERVER_AUTH_AUTHENTICATOR_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "auth/token_store.h"
#include "calendar/clock.h"
#include "domain/account.h"

namespace sangkien::auth {

struct AuthenticatorOptions {
  // Failed attempts per token prefix within `failure_window` before further
  // attempts on that prefix are refused until the window passes.
  int max_failures = 10;
  absl::Duration failure_window = absl::Minutes(5);
  // last_use_time is written at most this often per token.
  absl::Duration touch_interval = absl::Minutes(1);
};

// Shared by every gRPC thread: the failure counts are guarded by mu_, the
// store is thread-safe itself.
class Authenticator {
 public:
  // `store` must outlive the authenticator.
  Authenticator(TokenStore& store, calendar::Clock clock, AuthenticatorOptions options = {});

  // No header: the public. A header that is not "Bearer <token>", or a token
  // that is unknown, wrong, expired or revoked, or whose account is disabled:
  // UNAUTHENTICATED (each with its own reason). Too many failures on one
  // prefix: RESOURCE_EXHAUSTED.
  absl::StatusOr<domain::Principal> Authenticate(std::optional<std::string_view> authorization);

 private:
  bool LockedOut(const std::string& prefix, absl::Time now);
  void RecordFailure(const std::string& prefix, absl::Time now);

  TokenStore& store_;
  calendar::Clock clock_;
  AuthenticatorOptions options_;

  struct Failures {
    int count = 0;
    absl::Time window_start;
  };
  absl::Mutex mu_;
  std::map<std::string, Failures> failures_ ABSL_GUARDED_BY(mu_);
};

}  // namespace sangkien::auth

#endif  // SANGKIEN_SERVER_AUTH_AUTHENTICATOR_H_
