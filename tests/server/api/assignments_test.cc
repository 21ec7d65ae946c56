// ListAssignments: what a commune sees, overdue judgement against the fixed
// clock, and the role and date filters.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <utility>

#include "rpc_errors.h"
#include "test_server.h"

namespace sangkien::api_test {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Pair;
using ::testing::SizeIs;
using ::testing::UnorderedElementsAre;

std::vector<std::pair<std::string, v1::AssignmentRole>> Roles(
    const std::vector<v1::Assignment>& assignments) {
  std::vector<std::pair<std::string, v1::AssignmentRole>> out;
  for (const auto& a : assignments) out.emplace_back(a.task_number(), a.role());
  return out;
}

const v1::Assignment* Find(const std::vector<v1::Assignment>& assignments,
                           const std::string& task) {
  for (const auto& a : assignments) {
    if (a.task() == task) return &a;
  }
  return nullptr;
}

constexpr auto kLead = v1::ASSIGNMENT_ROLE_LEAD;
constexpr auto kCoordinate = v1::ASSIGNMENT_ROLE_COORDINATE;

class AssignmentsTest : public ApiTest {
 protected:
  std::string UnitFilter(const std::string& display_name) {
    return "unit = \"" + UnitNamed(display_name) + "\"";
  }
};

TEST_F(AssignmentsTest, CommuneSeesWhatTheCommuneGroupIsGiven) {
  std::string hoa_binh = UnitNamed("UBND xã Hòa Bình");
  std::string communes = GroupNamed("UBND các xã, thị trấn");
  std::vector<v1::Assignment> assignments =
      AllAssignments("plans/-", UnitFilter("UBND xã Hòa Bình"));
  EXPECT_THAT(
      Roles(assignments),
      UnorderedElementsAre(Pair("1.1", kLead), Pair("2.1", kLead), Pair("4.1", kCoordinate),
                           Pair("4.2", kLead), Pair("4.3", kCoordinate), Pair("4.4", kCoordinate),
                           Pair("4.6", kCoordinate), Pair("4.5", kCoordinate), Pair("4.6", kLead),
                           Pair("4.7", kLead)));
  for (const auto& a : assignments) {
    SCOPED_TRACE(a.name());
    EXPECT_EQ(a.unit(), hoa_binh);
    EXPECT_EQ(a.unit_display_name(), "UBND xã Hòa Bình");
    EXPECT_EQ(a.via_group(), communes);
    EXPECT_EQ(a.name().rfind(a.task() + "/assignments/", 0), 0u);
    EXPECT_FALSE(a.task_title().empty());
  }
  // Default order: the nearest due date first, nothing-due last.
  EXPECT_THAT(TaskNumbers(assignments),
              ElementsAre("4.6", "4.3", "4.2", "4.1", "1.1", "2.1", "4.4", "4.5", "4.6", "4.7"));
  std::vector<std::string> due;
  for (const auto& a : assignments) due.push_back(IsoDate(a.next_due_date()));
  EXPECT_THAT(due, ElementsAre("2022-06-30", "2022-09-30", "2022-11-30", "2022-12-31", "", "", "",
                               "", "", ""));
  // The same through the plan as parent.
  EXPECT_THAT(AllAssignments(SeedPlan(), UnitFilter("UBND xã Hòa Bình")), SizeIs(10));
}

TEST_F(AssignmentsTest, EveryDemoCommuneAndTheTownHaveTheSameTasks) {
  for (const char* name :
       {"UBND xã Tân Lập", "UBND xã Đông Sơn", "UBND xã Yên Phú", "UBND thị trấn Phú Thịnh"}) {
    SCOPED_TRACE(name);
    EXPECT_THAT(AllAssignments("plans/-", UnitFilter(name)), SizeIs(10));
  }
}

TEST_F(AssignmentsTest, OverdueJudgedOnTheServerClock) {
  std::vector<v1::Assignment> overdue =
      AllAssignments("plans/-", UnitFilter("UBND xã Hòa Bình") + " AND overdue = true");
  EXPECT_THAT(TaskNumbers(overdue), ElementsAre("4.6", "4.3", "4.2", "4.1"));
  for (const auto& a : overdue) EXPECT_TRUE(a.overdue()) << a.task_number();
  std::vector<v1::Assignment> on_time =
      AllAssignments("plans/-", UnitFilter("UBND xã Hòa Bình") + " AND overdue = false");
  EXPECT_THAT(TaskNumbers(on_time), ElementsAre("1.1", "2.1", "4.4", "4.5", "4.6", "4.7"));
  for (const auto& a : on_time) EXPECT_FALSE(a.overdue()) << a.task_number();
}

TEST_F(AssignmentsTest, TanLapHasReportedEveryYearAndHoaBinhHasNot) {
  std::string task = SeedTask("4.2").name();
  std::vector<v1::Assignment> tan_lap = AllAssignments(task, UnitFilter("UBND xã Tân Lập"));
  ASSERT_THAT(tan_lap, SizeIs(1));
  EXPECT_EQ(IsoDate(tan_lap[0].next_due_date()), "2026-11-30");
  EXPECT_FALSE(tan_lap[0].overdue());
  EXPECT_EQ(tan_lap[0].progress_percent(), 100);
  EXPECT_EQ(tan_lap[0].last_report().rfind(task + "/progressReports/", 0), 0u)
      << tan_lap[0].last_report();
  EXPECT_EQ(tan_lap[0].timeframe().kind(), v1::Timeframe::ONGOING_PERIODIC);

  std::vector<v1::Assignment> hoa_binh = AllAssignments(task, UnitFilter("UBND xã Hòa Bình"));
  ASSERT_THAT(hoa_binh, SizeIs(1));
  EXPECT_EQ(IsoDate(hoa_binh[0].next_due_date()), "2022-11-30");
  EXPECT_TRUE(hoa_binh[0].overdue());
  EXPECT_EQ(hoa_binh[0].last_report(), "");
  EXPECT_EQ(hoa_binh[0].progress_percent(), 0);

  std::vector<v1::ProgressReport> reports = AllReports(task);
  ASSERT_THAT(reports, SizeIs(4));
  EXPECT_EQ(IsoDate(reports[0].report_date()), "2025-11-25");  // newest first
  EXPECT_EQ(IsoDate(reports[0].covers_due_date()), "2025-11-30");
  EXPECT_EQ(IsoDate(reports[3].covers_due_date()), "2022-11-30");
  EXPECT_EQ(reports[0].name(), tan_lap[0].last_report());
}

TEST_F(AssignmentsTest, AsOfMovesTheDayOverdueIsJudgedOn) {
  v1::ListAssignmentsRequest request;
  request.set_parent("plans/-");
  request.set_filter(UnitFilter("UBND xã Hòa Bình") + " AND overdue = true");
  *request.mutable_as_of() = MakeDate(2022, 10, 1);
  v1::ListAssignmentsResponse response;
  ASSERT_TRUE(Call(&v1::PlanService::Stub::ListAssignments, request, &response).ok());
  std::vector<v1::Assignment> got(response.assignments().begin(), response.assignments().end());
  EXPECT_THAT(TaskNumbers(got), ElementsAre("4.6", "4.3"));

  std::string task = SeedTask("4.2").name();
  request.set_parent(task);
  request.set_filter(UnitFilter("UBND xã Tân Lập"));
  *request.mutable_as_of() = MakeDate(2026, 12, 1);
  ASSERT_TRUE(Call(&v1::PlanService::Stub::ListAssignments, request, &response).ok());
  ASSERT_THAT(response.assignments(), SizeIs(1));
  EXPECT_TRUE(response.assignments(0).overdue());
}

TEST_F(AssignmentsTest, FilterByRole) {
  std::string hoa_binh = UnitFilter("UBND xã Hòa Bình");
  EXPECT_THAT(TaskNumbers(AllAssignments("plans/-", hoa_binh + " AND role = LEAD")),
              ElementsAre("4.2", "1.1", "2.1", "4.6", "4.7"));
  EXPECT_THAT(TaskNumbers(AllAssignments(
                  "plans/-", hoa_binh + " AND role = ASSIGNMENT_ROLE_COORDINATE", "task")),
              ElementsAre("4.1", "4.3", "4.4", "4.6", "4.5"));
  // Phòng Nội vụ is named as a lead on 4.1 and 4.3 and coordinates 1.2.
  std::vector<v1::Assignment> noi_vu =
      AllAssignments("plans/-", UnitFilter("Phòng Nội vụ"), "task");
  const v1::Assignment* on_1_2 = Find(noi_vu, SeedTask("1.2").name());
  ASSERT_NE(on_1_2, nullptr);
  EXPECT_EQ(on_1_2->role(), kCoordinate);
  EXPECT_EQ(on_1_2->via_group(), "");
  for (const char* number : {"4.1", "4.3"}) {
    const v1::Assignment* a = Find(noi_vu, SeedTask(number).name());
    ASSERT_NE(a, nullptr) << number;
    EXPECT_EQ(a->role(), kLead) << number;
    EXPECT_EQ(a->via_group(), "") << number;
  }
}

TEST_F(AssignmentsTest, FilterByDueDateAndTask) {
  std::string hoa_binh = UnitFilter("UBND xã Hòa Bình");
  EXPECT_THAT(TaskNumbers(AllAssignments("plans/-", hoa_binh + " AND due_date <= \"2022-09-30\"")),
              ElementsAre("4.6", "4.3"));
  // Nothing-due assignments match no date comparison.
  EXPECT_THAT(AllAssignments("plans/-", hoa_binh + " AND due_date > \"2023-01-01\""), IsEmpty());
  std::string task = SeedTask("4.3").name();
  std::vector<v1::Assignment> one =
      AllAssignments("plans/-", hoa_binh + " AND task = \"" + task + "\"");
  ASSERT_THAT(one, SizeIs(1));
  EXPECT_EQ(one[0].task(), task);
}

TEST_F(AssignmentsTest, TaskParentListsEveryAssignedUnit) {
  // 4.3: Phòng Nội vụ leads; the district offices and the communes
  // coordinate (Nội vụ itself stays lead).
  std::vector<v1::Assignment> assignments = AllAssignments(SeedTask("4.3").name(), "", "task");
  int leads = 0, coordinators = 0;
  for (const auto& a : assignments) (a.role() == kLead ? leads : coordinators)++;
  EXPECT_EQ(leads, 1);
  EXPECT_EQ(coordinators, 9);
}

TEST_F(AssignmentsTest, ListAssignmentsOrderBy) {
  std::string hoa_binh = UnitFilter("UBND xã Hòa Bình");
  EXPECT_THAT(TaskNumbers(AllAssignments("plans/-", hoa_binh, "task")),
              ElementsAre("1.1", "2.1", "4.1", "4.2", "4.3", "4.4", "4.6", "4.5", "4.6", "4.7"));
  EXPECT_THAT(TaskNumbers(AllAssignments("plans/-", hoa_binh, "task desc")),
              ElementsAre("4.7", "4.6", "4.5", "4.6", "4.4", "4.3", "4.2", "4.1", "2.1", "1.1"));
  v1::ListAssignmentsRequest request;
  request.set_parent("plans/-");
  request.set_order_by("unit");
  v1::ListAssignmentsResponse response;
  EXPECT_TRUE(IsInvalidArgument(Call(&v1::PlanService::Stub::ListAssignments, request, &response),
                                {"order_by"}));
}

TEST_F(AssignmentsTest, ListAssignmentsOfMissingTaskIsNotFound) {
  v1::ListAssignmentsRequest request;
  request.set_parent(SeedPlan() + "/tasks/9999");
  v1::ListAssignmentsResponse response;
  EXPECT_TRUE(IsApiError(Call(&v1::PlanService::Stub::ListAssignments, request, &response),
                         grpc::StatusCode::NOT_FOUND, "NOT_FOUND"));
}

}  // namespace
}  // namespace sangkien::api_test
