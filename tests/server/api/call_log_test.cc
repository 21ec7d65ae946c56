// The call log: one logfmt line per call with the method, the code, the
// time, the caller's account (never a token) and the request_id.

#include <mutex>
#include <regex>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "log/log.h"
#include "test_server.h"

namespace sangkien::api_test {
namespace {

class CapturedLog : public log::Sink {
 public:
  void Write(std::string_view line) override {
    std::lock_guard lock(mu_);
    lines_.emplace_back(line);
  }
  // The lines that contain every one of `parts`.
  std::vector<std::string> Matching(const std::vector<std::string>& parts) {
    std::lock_guard lock(mu_);
    std::vector<std::string> out;
    for (const std::string& line : lines_) {
      bool all = true;
      for (const std::string& p : parts) all = all && line.find(p) != std::string::npos;
      if (all) out.push_back(line);
    }
    return out;
  }
  std::vector<std::string> All() {
    std::lock_guard lock(mu_);
    return lines_;
  }

 private:
  std::mutex mu_;
  std::vector<std::string> lines_;
};

class CallLogTest : public ApiTest {
 protected:
  void SetUp() override {
    log::SetSink(&log_);
    ApiTest::SetUp();
  }
  void TearDown() override {
    ApiTest::TearDown();
    log::SetSink(nullptr);
    log::SetLevel(log::Level::kInfo);
  }
  void AdjustOptions(app::ServerOptions& options) override { options.log_calls = true; }

  CapturedLog log_;
};

// level=info msg=call method=M code=C ms=N.NN [account=A] [request_id=R]
const std::regex kCallLine(
    R"(level=(debug|info|warning|error) msg=call method=[^ ]+ code=[A-Z_]+ ms=[0-9]+\.[0-9]{2})"
    R"(( account=[^ ]+)?( request_id=[^ ]+)?)");

TEST_F(CallLogTest, AWriteIsLoggedWithAccountAndRequestId) {
  v1::CreatePlanRequest request;
  request.mutable_plan()->set_title("Kế hoạch có mã yêu cầu");
  request.set_request_id("req-42_abc");
  v1::Plan plan;
  ASSERT_TRUE(Call(&v1::PlanService::Stub::CreatePlan, request, &plan).ok());

  std::vector<std::string> lines =
      log_.Matching({"method=sangkien.v1.PlanService/CreatePlan", "request_id=req-42_abc"});
  ASSERT_EQ(lines.size(), 1u) << absl::StrJoin(log_.All(), "\n");
  const std::string& line = lines.front();
  EXPECT_TRUE(std::regex_match(line, kCallLine)) << line;
  EXPECT_TRUE(absl::StartsWith(line, "level=info msg=call ")) << line;
  EXPECT_NE(line.find(" code=OK "), std::string::npos) << line;
  EXPECT_NE(line.find(absl::StrCat(" account=", DemoAccountName("admin"), " ")), std::string::npos)
      << line;
}

TEST_F(CallLogTest, NoLineEverHoldsAToken) {
  std::string plan = SeedPlan();
  v1::GetPlanRequest get;
  get.set_name(plan);
  v1::Plan out;
  ASSERT_TRUE(Call(&v1::PlanService::Stub::GetPlan, get, &out).ok());
  std::string wrong = "sk_wrong_secret_that_must_not_be_logged";
  UseToken(wrong);
  EXPECT_EQ(Call(&v1::PlanService::Stub::GetPlan, get, &out).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  UseAuthorization("Basic dXNlcjpwYXNzd29yZA==");
  EXPECT_FALSE(Call(&v1::PlanService::Stub::GetPlan, get, &out).ok());

  std::vector<std::string> lines = log_.All();
  ASSERT_FALSE(lines.empty());
  for (const std::string& line : lines) {
    EXPECT_EQ(line.find(DemoSecret("admin")), std::string::npos) << line;
    EXPECT_EQ(line.find(wrong), std::string::npos) << line;
    EXPECT_EQ(line.find("dXNlcjpwYXNzd29yZA"), std::string::npos) << line;
    EXPECT_EQ(line.find("Bearer"), std::string::npos) << line;
  }
  // The refused caller has no account to name.
  std::vector<std::string> refused =
      log_.Matching({"method=sangkien.v1.PlanService/GetPlan", "code=UNAUTHENTICATED"});
  ASSERT_EQ(refused.size(), 2u);
  for (const std::string& line : refused) {
    EXPECT_TRUE(std::regex_match(line, kCallLine)) << line;
    EXPECT_EQ(line.find("account="), std::string::npos) << line;
  }
}

TEST_F(CallLogTest, ThePublicAndARefusedAccountAreNamed) {
  UsePublic();
  v1::ListPlansRequest list;
  v1::ListPlansResponse plans;
  ASSERT_TRUE(Call(&v1::PlanService::Stub::ListPlans, list, &plans).ok());
  EXPECT_EQ(log_.Matching({"method=sangkien.v1.PlanService/ListPlans", "account=public"}).size(),
            1u)
      << absl::StrJoin(log_.All(), "\n");
  // A kiosk may not list accounts: refused, but it is known who asked.
  UseDemoAccount("kiosk Hòa Bình");
  v1::ListAccountsRequest accounts;
  v1::ListAccountsResponse listed;
  EXPECT_EQ(Call(&v1::AccountService::Stub::ListAccounts, accounts, &listed).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(
      log_.Matching({"method=sangkien.v1.AccountService/ListAccounts", "code=PERMISSION_DENIED",
                     absl::StrCat("account=", DemoAccountName("kiosk Hòa Bình"))})
          .size(),
      1u)
      << absl::StrJoin(log_.All(), "\n");
}

TEST_F(CallLogTest, HealthChecksOnlyAtDebug) {
  ASSERT_TRUE(CallEmpty("/grpc.health.v1.Health/Check").ok());
  EXPECT_TRUE(log_.Matching({"grpc.health.v1.Health/Check"}).empty());
  log::SetLevel(log::Level::kDebug);
  ASSERT_TRUE(CallEmpty("/grpc.health.v1.Health/Check").ok());
  std::vector<std::string> lines = log_.Matching({"grpc.health.v1.Health/Check"});
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_TRUE(absl::StartsWith(lines.front(), "level=debug msg=call ")) << lines.front();
  EXPECT_TRUE(std::regex_match(lines.front(), kCallLine)) << lines.front();
}

TEST_F(CallLogTest, WarningLevelDropsOrdinaryCalls) {
  log::SetLevel(log::Level::kWarning);
  std::string plan = SeedPlan();
  EXPECT_TRUE(log_.Matching({"msg=call"}).empty()) << absl::StrJoin(log_.All(), "\n");
}

TEST_F(CallLogTest, AnUnknownMethodIsLoggedUnderItsPath) {
  EXPECT_EQ(CallEmpty("/sangkien.v1.PlanService/NoSuchMethod").error_code(),
            grpc::StatusCode::UNIMPLEMENTED);
  std::vector<std::string> lines = log_.Matching({"NoSuchMethod"});
  for (const std::string& line : lines) {
    EXPECT_NE(line.find("code=UNIMPLEMENTED"), std::string::npos) << line;
  }
}

}  // namespace
}  // namespace sangkien::api_test
