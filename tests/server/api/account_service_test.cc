// AccountService end to end: who the caller is, creating accounts, and the
// life of a bearer token (shown once, revoked, disabled, expired, locked
// after too many wrong secrets).
#include <gmock/gmock.h>
#include <google/protobuf/descriptor.h>
#include <gtest/gtest.h>

#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "rpc_errors.h"
#include "test_server.h"

namespace sangkien::api_test {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::SizeIs;

// Every string value anywhere in `message`, nested messages included.
void CollectStrings(const Message& message, std::vector<std::string>* out) {
  const Reflection* reflection = message.GetReflection();
  std::vector<const FieldDescriptor*> fields;
  reflection->ListFields(message, &fields);
  for (const FieldDescriptor* f : fields) {
    int n = f->is_repeated() ? reflection->FieldSize(message, f) : 1;
    for (int i = 0; i < n; ++i) {
      if (f->cpp_type() == FieldDescriptor::CPPTYPE_STRING) {
        out->push_back(f->is_repeated() ? reflection->GetRepeatedString(message, f, i)
                                        : reflection->GetString(message, f));
      } else if (f->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
        CollectStrings(f->is_repeated() ? reflection->GetRepeatedMessage(message, f, i)
                                        : reflection->GetMessage(message, f),
                       out);
      }
    }
  }
}

class AccountServiceTest : public ApiTest {
 protected:
  // WhoAmI as the current identity.
  grpc::Status WhoAmI(v1::WhoAmIResponse* response) {
    return Call(&v1::AccountService::Stub::WhoAmI, v1::WhoAmIRequest(), response);
  }
  // WhoAmI with `secret`, then back to admin.
  grpc::Status WhoAmIWith(const std::string& secret, v1::WhoAmIResponse* response = nullptr) {
    v1::WhoAmIResponse ignored;
    UseToken(secret);
    grpc::Status status = WhoAmI(response ? response : &ignored);
    UseDemoAccount("admin");
    return status;
  }
  v1::Account CreateAccount(const std::string& display_name, v1::Role role,
                            const std::string& unit = "") {
    v1::CreateAccountRequest request;
    request.mutable_account()->set_display_name(display_name);
    request.mutable_account()->add_roles(role);
    request.mutable_account()->set_unit(unit);
    v1::Account account;
    grpc::Status status = Call(&v1::AccountService::Stub::CreateAccount, request, &account);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return account;
  }
  grpc::Status CreateToken(const std::string& account, v1::CreateTokenResponse* response,
                           absl::Duration ttl = absl::ZeroDuration()) {
    v1::CreateTokenRequest request;
    request.set_parent(account);
    request.set_display_name("điện thoại công vụ");
    if (ttl > absl::ZeroDuration()) request.mutable_ttl()->set_seconds(absl::ToInt64Seconds(ttl));
    return Call(&v1::AccountService::Stub::CreateToken, request, response);
  }
  v1::CreateTokenResponse NewToken(const std::string& account,
                                   absl::Duration ttl = absl::ZeroDuration()) {
    v1::CreateTokenResponse token;
    grpc::Status status = CreateToken(account, &token, ttl);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return token;
  }
  grpc::Status Revoke(const std::string& token, v1::Token* revoked = nullptr) {
    v1::RevokeTokenRequest request;
    request.set_name(token);
    v1::Token ignored;
    return Call(&v1::AccountService::Stub::RevokeToken, request, revoked ? revoked : &ignored);
  }
  std::vector<v1::Account> AllAccounts() {
    std::vector<v1::Account> out;
    v1::ListAccountsRequest request;
    request.set_page_size(500);
    v1::ListAccountsResponse response;
    grpc::Status status = Call(&v1::AccountService::Stub::ListAccounts, request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    EXPECT_EQ(response.next_page_token(), "");
    out.assign(response.accounts().begin(), response.accounts().end());
    return out;
  }
  v1::Account UpdateAccount(const v1::Account& account, const std::string& path) {
    v1::UpdateAccountRequest request;
    *request.mutable_account() = account;
    request.mutable_update_mask()->add_paths(path);
    v1::Account updated;
    grpc::Status status = Call(&v1::AccountService::Stub::UpdateAccount, request, &updated);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return updated;
  }
};

TEST_F(AccountServiceTest, ThePublicIsNobody) {
  UsePublic();
  v1::WhoAmIResponse me;
  ASSERT_TRUE(WhoAmI(&me).ok());
  EXPECT_FALSE(me.has_account());
  EXPECT_EQ(me.account().ByteSizeLong(), 0u);
  EXPECT_EQ(me.token(), "");
}

TEST_F(AccountServiceTest, EachDemoAccountKnowsItsRoleAndUnit) {
  struct Expected {
    const char* label;
    v1::Role role;
    const char* unit;  // display name, "" for none
  };
  const std::vector<Expected> expected = {
      {"admin", v1::ROLE_ADMIN, ""},
      {"coordinator", v1::ROLE_COORDINATOR, "Phòng Nội vụ"},
      {"approver", v1::ROLE_APPROVER, "UBND huyện"},
      {"inspector", v1::ROLE_INSPECTOR, "Thanh tra huyện"},
      {"publisher", v1::ROLE_PUBLISHER, "Phòng Văn hóa, Thông tin"},
      {"staff Tân Lập", v1::ROLE_STAFF, "UBND xã Tân Lập"},
      {"staff Hòa Bình", v1::ROLE_STAFF, "UBND xã Hòa Bình"},
      {"kiosk Tân Lập", v1::ROLE_KIOSK, "UBND xã Tân Lập"},
      {"kiosk Hòa Bình", v1::ROLE_KIOSK, "UBND xã Hòa Bình"},
      {"kiosk Đông Sơn", v1::ROLE_KIOSK, "UBND xã Đông Sơn"},
      {"kiosk Yên Phú", v1::ROLE_KIOSK, "UBND xã Yên Phú"},
      {"kiosk TT Phú Thịnh", v1::ROLE_KIOSK, "UBND thị trấn Phú Thịnh"},
  };
  for (const Expected& e : expected) {
    SCOPED_TRACE(e.label);
    std::string unit = *e.unit ? UnitNamed(e.unit) : "";
    UseDemoAccount(e.label);
    v1::WhoAmIResponse me;
    grpc::Status status = WhoAmI(&me);
    ASSERT_TRUE(status.ok()) << status.error_message();
    EXPECT_EQ(me.account().name(), DemoAccountName(e.label));
    EXPECT_THAT(me.account().roles(), ElementsAre(e.role));
    EXPECT_EQ(me.account().unit(), unit);
    EXPECT_FALSE(me.account().display_name().empty());
    EXPECT_FALSE(me.account().disabled());
    EXPECT_TRUE(absl::StartsWith(me.token(), me.account().name() + "/tokens/")) << me.token();
    UseDemoAccount("admin");
  }
}

TEST_F(AccountServiceTest, CreateAccountChecksRolesAndScope) {
  size_t before = AllAccounts().size();
  auto create = [&](v1::Account account) {
    v1::CreateAccountRequest request;
    *request.mutable_account() = std::move(account);
    v1::Account created;
    return Call(&v1::AccountService::Stub::CreateAccount, request, &created);
  };
  v1::Account no_roles;
  no_roles.set_display_name("Nguyễn Văn Thử");
  EXPECT_TRUE(IsInvalidArgument(create(no_roles), {"account.roles"}));

  v1::Account no_name;
  no_name.add_roles(v1::ROLE_PUBLISHER);
  EXPECT_TRUE(IsInvalidArgument(create(no_name), {"account.display_name"}));

  v1::Account staff_without_unit;
  staff_without_unit.set_display_name("Nguyễn Văn Thử");
  staff_without_unit.add_roles(v1::ROLE_STAFF);
  EXPECT_TRUE(IsInvalidArgument(create(staff_without_unit), {"account.unit"}));

  v1::Account kiosk_without_unit = staff_without_unit;
  kiosk_without_unit.set_roles(0, v1::ROLE_KIOSK);
  EXPECT_TRUE(IsInvalidArgument(create(kiosk_without_unit), {"account.unit"}));

  v1::Account kiosk_in_office = kiosk_without_unit;
  kiosk_in_office.set_unit(UnitNamed("Phòng Nội vụ"));
  EXPECT_TRUE(IsInvalidArgument(create(kiosk_in_office), {"account.unit"}));

  v1::Account staff_of_nothing = staff_without_unit;
  staff_of_nothing.set_unit("units/987654");
  EXPECT_TRUE(IsInvalidArgument(create(staff_of_nothing), {"account.unit"}));

  EXPECT_EQ(AllAccounts().size(), before) << "a refused account was stored";

  v1::Account kiosk =
      CreateAccount("Kiosk UBND xã Đông Sơn (2)", v1::ROLE_KIOSK, UnitNamed("UBND xã Đông Sơn"));
  EXPECT_THAT(kiosk.roles(), ElementsAre(v1::ROLE_KIOSK));
  EXPECT_EQ(kiosk.unit(), UnitNamed("UBND xã Đông Sơn"));
  EXPECT_FALSE(kiosk.etag().empty());
  EXPECT_EQ(AllAccounts().size(), before + 1);
}

TEST_F(AccountServiceTest, TheSecretIsShownOnceAndWorksAtOnce) {
  v1::Account account = CreateAccount("Vũ Thị Thử", v1::ROLE_PUBLISHER);
  v1::CreateTokenResponse created = NewToken(account.name());
  const std::string& secret = created.secret();
  ASSERT_FALSE(secret.empty());
  EXPECT_TRUE(absl::StartsWith(created.token().name(), account.name() + "/tokens/"));
  EXPECT_TRUE(absl::StartsWith(secret, created.token().prefix() + "_")) << secret;
  EXPECT_TRUE(absl::StartsWith(created.token().prefix(), "skt_"));
  EXPECT_EQ(created.token().display_name(), "điện thoại công vụ");
  std::string random_part = secret.substr(created.token().prefix().size() + 1);
  ASSERT_GE(random_part.size(), 40u);

  v1::WhoAmIResponse me;
  ASSERT_TRUE(WhoAmIWith(secret, &me).ok());
  EXPECT_EQ(me.account().name(), account.name());
  EXPECT_EQ(me.token(), created.token().name());

  // Listed by an admin and by the account itself: the prefix, never the
  // secret nor any part of what follows the prefix.
  v1::ListTokensRequest list;
  list.set_parent(account.name());
  for (bool as_self : {false, true}) {
    SCOPED_TRACE(as_self ? "as the account" : "as admin");
    if (as_self) UseToken(secret);
    v1::ListTokensResponse tokens;
    grpc::Status status = Call(&v1::AccountService::Stub::ListTokens, list, &tokens);
    UseDemoAccount("admin");
    ASSERT_TRUE(status.ok()) << status.error_message();
    ASSERT_THAT(tokens.tokens(), SizeIs(1));
    EXPECT_EQ(tokens.tokens(0).name(), created.token().name());
    EXPECT_EQ(tokens.tokens(0).prefix(), created.token().prefix());
    EXPECT_FALSE(tokens.tokens(0).has_revoke_time());
    std::vector<std::string> strings;
    CollectStrings(tokens, &strings);
    EXPECT_THAT(strings, Contains(created.token().prefix()));
    for (const std::string& s : strings) {
      EXPECT_FALSE(absl::StrContains(s, random_part)) << "the secret leaks in \"" << s << "\"";
    }
    EXPECT_FALSE(absl::StrContains(tokens.SerializeAsString(), random_part));
  }
}

TEST_F(AccountServiceTest, ARevokedTokenStopsOnTheNextCall) {
  v1::Account account = CreateAccount("Vũ Thị Thử", v1::ROLE_PUBLISHER);
  v1::CreateTokenResponse first = NewToken(account.name());
  v1::CreateTokenResponse second = NewToken(account.name());
  ASSERT_TRUE(WhoAmIWith(first.secret()).ok());

  // The account revokes its own token, using that very token.
  UseToken(first.secret());
  v1::Token revoked;
  ASSERT_TRUE(Revoke(first.token().name(), &revoked).ok());
  EXPECT_TRUE(revoked.has_revoke_time());
  EXPECT_EQ(revoked.revoke_time().seconds(), absl::ToUnixSeconds(Now()));
  v1::WhoAmIResponse me;
  EXPECT_TRUE(IsApiError(WhoAmI(&me), grpc::StatusCode::UNAUTHENTICATED, "TOKEN_REVOKED"));
  UseDemoAccount("admin");
  EXPECT_TRUE(
      IsApiError(WhoAmIWith(first.secret()), grpc::StatusCode::UNAUTHENTICATED, "TOKEN_REVOKED"));
  // Its other token still works; revoking twice is harmless.
  EXPECT_TRUE(WhoAmIWith(second.secret()).ok());
  EXPECT_TRUE(Revoke(first.token().name()).ok());
}

TEST_F(AccountServiceTest, DisablingAnAccountStopsItsTokens) {
  v1::Account account = CreateAccount("Đỗ Văn Thử", v1::ROLE_STAFF, UnitNamed("UBND xã Tân Lập"));
  v1::CreateTokenResponse token = NewToken(account.name());
  ASSERT_TRUE(WhoAmIWith(token.secret()).ok());

  account.set_disabled(true);
  v1::Account disabled = UpdateAccount(account, "disabled");
  EXPECT_TRUE(disabled.disabled());
  EXPECT_TRUE(IsApiError(WhoAmIWith(token.secret()), grpc::StatusCode::UNAUTHENTICATED,
                         "ACCOUNT_DISABLED"));
  // A token made for a disabled account does not work either.
  v1::CreateTokenResponse later = NewToken(account.name());
  EXPECT_TRUE(IsApiError(WhoAmIWith(later.secret()), grpc::StatusCode::UNAUTHENTICATED,
                         "ACCOUNT_DISABLED"));

  disabled.set_disabled(false);
  UpdateAccount(disabled, "disabled");
  EXPECT_TRUE(WhoAmIWith(token.secret()).ok());
}

TEST_F(AccountServiceTest, ATokenExpiresAtItsTtl) {
  v1::CreateTokenResponse token = NewToken(DemoAccountName("publisher"), absl::Hours(1));
  EXPECT_EQ(token.token().expire_time().seconds(), absl::ToUnixSeconds(Now() + absl::Hours(1)));
  ASSERT_TRUE(WhoAmIWith(token.secret()).ok());
  AdvanceClock(absl::Minutes(59) + absl::Seconds(59));
  EXPECT_TRUE(WhoAmIWith(token.secret()).ok());
  AdvanceClock(absl::Seconds(1));
  EXPECT_TRUE(
      IsApiError(WhoAmIWith(token.secret()), grpc::StatusCode::UNAUTHENTICATED, "TOKEN_EXPIRED"));
  // Tokens without a ttl do not expire.
  EXPECT_TRUE(WhoAmIWith(DemoSecret("publisher")).ok());

  v1::CreateTokenResponse refused;
  EXPECT_TRUE(IsInvalidArgument(
      CreateToken(DemoAccountName("publisher"), &refused, absl::Hours(24 * 3661)), {"ttl"}));
  v1::CreateTokenRequest negative;
  negative.set_parent(DemoAccountName("publisher"));
  negative.mutable_ttl()->set_seconds(-60);
  EXPECT_TRUE(
      IsInvalidArgument(Call(&v1::AccountService::Stub::CreateToken, negative, &refused), {"ttl"}));
}

TEST_F(AccountServiceTest, TooManyWrongSecretsLockThePrefixForAWhile) {
  v1::CreateTokenResponse token = NewToken(DemoAccountName("publisher"));
  const std::string& secret = token.secret();
  const std::string prefix = token.token().prefix();
  auto wrong = [&](int i) {
    std::string guess = secret;
    guess.back() = guess.back() == 'A' ? 'B' : 'A';
    guess[guess.size() - 2] = "abcdefghijklmnop"[i % 16];
    EXPECT_NE(guess, secret);
    return guess;
  };
  for (int i = 0; i < 10; ++i) {
    SCOPED_TRACE(i);
    EXPECT_TRUE(
        IsApiError(WhoAmIWith(wrong(i)), grpc::StatusCode::UNAUTHENTICATED, "UNKNOWN_TOKEN"));
  }
  EXPECT_TRUE(IsApiError(WhoAmIWith(wrong(10)), grpc::StatusCode::RESOURCE_EXHAUSTED,
                         "TOO_MANY_FAILED_ATTEMPTS"));
  // The right secret is refused too while the prefix is locked …
  EXPECT_TRUE(IsApiError(WhoAmIWith(secret), grpc::StatusCode::RESOURCE_EXHAUSTED,
                         "TOO_MANY_FAILED_ATTEMPTS"));
  // … other tokens are not affected …
  EXPECT_TRUE(WhoAmIWith(DemoSecret("publisher")).ok());
  AdvanceClock(absl::Minutes(5));
  EXPECT_TRUE(IsApiError(WhoAmIWith(secret), grpc::StatusCode::RESOURCE_EXHAUSTED,
                         "TOO_MANY_FAILED_ATTEMPTS"));
  // … and the lock lifts when the five minutes have passed.
  AdvanceClock(absl::Seconds(1));
  v1::WhoAmIResponse me;
  ASSERT_TRUE(WhoAmIWith(secret, &me).ok());
  EXPECT_EQ(me.token(), token.token().name());
  // A fresh window counts from zero again.
  EXPECT_TRUE(IsApiError(WhoAmIWith(wrong(0)), grpc::StatusCode::UNAUTHENTICATED, "UNKNOWN_TOKEN"));
  EXPECT_TRUE(WhoAmIWith(secret).ok());
}

TEST_F(AccountServiceTest, ACallerManagesOnlyItsOwnTokens) {
  const std::string self = DemoAccountName("staff Tân Lập");
  const std::string other = DemoAccountName("staff Hòa Bình");
  v1::CreateTokenResponse others_token = NewToken(other);

  UseDemoAccount("staff Tân Lập");
  v1::CreateTokenResponse mine;
  ASSERT_TRUE(CreateToken(self, &mine).ok());
  EXPECT_TRUE(absl::StartsWith(mine.token().name(), self + "/tokens/"));
  v1::ListTokensRequest list;
  list.set_parent(self);
  v1::ListTokensResponse tokens;
  ASSERT_TRUE(Call(&v1::AccountService::Stub::ListTokens, list, &tokens).ok());
  EXPECT_THAT(tokens.tokens(), SizeIs(2));  // the demo token and the new one
  EXPECT_TRUE(Revoke(mine.token().name()).ok());

  v1::CreateTokenResponse theirs;
  EXPECT_TRUE(IsApiError(CreateToken(other, &theirs), grpc::StatusCode::NOT_FOUND, "NOT_FOUND"));
  EXPECT_EQ(theirs.secret(), "");
  list.set_parent(other);
  EXPECT_TRUE(IsApiError(Call(&v1::AccountService::Stub::ListTokens, list, &tokens),
                         grpc::StatusCode::NOT_FOUND, "NOT_FOUND"));
  EXPECT_TRUE(
      IsApiError(Revoke(others_token.token().name()), grpc::StatusCode::NOT_FOUND, "NOT_FOUND"));
  // Naming the token under one's own account does not reach it either.
  std::string token_id =
      others_token.token().name().substr(others_token.token().name().rfind('/') + 1);
  EXPECT_TRUE(IsApiError(Revoke(absl::StrCat(self, "/tokens/", token_id)),
                         grpc::StatusCode::NOT_FOUND, "NOT_FOUND"));
  UseDemoAccount("admin");
  EXPECT_TRUE(WhoAmIWith(others_token.secret()).ok());
  EXPECT_TRUE(WhoAmIWith(DemoSecret("staff Tân Lập")).ok());

  // An admin manages anyone's.
  EXPECT_TRUE(Revoke(others_token.token().name()).ok());
  EXPECT_TRUE(IsApiError(WhoAmIWith(others_token.secret()), grpc::StatusCode::UNAUTHENTICATED,
                         "TOKEN_REVOKED"));
}

TEST_F(AccountServiceTest, AnInspectorSeesTokensButDoesNotChangeThem) {
  const std::string other = DemoAccountName("staff Hòa Bình");
  v1::CreateTokenResponse others_token = NewToken(other);

  UseDemoAccount("inspector");
  v1::ListTokensRequest list;
  list.set_parent(other);
  v1::ListTokensResponse tokens;
  ASSERT_TRUE(Call(&v1::AccountService::Stub::ListTokens, list, &tokens).ok());
  EXPECT_THAT(tokens.tokens(), SizeIs(2));
  v1::CreateTokenResponse created;
  EXPECT_TRUE(IsApiError(CreateToken(other, &created), grpc::StatusCode::PERMISSION_DENIED,
                         "PERMISSION_DENIED"));
  EXPECT_TRUE(IsApiError(Revoke(others_token.token().name()), grpc::StatusCode::PERMISSION_DENIED,
                         "PERMISSION_DENIED"));
  // What does not exist is NOT_FOUND for the inspector as for everyone.
  EXPECT_TRUE(IsApiError(CreateToken("accounts/987654", &created), grpc::StatusCode::NOT_FOUND,
                         "NOT_FOUND"));
  EXPECT_TRUE(IsApiError(Revoke(absl::StrCat(other, "/tokens/987654")), grpc::StatusCode::NOT_FOUND,
                         "NOT_FOUND"));
  // Its own tokens it manages like anyone else.
  v1::CreateTokenResponse own;
  ASSERT_TRUE(CreateToken(DemoAccountName("inspector"), &own).ok());
  EXPECT_TRUE(Revoke(own.token().name()).ok());
  UseDemoAccount("admin");
  EXPECT_TRUE(WhoAmIWith(others_token.secret()).ok());
}

}  // namespace
}  // namespace sangkien::api_test
