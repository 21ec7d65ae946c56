#include "operations/account_operations.h"

#include "absl/strings/str_cat.h"
#include "auth/bearer_token.h"
#include "domain/validation.h"
#include "operations/audit_digest.h"
#include "operations/idempotency_internal.h"
#include "operations/token_internal.h"
#include "status/errors.h"
#include "status/status_macros.h"
#include "storage/account_repository.h"
#include "storage/audit_log.h"
#include "storage/unit_repository.h"

namespace sangkien::operations {

using storage::AccountRepository;
using storage::AuditLog;
using storage::Connection;

namespace {

constexpr std::string_view kCreateAccount = "CreateAccount";

std::string AccountName(int64_t id) { return absl::StrCat("accounts/", id); }
std::string TokenName(int64_t account, int64_t token) {
  return absl::StrCat("accounts/", account, "/tokens/", token);
}

bool IsSelf(const domain::Principal& p, int64_t account_id) {
  return !p.is_public() && p.account_id == account_id;
}

using AccountField = domain::UpdatableField<domain::Account>;

// The fields UpdateAccount may change, in the API's spelling.
constexpr AccountField kAccountFields[] = {
    {"display_name",
     [](const domain::Account& f, domain::Account& t) { t.display_name = f.display_name; }},
    {"roles", [](const domain::Account& f, domain::Account& t) { t.roles = f.roles; }},
    {"unit", [](const domain::Account& f, domain::Account& t) { t.unit_id = f.unit_id; }},
    {"position", [](const domain::Account& f, domain::Account& t) { t.position = f.position; }},
    {"disabled", [](const domain::Account& f, domain::Account& t) { t.disabled = f.disabled; }},
};

bool KnownRole(domain::Role r) { return r >= domain::Role::kKiosk && r <= domain::Role::kAdmin; }

// The checks that need no database: text limits (stored in NFC), roles and
// the unit's name. Refuses with every bad field at once.
absl::Status CheckAccountFields(domain::Account& a) {
  domain::Violations v;
  a.display_name = v.Text("account.display_name", a.display_name, domain::kMaxNameLength, true);
  a.position = v.Text("account.position", a.position, domain::kMaxNameLength, false);
  if (a.roles.empty()) {
    v.Add("account.roles", "name at least one role", "cần ít nhất một vai trò");
  }
  v.ListSize("account.roles", a.roles.size(), kMaxRoles);
  for (domain::Role r : a.roles) {
    if (!KnownRole(r)) {
      v.Add("account.roles", "unknown role", "vai trò không hợp lệ");
      break;
    }
  }
  RefuseUnparsed("account.unit", a.unit_id, "units", v);
  return v.ToStatus();
}

// A token's display name in NFC, or every reason the command is refused.
absl::StatusOr<std::string> CheckTokenFields(const CreateTokenCommand& command) {
  domain::Violations v;
  std::string display_name =
      v.Text("display_name", command.display_name, domain::kMaxNameLength, false);
  if (command.ttl && *command.ttl <= absl::ZeroDuration()) {
    v.Add("ttl", "must be positive", "thời hạn phải dương");
  } else if (command.ttl && *command.ttl > kMaxTokenTtl) {
    v.Add("ttl", "must be positive and at most ten years",
          "thời hạn phải dương và không quá mười năm");
  }
  SK_RETURN_IF_ERROR(v.ToStatus());
  return display_name;
}

absl::Status CheckScope(Connection& c, const domain::Account& a) {
  bool needs_unit = false, kiosk = false;
  for (auto r : a.roles) {
    if (r == domain::Role::kStaff) needs_unit = true;
    if (r == domain::Role::kKiosk) needs_unit = kiosk = true;
  }
  if (a.unit_id == 0) {
    if (needs_unit) {
      return InvalidField("account.unit", "staff and kiosk accounts act for one unit: name it",
                          "Tài khoản cán bộ và kiosk phải gắn với một đơn vị");
    }
    return absl::OkStatus();
  }
  auto unit = storage::UnitRepository::Get(c, a.unit_id);
  if (!unit.ok()) {
    return InvalidField("account.unit", absl::StrCat("units/", a.unit_id, " does not exist"),
                        absl::StrCat("Không có đơn vị units/", a.unit_id));
  }
  if (kiosk && unit->kind != domain::UnitKind::kCommune && unit->kind != domain::UnitKind::kTown &&
      unit->kind != domain::UnitKind::kWard) {
    return InvalidField("account.unit", "a kiosk is bound to a commune, town or ward",
                        "Kiosk phải gắn với một xã, thị trấn hoặc phường");
  }
  return absl::OkStatus();
}

}  // namespace

namespace internal {

// Refuses a token change to someone who is neither the account nor an admin.
// Inspectors see every account and token, so they are told the truth: NOT_FOUND
// when the resource does not exist, PERMISSION_DENIED when it does. To anyone
// else another account's tokens do not exist.
absl::Status RefuseTokenChange(storage::Database& db, const domain::Principal& principal,
                               int64_t account_id, std::optional<int64_t> token_id) {
  std::string name = token_id ? TokenName(account_id, *token_id) : AccountName(account_id);
  if (!principal.Has(domain::Role::kInspector)) return NotFound(name);
  SK_RETURN_IF_ERROR(db.Read([&](Connection& c) -> absl::Status {
    if (token_id) return AccountRepository::GetToken(c, account_id, *token_id).status();
    return AccountRepository::Get(c, account_id).status();
  }));
  return MakeError(
      absl::StatusCode::kPermissionDenied, "PERMISSION_DENIED",
      absl::StrCat("only an admin or ", AccountName(account_id), " itself may change its tokens"),
      "Chỉ quản trị viên hoặc chính tài khoản đó được thay đổi mã truy cập");
}

absl::StatusOr<CreatedToken> InsertToken(Connection& c, const domain::Actor& actor,
                                         int64_t account_id, const std::string& display_name,
                                         std::optional<absl::Duration> ttl, absl::Time now) {
  SK_RETURN_IF_ERROR(AccountRepository::Get(c, account_id).status());
  auth::NewToken fresh = auth::GenerateToken();
  domain::Token token;
  token.account_id = account_id;
  token.display_name = display_name;
  token.prefix = fresh.prefix;
  token.secret_hash = fresh.hash;
  token.create_time = now;
  if (ttl) token.expire_time = now + *ttl;
  SK_ASSIGN_OR_RETURN(token.id, AccountRepository::InsertToken(c, token));
  SK_ASSIGN_OR_RETURN(token, AccountRepository::GetToken(c, account_id, token.id));
  SK_RETURN_IF_ERROR(
      AuditLog::Append(c, actor, TokenName(account_id, token.id), "", Digest(token), now));
  return CreatedToken{token, fresh.secret};
}

}  // namespace internal

absl::StatusOr<domain::Account> AccountOperations::WhoAmI(const domain::Principal& principal) {
  if (principal.is_public()) return NotFound("accounts/me");
  domain::Account account;
  SK_RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(account, AccountRepository::Get(c, principal.account_id));
    return absl::OkStatus();
  }));
  return account;
}

