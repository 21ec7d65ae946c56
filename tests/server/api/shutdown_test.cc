// Stopping the server: graceful shutdown, and a restart on the same database.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <future>

#include "raw_calls.h"
#include "test_server.h"

namespace sangkien::api_test {
namespace {

using ::testing::AnyOf;
using ::testing::Eq;
using ::testing::SizeIs;

TEST_F(ApiTest, ShutdownStopsAcceptingCalls) {
  ASSERT_EQ(CheckHealth(channel()).serving_status, kHealthServing);
  server().Shutdown(absl::Seconds(2));
  auto waited = std::async(std::launch::async, [this] { server().Wait(); });
  ASSERT_EQ(waited.wait_for(std::chrono::seconds(10)), std::future_status::ready);

  // Neither the old channel nor a new one reaches the port.
  v1::GetPlanRequest request;
  request.set_name("plans/1");
  v1::Plan plan;
  EXPECT_EQ(Call(&v1::PlanService::Stub::GetPlan, request, &plan).error_code(),
            grpc::StatusCode::UNAVAILABLE);
  auto fresh = grpc::CreateChannel(target(), grpc::InsecureChannelCredentials());
  EXPECT_EQ(CheckHealth(fresh).status.error_code(), grpc::StatusCode::UNAVAILABLE);
}

TEST_F(ApiTest, ShutdownWithCallsInFlightFinishesEveryCall) {
  constexpr int kCalls = 32;
  std::string seed = SeedPlan();
  struct Pending {
    grpc::ClientContext context;
    v1::ListTasksRequest request;
    v1::ListTasksResponse response;
    std::promise<grpc::Status> done;
  };
  std::vector<std::unique_ptr<Pending>> calls;
  for (int i = 0; i < kCalls; ++i) {
    auto call = std::make_unique<Pending>();
    call->context.set_deadline(CallDeadline());
    call->request.set_parent(seed);
    Pending* p = call.get();
    plans_->async()->ListTasks(&p->context, &p->request, &p->response,
                               [p](grpc::Status s) { p->done.set_value(std::move(s)); });
    calls.push_back(std::move(call));
  }
  server().Shutdown(absl::Seconds(5));
  server().Wait();
  int ok = 0;
  for (auto& call : calls) {
    auto result = call->done.get_future();
    ASSERT_EQ(result.wait_for(std::chrono::seconds(10)), std::future_status::ready);
    grpc::Status status = result.get();
    if (status.ok()) {
      ++ok;
      EXPECT_THAT(call->response.tasks(), SizeIs(11));
    } else {
      // Calls the server had not taken yet are refused, never cut short.
      EXPECT_THAT(status.error_code(),
                  AnyOf(Eq(grpc::StatusCode::UNAVAILABLE), Eq(grpc::StatusCode::CANCELLED)))
          << status.error_message();
      EXPECT_THAT(call->response.tasks(), SizeIs(0));
    }
  }
  RecordProperty("completed_before_shutdown", ok);
}

TEST_F(ApiTest, RestartKeepsDataAndDoesNotSeedAgain) {
  v1::CreateUnitRequest create;
  create.set_request_id("restart-1");
  create.mutable_unit()->set_display_name("UBND xã Minh Khai");
  create.mutable_unit()->set_kind(v1::UNIT_KIND_COMMUNE);
  v1::Unit created;
  ASSERT_TRUE(Call(&v1::DirectoryService::Stub::CreateUnit, create, &created).ok());
  v1::ListTasksRequest list;
  list.set_parent(SeedPlan());
  list.set_page_size(5);
  v1::ListTasksResponse first_page;
  ASSERT_TRUE(Call(&v1::PlanService::Stub::ListTasks, list, &first_page).ok());

  RestartServer();

  EXPECT_THAT(AllUnits(), SizeIs(15));
  EXPECT_THAT(AllPlans(), SizeIs(1));
  EXPECT_THAT(AllReports(SeedTask("4.2").name()), SizeIs(4));
  // The retry after a dropped reply still finds the first result.
  v1::Unit again;
  ASSERT_TRUE(Call(&v1::DirectoryService::Stub::CreateUnit, create, &again).ok());
  EXPECT_EQ(again.name(), created.name());
  // Page tokens outlive the process.
  list.set_page_token(first_page.next_page_token());
  v1::ListTasksResponse second_page;
  grpc::Status status = Call(&v1::PlanService::Stub::ListTasks, list, &second_page);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_THAT(second_page.tasks(), SizeIs(5));
  EXPECT_EQ(second_page.tasks(0).number(), "4.3");
}

}  // namespace
}  // namespace sangkien::api_test
