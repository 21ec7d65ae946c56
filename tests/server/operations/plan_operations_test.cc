#include "operations/plan_operations.h"

#include <gtest/gtest.h>

#include "operations_fixture.h"
#include "status/errors.h"

namespace sangkien::operations {
namespace {

domain::Caller Caller() { return domain::Caller::System("test"); }

int PlanCount(PlanOperations& plans) {
  domain::ListQuery q;
  q.order = {"create_time", false};
  q.page_size = 500;
  auto page = plans.ListPlans(Caller(), q);
  return page.ok() ? static_cast<int>(page->items.size()) : -1;
}

TEST_F(OperationsTest, CreatePlanExpandsGroupsIntoAssignments) {
  auto plan = MakePlan();
  ASSERT_EQ(plan.tasks.size(), 2u);
  EXPECT_EQ(plan.plan.state, domain::PlanState::kDraft);
  EXPECT_EQ(plan.plan.task_count, 2);
  EXPECT_EQ(plan.tasks[0].status, domain::TaskStatus::kNotStarted);
  EXPECT_EQ(plan.tasks[1].status, domain::TaskStatus::kOngoing);
  auto noi_vu = AssignmentsOf(noi_vu_);
  ASSERT_EQ(noi_vu.size(), 1u);
  EXPECT_EQ(noi_vu[0].role, domain::AssignmentRole::kLead);
  EXPECT_EQ(noi_vu[0].next_due_date, absl::CivilDay(2022, 9, 30));
  auto tan_lap = AssignmentsOf(tan_lap_);
  ASSERT_EQ(tan_lap.size(), 2u);
  // Ordered by next due date: the 4.3 deadline, then the first yearly report.
  EXPECT_EQ(tan_lap[0].task_number, "4.3");
  EXPECT_EQ(tan_lap[0].role, domain::AssignmentRole::kCoordinate);
  EXPECT_EQ(tan_lap[0].via_group_id, communes_);
  EXPECT_EQ(tan_lap[1].task_number, "4.2");
  EXPECT_EQ(tan_lap[1].next_due_date, absl::CivilDay(2022, 11, 30));
  EXPECT_TRUE(AssignmentsOf(tu_phap_).size() == 0u);
}

TEST_F(OperationsTest, CreatePlanRefusesUnknownUnitsAndWritesNothing) {
  domain::Plan plan;
  plan.title = "Sai";
  domain::Task task;
  task.title = "x";
  task.lead_units = {{domain::UnitRef::Kind::kUnit, 999, "?"}};
  auto created = plans_->CreatePlan(sys_, {plan, {task}}, {});
  ASSERT_FALSE(created.ok());
  EXPECT_EQ(created.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ErrorFieldViolations(created.status())[0].field, "tasks[0].lead_units");
  EXPECT_EQ(PlanCount(*plans_), 0);
}

TEST_F(OperationsTest, SameRequestIdCreatesOnce) {
  auto first = MakePlan("req-1");
  auto second = MakePlan("req-1");
  EXPECT_EQ(first.plan.id, second.plan.id);
  EXPECT_EQ(PlanCount(*plans_), 1);
  EXPECT_EQ(AssignmentsOf(noi_vu_).size(), 1u);
  domain::Plan other;
  other.title = "Khác";
  auto reused = plans_->CreatePlan(sys_, {other, {}}, {"req-1", "another fingerprint"});
  ASSERT_FALSE(reused.ok());
  EXPECT_EQ(reused.status().code(), absl::StatusCode::kAlreadyExists);
  EXPECT_EQ(ErrorReason(reused.status()), "REQUEST_ID_REUSED");
  EXPECT_EQ(PlanCount(*plans_), 1);
}

TEST_F(OperationsTest, StaleEtagIsAbortedAndChangesNothing) {
  auto created = MakePlan();
  domain::Plan edit = created.plan;
  edit.title = "Tên mới";
  auto updated = plans_->UpdatePlan(sys_, {created.plan.id, {edit, {"title"}, created.plan.etag}});
  ASSERT_TRUE(updated.ok()) << updated.status();
  EXPECT_EQ(updated->title, "Tên mới");
  EXPECT_NE(updated->etag, created.plan.etag);
  edit.title = "Ghi đè";
  auto stale = plans_->UpdatePlan(sys_, {created.plan.id, {edit, {"title"}, created.plan.etag}});
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.status().code(), absl::StatusCode::kAborted);
  EXPECT_EQ(ErrorReason(stale.status()), "ETAG_MISMATCH");
  EXPECT_EQ(plans_->GetPlan(sys_, created.plan.id, false)->title, "Tên mới");

