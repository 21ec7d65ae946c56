#include "operations/proposal_operations.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "calendar/civil_date.h"
#include "domain/validation.h"
#include "operations/calendar_operations.h"
#include "operations/exposure.h"
#include "operations/idempotency_internal.h"
#include "status/errors.h"
#include "status/status_macros.h"
#include "storage/account_repository.h"
#include "storage/audit_log.h"
#include "storage/proposal_repository.h"
#include "storage/unit_repository.h"

namespace sangkien::operations {

using domain::ProposalState;
using domain::ProposalVerb;
using domain::Role;
using storage::Connection;
using storage::ProposalRepository;

namespace {

constexpr std::string_view kCreateProposal = "CreateProposal";

std::string ProposalName(int64_t id) { return absl::StrCat("proposals/", id); }
std::string AccountName(int64_t id) { return absl::StrCat("accounts/", id); }

bool Internal(const domain::Caller& caller) { return caller.sees_internal_plans(); }

bool IsProposer(const domain::Caller& caller, const domain::Proposal& p) {
  return !caller.principal.is_public() && caller.principal.account_id == p.proposer_id;
}

// Whole view of `p`: internal roles and its proposer.
bool SeesWhole(const domain::Caller& caller, const domain::Proposal& p) {
  return Internal(caller) || IsProposer(caller, p);
}

storage::ProposalScope ScopeOf(const domain::Caller& caller) {
  if (Internal(caller)) return {true, 0};
  if (caller.principal.Has(Role::kStaff)) return {false, caller.principal.account_id};
  return {false, 0};
}

absl::Status NotProposer() {
  return MakeError(absl::StatusCode::kPermissionDenied, "NOT_PROPOSER",
                   "only the proposal's proposer may do this",
                   "Chỉ người đề xuất mới được thực hiện thao tác này");
}

// The proposer, or (for steps the administration may take on the proposer's
// behalf) a coordinator, approver or admin.
absl::Status ProposerOrOffice(const domain::Caller& caller, const domain::Proposal& p) {
  const auto& who = caller.principal;
  if (IsProposer(caller, p) || who.Has(Role::kCoordinator) || who.Has(Role::kApprover) ||
      who.Has(Role::kAdmin) || caller.actor.name == "system") {
    return absl::OkStatus();
  }
  return NotProposer();
}

std::string Digest(const domain::Proposal& p) {
  return storage::StateDigest(ProposalRepository::Canonical(p));
}

}  // namespace

namespace {

// domain::WorkingDays over a snapshot of the holiday calendar.
class HolidayCalendarDays final : public domain::WorkingDays {
 public:
  explicit HolidayCalendarDays(std::shared_ptr<const calendar::HolidayCalendar> calendar)
      : calendar_(std::move(calendar)) {}
  absl::CivilDay AddWorkingDays(absl::CivilDay day, int n) const override {
    return calendar_->AddWorkingDays(day, n);
  }

 private:
  std::shared_ptr<const calendar::HolidayCalendar> calendar_;
};

}  // namespace

WorkingDaysSource HolidayWorkingDays(const CalendarOperations& calendar) {
  return [&calendar]() -> std::shared_ptr<const domain::WorkingDays> {
    return std::make_shared<const HolidayCalendarDays>(calendar.Current());
  };
}

WorkingDaysSource WeekendsOnlyCalendar() {
  auto calendar = std::make_shared<const domain::WeekendsOnly>();
  return [calendar] { return calendar; };
}

absl::CivilDay ProposalOperations::Today() const { return calendar::DayInDistrict(clock_()); }

domain::Proposal ProposalOperations::Present(const domain::Caller& caller,
                                             domain::Proposal p) const {
  domain::ComputeLateness(p, Today());
  if (!SeesWhole(caller, p)) domain::RedactForPublic(p);
  return p;
}

absl::StatusOr<domain::Proposal> ProposalOperations::Load(Connection& c,
                                                          const domain::Caller& caller,
                                                          int64_t id) const {
  SK_ASSIGN_OR_RETURN(domain::Proposal p, ProposalRepository::Get(c, id, ScopeOf(caller)));
  return Present(caller, std::move(p));
}

absl::StatusOr<domain::Proposal> ProposalOperations::Get(const domain::Caller& caller, int64_t id,
                                                         int contents_version) {
  domain::Proposal p;
  SK_RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(p, ProposalRepository::Get(c, id, ScopeOf(caller)));
    if (contents_version != 0 && contents_version != p.contents_version) {
      if (!SeesWhole(caller, p)) {
        return NotFound(absl::StrCat(ProposalName(id), " version ", contents_version));
      }
      SK_ASSIGN_OR_RETURN(auto version, ProposalRepository::GetVersion(c, id, contents_version));
      p.contents = version.contents;
      p.contents_version = version.version;
    }
    return absl::OkStatus();
  }));
  return Present(caller, std::move(p));
}

