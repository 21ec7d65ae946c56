// Visibility of drafts, staff scope, and one audit event per write.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include "operations/account_operations.h"
#include "operations_fixture.h"
#include "status/errors.h"
#include "storage/audit_log.h"
#include "storage/testing_raw_sql.h"

namespace sangkien::operations {
namespace {

domain::Caller Public() {
  domain::Caller c;
  c.actor = {"public", "test", ""};
  return c;
}

domain::Caller Staff(int64_t unit_id) {
  domain::Caller c;
  c.principal.account_id = 42;
  c.principal.roles = {domain::Role::kStaff};
  c.principal.unit_id = unit_id;
  c.actor = {"accounts/42", "test", ""};
  return c;
}

class AccessAndAuditTest : public OperationsTest {
 protected:
  int64_t EventCount() {
    int64_t n = -1;
    EXPECT_TRUE(db_->Read([&](storage::Connection& c) -> absl::Status {
                     auto& q =
                         storage::RawSqlForTests::Prepare(c, "SELECT count(*) FROM audit_events");
                     q.executeStep();
                     n = q.getColumn(0).getInt64();
                     return absl::OkStatus();
                   })
                    .ok());
    return n;
  }
  storage::ChainCheck Verify() {
    storage::ChainCheck check;
    EXPECT_TRUE(db_->Read([&](storage::Connection& c) -> absl::Status {
                     auto r = storage::AuditLog::Verify(c);
                     if (r.ok()) check = *r;
                     return r.status();
                   }).ok());
    return check;
  }
};

TEST_F(AccessAndAuditTest, DraftsAreInvisibleToThePublicAndToStaff) {
  auto draft = MakePlan();
  ASSERT_EQ(draft.plan.state, domain::PlanState::kDraft);
  for (const domain::Caller& who : {Public(), Staff(tan_lap_)}) {
    EXPECT_EQ(plans_->GetPlan(who, draft.plan.id, false).status().code(),
              absl::StatusCode::kNotFound);
    EXPECT_EQ(plans_->GetTask(who, draft.plan.id, draft.tasks[0].id).status().code(),
              absl::StatusCode::kNotFound);
    domain::ListQuery q;
    q.order = {"issue_date", true};
    EXPECT_TRUE(plans_->ListPlans(who, q)->items.empty());
    q.order = {"position", false};
    EXPECT_EQ(plans_->ListTasks(who, draft.plan.id, q).status().code(), absl::StatusCode::kNotFound);
    EXPECT_TRUE(plans_->ListTasks(who, 0, q)->items.empty());
    q.order = {"next_due_date", false};
    EXPECT_TRUE(plans_->ListAssignments(who, 0, 0, q, plans_->Today())->items.empty());
  }
  // Published, everyone sees it.
  domain::Plan publish = draft.plan;
  publish.state = domain::PlanState::kPublished;
  ASSERT_TRUE(
      plans_->UpdatePlan(sys_, {draft.plan.id, {publish, {"state"}, draft.plan.etag}}).ok());
  EXPECT_TRUE(plans_->GetPlan(Public(), draft.plan.id, false).ok());
  domain::ListQuery q;
  q.order = {"next_due_date", false};
  // Nội vụ leads 4.3; both communes coordinate 4.3 and lead 4.2.
  EXPECT_EQ(plans_->ListAssignments(Public(), 0, 0, q, plans_->Today())->items.size(), 5u);
}

TEST_F(AccessAndAuditTest, StaffReportOnlyForTheirOwnUnit) {
  auto plan = MakePlan();
  CreateReportCommand r;
  r.plan_id = plan.plan.id;
  r.task_id = plan.tasks[1].id;
  r.unit_id = hoa_binh_;
  r.report_date = absl::CivilDay(2022, 11, 20);
  r.text = "Báo cáo";
  // Drafts are internal: staff cannot even see the task yet.
  domain::Plan publish = plan.plan;
  publish.state = domain::PlanState::kPublished;
  ASSERT_TRUE(plans_->UpdatePlan(sys_, {plan.plan.id, {publish, {"state"}, plan.plan.etag}}).ok());
  auto other = plans_->CreateReport(Staff(tan_lap_), r, {});
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.status().code(), absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(ErrorReason(other.status()), "OTHER_UNIT");
  EXPECT_TRUE(plans_->CreateReport(Staff(hoa_binh_), r, {}).ok());
}

TEST_F(AccessAndAuditTest, EveryWriteLeavesExactlyOneEvent) {
  int64_t before = EventCount();
  auto plan = MakePlan();
  EXPECT_EQ(EventCount(), before + 1);
  domain::Plan edit = plan.plan;
  edit.title = "Đổi tên";
  ASSERT_TRUE(plans_->UpdatePlan(sys_, {plan.plan.id, {edit, {"title"}, plan.plan.etag}}).ok());
  EXPECT_EQ(EventCount(), before + 2);
  // A refused write leaves nothing.
  EXPECT_FALSE(plans_->UpdatePlan(sys_, {plan.plan.id, {edit, {"title"}, plan.plan.etag}}).ok());
  EXPECT_EQ(EventCount(), before + 2);
  domain::Task task = plan.tasks[0];
  task.progress_percent = 10;
  ASSERT_TRUE(
      plans_->UpdateTask(sys_, {task.plan_id, task.id, {task, {"progress_percent"}, task.etag}})
          .ok());
  EXPECT_EQ(EventCount(), before + 3);
  ASSERT_TRUE(plans_->DeletePlan(sys_, {plan.plan.id, ""}).ok());
  EXPECT_EQ(EventCount(), before + 4);
  auto check = Verify();
  EXPECT_TRUE(check.intact) << check.problem;
  EXPECT_EQ(check.events_checked, before + 4);
  EXPECT_EQ(check.head_hash.size(), 64u);
}

TEST_F(AccessAndAuditTest, RetriedCreateLeavesNoSecondEvent) {
  MakePlan("same");
  int64_t after_first = EventCount();
  MakePlan("same");
  EXPECT_EQ(EventCount(), after_first);
}

TEST_F(AccessAndAuditTest, EventsRecordActorMethodAndDigests) {
  domain::Caller coordinator = Staff(noi_vu_);
  coordinator.principal.roles = {domain::Role::kCoordinator};
  coordinator.actor = {"accounts/7", "sangkien.v1.PlanService/UpdatePlan", "r-1"};
  auto plan = MakePlan();
  domain::Plan edit = plan.plan;
  edit.title = "Mới";
  ASSERT_TRUE(
      plans_->UpdatePlan(coordinator, {plan.plan.id, {edit, {"title"}, plan.plan.etag}}).ok());
  domain::ListQuery q;
  q.page_size = 500;
  q.filter = {{"resource", domain::FilterOp::kEq, "plans/1", 0}};
  domain::ListPage<storage::AuditEvent> page;
  ASSERT_TRUE(db_->Read([&](storage::Connection& c) -> absl::Status {
                   auto r = storage::AuditLog::List(c, q);
                   if (r.ok()) page = *r;
                   return r.status();
                 }).ok());
  ASSERT_EQ(page.items.size(), 2u);
  EXPECT_EQ(page.items[0].actor, "system");
  EXPECT_EQ(page.items[0].before_digest, "");
  const auto& update = page.items[1];
  EXPECT_EQ(update.actor, "accounts/7");
  EXPECT_EQ(update.method, "sangkien.v1.PlanService/UpdatePlan");
  EXPECT_EQ(update.request_id, "r-1");
  EXPECT_EQ(update.before_digest, page.items[0].after_digest);
  EXPECT_NE(update.after_digest, update.before_digest);
  EXPECT_EQ(update.previous_hash.size(), 64u);
}

// Tampering with plain SQL, as someone with the file and the sqlite3 tool
// could: every kind of edit is caught.
class AuditTamperTest : public AccessAndAuditTest,
                        public ::testing::WithParamInterface<const char*> {};

TEST_P(AuditTamperTest, PlainSqlEditIsDetected) {
  auto plan = MakePlan();
  domain::Plan edit = plan.plan;
  edit.title = "Một";
  ASSERT_TRUE(plans_->UpdatePlan(sys_, {plan.plan.id, {edit, {"title"}, plan.plan.etag}}).ok());
  ASSERT_TRUE(Verify().intact);
  {
    SQLite::Database raw(dir_.File("t.db"), SQLite::OPEN_READWRITE);
    raw.exec(GetParam());
  }
  auto check = Verify();
  EXPECT_FALSE(check.intact) << GetParam();
  EXPECT_GT(check.first_broken_sequence, 0);
  EXPECT_FALSE(check.problem.empty());
}

INSTANTIATE_TEST_SUITE_P(
    Edits, AuditTamperTest,
    ::testing::Values(
        "UPDATE audit_events SET actor = 'accounts/99' WHERE sequence = 2",
        "UPDATE audit_events SET after_digest = 'x' WHERE sequence = 1",
        "UPDATE audit_events SET time = time + 1 WHERE sequence = 3",
        "DELETE FROM audit_events WHERE sequence = 2",
        "DELETE FROM audit_events WHERE sequence = (SELECT max(sequence) FROM audit_events)",
        "DELETE FROM audit_events",
        "UPDATE audit_events SET sequence = sequence + 100 WHERE sequence = 1"));

}  // namespace
}  // namespace sangkien::operations
