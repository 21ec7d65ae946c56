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
#include "domain/validation.h"
#include "operations/account_commands.h"
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

// Adds a violation on `field` unless `pin` is six digits, the only form a
// kiosk PIN takes.
void CheckPinForm(std::string_view field, std::string_view pin, domain::Violations& v);

class AccountOperations {
 public:
  AccountOperations(storage::Database& db, calendar::Clock clock, PinPolicy pin_policy = {})
      : db_(db), clock_(std::move(clock)), pin_policy_(pin_policy) {}

  // What ListAccounts and ListTokens accept (filter and order fields).
  static const domain::ListSpec& ListAccountsSpec();
  static const domain::ListSpec& ListTokensSpec();

  // The caller's account; NOT_FOUND for the public or an account that is gone.
  absl::StatusOr<domain::Account> WhoAmI(const domain::Principal& principal);
  // Returns the stored account (or, for a retried request id, the account
  // created first). INVALID_ARGUMENT, nothing written, for a blank or
  // over-long display name or position, no or unknown roles, more than
  // kMaxRoles, or a unit that is malformed or absent; staff and kiosk accounts
  // need a unit, and a kiosk's is a commune, town or ward.
  absl::StatusOr<domain::Account> CreateAccount(const domain::Actor& actor,
                                                const CreateAccountCommand& command);
  // The account. Admin and inspector see every account; others only their
  // own: anything else is NOT_FOUND, so account ids do not leak.
  absl::StatusOr<domain::Account> GetAccount(const domain::Principal& principal, int64_t id);
  // One page in the query's order; an error only when the database fails.
  absl::StatusOr<domain::ListPage<domain::Account>> ListAccounts(const domain::ListQuery& query);
  // Returns the stored account. INVALID_ARGUMENT on "update_mask" for a path
  // that cannot change (checked before anything is read); NOT_FOUND when the
  // account is absent; ABORTED on a stale etag; the merged account is then
  // refused as CreateAccount refuses, nothing written.
  absl::StatusOr<domain::Account> UpdateAccount(const domain::Actor& actor,
                                                const UpdateAccountCommand& command);

  // Returns the token and its secret. INVALID_ARGUMENT for an over-long
  // display name or a ttl that is not positive or exceeds kMaxTokenTtl,
  // before anything else; then the account itself or an admin only:
  // PERMISSION_DENIED for an inspector, who sees the account, NOT_FOUND for
  // anyone else and for an absent account.
  absl::StatusOr<CreatedToken> CreateToken(const domain::Principal& principal,
                                           const domain::Actor& actor,
                                           const CreateTokenCommand& command);
  // OK when CreateToken would accept the command's own fields; otherwise the
  // INVALID_ARGUMENT it would answer. Lets a door that makes an account and
  // its first token together refuse before it writes either.
  static absl::Status CheckCreateToken(const CreateTokenCommand& command);
  // The account's tokens, for the account itself, an admin or an inspector;
  // NOT_FOUND for anyone else and for an absent account.
  absl::StatusOr<domain::ListPage<domain::Token>> ListTokens(const domain::Principal& principal,
                                                             int64_t account_id,
                                                             const domain::ListQuery& query);
  // The revoked token (unchanged when it was revoked before); refused as
  // CreateToken refuses callers; NOT_FOUND when the token is absent.
  absl::StatusOr<domain::Token> RevokeToken(const domain::Principal& principal,
                                            const domain::Actor& actor, int64_t account_id,
                                            int64_t token_id);

  // Kiosk PINs (account_pin_operations.cc).
  // A new PIN for a staff account, replacing any earlier one and lifting a
  // lockout: the account itself or an admin, refused as CreateToken refuses;
  // FAILED_PRECONDITION (NOT_STAFF) for an account that is not staff of a unit.
  absl::StatusOr<IssuedPin> IssueKioskPin(const domain::Principal& principal,
                                          const domain::Actor& actor, int64_t account_id);
  // The staff of the calling kiosk's commune who hold a PIN, by name; an
  // error only when the database fails.
  absl::StatusOr<std::vector<KioskStaffMember>> ListKioskStaff(const domain::Principal& kiosk);
  // Checks a staff member's PIN at their commune's kiosk and opens a session.
  // INVALID_ARGUMENT on "pin" unless it is six digits; NOT_FOUND when the
  // account holds no PIN usable at this kiosk; UNAUTHENTICATED (PIN_INCORRECT)
  // for a wrong PIN, which is counted even though the call fails: after
  // PinPolicy::max_failures in a row RESOURCE_EXHAUSTED (PIN_LOCKED) for
  // PinPolicy::lockout.
  absl::StatusOr<KioskSession> SignInWithPin(const domain::Principal& kiosk,
                                             const domain::Actor& actor, int64_t account_id,
                                             const std::string& pin);

  // For bootstrap (sangkienctl) and demo seeding: no principal checks, the
  // same rules and errors otherwise.
  absl::StatusOr<IssuedPin> IssueKioskPinAsSystem(const domain::Actor& actor, int64_t account_id);
  absl::StatusOr<CreatedToken> IssueToken(const domain::Actor& actor,
                                          const CreateTokenCommand& command);

 private:
  storage::Database& db_;
  calendar::Clock clock_;
  PinPolicy pin_policy_;
};

}  // namespace sangkien::operations

#endif  // SANGKIEN_SERVER_OPERATIONS_ACCOUNT_OPERATIONS_H_
