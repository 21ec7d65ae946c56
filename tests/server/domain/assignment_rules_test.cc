#include "domain/assignment_rules.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace sangkien::domain {
namespace {

using calendar::ParseTimeframe;
using testing::UnorderedElementsAre;

}  // namespace

void PrintTo(const AssignmentSeed& s, std::ostream* os) {
  *os << "{unit " << s.unit_id << ", role " << static_cast<int>(s.role) << ", via "
      << s.via_group_id << "}";
}

namespace {

UnitRef Unit(int64_t id) { return {UnitRef::Kind::kUnit, id, "u"}; }
UnitRef Group(int64_t id) { return {UnitRef::Kind::kGroup, id, "g"}; }

std::vector<int64_t> Members(int64_t group) {
  if (group == 100) return {1, 2, 3};  // "Các phòng, ngành, đơn vị cấp huyện"
  if (group == 200) return {10, 11};   // "UBND các xã, thị trấn"
  return {};
}

TEST(ExpandAssignmentsTest, GroupsExpandToEveryMember) {
  Task task;
  task.lead_units = {Group(100), Group(200)};
  task.coordinating_units = {Unit(1), Unit(7)};
  auto seeds = ExpandAssignments(task, Members);
  // Unit 1 is in the lead group but named as a coordinator: it coordinates.
  EXPECT_THAT(seeds, UnorderedElementsAre(AssignmentSeed{1, AssignmentRole::kCoordinate, 0},
                                          AssignmentSeed{2, AssignmentRole::kLead, 100},
                                          AssignmentSeed{3, AssignmentRole::kLead, 100},
                                          AssignmentSeed{10, AssignmentRole::kLead, 200},
                                          AssignmentSeed{11, AssignmentRole::kLead, 200},
                                          AssignmentSeed{7, AssignmentRole::kCoordinate, 0}));
}

TEST(ExpandAssignmentsTest, DirectNameWinsOverGroupAndLeadOverCoordinate) {
  Task task;
  task.lead_units = {Unit(1)};
  task.coordinating_units = {Group(100)};  // unit 1 leads, so it does not also coordinate
  auto seeds = ExpandAssignments(task, Members);
  EXPECT_THAT(seeds, UnorderedElementsAre(AssignmentSeed{1, AssignmentRole::kLead, 0},
                                          AssignmentSeed{2, AssignmentRole::kCoordinate, 100},
                                          AssignmentSeed{3, AssignmentRole::kCoordinate, 100}));
  Task twice;
  twice.lead_units = {Group(100), Unit(2)};
  EXPECT_THAT(ExpandAssignments(twice, Members),
              UnorderedElementsAre(AssignmentSeed{1, AssignmentRole::kLead, 100},
                                   AssignmentSeed{2, AssignmentRole::kLead, 0},
                                   AssignmentSeed{3, AssignmentRole::kLead, 100}));
}

// Seed item 4.2: the offices lead, Phòng Nội vụ and Phòng Tư pháp (offices
// themselves) are named as coordinators, so they coordinate.
TEST(ExpandAssignmentsTest, NamedCoordinatorIsNotMadeLeadByItsGroup) {
  Task task;
  task.lead_units = {Group(100), Group(200)};
  task.coordinating_units = {Unit(1), Unit(2)};
  EXPECT_THAT(ExpandAssignments(task, Members),
              UnorderedElementsAre(AssignmentSeed{1, AssignmentRole::kCoordinate, 0},
                                   AssignmentSeed{2, AssignmentRole::kCoordinate, 0},
                                   AssignmentSeed{3, AssignmentRole::kLead, 100},
                                   AssignmentSeed{10, AssignmentRole::kLead, 200},
                                   AssignmentSeed{11, AssignmentRole::kLead, 200}));
}

TEST(ExpandAssignmentsTest, LeadGroupWinsOverCoordinatingGroup) {
  Task task;
  task.lead_units = {Group(100)};
  task.coordinating_units = {Group(100), Group(200)};
  auto seeds = ExpandAssignments(task, Members);
  EXPECT_EQ(seeds.size(), 5u);
  for (const auto& s : seeds) {
    EXPECT_EQ(s.role, s.unit_id < 10 ? AssignmentRole::kLead : AssignmentRole::kCoordinate);
  }
}

TEST(ExpandAssignmentsTest, UnresolvedRefsAreSkipped) {
  Task task;
  task.lead_units = {UnitRef{UnitRef::Kind::kUnit, 0, "Phòng Không Có"}};
  EXPECT_TRUE(ExpandAssignments(task, Members).empty());
}

TEST(PlanAnchorTest, IssueDateThenLatestBasisThenFallback) {
  Plan plan;
  absl::CivilDay fallback(2026, 1, 1);
  EXPECT_EQ(PlanAnchor(plan, fallback), fallback);
  plan.basis = {{"14-KL/TW", DocumentKind::kConclusion, "", absl::CivilDay(2021, 9, 22)},
                {"36-CTr/HU", DocumentKind::kActionProgramme, "", absl::CivilDay(2022, 4, 18)}};
  EXPECT_EQ(PlanAnchor(plan, fallback), absl::CivilDay(2022, 4, 18));
  plan.issue_date = absl::CivilDay(2022, 5, 10);
  EXPECT_EQ(PlanAnchor(plan, fallback), absl::CivilDay(2022, 5, 10));
}

TEST(NextDueDateTest, DeadlineStaysDueUntilCompleted) {
  auto tf = ParseTimeframe("Quý III/2022");
  absl::CivilDay anchor(2022, 5, 1);
  EXPECT_EQ(NextDueDate(tf, anchor, {}), absl::CivilDay(2022, 9, 30));
  ReportHistory partial{{absl::CivilDay(2022, 9, 30)}, false};
  EXPECT_EQ(NextDueDate(tf, anchor, partial), absl::CivilDay(2022, 9, 30));
  ReportHistory done{{}, true};
  EXPECT_EQ(NextDueDate(tf, anchor, done), std::nullopt);
}

TEST(NextDueDateTest, YearlyReportAdvancesOneYearPerCoveredDate) {
  auto tf = ParseTimeframe(
      "Thường xuyên; định kỳ hàng năm báo cáo UBND huyện kết quả thực hiện qua Phòng Nội vụ, "
      "Phòng Tư pháp trước ngày 30/11.");
  ASSERT_EQ(tf.kind, calendar::TimeframeKind::kOngoingPeriodic);
  absl::CivilDay anchor(2022, 4, 18);
  EXPECT_EQ(NextDueDate(tf, anchor, {}), absl::CivilDay(2022, 11, 30));
  ReportHistory h{{absl::CivilDay(2022, 11, 30), absl::CivilDay(2023, 11, 30)}, false};
  EXPECT_EQ(NextDueDate(tf, anchor, h), absl::CivilDay(2024, 11, 30));
  // An anchor after the year's date starts with the next year.
  EXPECT_EQ(NextDueDate(tf, absl::CivilDay(2022, 12, 5), {}), absl::CivilDay(2023, 11, 30));
}

TEST(NextDueDateTest, OngoingConditionalAndUnparsedHaveNoDueDate) {
  absl::CivilDay anchor(2022, 1, 1);
  for (const char* text : {"Thường xuyên", "Sau khi có quy định, hướng dẫn của các bộ, ngành.",
                           "sớm nhất có thể", ""}) {
    EXPECT_EQ(NextDueDate(ParseTimeframe(text), anchor, {}), std::nullopt) << text;
  }
}

TEST(InitialTaskStatusTest, FollowsTimeframeKind) {
  EXPECT_EQ(InitialTaskStatus(ParseTimeframe("Năm 2022")), TaskStatus::kNotStarted);
  EXPECT_EQ(InitialTaskStatus(ParseTimeframe("Thường xuyên")), TaskStatus::kOngoing);
  EXPECT_EQ(InitialTaskStatus(ParseTimeframe("Sau khi có quy định, hướng dẫn")),
            TaskStatus::kWaiting);
}

}  // namespace
}  // namespace sangkien::domain
