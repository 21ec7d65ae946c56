// A fixture that runs the real server in-process on an ephemeral loopback
// port, over a fresh database seeded with the demo district, and calls it
// through the generated stubs.
#ifndef SANGKIEN_TESTS_SERVER_API_TEST_SERVER_H_
#define SANGKIEN_TESTS_SERVER_API_TEST_SERVER_H_

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "app/server.h"
#include "google/type/date.pb.h"
#include "sangkien/v1/account_service.grpc.pb.h"
#include "sangkien/v1/audit_service.grpc.pb.h"
#include "sangkien/v1/directory_service.grpc.pb.h"
#include "sangkien/v1/plan_service.grpc.pb.h"
#include "sangkien/v1/proposal_service.grpc.pb.h"
#include "sangkien/v1/publicity_service.grpc.pb.h"
#include "sangkien/v1/search_service.grpc.pb.h"
#include "sangkien/v1/sync_service.grpc.pb.h"

namespace sangkien::api_test {

namespace v1 = ::sangkien::v1;

// Every call carries a deadline this far out.
inline constexpr std::chrono::seconds kCallTimeout{10};

// 2026-11-27 09:00 in the district (UTC+7): the server's "now" until a test
// advances its clock.
absl::Time FixedNow();

// A deadline kCallTimeout from now, for contexts built by hand.
std::chrono::system_clock::time_point CallDeadline();

google::type::Date MakeDate(int year, int month, int day);
// "2026-11-30", or "" when the date is unset (all zero).
std::string IsoDate(const google::type::Date& date);

// Runs one server per test.
class ApiTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  // Calls `rpc` with a fresh context carrying a deadline.
  template <typename Req, typename Resp>
  grpc::Status Call(grpc::Status (v1::PlanService::Stub::*rpc)(grpc::ClientContext*, const Req&,
                                                               Resp*),
                    const Req& request, Resp* response) {
    grpc::ClientContext context;
    Prepare(context);
    return ((*plans_).*rpc)(&context, request, response);
  }
  template <typename Req, typename Resp>
  grpc::Status Call(grpc::Status (v1::DirectoryService::Stub::*rpc)(grpc::ClientContext*,
                                                                    const Req&, Resp*),
                    const Req& request, Resp* response) {
    grpc::ClientContext context;
    Prepare(context);
    return ((*directory_).*rpc)(&context, request, response);
  }
  template <typename Req, typename Resp>
  grpc::Status Call(grpc::Status (v1::AccountService::Stub::*rpc)(grpc::ClientContext*, const Req&,
                                                                  Resp*),
                    const Req& request, Resp* response) {
    grpc::ClientContext context;
    Prepare(context);
    return ((*accounts_).*rpc)(&context, request, response);
  }
  template <typename Req, typename Resp>
  grpc::Status Call(grpc::Status (v1::AuditService::Stub::*rpc)(grpc::ClientContext*, const Req&,
                                                                Resp*),
                    const Req& request, Resp* response) {
    grpc::ClientContext context;
    Prepare(context);
    return ((*audit_).*rpc)(&context, request, response);
  }
  template <typename Req, typename Resp>
  grpc::Status Call(grpc::Status (v1::ProposalService::Stub::*rpc)(grpc::ClientContext*, const Req&,
                                                                   Resp*),
                    const Req& request, Resp* response) {
    grpc::ClientContext context;
    Prepare(context);
    return ((*proposals_).*rpc)(&context, request, response);
  }
  template <typename Req, typename Resp>
  grpc::Status Call(grpc::Status (v1::SearchService::Stub::*rpc)(grpc::ClientContext*, const Req&,
                                                                 Resp*),
                    const Req& request, Resp* response) {
    grpc::ClientContext context;
    Prepare(context);
    return ((*search_).*rpc)(&context, request, response);
  }
  template <typename Req, typename Resp>
  grpc::Status Call(grpc::Status (v1::SyncService::Stub::*rpc)(grpc::ClientContext*, const Req&,
                                                               Resp*),
                    const Req& request, Resp* response) {
    grpc::ClientContext context;
    Prepare(context);
    return ((*sync_).*rpc)(&context, request, response);
  }
  template <typename Req, typename Resp>
  grpc::Status Call(grpc::Status (v1::PublicityService::Stub::*rpc)(grpc::ClientContext*,
                                                                    const Req&, Resp*),
                    const Req& request, Resp* response) {
    grpc::ClientContext context;
    Prepare(context);
    return ((*publicity_).*rpc)(&context, request, response);
  }
  // Calls any unary RPC by its descriptor through a generic stub, as the
  // current identity. `request` and `response` must be the method's types.
  grpc::Status CallMethod(const google::protobuf::MethodDescriptor& method,
                          const google::protobuf::Message& request,
                          google::protobuf::Message* response);

