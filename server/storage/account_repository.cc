#include "storage/account_repository.h"

#include "absl/strings/str_cat.h"
#include "status/errors.h"
#include "storage/sql_internal.h"

namespace sangkien::storage {

using internal::BindValue;
using internal::Column;
using internal::Query;

namespace {

constexpr const char* kAccountColumns =
    "a.id, a.display_name, a.roles, a.unit_id, a.position, a.disabled, a.service_account, "
    "a.revision, a.create_time, a.update_time";

std::string RolesJson(const std::vector<domain::Role>& roles) {
  nlohmann::json j = nlohmann::json::array();
  for (auto r : roles) j.push_back(static_cast<int>(r));
  return j.dump();
}

std::vector<domain::Role> RolesFromJson(const std::string& text) {
  std::vector<domain::Role> out;
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_array()) return out;
  for (const auto& r : j) {
    if (r.is_number_integer()) out.push_back(static_cast<domain::Role>(r.get<int>()));
  }
  return out;
}

domain::Account ReadAccount(SQLite::Statement& q) {
  domain::Account a;
  a.id = q.getColumn(0).getInt64();
  a.display_name = q.getColumn(1).getString();
  a.roles = RolesFromJson(q.getColumn(2).getString());
  a.unit_id = q.getColumn(3).isNull() ? 0 : q.getColumn(3).getInt64();
  a.position = q.getColumn(4).getString();
  a.disabled = q.getColumn(5).getInt() != 0;
  a.service_account = q.getColumn(6).getInt() != 0;
  a.etag = internal::Etag(q.getColumn(7).getInt64());
  a.create_time = internal::FromMicros(q.getColumn(8).getInt64());
  a.update_time = internal::FromMicros(q.getColumn(9).getInt64());
  return a;
}

constexpr const char* kTokenColumns =
    "t.id, t.account_id, t.display_name, t.prefix, t.secret_hash, t.create_time, t.expire_time, "
    "t.revoke_time, t.last_use_time";

std::optional<absl::Time> OptionalTime(SQLite::Column col) {
  if (col.isNull()) return std::nullopt;
  return internal::FromMicros(col.getInt64());
}

domain::Token ReadToken(SQLite::Statement& q) {
  domain::Token t;
  t.id = q.getColumn(0).getInt64();
  t.account_id = q.getColumn(1).getInt64();
  t.display_name = q.getColumn(2).getString();
  t.prefix = q.getColumn(3).getString();
  auto hash = q.getColumn(4);
  t.secret_hash = std::string(static_cast<const char*>(hash.getBlob()), hash.getBytes());
  t.create_time = internal::FromMicros(q.getColumn(5).getInt64());
  t.expire_time = OptionalTime(q.getColumn(6));
  t.revoke_time = OptionalTime(q.getColumn(7));
  t.last_use_time = OptionalTime(q.getColumn(8));
  return t;
}

// The account's stored fields, by the names Insert and Update use.
void BindAccount(Query& q, const domain::Account& a) {
  q.Bind(":display_name", a.display_name)
      .Bind(":roles", RolesJson(a.roles))
      .BindIdOrNull(":unit", a.unit_id)
      .Bind(":position", a.position)
      .Bind(":disabled", a.disabled)
      .Bind(":service", a.service_account);
}

}  // namespace

const std::vector<domain::FilterField>& AccountRepository::AccountFilterFields() {
  static const std::vector<domain::FilterField> kFields = {
      {"role",
       domain::FilterType::kEnum,
       false,
       {"", "KIOSK", "STAFF", "PUBLISHER", "COORDINATOR", "APPROVER", "INSPECTOR", "ADMIN"},
       "ROLE_",
       ""},
      {"unit", domain::FilterType::kResource, false, {}, "", "units/"},
      {"disabled", domain::FilterType::kBool, false, {}, "", ""},
  };
  return kFields;
}

absl::StatusOr<int64_t> AccountRepository::Insert(Connection& c, const domain::Account& account,
                                                  absl::Time now) {
  Query q(c,
          "INSERT INTO accounts (display_name, roles, unit_id, position, disabled, "
          "service_account, revision, create_time, update_time) VALUES (:display_name, :roles, "
          ":unit, :position, :disabled, :service, 1, :now, :now)");
  BindAccount(q, account);
  q.Bind(":now", now).Run();
  return q.last_insert_rowid();
}

