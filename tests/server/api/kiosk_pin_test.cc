// Staff sign-in at a commune kiosk: PINs issued by the server, a short-lived
// session token, the lockout after wrong PINs, and what a kiosk may not do.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "rpc_errors.h"
#include "test_server.h"

namespace sangkien::api_test {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

class KioskPinTest : public ApiTest {
 protected:
  std::string StaffTanLap() { return DemoAccountName("staff Tân Lập"); }
  std::string DemoPin() { return DemoSecret("kiosk PIN staff Tân Lập"); }

  // Signs in at the Tân Lập kiosk; the caller is left as that kiosk.
  grpc::Status SignIn(const std::string& account, const std::string& pin,
                      v1::SignInWithPinResponse* out, const std::string& kiosk = "kiosk Tân Lập") {
    UseDemoAccount(kiosk);
    v1::SignInWithPinRequest request;
    request.set_account(account);
    request.set_pin(pin);
    return Call(&v1::AccountService::Stub::SignInWithPin, request, out);
  }

  // A six-digit PIN that is not `pin`.
  static std::string Wrong(const std::string& pin) { return pin == "000000" ? "111111" : "000000"; }

  v1::ListKioskStaffResponse KioskStaff(const std::string& kiosk = "kiosk Tân Lập") {
    UseDemoAccount(kiosk);
    v1::ListKioskStaffResponse staff;
    grpc::Status status =
        Call(&v1::AccountService::Stub::ListKioskStaff, v1::ListKioskStaffRequest(), &staff);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return staff;
  }

