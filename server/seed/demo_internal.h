// The parts of the demo seed, for demo_seed.cc: each writes through the
// operations as the system (or as a demo cadre where the workflow needs the
// proposer), so the demo passes every rule a user's data does.
#ifndef SANGKIEN_SERVER_SEED_DEMO_INTERNAL_H_
#define SANGKIEN_SERVER_SEED_DEMO_INTERNAL_H_

#include <cstdint>
#include <map>
#include <string>

#include "absl/status/statusor.h"
#include "domain/account.h"
#include "operations/proposal_operations.h"
#include "operations/publicity_operations.h"

namespace sangkien::seed::internal {

// A demo cadre as the proposer; the trail records the seeding as "system".
domain::Caller AsStaff(const domain::Account& account);

// Five proposals from the demo communes, one in each telling state: a draft,
// one under appraisal, one piloting, one achieved, and one partly achieved
// with a published responsibility decision. Returns the achieved proposal's
// id; the first refusal of an operation otherwise.
absl::StatusOr<int64_t> SeedDemoProposals(operations::ProposalOperations& proposals,
                                          const domain::Account& tan_lap,
                                          const domain::Account& hoa_binh,
                                          const domain::Account& approver);

// The commune radio of Tân Lập and one district programme, three model case
// studies (one from the achieved proposal, one featured, with an image) and
// three announcements (one current, one not yet out, one expired). `ids`
// holds the demo units by name. OK, or the first refusal of an operation.
absl::Status SeedDemoPublicity(operations::PublicityOperations& publicity,
                               const std::map<std::string, int64_t>& ids, int64_t plan_id,
                               int64_t achieved_proposal_id);

}  // namespace sangkien::seed::internal

#endif  // SANGKIEN_SERVER_SEED_DEMO_INTERNAL_H_
