#include "test_server.h"

#include <grpcpp/generic/generic_stub.h>
#include <stdlib.h>

#include <algorithm>
#include <future>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace sangkien::api_test {
namespace {

std::filesystem::path MakeTempDir() {
  std::string pattern =
      (std::filesystem::temp_directory_path() / "sangkien-api-test-XXXXXX").string();
  char* made = mkdtemp(pattern.data());
  EXPECT_NE(made, nullptr) << "mkdtemp " << pattern;
  return made == nullptr ? std::filesystem::path() : std::filesystem::path(made);
}

}  // namespace

grpc::Status ApiTest::CallEmpty(const std::string& path) {
  grpc::GenericStub stub(channel());
  grpc::ClientContext context;
  Prepare(context);
  // An empty message (a HealthCheckRequest for the whole server): a buffer
  // with one empty slice, since a default one is no message at all.
  grpc::Slice empty(std::string{});
  grpc::ByteBuffer request(&empty, 1), response;
  std::promise<grpc::Status> done;
  stub.UnaryCall(&context, path, grpc::StubOptions(), &request, &response,
                 [&done](grpc::Status s) { done.set_value(std::move(s)); });
  return done.get_future().get();
}

absl::Time FixedNow() {
  return absl::FromCivil(absl::CivilSecond(2026, 11, 27, 9, 0, 0), absl::FixedTimeZone(7 * 3600));
}

std::chrono::system_clock::time_point CallDeadline() {
  return std::chrono::system_clock::now() + kCallTimeout;
}

google::type::Date MakeDate(int year, int month, int day) {
  google::type::Date date;
  date.set_year(year);
  date.set_month(month);
  date.set_day(day);
  return date;
}

std::string IsoDate(const google::type::Date& date) {
  if (date.year() == 0 && date.month() == 0 && date.day() == 0) return "";
  return absl::StrFormat("%04d-%02d-%02d", date.year(), date.month(), date.day());
}

void ApiTest::SetUp() {
  dir_ = MakeTempDir();
  ASSERT_FALSE(dir_.empty());
  StartServer();
  UseDemoAccount("admin");
}

void ApiTest::UseDemoAccount(const std::string& label) { UseToken(DemoSecret(label)); }

const std::string& ApiTest::DemoSecret(const std::string& label) {
  auto it = demo_secrets_.find(label);
  EXPECT_NE(it, demo_secrets_.end()) << "no demo account " << label;
  static const std::string kNone;
  return it == demo_secrets_.end() ? kNone : it->second;
}

const std::string& ApiTest::DemoAccountName(const std::string& label) {
  auto it = demo_accounts_.find(label);
  EXPECT_NE(it, demo_accounts_.end()) << "no demo account " << label;
  static const std::string kNone;
  return it == demo_accounts_.end() ? kNone : it->second;
}

void ApiTest::Prepare(grpc::ClientContext& context) const {
  context.set_deadline(CallDeadline());
  if (!authorization_.empty()) context.AddMetadata("authorization", authorization_);
}

absl::Time ApiTest::Now() const { return FixedNow() + absl::Microseconds(clock_offset_us_.load()); }

void ApiTest::AdvanceClock(absl::Duration by) { clock_offset_us_ += absl::ToInt64Microseconds(by); }

