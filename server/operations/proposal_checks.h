// The input rules of the proposal use cases: every text limit, required
// field, list size and range of each command, with the field paths and the
// English and Vietnamese messages clients see. Pure: no storage.
#ifndef SANGKIEN_SERVER_OPERATIONS_PROPOSAL_CHECKS_H_
#define SANGKIEN_SERVER_OPERATIONS_PROPOSAL_CHECKS_H_

#include "absl/status/status.h"
#include "absl/time/civil_time.h"
#include "absl/types/span.h"
#include "domain/field_mask.h"
#include "domain/proposal.h"
#include "operations/proposal_commands.h"

namespace sangkien::operations::internal {

// What UpdateProposal may change: "title", "unit", "contents" and each part
// of the contents under "contents.".
absl::Span<const domain::UpdatableField<domain::Proposal>> ProposalUpdatableFields();
// What a pilot check may adjust: each part of the contents by its own name.
absl::Span<const domain::UpdatableField<domain::ProposalContents>> AdjustableParts();

// Each Check* returns OK with the command's text in NFC form, or
// INVALID_ARGUMENT with one violation per bad field (English and
// Vietnamese); it never reads anything.
absl::Status CheckCreate(CreateProposalCommand& cmd);
// `note_required`: ReturnProposal must say why.
absl::Status CheckStep(ProposalStep& step, bool note_required);
// HaltPilot's note is its reason, refused under "reason".
absl::Status CheckHaltStep(ProposalStep& step);
absl::Status CheckAppraisal(RecordAppraisalCommand& cmd);
absl::Status CheckDecision(RecordDecisionCommand& cmd);
// The check itself, then the adjustment's paths (INVALID_ARGUMENT on
// "update_mask" naming the parts that may change).
absl::Status CheckPilotCheck(RecordPilotCheckCommand& cmd);
// A report dated after `today` is refused.
absl::Status CheckCompletion(CompletePilotCommand& cmd, absl::CivilDay today);
absl::Status CheckEvaluation(EvaluateProposalCommand& cmd);
absl::Status CheckResponsibility(DecideResponsibilityCommand& cmd);
// INVALID_ARGUMENT on "settings.submission_policy" when none is chosen.
absl::Status CheckSubmissionPolicy(domain::SubmissionPolicy policy);
// INVALID_ARGUMENT on "contents_version" when negative.
absl::Status CheckContentsVersion(int contents_version);

// A proposal as an update leaves it, whole: title, unit and contents, under
// "proposal.".
absl::Status CheckEdited(domain::Proposal& edited);
// Contents as a pilot check's adjustment leaves them: text limits and every
// part a submission needs, under "adjustments.".
absl::Status CheckAdjusted(domain::ProposalContents& adjusted);

}  // namespace sangkien::operations::internal

#endif  // SANGKIEN_SERVER_OPERATIONS_PROPOSAL_CHECKS_H_
