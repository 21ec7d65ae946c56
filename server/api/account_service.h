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

  grpc::ServerUnaryReactor* WhoAmI(grpc::CallbackServerContext* ctx, const v1::WhoAmIRequest* req,
                                   v1::WhoAmIResponse* resp) override;
  grpc::ServerUnaryReactor* CreateAccount(grpc::CallbackServerContext* ctx,
                                          const v1::CreateAccountRequest* req,
                                          v1::Account* resp) override;
  grpc::ServerUnaryReactor* GetAccount(grpc::CallbackServerContext* ctx,
                                       const v1::GetAccountRequest* req,
                                       v1::Account* resp) override;
  grpc::ServerUnaryReactor* ListAccounts(grpc::CallbackServerContext* ctx,
                                         const v1::ListAccountsRequest* req,
                                         v1::ListAccountsResponse* resp) override;
  grpc::ServerUnaryReactor* UpdateAccount(grpc::CallbackServerContext* ctx,
                                          const v1::UpdateAccountRequest* req,
                                          v1::Account* resp) override;
  grpc::ServerUnaryReactor* CreateToken(grpc::CallbackServerContext* ctx,
                                        const v1::CreateTokenRequest* req,
                                        v1::CreateTokenResponse* resp) override;
  grpc::ServerUnaryReactor* ListTokens(grpc::CallbackServerContext* ctx,
                                       const v1::ListTokensRequest* req,
                                       v1::ListTokensResponse* resp) override;
  grpc::ServerUnaryReactor* RevokeToken(grpc::CallbackServerContext* ctx,
                                        const v1::RevokeTokenRequest* req,
                                        v1::Token* resp) override;
  grpc::ServerUnaryReactor* IssueKioskPin(grpc::CallbackServerContext* ctx,
                                          const v1::IssueKioskPinRequest* req,
                                          v1::IssueKioskPinResponse* resp) override;
  grpc::ServerUnaryReactor* ListKioskStaff(grpc::CallbackServerContext* ctx,
                                           const v1::ListKioskStaffRequest* req,
                                           v1::ListKioskStaffResponse* resp) override;
  grpc::ServerUnaryReactor* SignInWithPin(grpc::CallbackServerContext* ctx,
                                          const v1::SignInWithPinRequest* req,
                                          v1::SignInWithPinResponse* resp) override;

  // The handlers' bodies, run by Unary() once the caller is admitted.
  absl::Status DoWhoAmI(const domain::Caller& call, const v1::WhoAmIRequest& req,
                        v1::WhoAmIResponse* resp);
  absl::Status DoCreateAccount(const domain::Caller& call, const v1::CreateAccountRequest& req,
                               v1::Account* resp);
  absl::Status DoGetAccount(const domain::Caller& call, const v1::GetAccountRequest& req,
                            v1::Account* resp);
  absl::Status DoListAccounts(const domain::Caller& call, const v1::ListAccountsRequest& req,
                              v1::ListAccountsResponse* resp);
  absl::Status DoUpdateAccount(const domain::Caller& call, const v1::UpdateAccountRequest& req,
                               v1::Account* resp);
  absl::Status DoCreateToken(const domain::Caller& call, const v1::CreateTokenRequest& req,
                             v1::CreateTokenResponse* resp);
  absl::Status DoListTokens(const domain::Caller& call, const v1::ListTokensRequest& req,
                            v1::ListTokensResponse* resp);
  absl::Status DoRevokeToken(const domain::Caller& call, const v1::RevokeTokenRequest& req,
                             v1::Token* resp);
  absl::Status DoIssueKioskPin(const domain::Caller& call, const v1::IssueKioskPinRequest& req,
                               v1::IssueKioskPinResponse* resp);
  absl::Status DoListKioskStaff(const domain::Caller& call, const v1::ListKioskStaffRequest& req,
                                v1::ListKioskStaffResponse* resp);
  absl::Status DoSignInWithPin(const domain::Caller& call, const v1::SignInWithPinRequest& req,
                               v1::SignInWithPinResponse* resp);

  const CallGate& gate() const { return gate_; }

 private:
  operations::AccountOperations& ops_;
  const domain::PageTokenCodec& tokens_;
  const CallGate& gate_;
};

}  // namespace sangkien::api

#endif  // SANGKIEN_SERVER_API_ACCOUNT_SERVICE_H_
