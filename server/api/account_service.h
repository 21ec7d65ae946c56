// sangkien.v1.AccountService over AccountOperations.
#ifndef SANGKIEN_SERVER_API_ACCOUNT_SERVICE_H_
#define SANGKIEN_SERVER_API_ACCOUNT_SERVICE_H_

#include "absl/status/status.h"
#include "api/call_gate.h"
#include "domain/page_token.h"
#include "operations/account_operations.h"
#include "sangkien/v1/account_service.grpc.pb.h"

namespace sangkien::api {

class AccountServiceImpl final : public v1::AccountService::CallbackService {
 public:
  AccountServiceImpl(operations::AccountOperations& ops, const domain::PageTokenCodec& tokens,
                     const CallGate& gate)
      : ops_(ops), tokens_(tokens), gate_(gate) {}

#define SK_UNARY(Method, Request, Response)                                              \
  grpc::ServerUnaryReactor* Method(grpc::CallbackServerContext* ctx, const Request* req, \
                                   Response* resp) override;                             \
  absl::Status Do##Method(const domain::Caller& call, const Request& req, Response* resp);
  SK_UNARY(WhoAmI, v1::WhoAmIRequest, v1::WhoAmIResponse)
  SK_UNARY(CreateAccount, v1::CreateAccountRequest, v1::Account)
  SK_UNARY(GetAccount, v1::GetAccountRequest, v1::Account)
  SK_UNARY(ListAccounts, v1::ListAccountsRequest, v1::ListAccountsResponse)
  SK_UNARY(UpdateAccount, v1::UpdateAccountRequest, v1::Account)
  SK_UNARY(CreateToken, v1::CreateTokenRequest, v1::CreateTokenResponse)
  SK_UNARY(ListTokens, v1::ListTokensRequest, v1::ListTokensResponse)
  SK_UNARY(RevokeToken, v1::RevokeTokenRequest, v1::Token)
  SK_UNARY(IssueKioskPin, v1::IssueKioskPinRequest, v1::IssueKioskPinResponse)
  SK_UNARY(ListKioskStaff, v1::ListKioskStaffRequest, v1::ListKioskStaffResponse)
  SK_UNARY(SignInWithPin, v1::SignInWithPinRequest, v1::SignInWithPinResponse)
#undef SK_UNARY

 private:
  operations::AccountOperations& ops_;
  const domain::PageTokenCodec& tokens_;
  const CallGate& gate_;
};

}  // namespace sangkien::api

#endif  // SANGKIEN_SERVER_API_ACCOUNT_SERVICE_H_
