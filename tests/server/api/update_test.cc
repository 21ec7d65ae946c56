// UpdateTask under field masks and etags.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "rpc_errors.h"
#include "test_server.h"

namespace sangkien::api_test {
namespace {

using ::testing::Each;
using ::testing::SizeIs;

class UpdateTaskTest : public ApiTest {
 protected:
  v1::Task Get(const std::string& name) {
    v1::GetTaskRequest request;
    request.set_name(name);
    v1::Task task;
    grpc::Status status = Call(&v1::PlanService::Stub::GetTask, request, &task);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return task;
  }
  grpc::Status Update(const v1::Task& task, std::vector<std::string> paths, v1::Task* out) {
    v1::UpdateTaskRequest request;
    *request.mutable_task() = task;
    for (auto& p : paths) request.mutable_update_mask()->add_paths(p);
    return Call(&v1::PlanService::Stub::UpdateTask, request, out);
  }
  std::vector<std::string> DueDates(const std::string& task) {
    std::vector<std::string> out;
    for (const auto& a : AllAssignments(task)) out.push_back(IsoDate(a.next_due_date()));
    return out;
  }
};

TEST_F(UpdateTaskTest, ProgressChangesAndEtagMoves) {
  v1::Task before = SeedTask("4.1");
  v1::Task change = before;
  change.set_progress_percent(40);
  change.set_title("ignored: not in the mask");
  v1::Task updated;
  grpc::Status status = Update(change, {"progress_percent"}, &updated);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(updated.progress_percent(), 40);
  EXPECT_EQ(updated.title(), before.title());
  EXPECT_EQ(updated.number(), "4.1");
  EXPECT_EQ(updated.position(), before.position());
  EXPECT_NE(updated.etag(), before.etag());
  EXPECT_EQ(Get(before.name()).SerializeAsString(), updated.SerializeAsString());
}

TEST_F(UpdateTaskTest, StaleEtagIsAbortedAndChangesNothing) {
  v1::Task before = SeedTask("4.1");
  v1::Task change = before;
  change.set_progress_percent(40);
  v1::Task updated;
  ASSERT_TRUE(Update(change, {"progress_percent"}, &updated).ok());

  change.set_progress_percent(90);  // still carries the first etag
  change.set_status(v1::TASK_STATUS_COMPLETED);
  v1::Task rejected;
  EXPECT_TRUE(IsApiError(Update(change, {"progress_percent", "status"}, &rejected),
                         grpc::StatusCode::ABORTED, "ETAG_MISMATCH"));
  v1::Task after = Get(before.name());
  EXPECT_EQ(after.progress_percent(), 40);
  EXPECT_EQ(after.status(), before.status());
  EXPECT_EQ(after.etag(), updated.etag());
}

TEST_F(UpdateTaskTest, MaskMustNameUpdatableFields) {
  v1::Task before = SeedTask("4.1");
  v1::Task change = before;
  change.set_number("9.9");
  change.set_position(1);
  v1::Task out;
  for (const auto& paths : std::vector<std::vector<std::string>>{
           {"number"}, {"position"}, {"etag"}, {"lead_units"}, {"progress_percent", "name"}, {}}) {
    SCOPED_TRACE(paths.empty() ? "(empty mask)" : paths.back());
    EXPECT_TRUE(IsInvalidArgument(Update(change, paths, &out), {"update_mask"}));
  }
  v1::Task after = Get(before.name());
  EXPECT_EQ(after.SerializeAsString(), before.SerializeAsString());
}

TEST_F(UpdateTaskTest, InvalidValuesAreRefusedPerField) {
  v1::Task before = SeedTask("4.1");
  v1::Task change = before;
  change.set_progress_percent(150);
  change.set_title("");
  v1::Task out;
  EXPECT_TRUE(IsInvalidArgument(Update(change, {"progress_percent", "title"}, &out),
                                {"task.progress_percent", "task.title"}));
  EXPECT_EQ(Get(before.name()).etag(), before.etag());
}

TEST_F(UpdateTaskTest, NewTimeframeMovesTheAssignmentsDueDates) {
  v1::Task before = SeedTask("4.3");
  ASSERT_THAT(DueDates(before.name()), SizeIs(10));
  EXPECT_THAT(DueDates(before.name()), Each(std::string("2022-09-30")));
  v1::Task change;
  change.set_name(before.name());
  change.set_etag(before.etag());
  change.mutable_timeframe()->set_original_text("Quý IV/2027");
  v1::Task updated;
  grpc::Status status = Update(change, {"timeframe.original_text"}, &updated);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(updated.timeframe().kind(), v1::Timeframe::QUARTER);
  EXPECT_EQ(updated.timeframe().original_text(), "Quý IV/2027");
  EXPECT_EQ(IsoDate(updated.timeframe().due_date()), "2027-12-31");
  EXPECT_EQ(IsoDate(updated.timeframe().start_date()), "2027-10-01");
  EXPECT_EQ(updated.title(), before.title());
  EXPECT_THAT(DueDates(before.name()), Each(std::string("2027-12-31")));
  for (const auto& a : AllAssignments(before.name())) EXPECT_FALSE(a.overdue());
  EXPECT_THAT(AllTasks(SeedPlan(), "due_date = \"2027-12-31\""), SizeIs(1));
}

TEST_F(UpdateTaskTest, TimeframeReplacedWhole) {
  v1::Task before = SeedTask("4.4");  // Thường xuyên
  ASSERT_EQ(before.timeframe().kind(), v1::Timeframe::ONGOING);
  v1::Task change;
  change.set_name(before.name());
  change.set_etag(before.etag());
  change.mutable_timeframe()->set_original_text("Trước ngày 15/01/2027");
  v1::Task updated;
  ASSERT_TRUE(Update(change, {"timeframe"}, &updated).ok());
  EXPECT_EQ(updated.timeframe().kind(), v1::Timeframe::DUE_DATE);
  EXPECT_EQ(IsoDate(updated.timeframe().due_date()), "2027-01-15");
  EXPECT_THAT(DueDates(before.name()), Each(std::string("2027-01-15")));
}

TEST_F(UpdateTaskTest, UpdateOfMissingTaskIsNotFound) {
  v1::Task change;
  change.set_name(SeedPlan() + "/tasks/9999");
  change.set_progress_percent(10);
  v1::Task out;
  EXPECT_TRUE(IsApiError(Update(change, {"progress_percent"}, &out), grpc::StatusCode::NOT_FOUND,
                         "NOT_FOUND"));
  change.set_name("tasks/1");
  EXPECT_TRUE(IsInvalidArgument(Update(change, {"progress_percent"}, &out), {"task.name"}));
}

}  // namespace
}  // namespace sangkien::api_test
