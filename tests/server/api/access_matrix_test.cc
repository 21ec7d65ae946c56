// Who may call what: every RPC the server registers, called by every kind of
// caller, against the status the access rules give; and what reads show to
// callers who may see only published plans.
#include <gmock/gmock.h>
#include <google/protobuf/descriptor.h>
#include <google/protobuf/duration.pb.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <set>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/civil_time.h"
#include "publicity_samples.h"
#include "raw_calls.h"
#include "rpc_errors.h"
#include "sangkien/v1/calendar_service.grpc.pb.h"
#include "seed/demo_seed.h"
#include "test_server.h"

namespace sangkien::api_test {
namespace {

using google::protobuf::Message;
using google::protobuf::MethodDescriptor;
using google::protobuf::ServiceDescriptor;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::SizeIs;

// The kinds of caller, in the matrix's column order.
enum CallerKind {
  kPublic,          // no authorization header
  kGarbage,         // "Bearer nope"
  kBasic,           // "Basic abc"
  kRevoked,         // a coordinator's revoked token
  kExpired,         // a coordinator's expired token
  kKiosk,           // kiosk Tân Lập
  kStaffOwnUnit,    // staff Tân Lập, acting on Tân Lập and its own account
  kStaffOtherUnit,  // staff Tân Lập, acting on Hòa Bình and staff Hòa Bình's account
  kPublisher,
  kCoordinator,
  kApprover,
  kInspector,
  kAdmin,
  kCallerCount,
};

constexpr const char* kCallerNames[kCallerCount] = {
    "public",   "\"Bearer nope\"", "\"Basic abc\"", "revoked token", "expired token",
    "kiosk",    "staff→own",       "staff→other",   "publisher",     "coordinator",
    "approver", "inspector",       "admin"};

// What an UNAUTHENTICATED answer must say, per caller.
constexpr const char* kUnauthenticatedReason[kCallerCount] = {"TOKEN_REQUIRED",
                                                              "MALFORMED_TOKEN",
                                                              "MALFORMED_AUTHORIZATION",
                                                              "TOKEN_REVOKED",
                                                              "TOKEN_EXPIRED",
                                                              "",
                                                              "",
                                                              "",
                                                              "",
                                                              "",
                                                              "",
                                                              "",
                                                              ""};

char Letter(grpc::StatusCode code) {
  switch (code) {
    case grpc::StatusCode::OK:
      return 'O';
    case grpc::StatusCode::UNAUTHENTICATED:
      return 'U';
    case grpc::StatusCode::PERMISSION_DENIED:
      return 'P';
    case grpc::StatusCode::NOT_FOUND:
      return 'N';
    default:
      return '?';
  }
}

// What the call acts on. Staff acting for their own unit name their unit and
// account; every other caller names another commune and another account, so
// that "self" and "someone else" both show in the matrix.
struct Target {
  std::string unit;
  std::string account;
  std::string proposer;  // demo label of the staff member whose proposal the call acts on
};

struct Row {
  std::string method;   // "sangkien.v1.PlanService/GetPlan"
  std::string variant;  // what the request refers to, when a method has several rows
  // One letter per caller (spaces ignored): O = OK, U = UNAUTHENTICATED,
  // P = PERMISSION_DENIED, N = NOT_FOUND.
  std::string expected;
  // Builds a valid request, preparing what it refers to as admin.
  std::function<std::unique_ptr<Message>(const Target&)> build;
};

// A short plan naming units the demo directory knows.
constexpr const char* kSmallPlan =
    "KẾ HOẠCH\n"
    "Triển khai tiêm chủng mở rộng năm 2027\n"
    "\n"
    "Thực hiện Kế hoạch số 12/KH-UBND ngày 05/01/2027 của UBND tỉnh, UBND huyện ban hành Kế "
    "hoạch triển khai thực hiện như sau:\n"
    "I. MỤC ĐÍCH, YÊU CẦU\n"
    "1. Bảo đảm trẻ em trong độ tuổi được tiêm chủng đầy đủ.\n"
    "II. NỘI DUNG KẾ HOẠCH\n"
    "1. Tổ chức tiêm chủng\n"
    "1.1. Tổ chức tiêm chủng cho trẻ em trên địa bàn huyện.\n"
    "a) Cơ quan chủ trì: Phòng Nội vụ.\n"
    "b) Cơ quan phối hợp: UBND các xã, thị trấn.\n"
    "c) Thời gian thực hiện: Quý II/2027.\n"
    "III. TỔ CHỨC THỰC HIỆN\n"
    "1. Phòng Nội vụ chủ trì theo dõi, báo cáo UBND huyện.\n";

template <typename T>
std::unique_ptr<Message> Own(T message) {
  return std::make_unique<T>(std::move(message));
}

class AccessMatrixTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (HasFatalFailure()) return;
    tan_lap_ = UnitNamed("UBND xã Tân Lập");
    hoa_binh_ = UnitNamed("UBND xã Hòa Bình");
    seed_plan_ = SeedPlan();
    seed_task_ = SeedTask("4.2").name();

    // A draft: the seed text imported again without publishing, so that it
    // has tasks and assignments for every commune, and a report on one.
    UseDemoAccount("coordinator");
    v1::ImportPlanRequest import;
    import.set_text(std::string(seed::SeedPlanText()));
    v1::ImportPlanResponse imported;
    grpc::Status status = Call(&v1::PlanService::Stub::ImportPlan, import, &imported);
    ASSERT_TRUE(status.ok()) << status.error_message();
    ASSERT_EQ(imported.plan().state(), v1::PLAN_STATE_DRAFT);
    draft_plan_ = imported.plan().name();
    for (const v1::Task& t : imported.tasks()) {
      if (t.number() == "4.2") draft_task_ = t.name();
    }
    ASSERT_FALSE(draft_task_.empty());
    v1::ProgressReport report;
    status = Call(&v1::PlanService::Stub::CreateProgressReport,
                  ReportRequest(draft_task_, tan_lap_), &report);
    ASSERT_TRUE(status.ok()) << status.error_message();
    UseDemoAccount("admin");
  }

  std::string Fresh() { return absl::StrCat(++counter_); }

  v1::CreateProgressReportRequest ReportRequest(const std::string& task, const std::string& unit) {
    v1::CreateProgressReportRequest request;
    request.set_parent(task);
    request.mutable_progress_report()->set_unit(unit);
    request.mutable_progress_report()->set_text(
        absl::StrCat("Đã tổ chức hội nghị quán triệt lần ", Fresh(), "."));
    request.mutable_progress_report()->set_progress_percent(50);
    return request;
  }

