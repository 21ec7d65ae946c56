#include "test_server.h"

#include <stdlib.h>

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

void ApiTest::UseDemoAccount(const std::string& label) { token_ = DemoSecret(label); }

const std::string& ApiTest::DemoSecret(const std::string& label) {
  auto it = demo_secrets_.find(label);
  EXPECT_NE(it, demo_secrets_.end()) << "no demo account " << label;
  static const std::string kNone;
  return it == demo_secrets_.end() ? kNone : it->second;
}

void ApiTest::Prepare(grpc::ClientContext& context) const {
  context.set_deadline(CallDeadline());
  if (!token_.empty()) context.AddMetadata("authorization", "Bearer " + token_);
}

void ApiTest::StartServer() {
  api::ServerOptions options;
  options.listen_address = "127.0.0.1:0";
  options.database_path = (dir_ / "sangkien.db").string();
  options.seed_demo = true;
  options.log_calls = false;
  options.clock = [] { return FixedNow(); };
  auto started = api::Server::Start(std::move(options));
  ASSERT_TRUE(started.ok()) << started.status();
  server_ = std::move(*started);
  ASSERT_GT(server_->port(), 0);
  for (const auto& t : server_->demo_tokens()) demo_secrets_[t.label] = t.secret;
  target_ = absl::StrCat("127.0.0.1:", server_->port());
  channel_ = grpc::CreateChannel(target_, grpc::InsecureChannelCredentials());
  plans_ = v1::PlanService::NewStub(channel_);
  directory_ = v1::DirectoryService::NewStub(channel_);
}

void ApiTest::RestartServer() {
  plans_.reset();
  directory_.reset();
  channel_.reset();
  server_->Shutdown(absl::Seconds(5));
  server_->Wait();
  server_.reset();
  StartServer();
}

void ApiTest::TearDown() {
  plans_.reset();
  directory_.reset();
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