  // Calls run as a demo account ("admin" by default; labels as the demo
  // seed names them: "coordinator", "staff Tân Lập", "kiosk Hòa Bình", …),
  // or as the public.
  void UseDemoAccount(const std::string& label);
  void UsePublic() { authorization_.clear(); }
  // Calls run with this bearer secret.
  void UseToken(const std::string& secret) { authorization_ = "Bearer " + secret; }
  // Calls send this `authorization` header verbatim ("Basic abc").
  void UseAuthorization(const std::string& header) { authorization_ = header; }
  const std::string& DemoSecret(const std::string& label);
  // "accounts/N" of a demo account.
  const std::string& DemoAccountName(const std::string& label);
  // Sets the deadline and, unless public, the authorization header.
  void Prepare(grpc::ClientContext& context) const;
  // Calls the full method `path` ("/grpc.health.v1.Health/Check") with an
  // empty request through a generic stub, as the current caller.
  grpc::Status CallEmpty(const std::string& path);

  // The server's clock: FixedNow() plus whatever the test advanced it by.
  absl::Time Now() const;
  void AdvanceClock(absl::Duration by);

  // "units/N" of the unit with this display name; fails the test if absent.
  std::string UnitNamed(const std::string& display_name);
  // "unitGroups/N" of the group with this display name.
  std::string GroupNamed(const std::string& display_name);
  // Every unit, in the default order.
  std::vector<v1::Unit> AllUnits(const std::string& filter = "", const std::string& order_by = "");
  // Every plan the list shows.
  std::vector<v1::Plan> AllPlans();
  // A plan titled `title` in `state` with one task led by Phòng Nội vụ, due
  // Quý II/2027, created as the current identity.
  v1::Plan CreatePlanWithOneTask(const std::string& title, v1::PlanState state);
  // The seed plan's name ("plans/N").
  std::string SeedPlan();

  // Every task under `parent`, paging with `page_size`; fails the test on an
  // error.
  std::vector<v1::Task> AllTasks(const std::string& parent, const std::string& filter = "",
                                 const std::string& order_by = "", int page_size = 0);
  // The seed plan's tasks in document order.
  std::vector<v1::Task> SeedTasks() { return AllTasks(SeedPlan()); }
  // The `index`-th (0-based) task of the seed plan numbered `number`.
  v1::Task SeedTask(const std::string& number, int index = 0);

  std::vector<v1::Assignment> AllAssignments(const std::string& parent,
                                             const std::string& filter = "",
                                             const std::string& order_by = "");
  std::vector<v1::ProgressReport> AllReports(const std::string& task);

  // A fresh proposal with complete contents, put forward by the demo account
  // `proposer` for its own unit and taken to `state` by the roles whose step
  // each is: the proposer submits, starts the pilot and reports on it, the
  // coordinator appraises (UNDER_APPRAISAL means with the appraisal
  // recorded), the approver decides (the vote passes) and evaluates (PARTIAL,
  // motives pure). DRAFT through EVALUATED; the identity is kept.
  v1::Proposal ProposalIn(v1::ProposalState state, const std::string& proposer);

  // Stops the server and starts a new one on the same database (and a new
  // port), with fresh stubs.
  void RestartServer();
  // Lets a suite change the options before every start (metrics, the call
  // log); the defaults listen on a free port with the call log off.
  virtual void AdjustOptions(app::ServerOptions& options) {}

  app::Server& server() { return *server_; }
  const std::string& target() const { return target_; }
  std::shared_ptr<grpc::Channel> channel() { return channel_; }
  // The SQLite file the server runs on, and the test's scratch folder.
  std::string database_path() const { return (dir_ / "sangkien.db").string(); }
  const std::filesystem::path& scratch_dir() const { return dir_; }

  std::unique_ptr<v1::PlanService::Stub> plans_;
  std::unique_ptr<v1::DirectoryService::Stub> directory_;
  std::unique_ptr<v1::AccountService::Stub> accounts_;
  std::unique_ptr<v1::AuditService::Stub> audit_;
  std::unique_ptr<v1::ProposalService::Stub> proposals_;
  std::unique_ptr<v1::SearchService::Stub> search_;
  std::unique_ptr<v1::SyncService::Stub> sync_;
  std::unique_ptr<v1::PublicityService::Stub> publicity_;

 private:
  void StartServer();

  std::filesystem::path dir_;
  std::unique_ptr<app::Server> server_;
  std::string target_;
  std::shared_ptr<grpc::Channel> channel_;
  std::map<std::string, std::string> demo_secrets_;   // from the seeding start
  std::map<std::string, std::string> demo_accounts_;  // label → "accounts/N"
  std::string authorization_;                         // empty: the public
  std::atomic<int64_t> clock_offset_us_{0};
};

// The tasks' numbers, in order.
std::vector<std::string> Numbers(const std::vector<v1::Task>& tasks);
// The assignments' task numbers, in order.
std::vector<std::string> TaskNumbers(const std::vector<v1::Assignment>& assignments);

}  // namespace sangkien::api_test

#endif  // SANGKIEN_TESTS_SERVER_API_TEST_SERVER_H_
