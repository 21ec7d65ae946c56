// Resource names inside commands. A door parses the names a client sends;
// one it cannot parse is passed on as kUnparsedId so that the operation
// refuses it together with the request's other faults, in the same words.
#ifndef SANGKIEN_SERVER_OPERATIONS_COMMAND_NAMES_H_
#define SANGKIEN_SERVER_OPERATIONS_COMMAND_NAMES_H_

#include <cstdint>
#include <string_view>

#include "domain/validation.h"

namespace sangkien::operations {

inline constexpr int64_t kUnparsedId = -1;

// Adds to `v` the violation domain::Violations::Name gives a malformed name in
// `collection` when `id` is kUnparsedId; nothing otherwise.
inline void RefuseUnparsed(std::string_view field, int64_t id, std::string_view collection,
                           domain::Violations& v) {
  if (id == kUnparsedId) v.Name(field, "?", collection, false);
}

}  // namespace sangkien::operations

#endif  // SANGKIEN_SERVER_OPERATIONS_COMMAND_NAMES_H_
