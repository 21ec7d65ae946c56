// Use cases on accounts and tokens. Each public method is one transaction
// and leaves one audit event per write.
#ifndef SANGKIEN_SERVER_OPERATIONS_ACCOUNT_OPERATIONS_H_
#define SANGKIEN_SERVER_OPERATIONS_ACCOUNT_OPERATIONS_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "calendar/clock.h"
#include "domain/account.h"
#include "domain/list_query.h"
#include "operations/directory_operations.h"
#include "storage/database.h"

namespace sangkien::operations {

struct CreatedToken {
  domain::Token token;
  std::string secret;  // shown once
};

// How kiosk PINs are guarded.
struct PinPolicy {
  int max_failures = 5;                            // wrong PINs in a row before a lockout
  absl::Duration lockout = absl::Minutes(15);      // how long a lockout lasts
  absl::Duration session_ttl = absl::Minutes(15);  // life of a kiosk session token
  int iterations = 60000;                          // PBKDF2 rounds for new PINs
};

struct IssuedPin {
  std::string pin;  // shown once
  absl::Time issue_time;
};

struct KioskStaffMember {
  domain::Account account;
  std::optional<absl::Time> locked_until;  // set while the PIN is locked
};

// A staff member signed in at a kiosk: a short-lived token of their account.
struct KioskSession {
  CreatedToken token;
  domain::Account account;
};

class AccountOperations {
 public:
  AccountOperations(storage::Database& db, calendar::Clock clock, PinPolicy pin_policy = {})
      : db_(db), clock_(std::move(clock)), pin_policy_(pin_policy) {}

  // The caller's account (NOT_FOUND for the public).
  absl::StatusOr<domain::Account> WhoAmI(const domain::Principal& principal);
  // Staff and kiosk accounts need a unit; a kiosk's unit must be a commune,
  // town or ward.
  absl::StatusOr<domain::Account> CreateAccount(const domain::Actor& actor, domain::Account account,
                                                const Idempotency& idempotency);
  // Admin and inspector see every account; others only their own (anything
  // else is NOT_FOUND, so account ids do not leak).
  absl::StatusOr<domain::Account> GetAccount(const domain::Principal& principal, int64_t id);
  absl::StatusOr<domain::ListPage<domain::Account>> ListAccounts(const domain::ListQuery& query);
  absl::StatusOr<domain::Account> UpdateAccount(const domain::Actor& actor,
                                                const domain::Account& account,
                                                const std::string& expected_etag);

  // The account itself or an admin; PERMISSION_DENIED for an inspector, who
  // sees the account, and NOT_FOUND for anyone else.
  absl::StatusOr<CreatedToken> CreateToken(const domain::Principal& principal,
                                           const domain::Actor& actor, int64_t account_id,
                                           const std::string& display_name,
                                           std::optional<absl::Duration> ttl);
  // The account itself, an admin or an inspector.
  absl::StatusOr<domain::ListPage<domain::Token>> ListTokens(const domain::Principal& principal,
                                                             int64_t account_id,
                                                             const domain::ListQuery& query);
  // The account itself or an admin; refused as CreateToken refuses.
  absl::StatusOr<domain::Token> RevokeToken(const domain::Principal& principal,
                                            const domain::Actor& actor, int64_t account_id,
                                            int64_t token_id);

  // Kiosk PINs (account_pin_operations.cc).
  // A new PIN for a staff account, replacing any earlier one and lifting a
  // lockout: the account itself or an admin, refused as CreateToken refuses.
  absl::StatusOr<IssuedPin> IssueKioskPin(const domain::Principal& principal,
                                          const domain::Actor& actor, int64_t account_id);
  // The staff of the calling kiosk's commune who hold a PIN, by name.
  absl::StatusOr<std::vector<KioskStaffMember>> ListKioskStaff(const domain::Principal& kiosk);
  // Checks a staff member's PIN at their commune's kiosk and opens a session.
  // Wrong PINs are counted even though the call fails; after
  // PinPolicy::max_failures in a row the PIN is locked for PinPolicy::lockout.
  absl::StatusOr<KioskSession> SignInWithPin(const domain::Principal& kiosk,
                                             const domain::Actor& actor, int64_t account_id,
                                             const std::string& pin);

  // For bootstrap (sangkienctl) and demo seeding: no principal checks.
  absl::StatusOr<IssuedPin> IssueKioskPinAsSystem(const domain::Actor& actor, int64_t account_id);
  absl::StatusOr<CreatedToken> IssueToken(const domain::Actor& actor, int64_t account_id,
                                          const std::string& display_name,
                                          std::optional<absl::Duration> ttl);

 private:
  storage::Database& db_;
  calendar::Clock clock_;
  PinPolicy pin_policy_;
};

}  // namespace sangkien::operations

#endif  // SANGKIEN_SERVER_OPERATIONS_ACCOUNT_OPERATIONS_H_
