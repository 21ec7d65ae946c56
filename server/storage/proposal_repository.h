// Proposals, their contents versions and their events in SQLite. Stateless:
// every call runs on the connection of the transaction it is given. Versions
// and events are append-only (the schema refuses UPDATE and DELETE).
#ifndef SANGKIEN_SERVER_STORAGE_PROPOSAL_REPOSITORY_H_
#define SANGKIEN_SERVER_STORAGE_PROPOSAL_REPOSITORY_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "domain/list_query.h"
#include "domain/proposal.h"
#include "storage/database.h"

namespace sangkien::storage {

// Which proposals a read may return.
struct ProposalScope {
  bool internal = false;     // everything
  int64_t own_proposer = 0;  // otherwise: public states, plus this proposer's own
};

// Contract of every function below, unless its own comment says otherwise:
// Get*/Update*/Delete* return the row (or OK) on success and NOT_FOUND
// naming the resource when no row matches; Insert* return the new id;
// List*, *Of and other queries return an empty page or list when nothing
// matches. SQLite failures are thrown, not returned: the enclosing
// Database::Read/Write answers them as INTERNAL or UNAVAILABLE. Stateless;
// safe from any thread on the Connection of its own transaction.
class ProposalRepository {
 public:
  // Filter fields: state, unit, proposer, overdue.
  static const std::vector<domain::FilterField>& FilterFields();
  // create_time, update_time, title.
  static const std::vector<std::string>& OrderFields();

  static absl::StatusOr<int64_t> Insert(Connection& c, const domain::Proposal& p, absl::Time now);
  // Writes every field but id, proposer and create_time; bumps the revision.
  static absl::Status Update(Connection& c, const domain::Proposal& p, absl::Time now);
  // NOT_FOUND when missing or outside `scope`.
  static absl::StatusOr<domain::Proposal> Get(Connection& c, int64_t id,
                                              const ProposalScope& scope = {true, 0});
  // `today` judges "overdue".
  static absl::StatusOr<domain::ListPage<domain::Proposal>> List(Connection& c,
                                                                 const domain::ListQuery& query,
                                                                 const ProposalScope& scope,
                                                                 absl::CivilDay today);

  static absl::Status InsertVersion(Connection& c, int64_t proposal_id,
                                    const domain::ProposalVersion& version);
  static absl::StatusOr<domain::ProposalVersion> GetVersion(Connection& c, int64_t proposal_id,
                                                            int version);

  static absl::StatusOr<int64_t> InsertEvent(Connection& c, const domain::ProposalEvent& event);
  // Oldest first, paged by id.
  static absl::StatusOr<domain::ListPage<domain::ProposalEvent>> ListEvents(
      Connection& c, int64_t proposal_id, const domain::ListQuery& query);

  // The submission policy (ANY_STAFF when never set).
  static absl::StatusOr<domain::SubmissionPolicy> GetSubmissionPolicy(Connection& c);
  static absl::Status SetSubmissionPolicy(Connection& c, domain::SubmissionPolicy policy);

  // A canonical JSON text of everything stored about a proposal, for the
  // audit trail's digests.
  static std::string Canonical(const domain::Proposal& p);
  static std::string Canonical(const domain::ProposalEvent& e);
};

}  // namespace sangkien::storage

#endif  // SANGKIEN_SERVER_STORAGE_PROPOSAL_REPOSITORY_H_
