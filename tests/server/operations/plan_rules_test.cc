// The rules PlanOperations enforces on every write, whichever door the
// command came through: field limits, list sizes, dates, progress, unit
// refs, masks and etags.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "domain/validation.h"
#include "operations/plan_commands.h"
#include "operations/plan_operations.h"
#include "operations_fixture.h"
#include "status/errors.h"

namespace sangkien::operations {
namespace {

using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

// The fields an INVALID_ARGUMENT names; empty for any other status.
std::vector<std::string> Fields(const absl::Status& status) {
  std::vector<std::string> out;
  if (status.code() != absl::StatusCode::kInvalidArgument) return out;
  for (const auto& v : ErrorFieldViolations(status)) out.push_back(v.field);
  return out;
}

template <typename T>
std::vector<std::string> Fields(const absl::StatusOr<T>& result) {
  return Fields(result.status());
}

class PlanRulesTest : public OperationsTest {
 protected:
  int PlanCount() {
    domain::ListQuery q;
    q.order = {"issue_date", true};
    q.page_size = 500;
    auto page = plans_->ListPlans(sys_, q);
    return page.ok() ? static_cast<int>(page->items.size()) : -1;
  }

  // The system caller, sending `request_id` as its own.
  domain::Caller Asking(const std::string& request_id) {
    domain::Caller caller = sys_;
    caller.actor.request_id = request_id;
    return caller;
  }

  uint64_t Commits() { return db_->write_stats().committed_writes.load(); }

  domain::Task SimpleTask() {
    domain::Task task;
    task.title = "Nhiệm vụ";
    task.lead_units = {{domain::UnitRef::Kind::kUnit, noi_vu_, "Phòng Nội vụ"}};
    return task;
  }

  CreatePlanCommand Valid() {
    CreatePlanCommand command;
    command.plan.title = "Kế hoạch thử";
    command.tasks = {SimpleTask()};
    return command;
  }