const domain::ListSpec& AccountOperations::ListAccountsSpec() {
  static const domain::ListSpec kSpec{
      &AccountRepository::AccountFilterFields(), nullptr, {"id", false}};
  return kSpec;
}

const domain::ListSpec& AccountOperations::ListTokensSpec() {
  static const domain::ListSpec kSpec{nullptr, nullptr, {"id", false}};
  return kSpec;
}

absl::StatusOr<domain::Account> AccountOperations::CreateAccount(
    const domain::Actor& actor, const CreateAccountCommand& command) {
  domain::Account account = command.account;
  SK_RETURN_IF_ERROR(CheckAccountFields(account));
  const Idempotency& idempotency = command.idempotency;
  domain::Account created;
  SK_RETURN_IF_ERROR(db_.Write([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(auto replay, internal::FindReplay(c, kCreateAccount, idempotency));
    if (replay) {
      auto id = domain::ParseCollectionId(replay->resource_name, "accounts");
      SK_ASSIGN_OR_RETURN(created, AccountRepository::Get(c, id.value_or(0)));
      return absl::OkStatus();
    }
    SK_RETURN_IF_ERROR(CheckScope(c, account));
    absl::Time now = clock_();
    SK_ASSIGN_OR_RETURN(account.id, AccountRepository::Insert(c, account, now));
    SK_ASSIGN_OR_RETURN(created, AccountRepository::Get(c, account.id));
    SK_RETURN_IF_ERROR(
        AuditLog::Append(c, actor, AccountName(created.id), "", Digest(created), now));
    return internal::RecordCreate(c, kCreateAccount, idempotency, AccountName(created.id), "", now);
  }));
  return created;
}

absl::StatusOr<domain::Account> AccountOperations::GetAccount(const domain::Principal& principal,
                                                              int64_t id) {
  bool may = IsSelf(principal, id) || principal.Has(domain::Role::kAdmin) ||
             principal.Has(domain::Role::kInspector);
  if (!may) return NotFound(AccountName(id));
  domain::Account account;
  SK_RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(account, AccountRepository::Get(c, id));
    return absl::OkStatus();
  }));
  return account;
}

