// The audit trail end to end: every write RPC leaves exactly one event naming
// who, what and which request; refused writes leave none; and edits or
// deletions made behind the server's back break the chain where they were
// made.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gmock/gmock.h>
#include <google/protobuf/descriptor.h>
#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <set>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "publicity_samples.h"
#include "raw_calls.h"
#include "rpc_errors.h"
#include "sangkien/v1/calendar_service.grpc.pb.h"
#include "storage/audit_log.h"
#include "test_server.h"

namespace sangkien::api_test {
namespace {

using google::protobuf::Message;
using google::protobuf::MethodDescriptor;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::SizeIs;

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
    "a) Cơ quan chủ trì: Phòng Y tế.\n"
    "b) Cơ quan phối hợp: UBND các xã, thị trấn.\n"
    "c) Thời gian thực hiện: Quý II/2027.\n"
    "III. TỔ CHỨC THỰC HIỆN\n"
    "1. Phòng Y tế chủ trì theo dõi, báo cáo UBND huyện.\n";

// The RPCs of every sangkien service the server registers.
std::vector<const MethodDescriptor*> ServedMethods(const std::shared_ptr<grpc::Channel>& channel) {
  ServiceList services = ListServicesByReflection(channel);
  EXPECT_TRUE(services.status.ok()) << services.status.error_message();
  std::vector<const MethodDescriptor*> methods;
  for (const std::string& name : services.services) {
    if (!absl::StartsWith(name, "sangkien.")) continue;
    const auto* service =
        google::protobuf::DescriptorPool::generated_pool()->FindServiceByName(name);
    EXPECT_NE(service, nullptr) << name;
    if (service == nullptr) continue;
    for (int i = 0; i < service->method_count(); ++i) methods.push_back(service->method(i));
  }
  EXPECT_GE(methods.size(), 40u);
  return methods;
}

const MethodDescriptor* MethodNamed(const std::string& service_slash_method) {
  size_t slash = service_slash_method.find('/');
  const auto* service = google::protobuf::DescriptorPool::generated_pool()->FindServiceByName(
      service_slash_method.substr(0, slash));
  const MethodDescriptor* method =
      service == nullptr ? nullptr
                         : service->FindMethodByName(service_slash_method.substr(slash + 1));
  EXPECT_NE(method, nullptr) << service_slash_method;
  return method;
}

// Methods that only read.
bool IsRead(const google::protobuf::MethodDescriptor& m) {
  return absl::StartsWith(m.name(), "Get") || absl::StartsWith(m.name(), "List") ||
         m.name() == "WhoAmI" || m.name() == "VerifyAuditChain" || m.name() == "AddWorkingDays" ||
         m.name() == "CountWorkingDays" || m.name() == "ExportCalendar" || m.name() == "Search" ||
         m.name() == "WatchChanges";
}

class AuditTest : public ApiTest {
 protected:
  // Every event, oldest first, read as the inspector; the identity is left
  // as the inspector.
  std::vector<v1::AuditEvent> Events(const std::string& filter = "") {
    UseDemoAccount("inspector");
    std::vector<v1::AuditEvent> events;
    v1::ListAuditEventsRequest request;
    request.set_page_size(500);
    request.set_filter(filter);
    for (int pages = 0; pages < 100; ++pages) {
      v1::ListAuditEventsResponse response;
      grpc::Status status = Call(&v1::AuditService::Stub::ListAuditEvents, request, &response);
      EXPECT_TRUE(status.ok()) << status.error_message();
      if (!status.ok()) break;
      events.insert(events.end(), response.events().begin(), response.events().end());
      if (response.next_page_token().empty()) break;
      request.set_page_token(response.next_page_token());
    }
    return events;
  }
  v1::VerifyAuditChainResponse Verify() {
    UseDemoAccount("inspector");
    v1::VerifyAuditChainResponse response;
    grpc::Status status =
        Call(&v1::AuditService::Stub::VerifyAuditChain, v1::VerifyAuditChainRequest(), &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response;
  }

  v1::Plan NewPlan(const std::string& title) {
    v1::CreatePlanRequest request;
    request.mutable_plan()->set_title(title);
    v1::Task* task = request.add_tasks();
    task->set_title("Rà soát thủ tục hành chính");
    task->add_lead_units()->set_name(UnitNamed("Phòng Nội vụ"));
    v1::Plan plan;
    grpc::Status status = Call(&v1::PlanService::Stub::CreatePlan, request, &plan);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return plan;
  }
  v1::CreateProgressReportRequest ReportRequest(const std::string& unit) {
    v1::CreateProgressReportRequest request;
    request.set_parent(SeedTask("4.2").name());
    request.mutable_progress_report()->set_unit(unit);
    request.mutable_progress_report()->set_text("Đã rà soát 3 quy định.");
    request.mutable_progress_report()->set_progress_percent(100);
    return request;
  }

  // Runs SQL on the database file directly, as someone with access to the
  // server's disk would.
  void Tamper(const std::string& sql) {
    SQLite::Database db(database_path(), SQLite::OPEN_READWRITE);
    db.setBusyTimeout(5000);
    EXPECT_EQ(db.exec(sql), 1) << sql;
  }
};

// One write: who makes it, how, and the resource it should name.
struct Write {
  std::string method;  // "sangkien.v1.PlanService/CreatePlan"
  std::string caller;  // demo account label
  std::string request_id;
  // Makes the call as the caller; returns its status and the resource name
  // the event should carry.
  std::function<std::pair<grpc::Status, std::string>()> run;
  bool creates = false;  // no before_digest
  // Prepares what the write acts on, before the events are counted.
  std::function<void()> prepare = [] {};
  // Events the write leaves: one per resource it writes. The last names
  // `resource`; ReplicateAsCaseStudy writes the new case study first.
  int events = 1;
};

TEST_F(AuditTest, EveryWriteLeavesExactlyOneEvent) {
  // Prepared as admin: what the updates act on.
  v1::CreateUnitRequest unit_request;
  unit_request.mutable_unit()->set_display_name("Tổ công tác cải cách hành chính");
  unit_request.mutable_unit()->set_kind(v1::UNIT_KIND_OTHER);
  v1::Unit unit;
  ASSERT_TRUE(Call(&v1::DirectoryService::Stub::CreateUnit, unit_request, &unit).ok());
  v1::Plan plan = NewPlan("Kế hoạch cải cách hành chính năm 2027");
  std::string task = AllTasks(plan.name()).at(0).name();
  std::string tan_lap = UnitNamed("UBND xã Tân Lập");
  const std::string staff = DemoAccountName("staff Tân Lập");
  v1::Account account;
  v1::CreateTokenResponse token;
  std::string kiosk_pin;

  const std::string kDir = "sangkien.v1.DirectoryService/";
  const std::string kPlan = "sangkien.v1.PlanService/";
  const std::string kAcct = "sangkien.v1.AccountService/";
  const std::string kProp = "sangkien.v1.ProposalService/";
  std::vector<Write> writes = {
      {kDir + "CreateUnit", "coordinator", "unit-1",
       [&] {
         v1::CreateUnitRequest r;
         r.mutable_unit()->set_display_name("Tổ chuyển đổi số");
         r.mutable_unit()->set_kind(v1::UNIT_KIND_OTHER);
         r.set_request_id("unit-1");
         v1::Unit out;
         grpc::Status s = Call(&v1::DirectoryService::Stub::CreateUnit, r, &out);
         return std::make_pair(s, out.name());
       },
       true},
      {kDir + "UpdateUnit", "admin", "",
       [&] {
         v1::UpdateUnitRequest r;
         r.mutable_unit()->set_name(unit.name());
         r.mutable_unit()->set_short_name("Tổ CCHC");
         r.mutable_update_mask()->add_paths("short_name");
         v1::Unit out;
         grpc::Status s = Call(&v1::DirectoryService::Stub::UpdateUnit, r, &out);
         return std::make_pair(s, unit.name());
       }},
      {kPlan + "CreatePlan", "coordinator", "plan-1",
       [&] {
         v1::CreatePlanRequest r;
         r.mutable_plan()->set_title("Kế hoạch chuyển đổi số năm 2027");
         r.set_request_id("plan-1");
         v1::Plan out;
         grpc::Status s = Call(&v1::PlanService::Stub::CreatePlan, r, &out);
         return std::make_pair(s, out.name());
       },
       true},
      {kPlan + "UpdatePlan", "coordinator", "",
       [&] {
         v1::UpdatePlanRequest r;
         r.mutable_plan()->set_name(plan.name());
         r.mutable_plan()->set_state(v1::PLAN_STATE_PUBLISHED);
         r.mutable_update_mask()->add_paths("state");
         v1::Plan out;
         grpc::Status s = Call(&v1::PlanService::Stub::UpdatePlan, r, &out);
         return std::make_pair(s, plan.name());
       }},
      {kPlan + "UpdateTask", "admin", "",
       [&] {
         v1::UpdateTaskRequest r;
         r.mutable_task()->set_name(task);
         r.mutable_task()->mutable_timeframe()->set_original_text("Quý III/2027");
         r.mutable_update_mask()->add_paths("timeframe");
         v1::Task out;
         grpc::Status s = Call(&v1::PlanService::Stub::UpdateTask, r, &out);
         return std::make_pair(s, task);
       }},
      {kPlan + "ImportPlan", "coordinator", "import-1",
       [&] {
         // It creates a unit the directory lacks, in the same one write.
         v1::ImportPlanRequest r;
         r.set_text(kSmallPlan);
         r.set_request_id("import-1");
         v1::ImportPlanResponse out;
         grpc::Status s = Call(&v1::PlanService::Stub::ImportPlan, r, &out);
         EXPECT_THAT(out.created_units(), SizeIs(1));
         return std::make_pair(s, out.plan().name());
       },
       true},
      {kPlan + "CreateProgressReport", "staff Tân Lập", "report-1",
       [&] {
         v1::CreateProgressReportRequest r = ReportRequest(tan_lap);
         r.set_request_id("report-1");
         v1::ProgressReport out;
         grpc::Status s = Call(&v1::PlanService::Stub::CreateProgressReport, r, &out);
         return std::make_pair(s, out.name());
       },
       true},
      {kPlan + "DeletePlan", "coordinator", "",
       [&] {
         v1::DeletePlanRequest r;
         r.set_name(plan.name());
         v1::Plan out;
         grpc::Status s = Call(&v1::PlanService::Stub::DeletePlan, r, &out);
         return std::make_pair(s, plan.name());
       }},
      {kAcct + "CreateAccount", "admin", "account-1",
       [&] {
         v1::CreateAccountRequest r;
         r.mutable_account()->set_display_name("Ngô Thị Thử");
         r.mutable_account()->add_roles(v1::ROLE_PUBLISHER);
         r.set_request_id("account-1");
         grpc::Status s = Call(&v1::AccountService::Stub::CreateAccount, r, &account);
         return std::make_pair(s, account.name());
       },
       true},
      {kAcct + "UpdateAccount", "admin", "",
       [&] {
         v1::UpdateAccountRequest r;
         r.mutable_account()->set_name(account.name());
         r.mutable_account()->set_position("Chuyên viên");
         r.mutable_update_mask()->add_paths("position");
         v1::Account out;
         grpc::Status s = Call(&v1::AccountService::Stub::UpdateAccount, r, &out);
         return std::make_pair(s, account.name());
       }},
      {kAcct + "CreateToken", "staff Tân Lập", "",
       [&] {
         v1::CreateTokenRequest r;
         r.set_parent(staff);
         grpc::Status s = Call(&v1::AccountService::Stub::CreateToken, r, &token);
         return std::make_pair(s, token.token().name());
       },
       true},
      {kAcct + "RevokeToken", "staff Tân Lập", "",
       [&] {
         v1::RevokeTokenRequest r;
         r.set_name(token.token().name());
         v1::Token out;
         grpc::Status s = Call(&v1::AccountService::Stub::RevokeToken, r, &out);
         return std::make_pair(s, token.token().name());
       }},
      {kAcct + "IssueKioskPin", "staff Tân Lập", "",
       [&] {
         v1::IssueKioskPinRequest r;
         r.set_name(staff);
         v1::IssueKioskPinResponse out;
         grpc::Status s = Call(&v1::AccountService::Stub::IssueKioskPin, r, &out);
         kiosk_pin = out.pin();
         return std::make_pair(s, staff + "/kioskPin");
       }},
      {kAcct + "SignInWithPin", "kiosk Tân Lập", "",
       [&] {
         v1::SignInWithPinRequest r;
         r.set_account(staff);
         r.set_pin(kiosk_pin);
         v1::SignInWithPinResponse out;
         grpc::Status s = Call(&v1::AccountService::Stub::SignInWithPin, r, &out);
         return std::make_pair(s, out.token().name());
       },
       true},
  };

  // Proposals: each verb on a fresh proposal of staff Tân Lập in the state
  // the verb applies to, by a role whose step it is.
  std::string proposal;
  auto proposal_write = [&](const char* verb, const char* caller, v1::ProposalState state,
                            std::function<std::unique_ptr<Message>(const std::string&)> request) {
    const std::string method = absl::StrCat("sangkien.v1.ProposalService/", verb);
    Write w{method, caller, "", [this, &proposal, method, request] {
              v1::Proposal out;
              grpc::Status s = CallMethod(*MethodNamed(method), *request(proposal), &out);
              return std::make_pair(s, proposal);
            }};
    w.prepare = [this, &proposal, state] { proposal = ProposalIn(state, "staff Tân Lập").name(); };
    return w;
  };
  auto named = [](auto request) {
    return [request](const std::string& name) mutable -> std::unique_ptr<Message> {
      request.set_name(name);
      return std::make_unique<decltype(request)>(request);
    };
  };
  writes.push_back({kProp + "CreateProposal", "staff Tân Lập", "proposal-1",
                    [&] {
                      v1::CreateProposalRequest r;
                      r.mutable_proposal()->set_title("Số hóa hồ sơ hộ tịch");
                      r.set_request_id("proposal-1");
                      v1::Proposal out;
                      grpc::Status s = Call(&v1::ProposalService::Stub::CreateProposal, r, &out);
                      return std::make_pair(s, out.name());
                    },
                    true});
  writes.push_back(proposal_write("UpdateProposal", "staff Tân Lập", v1::PROPOSAL_STATE_DRAFT,
                                  [](const std::string& name) -> std::unique_ptr<Message> {
                                    auto r = std::make_unique<v1::UpdateProposalRequest>();
                                    r->mutable_proposal()->set_name(name);
                                    r->mutable_proposal()->set_title("Tên đề xuất đã sửa");
                                    r->mutable_update_mask()->add_paths("title");
                                    return r;
                                  }));
  writes.push_back(proposal_write("SubmitProposal", "staff Tân Lập", v1::PROPOSAL_STATE_DRAFT,
                                  named(v1::SubmitProposalRequest())));
  writes.push_back(proposal_write("WithdrawProposal", "staff Tân Lập", v1::PROPOSAL_STATE_DRAFT,
                                  named(v1::WithdrawProposalRequest())));
  writes.push_back(proposal_write("StartAppraisal", "coordinator", v1::PROPOSAL_STATE_SUBMITTED,
                                  named(v1::StartAppraisalRequest())));
  v1::RecordAppraisalRequest appraisal;
  appraisal.mutable_appraisal()->set_notes("Cần bổ sung dự toán.");
  appraisal.mutable_appraisal()->set_recommendation(v1::APPRAISAL_RECOMMENDATION_APPROVE);
  writes.push_back(proposal_write("RecordAppraisal", "coordinator",
                                  v1::PROPOSAL_STATE_UNDER_APPRAISAL, named(appraisal)));
  v1::ReturnProposalRequest return_request;
  return_request.set_note("Bổ sung dự toán kinh phí.");
  writes.push_back(proposal_write("ReturnProposal", "coordinator", v1::PROPOSAL_STATE_SUBMITTED,
                                  named(return_request)));
  v1::RecordDecisionRequest decision;
  decision.mutable_decision()->set_head("Chủ tịch");
  decision.mutable_decision()->add_members_present("Chủ tịch");
  v1::Ballot* ballot = decision.mutable_decision()->add_ballots();
  ballot->set_member("Chủ tịch");
  ballot->set_choice(v1::VOTE_CHOICE_FOR);
  decision.mutable_decision()->set_document_symbol("102/QĐ-UBND");
  *decision.mutable_decision()->mutable_document_date() = MakeDate(2026, 11, 27);
  writes.push_back(proposal_write("RecordDecision", "approver", v1::PROPOSAL_STATE_UNDER_APPRAISAL,
                                  named(decision)));
  writes.push_back(proposal_write("StartPilot", "staff Tân Lập", v1::PROPOSAL_STATE_APPROVED,
                                  named(v1::StartPilotRequest())));
  v1::RecordPilotCheckRequest pilot_check;
  pilot_check.mutable_check()->set_notes("Đúng tiến độ.");
  writes.push_back(proposal_write("RecordPilotCheck", "coordinator", v1::PROPOSAL_STATE_PILOTING,
                                  named(pilot_check)));
  v1::HaltPilotRequest halt;
  halt.set_reason("Phát sinh rủi ro pháp lý.");
  writes.push_back(
      proposal_write("HaltPilot", "approver", v1::PROPOSAL_STATE_PILOTING, named(halt)));
  v1::CompletePilotRequest complete;
  complete.mutable_report()->set_text("Báo cáo kết quả thí điểm.");
  writes.push_back(proposal_write("CompletePilot", "staff Tân Lập", v1::PROPOSAL_STATE_PILOTING,
                                  named(complete)));
  v1::EvaluateProposalRequest evaluate;
  evaluate.mutable_evaluation()->set_outcome(v1::PILOT_OUTCOME_ACHIEVED);
  evaluate.mutable_evaluation()->set_motives_pure(true);
  writes.push_back(proposal_write("EvaluateProposal", "approver",
                                  v1::PROPOSAL_STATE_PILOT_COMPLETED, named(evaluate)));
  v1::DecideResponsibilityRequest responsibility;
  responsibility.mutable_decision()->set_kind(v1::RESPONSIBILITY_KIND_NOT_EXEMPTED);
  responsibility.mutable_decision()->set_grounds("Căn cứ kết quả đánh giá.");
  responsibility.mutable_decision()->set_document_symbol("6/QĐ-UBND");
  *responsibility.mutable_decision()->mutable_document_date() = MakeDate(2026, 11, 27);
  writes.push_back(proposal_write("DecideResponsibility", "approver", v1::PROPOSAL_STATE_EVALUATED,
                                  named(responsibility)));
  writes.push_back(proposal_write("PublishDecision", "coordinator", v1::PROPOSAL_STATE_APPROVED,
                                  named(v1::PublishDecisionRequest())));
  const std::string kCal = "sangkien.v1.HolidayCalendarService/";
  auto calendar = [&](auto rpc, const auto& request, auto* response) {
    auto stub = v1::HolidayCalendarService::NewStub(channel());
    grpc::ClientContext context;
    Prepare(context);
    return ((*stub).*rpc)(&context, request, response);
  };
  writes.push_back({kCal + "CreateHoliday", "admin", "holiday-1",
                    [&] {
                      v1::CreateHolidayRequest r;
                      *r.mutable_holiday()->mutable_date() = MakeDate(2027, 9, 1);
                      r.mutable_holiday()->set_kind(v1::HOLIDAY_KIND_DAY_OFF);
                      r.mutable_holiday()->set_display_name("Ngày liền kề Quốc khánh");
                      r.set_request_id("holiday-1");
                      v1::Holiday out;
                      grpc::Status s =
                          calendar(&v1::HolidayCalendarService::Stub::CreateHoliday, r, &out);
                      return std::make_pair(s, out.name());
                    },
                    true});
  writes.push_back({kCal + "UpdateHoliday", "admin", "", [&] {
                      v1::UpdateHolidayRequest r;
                      r.mutable_holiday()->set_name("holidays/2025-01-29");
                      r.mutable_holiday()->set_status("announced, checked");
                      r.mutable_update_mask()->add_paths("status");
                      v1::Holiday out;
                      grpc::Status s =
                          calendar(&v1::HolidayCalendarService::Stub::UpdateHoliday, r, &out);
                      return std::make_pair(s, r.holiday().name());
                    }});
  writes.push_back({kCal + "DeleteHoliday", "admin", "", [&] {
                      v1::DeleteHolidayRequest r;
                      r.set_name("holidays/2025-01-01");
                      google::protobuf::Empty out;
                      grpc::Status s =
                          calendar(&v1::HolidayCalendarService::Stub::DeleteHoliday, r, &out);
                      return std::make_pair(s, r.name());
                    }});
  // Publicity, written by the publisher; what updates and deletes act on is
  // created just before, as admin.
  const std::string kPub = "sangkien.v1.PublicityService/";
  std::string broadcast, case_study, image, announcement;
  auto as_admin = [&](auto fn) {
    return [this, fn] {
      UseDemoAccount("admin");
      fn();
    };
  };
  auto new_broadcast = as_admin([&] {
    v1::CreateBroadcastRequest r;
    *r.mutable_broadcast() = SampleBroadcast(tan_lap);
    v1::Broadcast out;
    ASSERT_TRUE(Call(&v1::PublicityService::Stub::CreateBroadcast, r, &out).ok());
    broadcast = out.name();
  });
  auto new_case_study = as_admin([&] {
    v1::CreateCaseStudyRequest r;
    *r.mutable_case_study() = SampleCaseStudy(tan_lap);
    v1::CaseStudy out;
    ASSERT_TRUE(Call(&v1::PublicityService::Stub::CreateCaseStudy, r, &out).ok());
    case_study = out.name();
  });
  auto new_image = as_admin([&] {
    v1::CreateCaseStudyRequest r;
    *r.mutable_case_study() = SampleCaseStudy(tan_lap);
    v1::CaseStudy cs;
    ASSERT_TRUE(Call(&v1::PublicityService::Stub::CreateCaseStudy, r, &cs).ok());
    v1::AddCaseStudyImageRequest add;
    add.set_parent(cs.name());
    add.mutable_image()->set_content_type("image/png");
    add.mutable_image()->set_data(SamplePng());
    v1::CaseStudyImage out;
    ASSERT_TRUE(Call(&v1::PublicityService::Stub::AddCaseStudyImage, add, &out).ok());
    image = out.name();
  });
  auto new_announcement = as_admin([&] {
    v1::CreateAnnouncementRequest r;
    *r.mutable_announcement() = SampleAnnouncement(tan_lap);
    v1::Announcement out;
    ASSERT_TRUE(Call(&v1::PublicityService::Stub::CreateAnnouncement, r, &out).ok());
    announcement = out.name();
  });
  writes.push_back({kPub + "CreateBroadcast", "publisher", "broadcast-1",
                    [&] {
                      v1::CreateBroadcastRequest r;
                      *r.mutable_broadcast() = SampleBroadcast(tan_lap);
                      r.set_request_id("broadcast-1");
                      v1::Broadcast out;
                      grpc::Status s = Call(&v1::PublicityService::Stub::CreateBroadcast, r, &out);
                      return std::make_pair(s, out.name());
                    },
                    true});
  writes.push_back({kPub + "UpdateBroadcast", "publisher", "",
                    [&] {
                      v1::UpdateBroadcastRequest r;
                      r.mutable_broadcast()->set_name(broadcast);
                      r.mutable_broadcast()->set_topic("Cải cách hành chính");
                      r.mutable_update_mask()->add_paths("topic");
                      v1::Broadcast out;
                      grpc::Status s = Call(&v1::PublicityService::Stub::UpdateBroadcast, r, &out);
                      return std::make_pair(s, broadcast);
                    },
                    false, new_broadcast});
  writes.push_back({kPub + "DeleteBroadcast", "publisher", "",
                    [&] {
                      v1::DeleteBroadcastRequest r;
                      r.set_name(broadcast);
                      google::protobuf::Empty out;
                      grpc::Status s = Call(&v1::PublicityService::Stub::DeleteBroadcast, r, &out);
                      return std::make_pair(s, broadcast);
                    },
                    false, new_broadcast});
  writes.push_back({kPub + "CreateCaseStudy", "publisher", "case-study-1",
                    [&] {
                      v1::CreateCaseStudyRequest r;
                      *r.mutable_case_study() = SampleCaseStudy(tan_lap);
                      r.set_request_id("case-study-1");
                      v1::CaseStudy out;
                      grpc::Status s = Call(&v1::PublicityService::Stub::CreateCaseStudy, r, &out);
                      return std::make_pair(s, out.name());
                    },
                    true});
  writes.push_back({kPub + "UpdateCaseStudy", "publisher", "",
                    [&] {
                      v1::UpdateCaseStudyRequest r;
                      r.mutable_case_study()->set_name(case_study);
                      r.mutable_case_study()->set_featured(true);
                      r.mutable_update_mask()->add_paths("featured");
                      v1::CaseStudy out;
                      grpc::Status s = Call(&v1::PublicityService::Stub::UpdateCaseStudy, r, &out);
                      return std::make_pair(s, case_study);
                    },
                    false, new_case_study});
  writes.push_back({kPub + "DeleteCaseStudy", "publisher", "",
                    [&] {
                      v1::DeleteCaseStudyRequest r;
                      r.set_name(case_study);
                      google::protobuf::Empty out;
                      grpc::Status s = Call(&v1::PublicityService::Stub::DeleteCaseStudy, r, &out);
                      return std::make_pair(s, case_study);
                    },
                    false, new_case_study});
  writes.push_back({kPub + "AddCaseStudyImage", "publisher", "image-1",
                    [&] {
                      v1::AddCaseStudyImageRequest r;
                      r.set_parent(case_study);
                      r.mutable_image()->set_content_type("image/png");
                      r.mutable_image()->set_data(SamplePng());
                      r.set_request_id("image-1");
                      v1::CaseStudyImage out;
                      grpc::Status s =
                          Call(&v1::PublicityService::Stub::AddCaseStudyImage, r, &out);
                      return std::make_pair(s, out.name());
                    },
                    true, new_case_study});
  writes.push_back({kPub + "DeleteCaseStudyImage", "publisher", "",
                    [&] {
                      v1::DeleteCaseStudyImageRequest r;
                      r.set_name(image);
                      google::protobuf::Empty out;
                      grpc::Status s =
                          Call(&v1::PublicityService::Stub::DeleteCaseStudyImage, r, &out);
                      return std::make_pair(s, image);
                    },
                    false, new_image});
  writes.push_back({kPub + "CreateAnnouncement", "publisher", "announcement-1",
                    [&] {
                      v1::CreateAnnouncementRequest r;
                      *r.mutable_announcement() = SampleAnnouncement(tan_lap);
                      r.set_request_id("announcement-1");
                      v1::Announcement out;
                      grpc::Status s =
                          Call(&v1::PublicityService::Stub::CreateAnnouncement, r, &out);
                      return std::make_pair(s, out.name());
                    },
                    true});
  writes.push_back({kPub + "UpdateAnnouncement", "publisher", "",
                    [&] {
                      v1::UpdateAnnouncementRequest r;
                      r.mutable_announcement()->set_name(announcement);
                      r.mutable_announcement()->set_title("Lịch tiếp công dân đã sửa");
                      r.mutable_update_mask()->add_paths("title");
                      v1::Announcement out;
                      grpc::Status s =
                          Call(&v1::PublicityService::Stub::UpdateAnnouncement, r, &out);
                      return std::make_pair(s, announcement);
                    },
                    false, new_announcement});
  writes.push_back({kPub + "DeleteAnnouncement", "publisher", "",
                    [&] {
                      v1::DeleteAnnouncementRequest r;
                      r.set_name(announcement);
                      google::protobuf::Empty out;
                      grpc::Status s =
                          Call(&v1::PublicityService::Stub::DeleteAnnouncement, r, &out);
                      return std::make_pair(s, announcement);
                    },
                    false, new_announcement});
  // A pilot evaluated as achieved, replicated by the publisher: an event for
  // the new case study, then one for the proposal.
  Write replicate{kProp + "ReplicateAsCaseStudy", "publisher", "replicate-1", [&] {
                    v1::ReplicateAsCaseStudyRequest r;
                    r.set_name(proposal);
                    r.set_request_id("replicate-1");
                    v1::CaseStudy out;
                    grpc::Status s =
                        Call(&v1::ProposalService::Stub::ReplicateAsCaseStudy, r, &out);
                    return std::make_pair(s, proposal);
                  }};
  replicate.prepare = [this, &proposal] {
    v1::Proposal p = ProposalIn(v1::PROPOSAL_STATE_PILOT_COMPLETED, "staff Tân Lập");
    UseDemoAccount("approver");
    v1::EvaluateProposalRequest r;
    r.set_name(p.name());
    r.mutable_evaluation()->set_outcome(v1::PILOT_OUTCOME_ACHIEVED);
    r.mutable_evaluation()->set_motives_pure(true);
    ASSERT_TRUE(Call(&v1::ProposalService::Stub::EvaluateProposal, r, &p).ok());
    proposal = p.name();
  };
  replicate.events = 2;
  writes.push_back(replicate);
  // Last: under this policy staff could no longer submit.
  writes.push_back(
      {kProp + "UpdateProposalSettings", "admin", "", [&] {
         v1::UpdateProposalSettingsRequest r;
         r.mutable_settings()->set_submission_policy(v1::SUBMISSION_POLICY_LEADERS_ONLY);
         v1::ProposalSettings out;
         grpc::Status s = Call(&v1::ProposalService::Stub::UpdateProposalSettings, r, &out);
         return std::make_pair(s, std::string("proposalSettings"));
       }});

  // Every write RPC the server serves is among them.
  std::set<std::string> covered;
  for (const Write& w : writes) covered.insert(w.method);
  int write_methods = 0;
  for (const MethodDescriptor* m : ServedMethods(channel())) {
    if (IsRead(*m)) continue;
    ++write_methods;
    EXPECT_TRUE(covered.count(absl::StrCat(m->service()->full_name(), "/", m->name())))
        << m->full_name() << " writes but has no audit case";
  }
  EXPECT_EQ(write_methods, static_cast<int>(covered.size()));

  for (const Write& w : writes) {
    SCOPED_TRACE(w.method);
    w.prepare();
    std::vector<v1::AuditEvent> before = Events();
    ASSERT_THAT(before, Not(IsEmpty()));
    UseDemoAccount(w.caller);
    auto [status, resource] = w.run();
    ASSERT_TRUE(status.ok()) << status.error_message();
    std::vector<v1::AuditEvent> after = Events();
    ASSERT_EQ(after.size(), before.size() + w.events);
    const v1::AuditEvent& e = after.back();
    EXPECT_EQ(e.sequence(), before.back().sequence() + w.events);
    for (size_t i = before.size(); i + 1 < after.size(); ++i) {
      EXPECT_EQ(after[i].actor(), DemoAccountName(w.caller));
      EXPECT_EQ(after[i].request_id(), w.request_id);
      EXPECT_TRUE(absl::StartsWith(after[i].resource(), "caseStudies/")) << after[i].resource();
      EXPECT_EQ(after[i].before_digest(), "");
    }
    EXPECT_EQ(e.actor(), DemoAccountName(w.caller));
    EXPECT_EQ(e.method(), w.method);
    EXPECT_EQ(e.resource(), resource);
    EXPECT_EQ(e.request_id(), w.request_id);
    EXPECT_EQ(e.time().seconds(), absl::ToUnixSeconds(Now()));
    EXPECT_EQ(e.before_digest().empty(), w.creates) << e.before_digest();
    EXPECT_THAT(e.after_digest(), SizeIs(64));
    EXPECT_EQ(e.previous_hash(), after[after.size() - 2].hash());
    EXPECT_THAT(e.hash(), SizeIs(64));
    AdvanceClock(absl::Seconds(1));
  }

  // The filters find exactly the events that match.
  std::vector<v1::AuditEvent> all = Events();
  auto sequences = [](const std::vector<v1::AuditEvent>& events,
                      const std::function<bool(const v1::AuditEvent&)>& keep) {
    std::vector<int64_t> out;
    for (const auto& e : events) {
      if (keep(e)) out.push_back(e.sequence());
    }
    return out;
  };
  auto any = [](const v1::AuditEvent&) { return true; };
  std::vector<int64_t> by_staff = sequences(Events(absl::StrCat("actor = \"", staff, "\"")), any);
  EXPECT_THAT(by_staff, Not(IsEmpty()));
  EXPECT_EQ(by_staff, sequences(all, [&](const auto& e) { return e.actor() == staff; }));
  const std::string deletes = "sangkien.v1.PlanService/DeletePlan";
  EXPECT_THAT(Events(absl::StrCat("method = \"", deletes, "\"")), SizeIs(1));
  EXPECT_THAT(Events(absl::StrCat("resource = \"", plan.name(), "\"")), SizeIs(3));

  all = Events();
  v1::VerifyAuditChainResponse check = Verify();
  EXPECT_TRUE(check.intact()) << check.problem();
  EXPECT_EQ(check.events_checked(), static_cast<int64_t>(all.size()));
  EXPECT_EQ(check.first_broken_sequence(), 0);
  EXPECT_EQ(check.problem(), "");
  EXPECT_EQ(check.head_hash(), all.back().hash());
}

TEST_F(AuditTest, RefusedAndRepeatedWritesLeaveNoEvent) {
  std::string tan_lap = UnitNamed("UBND xã Tân Lập");
  v1::Plan plan = NewPlan("Kế hoạch cải cách hành chính năm 2027");
  v1::CreatePlanRequest create;
  create.mutable_plan()->set_title("Kế hoạch chuyển đổi số năm 2027");
  create.set_request_id("plan-1");
  v1::Plan created;
  ASSERT_TRUE(Call(&v1::PlanService::Stub::CreatePlan, create, &created).ok());
  v1::CreateTokenResponse token;
  v1::CreateTokenRequest token_request;
  token_request.set_parent(DemoAccountName("staff Hòa Bình"));
  ASSERT_TRUE(Call(&v1::AccountService::Stub::CreateToken, token_request, &token).ok());
  v1::RevokeTokenRequest revoke;
  revoke.set_name(token.token().name());
  v1::Token revoked;
  ASSERT_TRUE(Call(&v1::AccountService::Stub::RevokeToken, revoke, &revoked).ok());

  v1::Proposal draft = ProposalIn(v1::PROPOSAL_STATE_DRAFT, "staff Tân Lập");
  v1::SubmitProposalRequest submit;
  submit.set_name(draft.name());
  v1::StartPilotRequest pilot;
  pilot.set_name(draft.name());
  v1::Proposal proposal_out;

  const size_t before = Events().size();
  v1::Plan plan_out;
  v1::ProgressReport report_out;
  v1::Account account_out;
  v1::ImportPlanResponse import_out;
  v1::Token token_out;

  UsePublic();
  EXPECT_EQ(Call(&v1::PlanService::Stub::CreatePlan, create, &plan_out).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  UseDemoAccount("staff Tân Lập");
  EXPECT_EQ(Call(&v1::PlanService::Stub::CreatePlan, create, &plan_out).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_TRUE(IsApiError(Call(&v1::PlanService::Stub::CreateProgressReport,
                              ReportRequest(UnitNamed("UBND xã Hòa Bình")), &report_out),
                         grpc::StatusCode::PERMISSION_DENIED, "OTHER_UNIT"));
  v1::RevokeTokenRequest others;
  others.set_name(DemoAccountName("staff Hòa Bình") + "/tokens/1");
  EXPECT_EQ(Call(&v1::AccountService::Stub::RevokeToken, others, &token_out).error_code(),
            grpc::StatusCode::NOT_FOUND);

  UseDemoAccount("staff Hòa Bình");
  EXPECT_EQ(Call(&v1::ProposalService::Stub::SubmitProposal, submit, &proposal_out).error_code(),
            grpc::StatusCode::NOT_FOUND);

  UseDemoAccount("coordinator");
  EXPECT_TRUE(IsApiError(Call(&v1::ProposalService::Stub::SubmitProposal, submit, &proposal_out),
                         grpc::StatusCode::PERMISSION_DENIED, "NOT_PROPOSER"));
  EXPECT_TRUE(IsApiError(Call(&v1::ProposalService::Stub::StartPilot, pilot, &proposal_out),
                         grpc::StatusCode::FAILED_PRECONDITION, "INVALID_TRANSITION"));
  v1::CreatePlanRequest untitled;
  untitled.mutable_plan()->set_symbol("99/KH-UBND");
  EXPECT_EQ(Call(&v1::PlanService::Stub::CreatePlan, untitled, &plan_out).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
  v1::UpdatePlanRequest stale;
  stale.mutable_plan()->set_name(plan.name());
  stale.mutable_plan()->set_etag("\"999\"");
  stale.mutable_plan()->set_title("Tiêu đề khác");
  stale.mutable_update_mask()->add_paths("title");
  EXPECT_EQ(Call(&v1::PlanService::Stub::UpdatePlan, stale, &plan_out).error_code(),
            grpc::StatusCode::ABORTED);
  EXPECT_EQ(
      Call(&v1::PlanService::Stub::CreateProgressReport, ReportRequest("units/987654"), &report_out)
          .error_code(),
      grpc::StatusCode::NOT_FOUND);
  // A retry of a create by the same caller returns the first result and
  // writes nothing.
  UseDemoAccount("admin");
  ASSERT_TRUE(Call(&v1::PlanService::Stub::CreatePlan, create, &plan_out).ok());
  EXPECT_EQ(plan_out.name(), created.name());
  // Parsing without storing is not a write.
  v1::ImportPlanRequest validate;
  validate.set_text(kSmallPlan);
  validate.set_validate_only(true);
  ASSERT_TRUE(Call(&v1::PlanService::Stub::ImportPlan, validate, &import_out).ok());

  UseDemoAccount("admin");
  v1::CreateAccountRequest no_roles;
  no_roles.mutable_account()->set_display_name("Ngô Thị Thử");
  EXPECT_EQ(Call(&v1::AccountService::Stub::CreateAccount, no_roles, &account_out).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
  // Revoking a revoked token changes nothing.
  ASSERT_TRUE(Call(&v1::AccountService::Stub::RevokeToken, revoke, &token_out).ok());

  EXPECT_EQ(Events().size(), before);
  EXPECT_TRUE(Verify().intact());
}

// Tampering with the trail on disk, one way per test, each on its own fresh
// server.
class AuditTamperTest : public AuditTest {
 protected:
  void SetUp() override {
    AuditTest::SetUp();
    if (HasFatalFailure()) return;
    events_ = Events();
    ASSERT_GE(events_.size(), 20u);
    v1::VerifyAuditChainResponse check = Verify();
    ASSERT_TRUE(check.intact()) << check.problem();
    ASSERT_EQ(check.events_checked(), static_cast<int64_t>(events_.size()));
    middle_ = events_[events_.size() / 2].sequence();
    last_ = events_.back().sequence();
  }
  std::vector<v1::AuditEvent> events_;
  int64_t middle_ = 0, last_ = 0;
};

TEST_F(AuditTamperTest, AChangedRowBreaksTheChainThere) {
  Tamper(absl::StrCat("UPDATE audit_events SET actor = 'accounts/1' WHERE sequence = ", middle_));
  v1::VerifyAuditChainResponse check = Verify();
  EXPECT_FALSE(check.intact());
  EXPECT_EQ(check.first_broken_sequence(), middle_);
  EXPECT_FALSE(check.problem().empty());
}

TEST_F(AuditTamperTest, AChangedRowWithItsHashRecomputedBreaksTheNextLink) {
  // Rewrite the event and its own hash consistently: the next event no
  // longer links to it.
  SQLite::Database db(database_path(), SQLite::OPEN_READWRITE);
  db.setBusyTimeout(5000);
  SQLite::Statement q(db,
                      "SELECT sequence, time, actor, method, resource, request_id, "
                      "before_digest, after_digest, previous_hash, hash FROM audit_events "
                      "WHERE sequence = ?");
  q.bind(1, static_cast<int64_t>(middle_));
  ASSERT_TRUE(q.executeStep());
  storage::AuditEvent e;
  e.id = q.getColumn(0).getInt64();
  e.time = absl::FromUnixMicros(q.getColumn(1).getInt64());
  e.actor = q.getColumn(2).getString();
  e.method = q.getColumn(3).getString();
  e.resource = q.getColumn(4).getString();
  e.request_id = q.getColumn(5).getString();
  e.before_digest = q.getColumn(6).getString();
  e.after_digest = q.getColumn(7).getString();
  e.previous_hash = q.getColumn(8).getString();
  e.hash = q.getColumn(9).getString();
  ASSERT_EQ(storage::AuditLog::EventHash(e), e.hash);
  e.actor = "accounts/1";
  SQLite::Statement update(db, "UPDATE audit_events SET actor = ?, hash = ? WHERE sequence = ?");
  update.bind(1, e.actor);
  update.bind(2, storage::AuditLog::EventHash(e));
  update.bind(3, static_cast<int64_t>(middle_));
  ASSERT_EQ(update.exec(), 1);

  v1::VerifyAuditChainResponse check = Verify();
  EXPECT_FALSE(check.intact());
  EXPECT_EQ(check.first_broken_sequence(), middle_ + 1);
}

TEST_F(AuditTamperTest, ADeletedMiddleRowIsMissed) {
  Tamper(absl::StrCat("DELETE FROM audit_events WHERE sequence = ", middle_));
  v1::VerifyAuditChainResponse check = Verify();
  EXPECT_FALSE(check.intact());
  EXPECT_EQ(check.first_broken_sequence(), middle_);
  EXPECT_FALSE(check.problem().empty());
}

TEST_F(AuditTamperTest, ADeletedLastRowIsMissed) {
  Tamper(absl::StrCat("DELETE FROM audit_events WHERE sequence = ", last_));
  v1::VerifyAuditChainResponse check = Verify();
  EXPECT_FALSE(check.intact());
  EXPECT_EQ(check.first_broken_sequence(), last_);
  EXPECT_FALSE(check.problem().empty());
  // The events that remain are listed as they were.
  std::vector<v1::AuditEvent> remaining = Events();
  ASSERT_EQ(remaining.size(), events_.size() - 1);
  EXPECT_EQ(remaining.back().hash(), events_[events_.size() - 2].hash());
}

}  // namespace
}  // namespace sangkien::api_test
