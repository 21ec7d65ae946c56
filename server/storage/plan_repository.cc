#include "storage/plan_repository.h"

#include "absl/strings/str_cat.h"
#include "calendar/civil_date.h"
#include "domain/validation.h"
#include "status/errors.h"
#include "storage/sql_internal.h"
#include "text/vietnamese.h"

namespace sangkien::storage {

using internal::BindValue;
using internal::Column;

namespace {

void BindOptionalId(SQLite::Statement& q, int index, int64_t id) {
  if (id == 0) {
    q.bind(index);
  } else {
    q.bind(index, static_cast<int64_t>(id));
  }
}

// ---- plans ----

// What the public may see: published plans (PlanState::kPublished).
constexpr const char* kPublishedOnly = "p.state = 2";

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

// Binds the plan's stored fields at 1..14 in the order of kPlanWriteColumns.
void BindPlan(SQLite::Statement& q, const domain::Plan& p) {
  std::string key = text::VietnameseSortKey(p.title);
  q.bind(1, p.symbol);
  q.bind(2, static_cast<int>(p.kind));
  q.bind(3, p.issuer);
  BindOptionalId(q, 4, p.issuer_unit_id);
  q.bind(5, p.place);
  // Unset issue dates are stored as '' so they sort first and stay indexable.
  q.bind(6, p.issue_date ? calendar::FormatIsoDate(*p.issue_date) : std::string());
  q.bind(7, p.title);
  q.bind(8, key.data(), static_cast<int>(key.size()));
  q.bind(9, p.preamble);
  q.bind(10, internal::SectionsToJson(p.sections).dump());
  q.bind(11, internal::SignerToJson(p.signer).dump());
  q.bind(12, internal::StringsToJson(p.recipients).dump());
  q.bind(13, internal::BasisToJson(p.basis).dump());
  q.bind(14, static_cast<int>(p.state));
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

void BindTaskFields(SQLite::Statement& q, const domain::Task& t, int first) {
  const auto& tf = t.timeframe;
  q.bind(first, t.number);
  q.bind(first + 1, t.title);
  q.bind(first + 2, t.body);
  q.bind(first + 3, t.section);
  q.bind(first + 4, internal::UnitRefsToJson(t.lead_units).dump());
  q.bind(first + 5, internal::UnitRefsToJson(t.coordinating_units).dump());
  q.bind(first + 6, static_cast<int>(tf.kind));
  q.bind(first + 7, tf.original_text);
  q.bind(first + 8, internal::DateText(tf.due_date));
  if (tf.start_date) {
    q.bind(first + 9, calendar::FormatIsoDate(*tf.start_date));
  } else {
    q.bind(first + 9);
  }
  q.bind(first + 10, internal::AnnualDatesToJson(tf.report_dates).dump());
  q.bind(first + 11, tf.condition);
  q.bind(first + 12, static_cast<int>(t.status));
  q.bind(first + 13, t.progress_percent);
}

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
  auto& q = c.Prepare(
      "INSERT INTO plans (symbol, kind, issuer, issuer_unit_id, place, issue_date, title, "
      "title_sort_key, preamble, sections, signer, recipients, basis, state, revision, "
      "create_time, update_time) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,1,?,?)");
  BindPlan(q, plan);
  q.bind(15, internal::Micros(now));
  q.bind(16, internal::Micros(now));
  q.exec();
  return c.last_insert_rowid();
}

absl::Status PlanRepository::UpdatePlan(Connection& c, const domain::Plan& plan, absl::Time now) {
  auto& q = c.Prepare(
      "UPDATE plans SET symbol = ?, kind = ?, issuer = ?, issuer_unit_id = ?, place = ?, "
      "issue_date = ?, title = ?, title_sort_key = ?, preamble = ?, sections = ?, signer = ?, "
      "recipients = ?, basis = ?, state = ?, revision = revision + 1, update_time = ? "
      "WHERE id = ? AND delete_time IS NULL");
  BindPlan(q, plan);
  q.bind(15, internal::Micros(now));
  q.bind(16, static_cast<int64_t>(plan.id));
  q.exec();
  if (c.changes() == 0) return NotFound(domain::PlanName(plan.id));
  return absl::OkStatus();
}

absl::Status PlanRepository::SoftDeletePlan(Connection& c, int64_t id, absl::Time now) {
  auto& q = c.Prepare(
      "UPDATE plans SET delete_time = ?, revision = revision + 1, update_time = ? "
      "WHERE id = ? AND delete_time IS NULL");
  q.bind(1, internal::Micros(now));
  q.bind(2, internal::Micros(now));
  q.bind(3, static_cast<int64_t>(id));
  q.exec();
  if (c.changes() == 0) return NotFound(domain::PlanName(id));
  return absl::OkStatus();
}

absl::StatusOr<domain::Plan> PlanRepository::GetPlan(Connection& c, int64_t id, bool show_deleted,
                                                     bool include_drafts) {
  auto& q = c.Prepare(absl::StrCat("SELECT ", kPlanColumns, " FROM plans p WHERE p.id = ?"));
  q.bind(1, static_cast<int64_t>(id));
  if (!q.executeStep()) return NotFound(domain::PlanName(id));
  domain::Plan plan = ReadPlan(q);
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
  auto& q = c.Prepare(select.sql());
  internal::BindAll(q, select.binds());
  return internal::ReadPage<domain::Plan>(q, query, kPlanColumnCount, order.type, ReadPlan);
}

// ---- tasks ----

absl::StatusOr<int64_t> PlanRepository::InsertTask(Connection& c, const domain::Task& task,
                                                   absl::Time now) {
  auto& q = c.Prepare(
      "INSERT INTO tasks (plan_id, position, number, title, body, section, lead_units, "
      "coordinating_units, tf_kind, tf_text, tf_due_date, tf_start_date, tf_report_dates, "
      "tf_condition, status, progress, revision, create_time, update_time) "
      "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,1,?,?)");
  q.bind(1, static_cast<int64_t>(task.plan_id));
  q.bind(2, task.position);
  BindTaskFields(q, task, 3);
  q.bind(17, internal::Micros(now));
  q.bind(18, internal::Micros(now));
  q.exec();
  return c.last_insert_rowid();
}

absl::Status PlanRepository::UpdateTask(Connection& c, const domain::Task& task, absl::Time now) {
  auto& q = c.Prepare(
      "UPDATE tasks SET number = ?, title = ?, body = ?, section = ?, lead_units = ?, "
      "coordinating_units = ?, tf_kind = ?, tf_text = ?, tf_due_date = ?, tf_start_date = ?, "
      "tf_report_dates = ?, tf_condition = ?, status = ?, progress = ?, revision = revision + 1, "
      "update_time = ? WHERE id = ? AND plan_id = ?");
  BindTaskFields(q, task, 1);
  q.bind(15, internal::Micros(now));
  q.bind(16, static_cast<int64_t>(task.id));
  q.bind(17, static_cast<int64_t>(task.plan_id));
  q.exec();
  if (c.changes() == 0) return NotFound(domain::TaskName(task.plan_id, task.id));
  return absl::OkStatus();
}

absl::StatusOr<domain::Task> PlanRepository::GetTask(Connection& c, int64_t plan_id,
                                                     int64_t task_id, bool include_drafts) {
  auto& q = c.Prepare(absl::StrCat("SELECT ", kTaskColumns,
                                   " FROM tasks t JOIN plans p ON p.id = t.plan_id "
                                   "WHERE t.id = ? AND t.plan_id = ? AND p.delete_time IS NULL",
                                   include_drafts ? "" : absl::StrCat(" AND ", kPublishedOnly)));
  q.bind(1, static_cast<int64_t>(task_id));
  q.bind(2, static_cast<int64_t>(plan_id));
  if (!q.executeStep()) return NotFound(domain::TaskName(plan_id, task_id));
  return ReadTask(q);
}

absl::StatusOr<std::vector<domain::Task>> PlanRepository::TasksOfPlan(Connection& c,
                                                                      int64_t plan_id) {
  auto& q = c.Prepare(absl::StrCat("SELECT ", kTaskColumns,
                                   " FROM tasks t WHERE t.plan_id = ? ORDER BY t.position, t.id"));
  q.bind(1, static_cast<int64_t>(plan_id));
  std::vector<domain::Task> out;
  while (q.executeStep()) out.push_back(ReadTask(q));
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
  if (plan_id != 0) select.Where("t.plan_id = ?", {BindValue::Int(plan_id)});
  for (const auto& term : query.filter) {
    if (term.field == "unit" || term.field == "lead_unit") {
      // Through assignments, so a unit reached via a group counts too. "=" is
      // driven by the unit's assignments (assignments_by_unit), so across
      // plans it costs what the unit holds, not what the country holds.
      std::string role = term.field == "lead_unit" ? " AND a.role = 1" : "";
      if (term.op == domain::FilterOp::kNe) {
        select.Where(absl::StrCat("NOT EXISTS (SELECT 1 FROM assignments a WHERE a.task_id = t.id "
                                  "AND a.unit_id = ?",
                                  role, ")"),
                     {BindValue::Int(term.int_value)});
      } else {
        select.Where(
            absl::StrCat("t.id IN (SELECT a.task_id FROM assignments a WHERE a.unit_id = ?", role,
                         ")"),
            {BindValue::Int(term.int_value)});
      }
    } else if (term.field == "due_date") {
      // "No due date" is stored as kNoDate so that it sorts last; it must not
      // satisfy a date comparison.
      select.Where("t.tf_due_date != ?", {BindValue::Text(internal::kNoDate)});
    }
  }
  select.Filter(query.filter, {{"status", {"t.status", BindValue::Type::kInt}},
                               {"due_date", {"t.tf_due_date", BindValue::Type::kText}},
                               {"timeframe.kind", {"t.tf_kind", BindValue::Type::kInt}},
                               {"number", {"t.number", BindValue::Type::kText}}});
  select.Page(query, order, "t.id");
  auto& q = c.Prepare(select.sql());
  internal::BindAll(q, select.binds());
  return internal::ReadPage<domain::Task>(q, query, kTaskColumnCount, order.type, ReadTask);
}

absl::StatusOr<std::vector<domain::Task>> PlanRepository::TasksNamingGroup(Connection& c,
                                                                           int64_t group_id) {
  // The group ids live in JSON; json_each keeps this one query.
  auto& q = c.Prepare(absl::StrCat(
      "SELECT ", kTaskColumns,
      " FROM tasks t JOIN plans p ON p.id = t.plan_id WHERE p.delete_time IS NULL AND EXISTS ("
      "SELECT 1 FROM json_each(t.lead_units) j WHERE json_extract(j.value, '$.group') = 1 AND "
      "json_extract(j.value, '$.id') = ?1 UNION ALL "
      "SELECT 1 FROM json_each(t.coordinating_units) j WHERE json_extract(j.value, '$.group') = 1 "
      "AND json_extract(j.value, '$.id') = ?1) ORDER BY t.id"));
  q.bind(1, static_cast<int64_t>(group_id));
  std::vector<domain::Task> out;
  while (q.executeStep()) out.push_back(ReadTask(q));
  return out;
}

// ---- assignments ----

absl::Status PlanRepository::InsertAssignment(Connection& c, int64_t plan_id, int64_t task_id,
                                              const domain::AssignmentSeed& seed,
                                              const std::optional<absl::CivilDay>& next_due_date) {
  auto& q = c.Prepare(
      "INSERT OR IGNORE INTO assignments (plan_id, task_id, unit_id, role, via_group_id, "
      "next_due_date) VALUES (?,?,?,?,?,?)");
  q.bind(1, static_cast<int64_t>(plan_id));
  q.bind(2, static_cast<int64_t>(task_id));
  q.bind(3, static_cast<int64_t>(seed.unit_id));
  q.bind(4, static_cast<int>(seed.role));
  BindOptionalId(q, 5, seed.via_group_id);
  q.bind(6, internal::DateText(next_due_date));
  q.exec();
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
  if (plan_id != 0) select.Where("a.plan_id = ?", {BindValue::Int(plan_id)});
  if (task_id != 0) select.Where("a.task_id = ?", {BindValue::Int(task_id)});
  std::string today = calendar::FormatIsoDate(as_of);
  for (const auto& term : query.filter) {
    if (term.field == "overdue") {
      bool want = (term.int_value == 1) == (term.op == domain::FilterOp::kEq);
      select.Where(want ? "a.next_due_date < ?" : "a.next_due_date >= ?", {BindValue::Text(today)});
    } else if (term.field == "task") {
      auto key = domain::ParseTaskName(term.value);
      select.Where(term.op == domain::FilterOp::kNe ? "a.task_id != ?" : "a.task_id = ?",
                   {BindValue::Int(key ? key->task_id : -1)});
    } else if (term.field == "due_date") {
      select.Where("a.next_due_date != ?", {BindValue::Text(internal::kNoDate)});
    }
  }
  select.Filter(query.filter, {{"unit", {"a.unit_id", BindValue::Type::kInt}},
                               {"role", {"a.role", BindValue::Type::kInt}},
                               {"due_date", {"a.next_due_date", BindValue::Type::kText}}});
  select.Page(query, order, "a.id");
  auto& q = c.Prepare(select.sql());
  internal::BindAll(q, select.binds());
  return internal::ReadPage<domain::Assignment>(q, query, 18, order.type, ReadAssignment);
}

absl::StatusOr<std::vector<domain::Assignment>> PlanRepository::AssignmentsOfTask(Connection& c,
                                                                                  int64_t task_id) {
  auto& q = c.Prepare(absl::StrCat(
      kAssignmentSelect,
      " FROM assignments a JOIN tasks t ON t.id = a.task_id JOIN units u ON u.id = a.unit_id "
      "WHERE a.task_id = ? ORDER BY a.id"));
  q.bind(1, static_cast<int64_t>(task_id));
  std::vector<domain::Assignment> out;
  while (q.executeStep()) out.push_back(ReadAssignment(q));
  return out;
}

absl::StatusOr<domain::Assignment> PlanRepository::GetAssignment(Connection& c,
                                                                 int64_t assignment_id) {
  auto& q = c.Prepare(absl::StrCat(
      kAssignmentSelect,
      " FROM assignments a JOIN tasks t ON t.id = a.task_id JOIN units u ON u.id = a.unit_id "
      "WHERE a.id = ?"));
  q.bind(1, static_cast<int64_t>(assignment_id));
  if (!q.executeStep()) return NotFound(absl::StrCat("assignment ", assignment_id));
  return ReadAssignment(q);
}

absl::StatusOr<std::vector<int64_t>> PlanRepository::PlansAssigningUnit(Connection& c,
                                                                        int64_t unit_id) {
  auto& q =
      c.Prepare("SELECT DISTINCT plan_id FROM assignments WHERE unit_id = ? ORDER BY plan_id");
  q.bind(1, static_cast<int64_t>(unit_id));
  std::vector<int64_t> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

absl::Status PlanRepository::SetAssignmentProgress(
    Connection& c, int64_t assignment_id, const std::optional<absl::CivilDay>& next_due_date,
    int64_t last_report_id, int progress_percent) {
  auto& q = c.Prepare(
      "UPDATE assignments SET next_due_date = ?, last_report_id = ?, progress = ? WHERE id = ?");
  q.bind(1, internal::DateText(next_due_date));
  q.bind(2, static_cast<int64_t>(last_report_id));
  q.bind(3, progress_percent);
  q.bind(4, static_cast<int64_t>(assignment_id));
  q.exec();
  return absl::OkStatus();
}

absl::Status PlanRepository::SetAssignmentDue(Connection& c, int64_t assignment_id,
                                              const std::optional<absl::CivilDay>& next_due_date) {
  auto& q = c.Prepare("UPDATE assignments SET next_due_date = ? WHERE id = ?");
  q.bind(1, internal::DateText(next_due_date));
  q.bind(2, static_cast<int64_t>(assignment_id));
  q.exec();
  return absl::OkStatus();
}

// ---- reports ----

absl::StatusOr<int64_t> PlanRepository::InsertReport(Connection& c,
                                                     const domain::ProgressReport& r) {
  auto& q = c.Prepare(
      "INSERT INTO progress_reports (plan_id, task_id, unit_id, report_date, covers_due_date, "
      "text, progress, attachments, create_time) VALUES (?,?,?,?,?,?,?,?,?)");
  q.bind(1, static_cast<int64_t>(r.plan_id));
  q.bind(2, static_cast<int64_t>(r.task_id));
  q.bind(3, static_cast<int64_t>(r.unit_id));
  q.bind(4, calendar::FormatIsoDate(r.report_date));
  if (r.covers_due_date) {
    q.bind(5, calendar::FormatIsoDate(*r.covers_due_date));
  } else {
    q.bind(5);
  }
  q.bind(6, r.text);
  q.bind(7, r.progress_percent);
  q.bind(8, internal::StringsToJson(r.attachments).dump());
  q.bind(9, internal::Micros(r.create_time));
  q.exec();
  return c.last_insert_rowid();
}

absl::StatusOr<domain::ProgressReport> PlanRepository::GetReport(Connection& c, int64_t report_id) {
  auto& q =
      c.Prepare(absl::StrCat("SELECT ", kReportColumns, " FROM progress_reports r WHERE r.id = ?"));
  q.bind(1, static_cast<int64_t>(report_id));
  if (!q.executeStep()) return NotFound(absl::StrCat("progressReports/", report_id));
  return ReadReport(q);
}

absl::StatusOr<std::vector<int64_t>> PlanRepository::ReportIdsOfTask(Connection& c,
                                                                     int64_t task_id) {
  auto& q = c.Prepare("SELECT id FROM progress_reports WHERE task_id = ? ORDER BY id");
  q.bind(1, static_cast<int64_t>(task_id));
  std::vector<int64_t> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

absl::StatusOr<domain::ListPage<domain::ProgressReport>> PlanRepository::ListReports(
    Connection& c, int64_t task_id, const domain::ListQuery& query) {
  domain::ListQuery newest_first = query;
  newest_first.order = {"id", true};
  Column order{"r.id", BindValue::Type::kInt};
  internal::SelectBuilder select(
      absl::StrCat("SELECT ", kReportColumns, ", r.id FROM progress_reports r"));
  select.Where("r.task_id = ?", {BindValue::Int(task_id)});
  select.Filter(query.filter, {{"unit", {"r.unit_id", BindValue::Type::kInt}}});
  select.Page(newest_first, order, "r.id");
  auto& q = c.Prepare(select.sql());
  internal::BindAll(q, select.binds());
  return internal::ReadPage<domain::ProgressReport>(q, newest_first, 10, order.type, ReadReport);
}

absl::StatusOr<domain::ReportHistory> PlanRepository::History(Connection& c, int64_t task_id,
                                                              int64_t unit_id) {
  auto& q = c.Prepare(
      "SELECT covers_due_date, progress FROM progress_reports WHERE task_id = ? AND unit_id = ?");
  q.bind(1, static_cast<int64_t>(task_id));
  q.bind(2, static_cast<int64_t>(unit_id));
  domain::ReportHistory history;
  while (q.executeStep()) {
    if (!q.getColumn(0).isNull()) {
      if (auto d = internal::DateFromText(q.getColumn(0).getString())) {
        history.covered_due_dates.push_back(*d);
      }
    }
    if (q.getColumn(1).getInt() >= 100) history.completed = true;
  }
  return history;
}

}  // namespace sangkien::storage
