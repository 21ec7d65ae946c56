#include "api/call_gate.h"

#include "absl/strings/str_cat.h"
#include "auth/access_policy.h"
#include "status/status_macros.h"

namespace sangkien::api {

absl::StatusOr<domain::Caller> CallGate::Admit(const grpc::CallbackServerContext& ctx,
                                               std::string_view method) const {
  std::optional<std::string_view> authorization;
  const auto& metadata = ctx.client_metadata();
  auto range = metadata.equal_range("authorization");
  int headers = 0;
  for (auto it = range.first; it != range.second; ++it) {
    authorization = std::string_view(it->second.data(), it->second.size());
    ++headers;
  }
  domain::Caller caller;
  if (headers > 1) {
    // Two credentials on one call are ambiguous; refuse rather than pick one.
    SK_ASSIGN_OR_RETURN(caller.principal, authenticator_.Authenticate("two headers"));
  }
  SK_ASSIGN_OR_RETURN(caller.principal, authenticator_.Authenticate(authorization));
  caller.actor.name =
      caller.principal.is_public() ? "public" : absl::StrCat("accounts/", caller.principal.account_id);
  // The context's base class is what the call log's interceptor sees.
  if (accounts_ != nullptr) {
    accounts_->Set(static_cast<const grpc::ServerContextBase*>(&ctx), caller.actor.name);
  }
  SK_RETURN_IF_ERROR(auth::Authorize(caller.principal, method));
  caller.actor.method = std::string(method);
  return caller;
}

}  // namespace sangkien::api
