#include "api/account_service.h"

#include "absl/strings/str_cat.h"
#include "api/account_convert.h"
#include "api/field_mask_support.h"
#include "api/list_support.h"
#include "api/proto_convert.h"
#include "api/request_fingerprint.h"
#include "api/unary.h"
#include "auth/kiosk_pin.h"
#include "domain/validation.h"
#include "status/errors.h"
#include "status/status_macros.h"
#include "storage/account_repository.h"

namespace sangkien::api {
namespace {

const std::vector<std::string>& AccountUpdatableFields() {
  static const std::vector<std::string> kFields = {"display_name", "roles", "unit", "position",
                                                   "disabled"};
  return kFields;
}

absl::StatusOr<domain::Account> CheckAccount(const v1::Account& a) {
  domain::Violations v;
  domain::Account out = FromProto(a);
  out.display_name = v.Text("account.display_name", a.display_name(), domain::kMaxNameLength, true);
  out.position = v.Text("account.position", a.position(), domain::kMaxNameLength, false);
  if (a.roles_size() == 0) {
    v.Add("account.roles", "name at least one role", "cần ít nhất một vai trò");
  }
  v.ListSize("account.roles", a.roles_size(), 8);
  for (int r : a.roles()) {
    if (r == v1::ROLE_UNSPECIFIED || !v1::Role_IsValid(r)) {
      v.Add("account.roles", "unknown role", "vai trò không hợp lệ");
      break;
    }
  }
  out.unit_id = v.Name("account.unit", a.unit(), "units", false);
  SK_RETURN_IF_ERROR(v.ToStatus());
  return out;
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
  SK_ASSIGN_OR_RETURN(domain::Account account, CheckAccount(req.account()));
  account.id = 0;
  SK_ASSIGN_OR_RETURN(domain::Account created,
                      ops_.CreateAccount(WithRequestId(call, req.request_id()).actor, account,
                                         IdempotencyOf(call, req, req.request_id())));
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
  ListSpec spec{&storage::AccountRepository::AccountFilterFields(), nullptr, {"id", false}};
  SK_ASSIGN_OR_RETURN(domain::ListQuery query, BuildListQuery(tokens_, params, spec));
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
  SK_RETURN_IF_ERROR(CheckUpdateMask(req.update_mask(), AccountUpdatableFields()));
  SK_ASSIGN_OR_RETURN(domain::Account current, ops_.GetAccount(call.principal, id));
  std::string expected = req.account().etag().empty() ? current.etag : req.account().etag();
  if (expected != current.etag) return EtagMismatch(req.account().name());
  v1::Account merged;
  ToProto(current, &merged);
  ApplyUpdateMask(req.update_mask(), req.account(), &merged);
  SK_ASSIGN_OR_RETURN(domain::Account account, CheckAccount(merged));
  account.id = id;
  account.service_account = current.service_account;
  SK_ASSIGN_OR_RETURN(domain::Account updated, ops_.UpdateAccount(call.actor, account, expected));
  ToProto(updated, resp);
  return absl::OkStatus();
}

absl::Status AccountServiceImpl::DoCreateToken(const domain::Caller& call,
                                               const v1::CreateTokenRequest& req,
                                               v1::CreateTokenResponse* resp) {
  domain::Violations v;
  int64_t account_id = v.Name("parent", req.parent(), "accounts", true);
  std::string display_name =
      v.Text("display_name", req.display_name(), domain::kMaxNameLength, false);
  std::optional<absl::Duration> ttl;
  if (req.has_ttl()) {
    if (req.ttl().seconds() <= 0 || req.ttl().nanos() < 0) {
      v.Add("ttl", "must be positive", "thời hạn phải dương");
    } else {
      ttl = absl::Seconds(req.ttl().seconds()) + absl::Nanoseconds(req.ttl().nanos());
    }
  }
  SK_RETURN_IF_ERROR(v.ToStatus());
  SK_ASSIGN_OR_RETURN(auto created,
                      ops_.CreateToken(call.principal, call.actor, account_id, display_name, ttl));
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
  ListSpec spec{nullptr, nullptr, {"id", false}};
  SK_ASSIGN_OR_RETURN(domain::ListQuery query, BuildListQuery(tokens_, params, spec));
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
  if (!auth::WellFormedPin(req.pin())) {
    v.Add("pin", "must be six digits", "mã PIN gồm sáu chữ số");
  }
  SK_RETURN_IF_ERROR(v.ToStatus());
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
