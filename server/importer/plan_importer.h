// Turns a plan's text, as copied out of a PDF or Word file, into a Plan with
// its Tasks and the warnings its author should hear. Pure: it reads the unit
// directory through the entries it is given and writes nothing.
#ifndef SANGKIEN_SERVER_IMPORTER_PLAN_IMPORTER_H_
#define SANGKIEN_SERVER_IMPORTER_PLAN_IMPORTER_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "domain/plan.h"
#include "domain/task.h"
#include "domain/unit.h"

namespace sangkien::importer {

// One name by which the directory knows a unit or group (its display name or
// one of its aliases).
struct DirectoryEntry {
  std::string name;  // as stored, NFC
  domain::UnitRef ref;
  domain::UnitKind kind = domain::UnitKind::kUnspecified;  // units only
};

struct ImportWarning {
  // DUPLICATE_NUMBER, NUMBER_OUT_OF_ORDER, INCONSISTENT_REFERENCE,
  // MISSING_LEAD_UNIT, MISSING_TIMEFRAME, UNPARSED_TIMEFRAME, UNKNOWN_UNIT,
  // MISSING_HEADER_FIELD.
  std::string code;
  int line = 0;      // 1-based input line, 0 if none
  std::string item;  // "4.6"
  std::string message;
  std::string message_vi;
};

struct ImportedPlan {
  domain::Plan plan;  // id 0, state kDraft... see importer docs
  std::vector<domain::Task> tasks;  // positions 1..n, ids 0
  std::vector<ImportWarning> warnings;
  // Unit names the directory does not know, in first-seen order. Tasks refer
  // to them with UnitRef{kUnit, id 0, name}.
  std::vector<std::string> unknown_units;
};

// Parses `text`. Fails with INVALID_ARGUMENT (reason IMPORT_NOT_A_PLAN) when
// the text is not recognisably a plan (no title and no numbered sections),
// and with INVALID_ARGUMENT (reason INVALID_UTF8) on bad UTF-8.
absl::StatusOr<ImportedPlan> ImportPlanText(std::string_view text,
                                            const std::vector<DirectoryEntry>& directory);

}  // namespace sangkien::importer

#endif  // SANGKIEN_SERVER_IMPORTER_PLAN_IMPORTER_H_
