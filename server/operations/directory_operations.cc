#include "operations/directory_operations.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "calendar/civil_date.h"
#include "domain/assignment_rules.h"
#include "domain/field_mask.h"
#include "domain/validation.h"
#include "operations/audit_digest.h"
#include "operations/exposure.h"
#include "operations/idempotency_internal.h"
#include "status/errors.h"
#include "status/status_macros.h"
#include "storage/audit_log.h"
#include "storage/plan_repository.h"
#include "storage/unit_repository.h"
#include "text/vietnamese.h"

namespace sangkien::operations {

using storage::Connection;
using storage::PlanRepository;
using storage::UnitRepository;

namespace {

constexpr std::string_view kCreateUnit = "CreateUnit";

using UnitField = domain::UpdatableField<domain::Unit>;

// The fields UpdateUnit may change, in the API's spelling.
constexpr UnitField kUnitFields[] = {
    {"display_name",
     [](const domain::Unit& f, domain::Unit& t) { t.display_name = f.display_name; }},
    {"short_name", [](const domain::Unit& f, domain::Unit& t) { t.short_name = f.short_name; }},
    {"aliases", [](const domain::Unit& f, domain::Unit& t) { t.aliases = f.aliases; }},
    {"kind", [](const domain::Unit& f, domain::Unit& t) { t.kind = f.kind; }},
    {"parent", [](const domain::Unit& f, domain::Unit& t) { t.parent_id = f.parent_id; }},
};

bool KnownKind(domain::UnitKind kind) {
  return kind >= domain::UnitKind::kPeoplesCommittee && kind <= domain::UnitKind::kOther;
}

// The checks that need no database: text limits (stored in NFC), aliases,
// the kind and the parent's name. Refuses with every bad field at once.
absl::Status CheckUnitFields(domain::Unit& unit) {
  domain::Violations v;
  unit.display_name = v.Text("unit.display_name", unit.display_name, domain::kMaxNameLength, true);
  unit.short_name = v.Text("unit.short_name", unit.short_name, kMaxUnitShortNameLength, false);
  v.ListSize("unit.aliases", unit.aliases.size(), kMaxUnitAliases);
  std::vector<std::string> aliases;
  for (size_t i = 0; i < unit.aliases.size(); ++i) {
    std::string alias = v.Text(absl::StrCat("unit.aliases[", i, "]"), unit.aliases[i],
                               domain::kMaxNameLength, true);
    if (!alias.empty()) aliases.push_back(std::move(alias));
  }
  unit.aliases = std::move(aliases);
  if (!KnownKind(unit.kind)) {
    v.Add("unit.kind", "is required: one of the UnitKind values", "cần chọn loại đơn vị");
  }
  RefuseUnparsed("unit.parent", unit.parent_id, "units", v);
  return v.ToStatus();
}

absl::Status CheckParent(Connection& c, int64_t unit_id, int64_t parent_id) {
  if (parent_id == 0) return absl::OkStatus();
  // Walk up: the parent must exist and the unit must not be its own ancestor.
  int64_t current = parent_id;
  for (int depth = 0; current != 0; ++depth) {
    if (current == unit_id || depth > 64) {
      return InvalidField("unit.parent", "a unit cannot be its own ancestor",
                          "Một đơn vị không thể trực thuộc chính nó");
    }
    auto parent = UnitRepository::Get(c, current);
    if (!parent.ok()) {
      return InvalidField("unit.parent", absl::StrCat(domain::UnitName(current), " does not exist"),
                          absl::StrCat("Không có đơn vị ", domain::UnitName(current)));
    }
    current = parent->parent_id;
  }
  return absl::OkStatus();
}

absl::Status CheckNameFree(Connection& c, const domain::Unit& unit) {
  // Names are unique among siblings only: read those, not the directory.
  SK_ASSIGN_OR_RETURN(std::vector<domain::Unit> siblings,
                      UnitRepository::Children(c, unit.parent_id));
  std::string folded = text::FoldForSearch(unit.display_name);
  for (const auto& other : siblings) {
    if (other.id != unit.id && text::FoldForSearch(other.display_name) == folded) {
      return MakeError(absl::StatusCode::kAlreadyExists, "UNIT_NAME_TAKEN",
                       absl::StrCat(domain::UnitName(other.id), " already has the name \"",
                                    other.display_name, "\""),
                       absl::StrCat("Đã có đơn vị tên \"", other.display_name, "\""));
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status AssignNewMember(Connection& c, const domain::Unit& unit, absl::Time now) {
  SK_ASSIGN_OR_RETURN(std::vector<int64_t> groups, UnitRepository::GroupsWithKind(c, unit.kind));
  for (int64_t group_id : groups) {
    SK_ASSIGN_OR_RETURN(std::vector<domain::Task> tasks,
                        PlanRepository::TasksNamingGroup(c, group_id));
    for (const domain::Task& task : tasks) {
      SK_ASSIGN_OR_RETURN(domain::Plan plan, PlanRepository::GetPlan(c, task.plan_id));
      auto members = [&](int64_t g) -> std::vector<int64_t> {
        return g == group_id ? std::vector<int64_t>{unit.id} : std::vector<int64_t>{};
      };
      absl::CivilDay anchor = domain::PlanAnchor(plan, calendar::DayInDistrict(plan.create_time));
      for (const auto& seed : domain::ExpandAssignments(task, members)) {
        SK_RETURN_IF_ERROR(PlanRepository::InsertAssignment(
            c, task.plan_id, task.id, seed, domain::NextDueDate(task.timeframe, anchor, {})));
      }
    }
  }
  return absl::OkStatus();
}

domain::UnitKind GuessUnitKind(std::string_view display_name) {
  std::string f = text::FoldForSearch(display_name);
  auto starts = [&](const char* p) { return absl::StartsWith(f, p); };
  if (starts("ubnd xa ") || starts("uy ban nhan dan xa ")) return domain::UnitKind::kCommune;
  if (starts("ubnd thi tran ") || starts("uy ban nhan dan thi tran "))
    return domain::UnitKind::kTown;
  if (starts("ubnd phuong ") || starts("uy ban nhan dan phuong ")) return domain::UnitKind::kWard;
  if (starts("ubnd") || starts("uy ban nhan dan")) return domain::UnitKind::kPeoplesCommittee;
  if (starts("hdnd") || starts("hoi dong nhan dan")) return domain::UnitKind::kPeoplesCouncil;
  if (starts("phong ") || starts("van phong ")) return domain::UnitKind::kOffice;
  if (starts("thanh tra")) return domain::UnitKind::kInspectorate;
  if (starts("trung tam ") || starts("ban quan ly ")) return domain::UnitKind::kCentre;
  if (absl::StrContains(f, "huyen uy") || absl::StrContains(f, "dang uy") ||
      starts("ban tuyen giao") || starts("uy ban kiem tra")) {
    return domain::UnitKind::kPartyBody;
  }
  return domain::UnitKind::kOther;
}

const domain::ListSpec& DirectoryOperations::ListUnitsSpec() {
  static const domain::ListSpec kSpec{&UnitRepository::UnitFilterFields(),
                                      &UnitRepository::UnitOrderFields(),
                                      {"display_name", false}};
  return kSpec;
}

const domain::ListSpec& DirectoryOperations::ListGroupsSpec() {
  static const domain::ListSpec kSpec{nullptr, nullptr, {"id", false}};
  return kSpec;
}

absl::StatusOr<domain::Unit> DirectoryOperations::GetUnit(int64_t id) {
  domain::Unit unit;
  SK_RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(unit, UnitRepository::Get(c, id));
    return absl::OkStatus();
  }));
  return unit;
}

absl::StatusOr<domain::ListPage<domain::Unit>> DirectoryOperations::ListUnits(
    const domain::ListQuery& query) {
  domain::ListPage<domain::Unit> page;
  SK_RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(page, UnitRepository::List(c, query));
    return absl::OkStatus();
  }));
  return page;
}

