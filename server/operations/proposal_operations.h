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

// What a workflow call carries besides its verb-specific record.
struct ProposalCall {
  int64_t id = 0;
  std::string etag;  // empty: no check
  std::string note;
};

class ProposalOperations {
 public:
  ProposalOperations(storage::Database& db, calendar::Clock clock, WorkingDaysSource calendar)
      : db_(db), clock_(std::move(clock)), calendar_(std::move(calendar)) {}

  // Reads. Internal roles (coordinator, approver, inspector, admin) see every
  // proposal whole; staff see their own proposals whole and public ones
  // redacted; everyone else sees public ones redacted, because appraisal and
  // deliberation stay internal until published (ProposalService.GetProposal
  // in docs/API.md).
  // `contents_version` 0 is the current contents.
  absl::StatusOr<domain::Proposal> Get(const domain::Caller& caller, int64_t id,
                                       int contents_version = 0);
  absl::StatusOr<domain::ListPage<domain::Proposal>> List(const domain::Caller& caller,
                                                          const domain::ListQuery& query);
  // The proposer, internal roles: the history, oldest first.
  absl::StatusOr<domain::ListPage<domain::ProposalEvent>> ListEvents(
      const domain::Caller& caller, int64_t id, const domain::ListQuery& query);

  // A new DRAFT whose proposer is the caller. unit_id 0: the caller's unit.
  absl::StatusOr<domain::Proposal> Create(const domain::Caller& caller, domain::Proposal proposal,
                                          const Idempotency& idempotency);
  // Title, unit and contents of a DRAFT or RETURNED proposal, by its proposer.
  // Changed contents are a new version.
  absl::StatusOr<domain::Proposal> Update(const domain::Caller& caller,
                                          const domain::Proposal& proposal,
                                          const std::string& expected_etag);

  absl::StatusOr<domain::Proposal> Withdraw(const domain::Caller& caller, const ProposalCall& call);
  absl::StatusOr<domain::Proposal> Submit(const domain::Caller& caller, const ProposalCall& call);
  absl::StatusOr<domain::Proposal> StartAppraisal(const domain::Caller& caller,
                                                  const ProposalCall& call);
  absl::StatusOr<domain::Proposal> RecordAppraisal(const domain::Caller& caller,
                                                   const ProposalCall& call,
                                                   domain::Appraisal appraisal);
  absl::StatusOr<domain::Proposal> Return(const domain::Caller& caller, const ProposalCall& call);
  absl::StatusOr<domain::Proposal> RecordDecision(const domain::Caller& caller,
                                                  const ProposalCall& call,
                                                  domain::LeadershipDecision decision);
  // start_date unset: today.
  absl::StatusOr<domain::Proposal> StartPilot(const domain::Caller& caller,
                                              const ProposalCall& call,
                                              std::optional<absl::CivilDay> start_date);
  // `adjusted` holds the contents after the adjustment of `adjusted_parts`
  // (empty: no adjustment).
  absl::StatusOr<domain::Proposal> RecordPilotCheck(const domain::Caller& caller,
                                                    const ProposalCall& call,
                                                    domain::PilotCheck check,
                                                    const domain::ProposalContents& adjusted,
                                                    std::vector<std::string> adjusted_parts);
  absl::StatusOr<domain::Proposal> HaltPilot(const domain::Caller& caller, const ProposalCall& call,
                                             const std::string& reason);
  absl::StatusOr<domain::Proposal> CompletePilot(const domain::Caller& caller,
                                                 const ProposalCall& call,
                                                 domain::CompletionReport report);
  absl::StatusOr<domain::Proposal> Evaluate(const domain::Caller& caller, const ProposalCall& call,
                                            domain::Evaluation evaluation);
  absl::StatusOr<domain::Proposal> DecideResponsibility(const domain::Caller& caller,
                                                        const ProposalCall& call,
                                                        domain::ResponsibilityDecision decision);
  absl::StatusOr<domain::Proposal> PublishDecision(const domain::Caller& caller,
                                                   const ProposalCall& call);

  // A CLOSED proposal whose pilot was evaluated as ACHIEVED becomes a DRAFT
  // case study (drawn from its contents, report and evaluation) and moves to
  // REPLICATED, in one transaction: one audit event for the proposal, one
  // for the case study (written through `publicity`, with its change-log and
  // search entries). FAILED_PRECONDITION (INVALID_TRANSITION or
  // PILOT_NOT_ACHIEVED) otherwise. A retry with the same request_id returns
  // the first case study.
  absl::StatusOr<domain::CaseStudy> ReplicateAsCaseStudy(const domain::Caller& caller,
                                                         const ProposalCall& call,
                                                         const Idempotency& idempotency,
                                                         PublicityOperations& publicity);

  absl::StatusOr<domain::SubmissionPolicy> GetSubmissionPolicy();
  absl::StatusOr<domain::SubmissionPolicy> SetSubmissionPolicy(const domain::Caller& caller,
                                                               domain::SubmissionPolicy policy);

  absl::CivilDay Today() const;

  // The proposal as Get presents it to `caller`, on a snapshot the caller
  // already holds: for the change feed.
  absl::StatusOr<domain::Proposal> Load(storage::Connection& c, const domain::Caller& caller,
                                        int64_t id) const;

 private:
  using Apply = std::function<absl::Status(storage::Connection&, domain::Proposal&)>;
  // Loads, checks the etag and the (state, verb) table, applies, checks the
  // result against the table, writes the proposal, its event and the audit
  // event.
  absl::StatusOr<domain::Proposal> Transition(const domain::Caller& caller,
                                              const ProposalCall& call, domain::ProposalVerb verb,
                                              const Apply& apply);
  // What `caller` gets to see of `p`.
  domain::Proposal Present(const domain::Caller& caller, domain::Proposal p) const;

  storage::Database& db_;
  calendar::Clock clock_;
  WorkingDaysSource calendar_;
};

}  // namespace sangkien::operations

#endif  // SANGKIEN_SERVER_OPERATIONS_PROPOSAL_OPERATIONS_H_