  // A new draft plan with one task led by Tân Lập, created as the current
  // identity.
  v1::Plan NewPlan(v1::PlanState state = v1::PLAN_STATE_DRAFT,
                   const google::type::Date& issue_date = MakeDate(2027, 1, 5)) {
    v1::CreatePlanRequest request;
    request.mutable_plan()->set_title(absl::StrCat("Kế hoạch thử số ", Fresh()));
    request.mutable_plan()->set_state(state);
    *request.mutable_plan()->mutable_issue_date() = issue_date;
    v1::Task* task = request.add_tasks();
    task->set_number("1");
    task->set_title("Rà soát thủ tục hành chính");
    task->add_lead_units()->set_name(tan_lap_);
    task->mutable_timeframe()->set_original_text("Quý II/2027");
    v1::Plan plan;
    grpc::Status status = Call(&v1::PlanService::Stub::CreatePlan, request, &plan);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return plan;
  }
  std::string FirstTaskOf(const std::string& plan) {
    std::vector<v1::Task> tasks = AllTasks(plan);
    EXPECT_THAT(tasks, Not(IsEmpty()));
    return tasks.empty() ? "" : tasks[0].name();
  }
  std::string NewUnit() {
    v1::CreateUnitRequest request;
    request.mutable_unit()->set_display_name(absl::StrCat("Tổ công tác số ", Fresh()));
    request.mutable_unit()->set_kind(v1::UNIT_KIND_OTHER);
    v1::Unit unit;
    grpc::Status status = Call(&v1::DirectoryService::Stub::CreateUnit, request, &unit);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return unit.name();
  }
  std::string NewAccount() {
    v1::CreateAccountRequest request;
    request.mutable_account()->set_display_name(absl::StrCat("Tài khoản thử ", Fresh()));
    request.mutable_account()->add_roles(v1::ROLE_PUBLISHER);
    v1::Account account;
    grpc::Status status = Call(&v1::AccountService::Stub::CreateAccount, request, &account);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return account.name();
  }
  v1::CreateTokenResponse NewToken(const std::string& account, absl::Duration ttl = {}) {
    v1::CreateTokenRequest request;
    request.set_parent(account);
    request.set_display_name(absl::StrCat("thử ", Fresh()));
    if (ttl > absl::ZeroDuration()) request.mutable_ttl()->set_seconds(absl::ToInt64Seconds(ttl));
    v1::CreateTokenResponse token;
    grpc::Status status = Call(&v1::AccountService::Stub::CreateToken, request, &token);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return token;
  }

  // Creates the day as the current identity and returns its name.
  std::string CreateHoliday(const v1::CreateHolidayRequest& request) {
    auto stub = v1::HolidayCalendarService::NewStub(channel());
    grpc::ClientContext context;
    Prepare(context);
    v1::Holiday day;
    grpc::Status status = stub->CreateHoliday(&context, request, &day);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return day.name();
  }

  // Publicity items created as the current identity; their names.
  std::string NewBroadcast(v1::PublicationState state) {
    v1::CreateBroadcastRequest r;
    *r.mutable_broadcast() = SampleBroadcast(tan_lap_, state);
    v1::Broadcast out;
    grpc::Status status = Call(&v1::PublicityService::Stub::CreateBroadcast, r, &out);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return out.name();
  }
  std::string NewCaseStudy(v1::PublicationState state) {
    v1::CreateCaseStudyRequest r;
    *r.mutable_case_study() = SampleCaseStudy(tan_lap_, state);
    v1::CaseStudy out;
    grpc::Status status = Call(&v1::PublicityService::Stub::CreateCaseStudy, r, &out);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return out.name();
  }
  std::string NewImage(const std::string& case_study) {
    v1::AddCaseStudyImageRequest r;
    r.set_parent(case_study);
    r.mutable_image()->set_content_type("image/png");
    r.mutable_image()->set_data(SamplePng());
    v1::CaseStudyImage out;
    grpc::Status status = Call(&v1::PublicityService::Stub::AddCaseStudyImage, r, &out);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return out.name();
  }
  // A proposal of `proposer` whose pilot the approver evaluated as achieved.
  std::string AchievedProposal(const std::string& proposer) {
    v1::Proposal p = ProposalIn(v1::PROPOSAL_STATE_PILOT_COMPLETED, proposer);
    UseDemoAccount("approver");
    v1::EvaluateProposalRequest r;
    r.set_name(p.name());
    r.mutable_evaluation()->set_outcome(v1::PILOT_OUTCOME_ACHIEVED);
    r.mutable_evaluation()->set_motives_pure(true);
    grpc::Status status = Call(&v1::ProposalService::Stub::EvaluateProposal, r, &p);
    EXPECT_TRUE(status.ok()) << status.error_message();
    UseDemoAccount("admin");
    return p.name();
  }
  std::string NewAnnouncement(v1::PublicationState state) {
    v1::CreateAnnouncementRequest r;
    *r.mutable_announcement() = SampleAnnouncement(tan_lap_, state);
    v1::Announcement out;
    grpc::Status status = Call(&v1::PublicityService::Stub::CreateAnnouncement, r, &out);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return out.name();
  }

  std::vector<Row> Rows();

  std::string tan_lap_, hoa_binh_, seed_plan_, seed_task_, draft_plan_, draft_task_;
  int counter_ = 0;
};

