// What the directory's write use cases take: plain commands in domain types,
// checked whole by DirectoryOperations.
#ifndef SANGKIEN_SERVER_OPERATIONS_DIRECTORY_COMMANDS_H_
#define SANGKIEN_SERVER_OPERATIONS_DIRECTORY_COMMANDS_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "domain/field_mask.h"
#include "domain/unit.h"
#include "operations/command_names.h"

namespace sangkien::operations {

inline constexpr size_t kMaxUnitShortNameLength = 100;  // bytes
inline constexpr size_t kMaxUnitAliases = 50;

// A create that may be a retry (of any resource, not only the directory's): the request's id and a
// digest of its content.
struct Idempotency {
  std::string request_id;   // empty: not idempotent
  std::string fingerprint;  // digest of the request without request_id
};

struct CreateUnitCommand {
  // display_name, short_name, aliases, kind, parent_id (0: top level, or
  // kUnparsedId) and demo; other fields are ignored.
  domain::Unit unit;
  Idempotency idempotency;
};

// The fields a caller may change: display_name, short_name, aliases, kind
// and parent (the API's spelling).
struct UpdateUnitCommand {
  int64_t id = 0;
  domain::Update<domain::Unit> update;
};

}  // namespace sangkien::operations

#endif  // SANGKIEN_SERVER_OPERATIONS_DIRECTORY_COMMANDS_H_