absl::StatusOr<domain::ListPage<domain::Proposal>> ProposalOperations::List(
    const domain::Caller& caller, const domain::ListQuery& query) {
  domain::ListPage<domain::Proposal> page;
  SK_RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(page, ProposalRepository::List(c, query, ScopeOf(caller), Today()));
    return absl::OkStatus();
  }));
  for (auto& p : page.items) p = Present(caller, std::move(p));
  return page;
}

absl::StatusOr<domain::ListPage<domain::ProposalEvent>> ProposalOperations::ListEvents(
    const domain::Caller& caller, int64_t id, const domain::ListQuery& query) {
  domain::ListPage<domain::ProposalEvent> page;
  SK_RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(domain::Proposal p, ProposalRepository::Get(c, id));
    // History is for the proposer and the administration; to anyone else
    // the proposal's events do not exist.
    if (!SeesWhole(caller, p)) return NotFound(ProposalName(id));
    SK_ASSIGN_OR_RETURN(page, ProposalRepository::ListEvents(c, id, query));
    return absl::OkStatus();
  }));
  return page;
}

absl::StatusOr<domain::Proposal> ProposalOperations::Create(const domain::Caller& caller,
                                                            domain::Proposal proposal,
                                                            const Idempotency& idempotency) {
  const auto& who = caller.principal;
  if (who.is_public() || who.account_id == 0) {
    return MakeError(absl::StatusCode::kPermissionDenied, "PERMISSION_DENIED",
                     "a proposal needs a proposer: call with a person's account",
                     "Đề xuất phải có người đề xuất: hãy dùng tài khoản cá nhân");
  }
  bool any_unit = who.Has(Role::kCoordinator) || who.Has(Role::kAdmin);
  if (proposal.unit_id == 0) proposal.unit_id = who.unit_id;
  if (proposal.unit_id == 0) {
    return InvalidField("proposal.unit", "name the unit the proposal belongs to",
                        "Phải nêu đơn vị của đề xuất");
  }
  if (!any_unit && proposal.unit_id != who.unit_id) {
    return MakeError(absl::StatusCode::kPermissionDenied, "OTHER_UNIT",
                     "staff propose only for their own unit",
                     "Cán bộ chỉ đề xuất cho đơn vị của mình");
  }
  domain::Proposal created;
  SK_RETURN_IF_ERROR(db_.Write([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(auto replay, internal::FindReplay(c, kCreateProposal, idempotency));
    if (replay) {
      auto id = domain::ParseCollectionId(replay->resource_name, "proposals");
      SK_ASSIGN_OR_RETURN(created, ProposalRepository::Get(c, id.value_or(0)));
      return absl::OkStatus();
    }
    if (!storage::UnitRepository::Get(c, proposal.unit_id).ok()) {
      return InvalidField("proposal.unit",
                          absl::StrCat("units/", proposal.unit_id, " does not exist"),
                          absl::StrCat("Không có đơn vị units/", proposal.unit_id));
    }
    absl::Time now = clock_();
    proposal.proposer_id = who.account_id;
    proposal.state = ProposalState::kDraft;
    proposal.contents_version = 1;
    SK_ASSIGN_OR_RETURN(proposal.id, ProposalRepository::Insert(c, proposal, now));
    SK_RETURN_IF_ERROR(ProposalRepository::InsertVersion(
        c, proposal.id, {1, proposal.contents, {}, "", caller.actor.name, now}));
    domain::ProposalEvent event{
        0,   proposal.id, std::string(kCreateProposal), caller.actor.name,
        now, "",          ProposalState::kUnspecified,  ProposalState::kDraft,
        1};
    SK_ASSIGN_OR_RETURN(event.id, ProposalRepository::InsertEvent(c, event));
    SK_ASSIGN_OR_RETURN(created, ProposalRepository::Get(c, proposal.id));
    SK_RETURN_IF_ERROR(
        internal::RecordCreate(c, kCreateProposal, idempotency, ProposalName(created.id), "", now));
    SK_RETURN_IF_ERROR(internal::ExposeProposal(c, created, now));
    return storage::AuditLog::Append(c, caller.actor, ProposalName(created.id), "",
                                     storage::StateDigest(ProposalRepository::Canonical(created) +
                                                          ProposalRepository::Canonical(event)),
                                     now);
  }));
  return Present(caller, std::move(created));
}