std::vector<Row> AccessMatrixTest::Rows() {
  // Columns: public | "Bearer nope" "Basic abc" revoked expired | kiosk staff→own staff→other
  // publisher coordinator approver inspector admin.
  const std::string kAnyone = "O UUUU O O O O O O O O";
  const std::string kInternal = "N UUUU N N N N O O O O";
  const std::string kPlanKeepers = "U UUUU P P P P O P P O";
  const std::string kAdminOnly = "U UUUU P P P P P P P O";
  const std::string kAuditors = "U UUUU P P P P P P O O";
  auto dir = [](const char* m) { return absl::StrCat("sangkien.v1.DirectoryService/", m); };
  auto plan = [](const char* m) { return absl::StrCat("sangkien.v1.PlanService/", m); };
  auto acct = [](const char* m) { return absl::StrCat("sangkien.v1.AccountService/", m); };
  auto audit = [](const char* m) { return absl::StrCat("sangkien.v1.AuditService/", m); };
  auto prop = [](const char* m) { return absl::StrCat("sangkien.v1.ProposalService/", m); };
  auto cal = [](const char* m) { return absl::StrCat("sangkien.v1.HolidayCalendarService/", m); };
  auto search = [](const char* m) { return absl::StrCat("sangkien.v1.SearchService/", m); };
  auto sync = [](const char* m) { return absl::StrCat("sangkien.v1.SyncService/", m); };
  // A day off on a date no other row uses.
  auto new_day = [this] {
    absl::CivilDay day = absl::CivilDay(2031, 1, 1) + std::stoi(Fresh());
    v1::CreateHolidayRequest r;
    *r.mutable_holiday()->mutable_date() = MakeDate(day.year(), day.month(), day.day());
    r.mutable_holiday()->set_kind(v1::HOLIDAY_KIND_DAY_OFF);
    r.mutable_holiday()->set_display_name("Ngày nghỉ thử");
    return r;
  };
  // The target staff member's proposal in `state`, and a request naming it.
  auto in = [this](v1::ProposalState state, const Target& t) {
    return ProposalIn(state, t.proposer).name();
  };
  auto named = [in](v1::ProposalState state, auto request) {
    return [in, state, request](const Target& t) mutable {
      request.set_name(in(state, t));
      return Own(request);
    };
  };
  // Only the proposer edits, submits or withdraws; another staff member's
  // draft does not exist for the caller.
  const std::string kProposerOnly = "U UUUU P O N P P P P P";
  // The proposer, or the offices on the proposer's behalf.
  const std::string kProposerOrOffice = "U UUUU P O P P O O P O";
  const std::string kOffices = "U UUUU P P P P O O P O";
  const std::string kDeciders = "U UUUU P P P P P O P O";
  // Publishers (and admins) write publicity; they and internal roles see drafts.
  auto pub = [](const char* m) { return absl::StrCat("sangkien.v1.PublicityService/", m); };
  const std::string kPublishers = "U UUUU P P P O P P P O";
  const std::string kDraftReaders = "N UUUU N N N O O O O O";
  const auto kPublished = v1::PUBLICATION_STATE_PUBLISHED;
  const auto kDraft = v1::PUBLICATION_STATE_DRAFT;
  return {
      // The directory.
      {dir("ListUnits"), "", kAnyone, [](const Target&) { return Own(v1::ListUnitsRequest()); }},
      {dir("GetUnit"), "", kAnyone,
       [this](const Target&) {
         v1::GetUnitRequest r;
         r.set_name(tan_lap_);
         return Own(r);
       }},
      {dir("CreateUnit"), "", kPlanKeepers,
       [this](const Target&) {
         v1::CreateUnitRequest r;
         r.mutable_unit()->set_display_name(absl::StrCat("Tổ công tác số ", Fresh()));
         r.mutable_unit()->set_kind(v1::UNIT_KIND_OTHER);
         return Own(r);
       }},
      {dir("UpdateUnit"), "", kPlanKeepers,
       [this](const Target&) {
         v1::UpdateUnitRequest r;
         r.mutable_unit()->set_name(NewUnit());
         r.mutable_unit()->set_short_name(absl::StrCat("TCT", Fresh()));
         r.mutable_update_mask()->add_paths("short_name");
         return Own(r);
       }},
      {dir("ListUnitGroups"), "", kAnyone,
       [](const Target&) { return Own(v1::ListUnitGroupsRequest()); }},
      {dir("GetUnitGroup"), "", kAnyone,
       [this](const Target&) {
         v1::GetUnitGroupRequest r;
         r.set_name(GroupNamed("UBND các xã, thị trấn"));
         return Own(r);
       }},
      // Plans, tasks, assignments and reports.
      {plan("ListPlans"), "", kAnyone, [](const Target&) { return Own(v1::ListPlansRequest()); }},
      {plan("GetPlan"), "published", kAnyone,
       [this](const Target&) {
         v1::GetPlanRequest r;
         r.set_name(seed_plan_);
         return Own(r);
       }},
      {plan("GetPlan"), "draft", kInternal,
       [this](const Target&) {
         v1::GetPlanRequest r;
         r.set_name(draft_plan_);
         return Own(r);
       }},
      {plan("CreatePlan"), "", kPlanKeepers,
       [this](const Target&) {
         v1::CreatePlanRequest r;
         r.mutable_plan()->set_title(absl::StrCat("Kế hoạch thử số ", Fresh()));
         return Own(r);
       }},
      {plan("UpdatePlan"), "", kPlanKeepers,
       [this](const Target&) {
         v1::UpdatePlanRequest r;
         r.mutable_plan()->set_name(NewPlan().name());
         r.mutable_plan()->set_title(absl::StrCat("Kế hoạch đã sửa số ", Fresh()));
         r.mutable_update_mask()->add_paths("title");
         return Own(r);
       }},
      {plan("DeletePlan"), "", kPlanKeepers,
       [this](const Target&) {
         v1::DeletePlanRequest r;
         r.set_name(NewPlan().name());
         return Own(r);
       }},
      {plan("ImportPlan"), "", kPlanKeepers,
       [](const Target&) {
         v1::ImportPlanRequest r;
         r.set_text(kSmallPlan);
         r.set_create_missing_units(false);
         return Own(r);
       }},
      {plan("ListTasks"), "published plan", kAnyone,
       [this](const Target&) {
         v1::ListTasksRequest r;
         r.set_parent(seed_plan_);
         return Own(r);
       }},
      {plan("ListTasks"), "draft plan", kInternal,
       [this](const Target&) {
         v1::ListTasksRequest r;
         r.set_parent(draft_plan_);
         return Own(r);
       }},
      {plan("ListTasks"), "plans/-", kAnyone,
       [](const Target&) {
         v1::ListTasksRequest r;
         r.set_parent("plans/-");
         return Own(r);
       }},
      {plan("GetTask"), "published", kAnyone,
       [this](const Target&) {
         v1::GetTaskRequest r;
         r.set_name(seed_task_);
         return Own(r);
       }},
      {plan("GetTask"), "draft", kInternal,
       [this](const Target&) {
         v1::GetTaskRequest r;
         r.set_name(draft_task_);
         return Own(r);
       }},
      {plan("UpdateTask"), "", kPlanKeepers,
       [this](const Target&) {
         v1::UpdateTaskRequest r;
         r.mutable_task()->set_name(FirstTaskOf(NewPlan().name()));
         r.mutable_task()->set_title(absl::StrCat("Nhiệm vụ đã sửa số ", Fresh()));
         r.mutable_update_mask()->add_paths("title");
         return Own(r);
       }},
      {plan("ListAssignments"), "plans/-", kAnyone,
       [](const Target& t) {
         v1::ListAssignmentsRequest r;
         r.set_parent("plans/-");
         r.set_filter(absl::StrCat("unit = \"", t.unit, "\""));
         return Own(r);
       }},
      {plan("ListAssignments"), "draft plan", kInternal,
       [this](const Target&) {
         v1::ListAssignmentsRequest r;
         r.set_parent(draft_plan_);
         return Own(r);
       }},
      {plan("ListAssignments"), "draft task", kInternal,
       [this](const Target&) {
         v1::ListAssignmentsRequest r;
         r.set_parent(draft_task_);
         return Own(r);
       }},
      {plan("CreateProgressReport"), "published task", "U UUUU P O P P O P P O",
       [this](const Target& t) { return Own(ReportRequest(seed_task_, t.unit)); }},
      {plan("CreateProgressReport"), "draft task", "U UUUU P N P P O P P O",
       [this](const Target& t) { return Own(ReportRequest(draft_task_, t.unit)); }},
      {plan("ListProgressReports"), "published task", kAnyone,
       [this](const Target&) {
         v1::ListProgressReportsRequest r;
         r.set_parent(seed_task_);
         return Own(r);
       }},
      {plan("ListProgressReports"), "draft task", kInternal,
       [this](const Target&) {
         v1::ListProgressReportsRequest r;
         r.set_parent(draft_task_);
         return Own(r);
       }},
      // Accounts and tokens.
      {acct("WhoAmI"), "", kAnyone, [](const Target&) { return Own(v1::WhoAmIRequest()); }},
      {acct("CreateAccount"), "", kAdminOnly,
       [this](const Target&) {
         v1::CreateAccountRequest r;
         r.mutable_account()->set_display_name(absl::StrCat("Tài khoản thử ", Fresh()));
         r.mutable_account()->add_roles(v1::ROLE_PUBLISHER);
         return Own(r);
       }},
      {acct("GetAccount"), "", "U UUUU N O N N N N O O",
       [](const Target& t) {
         v1::GetAccountRequest r;
         r.set_name(t.account);
         return Own(r);
       }},
      {acct("ListAccounts"), "", kAuditors,
       [](const Target&) { return Own(v1::ListAccountsRequest()); }},
      {acct("UpdateAccount"), "", kAdminOnly,
       [this](const Target&) {
         v1::UpdateAccountRequest r;
         r.mutable_account()->set_name(NewAccount());
         r.mutable_account()->set_position(absl::StrCat("Chuyên viên ", Fresh()));
         r.mutable_update_mask()->add_paths("position");
         return Own(r);
       }},
      {acct("CreateToken"), "", "U UUUU N O N N N N P O",
       [this](const Target& t) {
         v1::CreateTokenRequest r;
         r.set_parent(t.account);
         r.set_display_name(absl::StrCat("thử ", Fresh()));
         return Own(r);
       }},
      {acct("ListTokens"), "", "U UUUU N O N N N N O O",
       [](const Target& t) {
         v1::ListTokensRequest r;
         r.set_parent(t.account);
         return Own(r);
       }},
      {acct("RevokeToken"), "", "U UUUU N O N N N N P O",
       [this](const Target& t) {
         v1::RevokeTokenRequest r;
         r.set_name(NewToken(t.account).token().name());
         return Own(r);
       }},
      // Kiosk PINs: issued like tokens; only a kiosk lists its staff and signs
      // them in (the other commune's staff member is no one to this kiosk).
      {acct("IssueKioskPin"), "", "U UUUU N O N N N N P O",
       [](const Target& t) {
         v1::IssueKioskPinRequest r;
         r.set_name(t.account);
         return Own(r);
       }},
      {acct("ListKioskStaff"), "", "U UUUU O P P P P P P P",
       [](const Target&) { return Own(v1::ListKioskStaffRequest()); }},
      {acct("SignInWithPin"), "", "U UUUU N P P P P P P P",
       [](const Target& t) {
         v1::SignInWithPinRequest r;
         r.set_account(t.account);
         r.set_pin("000000");
         return Own(r);
       }},
      // Proposals: each verb on a fresh proposal in the state it applies to.
      {prop("CreateProposal"), "", "U UUUU P O P P O P P O",
       [this](const Target& t) {
         v1::CreateProposalRequest r;
         r.mutable_proposal()->set_title(absl::StrCat("Đề xuất thử số ", Fresh()));
         r.mutable_proposal()->set_unit(t.unit);
         return Own(r);
       }},
      {prop("UpdateProposal"), "draft", kProposerOnly,
       [in](const Target& t) {
         v1::UpdateProposalRequest r;
         r.mutable_proposal()->set_name(in(v1::PROPOSAL_STATE_DRAFT, t));
         r.mutable_proposal()->set_title("Tên đề xuất đã sửa");
         r.mutable_update_mask()->add_paths("title");
         return Own(r);
       }},
      {prop("GetProposal"), "draft", "N UUUU N O N N O O O O",
       named(v1::PROPOSAL_STATE_DRAFT, v1::GetProposalRequest())},
      {prop("GetProposal"), "approved", kAnyone,
       named(v1::PROPOSAL_STATE_APPROVED, v1::GetProposalRequest())},
      {prop("ListProposals"), "", kAnyone,
       [](const Target&) { return Own(v1::ListProposalsRequest()); }},
      {prop("WithdrawProposal"), "draft", kProposerOnly,
       named(v1::PROPOSAL_STATE_DRAFT, v1::WithdrawProposalRequest())},
      {prop("SubmitProposal"), "draft", kProposerOnly,
       named(v1::PROPOSAL_STATE_DRAFT, v1::SubmitProposalRequest())},
      {prop("StartAppraisal"), "submitted", kPlanKeepers,
       named(v1::PROPOSAL_STATE_SUBMITTED, v1::StartAppraisalRequest())},
      {prop("RecordAppraisal"), "under appraisal", kPlanKeepers,
       [in](const Target& t) {
         v1::RecordAppraisalRequest r;
         r.set_name(in(v1::PROPOSAL_STATE_UNDER_APPRAISAL, t));
         r.mutable_appraisal()->set_notes("Cần bổ sung dự toán.");
         r.mutable_appraisal()->set_recommendation(
             v1::APPRAISAL_RECOMMENDATION_APPROVE_WITH_CHANGES);
         return Own(r);
       }},
      {prop("ReturnProposal"), "submitted", kOffices,
       [in](const Target& t) {
         v1::ReturnProposalRequest r;
         r.set_name(in(v1::PROPOSAL_STATE_SUBMITTED, t));
         r.set_note("Bổ sung dự toán kinh phí.");
         return Own(r);
       }},
      {prop("RecordDecision"), "under appraisal", kDeciders,
       [in](const Target& t) {
         v1::RecordDecisionRequest r;
         r.set_name(in(v1::PROPOSAL_STATE_UNDER_APPRAISAL, t));
         v1::LeadershipDecision& d = *r.mutable_decision();
         d.set_head("Chủ tịch");
         d.add_members_present("Chủ tịch");
         v1::Ballot* ballot = d.add_ballots();
         ballot->set_member("Chủ tịch");
         ballot->set_choice(v1::VOTE_CHOICE_FOR);
         d.set_document_symbol("102/QĐ-UBND");
         *d.mutable_document_date() = MakeDate(2026, 11, 27);
         return Own(r);
       }},
      {prop("StartPilot"), "approved", kProposerOrOffice,
       named(v1::PROPOSAL_STATE_APPROVED, v1::StartPilotRequest())},
      {prop("RecordPilotCheck"), "piloting", kOffices,
       [in](const Target& t) {
         v1::RecordPilotCheckRequest r;
         r.set_name(in(v1::PROPOSAL_STATE_PILOTING, t));
         r.mutable_check()->set_notes("Đúng tiến độ.");
         return Own(r);
       }},
      // Before the evaluation date only an approver halts a pilot.
      {prop("HaltPilot"), "piloting", kDeciders,
       [in](const Target& t) {
         v1::HaltPilotRequest r;
         r.set_name(in(v1::PROPOSAL_STATE_PILOTING, t));
         r.set_reason("Phát sinh rủi ro pháp lý.");
         return Own(r);
       }},
      {prop("CompletePilot"), "piloting", kProposerOrOffice,
       [in](const Target& t) {
         v1::CompletePilotRequest r;
         r.set_name(in(v1::PROPOSAL_STATE_PILOTING, t));
         r.mutable_report()->set_text("Báo cáo kết quả thí điểm.");
         return Own(r);
       }},
      {prop("EvaluateProposal"), "pilot completed", kDeciders,
       [in](const Target& t) {
         v1::EvaluateProposalRequest r;
         r.set_name(in(v1::PROPOSAL_STATE_PILOT_COMPLETED, t));
         r.mutable_evaluation()->set_outcome(v1::PILOT_OUTCOME_ACHIEVED);
         r.mutable_evaluation()->set_motives_pure(true);
         return Own(r);
       }},
      {prop("DecideResponsibility"), "evaluated", kDeciders,
       [in](const Target& t) {
         v1::DecideResponsibilityRequest r;
         r.set_name(in(v1::PROPOSAL_STATE_EVALUATED, t));
         r.mutable_decision()->set_kind(v1::RESPONSIBILITY_KIND_EXEMPTED);
         r.mutable_decision()->set_grounds("Động cơ trong sáng, vì lợi ích chung.");
         r.mutable_decision()->set_document_symbol("6/QĐ-UBND");
         *r.mutable_decision()->mutable_document_date() = MakeDate(2026, 11, 27);
         return Own(r);
       }},
      {prop("PublishDecision"), "approved", kOffices,
       named(v1::PROPOSAL_STATE_APPROVED, v1::PublishDecisionRequest())},
      {prop("ListProposalEvents"), "draft", "U UUUU P O N P O O O O",
       [in](const Target& t) {
         v1::ListProposalEventsRequest r;
         r.set_parent(in(v1::PROPOSAL_STATE_DRAFT, t));
         return Own(r);
       }},
      {prop("GetProposalSettings"), "", kAnyone,
       [](const Target&) { return Own(v1::GetProposalSettingsRequest()); }},
      {prop("UpdateProposalSettings"), "", kAdminOnly,
       [](const Target&) {
         v1::UpdateProposalSettingsRequest r;
         r.mutable_settings()->set_submission_policy(v1::SUBMISSION_POLICY_ANY_STAFF);
         return Own(r);
       }},
      // The audit trail.
      {audit("ListAuditEvents"), "", kAuditors,
       [](const Target&) { return Own(v1::ListAuditEventsRequest()); }},
      {audit("VerifyAuditChain"), "", kAuditors,
       [](const Target&) { return Own(v1::VerifyAuditChainRequest()); }},
      // The holiday calendar.
      {cal("ListHolidays"), "", kAnyone,
       [](const Target&) { return Own(v1::ListHolidaysRequest()); }},
      {cal("GetHoliday"), "", kAnyone,
       [](const Target&) {
         v1::GetHolidayRequest r;
         r.set_name("holidays/2025-01-29");
         return Own(r);
       }},
      {cal("CreateHoliday"), "", kAdminOnly, [new_day](const Target&) { return Own(new_day()); }},
      {cal("UpdateHoliday"), "", kAdminOnly,
       [this, new_day](const Target&) {
         v1::UpdateHolidayRequest r;
         r.mutable_holiday()->set_name(CreateHoliday(new_day()));
         r.mutable_holiday()->set_display_name(absl::StrCat("Ngày nghỉ đã sửa ", Fresh()));
         r.mutable_update_mask()->add_paths("display_name");
         return Own(r);
       }},
      {cal("DeleteHoliday"), "", kAdminOnly,
       [this, new_day](const Target&) {
         v1::DeleteHolidayRequest r;
         r.set_name(CreateHoliday(new_day()));
         return Own(r);
       }},
      {cal("AddWorkingDays"), "", kAnyone,
       [](const Target&) {
         v1::AddWorkingDaysRequest r;
         *r.mutable_date() = MakeDate(2025, 1, 24);
         r.set_days(5);
         return Own(r);
       }},
      {cal("CountWorkingDays"), "", kAnyone,
       [](const Target&) {
         v1::CountWorkingDaysRequest r;
         *r.mutable_start_date() = MakeDate(2025, 1, 24);
         *r.mutable_end_date() = MakeDate(2025, 2, 7);
         return Own(r);
       }},
      // Search and the change feed: everyone, over what each may read.
      {search("Search"), "", kAnyone,
       [](const Target&) {
         v1::SearchRequest r;
         r.set_query("sang kien");
         return Own(r);
       }},
      {sync("ListChanges"), "", kAnyone,
       [](const Target&) { return Own(v1::ListChangesRequest()); }},
      {prop("ReplicateAsCaseStudy"), "", "U UUUU P P P O O P P O",
       [this](const Target& t) {
         v1::ReplicateAsCaseStudyRequest r;
         r.set_name(AchievedProposal(t.proposer));
         return Own(r);
       }},
      // Publicity.
      {pub("GetBroadcast"), "published", kAnyone,
       [this](const Target&) {
         v1::GetBroadcastRequest r;
         r.set_name(NewBroadcast(kPublished));
         return Own(r);
       }},
      {pub("GetBroadcast"), "draft", kDraftReaders,
       [this](const Target&) {
         v1::GetBroadcastRequest r;
         r.set_name(NewBroadcast(kDraft));
         return Own(r);
       }},
      {pub("ListBroadcasts"), "", kAnyone,
       [](const Target&) { return Own(v1::ListBroadcastsRequest()); }},
      {pub("CreateBroadcast"), "", kPublishers,
       [this](const Target&) {
         v1::CreateBroadcastRequest r;
         *r.mutable_broadcast() = SampleBroadcast(tan_lap_);
         return Own(r);
       }},
      {pub("UpdateBroadcast"), "", kPublishers,
       [this](const Target&) {
         v1::UpdateBroadcastRequest r;
         r.mutable_broadcast()->set_name(NewBroadcast(kPublished));
         r.mutable_broadcast()->set_title(absl::StrCat("Bản tin số ", Fresh()));
         r.mutable_update_mask()->add_paths("title");
         return Own(r);
       }},
      {pub("DeleteBroadcast"), "", kPublishers,
       [this](const Target&) {
         v1::DeleteBroadcastRequest r;
         r.set_name(NewBroadcast(kPublished));
         return Own(r);
       }},
      {pub("ListAirings"), "", kAnyone,
       [this](const Target&) {
         v1::ListAiringsRequest r;
         r.set_station(tan_lap_);
         *r.mutable_start_time() = LocalTimestamp(2026, 11, 27, 0);
         *r.mutable_end_time() = LocalTimestamp(2026, 11, 28, 0);
         return Own(r);
       }},
      {pub("GetOnAir"), "", kAnyone, [](const Target&) { return Own(v1::GetOnAirRequest()); }},
      {pub("ExportCalendar"), "station", kAnyone,
       [this](const Target&) {
         v1::ExportCalendarRequest r;
         r.set_station(tan_lap_);
         return Own(r);
       }},
      {pub("ExportCalendar"), "unit", kAnyone,
       [this](const Target&) {
         v1::ExportCalendarRequest r;
         r.set_unit(tan_lap_);
         return Own(r);
       }},
      {pub("GetCaseStudy"), "published", kAnyone,
       [this](const Target&) {
         v1::GetCaseStudyRequest r;
         r.set_name(NewCaseStudy(kPublished));
         return Own(r);
       }},
      {pub("GetCaseStudy"), "draft", kDraftReaders,
       [this](const Target&) {
         v1::GetCaseStudyRequest r;
         r.set_name(NewCaseStudy(kDraft));
         return Own(r);
       }},
      {pub("ListCaseStudies"), "", kAnyone,
       [](const Target&) { return Own(v1::ListCaseStudiesRequest()); }},
      {pub("CreateCaseStudy"), "", kPublishers,
       [this](const Target&) {
         v1::CreateCaseStudyRequest r;
         *r.mutable_case_study() = SampleCaseStudy(tan_lap_);
         return Own(r);
       }},
      {pub("UpdateCaseStudy"), "", kPublishers,
       [this](const Target&) {
         v1::UpdateCaseStudyRequest r;
         r.mutable_case_study()->set_name(NewCaseStudy(kPublished));
         r.mutable_case_study()->set_featured(true);
         r.mutable_update_mask()->add_paths("featured");
         return Own(r);
       }},
      {pub("DeleteCaseStudy"), "", kPublishers,
       [this](const Target&) {
         v1::DeleteCaseStudyRequest r;
         r.set_name(NewCaseStudy(kPublished));
         return Own(r);
       }},
      {pub("AddCaseStudyImage"), "", kPublishers,
       [this](const Target&) {
         v1::AddCaseStudyImageRequest r;
         r.set_parent(NewCaseStudy(kPublished));
         r.mutable_image()->set_content_type("image/png");
         r.mutable_image()->set_data(SamplePng());
         return Own(r);
       }},
      {pub("GetCaseStudyImage"), "published", kAnyone,
       [this](const Target&) {
         v1::GetCaseStudyImageRequest r;
         r.set_name(NewImage(NewCaseStudy(kPublished)));
         return Own(r);
       }},
      {pub("GetCaseStudyImage"), "draft", kDraftReaders,
       [this](const Target&) {
         v1::GetCaseStudyImageRequest r;
         r.set_name(NewImage(NewCaseStudy(kDraft)));
         return Own(r);
       }},
      {pub("DeleteCaseStudyImage"), "", kPublishers,
       [this](const Target&) {
         v1::DeleteCaseStudyImageRequest r;
         r.set_name(NewImage(NewCaseStudy(kPublished)));
         return Own(r);
       }},
      {pub("GetAnnouncement"), "published", kAnyone,
       [this](const Target&) {
         v1::GetAnnouncementRequest r;
         r.set_name(NewAnnouncement(kPublished));
         return Own(r);
       }},
      {pub("GetAnnouncement"), "draft", kDraftReaders,
       [this](const Target&) {
         v1::GetAnnouncementRequest r;
         r.set_name(NewAnnouncement(kDraft));
         return Own(r);
       }},
      {pub("ListAnnouncements"), "", kAnyone,
       [](const Target&) { return Own(v1::ListAnnouncementsRequest()); }},
      {pub("CreateAnnouncement"), "", kPublishers,
       [this](const Target&) {
         v1::CreateAnnouncementRequest r;
         *r.mutable_announcement() = SampleAnnouncement(tan_lap_);
         return Own(r);
       }},
      {pub("UpdateAnnouncement"), "", kPublishers,
       [this](const Target&) {
         v1::UpdateAnnouncementRequest r;
         r.mutable_announcement()->set_name(NewAnnouncement(kPublished));
         r.mutable_announcement()->set_body("Đã dời lịch tiếp công dân sang thứ Sáu.");
         r.mutable_update_mask()->add_paths("body");
         return Own(r);
       }},
      {pub("DeleteAnnouncement"), "", kPublishers,
       [this](const Target&) {
         v1::DeleteAnnouncementRequest r;
         r.set_name(NewAnnouncement(kPublished));
         return Own(r);
       }},
  };
}