  CreateReportCommand Report(const PlanWithTasks& plan) {
    CreateReportCommand r;
    r.plan_id = plan.plan.id;
    r.task_id = plan.tasks[1].id;
    r.unit_id = hoa_binh_;
    r.report_date = absl::CivilDay(2022, 11, 20);
    r.text = "Báo cáo";
    r.progress_percent = 50;
    return r;
  }
};

TEST_F(PlanRulesTest, PlanTextLimitsAreCheckedPerField) {
  CreatePlanCommand command = Valid();
  command.plan.title = "  ";
  command.plan.symbol = std::string(101, 'S');
  command.plan.issuer = std::string(501, 'i');
  command.plan.preamble = "dòng một\x01";
  command.plan.sections = {{std::string(21, '1'), "Mục", "Nội dung", 0}};
  command.plan.signer.full_name = std::string(201, 'n');
  command.plan.recipients = {""};
  command.plan.basis = {{"", domain::DocumentKind::kPlan, "", std::nullopt, "", 0}};
  auto created = plans_->CreatePlan(sys_, command, {});
  EXPECT_THAT(Fields(created),
              UnorderedElementsAre("plan.title", "plan.symbol", "plan.issuer", "plan.preamble",
                                   "plan.sections[0].number", "plan.signer.full_name",
                                   "plan.recipients[0]", "plan.basis[0].symbol"));
  EXPECT_EQ(PlanCount(), 0);
}

TEST_F(PlanRulesTest, ViolationsCarryVietnamese) {
  CreatePlanCommand command = Valid();
  command.plan.title = "";
  auto created = plans_->CreatePlan(sys_, command, {});
  ASSERT_EQ(Fields(created), std::vector<std::string>{"plan.title"});
  EXPECT_FALSE(ErrorFieldViolations(created.status())[0].description_vi.empty());
}

TEST_F(PlanRulesTest, ListSizesAreLimited) {
  CreatePlanCommand command = Valid();
  command.plan.sections.resize(2001, {"1", "", "", 0});
  command.plan.recipients.resize(201, "Phòng Nội vụ");
  command.plan.basis.resize(51, {"36-CTr/HU", domain::DocumentKind::kOther, "", {}, "", 0});
  command.tasks.resize(501, SimpleTask());
  auto created = plans_->CreatePlan(sys_, command, {});
  EXPECT_THAT(Fields(created),
              UnorderedElementsAre("plan.sections", "plan.recipients", "plan.basis", "tasks"));
  command.plan.sections.resize(2000);
  command.plan.recipients.resize(200);
  command.plan.basis.resize(50);
  command.tasks.resize(2);
  EXPECT_TRUE(plans_->CreatePlan(sys_, command, {}).ok());
}

TEST_F(PlanRulesTest, DateThatIsNotRealIsRefused) {
  CreatePlanCommand command = Valid();
  command.plan.issue_date = kNotARealDate;
  command.plan.basis = {{"36-CTr/HU", domain::DocumentKind::kOther, "", kNotARealDate, "", 0}};
  auto created = plans_->CreatePlan(sys_, command, {});
  EXPECT_THAT(Fields(created), UnorderedElementsAre("plan.issue_date", "plan.basis[0].issue_date"));
  EXPECT_EQ(ErrorFieldViolations(created.status())[0].description, "is not a real calendar date");
  EXPECT_EQ(PlanCount(), 0);
}

TEST_F(PlanRulesTest, TaskRulesNameTheTask) {
  CreatePlanCommand command = Valid();
  domain::Task bad = SimpleTask();
  bad.progress_percent = 101;
  bad.number = std::string(21, '4');
  bad.timeframe.original_text = std::string(1001, 'x');
  bad.lead_units.push_back({domain::UnitRef::Kind::kUnit, 0, "không rõ"});
  bad.coordinating_units.resize(101, {domain::UnitRef::Kind::kUnit, tan_lap_, "Tân Lập"});
  command.tasks.push_back(bad);
  command.tasks.push_back(SimpleTask());
  command.tasks.back().progress_percent = -1;
  auto created = plans_->CreatePlan(sys_, command, {});
  EXPECT_THAT(
      Fields(created),
      UnorderedElementsAre("tasks[1].progress_percent", "tasks[1].number",
                           "tasks[1].timeframe.original_text", "tasks[1].lead_units[1].name",
                           "tasks[1].coordinating_units", "tasks[2].progress_percent"));
  EXPECT_EQ(PlanCount(), 0);
}

TEST_F(PlanRulesTest, UnitRefsMustExist) {
  CreatePlanCommand command = Valid();
  command.tasks[0].coordinating_units = {{domain::UnitRef::Kind::kGroup, 999, "Nhóm lạ"}};
  auto created = plans_->CreatePlan(sys_, command, {});
  EXPECT_THAT(Fields(created), ElementsAre("tasks[0].coordinating_units"));
  EXPECT_EQ(PlanCount(), 0);
}

TEST_F(PlanRulesTest, TextIsStoredInNfc) {
  CreatePlanCommand command = Valid();
  command.plan.title =
      "Ke\xCC\x82\xCC\x81 hoa\xCC\xA3"
      "ch";  // NFD
  command.tasks[0].timeframe.original_text = "Quy\xCC\x81 IV/2027";
  auto created = plans_->CreatePlan(sys_, command, {});
  ASSERT_TRUE(created.ok()) << created.status();
  EXPECT_EQ(created->plan.title, "Kế hoạch");
  EXPECT_EQ(created->tasks[0].timeframe.original_text, "Quý IV/2027");
  EXPECT_EQ(created->tasks[0].timeframe.due_date, absl::CivilDay(2027, 12, 31));
}

TEST_F(PlanRulesTest, MalformedRequestIdIsRefused) {
  auto created = plans_->CreatePlan(Asking("has space"), Valid(), {"test has space", "fp"});
  EXPECT_THAT(Fields(created), ElementsAre("request_id"));
  ImportPlanCommand command;
  command.text = "KẾ HOẠCH";
  EXPECT_THAT(Fields(plans_->ImportPlan(Asking("a/b"), command, {"test a/b", "fp"})),
              ElementsAre("request_id"));
  EXPECT_EQ(PlanCount(), 0);
}

TEST_F(PlanRulesTest, ImportOfTooLargeTextIsRefusedBeforeReading) {
  ImportPlanCommand command;
  command.text = std::string(domain::kMaxPlanTextLength + 1, 'a');
  auto imported = plans_->ImportPlan(sys_, command, {});
  EXPECT_EQ(ErrorReason(imported.status()), "IMPORT_TOO_LARGE");
  EXPECT_THAT(Fields(imported), ElementsAre("text"));
  EXPECT_EQ(PlanCount(), 0);
}

TEST_F(PlanRulesTest, UpdatePlanMaskIsCheckedFirst) {
  auto created = MakePlan();
  for (const domain::FieldPaths& paths : std::vector<domain::FieldPaths>{
           {}, {"task_count"}, {"etag"}, {"title", "issuer_unit"}, {"name"}}) {
    SCOPED_TRACE(paths.empty() ? "(empty)" : paths.back());
    domain::Update<domain::Plan> update{created.plan, paths, created.plan.etag};
    EXPECT_THAT(Fields(plans_->UpdatePlan(sys_, {created.plan.id, update})),
                ElementsAre("update_mask"));
    // Before the plan is read: a missing plan gets the same answer.
    EXPECT_THAT(Fields(plans_->UpdatePlan(sys_, {9999, update})), ElementsAre("update_mask"));
  }
  domain::Update<domain::Plan> update{created.plan, {"title"}, ""};
  EXPECT_EQ(plans_->UpdatePlan(sys_, {9999, update}).status().code(), absl::StatusCode::kNotFound);
}

TEST_F(PlanRulesTest, UpdatePlanAppliesOnlyTheMaskAndChecksTheResult) {
  auto created = MakePlan();
  domain::Plan patch;
  patch.title = "";
  patch.symbol = "bỏ qua";
  patch.signer.full_name = "Nguyễn Văn A";
  patch.signer.position = "bỏ qua";
  auto refused = plans_->UpdatePlan(sys_, {created.plan.id, {patch, {"title"}, ""}});
  EXPECT_THAT(Fields(refused), ElementsAre("plan.title"));
  auto signed_by =
      plans_->UpdatePlan(sys_, {created.plan.id, {patch, {"signer.full_name"}, created.plan.etag}});
  ASSERT_TRUE(signed_by.ok()) << signed_by.status();
  EXPECT_EQ(signed_by->signer.full_name, "Nguyễn Văn A");
  EXPECT_EQ(signed_by->signer.position, "");
  EXPECT_EQ(signed_by->symbol, created.plan.symbol);
  EXPECT_EQ(signed_by->title, created.plan.title);
  patch.issue_date = kNotARealDate;
  EXPECT_THAT(Fields(plans_->UpdatePlan(sys_, {created.plan.id, {patch, {"issue_date"}, ""}})),
              ElementsAre("plan.issue_date"));
}

// The writer counts every transaction it runs, refused or not: an update
// is one, whether it stores or is refused after reading, and a mask refused
// before reading is none.
TEST_F(PlanRulesTest, UpdatePlanReadsChecksAndWritesInOneTransaction) {
  auto created = MakePlan();
  domain::Plan patch;
  patch.title = "Tên mới";
  uint64_t before = Commits();
  auto updated = plans_->UpdatePlan(sys_, {created.plan.id, {patch, {"title"}, created.plan.etag}});
  ASSERT_TRUE(updated.ok()) << updated.status();
  EXPECT_EQ(Commits(), before + 1);
  EXPECT_EQ(plans_->GetPlan(sys_, created.plan.id, false)->etag, updated->etag);
  auto stale = plans_->UpdatePlan(sys_, {created.plan.id, {patch, {"title"}, created.plan.etag}});
  EXPECT_EQ(ErrorReason(stale.status()), "ETAG_MISMATCH");
  EXPECT_EQ(Commits(), before + 2);
  patch.title = "";
  EXPECT_THAT(Fields(plans_->UpdatePlan(sys_, {created.plan.id, {patch, {"title"}, ""}})),
              ElementsAre("plan.title"));
  EXPECT_EQ(Commits(), before + 3);
  EXPECT_THAT(Fields(plans_->UpdatePlan(sys_, {created.plan.id, {patch, {"task_count"}, ""}})),
              ElementsAre("update_mask"));
  EXPECT_EQ(Commits(), before + 3);
  auto after = plans_->GetPlan(sys_, created.plan.id, false);
  EXPECT_EQ(after->title, "Tên mới");
  EXPECT_EQ(after->etag, updated->etag);
}

TEST_F(PlanRulesTest, UpdateTaskRules) {
  auto created = MakePlan();
  const domain::Task& task = created.tasks[0];
  auto update = [&](domain::Task patch, domain::FieldPaths paths, std::string etag = "") {
    return plans_->UpdateTask(sys_, {task.plan_id, task.id, {patch, paths, etag}});
  };
  for (const domain::FieldPaths& paths : std::vector<domain::FieldPaths>{
           {}, {"number"}, {"position"}, {"lead_units"}, {"progress_percent", "name"}}) {
    EXPECT_THAT(Fields(update(task, paths)), ElementsAre("update_mask"));
  }
  domain::Task patch = task;
  patch.progress_percent = 150;
  patch.title = "";
  EXPECT_THAT(Fields(update(patch, {"progress_percent", "title"})),
              UnorderedElementsAre("task.progress_percent", "task.title"));
  patch.timeframe.original_text = std::string(1001, 'x');
  EXPECT_THAT(Fields(update(patch, {"timeframe"})), ElementsAre("task.timeframe.original_text"));
  EXPECT_EQ(update(task, {"title"}, "\"stale\"").status().code(), absl::StatusCode::kAborted);
  EXPECT_EQ(plans_->GetTask(sys_, task.plan_id, task.id)->etag, task.etag);
  EXPECT_EQ(plans_->UpdateTask(sys_, {task.plan_id, 9999, {task, {"title"}, ""}}).status().code(),
            absl::StatusCode::kNotFound);
}

TEST_F(PlanRulesTest, ReportFieldsAreReportedTogether) {
  auto plan = MakePlan();
  CreateReportCommand r = Report(plan);
  r.progress_percent = 101;
  r.text = " \n ";
  r.report_date = absl::CivilDay(2026, 11, 28);  // the fixture's today is 27/11/2026
  EXPECT_THAT(Fields(plans_->CreateReport(sys_, r, {})),
              UnorderedElementsAre("progress_report.progress_percent", "progress_report.text",
                                   "progress_report.report_date"));
  r = Report(plan);
  r.progress_percent = -1;
  EXPECT_THAT(Fields(plans_->CreateReport(sys_, r, {})),
              ElementsAre("progress_report.progress_percent"));
  r = Report(plan);
  r.report_date = kNotARealDate;
  auto unreal = plans_->CreateReport(sys_, r, {});
  EXPECT_THAT(Fields(unreal), ElementsAre("progress_report.report_date"));
  EXPECT_EQ(ErrorFieldViolations(unreal.status())[0].description, "is not a real calendar date");
  r = Report(plan);
  r.attachments.resize(21, "https://example.invalid/a.pdf");
  EXPECT_THAT(Fields(plans_->CreateReport(sys_, r, {})),
              ElementsAre("progress_report.attachments"));
  r = Report(plan);
  EXPECT_THAT(Fields(plans_->CreateReport(Asking("bad id!"), r, {"test bad id!", "fp"})),
              ElementsAre("request_id"));
  domain::ListQuery q;
  q.order = {"id", true};
  EXPECT_TRUE(plans_->ListReports(sys_, plan.plan.id, plan.tasks[1].id, q)->items.empty());
}

TEST_F(PlanRulesTest, ReportWithoutDateIsDatedToday) {
  auto plan = MakePlan();
  CreateReportCommand r = Report(plan);
  r.report_date.reset();
  auto report = plans_->CreateReport(sys_, r, {});
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->report_date, absl::CivilDay(2026, 11, 27));
}

}  // namespace
}  // namespace sangkien::operations
