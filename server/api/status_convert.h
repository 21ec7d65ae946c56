// The one seam between absl::Status and grpc::Status.
#ifndef SANGKIEN_SERVER_API_STATUS_CONVERT_H_
#define SANGKIEN_SERVER_API_STATUS_CONVERT_H_

#include <grpcpp/support/status.h>

#include "absl/status/status.h"

namespace sangkien::api {

// Maps the code one to one and attaches google.rpc details: exactly one
// ErrorInfo (reason from the status, or the code's name), BadRequest when
// there are field violations, and a vi-VN LocalizedMessage. INTERNAL and
// UNKNOWN never carry the original text to the caller.
grpc::Status ToGrpcStatus(const absl::Status& status);

}  // namespace sangkien::api

#endif  // SANGKIEN_SERVER_API_STATUS_CONVERT_H_