absl::StatusOr<domain::Unit> DirectoryOperations::CreateUnit(const domain::Caller& caller,
                                                             const CreateUnitCommand& command) {
  domain::Unit unit = command.unit;
  unit.id = 0;
  SK_RETURN_IF_ERROR(CheckUnitFields(unit));
  const Idempotency& idempotency = command.idempotency;
  domain::Unit created;
  SK_RETURN_IF_ERROR(db_.Write([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(auto replay, internal::FindReplay(c, kCreateUnit, idempotency));
    if (replay) {
      auto id = domain::ParseCollectionId(replay->resource_name, "units");
      SK_ASSIGN_OR_RETURN(created, UnitRepository::Get(c, id.value_or(0)));
      return absl::OkStatus();
    }
    SK_RETURN_IF_ERROR(CheckParent(c, 0, unit.parent_id));
    SK_RETURN_IF_ERROR(CheckNameFree(c, unit));
    absl::Time now = clock_();
    SK_ASSIGN_OR_RETURN(unit.id, UnitRepository::Insert(c, unit, now));
    SK_RETURN_IF_ERROR(AssignNewMember(c, unit, now));
    SK_RETURN_IF_ERROR(
        internal::RecordCreate(c, kCreateUnit, idempotency, domain::UnitName(unit.id), "", now));
    SK_ASSIGN_OR_RETURN(created, UnitRepository::Get(c, unit.id));
    SK_RETURN_IF_ERROR(internal::ExposeUnit(c, created, now));
    return storage::AuditLog::Append(c, caller.actor, domain::UnitName(unit.id), "",
                                     Digest(created), now);
  }));
  return created;
}

