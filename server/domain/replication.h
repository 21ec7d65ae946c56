// A successful proposal turned into a model case study to replicate (seed
// plan 4.3: "nhân rộng"). Pure.
#ifndef SANGKIEN_SERVER_DOMAIN_REPLICATION_H_
#define SANGKIEN_SERVER_DOMAIN_REPLICATION_H_

#include "domain/proposal.h"
#include "domain/publicity.h"

namespace sangkien::domain {

// A DRAFT case study linked to `proposal`, for the same unit, with its title;
// the summary is the bottleneck it removed, the body its solutions, scope and
// implementers, the results what the pilot report and the evaluation say
// (or the expected results when they say nothing).
CaseStudy CaseStudyFromProposal(const Proposal& proposal);

}  // namespace sangkien::domain

#endif  // SANGKIEN_SERVER_DOMAIN_REPLICATION_H_