absl::StatusOr<domain::ListPage<domain::Account>> AccountOperations::ListAccounts(
    const domain::ListQuery& query) {
  domain::ListPage<domain::Account> page;
  SK_RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(page, AccountRepository::List(c, query));
    return absl::OkStatus();
  }));
  return page;
}

absl::StatusOr<domain::Account> AccountOperations::UpdateAccount(
    const domain::Actor& actor, const UpdateAccountCommand& command) {
  // A bad mask is refused before the account is looked up.
  SK_RETURN_IF_ERROR(domain::CheckPaths<domain::Account>(command.update.paths, kAccountFields));
  std::string name = AccountName(command.id);
  domain::Account updated;
  SK_RETURN_IF_ERROR(db_.Write([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(domain::Account current, AccountRepository::Get(c, command.id));
    SK_ASSIGN_OR_RETURN(domain::Account merged,
                        domain::MergeUpdate<domain::Account>(current, current.etag, name,
                                                             command.update, kAccountFields));
    SK_RETURN_IF_ERROR(CheckAccountFields(merged));
    SK_RETURN_IF_ERROR(CheckScope(c, merged));
    absl::Time now = clock_();
    SK_RETURN_IF_ERROR(AccountRepository::Update(c, merged, now));
    SK_ASSIGN_OR_RETURN(updated, AccountRepository::Get(c, command.id));
    return AuditLog::Append(c, actor, name, Digest(current), Digest(updated), now);
  }));
  return updated;
}

absl::StatusOr<CreatedToken> AccountOperations::CreateToken(const domain::Principal& principal,
                                                            const domain::Actor& actor,
                                                            const CreateTokenCommand& command) {
  SK_RETURN_IF_ERROR(CheckTokenFields(command).status());
  if (!IsSelf(principal, command.account_id) && !principal.Has(domain::Role::kAdmin)) {
    return internal::RefuseTokenChange(db_, principal, command.account_id, std::nullopt);
  }
  return IssueToken(actor, command);
}

absl::Status AccountOperations::CheckCreateToken(const CreateTokenCommand& command) {
  return CheckTokenFields(command).status();
}

absl::StatusOr<CreatedToken> AccountOperations::IssueToken(const domain::Actor& actor,
                                                           const CreateTokenCommand& command) {
  SK_ASSIGN_OR_RETURN(std::string display_name, CheckTokenFields(command));
  CreatedToken created;
  SK_RETURN_IF_ERROR(db_.Write([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(created, internal::InsertToken(c, actor, command.account_id, display_name,
                                                       command.ttl, clock_()));
    return absl::OkStatus();
  }));
  return created;
}

absl::StatusOr<domain::ListPage<domain::Token>> AccountOperations::ListTokens(
    const domain::Principal& principal, int64_t account_id, const domain::ListQuery& query) {
  if (!IsSelf(principal, account_id) && !principal.Has(domain::Role::kAdmin) &&
      !principal.Has(domain::Role::kInspector)) {
    return NotFound(AccountName(account_id));
  }
  domain::ListPage<domain::Token> page;
  SK_RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    SK_RETURN_IF_ERROR(AccountRepository::Get(c, account_id).status());
    SK_ASSIGN_OR_RETURN(page, AccountRepository::ListTokens(c, account_id, query));
    return absl::OkStatus();
  }));
  return page;
}

absl::StatusOr<domain::Token> AccountOperations::RevokeToken(const domain::Principal& principal,
                                                             const domain::Actor& actor,
                                                             int64_t account_id, int64_t token_id) {
  if (!IsSelf(principal, account_id) && !principal.Has(domain::Role::kAdmin)) {
    return internal::RefuseTokenChange(db_, principal, account_id, token_id);
  }
  domain::Token revoked;
  SK_RETURN_IF_ERROR(db_.Write([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(domain::Token before, AccountRepository::GetToken(c, account_id, token_id));
    if (before.revoke_time) {
      revoked = before;
      return absl::OkStatus();  // revoking twice is harmless and writes nothing
    }
    absl::Time now = clock_();
    SK_RETURN_IF_ERROR(AccountRepository::RevokeToken(c, token_id, now));
    SK_ASSIGN_OR_RETURN(revoked, AccountRepository::GetToken(c, account_id, token_id));
    return AuditLog::Append(c, actor, TokenName(account_id, token_id), Digest(before),
                            Digest(revoked), now);
  }));
  return revoked;
}

}  // namespace sangkien::operations
