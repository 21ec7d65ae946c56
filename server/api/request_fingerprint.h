// A digest of a create request without its request_id, so that a retry can
// be told from a different request that reuses the id.
#ifndef SANGKIEN_SERVER_API_REQUEST_FINGERPRINT_H_
#define SANGKIEN_SERVER_API_REQUEST_FINGERPRINT_H_

#include <string>

#include <google/protobuf/message.h>

namespace sangkien::api {

// SHA-256 (hex) of the deterministic serialisation of `request` with its
// `request_id` field cleared.
std::string RequestFingerprint(const google::protobuf::Message& request);

}  // namespace sangkien::api

#endif  // SANGKIEN_SERVER_API_REQUEST_FINGERPRINT_H_
