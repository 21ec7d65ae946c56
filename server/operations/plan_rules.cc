#include "operations/plan_rules.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "calendar/timeframe.h"

namespace sangkien::operations::internal {
namespace {

using domain::Plan;
using domain::Task;

// The limits each field has had since the API first took plans; changing one
// changes what every door accepts.
constexpr size_t kMaxSymbolLength = 100;
constexpr size_t kMaxNumberLength = 20;
constexpr size_t kMaxSignerLength = 200;
constexpr size_t kMaxTimeframeLength = 1000;
constexpr size_t kMaxSections = 2000;
constexpr size_t kMaxRecipients = 200;
constexpr size_t kMaxBasis = 50;
constexpr size_t kMaxUnitRefs = 100;
constexpr size_t kMaxAttachments = 20;
constexpr size_t kMaxAttachmentLength = 2000;

constexpr domain::UpdatableField<Plan> kPlanFields[] = {
    {"symbol", [](const Plan& f, Plan& t) { t.symbol = f.symbol; }},
    {"kind", [](const Plan& f, Plan& t) { t.kind = f.kind; }},
    {"issuer", [](const Plan& f, Plan& t) { t.issuer = f.issuer; }},
    {"place", [](const Plan& f, Plan& t) { t.place = f.place; }},
    {"issue_date", [](const Plan& f, Plan& t) { t.issue_date = f.issue_date; }},
    {"title", [](const Plan& f, Plan& t) { t.title = f.title; }},
    {"preamble", [](const Plan& f, Plan& t) { t.preamble = f.preamble; }},
    {"sections", [](const Plan& f, Plan& t) { t.sections = f.sections; }},
    {"signer", [](const Plan& f, Plan& t) { t.signer = f.signer; }},
    {"signer.on_behalf_of",
     [](const Plan& f, Plan& t) { t.signer.on_behalf_of = f.signer.on_behalf_of; }},
    {"signer.position", [](const Plan& f, Plan& t) { t.signer.position = f.signer.position; }},
    {"signer.full_name", [](const Plan& f, Plan& t) { t.signer.full_name = f.signer.full_name; }},
    {"recipients", [](const Plan& f, Plan& t) { t.recipients = f.recipients; }},
    {"basis", [](const Plan& f, Plan& t) { t.basis = f.basis; }},
    {"state", [](const Plan& f, Plan& t) { t.state = f.state; }},
};

// The timeframe is one field: its dates follow from its wording.
constexpr domain::UpdatableField<Task> kTaskFields[] = {
    {"title", [](const Task& f, Task& t) { t.title = f.title; }},
    {"body", [](const Task& f, Task& t) { t.body = f.body; }},
    {"status", [](const Task& f, Task& t) { t.status = f.status; }},
    {"progress_percent", [](const Task& f, Task& t) { t.progress_percent = f.progress_percent; }},
    {"timeframe", [](const Task& f, Task& t) { t.timeframe = f.timeframe; }},
};

bool IsRealDate(absl::CivilDay day) { return day.year() >= 1 && day.year() <= 9999; }

void CheckDate(domain::Violations& v, const std::string& field,
               const std::optional<absl::CivilDay>& day) {
  if (day && !IsRealDate(*day)) {
    v.Add(field, "is not a real calendar date", "không phải một ngày hợp lệ");
  }
}

void CheckProgress(domain::Violations& v, const std::string& field, int percent) {
  if (percent < 0 || percent > 100) {
    v.Add(field, "must be between 0 and 100", "phải từ 0 đến 100");
  }
}

void CheckSections(domain::Violations& v, Plan& out, const std::string& prefix) {
  v.ListSize(absl::StrCat(prefix, "sections"), out.sections.size(), kMaxSections);
  for (size_t i = 0; i < out.sections.size(); ++i) {
    domain::Section& s = out.sections[i];
    auto f = [&](const char* n) { return absl::StrCat(prefix, "sections[", i, "].", n); };
    s.number = v.Text(f("number"), s.number, kMaxNumberLength, false);
    s.heading = v.Text(f("heading"), s.heading, domain::kMaxShortTextLength, false);
    s.body = v.Text(f("body"), s.body, domain::kMaxLongTextLength, false, true);
  }
}

void CheckBasis(domain::Violations& v, Plan& out, const std::string& prefix) {
  v.ListSize(absl::StrCat(prefix, "basis"), out.basis.size(), kMaxBasis);
  for (size_t i = 0; i < out.basis.size(); ++i) {
    domain::DocumentRef& b = out.basis[i];
    auto f = [&](const char* n) { return absl::StrCat(prefix, "basis[", i, "].", n); };
    b.symbol = v.Text(f("symbol"), b.symbol, kMaxSymbolLength, true);
    b.issuer = v.Text(f("issuer"), b.issuer, domain::kMaxNameLength, false);
    b.title = v.Text(f("title"), b.title, domain::kMaxShortTextLength, false);
    CheckDate(v, f("issue_date"), b.issue_date);
  }
}

// Every ref must carry the id of a unit or a group; whether that unit exists
// is read inside the write.
void CheckUnitRefs(domain::Violations& v, Task& out, const std::string& prefix) {
  for (auto* refs : {&out.lead_units, &out.coordinating_units}) {
    std::string which = refs == &out.lead_units ? "lead_units" : "coordinating_units";
    v.ListSize(absl::StrCat(prefix, which), refs->size(), kMaxUnitRefs);
    for (size_t i = 0; i < refs->size(); ++i) {
      if ((*refs)[i].id != 0) continue;
      v.Add(absl::StrCat(prefix, which, "[", i, "].name"),
            "must name a unit (units/{id}) or a group (unitGroups/{id})",
            "phải là đơn vị (units/{id}) hoặc nhóm đơn vị (unitGroups/{id})");
    }
  }
  std::string display = absl::StrCat(prefix, "unit_ref.display_name");
  for (auto* refs : {&out.lead_units, &out.coordinating_units}) {
    for (auto& r : *refs) r.display_name = v.Text(display, r.display_name, 500, false);
  }
}

}  // namespace

absl::Span<const domain::UpdatableField<Plan>> PlanUpdatableFields() { return kPlanFields; }
absl::Span<const domain::UpdatableField<Task>> TaskUpdatableFields() { return kTaskFields; }

Plan CheckPlan(domain::Violations& v, const Plan& plan, const std::string& prefix) {
  auto f = [&](const char* name) { return absl::StrCat(prefix, name); };
  Plan out = plan;
  out.symbol = v.Text(f("symbol"), plan.symbol, kMaxSymbolLength, false);
  out.issuer = v.Text(f("issuer"), plan.issuer, domain::kMaxNameLength, false);
  out.place = v.Text(f("place"), plan.place, domain::kMaxNameLength, false);
  out.title = v.Text(f("title"), plan.title, domain::kMaxShortTextLength, true);
  out.preamble = v.Text(f("preamble"), plan.preamble, domain::kMaxLongTextLength, false, true);
  CheckDate(v, f("issue_date"), plan.issue_date);
  CheckSections(v, out, prefix);
  out.signer.on_behalf_of =
      v.Text(f("signer.on_behalf_of"), plan.signer.on_behalf_of, kMaxSignerLength, false);
  out.signer.position = v.Text(f("signer.position"), plan.signer.position, kMaxSignerLength, false);
  out.signer.full_name =
      v.Text(f("signer.full_name"), plan.signer.full_name, kMaxSignerLength, false);
  v.ListSize(f("recipients"), out.recipients.size(), kMaxRecipients);
  for (size_t i = 0; i < out.recipients.size(); ++i) {
    out.recipients[i] = v.Text(absl::StrCat(prefix, "recipients[", i, "]"), out.recipients[i],
                               domain::kMaxShortTextLength, true);
  }
  CheckBasis(v, out, prefix);
  return out;
}

Task CheckTask(domain::Violations& v, const Task& task, const std::string& prefix) {
  auto f = [&](const char* name) { return absl::StrCat(prefix, name); };
  Task out = task;
  out.number = v.Text(f("number"), task.number, kMaxNumberLength, false);
  out.title = v.Text(f("title"), task.title, domain::kMaxShortTextLength, true);
  out.body = v.Text(f("body"), task.body, domain::kMaxLongTextLength, false, true);
  out.section = v.Text(f("section"), task.section, kMaxNumberLength, false);
  out.timeframe = calendar::ParseTimeframe(v.Text(
      f("timeframe.original_text"), task.timeframe.original_text, kMaxTimeframeLength, false));
  CheckProgress(v, f("progress_percent"), task.progress_percent);
  CheckUnitRefs(v, out, prefix);
  return out;
}

CreatePlanCommand CheckNewPlan(domain::Violations& v, const CreatePlanCommand& command) {
  CreatePlanCommand out;
  out.plan = CheckPlan(v, command.plan, "plan.");
  out.plan.id = 0;
  v.ListSize("tasks", command.tasks.size(), domain::kMaxListSize);
  for (size_t i = 0; i < command.tasks.size() && i < domain::kMaxListSize; ++i) {
    out.tasks.push_back(CheckTask(v, command.tasks[i], absl::StrCat("tasks[", i, "].")));
  }
  return out;
}

domain::ProgressReport CheckReport(domain::Violations& v, const CreateReportCommand& command,
                                   absl::CivilDay today) {
  domain::ProgressReport report;
  report.plan_id = command.plan_id;
  report.task_id = command.task_id;
  report.unit_id = command.unit_id;
  report.text =
      v.Text("progress_report.text", command.text, domain::kMaxLongTextLength, true, true);
  CheckProgress(v, "progress_report.progress_percent", command.progress_percent);
  report.progress_percent = command.progress_percent;
  v.ListSize("progress_report.attachments", command.attachments.size(), kMaxAttachments);
  for (size_t i = 0; i < command.attachments.size() && i < kMaxAttachments; ++i) {
    report.attachments.push_back(v.Text(absl::StrCat("progress_report.attachments[", i, "]"),
                                        command.attachments[i], kMaxAttachmentLength, true));
  }
  report.report_date = command.report_date.value_or(today);
  if (!IsRealDate(report.report_date)) {
    v.Add("progress_report.report_date", "is not a real calendar date",
          "không phải một ngày hợp lệ");
  } else if (report.report_date > today) {
    v.Add("progress_report.report_date", "must not be in the future",
          "không được là ngày trong tương lai");
  }
  return report;
}

}  // namespace sangkien::operations::internal
