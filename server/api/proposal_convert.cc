#include "api/proposal_convert.h"

#include "absl/strings/str_cat.h"
#include "api/enum_convert.h"
#include "api/proto_convert.h"
#include "domain/validation.h"

namespace sangkien::api {
namespace {

std::string ProposalName(int64_t id) { return absl::StrCat("proposals/", id); }
std::string AccountName(int64_t id) { return absl::StrCat("accounts/", id); }

void DayTo(const std::optional<absl::CivilDay>& day, google::type::Date* out) {
  if (day) ToProto(*day, out);
}

void ContentsToProto(const domain::ProposalContents& c, v1::ProposalContents* out) {
  out->set_bottleneck(c.bottleneck);
  out->set_necessity(c.necessity);
  out->set_solutions(c.solutions);
  out->set_scope(c.scope);
  out->set_implementers(c.implementers);
  if (c.pilot_start) ToProto(*c.pilot_start, out->mutable_pilot_period()->mutable_start_date());
  if (c.pilot_end) ToProto(*c.pilot_end, out->mutable_pilot_period()->mutable_end_date());
  out->set_resources(c.resources);
  out->set_feasibility(c.feasibility);
  out->set_positive_impact(c.positive_impact);
  out->set_negative_impact(c.negative_impact);
  out->set_expected_results(c.expected_results);
  DayTo(c.evaluation_date, out->mutable_evaluation_date());
}

void DecisionToProto(const domain::LeadershipDecision& d, v1::LeadershipDecision* o) {
  DayTo(d.meeting_date, o->mutable_meeting_date());
  for (const auto& m : d.members_present) o->add_members_present(m);
  o->set_head(d.head);
  for (const auto& b : d.ballots) {
    auto* pb = o->add_ballots();
    pb->set_member(b.member);
    pb->set_choice(ToProto(b.choice));
  }
  o->set_head_override(d.head_override);
  o->set_override_statement(d.override_statement);
  o->set_document_symbol(d.document_symbol);
  DayTo(d.document_date, o->mutable_document_date());
  o->set_deliberation(d.deliberation);
  o->set_votes_for(d.votes_for);
  o->set_votes_against(d.votes_against);
  o->set_votes_abstaining(d.votes_abstaining);
  o->set_passed_by_vote(d.passed_by_vote);
  o->set_tie_decided_by_head(d.tie_decided_by_head);
  o->set_result(ToProto(d.result));
  o->set_recorded_by(d.recorded_by);
  if (d.record_time) ToProto(*d.record_time, o->mutable_record_time());
}

void PilotToProto(const domain::Pilot& pilot, v1::Pilot* out) {
  DayTo(pilot.start_date, out->mutable_start_date());
  for (const auto& c : pilot.checks) {
    auto* pc = out->add_checks();
    DayTo(c.check_date, pc->mutable_check_date());
    pc->set_notes(c.notes);
    for (const auto& part : c.adjusted_parts) pc->add_adjusted_parts(part);
    pc->set_contents_version(c.contents_version);
    pc->set_checked_by(c.checked_by);
  }
  if (pilot.completion_report) {
    auto* r = out->mutable_completion_report();
    r->set_text(pilot.completion_report->text);
    DayTo(pilot.completion_report->report_date, r->mutable_report_date());
    r->set_filed_by(pilot.completion_report->filed_by);
  }
}

}  // namespace

void ProposalToProto(const domain::Proposal& p, v1::Proposal* out) {
  out->set_name(ProposalName(p.id));
  out->set_title(p.title);
  out->set_proposer(AccountName(p.proposer_id));
  out->set_proposer_display_name(p.proposer_display_name);
  out->set_unit(domain::UnitName(p.unit_id));
  out->set_unit_display_name(p.unit_display_name);
  out->set_state(ToProto(p.state));
  ContentsToProto(p.contents, out->mutable_contents());
  out->set_contents_version(p.contents_version);
  if (p.appraisal) {
    auto* a = out->mutable_appraisal();
    a->set_appraiser(p.appraisal->appraiser);
    a->set_notes(p.appraisal->notes);
    a->set_recommendation(ToProto(p.appraisal->recommendation));
    if (p.appraisal->record_time) ToProto(*p.appraisal->record_time, a->mutable_record_time());
  }
  if (p.decision) DecisionToProto(*p.decision, out->mutable_decision());
  if (p.pilot.start_date || !p.pilot.checks.empty() || p.pilot.completion_report) {
    PilotToProto(p.pilot, out->mutable_pilot());
  }
  if (p.evaluation) {
    const auto& e = *p.evaluation;
    auto* o = out->mutable_evaluation();
    o->set_outcome(ToProto(e.outcome));
    o->set_objective_causes(e.objective_causes);
    o->set_subjective_causes(e.subjective_causes);
    o->set_motives_pure(e.motives_pure);
    o->set_notes(e.notes);
    DayTo(e.evaluation_date, o->mutable_evaluation_date());
    o->set_evaluated_by(e.evaluated_by);
  }
  if (p.responsibility) {
    const auto& r = *p.responsibility;
    auto* o = out->mutable_responsibility();
    o->set_kind(ToProto(r.kind));
    o->set_grounds(r.grounds);
    o->set_document_symbol(r.document_symbol);
    DayTo(r.document_date, o->mutable_document_date());
    o->set_decided_by(r.decided_by);
  }
  if (p.halt) {
    auto* h = out->mutable_halt();
    h->set_reason(p.halt->reason);
    h->set_halted_by(p.halt->halted_by);
    DayTo(p.halt->halt_date, h->mutable_halt_date());
    h->set_before_evaluation_date(p.halt->before_evaluation_date);
  }
  auto* d = out->mutable_deadlines();
  DayTo(p.deadlines.decision_due, d->mutable_decision_due_date());
  d->set_decision_late(p.deadlines.decision_late);
  DayTo(p.deadlines.report_due, d->mutable_completion_report_due_date());
  d->set_completion_report_late(p.deadlines.report_late);
  DayTo(p.deadlines.evaluation_due, d->mutable_evaluation_due_date());
  d->set_evaluation_late(p.deadlines.evaluation_late);
  out->set_overdue(p.deadlines.overdue);
  out->set_decision_published(p.decision_published);
  out->set_responsibility_published(p.responsibility_published);
  out->set_etag(p.etag);
  ToProto(p.create_time, out->mutable_create_time());
  ToProto(p.update_time, out->mutable_update_time());
  if (p.submit_time) ToProto(*p.submit_time, out->mutable_submit_time());
}

void EventToProto(const domain::ProposalEvent& e, v1::ProposalEvent* out) {
  out->set_name(absl::StrCat(ProposalName(e.proposal_id), "/events/", e.id));
  out->set_verb(e.verb);
  out->set_actor(e.actor);
  ToProto(e.time, out->mutable_time());
  out->set_note(e.note);
  out->set_state_before(ToProto(e.state_before));
  out->set_state_after(ToProto(e.state_after));
  out->set_contents_version(e.contents_version);
}

}  // namespace sangkien::api
