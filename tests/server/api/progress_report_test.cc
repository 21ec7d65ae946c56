// CreateProgressReport and ListProgressReports: what a report answers, who
// may file one, and what is refused.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "rpc_errors.h"
#include "test_server.h"

namespace sangkien::api_test {
namespace {

using ::testing::AnyOf;
using ::testing::ElementsAre;
using ::testing::Eq;
using ::testing::SizeIs;

class ProgressReportTest : public ApiTest {
 protected:
  v1::CreateProgressReportRequest Report(const std::string& task, const std::string& unit) {
    v1::CreateProgressReportRequest request;
    request.set_parent(task);
    request.mutable_progress_report()->set_unit(unit);
    request.mutable_progress_report()->set_text("Đã rà soát và đề nghị sửa đổi 1 quy định.");
    request.mutable_progress_report()->set_progress_percent(100);
    return request;
  }
  v1::Assignment AssignmentOf(const std::string& task, const std::string& unit) {
    std::vector<v1::Assignment> found = AllAssignments(task, "unit = \"" + unit + "\"");
    EXPECT_THAT(found, SizeIs(1));
    return found.empty() ? v1::Assignment() : found[0];
  }
};

TEST_F(ProgressReportTest, ReportAnswersTheOldestOpenYearlyDueDate) {
  std::string task = SeedTask("4.2").name();
  std::string hoa_binh = UnitNamed("UBND xã Hòa Bình");
  v1::ProgressReport report;
  grpc::Status status =
      Call(&v1::PlanService::Stub::CreateProgressReport, Report(task, hoa_binh), &report);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(report.name().rfind(task + "/progressReports/", 0), 0u) << report.name();
  EXPECT_EQ(report.unit(), hoa_binh);
  EXPECT_EQ(IsoDate(report.covers_due_date()), "2022-11-30");
  EXPECT_EQ(IsoDate(report.report_date()), "2026-11-27");  // today on the server clock
  EXPECT_EQ(report.create_time().seconds(), absl::ToUnixSeconds(FixedNow()));

  v1::Assignment after = AssignmentOf(task, hoa_binh);
  EXPECT_EQ(IsoDate(after.next_due_date()), "2023-11-30");
  EXPECT_TRUE(after.overdue());
  EXPECT_EQ(after.last_report(), report.name());
  EXPECT_EQ(after.progress_percent(), 100);
  // Other communes are untouched.
  EXPECT_EQ(IsoDate(AssignmentOf(task, UnitNamed("UBND xã Đông Sơn")).next_due_date()),
            "2022-11-30");
  // An ongoing task stays ongoing.
  EXPECT_EQ(SeedTask("4.2").status(), v1::TASK_STATUS_ONGOING);

  std::vector<v1::ProgressReport> reports = AllReports(task);
  ASSERT_THAT(reports, SizeIs(5));
  EXPECT_EQ(reports[0].name(), report.name());
}

TEST_F(ProgressReportTest, LeadReportingDoneCompletesAOneOffTask) {
  v1::Task task = SeedTask("4.1");
  ASSERT_EQ(task.status(), v1::TASK_STATUS_NOT_STARTED);
  std::string noi_vu = UnitNamed("Phòng Nội vụ");
  v1::CreateProgressReportRequest request = Report(task.name(), noi_vu);
  request.mutable_progress_report()->set_progress_percent(60);
  *request.mutable_progress_report()->mutable_report_date() = MakeDate(2022, 10, 15);
  v1::ProgressReport report;
  ASSERT_TRUE(Call(&v1::PlanService::Stub::CreateProgressReport, request, &report).ok());
  EXPECT_EQ(IsoDate(report.report_date()), "2022-10-15");
  EXPECT_EQ(IsoDate(report.covers_due_date()), "2022-12-31");
  v1::Task partly = SeedTask("4.1");
  EXPECT_EQ(partly.status(), v1::TASK_STATUS_IN_PROGRESS);
  EXPECT_EQ(partly.progress_percent(), 60);
  EXPECT_NE(partly.etag(), task.etag());
  EXPECT_EQ(IsoDate(AssignmentOf(task.name(), noi_vu).next_due_date()), "2022-12-31");

  request.mutable_progress_report()->set_progress_percent(100);
  ASSERT_TRUE(Call(&v1::PlanService::Stub::CreateProgressReport, request, &report).ok());
  v1::Task done = SeedTask("4.1");
  EXPECT_EQ(done.status(), v1::TASK_STATUS_COMPLETED);
  EXPECT_EQ(done.progress_percent(), 100);
  v1::Assignment lead = AssignmentOf(task.name(), noi_vu);
  EXPECT_EQ(IsoDate(lead.next_due_date()), "");
  EXPECT_FALSE(lead.overdue());
  // A coordinator's own deadline still stands.
  EXPECT_TRUE(AssignmentOf(task.name(), UnitNamed("UBND xã Hòa Bình")).overdue());
}

TEST_F(ProgressReportTest, UnitWithoutAssignmentIsRefused) {
  std::string task = SeedTask("4.2").name();
  v1::ProgressReport report;
  EXPECT_TRUE(IsApiError(Call(&v1::PlanService::Stub::CreateProgressReport,
                              Report(task, UnitNamed("HĐND huyện")), &report),
                         grpc::StatusCode::FAILED_PRECONDITION, "UNIT_NOT_ASSIGNED"));
  EXPECT_TRUE(
      IsApiError(Call(&v1::PlanService::Stub::CreateProgressReport,
                      Report(SeedTask("1.2").name(), UnitNamed("UBND xã Tân Lập")), &report),
                 grpc::StatusCode::FAILED_PRECONDITION, "UNIT_NOT_ASSIGNED"));
  EXPECT_TRUE(IsApiError(
      Call(&v1::PlanService::Stub::CreateProgressReport, Report(task, "units/9999"), &report),
      grpc::StatusCode::NOT_FOUND, "NOT_FOUND"));
  EXPECT_THAT(AllReports(task), SizeIs(4));
}

TEST_F(ProgressReportTest, InvalidFieldsAreReportedTogetherAndNothingIsWritten) {
  std::string task = SeedTask("4.2").name();
  v1::CreateProgressReportRequest request = Report(task, UnitNamed("UBND xã Hòa Bình"));
  request.mutable_progress_report()->set_progress_percent(101);
  request.mutable_progress_report()->set_text(" \n ");
  *request.mutable_progress_report()->mutable_report_date() = MakeDate(2026, 11, 28);
  v1::ProgressReport report;
  EXPECT_TRUE(IsInvalidArgument(
      Call(&v1::PlanService::Stub::CreateProgressReport, request, &report),
      {"progress_report.progress_percent", "progress_report.text", "progress_report.report_date"}));

  v1::CreateProgressReportRequest one = Report(task, UnitNamed("UBND xã Hòa Bình"));
  one.mutable_progress_report()->set_progress_percent(-1);
  EXPECT_TRUE(IsInvalidArgument(Call(&v1::PlanService::Stub::CreateProgressReport, one, &report),
                                {"progress_report.progress_percent"}));
  one = Report(task, UnitNamed("UBND xã Hòa Bình"));
  *one.mutable_progress_report()->mutable_report_date() = MakeDate(2026, 2, 29);
  EXPECT_TRUE(IsInvalidArgument(Call(&v1::PlanService::Stub::CreateProgressReport, one, &report),
                                {"progress_report.report_date"}));
  one = Report(task, "");
  EXPECT_TRUE(IsInvalidArgument(Call(&v1::PlanService::Stub::CreateProgressReport, one, &report),
                                {"progress_report.unit"}));
  one = Report("plans/1", UnitNamed("UBND xã Hòa Bình"));
  EXPECT_TRUE(IsInvalidArgument(Call(&v1::PlanService::Stub::CreateProgressReport, one, &report),
                                {"parent"}));
  one = Report(task, UnitNamed("UBND xã Hòa Bình"));
  one.mutable_progress_report()->set_text("dòng một\x01");
  EXPECT_TRUE(IsInvalidArgument(Call(&v1::PlanService::Stub::CreateProgressReport, one, &report),
                                {"progress_report.text"}));

  EXPECT_THAT(AllReports(task), SizeIs(4));
  EXPECT_EQ(IsoDate(AssignmentOf(task, UnitNamed("UBND xã Hòa Bình")).next_due_date()),
            "2022-11-30");
}

TEST_F(ProgressReportTest, InvalidUtf8TextIsRefused) {
  std::string task = SeedTask("4.2").name();
  v1::CreateProgressReportRequest request = Report(task, UnitNamed("UBND xã Hòa Bình"));
  request.mutable_progress_report()->set_text("Báo cáo \xff");
  v1::ProgressReport report;
  grpc::Status status = Call(&v1::PlanService::Stub::CreateProgressReport, request, &report);
  // Protobuf refuses invalid UTF-8 while decoding, before any handler runs;
  // the server still answers INVALID_ARGUMENT with its usual details.
  EXPECT_TRUE(IsApiError(status, grpc::StatusCode::INVALID_ARGUMENT, "MALFORMED_REQUEST"));
  EXPECT_THAT(AllReports(task), SizeIs(4));
  EXPECT_EQ(IsoDate(AssignmentOf(task, UnitNamed("UBND xã Hòa Bình")).next_due_date()),
            "2022-11-30");
}

// A request_id belongs to the caller who chose it: another account that
// happens to send the same id and body files its own report, and never
// receives the first caller's.
TEST_F(ProgressReportTest, SameRequestIdFromAnotherCallerIsItsOwn) {
  std::string task = SeedTask("4.2").name();
  v1::CreateProgressReportRequest request = Report(task, UnitNamed("UBND xã Hòa Bình"));
  request.set_request_id("bao-cao-2022");
  v1::ProgressReport by_staff, by_coordinator;
  UseDemoAccount("staff Hòa Bình");
  ASSERT_TRUE(Call(&v1::PlanService::Stub::CreateProgressReport, request, &by_staff).ok());
  UseDemoAccount("coordinator");
  ASSERT_TRUE(Call(&v1::PlanService::Stub::CreateProgressReport, request, &by_coordinator).ok());
  EXPECT_NE(by_staff.name(), by_coordinator.name());
  EXPECT_THAT(AllReports(task), SizeIs(6));
}

TEST_F(ProgressReportTest, RetryWithSameRequestIdFilesOneReport) {
  std::string task = SeedTask("4.2").name();
  v1::CreateProgressReportRequest request = Report(task, UnitNamed("UBND xã Hòa Bình"));
  request.set_request_id("hb-4-2-2022");
  v1::ProgressReport first, second;
  ASSERT_TRUE(Call(&v1::PlanService::Stub::CreateProgressReport, request, &first).ok());
  ASSERT_TRUE(Call(&v1::PlanService::Stub::CreateProgressReport, request, &second).ok());
  EXPECT_EQ(first.SerializeAsString(), second.SerializeAsString());
  EXPECT_EQ(IsoDate(second.covers_due_date()), "2022-11-30");
  EXPECT_THAT(AllReports(task), SizeIs(5));
  EXPECT_EQ(IsoDate(AssignmentOf(task, UnitNamed("UBND xã Hòa Bình")).next_due_date()),
            "2023-11-30");

  request.mutable_progress_report()->set_progress_percent(50);
  v1::ProgressReport third;
  EXPECT_TRUE(IsApiError(Call(&v1::PlanService::Stub::CreateProgressReport, request, &third),
                         grpc::StatusCode::ALREADY_EXISTS, "REQUEST_ID_REUSED"));
  EXPECT_THAT(AllReports(task), SizeIs(5));
}

TEST_F(ProgressReportTest, ListProgressReportsFiltersByUnit) {
  std::string task = SeedTask("4.2").name();
  v1::ProgressReport report;
  ASSERT_TRUE(Call(&v1::PlanService::Stub::CreateProgressReport,
                   Report(task, UnitNamed("UBND xã Hòa Bình")), &report)
                  .ok());
  v1::ListProgressReportsRequest request;
  request.set_parent(task);
  request.set_filter("unit = \"" + UnitNamed("UBND xã Tân Lập") + "\"");
  request.set_page_size(3);
  v1::ListProgressReportsResponse page1, page2;
  ASSERT_TRUE(Call(&v1::PlanService::Stub::ListProgressReports, request, &page1).ok());
  ASSERT_THAT(page1.progress_reports(), SizeIs(3));
  request.set_page_token(page1.next_page_token());
  ASSERT_TRUE(Call(&v1::PlanService::Stub::ListProgressReports, request, &page2).ok());
  ASSERT_THAT(page2.progress_reports(), SizeIs(1));
  EXPECT_TRUE(page2.next_page_token().empty());
  std::vector<std::string> dates;
  for (const auto& r : page1.progress_reports()) dates.push_back(IsoDate(r.report_date()));
  dates.push_back(IsoDate(page2.progress_reports(0).report_date()));
  EXPECT_THAT(dates, ElementsAre("2025-11-25", "2024-11-25", "2023-11-25", "2022-11-25"));
}

}  // namespace
}  // namespace sangkien::api_test
