// The account, token and kiosk PIN rules, where they live: every door (the
// API, sangkienctl, the demo seed) gets these refusals from AccountOperations.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "operations/account_operations.h"
#include "operations/stored_tokens.h"
#include "operations_fixture.h"
#include "status/errors.h"

namespace sangkien::operations {
namespace {

// The fields an INVALID_ARGUMENT names, in order; empty for any other status.
std::vector<std::string> Fields(const absl::Status& status) {
  std::vector<std::string> fields;
  if (status.code() != absl::StatusCode::kInvalidArgument) return fields;
  for (const FieldViolation& v : ErrorFieldViolations(status)) fields.push_back(v.field);
  return fields;
}

using Strings = std::vector<std::string>;

class AccountRulesTest : public OperationsTest {
 protected:
  void SetUp() override {
    OperationsTest::SetUp();
    accounts_ = std::make_unique<AccountOperations>(*db_, [this] { return now_; });
  }

  static domain::Account Publisher(std::string name) {
    domain::Account a;
    a.display_name = std::move(name);
    a.roles = {domain::Role::kPublisher};
    return a;
  }

  absl::StatusOr<domain::Account> Create(domain::Account account) {
    return accounts_->CreateAccount(sys_.actor, CreateAccountCommand{std::move(account), {}});
  }

  int AccountCount() {
    domain::ListQuery q;
    q.order = {"id", false};
    q.page_size = 500;
    auto page = accounts_->ListAccounts(q);
    return page.ok() ? static_cast<int>(page->items.size()) : -1;
  }

