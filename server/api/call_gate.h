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

class CallGate {
 public:
  // With `accounts` (not owned; may be null), every caller that
  // authenticates is recorded there under its call's context for the call
  // log, also when the method is then refused to it.
  explicit CallGate(auth::Authenticator& authenticator, CallAccounts* accounts = nullptr)
      : authenticator_(authenticator), accounts_(accounts) {}

  // `method` is the full name without the leading slash,
  // "sangkien.v1.PlanService/GetPlan".
  absl::StatusOr<domain::Caller> Admit(const grpc::CallbackServerContext& ctx,
                                       std::string_view method) const;

 private:
  auth::Authenticator& authenticator_;
  CallAccounts* const accounts_;
};

}  // namespace sangkien::api

#endif  // SANGKIEN_SERVER_API_CALL_GATE_H_
