#include "operations/proposal_checks.h"

#include <algorithm>
#include <string>

#include "absl/strings/str_cat.h"
#include "domain/proposal_rules.h"
#include "domain/validation.h"
#include "status/errors.h"

namespace sangkien::operations::internal {
namespace {

using domain::Violations;
using C = domain::ProposalContents;
using P = domain::Proposal;

constexpr size_t kMaxNoteLength = domain::kMaxShortTextLength;
constexpr size_t kMaxEtagLength = 100;
constexpr size_t kMaxDocumentSymbolLength = 100;
// A meeting's minutes name at most this many members and ballots.
constexpr size_t kMaxMeetingSize = 100;

void LongText(Violations& v, const std::string& field, std::string& value, bool required = false) {
  value = v.Text(field, value, domain::kMaxLongTextLength, required, true);
}

void RequiredDay(Violations& v, const std::string& field,
                 const std::optional<absl::CivilDay>& day) {
  if (!day) v.Add(field, "is required", "bắt buộc phải có");
}

void CheckContents(Violations& v, C& c, const std::string& prefix) {
  auto f = [&](const char* name) { return absl::StrCat(prefix, name); };
  LongText(v, f("bottleneck"), c.bottleneck);
  LongText(v, f("necessity"), c.necessity);
  LongText(v, f("solutions"), c.solutions);
  LongText(v, f("scope"), c.scope);
  LongText(v, f("implementers"), c.implementers);
  LongText(v, f("resources"), c.resources);
  LongText(v, f("feasibility"), c.feasibility);
  LongText(v, f("positive_impact"), c.positive_impact);
  LongText(v, f("negative_impact"), c.negative_impact);
  LongText(v, f("expected_results"), c.expected_results);
}

void CheckStepFields(Violations& v, ProposalStep& step, const char* note_field,
                     bool note_required) {
  step.etag = v.Text("etag", step.etag, kMaxEtagLength, false);
  step.note = v.Text(note_field, step.note, kMaxNoteLength, note_required, true);
}

void CheckMeeting(Violations& v, domain::LeadershipDecision& d) {
  v.ListSize("decision.members_present", d.members_present.size(), kMaxMeetingSize);
  for (size_t i = 0; i < d.members_present.size() && i < kMaxMeetingSize; ++i) {
    d.members_present[i] = v.Text(absl::StrCat("decision.members_present[", i, "]"),
                                  d.members_present[i], domain::kMaxNameLength, true);
  }
  d.head = v.Text("decision.head", d.head, domain::kMaxNameLength, false);
  v.ListSize("decision.ballots", d.ballots.size(), kMaxMeetingSize);
  for (size_t i = 0; i < d.ballots.size() && i < kMaxMeetingSize; ++i) {
    d.ballots[i].member = v.Text(absl::StrCat("decision.ballots[", i, "].member"),
                                 d.ballots[i].member, domain::kMaxNameLength, true);
  }
}

template <auto Part>
void CopyPart(const C& from, C& to) {
  to.*Part = from.*Part;
}
void CopyPilotPeriod(const C& from, C& to) {
  to.pilot_start = from.pilot_start;
  to.pilot_end = from.pilot_end;
}
template <auto Part>
void CopyContentsPart(const P& from, P& to) {
  to.contents.*Part = from.contents.*Part;
}
void CopyContentsPilotPeriod(const P& from, P& to) { CopyPilotPeriod(from.contents, to.contents); }

}  // namespace

absl::Span<const domain::UpdatableField<P>> ProposalUpdatableFields() {
  // A part named alone changes only that part; the others keep their values.
  static const domain::UpdatableField<P> kFields[] = {
      {"title", [](const P& from, P& to) { to.title = from.title; }},
      {"unit", [](const P& from, P& to) { to.unit_id = from.unit_id; }},
      {"contents", [](const P& from, P& to) { to.contents = from.contents; }},
      {"contents.bottleneck", &CopyContentsPart<&C::bottleneck>},
      {"contents.necessity", &CopyContentsPart<&C::necessity>},
      {"contents.solutions", &CopyContentsPart<&C::solutions>},
      {"contents.scope", &CopyContentsPart<&C::scope>},
      {"contents.implementers", &CopyContentsPart<&C::implementers>},
      {"contents.pilot_period", &CopyContentsPilotPeriod},
      {"contents.pilot_period.start_date", &CopyContentsPart<&C::pilot_start>},
      {"contents.pilot_period.end_date", &CopyContentsPart<&C::pilot_end>},
      {"contents.resources", &CopyContentsPart<&C::resources>},
      {"contents.feasibility", &CopyContentsPart<&C::feasibility>},
      {"contents.positive_impact", &CopyContentsPart<&C::positive_impact>},
      {"contents.negative_impact", &CopyContentsPart<&C::negative_impact>},
      {"contents.expected_results", &CopyContentsPart<&C::expected_results>},
      {"contents.evaluation_date", &CopyContentsPart<&C::evaluation_date>},
  };
  return kFields;
}

absl::Span<const domain::UpdatableField<C>> AdjustableParts() {
  // In the order of Decree 73 art. 7, which refusals list them in.
  static const domain::UpdatableField<C> kParts[] = {
      {"bottleneck", &CopyPart<&C::bottleneck>},
      {"necessity", &CopyPart<&C::necessity>},
      {"solutions", &CopyPart<&C::solutions>},
      {"scope", &CopyPart<&C::scope>},
      {"implementers", &CopyPart<&C::implementers>},
      {"pilot_period", &CopyPilotPeriod},
      {"pilot_period.start_date", &CopyPart<&C::pilot_start>},
      {"pilot_period.end_date", &CopyPart<&C::pilot_end>},
      {"resources", &CopyPart<&C::resources>},
      {"feasibility", &CopyPart<&C::feasibility>},
      {"positive_impact", &CopyPart<&C::positive_impact>},
      {"negative_impact", &CopyPart<&C::negative_impact>},
      {"expected_results", &CopyPart<&C::expected_results>},
      {"evaluation_date", &CopyPart<&C::evaluation_date>},
  };
  return kParts;
}

absl::Status CheckCreate(CreateProposalCommand& cmd) {
  Violations v;
  cmd.title = v.Text("proposal.title", cmd.title, domain::kMaxShortTextLength, true);
  CheckContents(v, cmd.contents, "proposal.contents.");
  return v.ToStatus();
}

absl::Status CheckStep(ProposalStep& step, bool note_required) {
  Violations v;
  CheckStepFields(v, step, "note", note_required);
  return v.ToStatus();
}

absl::Status CheckHaltStep(ProposalStep& step) {
  Violations v;
  CheckStepFields(v, step, "reason", false);
  return v.ToStatus();
}

absl::Status CheckAppraisal(RecordAppraisalCommand& cmd) {
  Violations v;
  CheckStepFields(v, cmd.step, "note", false);
  LongText(v, "appraisal.notes", cmd.appraisal.notes, true);
  if (cmd.appraisal.recommendation == domain::Recommendation::kUnspecified) {
    v.Add("appraisal.recommendation", "choose a recommendation", "Phải nêu đề xuất của thẩm định");
  }
  return v.ToStatus();
}

absl::Status CheckDecision(RecordDecisionCommand& cmd) {
  Violations v;
  CheckStepFields(v, cmd.step, "note", false);
  domain::LeadershipDecision& d = cmd.decision;
  CheckMeeting(v, d);
  LongText(v, "decision.override_statement", d.override_statement);
  d.document_symbol =
      v.Text("decision.document_symbol", d.document_symbol, kMaxDocumentSymbolLength, true);
  RequiredDay(v, "decision.document_date", d.document_date);
  LongText(v, "decision.deliberation", d.deliberation);
  return v.ToStatus();
}

absl::Status CheckPilotCheck(RecordPilotCheckCommand& cmd) {
  Violations v;
  CheckStepFields(v, cmd.step, "note", false);
  LongText(v, "check.notes", cmd.check.notes, true);
  if (!v.ok()) return v.ToStatus();
  if (cmd.adjustment_paths.empty()) return absl::OkStatus();
  return domain::CheckPaths(cmd.adjustment_paths, AdjustableParts());
}

absl::Status CheckCompletion(CompletePilotCommand& cmd, absl::CivilDay today) {
  Violations v;
  CheckStepFields(v, cmd.step, "note", false);
  LongText(v, "report.text", cmd.report.text, true);
  if (cmd.report.report_date && *cmd.report.report_date > today) {
    v.Add("report.report_date", "must not be in the future", "không được là ngày trong tương lai");
  }
  return v.ToStatus();
}

absl::Status CheckEvaluation(EvaluateProposalCommand& cmd) {
  Violations v;
  CheckStepFields(v, cmd.step, "note", false);
  domain::Evaluation& e = cmd.evaluation;
  bool chosen = e.outcome != domain::PilotOutcome::kUnspecified;
  if (!chosen) {
    v.Add("evaluation.outcome", "choose ACHIEVED, PARTIAL or NOT_ACHIEVED",
          "Phải chọn đạt, đạt một phần hoặc không đạt");
  }
  // A pilot that fell short says why, so responsibility can be judged.
  bool causes_needed = chosen && e.outcome != domain::PilotOutcome::kAchieved;
  LongText(v, "evaluation.objective_causes", e.objective_causes, causes_needed);
  LongText(v, "evaluation.subjective_causes", e.subjective_causes, causes_needed);
  LongText(v, "evaluation.notes", e.notes);
  return v.ToStatus();
}

absl::Status CheckResponsibility(DecideResponsibilityCommand& cmd) {
  Violations v;
  CheckStepFields(v, cmd.step, "note", false);
  domain::ResponsibilityDecision& d = cmd.decision;
  if (d.kind == domain::ResponsibilityKind::kUnspecified) {
    v.Add("decision.kind", "choose EXCLUDED, EXEMPTED, REDUCED or NOT_EXEMPTED",
          "Phải chọn loại trừ, miễn, giảm nhẹ hoặc không miễn trách nhiệm");
  }
  LongText(v, "decision.grounds", d.grounds, true);
  d.document_symbol =
      v.Text("decision.document_symbol", d.document_symbol, kMaxDocumentSymbolLength, true);
  RequiredDay(v, "decision.document_date", d.document_date);
  return v.ToStatus();
}

absl::Status CheckSubmissionPolicy(domain::SubmissionPolicy policy) {
  if (policy != domain::SubmissionPolicy::kUnspecified) return absl::OkStatus();
  return InvalidField("settings.submission_policy", "choose ANY_STAFF or LEADERS_ONLY",
                      "Phải chọn ANY_STAFF hoặc LEADERS_ONLY");
}

absl::Status CheckContentsVersion(int contents_version) {
  if (contents_version >= 0) return absl::OkStatus();
  return InvalidField("contents_version", "must not be negative", "không được âm");
}

absl::Status CheckEdited(domain::Proposal& edited) {
  Violations v;
  edited.title = v.Text("proposal.title", edited.title, domain::kMaxShortTextLength, true);
  if (edited.unit_id == 0) {
    v.Add("proposal.unit", "is required (units/{id})", "không được để trống (units/{id})");
  }
  CheckContents(v, edited.contents, "proposal.contents.");
  return v.ToStatus();
}

absl::Status CheckAdjusted(domain::ProposalContents& adjusted) {
  Violations v;
  CheckContents(v, adjusted, "adjustments.");
  for (auto& m : domain::MissingContents(adjusted, "adjustments.")) {
    v.Add(std::move(m.field), std::move(m.description), std::move(m.description_vi));
  }
  return v.ToStatus();
}

}  // namespace sangkien::operations::internal