// The RPCs of every sangkien service the server registers, as reflection
// lists them.
std::vector<const MethodDescriptor*> RegisteredMethods(const std::shared_ptr<grpc::Channel>& ch) {
  ServiceList services = ListServicesByReflection(ch);
  EXPECT_TRUE(services.status.ok()) << services.status.error_message();
  std::vector<const MethodDescriptor*> methods;
  std::set<std::string> seen;
  for (const std::string& name : services.services) {
    if (!absl::StartsWith(name, "sangkien.")) continue;
    seen.insert(name);
    const ServiceDescriptor* service =
        google::protobuf::DescriptorPool::generated_pool()->FindServiceByName(name);
    EXPECT_NE(service, nullptr) << "no generated descriptor for " << name;
    if (service == nullptr) continue;
    for (int i = 0; i < service->method_count(); ++i) methods.push_back(service->method(i));
  }
  // These are there; any other joins the matrix by itself.
  for (const char* name :
       {"sangkien.v1.DirectoryService", "sangkien.v1.PlanService", "sangkien.v1.ProposalService",
        "sangkien.v1.AccountService", "sangkien.v1.AuditService"}) {
    EXPECT_TRUE(seen.count(name)) << name << " is not registered";
  }
  return methods;
}

TEST_F(AccessMatrixTest, EveryRpcAnswersEveryCallerAsTheRulesSay) {
  // Tokens that no longer work: one revoked, one past its expiry. Both belong
  // to the coordinator, so a wrong answer would show as an OK or a
  // PERMISSION_DENIED rather than hide behind one.
  const std::string coordinator = DemoAccountName("coordinator");
  v1::CreateTokenResponse revoked = NewToken(coordinator);
  v1::CreateTokenResponse expiring = NewToken(coordinator, absl::Hours(1));
  for (const auto* secret : {&revoked.secret(), &expiring.secret()}) {
    UseToken(*secret);
    v1::WhoAmIResponse me;
    ASSERT_TRUE(Call(&v1::AccountService::Stub::WhoAmI, v1::WhoAmIRequest(), &me).ok());
    EXPECT_EQ(me.account().name(), coordinator);
  }
  UseDemoAccount("admin");
  v1::RevokeTokenRequest revoke;
  revoke.set_name(revoked.token().name());
  v1::Token revoked_token;
  ASSERT_TRUE(Call(&v1::AccountService::Stub::RevokeToken, revoke, &revoked_token).ok());
  AdvanceClock(absl::Hours(2));

  auto use = [&](CallerKind caller) {
    switch (caller) {
      case kPublic:
        return UsePublic();
      case kGarbage:
        return UseAuthorization("Bearer nope");
      case kBasic:
        return UseAuthorization("Basic abc");
      case kRevoked:
        return UseToken(revoked.secret());
      case kExpired:
        return UseToken(expiring.secret());
      case kKiosk:
        return UseDemoAccount("kiosk Tân Lập");
      case kStaffOwnUnit:
      case kStaffOtherUnit:
        return UseDemoAccount("staff Tân Lập");
      case kPublisher:
        return UseDemoAccount("publisher");
      case kCoordinator:
        return UseDemoAccount("coordinator");
      case kApprover:
        return UseDemoAccount("approver");
      case kInspector:
        return UseDemoAccount("inspector");
      case kAdmin:
      case kCallerCount:
        return UseDemoAccount("admin");
    }
  };
  const Target own{tan_lap_, DemoAccountName("staff Tân Lập"), "staff Tân Lập"};
  const Target other{hoa_binh_, DemoAccountName("staff Hòa Bình"), "staff Hòa Bình"};

  std::vector<Row> rows = Rows();
  std::map<std::string, int> rows_of_method;
  for (const Row& row : rows) {
    ++rows_of_method[row.method];
    std::string letters = row.expected;
    letters.erase(std::remove(letters.begin(), letters.end(), ' '), letters.end());
    ASSERT_EQ(letters.size(), static_cast<size_t>(kCallerCount)) << row.method;
  }
  std::vector<const MethodDescriptor*> methods = RegisteredMethods(channel());
  ASSERT_THAT(methods, Not(IsEmpty()));
  std::set<std::string> registered;
  for (const MethodDescriptor* m : methods) {
    std::string name = absl::StrCat(m->service()->full_name(), "/", m->name());
    if (m->server_streaming() && !m->client_streaming()) {
      // The one stream, WatchChanges, has its own access tests beside the
      // feed's.
      EXPECT_EQ(name, "sangkien.v1.SyncService/WatchChanges")
          << name << " streams; the matrix calls unary RPCs only";
      continue;
    }
    registered.insert(name);
    EXPECT_GT(rows_of_method[name], 0) << name << " has no row in the access matrix";
    EXPECT_FALSE(m->client_streaming() || m->server_streaming())
        << name << " streams; the matrix calls unary RPCs only";
  }
  for (const auto& [name, count] : rows_of_method) {
    EXPECT_TRUE(registered.count(name)) << "the matrix names " << name << ", which is not served";
  }

  std::vector<std::string> table;
  for (const Row& row : rows) {
    std::string label =
        row.variant.empty() ? row.method : absl::StrCat(row.method, " (", row.variant, ")");
    const MethodDescriptor* method = nullptr;
    for (const MethodDescriptor* m : methods) {
      if (absl::StrCat(m->service()->full_name(), "/", m->name()) == row.method) method = m;
    }
    if (method == nullptr) continue;
    std::string expected = row.expected;
    expected.erase(std::remove(expected.begin(), expected.end(), ' '), expected.end());
    std::string actual;
    for (int c = 0; c < kCallerCount; ++c) {
      auto caller = static_cast<CallerKind>(c);
      UseDemoAccount("admin");
      std::unique_ptr<Message> request = row.build(caller == kStaffOwnUnit ? own : other);
      std::unique_ptr<Message> response(google::protobuf::MessageFactory::generated_factory()
                                            ->GetPrototype(method->output_type())
                                            ->New());
      use(caller);
      grpc::Status status = CallMethod(*method, *request, response.get());
      actual += Letter(status.error_code());
      SCOPED_TRACE(absl::StrCat(label, " as ", kCallerNames[c]));
      EXPECT_EQ(Letter(status.error_code()), expected[c])
          << "status " << status.error_code() << ": " << status.error_message();
      switch (status.error_code()) {
        case grpc::StatusCode::UNAUTHENTICATED:
          EXPECT_TRUE(
              IsApiError(status, grpc::StatusCode::UNAUTHENTICATED, kUnauthenticatedReason[c]));
          break;
        case grpc::StatusCode::PERMISSION_DENIED: {
          // The access table's refusal, or an operation's own.
          static const std::set<std::string> kReasons = {"PERMISSION_DENIED", "OTHER_UNIT",
                                                         "NOT_PROPOSER", "HALT_NEEDS_APPROVER"};
          std::string reason = DecodeError(status).reason;
          EXPECT_TRUE(kReasons.count(reason)) << reason;
          EXPECT_TRUE(IsApiError(status, grpc::StatusCode::PERMISSION_DENIED, reason));
          break;
        }
        case grpc::StatusCode::NOT_FOUND:
          EXPECT_TRUE(IsApiError(status, grpc::StatusCode::NOT_FOUND, "NOT_FOUND"));
          break;
        default:
          break;
      }
    }
    table.push_back(absl::StrCat(actual, "  ", label));
  }
  UseDemoAccount("admin");
  if (HasFailure()) {
    ADD_FAILURE() << "the matrix as served (columns: " << absl::StrJoin(kCallerNames, ", ")
                  << "):\n"
                  << absl::StrJoin(table, "\n");
  }
}

