// Units and unit groups in SQLite. Stateless: every call runs on the
// connection of the transaction it is given.
#ifndef SANGKIEN_SERVER_STORAGE_UNIT_REPOSITORY_H_
#define SANGKIEN_SERVER_STORAGE_UNIT_REPOSITORY_H_

#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "domain/list_query.h"
#include "domain/unit.h"
#include "storage/database.h"

namespace sangkien::storage {

// Contract of every function below, unless its own comment says otherwise:
// Get*/Update*/Delete* return the row (or OK) on success and NOT_FOUND
// naming the resource when no row matches; Insert* return the new id;
// List*, *Of and other queries return an empty page or list when nothing
// matches. SQLite failures are thrown, not returned: the enclosing
// Database::Read/Write answers them as INTERNAL or UNAVAILABLE. Stateless;
// safe from any thread on the Connection of its own transaction.
class UnitRepository {
 public:
  // Filter fields the List understands: kind, parent, demo.
  static const std::vector<domain::FilterField>& UnitFilterFields();
  static const std::vector<std::string>& UnitOrderFields();

  static absl::StatusOr<int64_t> Insert(Connection& c, const domain::Unit& unit, absl::Time now);
  // Writes every field of `unit` and bumps its revision.
  static absl::Status Update(Connection& c, const domain::Unit& unit, absl::Time now);
  static absl::StatusOr<domain::Unit> Get(Connection& c, int64_t id);
  static absl::StatusOr<domain::ListPage<domain::Unit>> List(Connection& c,
                                                             const domain::ListQuery& query);
  // Every unit, for resolving names (the directory is thousands, not millions).
  static absl::StatusOr<std::vector<domain::Unit>> All(Connection& c);
  // The units directly under `parent_id` (0: the top level), by name.
  static absl::StatusOr<std::vector<domain::Unit>> Children(Connection& c, int64_t parent_id);

  static absl::StatusOr<int64_t> InsertGroup(Connection& c, const domain::UnitGroup& group);
  static absl::StatusOr<domain::UnitGroup> GetGroup(Connection& c, int64_t id);
  static absl::StatusOr<domain::ListPage<domain::UnitGroup>> ListGroups(
      Connection& c, const domain::ListQuery& query);
  // Member unit ids of a group, in Vietnamese name order.
  static absl::StatusOr<std::vector<int64_t>> GroupMembers(Connection& c, int64_t group_id);
  // Groups whose member kinds include `kind`.
  static absl::StatusOr<std::vector<int64_t>> GroupsWithKind(Connection& c, domain::UnitKind kind);
};

}  // namespace sangkien::storage

#endif  // SANGKIEN_SERVER_STORAGE_UNIT_REPOSITORY_H_