absl::Status AccountRepository::Update(Connection& c, const domain::Account& account,
                                       absl::Time now) {
  Query q(c,
          "UPDATE accounts SET display_name = :display_name, roles = :roles, unit_id = :unit, "
          "position = :position, disabled = :disabled, service_account = :service, "
          "revision = revision + 1, update_time = :now WHERE id = :id");
  BindAccount(q, account);
  if (q.Bind(":now", now).Bind(":id", account.id).Run() == 0) {
    return NotFound(absl::StrCat("accounts/", account.id));
  }
  return absl::OkStatus();
}

absl::StatusOr<domain::Account> AccountRepository::Get(Connection& c, int64_t id) {
  Query q(c, absl::StrCat("SELECT ", kAccountColumns, " FROM accounts a WHERE a.id = :id"));
  if (!q.Bind(":id", id).Step()) return NotFound(absl::StrCat("accounts/", id));
  return ReadAccount(q.row());
}

absl::StatusOr<domain::ListPage<domain::Account>> AccountRepository::List(
    Connection& c, const domain::ListQuery& query) {
  internal::SelectBuilder select(
      absl::StrCat("SELECT ", kAccountColumns, ", a.id FROM accounts a"));
  for (const auto& term : query.filter) {
    if (term.field == "role") {
      std::string role = select.UniqueName(":role");
      std::string exists =
          absl::StrCat("EXISTS (SELECT 1 FROM json_each(a.roles) r WHERE r.value = ", role, ")");
      select.Where(term.op == domain::FilterOp::kNe ? absl::StrCat("NOT ", exists) : exists,
                   {{role, BindValue::Int(term.int_value)}});
    }
  }
  select.Filter(query.filter, {{"unit", {"a.unit_id", BindValue::Type::kInt}},
                               {"disabled", {"a.disabled", BindValue::Type::kInt}}});
  Column order{"a.id", BindValue::Type::kInt};
  domain::ListQuery by_id = query;
  by_id.order = {"id", false};
  select.Page(by_id, order, "a.id");
  Query q(c, select.sql());
  q.BindAll(select.params());
  return internal::ReadPage<domain::Account>(q, query, 10, order.type, ReadAccount);
}

absl::StatusOr<int64_t> AccountRepository::InsertToken(Connection& c, const domain::Token& t) {
  Query q(c,
          "INSERT INTO tokens (account_id, display_name, prefix, secret_hash, create_time, "
          "expire_time) VALUES (:account, :display_name, :prefix, :hash, :create_time, :expire)");
  q.Bind(":account", t.account_id)
      .Bind(":display_name", t.display_name)
      .Bind(":prefix", t.prefix)
      .BindBlob(":hash", t.secret_hash)
      .Bind(":create_time", t.create_time)
      .Bind(":expire", t.expire_time)
      .Run();
  return q.last_insert_rowid();
}

absl::StatusOr<domain::Token> AccountRepository::TokenByPrefix(Connection& c,
                                                               const std::string& prefix) {
  Query q(c, absl::StrCat("SELECT ", kTokenColumns, " FROM tokens t WHERE t.prefix = :prefix"));
  if (!q.Bind(":prefix", prefix).Step()) return absl::NotFoundError("no such token");
  return ReadToken(q.row());
}

absl::StatusOr<domain::Token> AccountRepository::GetToken(Connection& c, int64_t account_id,
                                                          int64_t token_id) {
  Query q(c, absl::StrCat("SELECT ", kTokenColumns,
                          " FROM tokens t WHERE t.id = :token AND t.account_id = :account"));
  if (!q.Bind(":token", token_id).Bind(":account", account_id).Step()) {
    return NotFound(absl::StrCat("accounts/", account_id, "/tokens/", token_id));
  }
  return ReadToken(q.row());
}

absl::StatusOr<domain::ListPage<domain::Token>> AccountRepository::ListTokens(
    Connection& c, int64_t account_id, const domain::ListQuery& query) {
  internal::SelectBuilder select(absl::StrCat("SELECT ", kTokenColumns, ", t.id FROM tokens t"));
  select.Where("t.account_id = :account", {{":account", BindValue::Int(account_id)}});
  domain::ListQuery by_id = query;
  by_id.order = {"id", false};
  select.Page(by_id, {"t.id", BindValue::Type::kInt}, "t.id");
  Query q(c, select.sql());
  q.BindAll(select.params());
  return internal::ReadPage<domain::Token>(q, query, 9, BindValue::Type::kInt, ReadToken);
}

