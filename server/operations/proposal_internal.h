// Who may take a proposal's steps: shared by the proposal use cases.
#ifndef SANGKIEN_SERVER_OPERATIONS_PROPOSAL_INTERNAL_H_
#define SANGKIEN_SERVER_OPERATIONS_PROPOSAL_INTERNAL_H_

#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "domain/account.h"
#include "domain/proposal.h"

namespace sangkien::operations::internal {

// "proposals/12".
std::string ProposalName(int64_t id);
// True when `caller` is the proposer of `p`.
bool IsProposer(const domain::Caller& caller, const domain::Proposal& p);
// PERMISSION_DENIED with reason NOT_PROPOSER.
absl::Status NotProposer();
// OK for the proposer, or (for steps the administration may take on the
// proposer's behalf) a coordinator, approver, admin or the system;
// NOT_PROPOSER otherwise.
absl::Status ProposerOrOffice(const domain::Caller& caller, const domain::Proposal& p);

}  // namespace sangkien::operations::internal

#endif  // SANGKIEN_SERVER_OPERATIONS_PROPOSAL_INTERNAL_H_
