// Use cases on the unit directory. Each public method is one transaction:
// it checks what the request refers to, applies the domain rules and writes
// through the repositories. No gRPC here; the api layer converts.
#ifndef SANGKIEN_SERVER_OPERATIONS_DIRECTORY_OPERATIONS_H_
#define SANGKIEN_SERVER_OPERATIONS_DIRECTORY_OPERATIONS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "calendar/clock.h"
#include "domain/account.h"
#include "domain/list_query.h"
#include "domain/unit.h"
#include "importer/plan_importer.h"
#include "storage/database.h"

namespace sangkien::operations {

// A create that may be a retry: the request's id and a digest of its content.
struct Idempotency {
  std::string request_id;   // empty: not idempotent
  std::string fingerprint;  // digest of the request without request_id
};

class DirectoryOperations {
 public:
  DirectoryOperations(storage::Database& db, calendar::Clock clock)
      : db_(db), clock_(std::move(clock)) {}

  absl::StatusOr<domain::Unit> GetUnit(int64_t id);
  absl::StatusOr<domain::ListPage<domain::Unit>> ListUnits(const domain::ListQuery& query);
  // Creates the unit and gives it the assignments of every task that names a
  // group it now belongs to.
  absl::StatusOr<domain::Unit> CreateUnit(const domain::Caller& caller, domain::Unit unit,
                                          const Idempotency& idempotency);
  // Replaces the stored unit with `unit` when `expected_etag` is current.
  absl::StatusOr<domain::Unit> UpdateUnit(const domain::Caller& caller, const domain::Unit& unit,
                                          const std::string& expected_etag);

  absl::StatusOr<domain::UnitGroup> GetGroup(int64_t id);
  absl::StatusOr<domain::ListPage<domain::UnitGroup>> ListGroups(const domain::ListQuery& query);
  absl::StatusOr<int64_t> CreateGroup(const domain::Caller& caller, const domain::UnitGroup& group);

  // Every name (and alias) the directory knows, for the importer.
  absl::StatusOr<std::vector<importer::DirectoryEntry>> Entries();

 private:
  storage::Database& db_;
  calendar::Clock clock_;
};

// Gives `unit`, just inserted, the assignments of every task that names a
// group its kind makes it a member of. Runs in the caller's transaction.
absl::Status AssignNewMember(storage::Connection& c, const domain::Unit& unit, absl::Time now);

// Guesses a new unit's kind from its name ("UBND xã …" → commune); used for
// units a plan names that the directory does not know.
domain::UnitKind GuessUnitKind(std::string_view display_name);

}  // namespace sangkien::operations

#endif  // SANGKIEN_SERVER_OPERATIONS_DIRECTORY_OPERATIONS_H_