  std::string Issue(const std::string& account, const std::string& as) {
    UseDemoAccount(as);
    v1::IssueKioskPinRequest request;
    request.set_name(account);
    v1::IssueKioskPinResponse issued;
    grpc::Status status = Call(&v1::AccountService::Stub::IssueKioskPin, request, &issued);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return issued.pin();
  }
};

TEST_F(KioskPinTest, KioskListsOnlyItsOwnCommunesStaff) {
  v1::ListKioskStaffResponse tan_lap = KioskStaff("kiosk Tân Lập");
  ASSERT_EQ(tan_lap.staff_size(), 1);
  EXPECT_EQ(tan_lap.staff(0).account(), StaffTanLap());
  EXPECT_EQ(tan_lap.staff(0).display_name(), "Đỗ Văn Nam (demo)");
  EXPECT_EQ(tan_lap.staff(0).position(), "Công chức Văn phòng - Thống kê");
  EXPECT_FALSE(tan_lap.staff(0).has_locked_until());

  v1::ListKioskStaffResponse hoa_binh = KioskStaff("kiosk Hòa Bình");
  ASSERT_EQ(hoa_binh.staff_size(), 1);
  EXPECT_EQ(hoa_binh.staff(0).display_name(), "Hoàng Thị Mai (demo)");
  // A commune whose staff hold no PIN lists nobody.
  EXPECT_EQ(KioskStaff("kiosk Đông Sơn").staff_size(), 0);
}

TEST_F(KioskPinTest, RightPinOpensAShortSessionThatSignOutEnds) {
  v1::SignInWithPinResponse session;
  grpc::Status status = SignIn(StaffTanLap(), DemoPin(), &session);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(session.account().name(), StaffTanLap());
  EXPECT_THAT(session.token().name(), ::testing::StartsWith(StaffTanLap() + "/tokens/"));
  EXPECT_EQ(session.token().expire_time().seconds(),
            absl::ToUnixSeconds(Now() + absl::Minutes(15)));
  EXPECT_THAT(session.token().display_name(), HasSubstr("Kiosk UBND xã Tân Lập"));

  // The session acts as the staff member: a progress report is filed as them.
  UseToken(session.secret());
  v1::WhoAmIResponse me;
  ASSERT_TRUE(Call(&v1::AccountService::Stub::WhoAmI, v1::WhoAmIRequest(), &me).ok());
  EXPECT_EQ(me.account().name(), StaffTanLap());
  std::string tan_lap = UnitNamed("UBND xã Tân Lập");
  std::string task;
  for (const v1::Assignment& a : AllAssignments("plans/-", "unit = \"" + tan_lap + "\"")) {
    if (task.empty()) task = a.task();
  }
  ASSERT_FALSE(task.empty());
  UseToken(session.secret());
  v1::CreateProgressReportRequest report;
  report.set_parent(task);
  report.mutable_progress_report()->set_unit(tan_lap);
  report.mutable_progress_report()->set_text("Đã tuyên truyền trên loa truyền thanh xã.");
  report.mutable_progress_report()->set_progress_percent(40);
  v1::ProgressReport filed;
  status = Call(&v1::PlanService::Stub::CreateProgressReport, report, &filed);
  ASSERT_TRUE(status.ok()) << status.error_message();

  // "Đăng xuất": the kiosk revokes the session with the session itself.
  v1::RevokeTokenRequest revoke;
  revoke.set_name(session.token().name());
  v1::Token revoked;
  ASSERT_TRUE(Call(&v1::AccountService::Stub::RevokeToken, revoke, &revoked).ok());
  status = Call(&v1::AccountService::Stub::WhoAmI, v1::WhoAmIRequest(), &me);
  EXPECT_TRUE(IsApiError(status, grpc::StatusCode::UNAUTHENTICATED, "TOKEN_REVOKED"));
}

TEST_F(KioskPinTest, SessionExpiresAfterFifteenMinutes) {
  v1::SignInWithPinResponse session;
  ASSERT_TRUE(SignIn(StaffTanLap(), DemoPin(), &session).ok());
  UseToken(session.secret());
  v1::WhoAmIResponse me;
  AdvanceClock(absl::Minutes(14));
  EXPECT_TRUE(Call(&v1::AccountService::Stub::WhoAmI, v1::WhoAmIRequest(), &me).ok());
  AdvanceClock(absl::Minutes(2));
  grpc::Status status = Call(&v1::AccountService::Stub::WhoAmI, v1::WhoAmIRequest(), &me);
  EXPECT_TRUE(IsApiError(status, grpc::StatusCode::UNAUTHENTICATED, "TOKEN_EXPIRED"));
}

TEST_F(KioskPinTest, FiveWrongPinsInARowLockThePinForFifteenMinutes) {
  v1::SignInWithPinResponse session;
  for (int left = 4; left >= 1; --left) {
    grpc::Status status = SignIn(StaffTanLap(), Wrong(DemoPin()), &session);
    ASSERT_TRUE(IsApiError(status, grpc::StatusCode::UNAUTHENTICATED, "PIN_INCORRECT"));
    EXPECT_THAT(status.error_message(),
                HasSubstr(absl::StrCat(left, left == 1 ? " attempt " : " attempts ")));
    EXPECT_THAT(DecodeError(status).localized_message,
                HasSubstr(absl::StrCat("còn ", left, " lần thử")));
  }
  grpc::Status status = SignIn(StaffTanLap(), Wrong(DemoPin()), &session);
  ASSERT_TRUE(IsApiError(status, grpc::StatusCode::RESOURCE_EXHAUSTED, "PIN_LOCKED"));
  // 09:00 + 15 minutes, as the district reads the clock.
  EXPECT_THAT(DecodeError(status).localized_message, HasSubstr("09:15 27/11/2026"));

  // Locked: even the right PIN is refused, and the kiosk shows the lock.
  status = SignIn(StaffTanLap(), DemoPin(), &session);
  EXPECT_TRUE(IsApiError(status, grpc::StatusCode::RESOURCE_EXHAUSTED, "PIN_LOCKED"));
  v1::ListKioskStaffResponse staff = KioskStaff();
  ASSERT_EQ(staff.staff_size(), 1);
  EXPECT_EQ(staff.staff(0).locked_until().seconds(),
            absl::ToUnixSeconds(Now() + absl::Minutes(15)));

  // The lock survives a restart: it is stored, not held in memory.
  RestartServer();
  status = SignIn(StaffTanLap(), DemoPin(), &session);
  EXPECT_TRUE(IsApiError(status, grpc::StatusCode::RESOURCE_EXHAUSTED, "PIN_LOCKED"));

  AdvanceClock(absl::Minutes(15) + absl::Seconds(1));
  status = SignIn(StaffTanLap(), DemoPin(), &session);
  EXPECT_TRUE(status.ok()) << status.error_message();
  EXPECT_FALSE(KioskStaff().staff(0).has_locked_until());
}

TEST_F(KioskPinTest, RightPinStartsTheCountAgain) {
  v1::SignInWithPinResponse session;
  for (int i = 0; i < 4; ++i) ASSERT_FALSE(SignIn(StaffTanLap(), Wrong(DemoPin()), &session).ok());
  ASSERT_TRUE(SignIn(StaffTanLap(), DemoPin(), &session).ok());
  for (int i = 0; i < 4; ++i) {
    grpc::Status status = SignIn(StaffTanLap(), Wrong(DemoPin()), &session);
    EXPECT_TRUE(IsApiError(status, grpc::StatusCode::UNAUTHENTICATED, "PIN_INCORRECT"));
  }
}

TEST_F(KioskPinTest, KioskSignsInOnlyItsOwnCommunesStaff) {
  v1::SignInWithPinResponse session;
  // The right PIN at another commune's kiosk: as if there were no PIN.
  grpc::Status status = SignIn(StaffTanLap(), DemoPin(), &session, "kiosk Hòa Bình");
  EXPECT_TRUE(IsApiError(status, grpc::StatusCode::NOT_FOUND, "NOT_FOUND"));
  // Accounts that are not staff, or do not exist.
  status = SignIn(DemoAccountName("coordinator"), DemoPin(), &session);
  EXPECT_TRUE(IsApiError(status, grpc::StatusCode::NOT_FOUND, "NOT_FOUND"));
  status = SignIn("accounts/99999", DemoPin(), &session);
  EXPECT_TRUE(IsApiError(status, grpc::StatusCode::NOT_FOUND, "NOT_FOUND"));
  // None of this counted against the staff member's PIN.
  for (int i = 0; i < 4; ++i) ASSERT_FALSE(SignIn(StaffTanLap(), Wrong(DemoPin()), &session).ok());
  EXPECT_TRUE(SignIn(StaffTanLap(), DemoPin(), &session).ok());
}

TEST_F(KioskPinTest, MalformedRequestsAreRefusedAndCountNothing) {
  v1::SignInWithPinResponse session;
  for (const char* pin : {"", "12345", "1234567", "12a456", "１２３４５６", "12345\n"}) {
    grpc::Status status = SignIn(StaffTanLap(), pin, &session);
    EXPECT_TRUE(IsInvalidArgument(status, {"pin"})) << pin;
  }
  EXPECT_TRUE(IsInvalidArgument(SignIn("units/3", DemoPin(), &session), {"account"}));
  EXPECT_TRUE(IsInvalidArgument(SignIn("", "x", &session), {"account", "pin"}));
  for (int i = 0; i < 4; ++i) ASSERT_FALSE(SignIn(StaffTanLap(), Wrong(DemoPin()), &session).ok());
  EXPECT_TRUE(SignIn(StaffTanLap(), DemoPin(), &session).ok());
}

TEST_F(KioskPinTest, NewPinReplacesTheOldAndLiftsALockout) {
  v1::SignInWithPinResponse session;
  for (int i = 0; i < 5; ++i) (void)SignIn(StaffTanLap(), Wrong(DemoPin()), &session);
  ASSERT_TRUE(IsApiError(SignIn(StaffTanLap(), DemoPin(), &session),
                         grpc::StatusCode::RESOURCE_EXHAUSTED, "PIN_LOCKED"));

  // The staff member asks for a new PIN from their own account.
  std::string fresh = Issue(StaffTanLap(), "staff Tân Lập");
  ASSERT_EQ(fresh.size(), 6u);
  EXPECT_TRUE(std::all_of(fresh.begin(), fresh.end(), [](char c) { return c >= '0' && c <= '9'; }));
  if (fresh != DemoPin()) {
    EXPECT_TRUE(IsApiError(SignIn(StaffTanLap(), DemoPin(), &session),
                           grpc::StatusCode::UNAUTHENTICATED, "PIN_INCORRECT"));
  }
  EXPECT_TRUE(SignIn(StaffTanLap(), fresh, &session).ok());

  // An admin may issue one too.
  std::string by_admin = Issue(StaffTanLap(), "admin");
  EXPECT_TRUE(SignIn(StaffTanLap(), by_admin, &session).ok());
}

TEST_F(KioskPinTest, OnlyTheAccountOrAnAdminIssuesAPin) {
  v1::IssueKioskPinRequest request;
  v1::IssueKioskPinResponse issued;
  request.set_name(DemoAccountName("staff Hòa Bình"));
  UseDemoAccount("staff Tân Lập");
  EXPECT_TRUE(IsApiError(Call(&v1::AccountService::Stub::IssueKioskPin, request, &issued),
                         grpc::StatusCode::NOT_FOUND, "NOT_FOUND"));
  UseDemoAccount("inspector");
  EXPECT_TRUE(IsApiError(Call(&v1::AccountService::Stub::IssueKioskPin, request, &issued),
                         grpc::StatusCode::PERMISSION_DENIED, "PERMISSION_DENIED"));
  // Only staff of a unit sign in at a kiosk.
  request.set_name(DemoAccountName("coordinator"));
  UseDemoAccount("admin");
  EXPECT_TRUE(IsApiError(Call(&v1::AccountService::Stub::IssueKioskPin, request, &issued),
                         grpc::StatusCode::FAILED_PRECONDITION, "NOT_STAFF"));
  request.set_name("accounts/x");
  EXPECT_TRUE(IsInvalidArgument(Call(&v1::AccountService::Stub::IssueKioskPin, request, &issued),
                                {"name"}));
  // Staff Hòa Bình's demo PIN still works: nothing above changed it.
  v1::SignInWithPinResponse session;
  EXPECT_TRUE(SignIn(DemoAccountName("staff Hòa Bình"), DemoSecret("kiosk PIN staff Hòa Bình"),
                     &session, "kiosk Hòa Bình")
                  .ok());
}

}  // namespace
}  // namespace sangkien::api_test
