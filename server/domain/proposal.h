// Innovation proposals and everything recorded along their workflow
// (seed plan II.3.1–3.6 and 4.3; Decree 73/2023/NĐ-CP).
#ifndef SANGKIEN_SERVER_DOMAIN_PROPOSAL_H_
#define SANGKIEN_SERVER_DOMAIN_PROPOSAL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"

namespace sangkien::domain {

// Values match sangkien.v1.ProposalState.
enum class ProposalState {
  kUnspecified = 0,
  kDraft = 1,
  kSubmitted = 2,
  kUnderAppraisal = 3,
  kApproved = 4,
  kRejected = 5,
  kReturned = 6,
  kPiloting = 7,
  kPilotCompleted = 8,
  kEvaluated = 9,
  kClosed = 10,
  kHalted = 11,
  kWithdrawn = 12,
  kReplicated = 13,
};
inline constexpr int kProposalStateCount = 14;

// Values match sangkien.v1.AppraisalRecommendation.
enum class Recommendation { kUnspecified = 0, kApprove = 1, kApproveWithChanges = 2, kReject = 3 };
// Values match sangkien.v1.VoteChoice.
enum class VoteChoice { kUnspecified = 0, kFor = 1, kAgainst = 2, kAbstain = 3 };
// Values match sangkien.v1.PilotOutcome.
enum class PilotOutcome { kUnspecified = 0, kAchieved = 1, kPartial = 2, kNotAchieved = 3 };
// Values match sangkien.v1.ResponsibilityKind.
enum class ResponsibilityKind {
  kUnspecified = 0,
  kExcluded = 1,
  kExempted = 2,
  kReduced = 3,
  kNotExempted = 4,
};
// Values match sangkien.v1.SubmissionPolicy.
enum class SubmissionPolicy { kUnspecified = 0, kAnyStaff = 1, kLeadersOnly = 2 };

// The contents Decree 73 art. 7 requires.
struct ProposalContents {
  std::string bottleneck;
  std::string necessity;
  std::string solutions;
  std::string scope;
  std::string implementers;
  std::optional<absl::CivilDay> pilot_start;
  std::optional<absl::CivilDay> pilot_end;
  std::string resources;
  std::string feasibility;
  std::string positive_impact;
  std::string negative_impact;
  std::string expected_results;
  std::optional<absl::CivilDay> evaluation_date;
  friend bool operator==(const ProposalContents&, const ProposalContents&) = default;
};

struct Appraisal {
  std::string appraiser;  // "accounts/3"
  std::string notes;
  Recommendation recommendation = Recommendation::kUnspecified;
  std::optional<absl::Time> record_time;
};

struct Ballot {
  std::string member;  // "accounts/3" or a name as minuted
  VoteChoice choice = VoteChoice::kUnspecified;
};

struct LeadershipDecision {
  std::optional<absl::CivilDay> meeting_date;
  std::vector<std::string> members_present;
  std::string head;
  std::vector<Ballot> ballots;
  bool head_override = false;
  std::string override_statement;
  std::string document_symbol;
  std::optional<absl::CivilDay> document_date;
  std::string deliberation;
  // Derived by the vote rule when recorded.
  int votes_for = 0;
  int votes_against = 0;
  int votes_abstaining = 0;
  bool passed_by_vote = false;
  bool tie_decided_by_head = false;
  ProposalState result = ProposalState::kUnspecified;
  std::string recorded_by;
  std::optional<absl::Time> record_time;
};

struct PilotCheck {
  std::optional<absl::CivilDay> check_date;
  std::string notes;
  std::vector<std::string> adjusted_parts;
  int contents_version = 0;
  std::string checked_by;
};

struct CompletionReport {
  std::string text;
  std::optional<absl::CivilDay> report_date;
  std::string filed_by;
};

struct Pilot {
  std::optional<absl::CivilDay> start_date;
  std::vector<PilotCheck> checks;
  std::optional<CompletionReport> completion_report;
};

struct Evaluation {
  PilotOutcome outcome = PilotOutcome::kUnspecified;
  std::string objective_causes;
  std::string subjective_causes;
  bool motives_pure = false;
  std::string notes;
  std::optional<absl::CivilDay> evaluation_date;
  std::string evaluated_by;
};

struct ResponsibilityDecision {
  ResponsibilityKind kind = ResponsibilityKind::kUnspecified;
  std::string grounds;
  std::string document_symbol;
  std::optional<absl::CivilDay> document_date;
  std::string decided_by;
};

struct Halt {
  std::string reason;
  std::string halted_by;
  std::optional<absl::CivilDay> halt_date;
  bool before_evaluation_date = false;
};

// Due dates are stored when the step they follow happens; the late flags
// are derived on read (see ComputeLateness).
struct ProposalDeadlines {
  std::optional<absl::CivilDay> decision_due;
  std::optional<absl::CivilDay> report_due;
  std::optional<absl::CivilDay> evaluation_due;
  bool decision_late = false;
  bool report_late = false;
  bool evaluation_late = false;
  bool overdue = false;  // the step pending now is past due
};

struct Proposal {
  int64_t id = 0;
  std::string title;
  int64_t proposer_id = 0;
  std::string proposer_display_name;  // joined on read
  int64_t unit_id = 0;
  std::string unit_display_name;  // joined on read
  ProposalState state = ProposalState::kDraft;
  ProposalContents contents;
  int contents_version = 1;
  std::optional<Appraisal> appraisal;
  std::optional<LeadershipDecision> decision;
  Pilot pilot;
  std::optional<Evaluation> evaluation;
  std::optional<ResponsibilityDecision> responsibility;
  std::optional<Halt> halt;
  ProposalDeadlines deadlines;
  // When each step happened (days in the district), for lateness.
  std::optional<absl::CivilDay> submit_date;
  std::optional<absl::CivilDay> decision_date;
  bool decision_published = false;
  bool responsibility_published = false;
  std::string etag;
  absl::Time create_time;
  absl::Time update_time;
  std::optional<absl::Time> submit_time;
};

// One transition in a proposal's history.
struct ProposalEvent {
  int64_t id = 0;
  int64_t proposal_id = 0;
  std::string verb;
  std::string actor;
  absl::Time time;
  std::string note;
  ProposalState state_before = ProposalState::kUnspecified;
  ProposalState state_after = ProposalState::kUnspecified;
  int contents_version = 0;
};

// A stored contents version.
struct ProposalVersion {
  int version = 0;
  ProposalContents contents;
  std::vector<std::string> changed_parts;
  std::string reason;
  std::string actor;
  absl::Time create_time;
};

}  // namespace sangkien::domain

#endif  // SANGKIEN_SERVER_DOMAIN_PROPOSAL_H_
