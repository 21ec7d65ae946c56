// What each proposal use case is asked to do, in domain types only: the API,
// the command line and the seed build these, and ProposalOperations checks
// every field of them before anything is read or written.
#ifndef SANGKIEN_SERVER_OPERATIONS_PROPOSAL_COMMANDS_H_
#define SANGKIEN_SERVER_OPERATIONS_PROPOSAL_COMMANDS_H_

#include <cstdint>
#include <optional>
#include <string>

#include "absl/time/civil_time.h"
#include "domain/field_mask.h"
#include "domain/proposal.h"

namespace sangkien::operations {

// The proposal a workflow step acts on, and what its history keeps of it.
struct ProposalStep {
  int64_t id = 0;
  std::string etag;  // the one the caller read; empty: no precondition
  std::string note;  // why, in the caller's words (HaltPilot: the reason)
};

// A new DRAFT. The proposer is always the caller.
struct CreateProposalCommand {
  std::string title;
  int64_t unit_id = 0;  // 0: the caller's unit
  domain::ProposalContents contents;
};

// Title, unit and contents of a DRAFT or RETURNED proposal. The paths use
// the API's names: "title", "unit", "contents", or one part of the contents
// ("contents.scope", "contents.pilot_period.end_date"). The patch carries
// them in `title`, `unit_id` and `contents`; its other fields are ignored.
struct UpdateProposalCommand {
  int64_t id = 0;
  domain::Update<domain::Proposal> update;
};

struct RecordAppraisalCommand {
  ProposalStep step;
  domain::Appraisal appraisal;  // notes and recommendation; the rest is the operation's
};

struct RecordDecisionCommand {
  ProposalStep step;
  domain::LeadershipDecision decision;  // the meeting's record; the tally is the operation's
};

struct StartPilotCommand {
  ProposalStep step;
  std::optional<absl::CivilDay> start_date;  // unset: today
};

// A monitoring check, possibly adjusting the contents. The adjustment names
// parts of the contents ("pilot_period", "pilot_period.end_date", "scope", …)
// and carries their new values in `adjustments`; no paths: no adjustment.
struct RecordPilotCheckCommand {
  ProposalStep step;
  domain::PilotCheck check;  // check_date (unset: today) and notes
  domain::FieldPaths adjustment_paths;
  domain::ProposalContents adjustments;
};

struct CompletePilotCommand {
  ProposalStep step;
  domain::CompletionReport report;  // text and report_date (unset: today)
};

struct EvaluateProposalCommand {
  ProposalStep step;
  domain::Evaluation evaluation;  // outcome, causes, motives, notes
};

struct DecideResponsibilityCommand {
  ProposalStep step;
  domain::ResponsibilityDecision decision;  // kind, grounds, document
};

}  // namespace sangkien::operations

#endif  // SANGKIEN_SERVER_OPERATIONS_PROPOSAL_COMMANDS_H_
