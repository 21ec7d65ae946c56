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
#include "operations/directory_commands.h"
#include "storage/database.h"

namespace sangkien::operations {

class DirectoryOperations {
 public:
  DirectoryOperations(storage::Database& db, calendar::Clock clock)
      : db_(db), clock_(std::move(clock)) {}

  // What ListUnits and ListGroups accept (filter and order fields).
  static const domain::ListSpec& ListUnitsSpec();
  static const domain::ListSpec& ListGroupsSpec();

  // The unit; NOT_FOUND when absent.
  absl::StatusOr<domain::Unit> GetUnit(int64_t id);
  // One page in the query's order; an error only when the database fails.
  absl::StatusOr<domain::ListPage<domain::Unit>> ListUnits(const domain::ListQuery& query);
  // Returns the stored unit (for a retried request id, the one created
  // first) and gives it the assignments of every task that names a group it
  // now belongs to. INVALID_ARGUMENT, nothing written, for a blank or
  // over-long display name, an over-long short name, too many or bad aliases,
  // no kind, or a parent that is malformed, absent or the unit itself;
  // ALREADY_EXISTS (UNIT_NAME_TAKEN) when a sibling has the same name.
  absl::StatusOr<domain::Unit> CreateUnit(const domain::Caller& caller,
                                          const CreateUnitCommand& command);
  // Returns the stored unit. INVALID_ARGUMENT on "update_mask" for a path
  // that cannot change (before anything is read); NOT_FOUND when absent;
  // ABORTED on a stale etag; the merged unit is then refused as CreateUnit
  // refuses, nothing written.
  absl::StatusOr<domain::Unit> UpdateUnit(const domain::Caller& caller,
                                          const UpdateUnitCommand& command);

  // The group with its members resolved; NOT_FOUND when absent.
  absl::StatusOr<domain::UnitGroup> GetGroup(int64_t id);
  // One page by id; an error only when the database fails.
  absl::StatusOr<domain::ListPage<domain::UnitGroup>> ListGroups(const domain::ListQuery& query);
  // The new group's id (groups come from seeding, not from the API).
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