absl::StatusOr<domain::Proposal> ProposalOperations::Update(const domain::Caller& caller,
                                                            const domain::Proposal& proposal,
                                                            const std::string& expected_etag) {
  const auto& who = caller.principal;
  bool any_unit = who.Has(Role::kCoordinator) || who.Has(Role::kAdmin);
  ProposalCall call{proposal.id, expected_etag, ""};
  return Transition(
      caller, call, ProposalVerb::kUpdate, [&](Connection& c, domain::Proposal& p) -> absl::Status {
        if (!IsProposer(caller, p)) return NotProposer();
        if (proposal.unit_id != p.unit_id) {
          if (!any_unit && proposal.unit_id != who.unit_id) {
            return MakeError(absl::StatusCode::kPermissionDenied, "OTHER_UNIT",
                             "staff propose only for their own unit",
                             "Cán bộ chỉ đề xuất cho đơn vị của mình");
          }
          if (!storage::UnitRepository::Get(c, proposal.unit_id).ok()) {
            return InvalidField("proposal.unit", "no such unit", "Không có đơn vị này");
          }
        }
        p.title = proposal.title;
        p.unit_id = proposal.unit_id;
        if (!(proposal.contents == p.contents)) {
          p.contents = proposal.contents;
          ++p.contents_version;
          SK_RETURN_IF_ERROR(ProposalRepository::InsertVersion(
              c, p.id, {p.contents_version, p.contents, {}, "", caller.actor.name, clock_()}));
        }
        return absl::OkStatus();
      });
}

absl::StatusOr<domain::Proposal> ProposalOperations::Transition(const domain::Caller& caller,
                                                                const ProposalCall& call,
                                                                ProposalVerb verb,
                                                                const Apply& apply) {
  domain::Proposal after;
  SK_RETURN_IF_ERROR(db_.Write([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(domain::Proposal before,
                        ProposalRepository::Get(c, call.id, ScopeOf(caller)));
    if (!call.etag.empty() && call.etag != before.etag) return EtagMismatch(ProposalName(call.id));
    SK_RETURN_IF_ERROR(domain::CheckMove(before.state, verb));
    domain::Proposal p = before;
    SK_RETURN_IF_ERROR(apply(c, p));
    std::vector<ProposalState> allowed = domain::NextStates(before.state, verb);
    if (std::find(allowed.begin(), allowed.end(), p.state) == allowed.end()) {
      return absl::InternalError(absl::StrCat(std::string(domain::VerbName(verb)), " led to ",
                                              std::string(domain::StateName(p.state))));
    }
    absl::Time now = clock_();
    SK_RETURN_IF_ERROR(ProposalRepository::Update(c, p, now));
    domain::ProposalEvent event{0,
                                p.id,
                                std::string(domain::VerbName(verb)),
                                caller.actor.name,
                                now,
                                call.note,
                                before.state,
                                p.state,
                                p.contents_version};
    SK_ASSIGN_OR_RETURN(event.id, ProposalRepository::InsertEvent(c, event));
    SK_ASSIGN_OR_RETURN(after, ProposalRepository::Get(c, p.id));
    SK_RETURN_IF_ERROR(internal::ExposeProposal(c, after, now));
    return storage::AuditLog::Append(c, caller.actor, ProposalName(p.id), Digest(before),
                                     storage::StateDigest(ProposalRepository::Canonical(after) +
                                                          ProposalRepository::Canonical(event)),
                                     now);
  }));
  return Present(caller, std::move(after));
}

