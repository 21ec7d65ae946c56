// sangkienctl account create|list|disable|enable and token create|list|revoke.
// The arguments become the same commands the API builds, and go through
// AccountOperations as the system caller: the same rules refuse them with the
// same words, and each write leaves an audit event.
#include <iostream>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "domain/account.h"
#include "domain/list_query.h"
#include "domain/validation.h"
#include "operations/account_operations.h"
#include "tools/ctl_common.h"

namespace sangkien::ctl {
namespace {

const std::vector<std::pair<std::string, domain::Role>>& RoleNames() {
  static const std::vector<std::pair<std::string, domain::Role>> kNames = {
      {"admin", domain::Role::kAdmin},         {"inspector", domain::Role::kInspector},
      {"approver", domain::Role::kApprover},   {"coordinator", domain::Role::kCoordinator},
      {"publisher", domain::Role::kPublisher}, {"staff", domain::Role::kStaff},
      {"kiosk", domain::Role::kKiosk},
  };
  return kNames;
}

std::optional<domain::Role> ParseRole(const std::string& text) {
  std::string lower = absl::AsciiStrToLower(text);
  for (const auto& [name, role] : RoleNames()) {
    if (lower == name) return role;
  }
  return std::nullopt;
}

std::string RoleName(domain::Role role) {
  for (const auto& [name, r] : RoleNames()) {
    if (r == role) return name;
  }
  return absl::StrCat("role", static_cast<int>(role));
}

std::string RolesText(const std::vector<domain::Role>& roles) {
  std::vector<std::string> names;
  for (auto r : roles) names.push_back(RoleName(r));
  return names.empty() ? "—" : absl::StrJoin(names, ",");
}

// `text` padded with spaces to `width` characters (not bytes), plus a space.
std::string Column(const std::string& text, size_t width) {
  size_t chars = 0;
  for (unsigned char c : text) chars += (c & 0xC0) != 0x80;
  return text + std::string(chars < width ? width - chars : 0, ' ') + " ";
}

std::string AccountName(int64_t id) { return absl::StrCat("accounts/", id); }
std::string TokenName(const domain::Token& t) {
  return absl::StrCat("accounts/", t.account_id, "/tokens/", t.id);
}

// --ttl-days as a duration; how long a token may live is the operation's
// rule, not the parser's.
std::optional<absl::Duration> ParseTtl(const Args& args, bool* ok) {
  *ok = true;
  if (!args.Has("--ttl-days")) return std::nullopt;
  auto days = ParsePositive(args.Value("--ttl-days"));
  if (!days) {
    std::cerr << "sangkienctl: --ttl-days must be a whole number of days\n";
    *ok = false;
    return std::nullopt;
  }
  return absl::Hours(24) * *days;
}

// "units/3" → 3; "" → no unit; anything else is left for the operation to
// refuse with the API's words.
int64_t UnitId(const std::string& name) {
  if (name.empty()) return 0;
  return domain::ParseCollectionId(name, "units").value_or(operations::kUnparsedId);
}

// "accounts/3" → 3, after printing why not.
std::optional<int64_t> AccountId(const std::string& name) {
  auto id = domain::ParseCollectionId(name, "accounts");
  if (!id)
    std::cerr << "sangkienctl: expected an account name like accounts/3, got " << name << "\n";
  return id;
}

void PrintToken(const operations::CreatedToken& created) {
  const domain::Token& t = created.token;
  std::cout << "token:   " << TokenName(t) << "\n";
  std::cout << "expires: " << (t.expire_time ? DisplayTime(*t.expire_time) : "never") << "\n";
  std::cout << "secret:  " << created.secret << std::endl;
  std::cerr << "Keep the secret now: it is shown only this once (only its hash is stored).\n"
               "Clients send it as the header  authorization: Bearer <secret>\n";
}

int AccountCreate(const std::vector<std::string>& raw) {
  auto args =
      Args::Parse(raw, {"--name", "--role", "--unit", "--position", "--token-name", "--ttl-days"},
                  {"--service", "--no-token"});
  if (!args || !args->positional().empty() || !args->Has("--name") || !args->Has("--role")) {
    std::cerr << "usage: sangkienctl account create --name NAME --role ROLE [--role ROLE ...]\n"
                 "         [--unit units/N] [--position TEXT] [--service] [--token-name TEXT]\n"
                 "         [--ttl-days N] [--no-token] [--db PATH]\n";
    return kUsage;
  }
  operations::CreateAccountCommand command;
  domain::Account& account = command.account;
  account.display_name = args->Value("--name");
  account.position = args->Value("--position");
  account.unit_id = UnitId(args->Value("--unit"));
  account.service_account = args->Has("--service");
  for (const std::string& text : args->Values("--role")) {
    auto role = ParseRole(text);
    if (!role) {
      std::cerr << "sangkienctl: unknown role " << text
                << "; one of admin, inspector, approver, coordinator, publisher, staff, kiosk\n";
      return kUsage;
    }
    if (std::find(account.roles.begin(), account.roles.end(), *role) == account.roles.end()) {
      account.roles.push_back(*role);
    }
  }
  bool ttl_ok = true;
  operations::CreateTokenCommand token_command{0, args->Value("--token-name", "sangkienctl"),
                                               ParseTtl(*args, &ttl_ok)};
  if (!ttl_ok) return kUsage;
  if (!args->Has("--no-token")) {
    // Refused before the account is written, so a bad token leaves nothing.
    absl::Status token_ok = operations::AccountOperations::CheckCreateToken(token_command);
    if (!token_ok.ok()) {
      PrintError("cannot create the account's token", token_ok);
      return kFailed;
    }
  }

  std::unique_ptr<operations::Core> core = OpenCore(args->db());
  if (!core) return kFailed;
  operations::AccountOperations& accounts = core->accounts();
  auto caller = domain::Caller::System("sangkienctl account create");
  auto created = accounts.CreateAccount(caller.actor, command);
  if (!created.ok()) {
    PrintError("cannot create the account", created.status());
    return kFailed;
  }
  std::cout << "account: " << AccountName(created->id) << " (" << created->display_name << "; "
            << RolesText(created->roles) << ")\n";
  if (args->Has("--no-token")) return kOk;
  token_command.account_id = created->id;
  auto token =
      accounts.IssueToken(domain::Caller::System("sangkienctl token create").actor, token_command);
  if (!token.ok()) {
    PrintError(absl::StrCat("the account was created, but not its token (try: sangkienctl token "
                            "create ",
                            AccountName(created->id), ")"),
               token.status());
    return kFailed;
  }
  PrintToken(*token);
  return kOk;
}

int AccountList(const std::vector<std::string>& raw) {
  auto args = Args::Parse(raw, {}, {});
  if (!args || !args->positional().empty()) {
    std::cerr << "usage: sangkienctl account list [--db PATH]\n";
    return kUsage;
  }
  std::unique_ptr<operations::Core> core = OpenCore(args->db());
  if (!core) return kFailed;
  operations::AccountOperations& accounts = core->accounts();
  domain::ListQuery query;
  query.order = {"id", false};
  query.page_size = domain::kMaxPageSize;
  int count = 0;
  std::cout << Column("ACCOUNT", 13) << Column("STATE", 8) << Column("ROLES", 21)
            << Column("UNIT", 11) << "NAME\n";
  for (;;) {
    auto page = accounts.ListAccounts(query);
    if (!page.ok()) {
      PrintError("cannot list accounts", page.status());
      return kFailed;
    }
    for (const domain::Account& a : page->items) {
      ++count;
      std::string state = a.disabled ? "disabled" : "enabled";
      std::string roles = RolesText(a.roles) + (a.service_account ? " (service)" : "");
      std::string unit = a.unit_id == 0 ? "—" : absl::StrCat("units/", a.unit_id);
      std::cout << Column(AccountName(a.id), 13) << Column(state, 8) << Column(roles, 21)
                << Column(unit, 11) << a.display_name
                << (a.position.empty() ? "" : " — " + a.position) << "\n";
    }
    if (!page->next) break;
    query.after = page->next;
  }
  std::cout << count << (count == 1 ? " account\n" : " accounts\n");
  return kOk;
}

int AccountSetDisabled(const std::vector<std::string>& raw, bool disabled) {
  const char* verb = disabled ? "disable" : "enable";
  auto args = Args::Parse(raw, {}, {});
  if (!args || args->positional().size() != 1) {
    std::cerr << "usage: sangkienctl account " << verb << " accounts/N [--db PATH]\n";
    return kUsage;
  }
  auto id = AccountId(args->positional()[0]);
  if (!id) return kUsage;
  std::unique_ptr<operations::Core> core = OpenCore(args->db());
  if (!core) return kFailed;
  operations::AccountOperations& accounts = core->accounts();
  auto caller = domain::Caller::System(absl::StrCat("sangkienctl account ", verb));
  auto current = accounts.GetAccount(caller.principal, *id);
  if (!current.ok()) {
    PrintError(absl::StrCat("cannot ", verb, " ", AccountName(*id)), current.status());
    return kFailed;
  }
  if (current->disabled == disabled) {
    std::cout << AccountName(*id) << " is already " << verb << "d\n";
    return kOk;
  }
  operations::UpdateAccountCommand command{*id, {{}, {"disabled"}, current->etag}};
  command.update.patch.disabled = disabled;
  auto updated = accounts.UpdateAccount(caller.actor, command);
  if (!updated.ok()) {
    PrintError(absl::StrCat("cannot ", verb, " ", AccountName(*id)), updated.status());
    return kFailed;
  }
  std::cout << verb << "d " << AccountName(*id) << " (" << updated->display_name << ")"
            << (disabled ? ": its tokens no longer authenticate" : "") << "\n";
  return kOk;
}

int TokenCreate(const std::vector<std::string>& raw) {
  auto args = Args::Parse(raw, {"--name", "--ttl-days"}, {});
  if (!args || args->positional().size() != 1) {
    std::cerr << "usage: sangkienctl token create accounts/N [--name TEXT] [--ttl-days N] "
                 "[--db PATH]\n";
    return kUsage;
  }
  auto id = AccountId(args->positional()[0]);
  if (!id) return kUsage;
  bool ttl_ok = true;
  operations::CreateTokenCommand command{*id, args->Value("--name", "sangkienctl"),
                                         ParseTtl(*args, &ttl_ok)};
  if (!ttl_ok) return kUsage;
  std::unique_ptr<operations::Core> core = OpenCore(args->db());
  if (!core) return kFailed;
  operations::AccountOperations& accounts = core->accounts();
  auto caller = domain::Caller::System("sangkienctl token create");
  auto account = accounts.GetAccount(caller.principal, *id);
  if (!account.ok()) {
    PrintError("cannot create the token", account.status());
    return kFailed;
  }
  auto token = accounts.IssueToken(caller.actor, command);
  if (!token.ok()) {
    PrintError("cannot create the token", token.status());
    return kFailed;
  }
  PrintToken(*token);
  if (account->disabled) {
    std::cerr << "Note: " << AccountName(*id)
              << " is disabled; the token works once it is enabled again.\n";
  }
  return kOk;
}

int TokenList(const std::vector<std::string>& raw) {
  auto args = Args::Parse(raw, {}, {});
  if (!args || args->positional().size() != 1) {
    std::cerr << "usage: sangkienctl token list accounts/N [--db PATH]\n";
    return kUsage;
  }
  auto id = AccountId(args->positional()[0]);
  if (!id) return kUsage;
  std::unique_ptr<operations::Core> core = OpenCore(args->db());
  if (!core) return kFailed;
  operations::AccountOperations& accounts = core->accounts();
  auto caller = domain::Caller::System("sangkienctl token list");
  domain::ListQuery query;
  query.order = {"id", false};
  query.page_size = domain::kMaxPageSize;
  absl::Time now = absl::Now();
  int count = 0;
  for (;;) {
    auto page = accounts.ListTokens(caller.principal, *id, query);
    if (!page.ok()) {
      PrintError("cannot list tokens", page.status());
      return kFailed;
    }
    for (const domain::Token& t : page->items) {
      ++count;
      std::string state = "active";
      if (t.revoke_time) {
        state = "revoked " + DisplayTime(*t.revoke_time);
      } else if (t.expire_time && *t.expire_time <= now) {
        state = "expired " + DisplayTime(*t.expire_time);
      } else if (t.expire_time) {
        state = "active until " + DisplayTime(*t.expire_time);
      }
      std::cout << TokenName(t) << "  " << t.prefix << "  " << state << "  created "
                << DisplayTime(t.create_time) << "  last used "
                << (t.last_use_time ? DisplayTime(*t.last_use_time) : "never") << "  "
                << t.display_name << "\n";
    }
    if (!page->next) break;
    query.after = page->next;
  }
  std::cout << count << (count == 1 ? " token\n" : " tokens\n");
  return kOk;
}

int TokenRevoke(const std::vector<std::string>& raw) {
  auto args = Args::Parse(raw, {}, {});
  if (!args || args->positional().size() != 1) {
    std::cerr << "usage: sangkienctl token revoke accounts/N/tokens/M [--db PATH]\n";
    return kUsage;
  }
  const std::string& name = args->positional()[0];
  size_t pos = name.find("/tokens/");
  std::optional<int64_t> account_id, token_id;
  if (pos != std::string::npos) {
    account_id = domain::ParseCollectionId(name.substr(0, pos), "accounts");
    token_id = domain::ParseCollectionId(name.substr(pos + 1), "tokens");
  }
  if (!account_id || !token_id) {
    std::cerr << "sangkienctl: expected a token name like accounts/3/tokens/7, got " << name
              << "\n";
    return kUsage;
  }
  std::unique_ptr<operations::Core> core = OpenCore(args->db());
  if (!core) return kFailed;
  operations::AccountOperations& accounts = core->accounts();
  auto caller = domain::Caller::System("sangkienctl token revoke");
  // Revoking twice changes nothing; say so rather than print a new time.
  domain::ListQuery query;
  query.order = {"id", false};
  query.page_size = domain::kMaxPageSize;
  for (;;) {
    auto page = accounts.ListTokens(caller.principal, *account_id, query);
    if (!page.ok()) break;  // RevokeToken reports it
    for (const domain::Token& t : page->items) {
      if (t.id == *token_id && t.revoke_time) {
        std::cout << "already revoked: " << name << " (" << t.prefix << ") at "
                  << DisplayTime(*t.revoke_time) << "\n";
        return kOk;
      }
    }
    if (!page->next) break;
    query.after = page->next;
  }
  auto revoked = accounts.RevokeToken(caller.principal, caller.actor, *account_id, *token_id);
  if (!revoked.ok()) {
    PrintError(absl::StrCat("cannot revoke ", name), revoked.status());
    return kFailed;
  }
  std::cout << "revoked " << name << " (" << revoked->prefix << ") at "
            << DisplayTime(revoked->revoke_time.value_or(absl::Now())) << "\n";
  return kOk;
}

// A staff member who forgot their PIN, or is locked out, gets a new one here.
int AccountPin(const std::vector<std::string>& raw) {
  auto args = Args::Parse(raw, {}, {});
  if (!args || args->positional().size() != 1) {
    std::cerr << "usage: sangkienctl account pin accounts/N [--db PATH]\n";
    return kUsage;
  }
  auto id = AccountId(args->positional()[0]);
  if (!id) return kUsage;
  std::unique_ptr<operations::Core> core = OpenCore(args->db());
  if (!core) return kFailed;
  operations::AccountOperations& accounts = core->accounts();
  auto caller = domain::Caller::System("sangkienctl account pin");
  auto issued = accounts.IssueKioskPinAsSystem(caller.actor, *id);
  if (!issued.ok()) {
    PrintError(absl::StrCat("cannot issue a kiosk PIN to ", AccountName(*id)), issued.status());
    return kFailed;
  }
  std::cout << "kiosk PIN of " << AccountName(*id) << ": " << issued->pin
            << "\n(shown only now; any earlier PIN and lockout are gone)\n";
  return kOk;
}

}  // namespace

int AccountCommand(const std::vector<std::string>& args) {
  if (args.empty()) return Usage();
  std::vector<std::string> rest(args.begin() + 1, args.end());
  if (args[0] == "create") return AccountCreate(rest);
  if (args[0] == "list") return AccountList(rest);
  if (args[0] == "disable") return AccountSetDisabled(rest, true);
  if (args[0] == "enable") return AccountSetDisabled(rest, false);
  if (args[0] == "pin") return AccountPin(rest);
  return Usage();
}

int TokenCommand(const std::vector<std::string>& args) {
  if (args.empty()) return Usage();
  std::vector<std::string> rest(args.begin() + 1, args.end());
  if (args[0] == "create") return TokenCreate(rest);
  if (args[0] == "list") return TokenList(rest);
  if (args[0] == "revoke") return TokenRevoke(rest);
  return Usage();
}

}  // namespace sangkien::ctl
