// Idempotent creates: the first result of each (method, request_id), written
// in the same transaction as the create itself.
#ifndef SANGKIEN_SERVER_STORAGE_REQUEST_LOG_H_
#define SANGKIEN_SERVER_STORAGE_REQUEST_LOG_H_

#include <optional>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "storage/database.h"

namespace sangkien::storage {

struct RequestRecord {
  std::string fingerprint;    // digest of the request, to catch a reused id
  std::string resource_name;  // what the first call created
  std::string extra;          // anything else the first response held
};

// Contract of every function below, unless its own comment says otherwise:
// Get*/Update*/Delete* return the row (or OK) on success and NOT_FOUND
// naming the resource when no row matches; Insert* return the new id;
// List*, *Of and other queries return an empty page or list when nothing
// matches. SQLite failures are thrown, not returned: the enclosing
// Database::Read/Write answers them as INTERNAL or UNAVAILABLE. Stateless;
// safe from any thread on the Connection of its own transaction.
class RequestLog {
 public:
  // The first call's record; nullopt when this (method, request_id) is new.
  static absl::StatusOr<std::optional<RequestRecord>> Find(Connection& c, std::string_view method,
                                                           std::string_view request_id);
  // OK; a second record for the same (method, request_id) violates the
  // table's key and is thrown like any SQLite error.
  static absl::Status Record(Connection& c, std::string_view method, std::string_view request_id,
                             const RequestRecord& record, absl::Time now);
};

// Small key/value settings kept in the database (e.g. the page-token key).
class MetaStore {
 public:
  // The key that seals page tokens and change-feed markers. A restore drops
  // it, so that the server on the restored copy refuses every token and
  // marker given before: they point into a history that no longer exists.
  static constexpr char kPageTokenKey[] = "page_token_key";

  // The value for `key`, creating it with `make()` on first use.
  static absl::StatusOr<std::string> GetOrCreate(Connection& c, std::string_view key,
                                                 std::string (*make)());
};

}  // namespace sangkien::storage

#endif  // SANGKIEN_SERVER_STORAGE_REQUEST_LOG_H_
