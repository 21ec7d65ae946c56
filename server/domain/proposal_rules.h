// The proposal workflow's rules, pure: which verb may move a proposal from
// which state (one table), the leadership vote, halting a pilot, the
// responsibility decision, the contents a submission needs, and deadlines in
// working days. Each refusal carries a stable reason.
#ifndef SANGKIEN_SERVER_DOMAIN_PROPOSAL_RULES_H_
#define SANGKIEN_SERVER_DOMAIN_PROPOSAL_RULES_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "domain/proposal.h"
#include "status/errors.h"

namespace sangkien::domain {

// Every call that reads or changes a proposal's workflow state.
enum class ProposalVerb {
  kUpdate,
  kWithdraw,
  kSubmit,
  kStartAppraisal,
  kRecordAppraisal,
  kReturn,
  kRecordDecision,
  kStartPilot,
  kRecordPilotCheck,
  kHaltPilot,
  kCompletePilot,
  kEvaluate,
  kDecideResponsibility,
  kPublishDecision,
  kReplicate,
};

// Every verb, in workflow order.
const std::vector<ProposalVerb>& AllProposalVerbs();
// Every state but kUnspecified.
const std::vector<ProposalState>& AllProposalStates();
// The RPC's name: "SubmitProposal", "RecordDecision", …
std::string_view VerbName(ProposalVerb verb);
// "SUBMITTED", …
std::string_view StateName(ProposalState state);
// "đã nộp", … (for messages).
std::string_view StateNameVi(ProposalState state);

// One row of the transition table: `verb` in `from` may lead to any of `to`
// (the verb's own rule picks which; a verb that records without moving has
// to == {from}).
struct ProposalMove {
  ProposalState from;
  ProposalVerb verb;
  std::vector<ProposalState> to;
};
const std::vector<ProposalMove>& ProposalMoves();

// The states `verb` may lead to from `from`; empty when it is not allowed.
std::vector<ProposalState> NextStates(ProposalState from, ProposalVerb verb);
// OK when the table allows `verb` in `from`; otherwise FAILED_PRECONDITION
// with reason INVALID_TRANSITION.
absl::Status CheckMove(ProposalState from, ProposalVerb verb);

// Who can see a proposal in this state when they may see only public data.
bool IsPublicState(ProposalState state);
// What callers limited to public data see of a proposal in a public state:
// no appraisal, and the leadership and responsibility decisions (votes,
// deliberation) only once published.
void RedactForPublic(Proposal& proposal);

// ---- submission ----

// One violation per required part the contents lack, under `prefix`
// ("proposal.contents."), described in Vietnamese; plus a violation when the
// pilot ends before it starts or the evaluation date is before the start.
std::vector<FieldViolation> MissingContents(const ProposalContents& contents,
                                            std::string_view prefix);

// True for leaders and managers (Decree 73 limits proposals to them): a head
// or deputy head by position ("Chủ tịch", "Phó Trưởng phòng", "Giám đốc", …).
bool IsLeaderPosition(std::string_view position);

// ---- the leadership vote ----

struct VoteTally {
  int votes_for = 0;
  int votes_against = 0;
  int votes_abstaining = 0;
  bool passed_by_vote = false;
  bool tie_decided_by_head = false;
  ProposalState result = ProposalState::kRejected;  // APPROVED or REJECTED
};

// Applies the vote rule to a meeting's record. The vote passes with more
// than half of the votes cast (for + against; abstentions are not cast); a
// tie goes the way the head voted (a head who did not vote, or abstained,
// leaves it failed). A failed vote is still APPROVED when the head overrides
// in writing on personal responsibility. Refusals:
//   NO_MEMBERS_PRESENT (FAILED_PRECONDITION): nobody present;
//   PROPOSER_MAY_NOT_VOTE (FAILED_PRECONDITION): a ballot by the proposer
//     (`proposer` is "accounts/N"; `proposer_display_name` is matched too);
//   OVERRIDE_NOT_NEEDED (FAILED_PRECONDITION): an override of a vote that
//     passed;
//   INVALID_ARGUMENT: the head not present, a ballot by someone absent or
//     twice, a ballot without a choice, an override without its statement.
absl::StatusOr<VoteTally> TallyDecision(const LeadershipDecision& decision,
                                        const std::string& proposer,
                                        const std::string& proposer_display_name);

// ---- halting a pilot (seed 3.4) ----

// Before the evaluation date a pilot is halted only with a stated reason
// (HALT_REASON_REQUIRED, FAILED_PRECONDITION) and an approver's authority
// (HALT_NEEDS_APPROVER, PERMISSION_DENIED). From the evaluation date on, a
// coordinator may halt too. Returns whether the halt is before the
// evaluation date.
absl::StatusOr<bool> CheckHalt(absl::CivilDay today,
                               const std::optional<absl::CivilDay>& evaluation_date,
                               std::string_view reason, bool approver_authority, bool coordinator);

// ---- evaluation and responsibility (seed 3.5) ----

// The state an evaluation leads to: CLOSED for ACHIEVED, else EVALUATED.
ProposalState StateAfterEvaluation(PilotOutcome outcome);

// A responsibility decision follows only an evaluation that was not
// ACHIEVED (RESPONSIBILITY_NOT_APPLICABLE); exclusion, exemption and
// reduction need motives found pure (MOTIVES_NOT_PURE). Both
// FAILED_PRECONDITION.
absl::Status CheckResponsibility(const std::optional<Evaluation>& evaluation,
                                 ResponsibilityKind kind);

// ---- replication ----

// Only a pilot evaluated as ACHIEVED becomes a model to replicate:
// FAILED_PRECONDITION with reason PILOT_NOT_ACHIEVED otherwise (the table
// allows the verb from CLOSED, which a responsibility decision also reaches).
absl::Status CheckReplicable(const Proposal& proposal);

// ---- deadlines in working days (Decree 73) ----

// Working days, as a holiday calendar knows them.
class WorkingDays {
 public:
  virtual ~WorkingDays() = default;
  // The `n`-th working day after `day` (n ≥ 1).
  virtual absl::CivilDay AddWorkingDays(absl::CivilDay day, int n) const = 0;
};

// Monday to Friday; no holidays.
class WeekendsOnly final : public WorkingDays {
 public:
  absl::CivilDay AddWorkingDays(absl::CivilDay day, int n) const override;
};

inline constexpr int kDecisionWorkingDays = 7;    // after submission
inline constexpr int kReportWorkingDays = 5;      // after the pilot's end
inline constexpr int kEvaluationWorkingDays = 7;  // after the completion report

// Sets the late flags and `overdue` from the stored due dates and the days
// the steps happened, as of `today`.
void ComputeLateness(Proposal& proposal, absl::CivilDay today);

}  // namespace sangkien::domain

#endif  // SANGKIEN_SERVER_DOMAIN_PROPOSAL_RULES_H_