// Every plan a list shows, paging with `page_size`; every page but the last
// must be full, and none empty.
std::vector<v1::Plan> PagePlans(
    const std::function<grpc::Status(const v1::ListPlansRequest&, v1::ListPlansResponse*)>& list,
    int page_size) {
  std::vector<v1::Plan> plans;
  v1::ListPlansRequest request;
  request.set_page_size(page_size);
  for (int pages = 0; pages < 1000; ++pages) {
    v1::ListPlansResponse response;
    grpc::Status status = list(request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    if (!status.ok()) break;
    plans.insert(plans.end(), response.plans().begin(), response.plans().end());
    EXPECT_THAT(response.plans(), Not(IsEmpty())) << "page " << pages << " is empty";
    if (response.next_page_token().empty()) break;
    EXPECT_THAT(response.plans(), SizeIs(page_size)) << "page " << pages << " is not full";
    request.set_page_token(response.next_page_token());
  }
  return plans;
}

std::vector<std::string> Names(const std::vector<v1::Plan>& plans) {
  std::vector<std::string> out;
  for (const auto& p : plans) out.push_back(p.name());
  return out;
}

bool UnderPlan(const std::string& name, const std::string& plan) {
  return absl::StartsWith(name, plan + "/");
}

TEST_F(AccessMatrixTest, DraftsStayInsideTheAdministration) {
  // A second draft with a task led by Tân Lập, created through CreatePlan.
  UseDemoAccount("coordinator");
  std::string created_draft = NewPlan().name();
  const std::vector<std::string> drafts = {draft_plan_, created_draft};

  for (const char* label : {"", "kiosk Tân Lập", "staff Tân Lập", "publisher"}) {
    SCOPED_TRACE(*label ? label : "public");
    if (*label) {
      UseDemoAccount(label);
    } else {
      UsePublic();
    }
    for (const std::string& draft : drafts) {
      v1::GetPlanRequest get;
      get.set_name(draft);
      v1::Plan plan;
      EXPECT_TRUE(IsApiError(Call(&v1::PlanService::Stub::GetPlan, get, &plan),
                             grpc::StatusCode::NOT_FOUND, "NOT_FOUND"));
      get.set_show_deleted(true);
      EXPECT_TRUE(IsApiError(Call(&v1::PlanService::Stub::GetPlan, get, &plan),
                             grpc::StatusCode::NOT_FOUND, "NOT_FOUND"));
    }
    std::vector<v1::Plan> plans = AllPlans();
    ASSERT_THAT(plans, Not(IsEmpty()));
    for (const v1::Plan& p : plans) {
      EXPECT_EQ(p.state(), v1::PLAN_STATE_PUBLISHED) << p.name();
    }
    for (const v1::Task& t : AllTasks("plans/-")) {
      for (const std::string& draft : drafts) EXPECT_FALSE(UnderPlan(t.name(), draft)) << t.name();
    }
    std::string tan_lap_filter = absl::StrCat("unit = \"", tan_lap_, "\"");
    std::vector<v1::Assignment> assignments = AllAssignments("plans/-");
    std::vector<v1::Assignment> own = AllAssignments("plans/-", tan_lap_filter);
    EXPECT_THAT(own, Not(IsEmpty()));
    assignments.insert(assignments.end(), own.begin(), own.end());
    for (const v1::Assignment& a : assignments) {
      for (const std::string& draft : drafts) EXPECT_FALSE(UnderPlan(a.task(), draft)) << a.name();
    }
    v1::ListAssignmentsRequest under_task;
    under_task.set_parent(draft_task_);
    v1::ListAssignmentsResponse none;
    EXPECT_TRUE(IsApiError(Call(&v1::PlanService::Stub::ListAssignments, under_task, &none),
                           grpc::StatusCode::NOT_FOUND, "NOT_FOUND"));
  }

  for (const char* label : {"coordinator", "approver", "inspector", "admin"}) {
    SCOPED_TRACE(label);
    UseDemoAccount(label);
    for (const std::string& draft : drafts) {
      v1::GetPlanRequest get;
      get.set_name(draft);
      v1::Plan plan;
      ASSERT_TRUE(Call(&v1::PlanService::Stub::GetPlan, get, &plan).ok());
      EXPECT_EQ(plan.state(), v1::PLAN_STATE_DRAFT);
      EXPECT_THAT(Names(AllPlans()), ::testing::Contains(draft));
      int tasks = 0;
      for (const v1::Task& t : AllTasks("plans/-")) tasks += UnderPlan(t.name(), draft);
      EXPECT_EQ(tasks, plan.task_count());
      int assignments = 0;
      for (const v1::Assignment& a : AllAssignments("plans/-")) {
        assignments += UnderPlan(a.task(), draft);
      }
      EXPECT_GT(assignments, 0);
      EXPECT_EQ(assignments, static_cast<int>(AllAssignments(draft).size()));
    }
  }
}

TEST_F(AccessMatrixTest, PublicPagesAreFullAndSkipDrafts) {
  // Published and draft plans alternate in the default order (issue date,
  // newest first), each with one task at position 1.
  UseDemoAccount("coordinator");
  std::set<std::string> drafts = {draft_plan_};
  for (int day = 20; day >= 11; --day) {
    bool draft = day % 2 == 1;
    v1::Plan plan =
        NewPlan(draft ? v1::PLAN_STATE_DRAFT : v1::PLAN_STATE_PUBLISHED, MakeDate(2027, 3, day));
    if (draft) drafts.insert(plan.name());
  }
  std::vector<std::string> published;
  for (const v1::Plan& p : AllPlans()) {
    if (!drafts.count(p.name())) published.push_back(p.name());
  }
  std::vector<std::string> published_tasks;
  for (const v1::Task& t : AllTasks("plans/-")) {
    bool in_draft = false;
    for (const std::string& d : drafts) in_draft |= UnderPlan(t.name(), d);
    if (!in_draft) published_tasks.push_back(t.name());
  }
  ASSERT_GE(published.size(), 6u);

  UsePublic();
  std::vector<v1::Plan> plans = PagePlans(
      [this](const v1::ListPlansRequest& request, v1::ListPlansResponse* response) {
        return Call(&v1::PlanService::Stub::ListPlans, request, response);
      },
      1);
  EXPECT_EQ(Names(plans), published);

  std::vector<std::string> task_names;
  v1::ListTasksRequest request;
  request.set_parent("plans/-");
  request.set_page_size(1);
  for (int pages = 0; pages < 1000; ++pages) {
    v1::ListTasksResponse response;
    grpc::Status status = Call(&v1::PlanService::Stub::ListTasks, request, &response);
    ASSERT_TRUE(status.ok()) << status.error_message();
    ASSERT_THAT(response.tasks(), SizeIs(1)) << "page " << pages;
    task_names.push_back(response.tasks(0).name());
    if (response.next_page_token().empty()) break;
    request.set_page_token(response.next_page_token());
  }
  EXPECT_EQ(task_names, published_tasks);
}

TEST_F(AccessMatrixTest, StaffSeeOnlyTheirOwnAccount) {
  UseDemoAccount("staff Tân Lập");
  v1::ListAccountsResponse accounts;
  EXPECT_TRUE(IsApiError(
      Call(&v1::AccountService::Stub::ListAccounts, v1::ListAccountsRequest(), &accounts),
      grpc::StatusCode::PERMISSION_DENIED, "PERMISSION_DENIED"));
  v1::ListAuditEventsResponse events;
  EXPECT_TRUE(IsApiError(
      Call(&v1::AuditService::Stub::ListAuditEvents, v1::ListAuditEventsRequest(), &events),
      grpc::StatusCode::PERMISSION_DENIED, "PERMISSION_DENIED"));
  v1::GetAccountRequest get;
  v1::Account account;
  get.set_name(DemoAccountName("staff Hòa Bình"));
  EXPECT_TRUE(IsApiError(Call(&v1::AccountService::Stub::GetAccount, get, &account),
                         grpc::StatusCode::NOT_FOUND, "NOT_FOUND"));
  // An account that does not exist answers the same as one that does.
  get.set_name("accounts/987654");
  EXPECT_TRUE(IsApiError(Call(&v1::AccountService::Stub::GetAccount, get, &account),
                         grpc::StatusCode::NOT_FOUND, "NOT_FOUND"));
  get.set_name(DemoAccountName("staff Tân Lập"));
  ASSERT_TRUE(Call(&v1::AccountService::Stub::GetAccount, get, &account).ok());
  EXPECT_EQ(account.unit(), tan_lap_);
  EXPECT_THAT(account.roles(), ::testing::ElementsAre(v1::ROLE_STAFF));
}

}  // namespace
}  // namespace sangkien::api_test
