// Kiosk PINs: issuing them, the kiosk's list of its commune's staff, and
// signing in with a PIN. Part of AccountOperations.
#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "auth/kiosk_pin.h"
#include "operations/account_operations.h"
#include "operations/audit_digest.h"
#include "operations/token_internal.h"
#include "status/errors.h"
#include "status/status_macros.h"
#include "storage/account_repository.h"
#include "storage/audit_log.h"
#include "text/vietnamese.h"

namespace sangkien::operations {

using storage::AccountRepository;
using storage::AuditLog;
using storage::Connection;

namespace {

std::string PinName(int64_t account_id) {
  return absl::StrCat("accounts/", account_id, "/kioskPin");
}

bool IsStaff(const domain::Account& a) {
  return std::find(a.roles.begin(), a.roles.end(), domain::Role::kStaff) != a.roles.end();
}

// The time of day a lockout ends, as the district reads it (UTC+7).
std::string LocalTime(absl::Time t) {
  return absl::FormatTime("%H:%M %d/%m/%Y", t, absl::FixedTimeZone(7 * 3600));
}

absl::Status Locked(absl::Time until) {
  return MakeError(absl::StatusCode::kResourceExhausted, "PIN_LOCKED",
                   absl::StrCat("too many wrong PINs; this PIN is locked until ", LocalTime(until),
                                " (UTC+7), or until a new one is issued"),
                   absl::StrCat("Nhập sai mã PIN quá nhiều lần; mã bị tạm khoá đến ",
                                LocalTime(until), " hoặc đến khi được cấp mã mới"));
}

absl::Status Incorrect(int attempts_left) {
  return MakeError(
      absl::StatusCode::kUnauthenticated, "PIN_INCORRECT",
      absl::StrCat("the PIN is not correct; ", attempts_left,
                   attempts_left == 1 ? " attempt" : " attempts", " left before it is locked"),
      absl::StrCat("Mã PIN không đúng; còn ", attempts_left, " lần thử trước khi bị tạm khoá"));
}

// Someone the kiosk may not sign in is told only that there is no such
// PIN here, so that the kiosk learns nothing about other communes' staff.
absl::Status NoPinHere(int64_t account_id) {
  return MakeError(absl::StatusCode::kNotFound, "NOT_FOUND",
                   absl::StrCat("accounts/", account_id, " holds no kiosk PIN for this commune"),
                   "Tài khoản này không có mã PIN dùng tại kiosk của xã");
}

bool IsLocked(const domain::KioskPin& pin, absl::Time now) {
  return pin.locked_until && *pin.locked_until > now;
}

}  // namespace

void CheckPinForm(std::string_view field, std::string_view pin, domain::Violations& v) {
  if (!auth::WellFormedPin(pin))
    v.Add(std::string(field), "must be six digits", "mã PIN gồm sáu chữ số");
}

absl::StatusOr<IssuedPin> AccountOperations::IssueKioskPin(const domain::Principal& principal,
                                                           const domain::Actor& actor,
                                                           int64_t account_id) {
  bool self = !principal.is_public() && principal.account_id == account_id;
  if (!self && !principal.Has(domain::Role::kAdmin)) {
    return internal::RefuseTokenChange(db_, principal, account_id, std::nullopt);
  }
  return IssueKioskPinAsSystem(actor, account_id);
}

absl::StatusOr<IssuedPin> AccountOperations::IssueKioskPinAsSystem(const domain::Actor& actor,
                                                                   int64_t account_id) {
  IssuedPin issued;
  issued.pin = auth::GeneratePin();
  // Hashing takes tens of milliseconds: done before the write, not in it.
  auth::PinHash hash = auth::HashNewPin(issued.pin, pin_policy_.iterations);
  SK_RETURN_IF_ERROR(db_.Write([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(domain::Account account, AccountRepository::Get(c, account_id));
    if (!IsStaff(account) || account.unit_id == 0) {
      return MakeError(absl::StatusCode::kFailedPrecondition, "NOT_STAFF",
                       absl::StrCat("accounts/", account_id,
                                    " is not a staff account of a unit; only staff sign in at "
                                    "a kiosk"),
                       "Chỉ tài khoản cán bộ của một đơn vị mới được cấp mã PIN kiosk");
    }
    SK_ASSIGN_OR_RETURN(auto before, AccountRepository::GetKioskPin(c, account_id));
    domain::KioskPin pin;
    pin.account_id = account_id;
    pin.salt = hash.salt;
    pin.hash = hash.hash;
    pin.iterations = hash.iterations;
    pin.issue_time = clock_();
    SK_RETURN_IF_ERROR(AccountRepository::PutKioskPin(c, pin));
    issued.issue_time = pin.issue_time;
    return AuditLog::Append(c, actor, PinName(account_id), before ? Digest(*before) : "",
                            Digest(pin), pin.issue_time);
  }));
  return issued;
}

absl::StatusOr<std::vector<KioskStaffMember>> AccountOperations::ListKioskStaff(
    const domain::Principal& kiosk) {
  std::vector<KioskStaffMember> staff;
  absl::Time now = clock_();
  SK_RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(auto rows, AccountRepository::KioskStaff(c, kiosk.unit_id));
    for (auto& [account, pin] : rows) {
      KioskStaffMember m;
      m.account = std::move(account);
      if (IsLocked(pin, now)) m.locked_until = pin.locked_until;
      staff.push_back(std::move(m));
    }
    return absl::OkStatus();
  }));
  std::stable_sort(staff.begin(), staff.end(), [](const auto& a, const auto& b) {
    return text::CompareVietnamese(a.account.display_name, b.account.display_name) < 0;
  });
  return staff;
}