absl::StatusOr<domain::Unit> DirectoryOperations::UpdateUnit(const domain::Caller& caller,
                                                             const UpdateUnitCommand& command) {
  // A bad mask is refused before the unit is looked up.
  SK_RETURN_IF_ERROR(domain::CheckPaths<domain::Unit>(command.update.paths, kUnitFields));
  std::string name = domain::UnitName(command.id);
  domain::Unit updated;
  SK_RETURN_IF_ERROR(db_.Write([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(domain::Unit current, UnitRepository::Get(c, command.id));
    SK_ASSIGN_OR_RETURN(domain::Unit unit,
                        domain::MergeUpdate<domain::Unit>(current, current.etag, name,
                                                          command.update, kUnitFields));
    SK_RETURN_IF_ERROR(CheckUnitFields(unit));
    SK_RETURN_IF_ERROR(CheckParent(c, unit.id, unit.parent_id));
    SK_RETURN_IF_ERROR(CheckNameFree(c, unit));
    absl::Time now = clock_();
    SK_RETURN_IF_ERROR(UnitRepository::Update(c, unit, now));
    SK_ASSIGN_OR_RETURN(updated, UnitRepository::Get(c, unit.id));
    SK_RETURN_IF_ERROR(internal::ExposeUnit(c, updated, now));
    return storage::AuditLog::Append(c, caller.actor, name, Digest(current), Digest(updated), now);
  }));
  return updated;
}

absl::StatusOr<domain::UnitGroup> DirectoryOperations::GetGroup(int64_t id) {
  domain::UnitGroup group;
  SK_RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(group, UnitRepository::GetGroup(c, id));
    return absl::OkStatus();
  }));
  return group;
}

absl::StatusOr<domain::ListPage<domain::UnitGroup>> DirectoryOperations::ListGroups(
    const domain::ListQuery& query) {
  domain::ListPage<domain::UnitGroup> page;
  SK_RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(page, UnitRepository::ListGroups(c, query));
    return absl::OkStatus();
  }));
  return page;
}

absl::StatusOr<int64_t> DirectoryOperations::CreateGroup(const domain::Caller& caller,
                                                         const domain::UnitGroup& group) {
  int64_t id = 0;
  SK_RETURN_IF_ERROR(db_.Write([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(id, UnitRepository::InsertGroup(c, group));
    domain::UnitGroup stored = group;
    stored.id = id;
    SK_RETURN_IF_ERROR(internal::ExposeUnitGroup(c, id, clock_()));
    return storage::AuditLog::Append(c, caller.actor, domain::UnitGroupName(id), "", Digest(stored),
                                     clock_());
  }));
  return id;
}

absl::StatusOr<std::vector<importer::DirectoryEntry>> DirectoryOperations::Entries() {
  std::vector<importer::DirectoryEntry> entries;
  SK_RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(std::vector<domain::Unit> units, UnitRepository::All(c));
    for (const auto& u : units) {
      domain::UnitRef ref{domain::UnitRef::Kind::kUnit, u.id, u.display_name};
      entries.push_back({u.display_name, ref, u.kind});
      for (const auto& alias : u.aliases) entries.push_back({alias, ref, u.kind});
    }
    domain::ListQuery all;
    all.page_size = domain::kMaxPageSize;
    all.order = {"id", false};
    for (;;) {
      SK_ASSIGN_OR_RETURN(auto page, UnitRepository::ListGroups(c, all));
      for (const auto& g : page.items) {
        domain::UnitRef ref{domain::UnitRef::Kind::kGroup, g.id, g.display_name};
        entries.push_back({g.display_name, ref, domain::UnitKind::kUnspecified});
        for (const auto& alias : g.aliases) {
          entries.push_back({alias, ref, domain::UnitKind::kUnspecified});
        }
      }
      if (!page.next) break;
      all.after = page.next;
    }
    return absl::OkStatus();
  }));
  return entries;
}

}  // namespace sangkien::operations
