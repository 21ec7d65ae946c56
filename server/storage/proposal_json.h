// The JSON columns of a proposal (contents and record). Internal to storage/.
#ifndef SANGKIEN_SERVER_STORAGE_PROPOSAL_JSON_H_
#define SANGKIEN_SERVER_STORAGE_PROPOSAL_JSON_H_

#include <nlohmann/json.hpp>
#include <optional>

#include "absl/time/civil_time.h"
#include "domain/proposal.h"

namespace sangkien::storage::internal {

// An ISO date, or null when unset.
nlohmann::json Day(const std::optional<absl::CivilDay>& d);
nlohmann::json ContentsJson(const domain::ProposalContents& c);
// Missing or mistyped keys read as empty values.
domain::ProposalContents ContentsFromJson(const nlohmann::json& j);
// Everything of the proposal's process that has no column of its own.
nlohmann::json RecordJson(const domain::Proposal& p);
void RecordFromJson(const nlohmann::json& r, domain::Proposal& p);

}  // namespace sangkien::storage::internal

#endif  // SANGKIEN_SERVER_STORAGE_PROPOSAL_JSON_H_
