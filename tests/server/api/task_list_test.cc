// ListTasks of the seed plan: document order, paging, filters and order_by.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "rpc_errors.h"
#include "test_server.h"

namespace sangkien::api_test {
namespace {

using ::testing::ElementsAre;
using ::testing::ElementsAreArray;
using ::testing::IsEmpty;
using ::testing::SizeIs;

const std::vector<std::string> kSeedOrder = {"1.1", "1.2", "2.1", "4.1", "4.2", "4.3",
                                             "4.4", "4.6", "4.5", "4.6", "4.7"};

TEST_F(ApiTest, ListTasksReturnsTheSeedTasksInDocumentOrder) {
  std::vector<v1::Task> tasks = SeedTasks();
  EXPECT_THAT(Numbers(tasks), ElementsAreArray(kSeedOrder));
  for (size_t i = 0; i < tasks.size(); ++i) {
    EXPECT_EQ(tasks[i].position(), static_cast<int>(i) + 1);
    EXPECT_EQ(tasks[i].name().rfind(SeedPlan() + "/tasks/", 0), 0u) << tasks[i].name();
    EXPECT_FALSE(tasks[i].etag().empty());
  }
}

TEST_F(ApiTest, ListTasksOfSeedPlanHasTheParsedTimeframes) {
  std::vector<v1::Task> tasks = SeedTasks();
  ASSERT_THAT(tasks, SizeIs(11));
  struct Want {
    v1::Timeframe::Kind kind;
    std::string due_date;
    v1::TaskStatus status;
  };
  const std::vector<Want> want = {
      {v1::Timeframe::KIND_UNSPECIFIED, "", v1::TASK_STATUS_NOT_STARTED},    // 1.1
      {v1::Timeframe::KIND_UNSPECIFIED, "", v1::TASK_STATUS_NOT_STARTED},    // 1.2
      {v1::Timeframe::KIND_UNSPECIFIED, "", v1::TASK_STATUS_NOT_STARTED},    // 2.1
      {v1::Timeframe::YEAR, "2022-12-31", v1::TASK_STATUS_NOT_STARTED},      // 4.1
      {v1::Timeframe::ONGOING_PERIODIC, "", v1::TASK_STATUS_ONGOING},        // 4.2
      {v1::Timeframe::QUARTER, "2022-09-30", v1::TASK_STATUS_NOT_STARTED},   // 4.3
      {v1::Timeframe::ONGOING, "", v1::TASK_STATUS_ONGOING},                 // 4.4
      {v1::Timeframe::DUE_DATE, "2022-06-30", v1::TASK_STATUS_NOT_STARTED},  // 4.6
      {v1::Timeframe::ONGOING, "", v1::TASK_STATUS_ONGOING},                 // 4.5
      {v1::Timeframe::CONDITIONAL, "", v1::TASK_STATUS_WAITING},             // 4.6
      {v1::Timeframe::ONGOING, "", v1::TASK_STATUS_ONGOING},                 // 4.7
  };
  for (size_t i = 0; i < want.size(); ++i) {
    SCOPED_TRACE(tasks[i].number() + " " + tasks[i].timeframe().original_text());
    EXPECT_EQ(tasks[i].timeframe().kind(), want[i].kind);
    EXPECT_EQ(IsoDate(tasks[i].timeframe().due_date()), want[i].due_date);
    EXPECT_EQ(tasks[i].status(), want[i].status);
  }
  ASSERT_THAT(tasks[4].timeframe().report_dates(), SizeIs(1));
  EXPECT_EQ(tasks[4].timeframe().report_dates(0).month(), 11);
  EXPECT_EQ(tasks[4].timeframe().report_dates(0).day(), 30);
}

TEST_F(ApiTest, ListTasksPagesThroughInOrderWithoutDuplicates) {
  v1::ListTasksRequest request;
  request.set_parent(SeedPlan());
  request.set_page_size(3);
  std::vector<v1::Task> collected;
  std::vector<int> page_sizes;
  for (int i = 0; i < 10; ++i) {
    v1::ListTasksResponse response;
    ASSERT_TRUE(Call(&v1::PlanService::Stub::ListTasks, request, &response).ok());
    page_sizes.push_back(response.tasks_size());
    collected.insert(collected.end(), response.tasks().begin(), response.tasks().end());
    if (response.next_page_token().empty()) break;
    request.set_page_token(response.next_page_token());
  }
  EXPECT_THAT(page_sizes, ElementsAre(3, 3, 3, 2));
  EXPECT_THAT(Numbers(collected), ElementsAreArray(kSeedOrder));
  std::set<std::string> names;
  for (const auto& t : collected) names.insert(t.name());
  EXPECT_THAT(names, SizeIs(11));
}

TEST_F(ApiTest, ListTasksPageSizeMayChangeBetweenPages) {
  v1::ListTasksRequest request;
  request.set_parent(SeedPlan());
  request.set_page_size(4);
  v1::ListTasksResponse first, second;
  ASSERT_TRUE(Call(&v1::PlanService::Stub::ListTasks, request, &first).ok());
  request.set_page_token(first.next_page_token());
  request.set_page_size(100);
  ASSERT_TRUE(Call(&v1::PlanService::Stub::ListTasks, request, &second).ok());
  EXPECT_EQ(first.tasks_size() + second.tasks_size(), 11);
  EXPECT_TRUE(second.next_page_token().empty());
  EXPECT_EQ(second.tasks(0).number(), "4.2");
}

TEST_F(ApiTest, ListTasksAcrossAllPlans) {
  EXPECT_THAT(Numbers(AllTasks("plans/-")), ElementsAreArray(kSeedOrder));
}

TEST_F(ApiTest, ListTasksFilterByLeadUnit) {
  // Thanh tra huyện is named as lead on both 4.6 (first) and 4.5; it is an
  // office-level body, so it also leads through "Các phòng, ngành, đơn vị
  // cấp huyện" wherever that group leads.
  std::string thanh_tra = UnitNamed("Thanh tra huyện");
  EXPECT_THAT(Numbers(AllTasks(SeedPlan(), "lead_unit = \"" + thanh_tra + "\"")),
              ElementsAre("1.1", "2.1", "4.2", "4.6", "4.5", "4.6", "4.7"));
  std::string van_hoa = UnitNamed("Phòng Văn hóa, Thông tin");
  EXPECT_THAT(Numbers(AllTasks(SeedPlan(), "lead_unit = \"" + van_hoa + "\"")),
              ElementsAre("1.1", "1.2", "2.1", "4.2", "4.4", "4.6", "4.7"));
  // A commune leads only through the commune group.
  std::string hoa_binh = UnitNamed("UBND xã Hòa Bình");
  EXPECT_THAT(Numbers(AllTasks(SeedPlan(), "lead_unit = \"" + hoa_binh + "\"")),
              ElementsAre("1.1", "2.1", "4.2", "4.6", "4.7"));
  // Nobody assigns anything to the district council.
  std::string hdnd = UnitNamed("HĐND huyện");
  EXPECT_THAT(AllTasks(SeedPlan(), "lead_unit = \"" + hdnd + "\""), IsEmpty());
}

TEST_F(ApiTest, ListTasksFilterByLeadUnitPhongNoiVu) {
  std::string noi_vu = UnitNamed("Phòng Nội vụ");
  std::vector<v1::Task> tasks = AllTasks(SeedPlan(), "lead_unit = \"" + noi_vu + "\"");
  // Named as lead on 4.1 and 4.3, and a lead through the offices group on 1.1
  // and 2.1. On 4.2, 4.6 (second) and 4.7 the offices group leads but the
  // plan names Phòng Nội vụ as a coordinator, and the named role wins.
  EXPECT_THAT(Numbers(tasks), ElementsAre("1.1", "2.1", "4.1", "4.3"));
  std::vector<std::string> direct;
  for (const auto& t : tasks) {
    for (const auto& ref : t.lead_units()) {
      if (ref.name() == noi_vu) direct.push_back(t.number());
    }
  }
  EXPECT_THAT(direct, ElementsAre("4.1", "4.3"));
  EXPECT_THAT(Numbers(AllTasks(SeedPlan(), "lead_unit != \"" + noi_vu + "\"")),
              ElementsAre("1.2", "4.2", "4.4", "4.6", "4.5", "4.6", "4.7"));
}

TEST_F(ApiTest, ListTasksFilterByUnitIncludesCoordination) {
  // Phòng Tư pháp is reached through the offices group on every task but 1.2,
  // and is named as a coordinator on 4.2.
  std::string tu_phap = UnitNamed("Phòng Tư pháp");
  EXPECT_THAT(Numbers(AllTasks(SeedPlan(), "unit = \"" + tu_phap + "\"")),
              ElementsAre("1.1", "2.1", "4.1", "4.2", "4.3", "4.4", "4.6", "4.5", "4.6", "4.7"));
  EXPECT_THAT(Numbers(AllTasks(SeedPlan(), "unit != \"" + tu_phap + "\"")), ElementsAre("1.2"));
  std::string trung_tam = UnitNamed("Trung tâm Văn hóa, Thông tin, Thể thao và Du lịch");
  EXPECT_THAT(Numbers(AllTasks(SeedPlan(), "unit = \"" + trung_tam + "\" AND number = \"1.2\"")),
              ElementsAre("1.2"));
  std::string ban_to_chuc = UnitNamed("Ban Tổ chức Huyện ủy");
  EXPECT_THAT(AllTasks(SeedPlan(), "unit = \"" + ban_to_chuc + "\""), IsEmpty());
}

TEST_F(ApiTest, ListTasksFilterByStatus) {
  EXPECT_THAT(Numbers(AllTasks(SeedPlan(), "status = ONGOING")),
              ElementsAre("4.2", "4.4", "4.5", "4.7"));
  EXPECT_THAT(Numbers(AllTasks(SeedPlan(), "status = TASK_STATUS_WAITING")), ElementsAre("4.6"));
  EXPECT_THAT(Numbers(AllTasks(SeedPlan(), "status = completed")), IsEmpty());
}

TEST_F(ApiTest, ListTasksFilterByDueDate) {
  EXPECT_THAT(Numbers(AllTasks(SeedPlan(), "due_date < \"2022-12-31\"")),
              ElementsAre("4.3", "4.6"));
  EXPECT_THAT(Numbers(AllTasks(SeedPlan(), "due_date <= \"2022-12-31\"")),
              ElementsAre("4.1", "4.3", "4.6"));
  EXPECT_THAT(Numbers(AllTasks(SeedPlan(), "due_date = 2022-09-30")), ElementsAre("4.3"));
  EXPECT_THAT(Numbers(AllTasks(SeedPlan(),
                               "due_date >= \"2022-07-01\" AND due_date < "
                               "\"2023-01-01\"")),
              ElementsAre("4.1", "4.3"));
  // Tasks with no due date match no date comparison.
  EXPECT_THAT(Numbers(AllTasks(SeedPlan(), "due_date > \"2022-12-31\"")), IsEmpty());
}

TEST_F(ApiTest, ListTasksFilterByTimeframeKindAndNumber) {
  std::vector<v1::Task> conditional = AllTasks(SeedPlan(), "timeframe.kind = CONDITIONAL");
  ASSERT_THAT(Numbers(conditional), ElementsAre("4.6"));
  EXPECT_EQ(conditional[0].position(), 10);
  EXPECT_EQ(conditional[0].name(), SeedTask("4.6", 1).name());
  EXPECT_THAT(Numbers(AllTasks(SeedPlan(), "timeframe.kind = QUARTER")), ElementsAre("4.3"));
  std::vector<v1::Task> both = AllTasks(SeedPlan(), "number = \"4.6\"");
  ASSERT_THAT(both, SizeIs(2));
  EXPECT_EQ(both[0].timeframe().kind(), v1::Timeframe::DUE_DATE);
  EXPECT_EQ(both[1].timeframe().kind(), v1::Timeframe::CONDITIONAL);
  EXPECT_THAT(Numbers(AllTasks(SeedPlan(), "number = \"4.6\" AND status = WAITING")),
              ElementsAre("4.6"));
}

TEST_F(ApiTest, ListTasksRejectsInvalidFilters) {
  for (const char* filter : {
           "owner = \"units/1\"",           // unknown field
           "status > ONGOING",              // ordered operator on an unordered field
           "due_date < \"2022-13-01\"",     // not a date
           "due_date < \"31/12/2022\"",     // not ISO
           "number = \"4.6",                // unterminated quote
           "status = DONE",                 // unknown enum value
           "lead_unit = \"unitGroups/1\"",  // wrong collection
           "status = ONGOING OR status = WAITING",
           "status ONGOING",
           "status =",
       }) {
    SCOPED_TRACE(filter);
    v1::ListTasksRequest request;
    request.set_parent(SeedPlan());
    request.set_filter(filter);
    v1::ListTasksResponse response;
    EXPECT_TRUE(
        IsInvalidArgument(Call(&v1::PlanService::Stub::ListTasks, request, &response), {"filter"}));
    EXPECT_THAT(response.tasks(), IsEmpty());
  }
}

TEST_F(ApiTest, ListTasksOrderBy) {
  EXPECT_THAT(
      Numbers(AllTasks(SeedPlan(), "", "number")),
      ElementsAre("1.1", "1.2", "2.1", "4.1", "4.2", "4.3", "4.4", "4.5", "4.6", "4.6", "4.7"));
  EXPECT_THAT(
      Numbers(AllTasks(SeedPlan(), "", "number desc")),
      ElementsAre("4.7", "4.6", "4.6", "4.5", "4.4", "4.3", "4.2", "4.1", "2.1", "1.2", "1.1"));
  EXPECT_THAT(Numbers(AllTasks(SeedPlan(), "", "position desc")),
              ElementsAreArray(std::vector<std::string>(kSeedOrder.rbegin(), kSeedOrder.rend())));
  // Dated tasks by date; the rest after them in document order.
  std::vector<v1::Task> by_due = AllTasks(SeedPlan(), "", "due_date");
  EXPECT_THAT(Numbers(by_due), ElementsAre("4.6", "4.3", "4.1", "1.1", "1.2", "2.1", "4.2", "4.4",
                                           "4.5", "4.6", "4.7"));
  std::vector<v1::Task> dated_desc =
      AllTasks(SeedPlan(), "due_date < \"9000-01-01\"", "due_date desc");
  EXPECT_THAT(Numbers(dated_desc), ElementsAre("4.1", "4.3", "4.6"));
}

TEST_F(ApiTest, ListTasksOrderByPagesConsistently) {
  for (const char* order : {"due_date", "due_date desc", "number", "number desc"}) {
    SCOPED_TRACE(order);
    std::vector<v1::Task> whole = AllTasks(SeedPlan(), "", order, 500);
    std::vector<v1::Task> paged = AllTasks(SeedPlan(), "", order, 2);
    ASSERT_THAT(paged, SizeIs(whole.size()));
    for (size_t i = 0; i < whole.size(); ++i) EXPECT_EQ(paged[i].name(), whole[i].name());
  }
}

TEST_F(ApiTest, ListTasksRejectsInvalidOrderBy) {
  for (const char* order_by : {"title", "due_date sideways", "number desc extra", "-number"}) {
    SCOPED_TRACE(order_by);
    v1::ListTasksRequest request;
    request.set_parent(SeedPlan());
    request.set_order_by(order_by);
    v1::ListTasksResponse response;
    EXPECT_TRUE(IsInvalidArgument(Call(&v1::PlanService::Stub::ListTasks, request, &response),
                                  {"order_by"}));
  }
}

}  // namespace
}  // namespace sangkien::api_test