absl::StatusOr<domain::Proposal> ProposalOperations::Withdraw(const domain::Caller& caller,
                                                              const ProposalCall& call) {
  return Transition(caller, call, ProposalVerb::kWithdraw,
                    [&](Connection&, domain::Proposal& p) -> absl::Status {
                      if (!IsProposer(caller, p)) return NotProposer();
                      p.state = ProposalState::kWithdrawn;
                      return absl::OkStatus();
                    });
}

absl::StatusOr<domain::Proposal> ProposalOperations::Submit(const domain::Caller& caller,
                                                            const ProposalCall& call) {
  return Transition(
      caller, call, ProposalVerb::kSubmit, [&](Connection& c, domain::Proposal& p) -> absl::Status {
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
                                                                    const ProposalCall& call) {
  return Transition(caller, call, ProposalVerb::kStartAppraisal,
                    [&](Connection&, domain::Proposal& p) -> absl::Status {
                      p.state = ProposalState::kUnderAppraisal;
                      return absl::OkStatus();
                    });
}

absl::StatusOr<domain::Proposal> ProposalOperations::RecordAppraisal(const domain::Caller& caller,
                                                                     const ProposalCall& call,
                                                                     domain::Appraisal appraisal) {
  return Transition(caller, call, ProposalVerb::kRecordAppraisal,
                    [&](Connection&, domain::Proposal& p) -> absl::Status {
                      appraisal.appraiser = caller.actor.name;
                      appraisal.record_time = clock_();
                      p.appraisal = std::move(appraisal);
                      return absl::OkStatus();
                    });
}

absl::StatusOr<domain::Proposal> ProposalOperations::Return(const domain::Caller& caller,
                                                            const ProposalCall& call) {
  return Transition(caller, call, ProposalVerb::kReturn,
                    [&](Connection&, domain::Proposal& p) -> absl::Status {
                      p.state = ProposalState::kReturned;
                      return absl::OkStatus();
                    });
}

absl::StatusOr<domain::Proposal> ProposalOperations::RecordDecision(
    const domain::Caller& caller, const ProposalCall& call, domain::LeadershipDecision decision) {
  return Transition(
      caller, call, ProposalVerb::kRecordDecision,
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

absl::StatusOr<domain::Proposal> ProposalOperations::StartPilot(
    const domain::Caller& caller, const ProposalCall& call,
    std::optional<absl::CivilDay> start_date) {
  return Transition(caller, call, ProposalVerb::kStartPilot,
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

absl::StatusOr<domain::Proposal> ProposalOperations::RecordPilotCheck(
    const domain::Caller& caller, const ProposalCall& call, domain::PilotCheck check,
    const domain::ProposalContents& adjusted, std::vector<std::string> adjusted_parts) {
  return Transition(caller, call, ProposalVerb::kRecordPilotCheck,
                    [&](Connection& c, domain::Proposal& p) -> absl::Status {
                      if (!adjusted_parts.empty()) {
                        // An adjustment never overwrites: it is the next version, and the
                        // one before stays readable.
                        p.contents = adjusted;
                        ++p.contents_version;
                        SK_RETURN_IF_ERROR(ProposalRepository::InsertVersion(
                            c, p.id,
                            {p.contents_version, p.contents, adjusted_parts, check.notes,
                             caller.actor.name, clock_()}));
                        if (p.contents.pilot_end) {
                          p.deadlines.report_due = calendar_()->AddWorkingDays(
                              *p.contents.pilot_end, domain::kReportWorkingDays);
                        }
                      }
                      if (!check.check_date) check.check_date = Today();
                      check.adjusted_parts = std::move(adjusted_parts);
                      check.contents_version = p.contents_version;
                      check.checked_by = caller.actor.name;
                      p.pilot.checks.push_back(std::move(check));
                      return absl::OkStatus();
                    });
}

absl::StatusOr<domain::Proposal> ProposalOperations::HaltPilot(const domain::Caller& caller,
                                                               const ProposalCall& call,
                                                               const std::string& reason) {
  return Transition(
      caller, call, ProposalVerb::kHaltPilot,
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

absl::StatusOr<domain::Proposal> ProposalOperations::CompletePilot(
    const domain::Caller& caller, const ProposalCall& call, domain::CompletionReport report) {
  return Transition(caller, call, ProposalVerb::kCompletePilot,
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
                                                              const ProposalCall& call,
                                                              domain::Evaluation evaluation) {
  return Transition(caller, call, ProposalVerb::kEvaluate,
                    [&](Connection&, domain::Proposal& p) -> absl::Status {
                      evaluation.evaluation_date = Today();
                      evaluation.evaluated_by = caller.actor.name;
                      p.state = domain::StateAfterEvaluation(evaluation.outcome);
                      p.evaluation = std::move(evaluation);
                      return absl::OkStatus();
                    });
}

absl::StatusOr<domain::Proposal> ProposalOperations::DecideResponsibility(
    const domain::Caller& caller, const ProposalCall& call,
    domain::ResponsibilityDecision decision) {
  return Transition(caller, call, ProposalVerb::kDecideResponsibility,
                    [&](Connection&, domain::Proposal& p) -> absl::Status {
                      SK_RETURN_IF_ERROR(domain::CheckResponsibility(p.evaluation, decision.kind));
                      decision.decided_by = caller.actor.name;
                      p.responsibility = std::move(decision);
                      p.state = ProposalState::kClosed;
                      return absl::OkStatus();
                    });
}

absl::StatusOr<domain::Proposal> ProposalOperations::PublishDecision(const domain::Caller& caller,
                                                                     const ProposalCall& call) {
  return Transition(caller, call, ProposalVerb::kPublishDecision,
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

absl::StatusOr<domain::SubmissionPolicy> ProposalOperations::GetSubmissionPolicy() {
  domain::SubmissionPolicy policy = domain::SubmissionPolicy::kAnyStaff;
  SK_RETURN_IF_ERROR(db_.Read([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(policy, ProposalRepository::GetSubmissionPolicy(c));
    return absl::OkStatus();
  }));
  return policy;
}

absl::StatusOr<domain::SubmissionPolicy> ProposalOperations::SetSubmissionPolicy(
    const domain::Caller& caller, domain::SubmissionPolicy policy) {
  SK_RETURN_IF_ERROR(db_.Write([&](Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(auto before, ProposalRepository::GetSubmissionPolicy(c));
    if (before == policy) return absl::OkStatus();
    SK_RETURN_IF_ERROR(ProposalRepository::SetSubmissionPolicy(c, policy));
    return storage::AuditLog::Append(
        c, caller.actor, "proposalSettings",
        storage::StateDigest(absl::StrCat("submission_policy=", static_cast<int>(before))),
        storage::StateDigest(absl::StrCat("submission_policy=", static_cast<int>(policy))),
        clock_());
  }));
  return policy;
}

}  // namespace sangkien::operations
