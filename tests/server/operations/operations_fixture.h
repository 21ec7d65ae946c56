// A fresh database with a small directory: two offices, two communes, the
// two groups plans name, and a fixed clock (27/11/2026 09:00 in the district).
#ifndef SANGKIEN_TESTS_SERVER_OPERATIONS_OPERATIONS_FIXTURE_H_
#define SANGKIEN_TESTS_SERVER_OPERATIONS_OPERATIONS_FIXTURE_H_

#include <gtest/gtest.h>

#include <memory>

#include "calendar/civil_date.h"
#include "operations/directory_operations.h"
#include "operations/plan_operations.h"
#include "storage/database.h"
#include "testing/temp_dir.h"

namespace sangkien::operations {

class OperationsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    storage::DatabaseOptions options;
    options.path = dir_.File("t.db");
    auto db = storage::Database::Open(options);
    ASSERT_TRUE(db.ok()) << db.status();
    db_ = std::move(*db);
    calendar::Clock clock = [this] { return now_; };
    directory_ = std::make_unique<DirectoryOperations>(*db_, clock);
    plans_ = std::make_unique<PlanOperations>(*db_, *directory_, clock);
    noi_vu_ = AddUnit("Phòng Nội vụ", domain::UnitKind::kOffice);
    tu_phap_ = AddUnit("Phòng Tư pháp", domain::UnitKind::kOffice);
    tan_lap_ = AddUnit("UBND xã Tân Lập", domain::UnitKind::kCommune);
    hoa_binh_ = AddUnit("UBND xã Hòa Bình", domain::UnitKind::kCommune);
    domain::UnitGroup offices;
    offices.display_name = "Các phòng, ngành, đơn vị cấp huyện";
    offices.member_kinds = {domain::UnitKind::kOffice};
    offices_ = *directory_->CreateGroup(sys_, offices);
    domain::UnitGroup communes;
    communes.display_name = "UBND các xã, thị trấn";
    communes.member_kinds = {domain::UnitKind::kCommune, domain::UnitKind::kTown};
    communes_ = *directory_->CreateGroup(sys_, communes);
  }

  int64_t AddUnit(const std::string& name, domain::UnitKind kind) {
    domain::Unit unit;
    unit.display_name = name;
    unit.kind = kind;
    auto created = directory_->CreateUnit(sys_, {unit, {}});
    EXPECT_TRUE(created.ok()) << created.status();
    return created.ok() ? created->id : 0;
  }

  // A plan issued 10/5/2022 with a quarterly task led by Phòng Nội vụ and
  // coordinated by the communes, and a yearly-report task led by the communes.
  PlanWithTasks MakePlan(const std::string& request_id = "") {
    domain::Plan plan;
    plan.title = "Kế hoạch thử";
    plan.issue_date = absl::CivilDay(2022, 5, 10);
    domain::Task quarterly;
    quarterly.number = "4.3";
    quarterly.title = "Ban hành quy trình";
    quarterly.lead_units = {{domain::UnitRef::Kind::kUnit, noi_vu_, "Phòng Nội vụ"}};
    quarterly.coordinating_units = {{domain::UnitRef::Kind::kGroup, communes_, "UBND các xã"}};
    quarterly.timeframe = calendar::ParseTimeframe("Quý III/2022");
    domain::Task yearly;
    yearly.number = "4.2";
    yearly.title = "Rà soát cơ chế";
    yearly.lead_units = {{domain::UnitRef::Kind::kGroup, communes_, "UBND các xã"}};
    yearly.timeframe =
        calendar::ParseTimeframe("Thường xuyên; định kỳ hàng năm báo cáo trước ngày 30/11");
    auto created = plans_->CreatePlan(sys_, {plan, {quarterly, yearly}}, {request_id, "fp"});
    EXPECT_TRUE(created.ok()) << created.status();
    return created.ok() ? *created : PlanWithTasks{};
  }

  std::vector<domain::Assignment> AssignmentsOf(int64_t unit_id) {
    domain::ListQuery q;
    q.order = {"next_due_date", false};
    q.filter = {{"unit", domain::FilterOp::kEq, "", unit_id}};
    auto page = plans_->ListAssignments(sys_, 0, 0, q, plans_->Today());
    EXPECT_TRUE(page.ok()) << page.status();
    return page.ok() ? page->items : std::vector<domain::Assignment>{};
  }

  const domain::Caller sys_ = domain::Caller::System("test");
  sangkien::testing::TempDir dir_;
  std::unique_ptr<storage::Database> db_;
  absl::Time now_ =
      absl::FromCivil(absl::CivilSecond(2026, 11, 27, 9, 0, 0), calendar::DistrictTimeZone());
  std::unique_ptr<DirectoryOperations> directory_;
  std::unique_ptr<PlanOperations> plans_;
  int64_t noi_vu_ = 0, tu_phap_ = 0, tan_lap_ = 0, hoa_binh_ = 0;
  int64_t offices_ = 0, communes_ = 0;
};

}  // namespace sangkien::operations

#endif  // SANGKIEN_TESTS_SERVER_OPERATIONS_OPERATIONS_FIXTURE_H_