grpc::Status ApiTest::CallMethod(const google::protobuf::MethodDescriptor& method,
                                 const google::protobuf::Message& request,
                                 google::protobuf::Message* response) {
  if (request.GetDescriptor() != method.input_type() ||
      response->GetDescriptor() != method.output_type()) {
    ADD_FAILURE() << method.full_name() << " takes " << method.input_type()->full_name()
                  << " and returns " << method.output_type()->full_name() << ", not "
                  << request.GetDescriptor()->full_name() << " and "
                  << response->GetDescriptor()->full_name();
    return grpc::Status(grpc::StatusCode::INTERNAL, "wrong message types");
  }
  std::string bytes;
  request.SerializeToString(&bytes);
  grpc::Slice slice(bytes);
  grpc::ByteBuffer request_buffer(&slice, 1), response_buffer;
  grpc::GenericStub stub(channel_);
  grpc::ClientContext context;
  Prepare(context);
  std::promise<grpc::Status> done;
  stub.UnaryCall(&context, absl::StrCat("/", method.service()->full_name(), "/", method.name()),
                 grpc::StubOptions(), &request_buffer, &response_buffer,
                 [&done](grpc::Status s) { done.set_value(std::move(s)); });
  grpc::Status status = done.get_future().get();
  if (!status.ok()) return status;
  std::vector<grpc::Slice> slices;
  std::string out;
  if (response_buffer.Dump(&slices).ok()) {
    for (const grpc::Slice& s : slices) {
      out.append(reinterpret_cast<const char*>(s.begin()), s.size());
    }
  }
  if (!response->ParseFromString(out)) {
    return grpc::Status(grpc::StatusCode::DATA_LOSS, "undecodable " + method.full_name());
  }
  return status;
}

void ApiTest::StartServer() {
  app::ServerOptions options;
  options.listen_address = "127.0.0.1:0";
  options.database_path = (dir_ / "sangkien.db").string();
  options.seed_demo = true;
  options.log_calls = false;
  options.clock = [this] { return Now(); };
  // Quick heartbeats and a short patience, so streaming tests run fast.
  options.watch.poll_interval = absl::Milliseconds(20);
  options.watch.heartbeat_interval = absl::Milliseconds(500);
  options.watch.slow_consumer_timeout = absl::Seconds(2);
  AdjustOptions(options);
  auto started = app::Server::Start(std::move(options));
  ASSERT_TRUE(started.ok()) << started.status();
  server_ = std::move(*started);
  ASSERT_GT(server_->port(), 0);
  for (const auto& t : server_->demo_tokens()) {
    demo_secrets_[t.label] = t.secret;
    demo_accounts_[t.label] = t.account;
  }
  target_ = absl::StrCat("127.0.0.1:", server_->port());
  channel_ = grpc::CreateChannel(target_, grpc::InsecureChannelCredentials());
  plans_ = v1::PlanService::NewStub(channel_);
  directory_ = v1::DirectoryService::NewStub(channel_);
  accounts_ = v1::AccountService::NewStub(channel_);
  audit_ = v1::AuditService::NewStub(channel_);
  proposals_ = v1::ProposalService::NewStub(channel_);
  search_ = v1::SearchService::NewStub(channel_);
  sync_ = v1::SyncService::NewStub(channel_);
  publicity_ = v1::PublicityService::NewStub(channel_);
}

void ApiTest::RestartServer() {
  plans_.reset();
  directory_.reset();
  accounts_.reset();
  audit_.reset();
  proposals_.reset();
  publicity_.reset();
  channel_.reset();
  server_->Shutdown(absl::Seconds(5));
  server_->Wait();
  server_.reset();
  StartServer();
}

void ApiTest::TearDown() {
  plans_.reset();
  directory_.reset();
  accounts_.reset();
  audit_.reset();
  proposals_.reset();
  publicity_.reset();
  channel_.reset();
  if (server_) {
    server_->Shutdown(absl::Seconds(5));
    server_->Wait();
    server_.reset();
  }
  if (!dir_.empty()) {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
    EXPECT_FALSE(ec) << "removing " << dir_ << ": " << ec.message();
  }
}

