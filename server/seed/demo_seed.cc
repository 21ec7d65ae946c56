#include "seed/demo_seed.h"

#include <map>

#include "absl/strings/str_cat.h"
#include "calendar/civil_date.h"
#include "domain/list_query.h"
#include "domain/validation.h"
#include "seed/demo_internal.h"
#include "status/status_macros.h"

namespace sangkien::seed {
namespace {

using domain::UnitKind;

struct DemoUnit {
  const char* name;
  const char* short_name;
  UnitKind kind;
  std::vector<std::string> aliases;
  bool demo;  // invented for the demo (the plan names no commune)
};

// The district bodies the plan names, then demo communes.
std::vector<DemoUnit> DemoUnits() {
  return {
      {"UBND huyện",
       "UBND huyện",
       UnitKind::kPeoplesCommittee,
       {"Ủy ban nhân dân huyện", "Uỷ ban nhân dân huyện"},
       false},
      {"Phòng Nội vụ", "Nội vụ", UnitKind::kOffice, {"phòng Nội vụ"}, false},
      {"Phòng Tư pháp", "Tư pháp", UnitKind::kOffice, {}, false},
      {"Phòng Văn hóa, Thông tin",
       "VH-TT",
       UnitKind::kOffice,
       {"Phòng Văn hóa và Thông tin", "Phòng Văn hoá, Thông tin"},
       false},
      {"Trung tâm Văn hóa, Thông tin, Thể thao và Du lịch",
       "TT VH-TT-TT&DL",
       UnitKind::kCentre,
       {"Trung tâm Văn hóa TTTT&DL", "Trung tâm VH-TT-TT&DL"},
       false},
      {"Thanh tra huyện", "Thanh tra", UnitKind::kInspectorate, {}, false},
      {"Ban Thường vụ Huyện uỷ",
       "BTV Huyện uỷ",
       UnitKind::kPartyBody,
       {"Ban Thường vụ Huyện ủy"},
       false},
      {"Ban Tổ chức Huyện ủy",
       "BTC Huyện ủy",
       UnitKind::kPartyBody,
       {"Ban Tổ chức Huyện uỷ"},
       false},
      {"HĐND huyện", "HĐND huyện", UnitKind::kPeoplesCouncil, {"Hội đồng nhân dân huyện"}, false},
      {"UBND xã Tân Lập", "Tân Lập", UnitKind::kCommune, {"Ủy ban nhân dân xã Tân Lập"}, true},
      {"UBND xã Hòa Bình", "Hòa Bình", UnitKind::kCommune, {"Ủy ban nhân dân xã Hòa Bình"}, true},
      {"UBND xã Đông Sơn", "Đông Sơn", UnitKind::kCommune, {"Ủy ban nhân dân xã Đông Sơn"}, true},
      {"UBND xã Yên Phú", "Yên Phú", UnitKind::kCommune, {"Ủy ban nhân dân xã Yên Phú"}, true},
      {"UBND thị trấn Phú Thịnh",
       "TT Phú Thịnh",
       UnitKind::kTown,
       {"Ủy ban nhân dân thị trấn Phú Thịnh"},
       true},
  };
}

// The units the plan names and the demo communes, and the two groups the
// plan assigns work to. Returns the units' ids by name.
absl::StatusOr<std::map<std::string, int64_t>> SeedDirectory(
    operations::DirectoryOperations& directory, const domain::Caller& system) {
  int64_t district_id = 0;
  std::map<std::string, int64_t> ids;
  for (const DemoUnit& d : DemoUnits()) {
    domain::Unit unit;
    unit.display_name = d.name;
    unit.short_name = d.short_name;
    unit.kind = d.kind;
    unit.aliases = d.aliases;
    unit.demo = d.demo;
    // Offices, centres, the inspectorate and communes sit under the district
    // People's Committee; party and council bodies stand beside it.
    bool under_district = d.kind == UnitKind::kOffice || d.kind == UnitKind::kCentre ||
                          d.kind == UnitKind::kInspectorate || d.kind == UnitKind::kCommune ||
                          d.kind == UnitKind::kTown;
    unit.parent_id = under_district ? district_id : 0;
    SK_ASSIGN_OR_RETURN(domain::Unit created, directory.CreateUnit(system, {unit, {}}));
    if (d.kind == UnitKind::kPeoplesCommittee) district_id = created.id;
    ids[d.name] = created.id;
  }

  domain::UnitGroup offices;
  offices.display_name = "Các phòng, ngành, đơn vị cấp huyện";
  offices.aliases = {"phòng, ngành, đơn vị cấp huyện", "Các phòng, ban, ngành cấp huyện"};
  offices.member_kinds = {UnitKind::kOffice, UnitKind::kInspectorate, UnitKind::kCentre};
  SK_RETURN_IF_ERROR(directory.CreateGroup(system, offices).status());
  domain::UnitGroup communes;
  communes.display_name = "UBND các xã, thị trấn";
  communes.aliases = {"Ủy ban nhân dân các xã, thị trấn", "Uỷ ban nhân dân các xã, thị trấn",
                      "các xã, thị trấn"};
  communes.member_kinds = {UnitKind::kCommune, UnitKind::kTown};
  SK_RETURN_IF_ERROR(directory.CreateGroup(system, communes).status());

  return ids;
}

// The seed plan, imported and published, and Tân Lập's yearly reports on
// item 4.2. Returns the plan's id.
absl::StatusOr<int64_t> SeedPlan(operations::PlanOperations& plans, const domain::Caller& system,
                                 const std::map<std::string, int64_t>& ids) {
  operations::ImportPlanCommand seed_plan;
  seed_plan.text = SeedPlanText();
  seed_plan.publish = true;
  SK_ASSIGN_OR_RETURN(auto imported, plans.ImportPlan(system, seed_plan, {}));

  // Tân Lập has filed every yearly report on item 4.2 so far; the other
  // communes have not, so the demo shows both.
  for (const auto& task : imported.tasks) {
    if (task.number != "4.2") continue;
    for (int year = 2022; year <= 2025; ++year) {
      operations::CreateReportCommand report;
      report.plan_id = imported.plan.id;
      report.task_id = task.id;
      report.unit_id = ids.at("UBND xã Tân Lập");
      report.report_date = absl::CivilDay(year, 11, 25);
      report.progress_percent = 100;
      report.text = absl::StrCat(
          "Đã rà soát các quy định về quản lý ngân sách, tài sản công, đất đai năm ", year,
          "; đề nghị sửa đổi 2 quy định không còn phù hợp và công khai thủ tục hành chính tại "
          "bộ phận một cửa.");
      SK_RETURN_IF_ERROR(plans.CreateReport(system, report, {}).status());
    }
  }

  return imported.plan.id;
}

struct SeededAccounts {
  std::vector<DemoToken> tokens;
  std::map<std::string, domain::Account> by_label;
};

// One account per role with a token each, a kiosk for each demo commune and
// the town, and kiosk PINs for the demo communes' staff.
absl::StatusOr<SeededAccounts> SeedAccounts(operations::AccountOperations& accounts,
                                            const domain::Caller& system,
                                            const std::map<std::string, int64_t>& ids) {
  // One account per role, and a kiosk for each demo commune and the town.
  struct DemoAccount {
    std::string label;
    std::string display_name;
    domain::Role role;
    std::string unit;
    std::string position;
  };
  std::vector<DemoAccount> people = {
      {"admin", "Quản trị hệ thống (demo)", domain::Role::kAdmin, "", "Quản trị viên"},
      {"coordinator", "Nguyễn Thị Lan (demo)", domain::Role::kCoordinator, "Phòng Nội vụ",
       "Chuyên viên Phòng Nội vụ"},
      {"approver", "Trần Văn Minh (demo)", domain::Role::kApprover, "UBND huyện",
       "Phó Chủ tịch UBND huyện"},
      {"inspector", "Lê Văn Hùng (demo)", domain::Role::kInspector, "Thanh tra huyện",
       "Thanh tra viên"},
      {"publisher", "Phạm Thu Hà (demo)", domain::Role::kPublisher, "Phòng Văn hóa, Thông tin",
       "Chuyên viên Phòng Văn hóa, Thông tin"},
      {"staff Tân Lập", "Đỗ Văn Nam (demo)", domain::Role::kStaff, "UBND xã Tân Lập",
       "Công chức Văn phòng - Thống kê"},
      {"staff Hòa Bình", "Hoàng Thị Mai (demo)", domain::Role::kStaff, "UBND xã Hòa Bình",
       "Công chức Văn phòng - Thống kê"},
  };
  for (const DemoUnit& d : DemoUnits()) {
    if (d.kind == UnitKind::kCommune || d.kind == UnitKind::kTown) {
      people.push_back({absl::StrCat("kiosk ", d.short_name), absl::StrCat("Kiosk ", d.name),
                        domain::Role::kKiosk, d.name, "Kiosk tại bộ phận một cửa"});
    }
  }
  SeededAccounts seeded;
  std::vector<DemoToken>& tokens = seeded.tokens;
  std::map<std::string, domain::Account>& created_accounts = seeded.by_label;
  for (const auto& p : people) {
    domain::Account account;
    account.display_name = p.display_name;
    account.roles = {p.role};
    account.unit_id = p.unit.empty() ? 0 : ids.at(p.unit);
    account.position = p.position;
    SK_ASSIGN_OR_RETURN(domain::Account created,
                        accounts.CreateAccount(system.actor, {account, {}}));
    SK_ASSIGN_OR_RETURN(auto token,
                        accounts.IssueToken(system.actor, {created.id, "demo", std::nullopt}));
    tokens.push_back({p.label, absl::StrCat("accounts/", created.id), token.secret});
    created_accounts[p.label] = created;
  }
  // The demo communes' staff sign in at their kiosk with a PIN.
  for (const char* label : {"staff Tân Lập", "staff Hòa Bình"}) {
    int64_t id = created_accounts[label].id;
    SK_ASSIGN_OR_RETURN(operations::IssuedPin pin,
                        accounts.IssueKioskPinAsSystem(system.actor, id));
    tokens.push_back({absl::StrCat("kiosk PIN ", label), absl::StrCat("accounts/", id), pin.pin});
  }
  return seeded;
}

}  // namespace

absl::StatusOr<std::optional<std::vector<DemoToken>>> SeedDemoIfEmpty(
    operations::DirectoryOperations& directory, operations::PlanOperations& plans,
    operations::AccountOperations& accounts, operations::ProposalOperations& proposals,
    operations::PublicityOperations& publicity) {
  domain::ListQuery any;
  any.page_size = 1;
  any.order = {"display_name", false};
  SK_ASSIGN_OR_RETURN(auto existing, directory.ListUnits(any));
  if (!existing.items.empty()) return std::nullopt;
  const domain::Caller system = domain::Caller::System("seed");

  SK_ASSIGN_OR_RETURN(auto ids, SeedDirectory(directory, system));
  SK_ASSIGN_OR_RETURN(int64_t plan_id, SeedPlan(plans, system, ids));
  SK_ASSIGN_OR_RETURN(SeededAccounts seeded, SeedAccounts(accounts, system, ids));
  SK_ASSIGN_OR_RETURN(
      int64_t achieved,
      internal::SeedDemoProposals(proposals, seeded.by_label["staff Tân Lập"],
                                  seeded.by_label["staff Hòa Bình"], seeded.by_label["approver"]));
  SK_RETURN_IF_ERROR(internal::SeedDemoPublicity(publicity, ids, plan_id, achieved));
  return seeded.tokens;
}

}  // namespace sangkien::seed
