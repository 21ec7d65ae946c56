// The proposal's workflow steps after its draft: each one Transition, with
// the verb's own rule in its apply step.
#include <algorithm>
#include <optional>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "domain/proposal_rules.h"
#include "domain/replication.h"
#include "domain/validation.h"
#include "operations/idempotency_internal.h"
#include "operations/proposal_checks.h"
#include "operations/proposal_internal.h"
#include "operations/proposal_operations.h"
#include "operations/publicity_operations.h"
#include "status/errors.h"
#include "status/status_macros.h"
#include "storage/account_repository.h"
#include "storage/proposal_repository.h"
#include "storage/publicity_repository.h"

namespace sangkien::operations {

using domain::ProposalState;
using domain::ProposalVerb;
using domain::Role;
using internal::IsProposer;
using internal::NotProposer;
using internal::ProposerOrOffice;
using storage::Connection;
using storage::ProposalRepository;

namespace {

constexpr std::string_view kReplicate = "ReplicateAsCaseStudy";

std::string AccountName(int64_t id) { return absl::StrCat("accounts/", id); }

}  // namespace

absl::StatusOr<domain::Proposal> ProposalOperations::Withdraw(const domain::Caller& caller,
                                                              ProposalStep step) {
  SK_RETURN_IF_ERROR(internal::CheckStep(step, false));
  return Transition(caller, step, ProposalVerb::kWithdraw,
                    [&](Connection&, domain::Proposal& p) -> absl::Status {
                      if (!IsProposer(caller, p)) return NotProposer();
                      p.state = ProposalState::kWithdrawn;
                      return absl::OkStatus();
                    });
}

absl::StatusOr<domain::Proposal> ProposalOperations::Submit(const domain::Caller& caller,
                                                            ProposalStep step) {
  SK_RETURN_IF_ERROR(internal::CheckStep(step, false));
  return Transition(
      caller, step, ProposalVerb::kSubmit, [&](Connection& c, domain::Proposal& p) -> absl::Status {
        if (!IsProposer(caller, p)) return NotProposer();
        SK_ASSIGN_OR_RETURN(auto policy, ProposalRepository::GetSubmissionPolicy(c));
        if (policy == domain::SubmissionPolicy::kLeadersOnly) {
          SK_ASSIGN_OR_RETURN(domain::Account account,
                              storage::AccountRepository::Get(c, p.proposer_id));
          bool leader =
              caller.principal.Has(Role::kApprover) || domain::IsLeaderPosition(account.position);
          if (!leader) {
            return MakeError(absl::StatusCode::kPermissionDenied, "SUBMISSION_RESTRICTED",
                             "only leaders and managers may submit proposals under the current "
                             "setting (Decree 73)",
                             "Theo quy định hiện hành, chỉ cán bộ lãnh đạo, quản lý được nộp đề "
                             "xuất (Nghị định 73)");
          }
        }
        auto missing = domain::MissingContents(p.contents, "proposal.contents.");
        if (!missing.empty()) return InvalidArgument(std::move(missing));
        absl::CivilDay today = Today();
        p.state = ProposalState::kSubmitted;
        p.submit_date = today;
        p.submit_time = clock_();
        p.decision_date.reset();
        p.deadlines.decision_due = calendar_()->AddWorkingDays(today, domain::kDecisionWorkingDays);
        return absl::OkStatus();
      });
}

absl::StatusOr<domain::Proposal> ProposalOperations::StartAppraisal(const domain::Caller& caller,
                                                                    ProposalStep step) {
  SK_RETURN_IF_ERROR(internal::CheckStep(step, false));
  return Transition(caller, step, ProposalVerb::kStartAppraisal,
                    [&](Connection&, domain::Proposal& p) -> absl::Status {
                      p.state = ProposalState::kUnderAppraisal;
                      return absl::OkStatus();
                    });
}

absl::StatusOr<domain::Proposal> ProposalOperations::RecordAppraisal(const domain::Caller& caller,
                                                                     RecordAppraisalCommand cmd) {
  SK_RETURN_IF_ERROR(internal::CheckAppraisal(cmd));
  domain::Appraisal& appraisal = cmd.appraisal;
  return Transition(caller, cmd.step, ProposalVerb::kRecordAppraisal,
                    [&](Connection&, domain::Proposal& p) -> absl::Status {
                      appraisal.appraiser = caller.actor.name;
                      appraisal.record_time = clock_();
                      p.appraisal = std::move(appraisal);
                      return absl::OkStatus();
                    });
}

absl::StatusOr<domain::Proposal> ProposalOperations::Return(const domain::Caller& caller,
                                                            ProposalStep step) {
  SK_RETURN_IF_ERROR(internal::CheckStep(step, true));
  return Transition(caller, step, ProposalVerb::kReturn,
                    [&](Connection&, domain::Proposal& p) -> absl::Status {
                      p.state = ProposalState::kReturned;
                      return absl::OkStatus();
                    });
}

absl::StatusOr<domain::Proposal> ProposalOperations::RecordDecision(const domain::Caller& caller,
                                                                    RecordDecisionCommand cmd) {
  SK_RETURN_IF_ERROR(internal::CheckDecision(cmd));
  domain::LeadershipDecision& decision = cmd.decision;
  return Transition(
      caller, cmd.step, ProposalVerb::kRecordDecision,
      [&](Connection& c, domain::Proposal& p) -> absl::Status {
        if (!p.appraisal) {
          return MakeError(absl::StatusCode::kFailedPrecondition, "APPRAISAL_MISSING",
                           "record the appraisal before the decision (seed 4.3)",
                           "Phải có kết quả thẩm định trước khi quyết định cho chủ trương");
        }
        std::string proposer_name;
        if (auto account = storage::AccountRepository::Get(c, p.proposer_id); account.ok()) {
          proposer_name = account->display_name;
        }
        SK_ASSIGN_OR_RETURN(
            domain::VoteTally tally,
            domain::TallyDecision(decision, AccountName(p.proposer_id), proposer_name));
        decision.votes_for = tally.votes_for;
        decision.votes_against = tally.votes_against;
        decision.votes_abstaining = tally.votes_abstaining;
        decision.passed_by_vote = tally.passed_by_vote;
        decision.tie_decided_by_head = tally.tie_decided_by_head;
        decision.result = tally.result;
        decision.recorded_by = caller.actor.name;
        decision.record_time = clock_();
        p.decision = std::move(decision);
        p.decision_date = Today();
        p.state = tally.result;
        return absl::OkStatus();
      });
}

absl::StatusOr<domain::Proposal> ProposalOperations::StartPilot(const domain::Caller& caller,
                                                                StartPilotCommand cmd) {
  SK_RETURN_IF_ERROR(internal::CheckStep(cmd.step, false));
  const std::optional<absl::CivilDay>& start_date = cmd.start_date;
  return Transition(caller, cmd.step, ProposalVerb::kStartPilot,
                    [&](Connection&, domain::Proposal& p) -> absl::Status {
                      SK_RETURN_IF_ERROR(ProposerOrOffice(caller, p));
                      p.pilot.start_date = start_date.value_or(Today());
                      if (p.contents.pilot_end) {
                        p.deadlines.report_due = calendar_()->AddWorkingDays(
                            *p.contents.pilot_end, domain::kReportWorkingDays);
                      }
                      p.state = ProposalState::kPiloting;
                      return absl::OkStatus();
                    });
}

namespace {

// The parts an adjustment names, once each, in the order given:
// "pilot_period.end_date" adjusts "pilot_period".
std::vector<std::string> AdjustedParts(const domain::FieldPaths& paths) {
  std::vector<std::string> parts;
  for (const std::string& path : paths) {
    std::string part = path.substr(0, path.find('.'));
    if (std::find(parts.begin(), parts.end(), part) == parts.end()) parts.push_back(part);
  }
  return parts;
}

}  // namespace

absl::StatusOr<domain::Proposal> ProposalOperations::RecordPilotCheck(const domain::Caller& caller,
                                                                      RecordPilotCheckCommand cmd) {
  SK_RETURN_IF_ERROR(internal::CheckPilotCheck(cmd));
  std::vector<std::string> adjusted_parts = AdjustedParts(cmd.adjustment_paths);
  domain::ProposalContents adjusted;
  auto adjust = [&](const domain::Proposal& stored) -> absl::Status {
    if (adjusted_parts.empty()) return absl::OkStatus();
    adjusted = stored.contents;
    SK_RETURN_IF_ERROR(domain::ApplyPaths(cmd.adjustment_paths, internal::AdjustableParts(),
                                          cmd.adjustments, adjusted));
    return internal::CheckAdjusted(adjusted);
  };
  domain::PilotCheck& check = cmd.check;
  auto apply = [&](Connection& c, domain::Proposal& p) -> absl::Status {
    if (!adjusted_parts.empty()) {
      // An adjustment never overwrites: it is the next version, and the
      // one before stays readable.
      p.contents = adjusted;
      ++p.contents_version;
      SK_RETURN_IF_ERROR(
          ProposalRepository::InsertVersion(c, p.id,
                                            {p.contents_version, p.contents, adjusted_parts,
                                             check.notes, caller.actor.name, clock_()}));
      if (p.contents.pilot_end) {
        p.deadlines.report_due =
            calendar_()->AddWorkingDays(*p.contents.pilot_end, domain::kReportWorkingDays);
      }
    }
    if (!check.check_date) check.check_date = Today();
    check.adjusted_parts = adjusted_parts;
    check.contents_version = p.contents_version;
    check.checked_by = caller.actor.name;
    p.pilot.checks.push_back(std::move(check));
    return absl::OkStatus();
  };
  return Transition(caller, cmd.step, ProposalVerb::kRecordPilotCheck, apply, adjust);
}

absl::StatusOr<domain::Proposal> ProposalOperations::HaltPilot(const domain::Caller& caller,
                                                               ProposalStep step) {
  SK_RETURN_IF_ERROR(internal::CheckHaltStep(step));
  const std::string& reason = step.note;
  return Transition(
      caller, step, ProposalVerb::kHaltPilot,
      [&](Connection&, domain::Proposal& p) -> absl::Status {
        const auto& who = caller.principal;
        bool approver =
            who.Has(Role::kApprover) || who.Has(Role::kAdmin) || caller.actor.name == "system";
        SK_ASSIGN_OR_RETURN(bool before,
                            domain::CheckHalt(Today(), p.contents.evaluation_date, reason, approver,
                                              who.Has(Role::kCoordinator)));
        p.halt = domain::Halt{reason, caller.actor.name, Today(), before};
        p.state = ProposalState::kHalted;
        return absl::OkStatus();
      });
}

absl::StatusOr<domain::Proposal> ProposalOperations::CompletePilot(const domain::Caller& caller,
                                                                   CompletePilotCommand cmd) {
  SK_RETURN_IF_ERROR(internal::CheckCompletion(cmd, Today()));
  domain::CompletionReport& report = cmd.report;
  return Transition(caller, cmd.step, ProposalVerb::kCompletePilot,
                    [&](Connection&, domain::Proposal& p) -> absl::Status {
                      SK_RETURN_IF_ERROR(ProposerOrOffice(caller, p));
                      if (!report.report_date) report.report_date = Today();
                      report.filed_by = caller.actor.name;
                      p.deadlines.evaluation_due = calendar_()->AddWorkingDays(
                          *report.report_date, domain::kEvaluationWorkingDays);
                      p.pilot.completion_report = std::move(report);
                      p.state = ProposalState::kPilotCompleted;
                      return absl::OkStatus();
                    });
}

absl::StatusOr<domain::Proposal> ProposalOperations::Evaluate(const domain::Caller& caller,
                                                              EvaluateProposalCommand cmd) {
  SK_RETURN_IF_ERROR(internal::CheckEvaluation(cmd));
  domain::Evaluation& evaluation = cmd.evaluation;
  return Transition(caller, cmd.step, ProposalVerb::kEvaluate,
                    [&](Connection&, domain::Proposal& p) -> absl::Status {
                      evaluation.evaluation_date = Today();
                      evaluation.evaluated_by = caller.actor.name;
                      p.state = domain::StateAfterEvaluation(evaluation.outcome);
                      p.evaluation = std::move(evaluation);
                      return absl::OkStatus();
                    });
}

absl::StatusOr<domain::Proposal> ProposalOperations::DecideResponsibility(
    const domain::Caller& caller, DecideResponsibilityCommand cmd) {
  SK_RETURN_IF_ERROR(internal::CheckResponsibility(cmd));
  domain::ResponsibilityDecision& decision = cmd.decision;
  return Transition(caller, cmd.step, ProposalVerb::kDecideResponsibility,
                    [&](Connection&, domain::Proposal& p) -> absl::Status {
                      SK_RETURN_IF_ERROR(domain::CheckResponsibility(p.evaluation, decision.kind));
                      decision.decided_by = caller.actor.name;
                      p.responsibility = std::move(decision);
                      p.state = ProposalState::kClosed;
                      return absl::OkStatus();
                    });
}

absl::StatusOr<domain::CaseStudy> ProposalOperations::ReplicateAsCaseStudy(
    const domain::Caller& caller, ProposalStep step, const Idempotency& idempotency,
    PublicityOperations& publicity) {
  SK_RETURN_IF_ERROR(internal::CheckStep(step, false));
  // A retry returns the case study the first call created.
  auto replayed = [&]() -> absl::StatusOr<std::optional<domain::CaseStudy>> {
    std::optional<domain::CaseStudy> found;
    SK_RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
      SK_ASSIGN_OR_RETURN(auto replay, internal::FindReplay(c, kReplicate, idempotency));
      if (!replay) return absl::OkStatus();
      auto id = domain::ParseCollectionId(replay->resource_name, "caseStudies");
      SK_ASSIGN_OR_RETURN(found, storage::PublicityRepository::GetCaseStudy(c, id.value_or(0)));
      return absl::OkStatus();
    }));
    return found;
  };
  SK_ASSIGN_OR_RETURN(auto first, replayed());
  if (first) return *first;
  domain::CaseStudy created;
  auto moved = Transition(
      caller, step, ProposalVerb::kReplicate,
      [&](Connection& c, domain::Proposal& p) -> absl::Status {
        SK_RETURN_IF_ERROR(domain::CheckReplicable(p));
        p.state = ProposalState::kReplicated;
        absl::Time now = clock_();
        // The case study's audit event, change-log entry and search document
        // are written with it, in this transaction.
        SK_ASSIGN_OR_RETURN(
            created, publicity.InsertCaseStudy(c, caller, domain::CaseStudyFromProposal(p), now));
        return internal::RecordCreate(c, kReplicate, idempotency, domain::CaseStudyName(created.id),
                                      "", now);
      });
  if (!moved.ok()) {
    // A concurrent retry may have replicated it meanwhile.
    if (!idempotency.request_id.empty() &&
        moved.status().code() == absl::StatusCode::kFailedPrecondition) {
      SK_ASSIGN_OR_RETURN(auto again, replayed());
      if (again) return *again;
    }
    return moved.status();
  }
  return created;
}

absl::StatusOr<domain::Proposal> ProposalOperations::PublishDecision(const domain::Caller& caller,
                                                                     ProposalStep step) {
  SK_RETURN_IF_ERROR(internal::CheckStep(step, false));
  return Transition(caller, step, ProposalVerb::kPublishDecision,
                    [&](Connection&, domain::Proposal& p) -> absl::Status {
                      bool changed = false;
                      if (p.decision && !p.decision_published) {
                        p.decision_published = changed = true;
                      }
                      if (p.responsibility && !p.responsibility_published) {
                        p.responsibility_published = changed = true;
                      }
                      if (!changed) {
                        return MakeError(absl::StatusCode::kFailedPrecondition,
                                         "NOTHING_TO_PUBLISH",
                                         "every recorded decision is already published",
                                         "Các quyết định đã ghi nhận đều đã được công khai");
                      }
                      return absl::OkStatus();
                    });
}

}  // namespace sangkien::operations