std::vector<v1::Unit> ApiTest::AllUnits(const std::string& filter, const std::string& order_by) {
  std::vector<v1::Unit> units;
  v1::ListUnitsRequest request;
  request.set_page_size(500);
  request.set_filter(filter);
  request.set_order_by(order_by);
  for (int pages = 0; pages < 100; ++pages) {
    v1::ListUnitsResponse response;
    grpc::Status status = Call(&v1::DirectoryService::Stub::ListUnits, request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    if (!status.ok()) break;
    units.insert(units.end(), response.units().begin(), response.units().end());
    if (response.next_page_token().empty()) break;
    request.set_page_token(response.next_page_token());
  }
  return units;
}

std::string ApiTest::UnitNamed(const std::string& display_name) {
  for (const v1::Unit& unit : AllUnits()) {
    if (unit.display_name() == display_name) return unit.name();
  }
  ADD_FAILURE() << "no unit named " << display_name;
  return "units/999999";
}

std::string ApiTest::GroupNamed(const std::string& display_name) {
  v1::ListUnitGroupsRequest request;
  request.set_page_size(500);
  v1::ListUnitGroupsResponse response;
  grpc::Status status = Call(&v1::DirectoryService::Stub::ListUnitGroups, request, &response);
  EXPECT_TRUE(status.ok()) << status.error_message();
  for (const v1::UnitGroup& group : response.unit_groups()) {
    if (group.display_name() == display_name) return group.name();
  }
  ADD_FAILURE() << "no unit group named " << display_name;
  return "unitGroups/999999";
}

std::vector<v1::Plan> ApiTest::AllPlans() {
  std::vector<v1::Plan> plans;
  v1::ListPlansRequest request;
  request.set_page_size(500);
  for (int pages = 0; pages < 100; ++pages) {
    v1::ListPlansResponse response;
    grpc::Status status = Call(&v1::PlanService::Stub::ListPlans, request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    if (!status.ok()) break;
    plans.insert(plans.end(), response.plans().begin(), response.plans().end());
    if (response.next_page_token().empty()) break;
    request.set_page_token(response.next_page_token());
  }
  return plans;
}

v1::Plan ApiTest::CreatePlanWithOneTask(const std::string& title, v1::PlanState state) {
  v1::CreatePlanRequest request;
  request.mutable_plan()->set_title(title);
  request.mutable_plan()->set_state(state);
  v1::Task* task = request.add_tasks();
  task->set_number("1");
  task->set_title(absl::StrCat("Nhiệm vụ của ", title));
  task->add_lead_units()->set_name(UnitNamed("Phòng Nội vụ"));
  task->mutable_timeframe()->set_original_text("Quý II/2027");
  v1::Plan plan;
  grpc::Status status = Call(&v1::PlanService::Stub::CreatePlan, request, &plan);
  EXPECT_TRUE(status.ok()) << status.error_message();
  return plan;
}

std::string ApiTest::SeedPlan() {
  for (const v1::Plan& plan : AllPlans()) {
    if (plan.title().find("36-CTr/HU") != std::string::npos) return plan.name();
  }
  ADD_FAILURE() << "the seed plan is not listed";
  return "plans/999999";
}

std::vector<v1::Task> ApiTest::AllTasks(const std::string& parent, const std::string& filter,
                                        const std::string& order_by, int page_size) {
  std::vector<v1::Task> tasks;
  v1::ListTasksRequest request;
  request.set_parent(parent);
  request.set_filter(filter);
  request.set_order_by(order_by);
  request.set_page_size(page_size);
  for (int pages = 0; pages < 1000; ++pages) {
    v1::ListTasksResponse response;
    grpc::Status status = Call(&v1::PlanService::Stub::ListTasks, request, &response);
    EXPECT_TRUE(status.ok()) << parent << " [" << filter << "]: " << status.error_message();
    if (!status.ok()) break;
    tasks.insert(tasks.end(), response.tasks().begin(), response.tasks().end());
    if (response.next_page_token().empty()) break;
    request.set_page_token(response.next_page_token());
  }
  return tasks;
}

v1::Task ApiTest::SeedTask(const std::string& number, int index) {
  int seen = 0;
  for (const v1::Task& task : SeedTasks()) {
    if (task.number() == number && seen++ == index) return task;
  }
  ADD_FAILURE() << "the seed plan has no task " << number << " #" << index;
  return v1::Task();
}

std::vector<v1::Assignment> ApiTest::AllAssignments(const std::string& parent,
                                                    const std::string& filter,
                                                    const std::string& order_by) {
  std::vector<v1::Assignment> assignments;
  v1::ListAssignmentsRequest request;
  request.set_parent(parent);
  request.set_filter(filter);
  request.set_order_by(order_by);
  request.set_page_size(500);
  for (int pages = 0; pages < 1000; ++pages) {
    v1::ListAssignmentsResponse response;
    grpc::Status status = Call(&v1::PlanService::Stub::ListAssignments, request, &response);
    EXPECT_TRUE(status.ok()) << parent << " [" << filter << "]: " << status.error_message();
    if (!status.ok()) break;
    assignments.insert(assignments.end(), response.assignments().begin(),
                       response.assignments().end());
    if (response.next_page_token().empty()) break;
    request.set_page_token(response.next_page_token());
  }
  return assignments;
}

std::vector<v1::ProgressReport> ApiTest::AllReports(const std::string& task) {
  std::vector<v1::ProgressReport> reports;
  v1::ListProgressReportsRequest request;
  request.set_parent(task);
  request.set_page_size(500);
  for (int pages = 0; pages < 1000; ++pages) {
    v1::ListProgressReportsResponse response;
    grpc::Status status = Call(&v1::PlanService::Stub::ListProgressReports, request, &response);
    EXPECT_TRUE(status.ok()) << task << ": " << status.error_message();
    if (!status.ok()) break;
    reports.insert(reports.end(), response.progress_reports().begin(),
                   response.progress_reports().end());
    if (response.next_page_token().empty()) break;
    request.set_page_token(response.next_page_token());
  }
  return reports;
}

v1::Proposal ApiTest::ProposalIn(v1::ProposalState state, const std::string& proposer) {
  const std::string caller = authorization_;
  v1::Proposal p;
  auto step = [&](const std::string& who, auto rpc, auto request) {
    UseDemoAccount(who);
    request.set_name(p.name());
    grpc::Status status = Call(rpc, request, &p);
    EXPECT_TRUE(status.ok()) << request.GetDescriptor()->name() << ": " << status.error_message();
  };
  UseDemoAccount(proposer);
  v1::CreateProposalRequest create;
  create.mutable_proposal()->set_title("Rút ngắn thời gian chứng thực bản sao");
  v1::ProposalContents& c = *create.mutable_proposal()->mutable_contents();
  c.set_bottleneck("Hồ sơ chứng thực phải chờ 2 ngày vì chỉ có một người ký.");
  c.set_necessity("Người dân phản ánh nhiều lần tại các kỳ tiếp xúc cử tri.");
  c.set_solutions("Ủy quyền ký chứng thực cho Phó Chủ tịch trực bộ phận một cửa.");
  c.set_scope("Bộ phận một cửa của xã.");
  c.set_implementers("Văn phòng UBND xã, công chức Tư pháp - Hộ tịch.");
  *c.mutable_pilot_period()->mutable_start_date() = MakeDate(2026, 12, 1);
  *c.mutable_pilot_period()->mutable_end_date() = MakeDate(2027, 2, 26);
  c.set_resources("Không phát sinh kinh phí.");
  c.set_feasibility("Đúng thẩm quyền theo quy định về chứng thực.");
  c.set_positive_impact("Trả kết quả trong ngày.");
  c.set_negative_impact("Tăng khối lượng ký của Phó Chủ tịch.");
  c.set_expected_results("95% hồ sơ chứng thực trả trong ngày.");
  *c.mutable_evaluation_date() = MakeDate(2026, 12, 15);
  grpc::Status status = Call(&v1::ProposalService::Stub::CreateProposal, create, &p);
  EXPECT_TRUE(status.ok()) << status.error_message();

  // The states in workflow order, each with the step that reaches it.
  const std::vector<v1::ProposalState> order = {
      v1::PROPOSAL_STATE_DRAFT,    v1::PROPOSAL_STATE_SUBMITTED, v1::PROPOSAL_STATE_UNDER_APPRAISAL,
      v1::PROPOSAL_STATE_APPROVED, v1::PROPOSAL_STATE_PILOTING,  v1::PROPOSAL_STATE_PILOT_COMPLETED,
      v1::PROPOSAL_STATE_EVALUATED};
  auto at_least = [&](v1::ProposalState s) {
    return std::find(order.begin(), order.end(), state) >= std::find(order.begin(), order.end(), s);
  };
  EXPECT_NE(std::find(order.begin(), order.end(), state), order.end())
      << "no path to " << v1::ProposalState_Name(state);
  if (at_least(v1::PROPOSAL_STATE_SUBMITTED)) {
    step(proposer, &v1::ProposalService::Stub::SubmitProposal, v1::SubmitProposalRequest());
  }
  if (at_least(v1::PROPOSAL_STATE_UNDER_APPRAISAL)) {
    step("coordinator", &v1::ProposalService::Stub::StartAppraisal, v1::StartAppraisalRequest());
    v1::RecordAppraisalRequest appraisal;
    appraisal.mutable_appraisal()->set_notes("Đề xuất khả thi, đúng thẩm quyền.");
    appraisal.mutable_appraisal()->set_recommendation(v1::APPRAISAL_RECOMMENDATION_APPROVE);
    step("coordinator", &v1::ProposalService::Stub::RecordAppraisal, appraisal);
  }
  if (at_least(v1::PROPOSAL_STATE_APPROVED)) {
    v1::RecordDecisionRequest decision;
    v1::LeadershipDecision& d = *decision.mutable_decision();
    d.set_head("Chủ tịch");
    for (const char* member : {"Chủ tịch", "Phó Chủ tịch", "Ủy viên"}) {
      d.add_members_present(member);
      v1::Ballot* ballot = d.add_ballots();
      ballot->set_member(member);
      ballot->set_choice(v1::VOTE_CHOICE_FOR);
    }
    d.set_document_symbol("101/QĐ-UBND");
    *d.mutable_document_date() = MakeDate(2026, 11, 27);
    step("approver", &v1::ProposalService::Stub::RecordDecision, decision);
  }
  if (at_least(v1::PROPOSAL_STATE_PILOTING)) {
    step(proposer, &v1::ProposalService::Stub::StartPilot, v1::StartPilotRequest());
  }
  if (at_least(v1::PROPOSAL_STATE_PILOT_COMPLETED)) {
    v1::CompletePilotRequest complete;
    complete.mutable_report()->set_text("Báo cáo kết quả thí điểm.");
    step(proposer, &v1::ProposalService::Stub::CompletePilot, complete);
  }
  if (at_least(v1::PROPOSAL_STATE_EVALUATED)) {
    v1::EvaluateProposalRequest evaluate;
    evaluate.mutable_evaluation()->set_outcome(v1::PILOT_OUTCOME_PARTIAL);
    evaluate.mutable_evaluation()->set_objective_causes("Giá vật tư tăng.");
    evaluate.mutable_evaluation()->set_subjective_causes("Phối hợp chưa chặt chẽ.");
    evaluate.mutable_evaluation()->set_motives_pure(true);
    step("approver", &v1::ProposalService::Stub::EvaluateProposal, evaluate);
  }
  EXPECT_EQ(p.state(), state) << v1::ProposalState_Name(p.state());
  authorization_ = caller;
  return p;
}

std::vector<std::string> Numbers(const std::vector<v1::Task>& tasks) {
  std::vector<std::string> out;
  for (const auto& t : tasks) out.push_back(t.number());
  return out;
}

std::vector<std::string> TaskNumbers(const std::vector<v1::Assignment>& assignments) {
  std::vector<std::string> out;
  for (const auto& a : assignments) out.push_back(a.task_number());
  return out;
}

}  // namespace sangkien::api_test
