// Use cases on innovation proposals: one transaction each. Every write is one
// proposal event (append-only history) and one audit event. No gRPC here.
#ifndef SANGKIEN_SERVER_OPERATIONS_PROPOSAL_OPERATIONS_H_
#define SANGKIEN_SERVER_OPERATIONS_PROPOSAL_OPERATIONS_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "calendar/clock.h"
#include "domain/account.h"
#include "domain/list_query.h"
#include "domain/proposal.h"
#include "domain/proposal_rules.h"
#include "domain/publicity.h"
#include "operations/directory_operations.h"
#include "operations/proposal_commands.h"
#include "storage/database.h"

namespace sangkien::operations {

// The working-day calendar deadlines are computed against, fetched per call
// so that a calendar edited at run time applies at once.
using WorkingDaysSource = std::function<std::shared_ptr<const domain::WorkingDays>()>;

class CalendarOperations;
class PublicityOperations;

// Monday to Friday, no holidays.
WorkingDaysSource WeekendsOnlyCalendar();
// The stored holiday calendar (days off, make-up Saturdays) as it stands at
// each call. `calendar` must outlive the source.
WorkingDaysSource HolidayWorkingDays(const CalendarOperations& calendar);

class ProposalOperations {
 public:
  ProposalOperations(storage::Database& db, calendar::Clock clock, WorkingDaysSource calendar)
      : db_(db), clock_(std::move(clock)), calendar_(std::move(calendar)) {}

  // Reads. Internal roles (coordinator, approver, inspector, admin) see every
  // proposal whole; staff see their own proposals whole and public ones
  // redacted; everyone else sees public ones redacted, because appraisal and
  // deliberation stay internal until published (ProposalService.GetProposal
  // in docs/API.md).

  // The proposal as `caller` may see it, with contents `contents_version`
  // (0: the current ones). NOT_FOUND when absent, invisible to the caller,
  // or an older version asked for by someone who sees it only redacted;
  // INVALID_ARGUMENT on "contents_version" when negative.
  absl::StatusOr<domain::Proposal> Get(const domain::Caller& caller, int64_t id,
                                       int contents_version = 0);
  // One page of the proposals `caller` may see; INVALID_ARGUMENT for a
  // query ListProposalsSpec() does not allow; an empty page when none match.
  absl::StatusOr<domain::ListPage<domain::Proposal>> List(const domain::Caller& caller,
                                                          const domain::ListQuery& query);
  // The history, oldest first, for the proposer and internal roles;
  // NOT_FOUND for anyone else and for an absent proposal.
  absl::StatusOr<domain::ListPage<domain::ProposalEvent>> ListEvents(
      const domain::Caller& caller, int64_t id, const domain::ListQuery& query);

  // What ListProposals filters and sorts on, and its order when none is asked.
  static const domain::ListSpec& ListProposalsSpec();
  // ListProposalEvents: no filter, oldest first.
  static const domain::ListSpec& ListProposalEventsSpec();

  // Every write below returns the proposal after it, as `caller` may see it.
  // Each checks its whole command first (INVALID_ARGUMENT, one violation per
  // bad field, nothing read); then, in one transaction: NOT_FOUND when the
  // proposal is absent or invisible to the caller, ABORTED (ETAG_MISMATCH)
  // on a stale etag, FAILED_PRECONDITION (INVALID_TRANSITION) when the verb
  // does not apply in the proposal's state, and the verb's own refusals as
  // listed. Nothing is written on any error.

  // A new DRAFT whose proposer is the caller. PERMISSION_DENIED for a
  // caller without an account, or (OTHER_UNIT) staff proposing for another
  // unit; INVALID_ARGUMENT on "proposal.unit" when no unit is given or known.
  // A retry with the same request_id returns the first proposal.
  absl::StatusOr<domain::Proposal> Create(const domain::Caller& caller, CreateProposalCommand cmd,
                                          const Idempotency& idempotency);
  // Title, unit and contents of a DRAFT or RETURNED proposal, by its proposer
  // (else PERMISSION_DENIED, NOT_PROPOSER); changed contents are a new
  // version. A bad update_mask is refused before anything is read.
  absl::StatusOr<domain::Proposal> Update(const domain::Caller& caller,
                                          const UpdateProposalCommand& cmd);

