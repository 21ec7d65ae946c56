// PlanRepository's assignments and progress reports; plans and tasks are in
// plan_repository.cc.
#include "absl/strings/str_cat.h"
#include "calendar/civil_date.h"
#include "domain/validation.h"
#include "status/errors.h"
#include "storage/plan_repository.h"
#include "storage/plan_rows.h"
#include "storage/sql_internal.h"

namespace sangkien::storage {

using internal::BindValue;
using internal::Column;
using internal::kPublishedOnly;
using internal::Query;
using internal::ReadTimeframe;

namespace {

// ---- assignments ----

constexpr const char* kAssignmentSelect =
    "SELECT a.id, a.plan_id, a.task_id, a.unit_id, a.role, a.via_group_id, a.next_due_date, "
    "a.last_report_id, a.progress, t.number, t.title, t.tf_kind, t.tf_text, t.tf_due_date, "
    "t.tf_start_date, t.tf_report_dates, t.tf_condition, u.display_name";

domain::Assignment ReadAssignment(SQLite::Statement& q) {
  domain::Assignment a;
  a.id = q.getColumn(0).getInt64();
  a.plan_id = q.getColumn(1).getInt64();
  a.task_id = q.getColumn(2).getInt64();
  a.unit_id = q.getColumn(3).getInt64();
  a.role = static_cast<domain::AssignmentRole>(q.getColumn(4).getInt());
  a.via_group_id = q.getColumn(5).isNull() ? 0 : q.getColumn(5).getInt64();
  a.next_due_date = internal::DateFromText(q.getColumn(6).getString());
  a.last_report_id = q.getColumn(7).isNull() ? 0 : q.getColumn(7).getInt64();
  a.progress_percent = q.getColumn(8).getInt();
  a.task_number = q.getColumn(9).getString();
  a.task_title = q.getColumn(10).getString();
  a.timeframe = ReadTimeframe(q, 11);
  a.unit_display_name = q.getColumn(17).getString();
  return a;
}

// ---- reports ----

constexpr const char* kReportColumns =
    "r.id, r.plan_id, r.task_id, r.unit_id, r.report_date, r.covers_due_date, r.text, r.progress, "
    "r.attachments, r.create_time";

domain::ProgressReport ReadReport(SQLite::Statement& q) {
  domain::ProgressReport r;
  r.id = q.getColumn(0).getInt64();
  r.plan_id = q.getColumn(1).getInt64();
  r.task_id = q.getColumn(2).getInt64();
  r.unit_id = q.getColumn(3).getInt64();
  r.report_date = internal::DateFromText(q.getColumn(4).getString()).value_or(absl::CivilDay());
  r.covers_due_date =
      q.getColumn(5).isNull() ? std::nullopt : internal::DateFromText(q.getColumn(5).getString());
  r.text = q.getColumn(6).getString();
  r.progress_percent = q.getColumn(7).getInt();
  r.attachments = internal::StringsFromJson(q.getColumn(8).getString());
  r.create_time = internal::FromMicros(q.getColumn(9).getInt64());
  return r;
}

}  // namespace

// ---- assignments ----

absl::Status PlanRepository::InsertAssignment(Connection& c, int64_t plan_id, int64_t task_id,
                                              const domain::AssignmentSeed& seed,
                                              const std::optional<absl::CivilDay>& next_due_date) {
  Query q(c,
          "INSERT OR IGNORE INTO assignments (plan_id, task_id, unit_id, role, via_group_id, "
          "next_due_date) VALUES (:plan, :task, :unit, :role, :via_group, :next_due)");
  q.Bind(":plan", plan_id)
      .Bind(":task", task_id)
      .Bind(":unit", seed.unit_id)
      .Bind(":role", seed.role)
      .BindIdOrNull(":via_group", seed.via_group_id)
      .Bind(":next_due", internal::DateText(next_due_date))
      .Run();
  return absl::OkStatus();
}

absl::StatusOr<domain::ListPage<domain::Assignment>> PlanRepository::ListAssignments(
    Connection& c, int64_t plan_id, int64_t task_id, const domain::ListQuery& query,
    absl::CivilDay as_of, bool include_drafts) {
  Column order{"a.next_due_date", BindValue::Type::kText};
  if (query.order.field == "task") order = {"a.task_id", BindValue::Type::kInt};
  internal::SelectBuilder select(absl::StrCat(
      kAssignmentSelect, ", ", order.expr,
      " FROM assignments a JOIN tasks t ON t.id = a.task_id JOIN plans p ON p.id = a.plan_id "
      "JOIN units u ON u.id = a.unit_id"));
  select.Where("p.delete_time IS NULL");
  if (!include_drafts) select.Where(kPublishedOnly);
  if (plan_id != 0) select.Where("a.plan_id = :plan", {{":plan", BindValue::Int(plan_id)}});
  if (task_id != 0) select.Where("a.task_id = :task", {{":task", BindValue::Int(task_id)}});
  std::string today = calendar::FormatIsoDate(as_of);
  for (const auto& term : query.filter) {
    if (term.field == "overdue") {
      bool want = (term.int_value == 1) == (term.op == domain::FilterOp::kEq);
      select.Where(want ? "a.next_due_date < :today" : "a.next_due_date >= :today",
                   {{":today", BindValue::Text(today)}});
    } else if (term.field == "task") {
      auto key = domain::ParseTaskName(term.value);
      std::string task = select.UniqueName(":task");
      select.Where(
          absl::StrCat("a.task_id ", term.op == domain::FilterOp::kNe ? "!= " : "= ", task),
          {{task, BindValue::Int(key ? key->task_id : -1)}});
    } else if (term.field == "due_date") {
      select.Where("a.next_due_date != :no_date",
                   {{":no_date", BindValue::Text(internal::kNoDate)}});
    }
  }
  select.Filter(query.filter, {{"unit", {"a.unit_id", BindValue::Type::kInt}},
                               {"role", {"a.role", BindValue::Type::kInt}},
                               {"due_date", {"a.next_due_date", BindValue::Type::kText}}});
  select.Page(query, order, "a.id");
  Query q(c, select.sql());
  q.BindAll(select.params());
  return internal::ReadPage<domain::Assignment>(q, query, 18, order.type, ReadAssignment);
}

absl::StatusOr<std::vector<domain::Assignment>> PlanRepository::AssignmentsOfTask(Connection& c,
                                                                                  int64_t task_id) {
  Query q(c, absl::StrCat(kAssignmentSelect,
                          " FROM assignments a JOIN tasks t ON t.id = a.task_id JOIN units u ON "
                          "u.id = a.unit_id WHERE a.task_id = :task ORDER BY a.id"));
  q.Bind(":task", task_id);
  std::vector<domain::Assignment> out;
  while (q.Step()) out.push_back(ReadAssignment(q.row()));
  return out;
}

absl::StatusOr<domain::Assignment> PlanRepository::GetAssignment(Connection& c,
                                                                 int64_t assignment_id) {
  Query q(c, absl::StrCat(kAssignmentSelect,
                          " FROM assignments a JOIN tasks t ON t.id = a.task_id JOIN units u ON "
                          "u.id = a.unit_id WHERE a.id = :id"));
  if (!q.Bind(":id", assignment_id).Step()) {
    return NotFound(absl::StrCat("assignment ", assignment_id));
  }
  return ReadAssignment(q.row());
}

absl::StatusOr<std::vector<int64_t>> PlanRepository::PlansAssigningUnit(Connection& c,
                                                                        int64_t unit_id) {
  Query q(c, "SELECT DISTINCT plan_id FROM assignments WHERE unit_id = :unit ORDER BY plan_id");
  q.Bind(":unit", unit_id);
  std::vector<int64_t> out;
  while (q.Step()) out.push_back(q.Column(0).getInt64());
  return out;
}

absl::Status PlanRepository::SetAssignmentProgress(
    Connection& c, int64_t assignment_id, const std::optional<absl::CivilDay>& next_due_date,
    int64_t last_report_id, int progress_percent) {
  Query q(c,
          "UPDATE assignments SET next_due_date = :next_due, last_report_id = :last_report, "
          "progress = :progress WHERE id = :id");
  q.Bind(":next_due", internal::DateText(next_due_date))
      .Bind(":last_report", last_report_id)
      .Bind(":progress", progress_percent)
      .Bind(":id", assignment_id)
      .Run();
  return absl::OkStatus();
}

absl::Status PlanRepository::SetAssignmentDue(Connection& c, int64_t assignment_id,
                                              const std::optional<absl::CivilDay>& next_due_date) {
  Query q(c, "UPDATE assignments SET next_due_date = :next_due WHERE id = :id");
  q.Bind(":next_due", internal::DateText(next_due_date)).Bind(":id", assignment_id).Run();
  return absl::OkStatus();
}

// ---- reports ----

absl::StatusOr<int64_t> PlanRepository::InsertReport(Connection& c,
                                                     const domain::ProgressReport& r) {
  Query q(c,
          "INSERT INTO progress_reports (plan_id, task_id, unit_id, report_date, "
          "covers_due_date, text, progress, attachments, create_time) VALUES (:plan, :task, "
          ":unit, :report_date, :covers, :text, :progress, :attachments, :create_time)");
  q.Bind(":plan", r.plan_id)
      .Bind(":task", r.task_id)
      .Bind(":unit", r.unit_id)
      .Bind(":report_date", r.report_date)
      .Bind(":covers", r.covers_due_date)
      .Bind(":text", r.text)
      .Bind(":progress", r.progress_percent)
      .Bind(":attachments", internal::StringsToJson(r.attachments).dump())
      .Bind(":create_time", r.create_time)
      .Run();
  return q.last_insert_rowid();
}

absl::StatusOr<domain::ProgressReport> PlanRepository::GetReport(Connection& c, int64_t report_id) {
  Query q(c, absl::StrCat("SELECT ", kReportColumns, " FROM progress_reports r WHERE r.id = :id"));
  if (!q.Bind(":id", report_id).Step()) {
    return NotFound(absl::StrCat("progressReports/", report_id));
  }
  return ReadReport(q.row());
}

absl::StatusOr<std::vector<int64_t>> PlanRepository::ReportIdsOfTask(Connection& c,
                                                                     int64_t task_id) {
  Query q(c, "SELECT id FROM progress_reports WHERE task_id = :task ORDER BY id");
  q.Bind(":task", task_id);
  std::vector<int64_t> out;
  while (q.Step()) out.push_back(q.Column(0).getInt64());
  return out;
}

absl::StatusOr<domain::ListPage<domain::ProgressReport>> PlanRepository::ListReports(
    Connection& c, int64_t task_id, const domain::ListQuery& query) {
  domain::ListQuery newest_first = query;
  newest_first.order = {"id", true};
  Column order{"r.id", BindValue::Type::kInt};
  internal::SelectBuilder select(
      absl::StrCat("SELECT ", kReportColumns, ", r.id FROM progress_reports r"));
  select.Where("r.task_id = :task", {{":task", BindValue::Int(task_id)}});
  select.Filter(query.filter, {{"unit", {"r.unit_id", BindValue::Type::kInt}}});
  select.Page(newest_first, order, "r.id");
  Query q(c, select.sql());
  q.BindAll(select.params());
  return internal::ReadPage<domain::ProgressReport>(q, newest_first, 10, order.type, ReadReport);
}

absl::StatusOr<domain::ReportHistory> PlanRepository::History(Connection& c, int64_t task_id,
                                                              int64_t unit_id) {
  Query q(c,
          "SELECT covers_due_date, progress FROM progress_reports "
          "WHERE task_id = :task AND unit_id = :unit");
  q.Bind(":task", task_id).Bind(":unit", unit_id);
  domain::ReportHistory history;
  while (q.Step()) {
    if (!q.Column(0).isNull()) {
      if (auto d = internal::DateFromText(q.Column(0).getString())) {
        history.covered_due_dates.push_back(*d);
      }
    }
    if (q.Column(1).getInt() >= 100) history.completed = true;
  }
  return history;
}

}  // namespace sangkien::storage
