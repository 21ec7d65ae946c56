#include "rpc_errors.h"

#include <grpcpp/support/error_details.h>

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"

namespace sangkien::api_test {

RpcError DecodeError(const grpc::Status& status) {
  RpcError out;
  out.code = status.error_code();
  out.message = status.error_message();
  google::rpc::Status details;
  if (status.error_details().empty() || !grpc::ExtractErrorDetails(status, &details).ok()) {
    return out;
  }
  out.has_details = true;
  out.details_code = details.code();
  for (const google::protobuf::Any& any : details.details()) {
    google::rpc::ErrorInfo info;
    google::rpc::BadRequest bad;
    google::rpc::LocalizedMessage localized;
    if (any.UnpackTo(&info)) {
      ++out.error_info_count;
      out.reason = info.reason();
      out.domain = info.domain();
    } else if (any.UnpackTo(&bad)) {
      ++out.bad_request_count;
      for (const auto& v : bad.field_violations()) out.violation_fields.push_back(v.field());
    } else if (any.UnpackTo(&localized)) {
      ++out.localized_count;
      out.locale = localized.locale();
      out.localized_message = localized.message();
    } else {
      ++out.unknown_details;
    }
  }
  return out;
}

::testing::AssertionResult IsApiError(const grpc::Status& status, grpc::StatusCode code,
                                      const std::string& reason,
                                      const std::vector<std::string>& fields) {
  RpcError e = DecodeError(status);
  std::string got = absl::StrCat("status ", e.code, " \"", e.message, "\" reason ", e.reason,
                                 " fields [", absl::StrJoin(e.violation_fields, ", "), "]");
  if (e.code != code) {
    return ::testing::AssertionFailure() << "expected status " << code << ", got " << got;
  }
  if (!e.has_details) return ::testing::AssertionFailure() << "no error details: " << got;
  if (e.details_code != static_cast<int>(code)) {
    return ::testing::AssertionFailure()
           << "google.rpc.Status code " << e.details_code << " differs: " << got;
  }
  if (e.error_info_count != 1 || e.domain != "sangkien.v1" || e.reason != reason) {
    return ::testing::AssertionFailure()
           << "expected one ErrorInfo sangkien.v1/" << reason << ", got " << e.error_info_count
           << " with " << e.domain << "/" << e.reason << ": " << got;
  }
  if (e.localized_count != 1 || e.locale != "vi-VN" || e.localized_message.empty()) {
    return ::testing::AssertionFailure()
           << "expected one vi-VN LocalizedMessage, got " << e.localized_count << " (" << e.locale
           << ") \"" << e.localized_message << "\": " << got;
  }
  if (e.unknown_details != 0) {
    return ::testing::AssertionFailure() << e.unknown_details << " unexpected details: " << got;
  }
  if (!fields.empty()) {
    std::vector<std::string> want = fields, have = e.violation_fields;
    std::sort(want.begin(), want.end());
    std::sort(have.begin(), have.end());
    if (e.bad_request_count != 1 || want != have) {
      return ::testing::AssertionFailure()
             << "expected one BadRequest on [" << absl::StrJoin(want, ", ") << "], got "
             << e.bad_request_count << ": " << got;
    }
  }
  return ::testing::AssertionSuccess() << got;
}

::testing::AssertionResult IsInvalidArgument(const grpc::Status& status,
                                             const std::vector<std::string>& fields) {
  return IsApiError(status, grpc::StatusCode::INVALID_ARGUMENT, "INVALID_ARGUMENT", fields);
}

}  // namespace sangkien::api_test