absl::Status AccountRepository::RevokeToken(Connection& c, int64_t token_id, absl::Time now) {
  Query(c, "UPDATE tokens SET revoke_time = :now WHERE id = :id AND revoke_time IS NULL")
      .Bind(":now", now)
      .Bind(":id", token_id)
      .Run();
  return absl::OkStatus();
}

absl::Status AccountRepository::TouchToken(Connection& c, int64_t token_id, absl::Time now) {
  Query(c, "UPDATE tokens SET last_use_time = :now WHERE id = :id")
      .Bind(":now", now)
      .Bind(":id", token_id)
      .Run();
  return absl::OkStatus();
}

namespace {

constexpr const char* kPinColumns =
    "p.account_id, p.salt, p.hash, p.iterations, p.issue_time, p.failed_attempts, "
    "p.locked_until";

std::string BlobOf(SQLite::Column col) {
  return std::string(static_cast<const char*>(col.getBlob()), col.getBytes());
}

// Reads kPinColumns starting at column `first`.
domain::KioskPin ReadPin(SQLite::Statement& q, int first) {
  domain::KioskPin p;
  p.account_id = q.getColumn(first).getInt64();
  p.salt = BlobOf(q.getColumn(first + 1));
  p.hash = BlobOf(q.getColumn(first + 2));
  p.iterations = q.getColumn(first + 3).getInt();
  p.issue_time = internal::FromMicros(q.getColumn(first + 4).getInt64());
  p.failed_attempts = q.getColumn(first + 5).getInt();
  p.locked_until = OptionalTime(q.getColumn(first + 6));
  return p;
}

}  // namespace

absl::StatusOr<std::optional<domain::KioskPin>> AccountRepository::GetKioskPin(Connection& c,
                                                                               int64_t account_id) {
  Query q(c,
          absl::StrCat("SELECT ", kPinColumns, " FROM kiosk_pins p WHERE account_id = :account"));
  if (!q.Bind(":account", account_id).Step()) return std::nullopt;
  return ReadPin(q.row(), 0);
}

absl::Status AccountRepository::PutKioskPin(Connection& c, const domain::KioskPin& pin) {
  Query(c,
        "INSERT INTO kiosk_pins (account_id, salt, hash, iterations, issue_time, "
        "failed_attempts, locked_until) VALUES (:account, :salt, :hash, :iterations, :issued, 0, "
        "NULL) ON CONFLICT (account_id) DO UPDATE SET salt = excluded.salt, hash = excluded.hash, "
        "iterations = excluded.iterations, issue_time = excluded.issue_time, failed_attempts = 0, "
        "locked_until = NULL")
      .Bind(":account", pin.account_id)
      .BindBlob(":salt", pin.salt)
      .BindBlob(":hash", pin.hash)
      .Bind(":iterations", pin.iterations)
      .Bind(":issued", pin.issue_time)
      .Run();
  return absl::OkStatus();
}

absl::Status AccountRepository::SetPinAttempts(Connection& c, int64_t account_id,
                                               int failed_attempts,
                                               std::optional<absl::Time> locked_until) {
  Query(c,
        "UPDATE kiosk_pins SET failed_attempts = :failed, locked_until = :locked_until "
        "WHERE account_id = :account")
      .Bind(":failed", failed_attempts)
      .Bind(":locked_until", locked_until)
      .Bind(":account", account_id)
      .Run();
  return absl::OkStatus();
}

absl::StatusOr<std::vector<std::pair<domain::Account, domain::KioskPin>>>
AccountRepository::KioskStaff(Connection& c, int64_t unit_id) {
  Query q(
      c, absl::StrCat("SELECT ", kAccountColumns, ", ", kPinColumns,
                      " FROM accounts a JOIN kiosk_pins p ON p.account_id = a.id WHERE a.unit_id = "
                      ":unit AND a.disabled = 0 AND EXISTS (SELECT 1 FROM json_each(a.roles) r "
                      "WHERE r.value = :role) ORDER BY a.id"));
  q.Bind(":unit", unit_id).Bind(":role", domain::Role::kStaff);
  std::vector<std::pair<domain::Account, domain::KioskPin>> out;
  while (q.Step()) out.emplace_back(ReadAccount(q.row()), ReadPin(q.row(), 10));
  return out;
}

}  // namespace sangkien::storage
