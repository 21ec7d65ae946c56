// Update requests: checking a FieldMask against the fields a resource lets
// callers change, and applying it.
#ifndef SANGKIEN_SERVER_API_FIELD_MASK_SUPPORT_H_
#define SANGKIEN_SERVER_API_FIELD_MASK_SUPPORT_H_

#include <string>
#include <vector>

#include <google/protobuf/field_mask.pb.h>
#include <google/protobuf/message.h>

#include "absl/status/status.h"

namespace sangkien::api {

// INVALID_ARGUMENT unless the mask is non-empty and names only `allowed`
// paths (a sub-path of an allowed path, like "timeframe.original_text" for
// "timeframe", is accepted).
absl::Status CheckUpdateMask(const google::protobuf::FieldMask& mask,
                             const std::vector<std::string>& allowed);

// Copies the masked fields from `from` into `to`; repeated fields and
// messages are replaced, not merged.
void ApplyUpdateMask(const google::protobuf::FieldMask& mask, const google::protobuf::Message& from,
                     google::protobuf::Message* to);

}  // namespace sangkien::api

#endif  // SANGKIEN_SERVER_API_FIELD_MASK_SUPPORT_H_
