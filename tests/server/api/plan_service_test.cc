// Plans: list, get, create, update and delete through PlanService.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "rpc_errors.h"
#include "test_server.h"

namespace sangkien::api_test {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::SizeIs;

TEST_F(ApiTest, ListPlansReturnsTheSeedPlan) {
  v1::ListPlansRequest request;
  v1::ListPlansResponse response;
  ASSERT_TRUE(Call(&v1::PlanService::Stub::ListPlans, request, &response).ok());
  ASSERT_THAT(response.plans(), SizeIs(1));
  EXPECT_TRUE(response.next_page_token().empty());
  const v1::Plan& plan = response.plans(0);
  EXPECT_THAT(plan.name(), ::testing::MatchesRegex("plans/[1-9][0-9]*"));
  EXPECT_EQ(plan.kind(), v1::DOCUMENT_KIND_PLAN);
  EXPECT_EQ(plan.state(), v1::PLAN_STATE_PUBLISHED);
  EXPECT_EQ(plan.task_count(), 11);
  EXPECT_EQ(plan.title(),
            "Thực hiện Chương trình hành động số 36-CTr/HU của Ban Thường vụ Huyện uỷ thực hiện "
            "Kết luận số 14-KL/TW của Bộ Chính trị về chủ trương khuyến khích và bảo vệ cán bộ "
            "năng động, sáng tạo vì lợi ích chung");
  EXPECT_EQ(plan.signer().full_name(), "Phạm Viết Hoài");
  EXPECT_EQ(plan.signer().position(), "CHỦ TỊCH");
  ASSERT_THAT(plan.basis(), SizeIs(2));
  EXPECT_EQ(plan.basis(0).symbol(), "36-CTr/HU");
  EXPECT_EQ(IsoDate(plan.basis(0).issue_date()), "2022-04-18");
  EXPECT_EQ(plan.basis(1).symbol(), "14-KL/TW");
  EXPECT_EQ(IsoDate(plan.basis(1).issue_date()), "2021-09-22");
  EXPECT_THAT(plan.recipients(), SizeIs(7));
  EXPECT_FALSE(plan.etag().empty());
  EXPECT_EQ(plan.create_time().seconds(), absl::ToUnixSeconds(FixedNow()));
  EXPECT_FALSE(plan.has_delete_time());
}

TEST_F(ApiTest, GetPlanByNameMatchesTheListedPlan) {
  std::vector<v1::Plan> listed = AllPlans();
  ASSERT_THAT(listed, SizeIs(1));
  v1::GetPlanRequest request;
  request.set_name(listed[0].name());
  v1::Plan plan;
  ASSERT_TRUE(Call(&v1::PlanService::Stub::GetPlan, request, &plan).ok());
  EXPECT_EQ(plan.SerializeAsString(), listed[0].SerializeAsString());
}

TEST_F(ApiTest, GetPlanThatDoesNotExistIsNotFound) {
  v1::GetPlanRequest request;
  request.set_name("plans/999");
  v1::Plan plan;
  EXPECT_TRUE(IsApiError(Call(&v1::PlanService::Stub::GetPlan, request, &plan),
                         grpc::StatusCode::NOT_FOUND, "NOT_FOUND"));
}

TEST_F(ApiTest, GetPlanWithMalformedNameIsInvalidArgument) {
  for (const char* name : {"plan/1", "plans/abc", "", "plans/0", "plans/-1", "plans/1/x"}) {
    SCOPED_TRACE(name);
    v1::GetPlanRequest request;
    request.set_name(name);
    v1::Plan plan;
    EXPECT_TRUE(IsInvalidArgument(Call(&v1::PlanService::Stub::GetPlan, request, &plan), {"name"}));
  }
}

TEST_F(ApiTest, CreatePlanStoresTasksAndExpandsGroups) {
  std::string noi_vu = UnitNamed("Phòng Nội vụ");
  std::string communes = GroupNamed("UBND các xã, thị trấn");
  v1::CreatePlanRequest request;
  request.mutable_plan()->set_title("Kế hoạch chuyển đổi số năm 2027");
  request.mutable_plan()->set_kind(v1::DOCUMENT_KIND_PLAN);
  *request.mutable_plan()->mutable_issue_date() = MakeDate(2026, 11, 1);
  v1::Task* first = request.add_tasks();
  first->set_number("1");
  first->set_title("Số hoá hồ sơ một cửa");
  first->add_lead_units()->set_name(communes);
  first->add_coordinating_units()->set_name(noi_vu);
  first->mutable_timeframe()->set_original_text("Quý II/2027");
  v1::Task* second = request.add_tasks();
  second->set_number("2");
  second->set_title("Tập huấn cán bộ");
  second->add_lead_units()->set_name(noi_vu);
  second->mutable_timeframe()->set_original_text("Thường xuyên");

  v1::Plan plan;
  grpc::Status status = Call(&v1::PlanService::Stub::CreatePlan, request, &plan);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(plan.title(), "Kế hoạch chuyển đổi số năm 2027");
  EXPECT_EQ(plan.state(), v1::PLAN_STATE_DRAFT);
  EXPECT_EQ(plan.task_count(), 2);
  EXPECT_THAT(AllPlans(), SizeIs(2));

  std::vector<v1::Task> tasks = AllTasks(plan.name());
  ASSERT_THAT(Numbers(tasks), ElementsAre("1", "2"));
  EXPECT_EQ(tasks[0].timeframe().kind(), v1::Timeframe::QUARTER);
  EXPECT_EQ(IsoDate(tasks[0].timeframe().due_date()), "2027-06-30");
  EXPECT_EQ(tasks[0].status(), v1::TASK_STATUS_NOT_STARTED);
  EXPECT_EQ(tasks[1].status(), v1::TASK_STATUS_ONGOING);
  EXPECT_EQ(tasks[0].position(), 1);
  EXPECT_EQ(tasks[1].position(), 2);

  // Task 1: the five communes lead through the group, Nội vụ coordinates.
  std::vector<v1::Assignment> first_assignments = AllAssignments(tasks[0].name());
  ASSERT_THAT(first_assignments, SizeIs(6));
  int leads = 0;
  for (const auto& a : first_assignments) {
    if (a.role() == v1::ASSIGNMENT_ROLE_LEAD) {
      ++leads;
      EXPECT_EQ(a.via_group(), communes);
    } else {
      EXPECT_EQ(a.unit(), noi_vu);
      EXPECT_EQ(a.via_group(), "");
    }
    EXPECT_EQ(IsoDate(a.next_due_date()), "2027-06-30");
    EXPECT_FALSE(a.overdue());
  }
  EXPECT_EQ(leads, 5);
  std::vector<v1::Assignment> second_assignments = AllAssignments(tasks[1].name());
  ASSERT_THAT(second_assignments, SizeIs(1));
  EXPECT_EQ(second_assignments[0].unit(), noi_vu);
  EXPECT_EQ(second_assignments[0].role(), v1::ASSIGNMENT_ROLE_LEAD);
  EXPECT_EQ(IsoDate(second_assignments[0].next_due_date()), "");
}

TEST_F(ApiTest, CreatePlanWithoutTitleWritesNothing) {
  v1::CreatePlanRequest request;
  request.mutable_plan()->set_title("  ");
  request.add_tasks()->set_title("Một nhiệm vụ");
  v1::Plan plan;
  EXPECT_TRUE(
      IsInvalidArgument(Call(&v1::PlanService::Stub::CreatePlan, request, &plan), {"plan.title"}));
  EXPECT_THAT(AllPlans(), SizeIs(1));
}

TEST_F(ApiTest, CreatePlanWithUnknownUnitWritesNothing) {
  v1::CreatePlanRequest request;
  request.mutable_plan()->set_title("Kế hoạch thử");
  v1::Task* task = request.add_tasks();
  task->set_title("Nhiệm vụ");
  task->add_lead_units()->set_name("units/9999");
  v1::Plan plan;
  EXPECT_TRUE(IsInvalidArgument(Call(&v1::PlanService::Stub::CreatePlan, request, &plan),
                                {"tasks[0].lead_units"}));
  EXPECT_THAT(AllPlans(), SizeIs(1));
}

TEST_F(ApiTest, CreatePlanRetriedWithSameRequestIdCreatesOne) {
  v1::CreatePlanRequest request;
  request.set_request_id("plan-2027-a");
  request.mutable_plan()->set_title("Kế hoạch năm 2027");
  request.add_tasks()->set_title("Nhiệm vụ một");
  v1::Plan first, second;
  ASSERT_TRUE(Call(&v1::PlanService::Stub::CreatePlan, request, &first).ok());
  ASSERT_TRUE(Call(&v1::PlanService::Stub::CreatePlan, request, &second).ok());
  EXPECT_EQ(first.name(), second.name());
  EXPECT_EQ(second.task_count(), 1);
  EXPECT_THAT(AllPlans(), SizeIs(2));
}

TEST_F(ApiTest, ListPlansFiltersAndOrders) {
  v1::CreatePlanRequest request;
  request.mutable_plan()->set_title("Kế hoạch cải cách hành chính năm 2023");
  request.mutable_plan()->set_kind(v1::DOCUMENT_KIND_PLAN);
  request.mutable_plan()->set_symbol("15/KH-UBND");
  *request.mutable_plan()->mutable_issue_date() = MakeDate(2023, 1, 10);
  v1::Plan dated;
  ASSERT_TRUE(Call(&v1::PlanService::Stub::CreatePlan, request, &dated).ok());
  std::string seed = SeedPlan();

  auto names = [&](const std::string& filter, const std::string& order_by) {
    v1::ListPlansRequest list;
    list.set_filter(filter);
    list.set_order_by(order_by);
    v1::ListPlansResponse response;
    grpc::Status status = Call(&v1::PlanService::Stub::ListPlans, list, &response);
    EXPECT_TRUE(status.ok()) << filter << ": " << status.error_message();
    std::vector<std::string> out;
    for (const auto& p : response.plans()) out.push_back(p.name());
    return out;
  };
  // Default: newest issue date first; the seed plan has none.
  EXPECT_THAT(names("", ""), ElementsAre(dated.name(), seed));
  EXPECT_THAT(names("", "issue_date"), ElementsAre(seed, dated.name()));
  EXPECT_THAT(names("state = PUBLISHED", ""), ElementsAre(seed));
  EXPECT_THAT(names("state = DRAFT AND kind = DOCUMENT_KIND_PLAN", ""), ElementsAre(dated.name()));
  EXPECT_THAT(names("symbol = \"15/KH-UBND\"", ""), ElementsAre(dated.name()));
  EXPECT_THAT(names("issue_date >= \"2023-01-10\"", ""), ElementsAre(dated.name()));
  // A plan without an issue date matches no date comparison.
  EXPECT_THAT(names("issue_date < \"2030-01-01\"", ""), ElementsAre(dated.name()));
  EXPECT_THAT(names("issue_date < \"2023-01-10\"", ""), IsEmpty());
  EXPECT_THAT(names("", "title"), ElementsAre(dated.name(), seed));
}

TEST_F(ApiTest, UpdatePlanTitleUnderEtag) {
  v1::GetPlanRequest get;
  get.set_name(SeedPlan());
  v1::Plan before;
  ASSERT_TRUE(Call(&v1::PlanService::Stub::GetPlan, get, &before).ok());

  v1::UpdatePlanRequest request;
  request.mutable_plan()->set_name(before.name());
  request.mutable_plan()->set_etag(before.etag());
  request.mutable_plan()->set_title("Kế hoạch thực hiện Kết luận 14-KL/TW");
  request.mutable_plan()->set_symbol("ignored because not in the mask");
  request.mutable_update_mask()->add_paths("title");
  v1::Plan updated;
  grpc::Status status = Call(&v1::PlanService::Stub::UpdatePlan, request, &updated);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(updated.title(), "Kế hoạch thực hiện Kết luận 14-KL/TW");
  EXPECT_EQ(updated.symbol(), before.symbol());
  EXPECT_EQ(updated.task_count(), 11);
  EXPECT_NE(updated.etag(), before.etag());

  // The same request again carries the old etag now.
  request.mutable_plan()->set_title("Tiêu đề khác");
  v1::Plan stale;
  EXPECT_TRUE(IsApiError(Call(&v1::PlanService::Stub::UpdatePlan, request, &stale),
                         grpc::StatusCode::ABORTED, "ETAG_MISMATCH"));
  v1::Plan after;
  ASSERT_TRUE(Call(&v1::PlanService::Stub::GetPlan, get, &after).ok());
  EXPECT_EQ(after.title(), "Kế hoạch thực hiện Kết luận 14-KL/TW");
  EXPECT_EQ(after.etag(), updated.etag());
}

TEST_F(ApiTest, UpdatePlanRejectsOutputOnlyFieldsInMask) {
  v1::UpdatePlanRequest request;
  request.mutable_plan()->set_name(SeedPlan());
  request.mutable_plan()->set_task_count(3);
  request.mutable_update_mask()->add_paths("task_count");
  v1::Plan plan;
  EXPECT_TRUE(
      IsInvalidArgument(Call(&v1::PlanService::Stub::UpdatePlan, request, &plan), {"update_mask"}));
}

TEST_F(ApiTest, DeletePlanHidesItAndItsTasks) {
  std::string name = SeedPlan();
  v1::Task task = SeedTask("4.2");
  v1::DeletePlanRequest request;
  request.set_name(name);
  v1::Plan deleted;
  ASSERT_TRUE(Call(&v1::PlanService::Stub::DeletePlan, request, &deleted).ok());
  EXPECT_TRUE(deleted.has_delete_time());
  EXPECT_EQ(deleted.delete_time().seconds(), absl::ToUnixSeconds(FixedNow()));

  v1::GetPlanRequest get;
  get.set_name(name);
  v1::Plan plan;
  EXPECT_TRUE(IsApiError(Call(&v1::PlanService::Stub::GetPlan, get, &plan),
                         grpc::StatusCode::NOT_FOUND, "NOT_FOUND"));
  get.set_show_deleted(true);
  ASSERT_TRUE(Call(&v1::PlanService::Stub::GetPlan, get, &plan).ok());
  EXPECT_EQ(plan.name(), name);
  EXPECT_TRUE(plan.has_delete_time());
  EXPECT_THAT(AllPlans(), IsEmpty());

  v1::ListTasksRequest tasks;
  tasks.set_parent(name);
  v1::ListTasksResponse tasks_response;
  EXPECT_TRUE(IsApiError(Call(&v1::PlanService::Stub::ListTasks, tasks, &tasks_response),
                         grpc::StatusCode::NOT_FOUND, "NOT_FOUND"));
  EXPECT_THAT(AllTasks("plans/-"), IsEmpty());

  v1::ListAssignmentsRequest assignments;
  assignments.set_parent(name);
  v1::ListAssignmentsResponse assignments_response;
  EXPECT_TRUE(
      IsApiError(Call(&v1::PlanService::Stub::ListAssignments, assignments, &assignments_response),
                 grpc::StatusCode::NOT_FOUND, "NOT_FOUND"));
  EXPECT_THAT(AllAssignments("plans/-"), IsEmpty());

  v1::GetTaskRequest get_task;
  get_task.set_name(task.name());
  v1::Task got;
  EXPECT_TRUE(IsApiError(Call(&v1::PlanService::Stub::GetTask, get_task, &got),
                         grpc::StatusCode::NOT_FOUND, "NOT_FOUND"));

  // Deleting twice finds nothing to delete.
  EXPECT_TRUE(IsApiError(Call(&v1::PlanService::Stub::DeletePlan, request, &deleted),
                         grpc::StatusCode::NOT_FOUND, "NOT_FOUND"));
}

TEST_F(ApiTest, DeletePlanWithStaleEtagKeepsIt) {
  v1::DeletePlanRequest request;
  request.set_name(SeedPlan());
  request.set_etag("\"12345\"");
  v1::Plan deleted;
  EXPECT_TRUE(IsApiError(Call(&v1::PlanService::Stub::DeletePlan, request, &deleted),
                         grpc::StatusCode::ABORTED, "ETAG_MISMATCH"));
  EXPECT_THAT(AllPlans(), SizeIs(1));
}

}  // namespace
}  // namespace sangkien::api_test
