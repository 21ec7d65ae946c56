// Proposals from domain to proto, shared by ProposalService and the change
// feed.
#ifndef SANGKIEN_SERVER_API_PROPOSAL_CONVERT_H_
#define SANGKIEN_SERVER_API_PROPOSAL_CONVERT_H_

#include "domain/proposal.h"
#include "sangkien/v1/proposal.pb.h"

namespace sangkien::api {

// Each fills `out` (expected empty) from the domain value; they cannot fail.
void ProposalToProto(const domain::Proposal& p, v1::Proposal* out);
void EventToProto(const domain::ProposalEvent& e, v1::ProposalEvent* out);

}  // namespace sangkien::api

#endif  // SANGKIEN_SERVER_API_PROPOSAL_CONVERT_H_
