#include "api/proto_convert.h"

#include "absl/strings/str_cat.h"
#include "api/enum_convert.h"
#include "calendar/civil_date.h"
#include "calendar/timeframe.h"
#include "domain/validation.h"
#include "operations/plan_commands.h"

namespace sangkien::api {

void ToProto(absl::CivilDay day, google::type::Date* out) {
  out->set_year(static_cast<int32_t>(day.year()));
  out->set_month(day.month());
  out->set_day(day.day());
}

void ToProto(const std::optional<absl::CivilDay>& day, google::type::Date* out) {
  if (day) {
    ToProto(*day, out);
  } else {
    out->Clear();
  }
}

bool IsUnsetDate(const google::type::Date& date) {
  return date.year() == 0 && date.month() == 0 && date.day() == 0;
}

bool IsValidProtoDate(const google::type::Date& date) {
  return IsUnsetDate(date) ||
         (date.year() >= 1 && date.year() <= 9999 &&
          calendar::MakeDate(date.year(), date.month(), date.day()).has_value());
}

std::optional<absl::CivilDay> FromProto(const google::type::Date& date) {
  if (IsUnsetDate(date) || date.year() < 1 || date.year() > 9999) return std::nullopt;
  return calendar::MakeDate(date.year(), date.month(), date.day());
}

std::optional<absl::CivilDay> DateForCommand(const google::type::Date& date) {
  if (IsUnsetDate(date)) return std::nullopt;
  if (!IsValidProtoDate(date)) return operations::kNotARealDate;
  return FromProto(date);
}

void ToProto(absl::Time t, google::protobuf::Timestamp* out) {
  int64_t micros = absl::ToUnixMicros(t);
  int64_t seconds = micros / 1000000;
  int64_t rem = micros % 1000000;
  if (rem < 0) {
    rem += 1000000;
    --seconds;
  }
  out->set_seconds(seconds);
  out->set_nanos(static_cast<int32_t>(rem * 1000));
}

void ToProto(const domain::Unit& unit, pb::Unit* out) {
  out->set_name(domain::UnitName(unit.id));
  out->set_display_name(unit.display_name);
  out->set_short_name(unit.short_name);
  for (const auto& a : unit.aliases) out->add_aliases(a);
  out->set_kind(static_cast<pb::UnitKind>(unit.kind));
  if (unit.parent_id != 0) out->set_parent(domain::UnitName(unit.parent_id));
  out->set_demo(unit.demo);
  out->set_etag(unit.etag);
  ToProto(unit.create_time, out->mutable_create_time());
  ToProto(unit.update_time, out->mutable_update_time());
}

domain::Unit FromProto(const pb::Unit& unit) {
  domain::Unit u;
  u.id = domain::ParseCollectionId(unit.name(), "units").value_or(0);
  u.display_name = unit.display_name();
  u.short_name = unit.short_name();
  u.aliases.assign(unit.aliases().begin(), unit.aliases().end());
  u.kind = static_cast<domain::UnitKind>(unit.kind());
  u.parent_id = domain::ParseCollectionId(unit.parent(), "units").value_or(0);
  u.demo = unit.demo();
  return u;
}

void ToProto(const domain::UnitGroup& group, pb::UnitGroup* out) {
  out->set_name(domain::UnitGroupName(group.id));
  out->set_display_name(group.display_name);
  for (const auto& a : group.aliases) out->add_aliases(a);
  for (auto k : group.member_kinds) out->add_member_kinds(static_cast<pb::UnitKind>(k));
  for (int64_t m : group.members) out->add_members(domain::UnitName(m));
  out->set_etag(group.etag);
}

void ToProto(const calendar::Timeframe& tf, pb::Timeframe* out) {
  out->set_kind(static_cast<pb::Timeframe::Kind>(tf.kind));
  out->set_original_text(tf.original_text);
  if (tf.due_date) ToProto(*tf.due_date, out->mutable_due_date());
  if (tf.start_date) ToProto(*tf.start_date, out->mutable_start_date());
  for (const auto& d : tf.report_dates) {
    auto* r = out->add_report_dates();
    r->set_month(d.month);
    r->set_day(d.day);
  }
  out->set_condition(tf.condition);
  out->set_display_text(calendar::DisplayTimeframe(tf));
}

void ToProto(const domain::Plan& plan, pb::Plan* out) {
  out->set_name(domain::PlanName(plan.id));
  out->set_symbol(plan.symbol);
  out->set_kind(ToProto(plan.kind));
  out->set_issuer(plan.issuer);
  if (plan.issuer_unit_id != 0) out->set_issuer_unit(domain::UnitName(plan.issuer_unit_id));
  out->set_place(plan.place);
  if (plan.issue_date) ToProto(*plan.issue_date, out->mutable_issue_date());
  out->set_title(plan.title);
  out->set_preamble(plan.preamble);
  for (const auto& s : plan.sections) {
    auto* ps = out->add_sections();
    ps->set_number(s.number);
    ps->set_heading(s.heading);
    ps->set_body(s.body);
    ps->set_level(s.level);
  }
  out->mutable_signer()->set_on_behalf_of(plan.signer.on_behalf_of);
  out->mutable_signer()->set_position(plan.signer.position);
  out->mutable_signer()->set_full_name(plan.signer.full_name);
  for (const auto& r : plan.recipients) out->add_recipients(r);
  for (const auto& b : plan.basis) {
    auto* pbb = out->add_basis();
    pbb->set_symbol(b.symbol);
    pbb->set_kind(ToProto(b.kind));
    pbb->set_issuer(b.issuer);
    if (b.issue_date) ToProto(*b.issue_date, pbb->mutable_issue_date());
    pbb->set_title(b.title);
    if (b.plan_id != 0) pbb->set_plan(domain::PlanName(b.plan_id));
  }
  out->set_state(ToProto(plan.state));
  out->set_task_count(plan.task_count);
  out->set_etag(plan.etag);
  if (plan.id != 0) {
    ToProto(plan.create_time, out->mutable_create_time());
    ToProto(plan.update_time, out->mutable_update_time());
  }
  if (plan.delete_time) ToProto(*plan.delete_time, out->mutable_delete_time());
}

namespace {

// The enum's domain value; for a number the API does not define, a
// violation on `field` and the unspecified value.
template <typename Domain, typename Proto>
Domain EnumFromProto(domain::Violations& v, Proto value, const std::string& field, const char* what,
                     const char* what_vi) {
  std::optional<Domain> out = FromProto(value);
  if (!out) v.Add(field, absl::StrCat("unknown ", what), what_vi);
  return out.value_or(Domain::kUnspecified);
}

domain::DocumentKind KindFromProto(domain::Violations& v, pb::DocumentKind kind,
                                   const std::string& field) {
  return EnumFromProto<domain::DocumentKind>(v, kind, field, "kind", "loại không hợp lệ");
}

}  // namespace

domain::Plan FromProto(const pb::Plan& plan, domain::Violations& v, const std::string& prefix) {
  auto f = [&](const char* name) { return absl::StrCat(prefix, name); };
  domain::Plan p;
  p.id = domain::ParseCollectionId(plan.name(), "plans").value_or(0);
  p.symbol = plan.symbol();
  p.kind = KindFromProto(v, plan.kind(), f("kind"));
  p.issuer = plan.issuer();
  p.issuer_unit_id = domain::ParseCollectionId(plan.issuer_unit(), "units").value_or(0);
  p.place = plan.place();
  p.issue_date = DateForCommand(plan.issue_date());
  p.title = plan.title();
  p.preamble = plan.preamble();
  for (const auto& s : plan.sections()) {
    p.sections.push_back({s.number(), s.heading(), s.body(), s.level()});
  }
  p.signer = {plan.signer().on_behalf_of(), plan.signer().position(), plan.signer().full_name()};
  p.recipients.assign(plan.recipients().begin(), plan.recipients().end());
  for (int i = 0; i < plan.basis_size(); ++i) {
    const auto& b = plan.basis(i);
    domain::DocumentRef ref;
    ref.symbol = b.symbol();
    ref.kind = KindFromProto(v, b.kind(), absl::StrCat(prefix, "basis[", i, "].kind"));
    ref.issuer = b.issuer();
    ref.issue_date = DateForCommand(b.issue_date());
    ref.title = b.title();
    ref.plan_id = domain::ParseCollectionId(b.plan(), "plans").value_or(0);
    p.basis.push_back(std::move(ref));
  }
  p.state = EnumFromProto<domain::PlanState>(v, plan.state(), f("state"), "state",
                                             "trạng thái không hợp lệ");
  return p;
}

namespace {

void RefsToProto(const std::vector<domain::UnitRef>& refs,
                 google::protobuf::RepeatedPtrField<pb::UnitRef>* out) {
  for (const auto& r : refs) {
    auto* pr = out->Add();
    if (r.id != 0) {
      pr->set_name(r.kind == domain::UnitRef::Kind::kUnit ? domain::UnitName(r.id)
                                                          : domain::UnitGroupName(r.id));
    }
    pr->set_display_name(r.display_name);
  }
}

std::vector<domain::UnitRef> RefsFromProto(
    const google::protobuf::RepeatedPtrField<pb::UnitRef>& refs) {
  std::vector<domain::UnitRef> out;
  for (const auto& r : refs) {
    domain::UnitRef ref;
    if (auto id = domain::ParseCollectionId(r.name(), "unitGroups")) {
      ref.kind = domain::UnitRef::Kind::kGroup;
      ref.id = *id;
    } else {
      ref.id = domain::ParseCollectionId(r.name(), "units").value_or(0);
    }
    ref.display_name = r.display_name();
    out.push_back(std::move(ref));
  }
  return out;
}

}  // namespace

void ToProto(const domain::Task& task, pb::Task* out) {
  if (task.id != 0) out->set_name(domain::TaskName(task.plan_id, task.id));
  out->set_number(task.number);
  out->set_title(task.title);
  out->set_body(task.body);
  out->set_section(task.section);
  RefsToProto(task.lead_units, out->mutable_lead_units());
  RefsToProto(task.coordinating_units, out->mutable_coordinating_units());
  ToProto(task.timeframe, out->mutable_timeframe());
  out->set_status(ToProto(task.status));
  out->set_progress_percent(task.progress_percent);
  out->set_position(task.position);
  out->set_etag(task.etag);
  if (task.id != 0) {
    ToProto(task.create_time, out->mutable_create_time());
    ToProto(task.update_time, out->mutable_update_time());
  }
}

domain::Task FromProto(const pb::Task& task, domain::Violations& v, const std::string& prefix) {
  domain::Task t;
  if (auto key = domain::ParseTaskName(task.name())) {
    t.plan_id = key->plan_id;
    t.id = key->task_id;
  }
  t.number = task.number();
  t.title = task.title();
  t.body = task.body();
  t.section = task.section();
  t.lead_units = RefsFromProto(task.lead_units());
  t.coordinating_units = RefsFromProto(task.coordinating_units());
  t.timeframe = calendar::ParseTimeframe(task.timeframe().original_text());
  t.status = EnumFromProto<domain::TaskStatus>(v, task.status(), absl::StrCat(prefix, "status"),
                                               "status", "trạng thái không hợp lệ");
  t.progress_percent = task.progress_percent();
  return t;
}

void ToProto(const domain::Assignment& a, absl::CivilDay as_of, pb::Assignment* out) {
  out->set_name(domain::AssignmentName(a.plan_id, a.task_id, a.id));
  out->set_task(domain::TaskName(a.plan_id, a.task_id));
  out->set_unit(domain::UnitName(a.unit_id));
  out->set_role(ToProto(a.role));
  if (a.via_group_id != 0) out->set_via_group(domain::UnitGroupName(a.via_group_id));
  if (a.next_due_date) {
    ToProto(*a.next_due_date, out->mutable_next_due_date());
    out->set_overdue(*a.next_due_date < as_of);
  }
  out->set_task_number(a.task_number);
  out->set_task_title(a.task_title);
  ToProto(a.timeframe, out->mutable_timeframe());
  out->set_unit_display_name(a.unit_display_name);
  if (a.last_report_id != 0) {
    out->set_last_report(domain::ProgressReportName(a.plan_id, a.task_id, a.last_report_id));
  }
  out->set_progress_percent(a.progress_percent);
}

void ToProto(const domain::ProgressReport& r, pb::ProgressReport* out) {
  out->set_name(domain::ProgressReportName(r.plan_id, r.task_id, r.id));
  out->set_unit(domain::UnitName(r.unit_id));
  ToProto(r.report_date, out->mutable_report_date());
  if (r.covers_due_date) ToProto(*r.covers_due_date, out->mutable_covers_due_date());
  out->set_text(r.text);
  out->set_progress_percent(r.progress_percent);
  for (const auto& a : r.attachments) out->add_attachments(a);
  ToProto(r.create_time, out->mutable_create_time());
}

void ToProto(const importer::ImportWarning& w, pb::ImportWarning* out) {
  out->set_code(w.code);
  out->set_line(w.line);
  out->set_item(w.item);
  out->set_message(w.message);
  out->set_message_vi(w.message_vi);
}

}  // namespace sangkien::api
