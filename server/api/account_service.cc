#include "api/account_service.h"

#include "absl/strings/str_cat.h"
#include "api/account_convert.h"
#include "api/field_paths.h"
#include "api/list_support.h"
#include "api/proto_convert.h"
#include "api/request_fingerprint.h"
#include "api/unary.h"
#include "domain/validation.h"
#include "status/errors.h"
#include "status/status_macros.h"

namespace sangkien::api {
namespace {

// A proto Duration with negative nanos is malformed: kept as zero, which
// the operation refuses as not positive.
absl::Duration TtlOf(const google::protobuf::Duration& ttl) {
  if (ttl.nanos() < 0) return absl::ZeroDuration();
  return absl::Seconds(ttl.seconds()) + absl::Nanoseconds(ttl.nanos());
}

// "accounts/3/tokens/9" → {3, 9}.
std::optional<std::pair<int64_t, int64_t>> ParseTokenName(const std::string& name) {
  size_t pos = name.find("/tokens/");
  if (pos == std::string::npos) return std::nullopt;
  auto account = domain::ParseCollectionId(name.substr(0, pos), "accounts");
  auto token = domain::ParseCollectionId(name.substr(pos + 1), "tokens");
  if (!account || !token) return std::nullopt;
  return std::make_pair(*account, *token);
}

}  // namespace

absl::Status AccountServiceImpl::DoWhoAmI(const domain::Caller& call, const v1::WhoAmIRequest&,
                                          v1::WhoAmIResponse* resp) {
  if (call.principal.is_public()) return absl::OkStatus();
  SK_ASSIGN_OR_RETURN(domain::Account account, ops_.WhoAmI(call.principal));
  ToProto(account, resp->mutable_account());
  resp->set_token(
      absl::StrCat("accounts/", call.principal.account_id, "/tokens/", call.principal.token_id));
  return absl::OkStatus();
}

absl::Status AccountServiceImpl::DoCreateAccount(const domain::Caller& call,
                                                 const v1::CreateAccountRequest& req,
                                                 v1::Account* resp) {
  domain::Violations v;
  v.RequestId("request_id", req.request_id());
  SK_RETURN_IF_ERROR(v.ToStatus());
  operations::CreateAccountCommand command{FromProto(req.account()),
                                           IdempotencyOf(call, req, req.request_id())};
  SK_ASSIGN_OR_RETURN(domain::Account created,
                      ops_.CreateAccount(WithRequestId(call, req.request_id()).actor, command));
  ToProto(created, resp);
  return absl::OkStatus();
}

absl::Status AccountServiceImpl::DoGetAccount(const domain::Caller& call,
                                              const v1::GetAccountRequest& req, v1::Account* resp) {
  domain::Violations v;
  int64_t id = v.Name("name", req.name(), "accounts", true);
  SK_RETURN_IF_ERROR(v.ToStatus());
  SK_ASSIGN_OR_RETURN(domain::Account account, ops_.GetAccount(call.principal, id));
  ToProto(account, resp);
  return absl::OkStatus();
}

absl::Status AccountServiceImpl::DoListAccounts(const domain::Caller& call,
                                                const v1::ListAccountsRequest& req,
                                                v1::ListAccountsResponse* resp) {
  ListParams params{"ListAccounts", "", req.page_size(), req.page_token(), req.filter(), ""};
  SK_ASSIGN_OR_RETURN(
      domain::ListQuery query,
      BuildListQuery(tokens_, params, operations::AccountOperations::ListAccountsSpec()));
  SK_ASSIGN_OR_RETURN(auto page, ops_.ListAccounts(query));
  for (const auto& a : page.items) ToProto(a, resp->add_accounts());
  resp->set_next_page_token(NextPageToken(tokens_, params, page.next));
  return absl::OkStatus();
}

absl::Status AccountServiceImpl::DoUpdateAccount(const domain::Caller& call,
                                                 const v1::UpdateAccountRequest& req,
                                                 v1::Account* resp) {
  domain::Violations v;
  int64_t id = v.Name("account.name", req.account().name(), "accounts", true);
  SK_RETURN_IF_ERROR(v.ToStatus());
  operations::UpdateAccountCommand command{
      id, {FromProto(req.account()), FieldPathsOf(req.update_mask()), req.account().etag()}};
  SK_ASSIGN_OR_RETURN(domain::Account updated, ops_.UpdateAccount(call.actor, command));
  ToProto(updated, resp);
  return absl::OkStatus();
}

absl::Status AccountServiceImpl::DoCreateToken(const domain::Caller& call,
                                               const v1::CreateTokenRequest& req,
                                               v1::CreateTokenResponse* resp) {
  domain::Violations v;
  int64_t account_id = v.Name("parent", req.parent(), "accounts", true);
  SK_RETURN_IF_ERROR(v.ToStatus());
  operations::CreateTokenCommand command{account_id, req.display_name(), std::nullopt};
  if (req.has_ttl()) command.ttl = TtlOf(req.ttl());
  SK_ASSIGN_OR_RETURN(auto created, ops_.CreateToken(call.principal, call.actor, command));
  ToProto(created.token, resp->mutable_token());
  resp->set_secret(created.secret);
  return absl::OkStatus();
}

absl::Status AccountServiceImpl::DoListTokens(const domain::Caller& call,
                                              const v1::ListTokensRequest& req,
                                              v1::ListTokensResponse* resp) {
  domain::Violations v;
  int64_t account_id = v.Name("parent", req.parent(), "accounts", true);
  SK_RETURN_IF_ERROR(v.ToStatus());
  ListParams params{"ListTokens", req.parent(), req.page_size(), req.page_token(), "", ""};
  SK_ASSIGN_OR_RETURN(
      domain::ListQuery query,
      BuildListQuery(tokens_, params, operations::AccountOperations::ListTokensSpec()));
  SK_ASSIGN_OR_RETURN(auto page, ops_.ListTokens(call.principal, account_id, query));
  for (const auto& t : page.items) ToProto(t, resp->add_tokens());
  resp->set_next_page_token(NextPageToken(tokens_, params, page.next));
  return absl::OkStatus();
}

absl::Status AccountServiceImpl::DoRevokeToken(const domain::Caller& call,
                                               const v1::RevokeTokenRequest& req, v1::Token* resp) {
  auto key = ParseTokenName(req.name());
  if (!key) {
    return InvalidField("name", "must be a token name like accounts/1/tokens/2",
                        "phải là tên mã truy cập dạng accounts/1/tokens/2");
  }
  SK_ASSIGN_OR_RETURN(domain::Token token,
                      ops_.RevokeToken(call.principal, call.actor, key->first, key->second));
  ToProto(token, resp);
  return absl::OkStatus();
}

absl::Status AccountServiceImpl::DoIssueKioskPin(const domain::Caller& call,
                                                 const v1::IssueKioskPinRequest& req,
                                                 v1::IssueKioskPinResponse* resp) {
  domain::Violations v;
  int64_t account_id = v.Name("name", req.name(), "accounts", true);
  SK_RETURN_IF_ERROR(v.ToStatus());
  SK_ASSIGN_OR_RETURN(auto issued, ops_.IssueKioskPin(call.principal, call.actor, account_id));
  resp->set_pin(issued.pin);
  ToProto(issued.issue_time, resp->mutable_issue_time());
  return absl::OkStatus();
}

absl::Status AccountServiceImpl::DoListKioskStaff(const domain::Caller& call,
                                                  const v1::ListKioskStaffRequest&,
                                                  v1::ListKioskStaffResponse* resp) {
  SK_ASSIGN_OR_RETURN(auto staff, ops_.ListKioskStaff(call.principal));
  for (const auto& m : staff) {
    v1::KioskStaffMember* out = resp->add_staff();
    out->set_account(absl::StrCat("accounts/", m.account.id));
    out->set_display_name(m.account.display_name);
    out->set_position(m.account.position);
    if (m.locked_until) ToProto(*m.locked_until, out->mutable_locked_until());
  }
  return absl::OkStatus();
}

absl::Status AccountServiceImpl::DoSignInWithPin(const domain::Caller& call,
                                                 const v1::SignInWithPinRequest& req,
                                                 v1::SignInWithPinResponse* resp) {
  domain::Violations v;
  int64_t account_id = v.Name("account", req.account(), "accounts", true);
  if (!v.ok()) {
    // Reported with the PIN's own fault, if any, in one answer.
    operations::CheckPinForm("pin", req.pin(), v);
    return v.ToStatus();
  }
  SK_ASSIGN_OR_RETURN(auto session,
                      ops_.SignInWithPin(call.principal, call.actor, account_id, req.pin()));
  ToProto(session.token.token, resp->mutable_token());
  resp->set_secret(session.token.secret);
  ToProto(session.account, resp->mutable_account());
  return absl::OkStatus();
}

grpc::ServerUnaryReactor* AccountServiceImpl::WhoAmI(grpc::CallbackServerContext* ctx,
                                                     const v1::WhoAmIRequest* req,
                                                     v1::WhoAmIResponse* resp) {
  return Unary<&AccountServiceImpl::DoWhoAmI>(this, "sangkien.v1.AccountService/WhoAmI", ctx, req,
                                              resp);
}

grpc::ServerUnaryReactor* AccountServiceImpl::CreateAccount(grpc::CallbackServerContext* ctx,
                                                            const v1::CreateAccountRequest* req,
                                                            v1::Account* resp) {
  return Unary<&AccountServiceImpl::DoCreateAccount>(
      this, "sangkien.v1.AccountService/CreateAccount", ctx, req, resp);
}

grpc::ServerUnaryReactor* AccountServiceImpl::GetAccount(grpc::CallbackServerContext* ctx,
                                                         const v1::GetAccountRequest* req,
                                                         v1::Account* resp) {
  return Unary<&AccountServiceImpl::DoGetAccount>(this, "sangkien.v1.AccountService/GetAccount",
                                                  ctx, req, resp);
}

grpc::ServerUnaryReactor* AccountServiceImpl::ListAccounts(grpc::CallbackServerContext* ctx,
                                                           const v1::ListAccountsRequest* req,
                                                           v1::ListAccountsResponse* resp) {
  return Unary<&AccountServiceImpl::DoListAccounts>(this, "sangkien.v1.AccountService/ListAccounts",
                                                    ctx, req, resp);
}

grpc::ServerUnaryReactor* AccountServiceImpl::UpdateAccount(grpc::CallbackServerContext* ctx,
                                                            const v1::UpdateAccountRequest* req,
                                                            v1::Account* resp) {
  return Unary<&AccountServiceImpl::DoUpdateAccount>(
      this, "sangkien.v1.AccountService/UpdateAccount", ctx, req, resp);
}

grpc::ServerUnaryReactor* AccountServiceImpl::CreateToken(grpc::CallbackServerContext* ctx,
                                                          const v1::CreateTokenRequest* req,
                                                          v1::CreateTokenResponse* resp) {
  return Unary<&AccountServiceImpl::DoCreateToken>(this, "sangkien.v1.AccountService/CreateToken",
                                                   ctx, req, resp);
}

grpc::ServerUnaryReactor* AccountServiceImpl::ListTokens(grpc::CallbackServerContext* ctx,
                                                         const v1::ListTokensRequest* req,
                                                         v1::ListTokensResponse* resp) {
  return Unary<&AccountServiceImpl::DoListTokens>(this, "sangkien.v1.AccountService/ListTokens",
                                                  ctx, req, resp);
}

grpc::ServerUnaryReactor* AccountServiceImpl::RevokeToken(grpc::CallbackServerContext* ctx,
                                                          const v1::RevokeTokenRequest* req,
                                                          v1::Token* resp) {
  return Unary<&AccountServiceImpl::DoRevokeToken>(this, "sangkien.v1.AccountService/RevokeToken",
                                                   ctx, req, resp);
}

grpc::ServerUnaryReactor* AccountServiceImpl::IssueKioskPin(grpc::CallbackServerContext* ctx,
                                                            const v1::IssueKioskPinRequest* req,
                                                            v1::IssueKioskPinResponse* resp) {
  return Unary<&AccountServiceImpl::DoIssueKioskPin>(
      this, "sangkien.v1.AccountService/IssueKioskPin", ctx, req, resp);
}

grpc::ServerUnaryReactor* AccountServiceImpl::ListKioskStaff(grpc::CallbackServerContext* ctx,
                                                             const v1::ListKioskStaffRequest* req,
                                                             v1::ListKioskStaffResponse* resp) {
  return Unary<&AccountServiceImpl::DoListKioskStaff>(
      this, "sangkien.v1.AccountService/ListKioskStaff", ctx, req, resp);
}

grpc::ServerUnaryReactor* AccountServiceImpl::SignInWithPin(grpc::CallbackServerContext* ctx,
                                                            const v1::SignInWithPinRequest* req,
                                                            v1::SignInWithPinResponse* resp) {
  return Unary<&AccountServiceImpl::DoSignInWithPin>(
      this, "sangkien.v1.AccountService/SignInWithPin", ctx, req, resp);
}

}  // namespace sangkien::api
