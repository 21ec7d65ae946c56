// The one door every call goes through: who is calling (authentication) and
// whether they may call this method (the access table). Handlers receive the
// resulting Caller and pass it to the operations, which apply the finer,
// resource-dependent rules.
#ifndef SANGKIEN_SERVER_API_CALL_GATE_H_
#define SANGKIEN_SERVER_API_CALL_GATE_H_

#include <grpcpp/grpcpp.h>

#include <string_view>

#include "absl/status/statusor.h"
#include "api/call_accounts.h"
#include "auth/authenticator.h"
#include "domain/account.h"

namespace sangkien::api {

// Called on every gRPC callback thread at once: it holds no state of its
// own; the authenticator and the call-accounts table lock their own.
class CallGate {
 public:
  // With `accounts` (not owned; may be null), every caller that
  // authenticates is recorded there under its call's context for the call
  // log, also when the method is then refused to it.
  explicit CallGate(auth::Authenticator& authenticator, CallAccounts* accounts = nullptr)
      : authenticator_(authenticator), accounts_(accounts) {}

  // `method` is the full name without the leading slash,
  // "sangkien.v1.PlanService/GetPlan". Returns the authenticated caller
  // when the access table lets it call `method`; the authenticator's
  // UNAUTHENTICATED or RESOURCE_EXHAUSTED for a bad or throttled token;
  // PERMISSION_DENIED when the caller's role may not call the method.
  absl::StatusOr<domain::Caller> Admit(const grpc::CallbackServerContext& ctx,
                                       std::string_view method) const;

 private:
  auth::Authenticator& authenticator_;
  CallAccounts* const accounts_;
};

}  // namespace sangkien::api

#endif  // SANGKIEN_SERVER_API_CALL_GATE_H_
