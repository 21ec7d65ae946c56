// Errors that carry what the API reports to callers: a stable reason, a
// Vietnamese message for people and field violations. They travel as
// absl::Status payloads so that domain and storage code never see gRPC; the
// api layer turns them into google.rpc details in one place.
#ifndef SANGKIEN_SHARED_STATUS_ERRORS_H_
#define SANGKIEN_SHARED_STATUS_ERRORS_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"

namespace sangkien {

struct FieldViolation {
  std::string field;           // "plan.title"
  std::string description;     // English
  std::string description_vi;  // Vietnamese
};

// Builds a status with a stable reason (UPPER_SNAKE_CASE), an English message
// and its Vietnamese translation.
absl::Status MakeError(absl::StatusCode code, std::string_view reason,
                       std::string_view message, std::string_view message_vi,
                       std::vector<FieldViolation> violations = {});

// INVALID_ARGUMENT with reason INVALID_ARGUMENT and the given violations; the
// message summarises them.
absl::Status InvalidArgument(std::vector<FieldViolation> violations);
// Shorthand for one violation.
absl::Status InvalidField(std::string_view field, std::string_view description,
                          std::string_view description_vi);
// NOT_FOUND with reason NOT_FOUND naming the resource.
absl::Status NotFound(std::string_view resource_name);
// ABORTED with reason ETAG_MISMATCH.
absl::Status EtagMismatch(std::string_view resource_name);

// Accessors; empty when the status carries no such payload.
std::string ErrorReason(const absl::Status& status);
std::string ErrorMessageVi(const absl::Status& status);
std::vector<FieldViolation> ErrorFieldViolations(const absl::Status& status);

}  // namespace sangkien

#endif  // SANGKIEN_SHARED_STATUS_ERRORS_H_
