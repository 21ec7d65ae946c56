// A digest of a create request without its request_id, so that a retry can
// be told from a different request that reuses the id.
#ifndef SANGKIEN_SERVER_API_REQUEST_FINGERPRINT_H_
#define SANGKIEN_SERVER_API_REQUEST_FINGERPRINT_H_

#include <google/protobuf/message.h>

#include <string>

#include "domain/account.h"
#include "operations/directory_operations.h"

namespace sangkien::api {

// SHA-256 (hex) of the deterministic serialisation of `request` with its
// `request_id` field cleared.
std::string RequestFingerprint(const google::protobuf::Message& request);

// The idempotency key of a create. The request_id is the caller's own: two
// callers who happen to choose the same id never receive each other's
// result. Empty when the request has no request_id.
operations::Idempotency IdempotencyOf(const domain::Caller& caller,
                                      const google::protobuf::Message& request,
                                      const std::string& request_id);

}  // namespace sangkien::api

#endif  // SANGKIEN_SERVER_API_REQUEST_FINGERPRINT_H_
