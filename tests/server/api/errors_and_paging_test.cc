// Page tokens and page sizes, and the shape every error takes.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "rpc_errors.h"
#include "test_server.h"

namespace sangkien::api_test {
namespace {

using ::testing::IsEmpty;
using ::testing::SizeIs;

class PagingTest : public ApiTest {
 protected:
  v1::ListTasksRequest FirstRequest() {
    v1::ListTasksRequest request;
    request.set_parent(SeedPlan());
    request.set_page_size(3);
    return request;
  }
  std::string FirstToken() {
    v1::ListTasksResponse response;
    grpc::Status status = Call(&v1::PlanService::Stub::ListTasks, FirstRequest(), &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    EXPECT_FALSE(response.next_page_token().empty());
    return response.next_page_token();
  }
  grpc::Status ListWith(v1::ListTasksRequest request, const std::string& token) {
    request.set_page_token(token);
    v1::ListTasksResponse response;
    grpc::Status status = Call(&v1::PlanService::Stub::ListTasks, request, &response);
    if (!status.ok()) {
      EXPECT_THAT(response.tasks(), IsEmpty());
    }
    return status;
  }
};

TEST_F(PagingTest, TokenContinuesTheSameRequest) {
  std::string token = FirstToken();
  v1::ListTasksRequest request = FirstRequest();
  request.set_page_token(token);
  v1::ListTasksResponse response;
  ASSERT_TRUE(Call(&v1::PlanService::Stub::ListTasks, request, &response).ok());
  ASSERT_THAT(response.tasks(), SizeIs(3));
  EXPECT_EQ(response.tasks(0).number(), "4.1");
}

TEST_F(PagingTest, TamperedTokenIsInvalidArgument) {
  std::string token = FirstToken();
  for (size_t i : {size_t{0}, token.size() / 2, token.size() - 1}) {
    std::string tampered = token;
    tampered[i] = tampered[i] == 'A' ? 'B' : 'A';
    SCOPED_TRACE(tampered);
    EXPECT_TRUE(IsInvalidArgument(ListWith(FirstRequest(), tampered), {"page_token"}));
  }
  EXPECT_TRUE(IsInvalidArgument(ListWith(FirstRequest(), token.substr(0, token.size() - 4)),
                                {"page_token"}));
  EXPECT_TRUE(IsInvalidArgument(ListWith(FirstRequest(), "not a token"), {"page_token"}));
  EXPECT_TRUE(IsInvalidArgument(ListWith(FirstRequest(), token + token), {"page_token"}));
}

TEST_F(PagingTest, TokenIsBoundToFilterOrderParentAndMethod) {
  std::string token = FirstToken();
  v1::ListTasksRequest other_filter = FirstRequest();
  other_filter.set_filter("status = ONGOING");
  EXPECT_TRUE(IsInvalidArgument(ListWith(other_filter, token), {"page_token"}));

  v1::ListTasksRequest other_order = FirstRequest();
  other_order.set_order_by("number");
  EXPECT_TRUE(IsInvalidArgument(ListWith(other_order, token), {"page_token"}));

  v1::ListTasksRequest other_parent = FirstRequest();
  other_parent.set_parent("plans/-");
  EXPECT_TRUE(IsInvalidArgument(ListWith(other_parent, token), {"page_token"}));

  v1::ListAssignmentsRequest assignments;
  assignments.set_parent(SeedPlan());
  assignments.set_page_token(token);
  v1::ListAssignmentsResponse assignments_response;
  EXPECT_TRUE(IsInvalidArgument(
      Call(&v1::PlanService::Stub::ListAssignments, assignments, &assignments_response),
      {"page_token"}));
}

TEST_F(PagingTest, PageSizeOutOfRangeIsInvalidArgument) {
  for (int page_size : {501, -1, 1 << 30}) {
    SCOPED_TRACE(page_size);
    v1::ListTasksRequest request = FirstRequest();
    request.set_page_size(page_size);
    EXPECT_TRUE(IsInvalidArgument(ListWith(request, ""), {"page_size"}));
  }
  v1::ListUnitsRequest units;
  units.set_page_size(501);
  v1::ListUnitsResponse units_response;
  EXPECT_TRUE(IsInvalidArgument(
      Call(&v1::DirectoryService::Stub::ListUnits, units, &units_response), {"page_size"}));
}

TEST_F(PagingTest, PageSizeLimitsAreInclusive) {
  v1::ListTasksRequest request = FirstRequest();
  request.set_page_size(500);
  v1::ListTasksResponse response;
  ASSERT_TRUE(Call(&v1::PlanService::Stub::ListTasks, request, &response).ok());
  EXPECT_THAT(response.tasks(), SizeIs(11));
  EXPECT_TRUE(response.next_page_token().empty());
  request.set_page_size(0);  // the default, 50
  ASSERT_TRUE(Call(&v1::PlanService::Stub::ListTasks, request, &response).ok());
  EXPECT_THAT(response.tasks(), SizeIs(11));
  request.set_page_size(11);
  ASSERT_TRUE(Call(&v1::PlanService::Stub::ListTasks, request, &response).ok());
  EXPECT_THAT(response.tasks(), SizeIs(11));
  EXPECT_TRUE(response.next_page_token().empty());
}

TEST_F(ApiTest, ListUnitsPagesThroughEveryUnitOnce) {
  v1::ListUnitsRequest request;
  request.set_page_size(4);
  std::vector<std::string> names;
  for (int i = 0; i < 10; ++i) {
    v1::ListUnitsResponse response;
    ASSERT_TRUE(Call(&v1::DirectoryService::Stub::ListUnits, request, &response).ok());
    for (const auto& u : response.units()) names.push_back(u.display_name());
    if (response.next_page_token().empty()) break;
    request.set_page_token(response.next_page_token());
  }
  std::vector<std::string> whole;
  for (const auto& u : AllUnits()) whole.push_back(u.display_name());
  EXPECT_THAT(whole, SizeIs(14));
  EXPECT_EQ(names, whole);
}

TEST_F(ApiTest, ErrorsCarryReasonAndVietnameseMessage) {
  // A sample of failures from different layers: request validation, list
  // parsing, storage lookups and write preconditions.
  v1::GetTaskRequest bad_task;
  bad_task.set_name("plans/1/tasks/x");
  v1::Task task;
  EXPECT_TRUE(IsInvalidArgument(Call(&v1::PlanService::Stub::GetTask, bad_task, &task), {"name"}));

  v1::GetTaskRequest missing_task;
  missing_task.set_name(SeedPlan() + "/tasks/9999");
  EXPECT_TRUE(IsApiError(Call(&v1::PlanService::Stub::GetTask, missing_task, &task),
                         grpc::StatusCode::NOT_FOUND, "NOT_FOUND"));

  v1::GetUnitRequest missing_unit;
  missing_unit.set_name("units/9999");
  v1::Unit unit;
  EXPECT_TRUE(IsApiError(Call(&v1::DirectoryService::Stub::GetUnit, missing_unit, &unit),
                         grpc::StatusCode::NOT_FOUND, "NOT_FOUND"));

  v1::GetUnitGroupRequest bad_group;
  bad_group.set_name("units/1");
  v1::UnitGroup group;
  EXPECT_TRUE(IsInvalidArgument(Call(&v1::DirectoryService::Stub::GetUnitGroup, bad_group, &group),
                                {"name"}));

  v1::ListAssignmentsRequest bad_parent;
  bad_parent.set_parent("tasks/1");
  v1::ListAssignmentsResponse assignments;
  EXPECT_TRUE(IsInvalidArgument(
      Call(&v1::PlanService::Stub::ListAssignments, bad_parent, &assignments), {"parent"}));

  v1::ListAssignmentsRequest bad_as_of;
  bad_as_of.set_parent("plans/-");
  *bad_as_of.mutable_as_of() = MakeDate(2026, 2, 30);
  EXPECT_TRUE(IsInvalidArgument(
      Call(&v1::PlanService::Stub::ListAssignments, bad_as_of, &assignments), {"as_of"}));

  v1::ListUnitsRequest bad_units_filter;
  bad_units_filter.set_filter("kind = CASTLE");
  v1::ListUnitsResponse units;
  EXPECT_TRUE(IsInvalidArgument(
      Call(&v1::DirectoryService::Stub::ListUnits, bad_units_filter, &units), {"filter"}));

  v1::CreateUnitRequest bad_request_id;
  bad_request_id.set_request_id("has spaces");
  bad_request_id.mutable_unit()->set_display_name("UBND xã Mới");
  bad_request_id.mutable_unit()->set_kind(v1::UNIT_KIND_COMMUNE);
  EXPECT_TRUE(IsInvalidArgument(
      Call(&v1::DirectoryService::Stub::CreateUnit, bad_request_id, &unit), {"request_id"}));
}

TEST_F(ApiTest, ErrorMessagesAreEnglishWithVietnameseDetail) {
  v1::GetPlanRequest request;
  request.set_name("plans/999");
  v1::Plan plan;
  RpcError e = DecodeError(Call(&v1::PlanService::Stub::GetPlan, request, &plan));
  EXPECT_EQ(e.message, "plans/999 not found");
  EXPECT_EQ(e.localized_message, "Không tìm thấy plans/999");
}

}  // namespace
}  // namespace sangkien::api_test
