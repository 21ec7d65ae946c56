// Accounts, tokens and the identity a call runs as.
#ifndef SANGKIEN_SERVER_DOMAIN_ACCOUNT_H_
#define SANGKIEN_SERVER_DOMAIN_ACCOUNT_H_

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/time/time.h"

namespace sangkien::domain {

// Values match sangkien.v1.Role.
enum class Role {
  kUnspecified = 0,
  kKiosk = 1,
  kStaff = 2,
  kPublisher = 3,
  kCoordinator = 4,
  kApprover = 5,
  kInspector = 6,
  kAdmin = 7,
};

struct Account {
  int64_t id = 0;
  std::string display_name;
  std::vector<Role> roles;
  int64_t unit_id = 0;
  std::string position;
  bool disabled = false;
  bool service_account = false;
  std::string etag;
  absl::Time create_time;
  absl::Time update_time;
};

struct Token {
  int64_t id = 0;
  int64_t account_id = 0;
  std::string display_name;
  std::string prefix;       // public part, unique
  std::string secret_hash;  // SHA-256 of the whole bearer string, raw bytes
  absl::Time create_time;
  std::optional<absl::Time> expire_time;
  std::optional<absl::Time> revoke_time;
  std::optional<absl::Time> last_use_time;
};

// A staff member's kiosk PIN: only its salted hash is kept. Wrong PINs in a
// row count up to a lockout; a right one or a new PIN clears them.
struct KioskPin {
  int64_t account_id = 0;
  std::string salt;
  std::string hash;
  int iterations = 0;
  absl::Time issue_time;
  int failed_attempts = 0;
  std::optional<absl::Time> locked_until;
};

// Who a call runs as. The public has no account.
struct Principal {
  int64_t account_id = 0;
  int64_t token_id = 0;
  std::vector<Role> roles;
  int64_t unit_id = 0;  // staff and kiosk scope
  std::string display_name;

  bool is_public() const { return account_id == 0; }
  bool Has(Role role) const { return std::find(roles.begin(), roles.end(), role) != roles.end(); }
  // Roles that work inside the administration on plans and see drafts.
  bool SeesInternalPlans() const {
    return Has(Role::kCoordinator) || Has(Role::kApprover) || Has(Role::kInspector) ||
           Has(Role::kAdmin);
  }
};

// Who wrote, for the audit trail: the principal's account, or the system
// (seeding, the CLI).
struct Actor {
  std::string name;        // "accounts/3" or "system"
  std::string method;      // "sangkien.v1.PlanService/UpdatePlan"
  std::string request_id;  // the client's, if any
};

// Everything an operation needs to know about who is calling.
struct Caller {
  Principal principal;
  Actor actor;

  // Seeding and the command line: all rights, recorded as "system".
  static Caller System(std::string method) {
    Caller c;
    c.principal.roles = {Role::kAdmin};
    c.principal.display_name = "system";
    c.actor = {"system", std::move(method), ""};
    return c;
  }
  bool sees_internal_plans() const {
    return principal.SeesInternalPlans() || actor.name == "system";
  }
};

}  // namespace sangkien::domain

#endif  // SANGKIEN_SERVER_DOMAIN_ACCOUNT_H_
