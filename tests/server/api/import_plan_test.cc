// ImportPlan: validate-only parsing of the seed text, refusal of what is not
// a plan, and idempotent storing.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "rpc_errors.h"
#include "test_server.h"

namespace sangkien::api_test {
namespace {

using ::testing::Contains;
using ::testing::ElementsAreArray;
using ::testing::IsEmpty;
using ::testing::IsSupersetOf;
using ::testing::SizeIs;

std::string SeedText() {
  std::ifstream in(SANGKIEN_SOURCE_DIR "/server/seed/data/ke-hoach-36-ctr-hu.txt",
                   std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_FALSE(text.str().empty());
  return text.str();
}

std::set<std::string> Codes(const v1::ImportPlanResponse& response) {
  std::set<std::string> codes;
  for (const auto& w : response.warnings()) codes.insert(w.code());
  return codes;
}

// A short plan naming one office the demo directory lacks.
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

const std::vector<std::string> kSeedOrder = {"1.1", "1.2", "2.1", "4.1", "4.2", "4.3",
                                             "4.4", "4.6", "4.5", "4.6", "4.7"};

TEST_F(ApiTest, ImportValidateOnlyParsesTheSeedAndWritesNothing) {
  v1::ImportPlanRequest request;
  request.set_text(SeedText());
  request.set_validate_only(true);
  v1::ImportPlanResponse response;
  grpc::Status status = Call(&v1::PlanService::Stub::ImportPlan, request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_THAT(response.tasks(), SizeIs(11));
  std::vector<v1::Task> tasks(response.tasks().begin(), response.tasks().end());
  EXPECT_THAT(Numbers(tasks), ElementsAreArray(kSeedOrder));
  for (const auto& t : tasks) EXPECT_EQ(t.name(), "") << t.number();
  EXPECT_EQ(response.plan().name(), "");
  EXPECT_EQ(response.plan().task_count(), 11);
  EXPECT_THAT(Codes(response),
              IsSupersetOf({"DUPLICATE_NUMBER", "NUMBER_OUT_OF_ORDER", "INCONSISTENT_REFERENCE"}));
  for (const auto& w : response.warnings()) {
    EXPECT_FALSE(w.message().empty()) << w.code();
    EXPECT_FALSE(w.message_vi().empty()) << w.code();
    if (w.code() == "DUPLICATE_NUMBER") {
      EXPECT_EQ(w.item(), "4.6");
      EXPECT_GT(w.line(), 0);
    }
  }
  EXPECT_THAT(response.created_units(), IsEmpty());
  EXPECT_THAT(AllPlans(), SizeIs(1));
  EXPECT_THAT(AllUnits(), SizeIs(14));
}

TEST_F(ApiTest, ImportOfTextThatIsNotAPlanIsRefused) {
  for (const char* text : {"xin chào, đây không phải kế hoạch", "lorem ipsum\n\n42\n", ""}) {
    SCOPED_TRACE(text);
    v1::ImportPlanRequest request;
    request.set_text(text);
    request.set_validate_only(true);
    v1::ImportPlanResponse response;
    EXPECT_TRUE(IsApiError(Call(&v1::PlanService::Stub::ImportPlan, request, &response),
                           grpc::StatusCode::INVALID_ARGUMENT, "IMPORT_NOT_A_PLAN"));
  }
  EXPECT_THAT(AllPlans(), SizeIs(1));
}

TEST_F(ApiTest, ImportOfTooLargeTextIsRefused) {
  v1::ImportPlanRequest request;
  request.set_text(SeedText() + std::string(2 * 1024 * 1024, 'a'));
  v1::ImportPlanResponse response;
  EXPECT_TRUE(IsApiError(Call(&v1::PlanService::Stub::ImportPlan, request, &response),
                         grpc::StatusCode::INVALID_ARGUMENT, "IMPORT_TOO_LARGE"));
  EXPECT_THAT(AllPlans(), SizeIs(1));
}

TEST_F(ApiTest, ImportStoredTwiceWithSameRequestIdMakesOnePlan) {
  v1::ImportPlanRequest request;
  request.set_text(SeedText());
  request.set_request_id("import-36-ctr-hu");
  v1::ImportPlanResponse first, second;
  grpc::Status status = Call(&v1::PlanService::Stub::ImportPlan, request, &first);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_TRUE(Call(&v1::PlanService::Stub::ImportPlan, request, &second).ok());
  EXPECT_THAT(first.plan().name(), ::testing::MatchesRegex("plans/[0-9]+"));
  EXPECT_EQ(first.plan().name(), second.plan().name());
  EXPECT_EQ(first.plan().state(), v1::PLAN_STATE_DRAFT);
  EXPECT_THAT(first.tasks(), SizeIs(11));
  EXPECT_THAT(second.tasks(), SizeIs(11));
  ASSERT_EQ(first.warnings_size(), second.warnings_size());
  for (int i = 0; i < first.warnings_size(); ++i) {
    EXPECT_EQ(first.warnings(i).SerializeAsString(), second.warnings(i).SerializeAsString());
  }
  EXPECT_THAT(Codes(first),
              IsSupersetOf({"DUPLICATE_NUMBER", "NUMBER_OUT_OF_ORDER", "INCONSISTENT_REFERENCE"}));
  EXPECT_THAT(AllPlans(), SizeIs(2));
  EXPECT_THAT(AllTasks(first.plan().name()), SizeIs(11));
  EXPECT_THAT(AllTasks("plans/-"), SizeIs(22));

  request.set_publish(true);  // a different request under the same id
  v1::ImportPlanResponse third;
  EXPECT_TRUE(IsApiError(Call(&v1::PlanService::Stub::ImportPlan, request, &third),
                         grpc::StatusCode::ALREADY_EXISTS, "REQUEST_ID_REUSED"));
  EXPECT_THAT(AllPlans(), SizeIs(2));
}

TEST_F(ApiTest, ImportCreatesMissingUnitsOnlyWhenStoring) {
  v1::ImportPlanRequest request;
  request.set_text(kSmallPlan);
  request.set_validate_only(true);
  v1::ImportPlanResponse checked;
  grpc::Status status = Call(&v1::PlanService::Stub::ImportPlan, request, &checked);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_THAT(checked.tasks(), SizeIs(1));
  EXPECT_THAT(Codes(checked), Contains("UNKNOWN_UNIT"));
  EXPECT_THAT(checked.created_units(), IsEmpty());
  EXPECT_THAT(AllUnits(), SizeIs(14));

  // Without create_missing_units the unknown office is left out.
  request.set_validate_only(false);
  request.set_create_missing_units(false);
  v1::ImportPlanResponse kept;
  ASSERT_TRUE(Call(&v1::PlanService::Stub::ImportPlan, request, &kept).ok());
  EXPECT_THAT(kept.created_units(), IsEmpty());
  EXPECT_THAT(Codes(kept), Contains("UNKNOWN_UNIT"));
  EXPECT_THAT(AllUnits(), SizeIs(14));
  ASSERT_THAT(kept.tasks(), SizeIs(1));
  EXPECT_THAT(kept.tasks(0).lead_units(), IsEmpty());
  EXPECT_THAT(AllAssignments(kept.tasks(0).name(), "role = LEAD"), IsEmpty());
  EXPECT_THAT(AllAssignments(kept.tasks(0).name()), SizeIs(5));

  request.clear_create_missing_units();  // default: create them
  request.set_publish(true);
  v1::ImportPlanResponse stored;
  ASSERT_TRUE(Call(&v1::PlanService::Stub::ImportPlan, request, &stored).ok());
  ASSERT_THAT(stored.created_units(), SizeIs(1));
  EXPECT_THAT(Codes(stored), Contains("UNIT_CREATED"));
  EXPECT_EQ(stored.plan().state(), v1::PLAN_STATE_PUBLISHED);
  EXPECT_THAT(AllUnits(), SizeIs(15));
  EXPECT_THAT(AllPlans(), SizeIs(3));
  v1::GetUnitRequest get;
  get.set_name(stored.created_units(0));
  v1::Unit unit;
  ASSERT_TRUE(Call(&v1::DirectoryService::Stub::GetUnit, get, &unit).ok());
  EXPECT_EQ(unit.display_name(), "Phòng Y tế");
  EXPECT_EQ(unit.kind(), v1::UNIT_KIND_OFFICE);

  ASSERT_THAT(stored.tasks(), SizeIs(1));
  // Phòng Y tế leads, the five communes coordinate.
  EXPECT_THAT(AllAssignments(stored.tasks(0).name()), SizeIs(6));
  std::vector<v1::Assignment> lead = AllAssignments(stored.tasks(0).name(), "role = LEAD");
  ASSERT_THAT(lead, SizeIs(1));
  EXPECT_EQ(lead[0].unit(), unit.name());
  EXPECT_EQ(IsoDate(lead[0].next_due_date()), "2027-06-30");
  // Like any new office it joins "Các phòng, ngành, đơn vị cấp huyện" and
  // receives what that group is given in the seed plan.
  v1::GetUnitGroupRequest group;
  group.set_name(GroupNamed("Các phòng, ngành, đơn vị cấp huyện"));
  v1::UnitGroup offices;
  ASSERT_TRUE(Call(&v1::DirectoryService::Stub::GetUnitGroup, group, &offices).ok());
  EXPECT_THAT(offices.members(), Contains(unit.name()));
  EXPECT_THAT(AllAssignments(SeedPlan(), "unit = \"" + unit.name() + "\""), SizeIs(10));
}

}  // namespace
}  // namespace sangkien::api_test