  std::unique_ptr<AccountOperations> accounts_;
};

TEST_F(AccountRulesTest, AnAccountNeedsANameAndKnownRoles) {
  domain::Account no_roles = Publisher("Nguyễn Văn Thử");
  no_roles.roles.clear();
  EXPECT_EQ(Fields(Create(no_roles).status()), Strings{"account.roles"});
  EXPECT_EQ(Fields(Create(Publisher("  ")).status()), Strings{"account.display_name"});
  EXPECT_EQ(Fields(Create(Publisher(std::string(501, 'a'))).status()),
            Strings{"account.display_name"});
  domain::Account unknown = Publisher("Nguyễn Văn Thử");
  unknown.roles.push_back(domain::Role::kUnspecified);
  EXPECT_EQ(Fields(Create(unknown).status()), Strings{"account.roles"});
  domain::Account too_many = Publisher("Nguyễn Văn Thử");
  too_many.roles.assign(kMaxRoles + 1, domain::Role::kPublisher);
  EXPECT_EQ(Fields(Create(too_many).status()), Strings{"account.roles"});
  // Every fault at once, in the order the API has always reported them.
  domain::Account all_wrong;
  all_wrong.position = std::string(501, 'p');
  all_wrong.unit_id = kUnparsedId;
  EXPECT_EQ(Fields(Create(all_wrong).status()),
            (Strings{"account.display_name", "account.position", "account.roles", "account.unit"}));
  EXPECT_EQ(AccountCount(), 0) << "a refused account was stored";
}

TEST_F(AccountRulesTest, StaffAndKiosksActForOneUnitAndKiosksForACommune) {
  domain::Account staff = Publisher("Đỗ Văn Thử");
  staff.roles = {domain::Role::kStaff};
  EXPECT_EQ(Fields(Create(staff).status()), Strings{"account.unit"});
  domain::Account kiosk = staff;
  kiosk.roles = {domain::Role::kKiosk};
  EXPECT_EQ(Fields(Create(kiosk).status()), Strings{"account.unit"});
  kiosk.unit_id = noi_vu_;  // an office
  EXPECT_EQ(Fields(Create(kiosk).status()), Strings{"account.unit"});
  staff.unit_id = 987654;  // no such unit
  EXPECT_EQ(Fields(Create(staff).status()), Strings{"account.unit"});
  EXPECT_EQ(AccountCount(), 0);
  kiosk.unit_id = tan_lap_;
  auto created = Create(kiosk);
  ASSERT_TRUE(created.ok()) << created.status();
  EXPECT_EQ(created->unit_id, tan_lap_);
}

TEST_F(AccountRulesTest, NamesAreStoredInNfc) {
  auto created = Create(Publisher("Nguye\xcc\x82\xcc\x83n"));  // decomposed "Nguyễn"
  ASSERT_TRUE(created.ok()) << created.status();
  EXPECT_EQ(created->display_name, "Nguy\xe1\xbb\x85n");
}

TEST_F(AccountRulesTest, UpdateMergesTheMaskAndChecksTheResult) {
  auto created = Create(Publisher("Vũ Thị Thử"));
  ASSERT_TRUE(created.ok()) << created.status();
  UpdateAccountCommand bad_mask{created->id, {{}, {"service_account"}, ""}};
  EXPECT_EQ(Fields(accounts_->UpdateAccount(sys_.actor, bad_mask).status()),
            Strings{"update_mask"});
  // The mask wins over a missing account.
  bad_mask.id = 999;
  EXPECT_EQ(Fields(accounts_->UpdateAccount(sys_.actor, bad_mask).status()),
            Strings{"update_mask"});

  // Becoming staff without a unit is refused; fields outside the mask are
  // ignored, however wrong.
  UpdateAccountCommand to_staff{created->id, {{}, {"roles"}, created->etag}};
  to_staff.update.patch.roles = {domain::Role::kStaff};
  to_staff.update.patch.display_name = "";
  to_staff.update.patch.unit_id = kUnparsedId;
  EXPECT_EQ(Fields(accounts_->UpdateAccount(sys_.actor, to_staff).status()),
            Strings{"account.unit"});
  to_staff.update.paths = {"roles", "unit"};
  to_staff.update.patch.unit_id = tan_lap_;
  auto updated = accounts_->UpdateAccount(sys_.actor, to_staff);
  ASSERT_TRUE(updated.ok()) << updated.status();
  EXPECT_EQ(updated->display_name, "Vũ Thị Thử");
  EXPECT_EQ(updated->unit_id, tan_lap_);
  EXPECT_NE(updated->etag, created->etag);
  // The etag read before that update is stale now.
  UpdateAccountCommand stale{created->id, {{}, {"disabled"}, created->etag}};
  stale.update.patch.disabled = true;
  EXPECT_EQ(accounts_->UpdateAccount(sys_.actor, stale).status().code(),
            absl::StatusCode::kAborted);
  stale.update.etag.clear();  // no precondition
  EXPECT_TRUE(accounts_->UpdateAccount(sys_.actor, stale).ok());
}

TEST_F(AccountRulesTest, TokenLifetimesArePositiveAndAtMostTenYears) {
  auto created = Create(Publisher("Vũ Thị Thử"));
  ASSERT_TRUE(created.ok()) << created.status();
  domain::Principal self;
  self.account_id = created->id;
  self.roles = created->roles;
  CreateTokenCommand token{created->id, "laptop", kMaxTokenTtl + absl::Seconds(1)};
  EXPECT_EQ(Fields(accounts_->CreateToken(self, sys_.actor, token).status()), Strings{"ttl"});
  EXPECT_EQ(Fields(accounts_->IssueToken(sys_.actor, token).status()), Strings{"ttl"});
  token.ttl = absl::ZeroDuration();
  EXPECT_EQ(Fields(AccountOperations::CheckCreateToken(token)), Strings{"ttl"});
  token.ttl = -absl::Minutes(1);
  token.display_name = std::string(501, 'x');
  EXPECT_EQ(Fields(accounts_->CreateToken(self, sys_.actor, token).status()),
            (Strings{"display_name", "ttl"}));
  token.display_name = "laptop";
  token.ttl = kMaxTokenTtl;
  auto issued = accounts_->CreateToken(self, sys_.actor, token);
  ASSERT_TRUE(issued.ok()) << issued.status();
  EXPECT_EQ(issued->token.expire_time, now_ + kMaxTokenTtl);
}

TEST_F(AccountRulesTest, APinIsSixDigits) {
  domain::Principal kiosk;
  kiosk.account_id = 77;
  kiosk.roles = {domain::Role::kKiosk};
  kiosk.unit_id = tan_lap_;
  for (const char* pin : {"", "12345", "1234567", "12a456"}) {
    EXPECT_EQ(Fields(accounts_->SignInWithPin(kiosk, sys_.actor, 1, pin).status()), Strings{"pin"})
        << pin;
  }
}

TEST_F(AccountRulesTest, StoredTokensFindTheTokenAndItsAccount) {
  auto created = Create(Publisher("Vũ Thị Thử"));
  ASSERT_TRUE(created.ok()) << created.status();
  auto issued = accounts_->IssueToken(sys_.actor, CreateTokenCommand{created->id, "", {}});
  ASSERT_TRUE(issued.ok()) << issued.status();
  StoredTokens store(*db_);
  auto found = store.FindByPrefix(issued->token.prefix);
  ASSERT_TRUE(found.ok()) << found.status();
  EXPECT_EQ(found->token.id, issued->token.id);
  EXPECT_EQ(found->account.id, created->id);
  EXPECT_FALSE(found->token.last_use_time.has_value());
  ASSERT_TRUE(store.Touch(issued->token.id, now_).ok());
  EXPECT_EQ(store.FindByPrefix(issued->token.prefix)->token.last_use_time, now_);
  EXPECT_EQ(store.FindByPrefix("skt_nothere").status().code(), absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace sangkien::operations