  domain::Task task = created.tasks[0];
  task.progress_percent = 40;
  ASSERT_TRUE(
      plans_->UpdateTask(sys_, {task.plan_id, task.id, {task, {"progress_percent"}, task.etag}})
          .ok());
  task.progress_percent = 90;
  EXPECT_EQ(
      plans_->UpdateTask(sys_, {task.plan_id, task.id, {task, {"progress_percent"}, task.etag}})
          .status()
          .code(),
      absl::StatusCode::kAborted);
  EXPECT_EQ(plans_->GetTask(sys_, task.plan_id, task.id)->progress_percent, 40);
}

TEST_F(OperationsTest, SoftDeleteHidesPlanTasksAndAssignments) {
  auto created = MakePlan();
  auto deleted = plans_->DeletePlan(sys_, {created.plan.id, ""});
  ASSERT_TRUE(deleted.ok());
  ASSERT_TRUE(deleted->delete_time.has_value());
  EXPECT_EQ(plans_->GetPlan(sys_, created.plan.id, false).status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_TRUE(plans_->GetPlan(sys_, created.plan.id, true).ok());
  EXPECT_EQ(PlanCount(*plans_), 0);
  EXPECT_EQ(plans_->GetTask(sys_, created.plan.id, created.tasks[0].id).status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_TRUE(AssignmentsOf(noi_vu_).empty());
  EXPECT_EQ(plans_->DeletePlan(sys_, {created.plan.id, ""}).status().code(),
            absl::StatusCode::kNotFound);
}

TEST_F(OperationsTest, DeleteWithStaleEtagKeepsThePlan) {
  auto created = MakePlan();
  EXPECT_EQ(plans_->DeletePlan(sys_, {created.plan.id, "\"999\""}).status().code(),
            absl::StatusCode::kAborted);
  EXPECT_TRUE(plans_->GetPlan(sys_, created.plan.id, false).ok());
}

TEST_F(OperationsTest, ReportsAnswerDueDatesAndDriveTaskStatus) {
  auto created = MakePlan();
  const auto& quarterly = created.tasks[0];
  const auto& yearly = created.tasks[1];
  CreateReportCommand r;
  r.plan_id = created.plan.id;
  r.task_id = yearly.id;
  r.unit_id = hoa_binh_;
  r.report_date = absl::CivilDay(2022, 11, 28);
  r.text = "Báo cáo năm 2022";
  r.progress_percent = 100;
  auto report = plans_->CreateReport(sys_, r, {});
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->covers_due_date, absl::CivilDay(2022, 11, 30));
  auto hb = AssignmentsOf(hoa_binh_);
  auto yearly_hb =
      std::find_if(hb.begin(), hb.end(), [](auto& a) { return a.task_number == "4.2"; });
  ASSERT_NE(yearly_hb, hb.end());
  EXPECT_EQ(yearly_hb->next_due_date, absl::CivilDay(2023, 11, 30));
  EXPECT_EQ(yearly_hb->last_report_id, report->id);

  // A partial report on a deadline keeps it due; a 100 % one clears it and
  // completes the task when every lead has finished.
  r.task_id = quarterly.id;
  r.unit_id = noi_vu_;
  r.progress_percent = 60;
  ASSERT_TRUE(plans_->CreateReport(sys_, r, {}).ok());
  EXPECT_EQ(AssignmentsOf(noi_vu_)[0].next_due_date, absl::CivilDay(2022, 9, 30));
  auto task = plans_->GetTask(sys_, created.plan.id, quarterly.id);
  EXPECT_EQ(task->status, domain::TaskStatus::kInProgress);
  EXPECT_EQ(task->progress_percent, 60);
  r.progress_percent = 100;
  ASSERT_TRUE(plans_->CreateReport(sys_, r, {}).ok());
  EXPECT_EQ(AssignmentsOf(noi_vu_)[0].next_due_date, std::nullopt);
  EXPECT_EQ(plans_->GetTask(sys_, created.plan.id, quarterly.id)->status,
            domain::TaskStatus::kCompleted);
}

TEST_F(OperationsTest, ReportFromUnassignedUnitIsRefused) {
  auto created = MakePlan();
  CreateReportCommand r;
  r.plan_id = created.plan.id;
  r.task_id = created.tasks[0].id;
  r.unit_id = tu_phap_;
  r.report_date = absl::CivilDay(2022, 9, 1);
  r.text = "x";
  auto report = plans_->CreateReport(sys_, r, {});
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(ErrorReason(report.status()), "UNIT_NOT_ASSIGNED");
  domain::ListQuery q;
  q.order = {"id", true};
  EXPECT_TRUE(plans_->ListReports(sys_, created.plan.id, created.tasks[0].id, q)->items.empty());
}

TEST_F(OperationsTest, ReportRetryWithSameRequestIdFilesOnce) {
  auto created = MakePlan();
  CreateReportCommand r;
  r.plan_id = created.plan.id;
  r.task_id = created.tasks[1].id;
  r.unit_id = tan_lap_;
  r.report_date = absl::CivilDay(2022, 11, 20);
  r.text = "y";
  auto a = plans_->CreateReport(sys_, r, {"rep-1", "fp"});
  auto b = plans_->CreateReport(sys_, r, {"rep-1", "fp"});
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->id, b->id);
  domain::ListQuery q;
  q.order = {"id", true};
  EXPECT_EQ(plans_->ListReports(sys_, created.plan.id, created.tasks[1].id, q)->items.size(), 1u);
  EXPECT_EQ(AssignmentsOf(tan_lap_)[0].next_due_date, absl::CivilDay(2022, 9, 30));
}

TEST_F(OperationsTest, NewTimeframeMovesAssignmentDueDates) {
  auto created = MakePlan();
  domain::Task task = created.tasks[0];
  task.timeframe = calendar::ParseTimeframe("Quý IV/2027");
  ASSERT_TRUE(
      plans_->UpdateTask(sys_, {task.plan_id, task.id, {task, {"timeframe"}, task.etag}}).ok());
  EXPECT_EQ(AssignmentsOf(noi_vu_)[0].next_due_date, absl::CivilDay(2027, 12, 31));
}

TEST_F(OperationsTest, NewCommuneReceivesTheGroupsAssignments) {
  MakePlan();
  int64_t dong_son = AddUnit("UBND xã Đông Sơn", domain::UnitKind::kCommune);
  auto assignments = AssignmentsOf(dong_son);
  ASSERT_EQ(assignments.size(), 2u);
  EXPECT_EQ(assignments[0].via_group_id, communes_);
  EXPECT_EQ(assignments[1].next_due_date, absl::CivilDay(2022, 11, 30));
}

TEST_F(OperationsTest, OverdueFilterUsesTheAsOfDay) {
  MakePlan();
  domain::ListQuery q;
  q.order = {"next_due_date", false};
  q.filter = {{"overdue", domain::FilterOp::kEq, "", 1}};
  auto late = plans_->ListAssignments(sys_, 0, 0, q, absl::CivilDay(2022, 10, 1));
  ASSERT_TRUE(late.ok());
  EXPECT_EQ(late->items.size(), 3u);  // 4.3 for Nội vụ and both communes
  auto early = plans_->ListAssignments(sys_, 0, 0, q, absl::CivilDay(2022, 9, 30));
  EXPECT_TRUE(early->items.empty());
}

TEST_F(OperationsTest, DuplicateUnitNameIsRefused) {
  domain::Unit unit;
  unit.display_name = "phòng nội vụ";
  unit.kind = domain::UnitKind::kOffice;
  auto dup = directory_->CreateUnit(sys_, {unit, {}});
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(ErrorReason(dup.status()), "UNIT_NAME_TAKEN");
}

TEST_F(OperationsTest, UnitCannotBeItsOwnAncestor) {
  auto noi_vu = *directory_->GetUnit(noi_vu_);
  domain::Unit child;
  child.display_name = "Tổ công tác";
  child.kind = domain::UnitKind::kOther;
  child.parent_id = noi_vu_;
  auto created = *directory_->CreateUnit(sys_, {child, {}});
  noi_vu.parent_id = created.id;
  auto cyc = directory_->UpdateUnit(sys_, {noi_vu.id, {noi_vu, {"parent"}, noi_vu.etag}});
  ASSERT_FALSE(cyc.ok());
  EXPECT_EQ(ErrorFieldViolations(cyc.status())[0].field, "unit.parent");
}

}  // namespace
}  // namespace sangkien::operations
