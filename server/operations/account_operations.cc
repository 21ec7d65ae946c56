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
constexpr absl::Duration kMaxTtl = absl::Hours(24 * 3660);

std::string AccountName(int64_t id) { return absl::StrCat("accounts/", id); }
std::string TokenName(int64_t account, int64_t token) {
  return absl::StrCat("accounts/", account, "/tokens/", token);
}

bool IsSelf(const domain::Principal& p, int64_t account_id) {
  return !p.is_public() && p.account_id == account_id;
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
  if (ttl && (*ttl <= absl::ZeroDuration() || *ttl > kMaxTtl)) {
    return InvalidField("ttl", "must be positive and at most ten years",
                        "thời hạn phải dương và không quá mười năm");
  }
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

absl::StatusOr<domain::Account> AccountOperations::CreateAccount(const domain::Actor& actor,
                                                                 domain::Account account,
                                                                 const Idempotency& idempotency) {
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

absl::StatusOr<domain::Account> AccountOperations::UpdateAccount(const domain::Actor& actor,
                                                                 const domain::Account& account,
                                                                 const std::string& expected_etag) {
  domain::Account updated;
  SK_RETURN_IF_ERROR(db_.Write([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(domain::Account current, AccountRepository::Get(c, account.id));
    if (current.etag != expected_etag) return EtagMismatch(AccountName(account.id));
    SK_RETURN_IF_ERROR(CheckScope(c, account));
    absl::Time now = clock_();
    SK_RETURN_IF_ERROR(AccountRepository::Update(c, account, now));
    SK_ASSIGN_OR_RETURN(updated, AccountRepository::Get(c, account.id));
    return AuditLog::Append(c, actor, AccountName(account.id), Digest(current), Digest(updated),
                            now);
  }));
  return updated;
}

absl::StatusOr<CreatedToken> AccountOperations::CreateToken(const domain::Principal& principal,
                                                            const domain::Actor& actor,
                                                            int64_t account_id,
                                                            const std::string& display_name,
                                                            std::optional<absl::Duration> ttl) {
  if (!IsSelf(principal, account_id) && !principal.Has(domain::Role::kAdmin)) {
    return internal::RefuseTokenChange(db_, principal, account_id, std::nullopt);
  }
  return IssueToken(actor, account_id, display_name, ttl);
}

absl::StatusOr<CreatedToken> AccountOperations::IssueToken(const domain::Actor& actor,
                                                           int64_t account_id,
                                                           const std::string& display_name,
                                                           std::optional<absl::Duration> ttl) {
  CreatedToken created;
  SK_RETURN_IF_ERROR(db_.Write([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(created,
                        internal::InsertToken(c, actor, account_id, display_name, ttl, clock_()));
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
