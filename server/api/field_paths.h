// A request's FieldMask as the paths domain::Update carries.
#ifndef SANGKIEN_SERVER_API_FIELD_PATHS_H_
#define SANGKIEN_SERVER_API_FIELD_PATHS_H_

#include <google/protobuf/field_mask.pb.h>

#include "domain/field_mask.h"

namespace sangkien::api {

// The mask's paths in the client's order; empty for an empty mask (which the
// operation refuses).
inline domain::FieldPaths FieldPathsOf(const google::protobuf::FieldMask& mask) {
  return domain::FieldPaths(mask.paths().begin(), mask.paths().end());
}

}  // namespace sangkien::api

#endif  // SANGKIEN_SERVER_API_FIELD_PATHS_H_
