#include "storage/plan_repository.h"

#include "absl/strings/str_cat.h"
#include "calendar/civil_date.h"
#include "domain/validation.h"
#include "status/errors.h"
#include "storage/plan_rows.h"
#include "storage/sql_internal.h"
#include "text/vietnamese.h"

namespace sangkien::storage {

using internal::BindValue;
using internal::Column;
using internal::kPublishedOnly;
using internal::Query;
using internal::ReadTimeframe;

namespace internal {

calendar::Timeframe ReadTimeframe(SQLite::Statement& q, int first) {
  calendar::Timeframe tf;
  tf.kind = static_cast<calendar::TimeframeKind>(q.getColumn(first).getInt());
  tf.original_text = q.getColumn(first + 1).getString();
  tf.due_date = internal::DateFromText(q.getColumn(first + 2).getString());
  tf.start_date = q.getColumn(first + 3).isNull()
                      ? std::nullopt
                      : internal::DateFromText(q.getColumn(first + 3).getString());
  tf.report_dates = internal::AnnualDatesFromJson(q.getColumn(first + 4).getString());
  tf.condition = q.getColumn(first + 5).getString();
  return tf;
}

}  // namespace internal

namespace {

// ---- plans ----

constexpr const char* kPlanColumns =
    "p.id, p.symbol, p.kind, p.issuer, p.issuer_unit_id, p.place, p.issue_date, p.title, "
    "p.preamble, p.sections, p.signer, p.recipients, p.basis, p.state, p.revision, "
    "p.create_time, p.update_time, p.delete_time, "
    "(SELECT count(*) FROM tasks t WHERE t.plan_id = p.id)";
constexpr int kPlanColumnCount = 19;

domain::Plan ReadPlan(SQLite::Statement& q) {
  domain::Plan p;
  p.id = q.getColumn(0).getInt64();
  p.symbol = q.getColumn(1).getString();
  p.kind = static_cast<domain::DocumentKind>(q.getColumn(2).getInt());
  p.issuer = q.getColumn(3).getString();
  p.issuer_unit_id = q.getColumn(4).isNull() ? 0 : q.getColumn(4).getInt64();
  p.place = q.getColumn(5).getString();
  p.issue_date =
      q.getColumn(6).isNull() ? std::nullopt : internal::DateFromText(q.getColumn(6).getString());
  p.title = q.getColumn(7).getString();
  p.preamble = q.getColumn(8).getString();
  p.sections = internal::SectionsFromJson(q.getColumn(9).getString());
  p.signer = internal::SignerFromJson(q.getColumn(10).getString());
  p.recipients = internal::StringsFromJson(q.getColumn(11).getString());
  p.basis = internal::BasisFromJson(q.getColumn(12).getString());
  p.state = static_cast<domain::PlanState>(q.getColumn(13).getInt());
  p.etag = internal::Etag(q.getColumn(14).getInt64());
  p.create_time = internal::FromMicros(q.getColumn(15).getInt64());
  p.update_time = internal::FromMicros(q.getColumn(16).getInt64());
  if (!q.getColumn(17).isNull()) p.delete_time = internal::FromMicros(q.getColumn(17).getInt64());
  p.task_count = q.getColumn(18).getInt();
  return p;
}

// The plan's stored fields, by the names kPlanValues and kPlanAssignments use.
void BindPlan(Query& q, const domain::Plan& p) {
  q.Bind(":symbol", p.symbol)
      .Bind(":kind", p.kind)
      .Bind(":issuer", p.issuer)
      .BindIdOrNull(":issuer_unit", p.issuer_unit_id)
      .Bind(":place", p.place)
      // Unset issue dates are stored as '' so they sort first and stay indexable.
      .Bind(":issue_date", p.issue_date ? calendar::FormatIsoDate(*p.issue_date) : std::string())
      .Bind(":title", p.title)
      .BindBlob(":title_key", text::VietnameseSortKey(p.title))
      .Bind(":preamble", p.preamble)
      .Bind(":sections", internal::SectionsToJson(p.sections).dump())
      .Bind(":signer", internal::SignerToJson(p.signer).dump())
      .Bind(":recipients", internal::StringsToJson(p.recipients).dump())
      .Bind(":basis", internal::BasisToJson(p.basis).dump())
      .Bind(":state", p.state);
}

std::vector<std::string> DocumentKindNames() {
  return {"",         "CONCLUSION", "ACTION_PROGRAMME", "PLAN", "RESOLUTION",
          "DECISION", "DIRECTIVE",  "DECREE",           "OTHER"};
}
std::vector<std::string> PlanStateNames() { return {"", "DRAFT", "PUBLISHED"}; }
std::vector<std::string> TaskStatusNames() {
  return {"", "NOT_STARTED", "IN_PROGRESS", "COMPLETED", "ONGOING", "WAITING", "CANCELLED"};
}
std::vector<std::string> TimeframeKindNames() {
  return {"",        "DUE_DATE",         "MONTH",       "QUARTER", "HALF_YEAR", "YEAR",
          "ONGOING", "ONGOING_PERIODIC", "CONDITIONAL", "UNPARSED"};
}
std::vector<std::string> RoleNames() { return {"", "LEAD", "COORDINATE"}; }

// ---- tasks ----

constexpr const char* kTaskColumns =
    "t.id, t.plan_id, t.position, t.number, t.title, t.body, t.section, t.lead_units, "
    "t.coordinating_units, t.tf_kind, t.tf_text, t.tf_due_date, t.tf_start_date, "
    "t.tf_report_dates, t.tf_condition, t.status, t.progress, t.revision, t.create_time, "
    "t.update_time";
constexpr int kTaskColumnCount = 20;

domain::Task ReadTask(SQLite::Statement& q) {
  domain::Task t;
  t.id = q.getColumn(0).getInt64();
  t.plan_id = q.getColumn(1).getInt64();
  t.position = q.getColumn(2).getInt();
  t.number = q.getColumn(3).getString();
  t.title = q.getColumn(4).getString();
  t.body = q.getColumn(5).getString();
  t.section = q.getColumn(6).getString();
  t.lead_units = internal::UnitRefsFromJson(q.getColumn(7).getString());
  t.coordinating_units = internal::UnitRefsFromJson(q.getColumn(8).getString());
  t.timeframe = ReadTimeframe(q, 9);
  t.status = static_cast<domain::TaskStatus>(q.getColumn(15).getInt());
  t.progress_percent = q.getColumn(16).getInt();
  t.etag = internal::Etag(q.getColumn(17).getInt64());
  t.create_time = internal::FromMicros(q.getColumn(18).getInt64());
  t.update_time = internal::FromMicros(q.getColumn(19).getInt64());
  return t;
}

// The task's editable fields, by the names kTaskValues and kTaskAssignments use.
void BindTaskFields(Query& q, const domain::Task& t) {
  const auto& tf = t.timeframe;
  q.Bind(":number", t.number)
      .Bind(":title", t.title)
      .Bind(":body", t.body)
      .Bind(":section", t.section)
      .Bind(":lead_units", internal::UnitRefsToJson(t.lead_units).dump())
      .Bind(":coordinating_units", internal::UnitRefsToJson(t.coordinating_units).dump())
      .Bind(":tf_kind", tf.kind)
      .Bind(":tf_text", tf.original_text)
      .Bind(":tf_due_date", internal::DateText(tf.due_date))
      .Bind(":tf_start_date", tf.start_date)
      .Bind(":tf_report_dates", internal::AnnualDatesToJson(tf.report_dates).dump())
      .Bind(":tf_condition", tf.condition)
      .Bind(":status", t.status)
      .Bind(":progress", t.progress_percent);
}

}  // namespace

// ---- field lists ----

const std::vector<domain::FilterField>& PlanRepository::PlanFilterFields() {
  static const std::vector<domain::FilterField> kFields = {
      {"kind", domain::FilterType::kEnum, false, DocumentKindNames(), "DOCUMENT_KIND_", ""},
      {"state", domain::FilterType::kEnum, false, PlanStateNames(), "PLAN_STATE_", ""},
      {"symbol", domain::FilterType::kString, false, {}, "", ""},
      {"issue_date", domain::FilterType::kDate, true, {}, "", ""},
  };
  return kFields;
}
const std::vector<std::string>& PlanRepository::PlanOrderFields() {
  static const std::vector<std::string> kFields = {"issue_date", "create_time", "title"};
  return kFields;
}
const std::vector<domain::FilterField>& PlanRepository::TaskFilterFields() {
  static const std::vector<domain::FilterField> kFields = {
      {"lead_unit", domain::FilterType::kResource, false, {}, "", "units/"},
      {"unit", domain::FilterType::kResource, false, {}, "", "units/"},
      {"status", domain::FilterType::kEnum, false, TaskStatusNames(), "TASK_STATUS_", ""},
      {"due_date", domain::FilterType::kDate, true, {}, "", ""},
      {"timeframe.kind", domain::FilterType::kEnum, false, TimeframeKindNames(), "", ""},
      {"number", domain::FilterType::kString, false, {}, "", ""},
  };
  return kFields;
}
const std::vector<std::string>& PlanRepository::TaskOrderFields() {
  static const std::vector<std::string> kFields = {"position", "due_date", "number"};
  return kFields;
}
const std::vector<domain::FilterField>& PlanRepository::AssignmentFilterFields() {
  static const std::vector<domain::FilterField> kFields = {
      {"unit", domain::FilterType::kResource, false, {}, "", "units/"},
      {"role", domain::FilterType::kEnum, false, RoleNames(), "ASSIGNMENT_ROLE_", ""},
      {"overdue", domain::FilterType::kBool, false, {}, "", ""},
      {"due_date", domain::FilterType::kDate, true, {}, "", ""},
      {"task", domain::FilterType::kString, false, {}, "", ""},
  };
  return kFields;
}
const std::vector<std::string>& PlanRepository::AssignmentOrderFields() {
  static const std::vector<std::string> kFields = {"next_due_date", "task"};
  return kFields;
}
const std::vector<domain::FilterField>& PlanRepository::ReportFilterFields() {
  static const std::vector<domain::FilterField> kFields = {
      {"unit", domain::FilterType::kResource, false, {}, "", "units/"},
  };
  return kFields;
}

// ---- plans ----

absl::StatusOr<int64_t> PlanRepository::InsertPlan(Connection& c, const domain::Plan& plan,
                                                   absl::Time now) {
  Query q(c,
          "INSERT INTO plans (symbol, kind, issuer, issuer_unit_id, place, issue_date, title, "
          "title_sort_key, preamble, sections, signer, recipients, basis, state, revision, "
          "create_time, update_time) VALUES (:symbol, :kind, :issuer, :issuer_unit, :place, "
          ":issue_date, :title, :title_key, :preamble, :sections, :signer, :recipients, :basis, "
          ":state, 1, :now, :now)");
  BindPlan(q, plan);
  q.Bind(":now", now).Run();
  return q.last_insert_rowid();
}

absl::Status PlanRepository::UpdatePlan(Connection& c, const domain::Plan& plan, absl::Time now) {
  Query q(c,
          "UPDATE plans SET symbol = :symbol, kind = :kind, issuer = :issuer, "
          "issuer_unit_id = :issuer_unit, place = :place, issue_date = :issue_date, "
          "title = :title, title_sort_key = :title_key, preamble = :preamble, "
          "sections = :sections, signer = :signer, recipients = :recipients, basis = :basis, "
          "state = :state, revision = revision + 1, update_time = :now "
          "WHERE id = :id AND delete_time IS NULL");
  BindPlan(q, plan);
  if (q.Bind(":now", now).Bind(":id", plan.id).Run() == 0) {
    return NotFound(domain::PlanName(plan.id));
  }
  return absl::OkStatus();
}

absl::Status PlanRepository::SoftDeletePlan(Connection& c, int64_t id, absl::Time now) {
  Query q(c,
          "UPDATE plans SET delete_time = :now, revision = revision + 1, update_time = :now "
          "WHERE id = :id AND delete_time IS NULL");
  if (q.Bind(":now", now).Bind(":id", id).Run() == 0) return NotFound(domain::PlanName(id));
  return absl::OkStatus();
}

absl::StatusOr<domain::Plan> PlanRepository::GetPlan(Connection& c, int64_t id, bool show_deleted,
                                                     bool include_drafts) {
  Query q(c, absl::StrCat("SELECT ", kPlanColumns, " FROM plans p WHERE p.id = :id"));
  if (!q.Bind(":id", id).Step()) return NotFound(domain::PlanName(id));
  domain::Plan plan = ReadPlan(q.row());
  if (plan.delete_time && !show_deleted) return NotFound(domain::PlanName(id));
  if (!include_drafts && plan.state != domain::PlanState::kPublished) {
    return NotFound(domain::PlanName(id));
  }
  return plan;
}

absl::StatusOr<domain::ListPage<domain::Plan>> PlanRepository::ListPlans(
    Connection& c, const domain::ListQuery& query, bool include_drafts) {
  Column order{"p.issue_date", BindValue::Type::kText};
  if (query.order.field == "create_time") order = {"p.create_time", BindValue::Type::kInt};
  if (query.order.field == "title") order = {"p.title_sort_key", BindValue::Type::kBlob};
  internal::SelectBuilder select(
      absl::StrCat("SELECT ", kPlanColumns, ", ", order.expr, " FROM plans p"));
  select.Where("p.delete_time IS NULL");
  if (!include_drafts) select.Where(kPublishedOnly);
  // An unset issue date is stored as '' so that it sorts first; it must not
  // satisfy a date comparison.
  for (const auto& term : query.filter) {
    if (term.field == "issue_date") select.Where("p.issue_date != ''");
  }
  select.Filter(query.filter, {{"kind", {"p.kind", BindValue::Type::kInt}},
                               {"state", {"p.state", BindValue::Type::kInt}},
                               {"symbol", {"p.symbol", BindValue::Type::kText}},
                               {"issue_date", {"p.issue_date", BindValue::Type::kText}}});
  select.Page(query, order, "p.id");
  Query q(c, select.sql());
  q.BindAll(select.params());
  return internal::ReadPage<domain::Plan>(q, query, kPlanColumnCount, order.type, ReadPlan);
}

// ---- tasks ----

absl::StatusOr<int64_t> PlanRepository::InsertTask(Connection& c, const domain::Task& task,
                                                   absl::Time now) {
  Query q(c,
          "INSERT INTO tasks (plan_id, position, number, title, body, section, lead_units, "
          "coordinating_units, tf_kind, tf_text, tf_due_date, tf_start_date, tf_report_dates, "
          "tf_condition, status, progress, revision, create_time, update_time) "
          "VALUES (:plan, :position, :number, :title, :body, :section, :lead_units, "
          ":coordinating_units, :tf_kind, :tf_text, :tf_due_date, :tf_start_date, "
          ":tf_report_dates, :tf_condition, :status, :progress, 1, :now, :now)");
  BindTaskFields(q, task);
  q.Bind(":plan", task.plan_id).Bind(":position", task.position).Bind(":now", now).Run();
  return q.last_insert_rowid();
}

absl::Status PlanRepository::UpdateTask(Connection& c, const domain::Task& task, absl::Time now) {
  Query q(c,
          "UPDATE tasks SET number = :number, title = :title, body = :body, section = :section, "
          "lead_units = :lead_units, coordinating_units = :coordinating_units, "
          "tf_kind = :tf_kind, tf_text = :tf_text, tf_due_date = :tf_due_date, "
          "tf_start_date = :tf_start_date, tf_report_dates = :tf_report_dates, "
          "tf_condition = :tf_condition, status = :status, progress = :progress, "
          "revision = revision + 1, update_time = :now WHERE id = :id AND plan_id = :plan");
  BindTaskFields(q, task);
  if (q.Bind(":now", now).Bind(":id", task.id).Bind(":plan", task.plan_id).Run() == 0) {
    return NotFound(domain::TaskName(task.plan_id, task.id));
  }
  return absl::OkStatus();
}

absl::StatusOr<domain::Task> PlanRepository::GetTask(Connection& c, int64_t plan_id,
                                                     int64_t task_id, bool include_drafts) {
  Query q(c, absl::StrCat("SELECT ", kTaskColumns,
                          " FROM tasks t JOIN plans p ON p.id = t.plan_id "
                          "WHERE t.id = :task AND t.plan_id = :plan AND p.delete_time IS NULL",
                          include_drafts ? "" : absl::StrCat(" AND ", kPublishedOnly)));
  if (!q.Bind(":task", task_id).Bind(":plan", plan_id).Step()) {
    return NotFound(domain::TaskName(plan_id, task_id));
  }
  return ReadTask(q.row());
}

absl::StatusOr<std::vector<domain::Task>> PlanRepository::TasksOfPlan(Connection& c,
                                                                      int64_t plan_id) {
  Query q(c, absl::StrCat("SELECT ", kTaskColumns,
                          " FROM tasks t WHERE t.plan_id = :plan ORDER BY t.position, t.id"));
  q.Bind(":plan", plan_id);
  std::vector<domain::Task> out;
  while (q.Step()) out.push_back(ReadTask(q.row()));
  return out;
}

absl::StatusOr<domain::ListPage<domain::Task>> PlanRepository::ListTasks(
    Connection& c, int64_t plan_id, const domain::ListQuery& query, bool include_drafts) {
  Column order{"t.position", BindValue::Type::kInt};
  if (query.order.field == "due_date") order = {"t.tf_due_date", BindValue::Type::kText};
  if (query.order.field == "number") order = {"t.number", BindValue::Type::kText};
  internal::SelectBuilder select(absl::StrCat("SELECT ", kTaskColumns, ", ", order.expr,
                                              " FROM tasks t JOIN plans p ON p.id = t.plan_id"));
  select.Where("p.delete_time IS NULL");
  if (!include_drafts) select.Where(kPublishedOnly);
  if (plan_id != 0) select.Where("t.plan_id = :plan", {{":plan", BindValue::Int(plan_id)}});
  for (const auto& term : query.filter) {
    if (term.field == "unit" || term.field == "lead_unit") {
      // Through assignments, so a unit reached via a group counts too. "=" is
      // driven by the unit's assignments (assignments_by_unit), so across
      // plans it costs what the unit holds, not what the country holds.
      std::string role = term.field == "lead_unit" ? " AND a.role = 1" : "";
      std::string unit = select.UniqueName(":unit");
      if (term.op == domain::FilterOp::kNe) {
        select.Where(absl::StrCat("NOT EXISTS (SELECT 1 FROM assignments a WHERE a.task_id = t.id "
                                  "AND a.unit_id = ",
                                  unit, role, ")"),
                     {{unit, BindValue::Int(term.int_value)}});
      } else {
        select.Where(absl::StrCat("t.id IN (SELECT a.task_id FROM assignments a WHERE a.unit_id = ",
                                  unit, role, ")"),
                     {{unit, BindValue::Int(term.int_value)}});
      }
    } else if (term.field == "due_date") {
      // "No due date" is stored as kNoDate so that it sorts last; it must not
      // satisfy a date comparison.
      select.Where("t.tf_due_date != :no_date", {{":no_date", BindValue::Text(internal::kNoDate)}});
    }
  }
  select.Filter(query.filter, {{"status", {"t.status", BindValue::Type::kInt}},
                               {"due_date", {"t.tf_due_date", BindValue::Type::kText}},
                               {"timeframe.kind", {"t.tf_kind", BindValue::Type::kInt}},
                               {"number", {"t.number", BindValue::Type::kText}}});
  select.Page(query, order, "t.id");
  Query q(c, select.sql());
  q.BindAll(select.params());
  return internal::ReadPage<domain::Task>(q, query, kTaskColumnCount, order.type, ReadTask);
}

absl::StatusOr<std::vector<domain::Task>> PlanRepository::TasksNamingGroup(Connection& c,
                                                                           int64_t group_id) {
  // The group ids live in JSON; json_each keeps this one query.
  Query q(
      c,
      absl::StrCat(
          "SELECT ", kTaskColumns,
          " FROM tasks t JOIN plans p ON p.id = t.plan_id WHERE p.delete_time IS NULL AND EXISTS ("
          "SELECT 1 FROM json_each(t.lead_units) j WHERE json_extract(j.value, '$.group') = 1 AND "
          "json_extract(j.value, '$.id') = :group UNION ALL "
          "SELECT 1 FROM json_each(t.coordinating_units) j WHERE json_extract(j.value, '$.group') "
          "= 1 "
          "AND json_extract(j.value, '$.id') = :group) ORDER BY t.id"));
  q.Bind(":group", group_id);
  std::vector<domain::Task> out;
  while (q.Step()) out.push_back(ReadTask(q.row()));
  return out;
}

}  // namespace sangkien::storage
