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
  // DUPLICATE_NUMBER, NUMBER_OUT_OF_ORDER (a number lower than one before
  // it, or a number never used: "2.3 is missing before 2.4"),
  // INCONSISTENT_REFERENCE, MISSING_LEAD_UNIT, MISSING_TIMEFRAME,
  // UNPARSED_TIMEFRAME, UNKNOWN_UNIT (once per name), MISSING_HEADER_FIELD
  // (symbol, issue date, place, issuer or title; the field is named in
  // brackets at the end of `message`), NO_TASKS (sections but no item that
  // assigns work). Sorted by line; line 0 first.
  std::string code;
  int line = 0;      // 1-based input line, 0 if none
  std::string item;  // "4.6"
  std::string message;
  std::string message_vi;
};

struct ImportedPlan {
  // id 0, state kDraft, task_count set. Sections hold every roman part and
  // numbered item (level 0, 1, 2 …), tasks or not, so the plan reads whole:
  // an item with numbered children has its first paragraph as heading;
  // otherwise its text, lettered sub-items, bullets and attribute lines are
  // the body. Basis: documents the preamble cites, once each, in order.
  domain::Plan plan;
  // Positions 1..n in document order, ids 0. An item is a task when it has
  // attribute lines (chủ trì / đề xuất / phối hợp / thời gian / thời hạn) or
  // names its actor in prose at its start ("X chủ trì, phối hợp Y …", "X, Y
  // <verb> …", "Giao X chủ trì …"). Lettered sub-items or bullets that carry
  // their own lead units (at least two of them) are tasks numbered "2.a" or
  // "2(1)". A task's title is its first sentence without the actor, at most
  // 300 characters; its body is the item without attribute lines.
  std::vector<domain::Task> tasks;
  std::vector<ImportWarning> warnings;
  // Unit names the directory does not know, in first-seen order. Tasks refer
  // to them with UnitRef{kUnit, id 0, name}.
  std::vector<std::string> unknown_units;
};

// Parses `text`. Fails with INVALID_ARGUMENT (reason IMPORT_NOT_A_PLAN) when
// the text is not recognisably a plan (no "KẾ HOẠCH"-style title line, and
// no numbered sections that also name units, cite documents or carry
// attribute lines; binary files such as a PDF itself), with INVALID_ARGUMENT
// (reason INVALID_UTF8) on bad UTF-8, and with INVALID_ARGUMENT (reason
// IMPORT_TOO_LARGE) above 2 MB. Accepts CRLF/CR, a BOM, NFD, UTF-16 with a
// BOM, hard-wrapped lines with or without blank lines between them, and one
// paragraph per line.
absl::StatusOr<ImportedPlan> ImportPlanText(std::string_view text,
                                            const std::vector<DirectoryEntry>& directory);

}  // namespace sangkien::importer

#endif  // SANGKIEN_SERVER_IMPORTER_PLAN_IMPORTER_H_