absl::StatusOr<KioskSession> AccountOperations::SignInWithPin(const domain::Principal& kiosk,
                                                              const domain::Actor& actor,
                                                              int64_t account_id,
                                                              const std::string& pin) {
  domain::Violations v;
  CheckPinForm("pin", pin, v);
  SK_RETURN_IF_ERROR(v.ToStatus());
  domain::KioskPin stored;
  SK_RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    auto account = AccountRepository::Get(c, account_id);
    if (absl::IsNotFound(account.status())) return NoPinHere(account_id);
    SK_RETURN_IF_ERROR(account.status());
    if (!IsStaff(*account) || account->disabled || kiosk.unit_id == 0 ||
        account->unit_id != kiosk.unit_id) {
      return NoPinHere(account_id);
    }
    SK_ASSIGN_OR_RETURN(auto found, AccountRepository::GetKioskPin(c, account_id));
    if (!found) return NoPinHere(account_id);
    stored = std::move(*found);
    return absl::OkStatus();
  }));
  if (IsLocked(stored, clock_())) return Locked(*stored.locked_until);
  // Checked outside the write: the hash is slow on purpose.
  bool right = auth::VerifyPin(pin, {stored.salt, stored.hash, stored.iterations});

  // Wrong attempts must be counted even though the call then fails, so the
  // transaction commits and the outcome is turned into a status afterwards.
  absl::Status outcome;
  KioskSession session;
  SK_RETURN_IF_ERROR(db_.Write([&](Connection& c) -> absl::Status {
    absl::Time now = clock_();
    SK_ASSIGN_OR_RETURN(auto current, AccountRepository::GetKioskPin(c, account_id));
    if (!current) {
      outcome = NoPinHere(account_id);
      return absl::OkStatus();
    }
    if (current->hash != stored.hash) {
      outcome = MakeError(absl::StatusCode::kAborted, "PIN_REISSUED",
                          "a new PIN was issued while this one was checked; enter the new PIN",
                          "Mã PIN vừa được cấp lại; hãy nhập mã mới");
      return absl::OkStatus();
    }
    if (IsLocked(*current, now)) {
      outcome = Locked(*current->locked_until);
      return absl::OkStatus();
    }
    if (!right) {
      int failed = current->failed_attempts + 1;
      if (failed < pin_policy_.max_failures) {
        SK_RETURN_IF_ERROR(AccountRepository::SetPinAttempts(c, account_id, failed, std::nullopt));
        outcome = Incorrect(pin_policy_.max_failures - failed);
        return absl::OkStatus();
      }
      domain::KioskPin locked = *current;
      locked.failed_attempts = 0;
      locked.locked_until = now + pin_policy_.lockout;
      SK_RETURN_IF_ERROR(AccountRepository::SetPinAttempts(c, account_id, 0, locked.locked_until));
      SK_RETURN_IF_ERROR(
          AuditLog::Append(c, actor, PinName(account_id), Digest(*current), Digest(locked), now));
      outcome = Locked(*locked.locked_until);
      return absl::OkStatus();
    }
    if (current->failed_attempts != 0 || current->locked_until) {
      SK_RETURN_IF_ERROR(AccountRepository::SetPinAttempts(c, account_id, 0, std::nullopt));
    }
    SK_ASSIGN_OR_RETURN(session.account, AccountRepository::Get(c, account_id));
    SK_ASSIGN_OR_RETURN(session.token,
                        internal::InsertToken(c, actor, account_id,
                                              absl::StrCat("Phiên kiosk: ", kiosk.display_name),
                                              pin_policy_.session_ttl, now));
    return absl::OkStatus();
  }));
  SK_RETURN_IF_ERROR(outcome);
  return session;
}

}  // namespace sangkien::operations
