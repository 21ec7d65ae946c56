// Decodes the google.rpc details the server attaches to every error and
// checks them against the API conventions.
#ifndef SANGKIEN_TESTS_SERVER_API_RPC_ERRORS_H_
#define SANGKIEN_TESTS_SERVER_API_RPC_ERRORS_H_

#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

namespace sangkien::api_test {

// What an error status carries, decoded.
struct RpcError {
  grpc::StatusCode code = grpc::StatusCode::OK;
  std::string message;
  bool has_details = false;  // grpc-status-details-bin decoded
  int details_code = 0;      // google.rpc.Status.code
  int error_info_count = 0;
  std::string reason;
  std::string domain;
  int bad_request_count = 0;
  std::vector<std::string> violation_fields;  // in the order sent
  int localized_count = 0;
  std::string locale;
  std::string localized_message;
  int unknown_details = 0;
};

RpcError DecodeError(const grpc::Status& status);

// Succeeds when `status` has `code`, exactly one ErrorInfo in domain
// "sangkien.v1" with `reason`, and exactly one non-empty LocalizedMessage in
// vi-VN; when `fields` is given, also exactly one BadRequest whose violations
// name exactly those fields (in any order).
::testing::AssertionResult IsApiError(const grpc::Status& status, grpc::StatusCode code,
                                      const std::string& reason,
                                      const std::vector<std::string>& fields = {});

// IsApiError for INVALID_ARGUMENT with reason INVALID_ARGUMENT.
::testing::AssertionResult IsInvalidArgument(const grpc::Status& status,
                                             const std::vector<std::string>& fields);

}  // namespace sangkien::api_test

#endif  // SANGKIEN_TESTS_SERVER_API_RPC_ERRORS_H_
