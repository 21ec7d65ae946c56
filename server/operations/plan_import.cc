// PlanOperations::ImportPlan: a plan read from its text, the units it names
// that the directory lacks, and the warnings a retried request gets back.
#include <map>
#include <nlohmann/json.hpp>

#include "absl/strings/str_cat.h"
#include "domain/validation.h"
#include "operations/audit_digest.h"
#include "operations/exposure.h"
#include "operations/idempotency_internal.h"
#include "operations/plan_operations.h"
#include "status/errors.h"
#include "status/status_macros.h"
#include "storage/audit_log.h"
#include "storage/plan_repository.h"
#include "storage/unit_repository.h"

namespace sangkien::operations {

using storage::Connection;
using storage::PlanRepository;
using storage::UnitRepository;

namespace {

constexpr std::string_view kImportPlan = "ImportPlan";

// Checked before the importer runs so that an oversized upload is refused
// in the same words whichever door it came through.
absl::Status CheckTextSize(std::string_view text) {
  if (text.size() <= domain::kMaxPlanTextLength) return absl::OkStatus();
  return MakeError(absl::StatusCode::kInvalidArgument, "IMPORT_TOO_LARGE",
                   "plan text is larger than 2 MB", "Văn bản kế hoạch lớn hơn 2 MB",
                   {{"text", "must be at most 2 MB", "tối đa 2 MB"}});
}

// A retried import answers with the first one's warnings, so they are kept
// with its request id.
nlohmann::json WarningsToJson(const std::vector<importer::ImportWarning>& warnings,
                              const std::vector<int64_t>& created) {
  nlohmann::json w = nlohmann::json::array();
  for (const auto& x : warnings) {
    w.push_back({{"code", x.code},
                 {"line", x.line},
                 {"item", x.item},
                 {"message", x.message},
                 {"message_vi", x.message_vi}});
  }
  return {{"warnings", w}, {"created_units", created}};
}

void WarningsFromJson(const std::string& text, ImportOutcome& out) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_object()) return;
  for (const auto& x : j.value("warnings", nlohmann::json::array())) {
    out.warnings.push_back({x.value("code", ""), x.value("line", 0), x.value("item", ""),
                            x.value("message", ""), x.value("message_vi", "")});
  }
  for (const auto& id : j.value("created_units", nlohmann::json::array())) {
    if (id.is_number_integer()) out.created_units.push_back(id.get<int64_t>());
  }
}

importer::ImportWarning UnitCreated(int64_t unit_id, const std::string& name) {
  return {"UNIT_CREATED", 0, "",
          absl::StrCat("created ", domain::UnitName(unit_id), " \"", name,
                       "\" in the directory; check its kind and parent"),
          absl::StrCat("Đã thêm đơn vị \"", name,
                       "\" vào danh mục; hãy kiểm tra loại và đơn vị cấp trên")};
}

}  // namespace

absl::Status PlanOperations::ResolveImportedUnits(Connection& c, const ImportPlanCommand& command,
                                                  importer::ImportedPlan& imported,
                                                  ImportOutcome& outcome, absl::Time now) {
  std::map<std::string, int64_t> created;
  if (command.create_missing_units) {
    for (const std::string& name : imported.unknown_units) {
      domain::Unit unit;
      unit.display_name = name;
      unit.kind = GuessUnitKind(name);
      SK_ASSIGN_OR_RETURN(unit.id, UnitRepository::Insert(c, unit, now));
      SK_RETURN_IF_ERROR(AssignNewMember(c, unit, now));
      created[name] = unit.id;
      outcome.created_units.push_back(unit.id);
      outcome.warnings.push_back(UnitCreated(unit.id, name));
    }
  }
  for (auto& task : imported.tasks) {
    for (auto* refs : {&task.lead_units, &task.coordinating_units}) {
      for (auto& ref : *refs) {
        if (ref.id != 0) continue;
        auto it = created.find(ref.display_name);
        if (it != created.end()) ref.id = it->second;
      }
      std::erase_if(*refs, [](const domain::UnitRef& r) { return r.id == 0; });
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<ImportOutcome> PlanOperations::ImportPlan(const domain::Caller& caller,
                                                         const ImportPlanCommand& command,
                                                         const Idempotency& idempotency) {
  domain::Violations v;
  v.RequestId("request_id", caller.actor.request_id);
  SK_RETURN_IF_ERROR(v.ToStatus());
  SK_RETURN_IF_ERROR(CheckTextSize(command.text));
  SK_ASSIGN_OR_RETURN(std::vector<importer::DirectoryEntry> entries, directory_.Entries());
  SK_ASSIGN_OR_RETURN(importer::ImportedPlan imported,
                      importer::ImportPlanText(command.text, entries));
  ImportOutcome outcome;
  outcome.warnings = imported.warnings;
  if (command.validate_only) {
    outcome.plan = std::move(imported.plan);
    outcome.tasks = std::move(imported.tasks);
    return outcome;
  }
  SK_RETURN_IF_ERROR(db_.Write([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(auto replay, internal::FindReplay(c, kImportPlan, idempotency));
    int64_t plan_id = 0;
    if (replay) {
      plan_id = domain::ParseCollectionId(replay->resource_name, "plans").value_or(0);
      outcome.warnings.clear();
      WarningsFromJson(replay->extra, outcome);
    } else {
      absl::Time now = clock_();
      SK_RETURN_IF_ERROR(ResolveImportedUnits(c, command, imported, outcome, now));
      imported.plan.state =
          command.publish ? domain::PlanState::kPublished : domain::PlanState::kDraft;
      SK_RETURN_IF_ERROR(InsertPlanAndTasks(c, imported.plan, imported.tasks, now));
      plan_id = imported.plan.id;
      for (int64_t unit_id : outcome.created_units) {
        SK_ASSIGN_OR_RETURN(domain::Unit unit, UnitRepository::Get(c, unit_id));
        SK_RETURN_IF_ERROR(internal::ExposeUnit(c, unit, now));
      }
      SK_RETURN_IF_ERROR(internal::ExposePlanTree(c, plan_id, now));
      SK_RETURN_IF_ERROR(internal::RecordCreate(
          c, kImportPlan, idempotency, domain::PlanName(plan_id),
          WarningsToJson(outcome.warnings, outcome.created_units).dump(), now));
    }
    SK_ASSIGN_OR_RETURN(outcome.plan, PlanRepository::GetPlan(c, plan_id, /*show_deleted=*/true));
    SK_ASSIGN_OR_RETURN(outcome.tasks, TasksOf(c, plan_id));
    if (replay) return absl::OkStatus();
    return storage::AuditLog::Append(c, caller.actor, domain::PlanName(plan_id), "",
                                     Digest(outcome.plan), clock_());
  }));
  return outcome;
}

}  // namespace sangkien::operations
