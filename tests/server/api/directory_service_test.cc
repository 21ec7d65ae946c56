// DirectoryService: the demo directory, its order, creating and renaming
// units, and groups.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "rpc_errors.h"
#include "test_server.h"

namespace sangkien::api_test {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::ElementsAreArray;
using ::testing::IsEmpty;
using ::testing::SizeIs;
using ::testing::UnorderedElementsAre;

std::vector<std::string> DisplayNames(const std::vector<v1::Unit>& units) {
  std::vector<std::string> out;
  for (const auto& u : units) out.push_back(u.display_name());
  return out;
}

// The demo directory in Vietnamese collation order (ICU "vi", letter by
// letter: "Ban Th…" before "Ban Tổ…", "Thanh" before "Trung", "UBND thị trấn"
// before "UBND xã"; Đ sorts after D).
const std::vector<std::string> kCollatedUnits = {
    "Ban Thường vụ Huyện uỷ",
    "Ban Tổ chức Huyện ủy",
    "HĐND huyện",
    "Phòng Nội vụ",
    "Phòng Tư pháp",
    "Phòng Văn hóa, Thông tin",
    "Thanh tra huyện",
    "Trung tâm Văn hóa, Thông tin, Thể thao và Du lịch",
    "UBND huyện",
    "UBND thị trấn Phú Thịnh",
    "UBND xã Đông Sơn",
    "UBND xã Hòa Bình",
    "UBND xã Tân Lập",
    "UBND xã Yên Phú",
};

TEST_F(ApiTest, ListUnitsDefaultsToVietnameseCollation) {
  EXPECT_THAT(DisplayNames(AllUnits()), ElementsAreArray(kCollatedUnits));
  EXPECT_THAT(DisplayNames(AllUnits("", "display_name")), ElementsAreArray(kCollatedUnits));
  EXPECT_THAT(DisplayNames(AllUnits("", "display_name desc")),
              ElementsAreArray(kCollatedUnits.rbegin(), kCollatedUnits.rend()));
}

TEST_F(ApiTest, ListUnitsCollatesDWithStrokeAfterD) {
  v1::CreateUnitRequest request;
  request.mutable_unit()->set_display_name("UBND xã Dương Liễu");
  request.mutable_unit()->set_kind(v1::UNIT_KIND_COMMUNE);
  v1::Unit created;
  ASSERT_TRUE(Call(&v1::DirectoryService::Stub::CreateUnit, request, &created).ok());
  request.mutable_unit()->set_display_name("UBND xã Ân Thi");
  ASSERT_TRUE(Call(&v1::DirectoryService::Stub::CreateUnit, request, &created).ok());
  std::vector<std::string> communes = DisplayNames(AllUnits("kind = UNIT_KIND_COMMUNE"));
  EXPECT_THAT(communes, ElementsAre("UBND xã Ân Thi", "UBND xã Dương Liễu", "UBND xã Đông Sơn",
                                    "UBND xã Hòa Bình", "UBND xã Tân Lập", "UBND xã Yên Phú"));
}

TEST_F(ApiTest, ListUnitsFilters) {
  EXPECT_THAT(
      DisplayNames(AllUnits("kind = UNIT_KIND_COMMUNE")),
      ElementsAre("UBND xã Đông Sơn", "UBND xã Hòa Bình", "UBND xã Tân Lập", "UBND xã Yên Phú"));
  EXPECT_THAT(DisplayNames(AllUnits("kind = TOWN")), ElementsAre("UBND thị trấn Phú Thịnh"));
  EXPECT_THAT(AllUnits("demo = true"), SizeIs(5));
  EXPECT_THAT(AllUnits("demo = false"), SizeIs(9));
  std::string district = UnitNamed("UBND huyện");
  EXPECT_THAT(DisplayNames(AllUnits("parent = \"" + district + "\" AND kind = OFFICE")),
              ElementsAre("Phòng Nội vụ", "Phòng Tư pháp", "Phòng Văn hóa, Thông tin"));
  EXPECT_THAT(AllUnits("parent = \"" + district + "\""), SizeIs(10));
}

TEST_F(ApiTest, ListUnitsOrderByCreateTime) {
  std::vector<v1::Unit> units = AllUnits("", "create_time");
  ASSERT_THAT(units, SizeIs(14));
  EXPECT_EQ(units.front().display_name(), "UBND huyện");
  EXPECT_EQ(units.back().display_name(), "UBND thị trấn Phú Thịnh");
  v1::ListUnitsRequest request;
  request.set_order_by("kind");
  v1::ListUnitsResponse response;
  EXPECT_TRUE(IsInvalidArgument(Call(&v1::DirectoryService::Stub::ListUnits, request, &response),
                                {"order_by"}));
}

TEST_F(ApiTest, GetUnitReturnsTheDemoCommune) {
  v1::GetUnitRequest request;
  request.set_name(UnitNamed("UBND xã Tân Lập"));
  v1::Unit unit;
  ASSERT_TRUE(Call(&v1::DirectoryService::Stub::GetUnit, request, &unit).ok());
  EXPECT_EQ(unit.display_name(), "UBND xã Tân Lập");
  EXPECT_EQ(unit.short_name(), "Tân Lập");
  EXPECT_EQ(unit.kind(), v1::UNIT_KIND_COMMUNE);
  EXPECT_TRUE(unit.demo());
  EXPECT_EQ(unit.parent(), UnitNamed("UBND huyện"));
  EXPECT_THAT(unit.aliases(), ElementsAre("Ủy ban nhân dân xã Tân Lập"));
  EXPECT_FALSE(unit.etag().empty());
}

TEST_F(ApiTest, UnitGroupsResolveTheirMembers) {
  v1::ListUnitGroupsRequest request;
  v1::ListUnitGroupsResponse response;
  ASSERT_TRUE(Call(&v1::DirectoryService::Stub::ListUnitGroups, request, &response).ok());
  ASSERT_THAT(response.unit_groups(), SizeIs(2));
  EXPECT_EQ(response.unit_groups(0).display_name(), "Các phòng, ngành, đơn vị cấp huyện");
  EXPECT_EQ(response.unit_groups(1).display_name(), "UBND các xã, thị trấn");

  v1::GetUnitGroupRequest get;
  get.set_name(response.unit_groups(1).name());
  v1::UnitGroup communes;
  ASSERT_TRUE(Call(&v1::DirectoryService::Stub::GetUnitGroup, get, &communes).ok());
  EXPECT_THAT(communes.members(),
              UnorderedElementsAre(UnitNamed("UBND xã Tân Lập"), UnitNamed("UBND xã Hòa Bình"),
                                   UnitNamed("UBND xã Đông Sơn"), UnitNamed("UBND xã Yên Phú"),
                                   UnitNamed("UBND thị trấn Phú Thịnh")));
  EXPECT_THAT(communes.member_kinds(),
              UnorderedElementsAre(v1::UNIT_KIND_COMMUNE, v1::UNIT_KIND_TOWN));

  get.set_name(response.unit_groups(0).name());
  v1::UnitGroup offices;
  ASSERT_TRUE(Call(&v1::DirectoryService::Stub::GetUnitGroup, get, &offices).ok());
  EXPECT_THAT(offices.members(),
              UnorderedElementsAre(UnitNamed("Phòng Nội vụ"), UnitNamed("Phòng Tư pháp"),
                                   UnitNamed("Phòng Văn hóa, Thông tin"),
                                   UnitNamed("Trung tâm Văn hóa, Thông tin, Thể thao và Du lịch"),
                                   UnitNamed("Thanh tra huyện")));

  get.set_name("unitGroups/99");
  EXPECT_TRUE(IsApiError(Call(&v1::DirectoryService::Stub::GetUnitGroup, get, &offices),
                         grpc::StatusCode::NOT_FOUND, "NOT_FOUND"));
}

TEST_F(ApiTest, CreateUnitIsIdempotentByRequestId) {
  size_t before = AllUnits().size();
  v1::CreateUnitRequest request;
  request.set_request_id("abc-1");
  request.mutable_unit()->set_display_name("Phòng Tài chính - Kế hoạch");
  request.mutable_unit()->set_kind(v1::UNIT_KIND_OFFICE);
  request.mutable_unit()->set_parent(UnitNamed("UBND huyện"));
  v1::Unit first, second;
  grpc::Status status = Call(&v1::DirectoryService::Stub::CreateUnit, request, &first);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_TRUE(Call(&v1::DirectoryService::Stub::CreateUnit, request, &second).ok());
  EXPECT_EQ(first.name(), second.name());
  EXPECT_EQ(first.SerializeAsString(), second.SerializeAsString());
  EXPECT_EQ(AllUnits().size(), before + 1);

  request.mutable_unit()->set_display_name("Phòng Tài nguyên và Môi trường");
  v1::Unit third;
  EXPECT_TRUE(IsApiError(Call(&v1::DirectoryService::Stub::CreateUnit, request, &third),
                         grpc::StatusCode::ALREADY_EXISTS, "REQUEST_ID_REUSED"));
  EXPECT_EQ(AllUnits().size(), before + 1);
}

TEST_F(ApiTest, CreateUnitStoresNamesInNfc) {
  v1::CreateUnitRequest request;
  // "Phòng Y tế" written with combining marks (NFD).
  request.mutable_unit()->set_display_name("Pho\u0300ng Y te\u0302\u0301");
  request.mutable_unit()->set_kind(v1::UNIT_KIND_OFFICE);
  v1::Unit created;
  ASSERT_TRUE(Call(&v1::DirectoryService::Stub::CreateUnit, request, &created).ok());
  EXPECT_EQ(created.display_name(), "Phòng Y tế");
  EXPECT_EQ(UnitNamed("Phòng Y tế"), created.name());
  // The decomposed spelling of an existing name is the same name.
  request.mutable_unit()->set_display_name("UBND xa\u0303 Ho\u0300a Bi\u0300nh");
  request.mutable_unit()->set_kind(v1::UNIT_KIND_COMMUNE);
  request.mutable_unit()->set_parent(UnitNamed("UBND huyện"));
  EXPECT_TRUE(IsApiError(Call(&v1::DirectoryService::Stub::CreateUnit, request, &created),
                         grpc::StatusCode::ALREADY_EXISTS, "UNIT_NAME_TAKEN"));
}

TEST_F(ApiTest, CreateUnitRefusesDuplicateNameAndMissingFields) {
  v1::CreateUnitRequest request;
  request.mutable_unit()->set_display_name("UBND xa Hoa Binh");  // same name without marks
  request.mutable_unit()->set_kind(v1::UNIT_KIND_COMMUNE);
  request.mutable_unit()->set_parent(UnitNamed("UBND huyện"));
  v1::Unit unit;
  EXPECT_TRUE(IsApiError(Call(&v1::DirectoryService::Stub::CreateUnit, request, &unit),
                         grpc::StatusCode::ALREADY_EXISTS, "UNIT_NAME_TAKEN"));

  v1::CreateUnitRequest empty;
  EXPECT_TRUE(IsInvalidArgument(Call(&v1::DirectoryService::Stub::CreateUnit, empty, &unit),
                                {"unit.display_name", "unit.kind"}));
  v1::CreateUnitRequest bad_parent;
  bad_parent.mutable_unit()->set_display_name("UBND xã Mới");
  bad_parent.mutable_unit()->set_kind(v1::UNIT_KIND_COMMUNE);
  bad_parent.mutable_unit()->set_parent("units/9999");
  EXPECT_TRUE(IsInvalidArgument(Call(&v1::DirectoryService::Stub::CreateUnit, bad_parent, &unit),
                                {"unit.parent"}));
  EXPECT_THAT(AllUnits(), SizeIs(14));
}

TEST_F(ApiTest, NewCommuneReceivesTheCommuneGroupsAssignments) {
  v1::CreateUnitRequest request;
  request.set_request_id("xa-moi-1");
  request.mutable_unit()->set_display_name("UBND xã Minh Khai");
  request.mutable_unit()->set_kind(v1::UNIT_KIND_COMMUNE);
  request.mutable_unit()->set_parent(UnitNamed("UBND huyện"));
  v1::Unit created;
  ASSERT_TRUE(Call(&v1::DirectoryService::Stub::CreateUnit, request, &created).ok());
  EXPECT_FALSE(created.demo());

  std::vector<v1::Assignment> mine =
      AllAssignments("plans/-", "unit = \"" + created.name() + "\"", "task");
  std::vector<v1::Assignment> hoa_binh =
      AllAssignments("plans/-", "unit = \"" + UnitNamed("UBND xã Hòa Bình") + "\"", "task");
  ASSERT_THAT(mine, SizeIs(10));
  ASSERT_EQ(mine.size(), hoa_binh.size());
  for (size_t i = 0; i < mine.size(); ++i) {
    EXPECT_EQ(mine[i].task(), hoa_binh[i].task());
    EXPECT_EQ(mine[i].role(), hoa_binh[i].role());
    EXPECT_EQ(mine[i].via_group(), hoa_binh[i].via_group());
    EXPECT_EQ(IsoDate(mine[i].next_due_date()), IsoDate(hoa_binh[i].next_due_date()));
    EXPECT_EQ(mine[i].unit_display_name(), "UBND xã Minh Khai");
  }
  v1::GetUnitGroupRequest get;
  get.set_name(GroupNamed("UBND các xã, thị trấn"));
  v1::UnitGroup group;
  ASSERT_TRUE(Call(&v1::DirectoryService::Stub::GetUnitGroup, get, &group).ok());
  EXPECT_THAT(group.members(), Contains(created.name()));
  // An office joins the offices group instead, not the communes'.
  request.set_request_id("");
  request.mutable_unit()->set_display_name("Phòng Y tế");
  request.mutable_unit()->set_kind(v1::UNIT_KIND_OFFICE);
  v1::Unit office;
  ASSERT_TRUE(Call(&v1::DirectoryService::Stub::CreateUnit, request, &office).ok());
  std::vector<v1::Assignment> office_assignments =
      AllAssignments("plans/-", "unit = \"" + office.name() + "\"");
  EXPECT_THAT(office_assignments, SizeIs(10));  // every task but 1.2
  // A party body is in no group and gets nothing.
  request.mutable_unit()->set_display_name("Ban Tuyên giáo Huyện ủy");
  request.mutable_unit()->set_kind(v1::UNIT_KIND_PARTY_BODY);
  request.mutable_unit()->clear_parent();
  v1::Unit party;
  ASSERT_TRUE(Call(&v1::DirectoryService::Stub::CreateUnit, request, &party).ok());
  EXPECT_THAT(AllAssignments("plans/-", "unit = \"" + party.name() + "\""), IsEmpty());
}

TEST_F(ApiTest, UpdateUnitDisplayNameUnderEtag) {
  v1::GetUnitRequest get;
  get.set_name(UnitNamed("UBND xã Yên Phú"));
  v1::Unit before;
  ASSERT_TRUE(Call(&v1::DirectoryService::Stub::GetUnit, get, &before).ok());

  v1::UpdateUnitRequest request;
  *request.mutable_unit() = before;
  request.mutable_unit()->set_display_name("UBND xã Yên Phú Mới");
  request.mutable_unit()->set_short_name("ignored");
  request.mutable_update_mask()->add_paths("display_name");
  v1::Unit updated;
  grpc::Status status = Call(&v1::DirectoryService::Stub::UpdateUnit, request, &updated);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(updated.display_name(), "UBND xã Yên Phú Mới");
  EXPECT_EQ(updated.short_name(), "Yên Phú");
  EXPECT_EQ(updated.kind(), v1::UNIT_KIND_COMMUNE);
  EXPECT_NE(updated.etag(), before.etag());
  // Assignments show the new name.
  for (const auto& a : AllAssignments("plans/-", "unit = \"" + before.name() + "\"")) {
    EXPECT_EQ(a.unit_display_name(), "UBND xã Yên Phú Mới");
  }

  request.mutable_unit()->set_display_name("UBND xã Yên Phú Cũ");  // old etag
  v1::Unit stale;
  EXPECT_TRUE(IsApiError(Call(&v1::DirectoryService::Stub::UpdateUnit, request, &stale),
                         grpc::StatusCode::ABORTED, "ETAG_MISMATCH"));
  v1::Unit after;
  ASSERT_TRUE(Call(&v1::DirectoryService::Stub::GetUnit, get, &after).ok());
  EXPECT_EQ(after.display_name(), "UBND xã Yên Phú Mới");

  // Taking another unit's name, or making the unit its own parent, fails.
  request.mutable_unit()->set_etag(after.etag());
  request.mutable_unit()->set_display_name("UBND xã Tân Lập");
  EXPECT_TRUE(IsApiError(Call(&v1::DirectoryService::Stub::UpdateUnit, request, &stale),
                         grpc::StatusCode::ALREADY_EXISTS, "UNIT_NAME_TAKEN"));
  request.mutable_unit()->set_parent(before.name());
  request.mutable_update_mask()->set_paths(0, "parent");
  EXPECT_TRUE(IsInvalidArgument(Call(&v1::DirectoryService::Stub::UpdateUnit, request, &stale),
                                {"unit.parent"}));
  request.mutable_update_mask()->set_paths(0, "demo");
  EXPECT_TRUE(IsInvalidArgument(Call(&v1::DirectoryService::Stub::UpdateUnit, request, &stale),
                                {"update_mask"}));
  ASSERT_TRUE(Call(&v1::DirectoryService::Stub::GetUnit, get, &after).ok());
  EXPECT_EQ(after.SerializeAsString(), updated.SerializeAsString());
}

}  // namespace
}  // namespace sangkien::api_test