  // By the proposer only (NOT_PROPOSER).
  absl::StatusOr<domain::Proposal> Withdraw(const domain::Caller& caller, ProposalStep step);
  // By the proposer only (NOT_PROPOSER); PERMISSION_DENIED
  // (SUBMISSION_RESTRICTED) for a non-leader under LEADERS_ONLY;
  // INVALID_ARGUMENT naming each part of the contents still missing.
  absl::StatusOr<domain::Proposal> Submit(const domain::Caller& caller, ProposalStep step);
  absl::StatusOr<domain::Proposal> StartAppraisal(const domain::Caller& caller, ProposalStep step);
  absl::StatusOr<domain::Proposal> RecordAppraisal(const domain::Caller& caller,
                                                   RecordAppraisalCommand cmd);
  // The note is required: the proposer is told what to change.
  absl::StatusOr<domain::Proposal> Return(const domain::Caller& caller, ProposalStep step);
  // APPRAISAL_MISSING before an appraisal; the vote's refusals as
  // domain::TallyDecision lists them.
  absl::StatusOr<domain::Proposal> RecordDecision(const domain::Caller& caller,
                                                  RecordDecisionCommand cmd);
  // By the proposer or an office (NOT_PROPOSER otherwise).
  absl::StatusOr<domain::Proposal> StartPilot(const domain::Caller& caller, StartPilotCommand cmd);
  // An adjustment is the next contents version; the adjusted contents must
  // still hold every part a submission needs.
  absl::StatusOr<domain::Proposal> RecordPilotCheck(const domain::Caller& caller,
                                                    RecordPilotCheckCommand cmd);
  // The step's note is the reason; the halting rule is domain::CheckHalt's.
  absl::StatusOr<domain::Proposal> HaltPilot(const domain::Caller& caller, ProposalStep step);
  // By the proposer or an office (NOT_PROPOSER otherwise).
  absl::StatusOr<domain::Proposal> CompletePilot(const domain::Caller& caller,
                                                 CompletePilotCommand cmd);
  absl::StatusOr<domain::Proposal> Evaluate(const domain::Caller& caller,
                                            EvaluateProposalCommand cmd);
  // The rule is domain::CheckResponsibility's.
  absl::StatusOr<domain::Proposal> DecideResponsibility(const domain::Caller& caller,
                                                        DecideResponsibilityCommand cmd);
  // NOTHING_TO_PUBLISH when every recorded decision is already public.
  absl::StatusOr<domain::Proposal> PublishDecision(const domain::Caller& caller, ProposalStep step);

  // A CLOSED proposal whose pilot was evaluated as ACHIEVED becomes a DRAFT
  // case study (drawn from its contents, report and evaluation) and moves to
  // REPLICATED, in one transaction: one audit event for the proposal, one
  // for the case study (written through `publicity`, with its change-log and
  // search entries). Returns the case study; FAILED_PRECONDITION
  // (INVALID_TRANSITION or PILOT_NOT_ACHIEVED) otherwise. A retry with the
  // same request_id returns the first case study.
  absl::StatusOr<domain::CaseStudy> ReplicateAsCaseStudy(const domain::Caller& caller,
                                                         ProposalStep step,
                                                         const Idempotency& idempotency,
                                                         PublicityOperations& publicity);

  // The stored policy (ANY_STAFF when never set); an error only when the
  // database fails.
  absl::StatusOr<domain::SubmissionPolicy> GetSubmissionPolicy();
  // Returns the policy now in force; INVALID_ARGUMENT on
  // "settings.submission_policy" for kUnspecified.
  absl::StatusOr<domain::SubmissionPolicy> SetSubmissionPolicy(const domain::Caller& caller,
                                                               domain::SubmissionPolicy policy);

  // Today in the district, by the operations' clock.
  absl::CivilDay Today() const;

  // The proposal as Get presents it to `caller`, on a snapshot the caller
  // already holds: for the change feed. NOT_FOUND like Get.
  absl::StatusOr<domain::Proposal> Load(storage::Connection& c, const domain::Caller& caller,
                                        int64_t id) const;

 private:
  using Apply = std::function<absl::Status(storage::Connection&, domain::Proposal&)>;
  using Inspect = std::function<absl::Status(const domain::Proposal&)>;
  // In one transaction: loads, checks the etag, runs `inspect` on the
  // stored proposal (a request wrong in itself is refused as such, whatever
  // the proposal's state), checks the (state, verb) table, applies, checks
  // the result against the table, writes the proposal, its event and the
  // audit event.
  absl::StatusOr<domain::Proposal> Transition(const domain::Caller& caller,
                                              const ProposalStep& step, domain::ProposalVerb verb,
                                              const Apply& apply, const Inspect& inspect = {});
  // What `caller` gets to see of `p`.
  domain::Proposal Present(const domain::Caller& caller, domain::Proposal p) const;

  storage::Database& db_;
  calendar::Clock clock_;
  WorkingDaysSource calendar_;
};

}  // namespace sangkien::operations

#endif  // SANGKIEN_SERVER_OPERATIONS_PROPOSAL_OPERATIONS_H_
