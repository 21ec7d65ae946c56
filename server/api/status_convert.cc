#include "api/status_convert.h"

#include <grpcpp/support/error_details.h>

#include "absl/strings/str_cat.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "log/log.h"
#include "status/errors.h"

namespace sangkien::api {
namespace {

constexpr const char* kDomain = "sangkien.v1";

grpc::StatusCode ToGrpcCode(absl::StatusCode code) {
  switch (code) {
    case absl::StatusCode::kOk: return grpc::StatusCode::OK;
    case absl::StatusCode::kCancelled: return grpc::StatusCode::CANCELLED;
    case absl::StatusCode::kInvalidArgument: return grpc::StatusCode::INVALID_ARGUMENT;
    case absl::StatusCode::kDeadlineExceeded: return grpc::StatusCode::DEADLINE_EXCEEDED;
    case absl::StatusCode::kNotFound: return grpc::StatusCode::NOT_FOUND;
    case absl::StatusCode::kAlreadyExists: return grpc::StatusCode::ALREADY_EXISTS;
    case absl::StatusCode::kPermissionDenied: return grpc::StatusCode::PERMISSION_DENIED;
    case absl::StatusCode::kResourceExhausted: return grpc::StatusCode::RESOURCE_EXHAUSTED;
    case absl::StatusCode::kFailedPrecondition: return grpc::StatusCode::FAILED_PRECONDITION;
    case absl::StatusCode::kAborted: return grpc::StatusCode::ABORTED;
    case absl::StatusCode::kOutOfRange: return grpc::StatusCode::OUT_OF_RANGE;
    case absl::StatusCode::kUnimplemented: return grpc::StatusCode::UNIMPLEMENTED;
    case absl::StatusCode::kUnavailable: return grpc::StatusCode::UNAVAILABLE;
    case absl::StatusCode::kDataLoss: return grpc::StatusCode::DATA_LOSS;
    case absl::StatusCode::kUnauthenticated: return grpc::StatusCode::UNAUTHENTICATED;
    case absl::StatusCode::kInternal:
    case absl::StatusCode::kUnknown:
    default: return grpc::StatusCode::INTERNAL;
  }
}

}  // namespace

grpc::Status ToGrpcStatus(const absl::Status& status) {
  if (status.ok()) return grpc::Status::OK;
  grpc::StatusCode code = ToGrpcCode(status.code());
  std::string reason = ErrorReason(status);
  std::string message(status.message());
  std::string message_vi = ErrorMessageVi(status);
  if (code == grpc::StatusCode::INTERNAL) {
    // Storage and library errors can carry SQL or paths: log, don't leak.
    log::Error("internal error", {{"error", status.ToString()}});
    message = "internal error";
    message_vi = "Lỗi nội bộ của máy chủ";
    reason = "INTERNAL";
  }
  if (reason.empty()) reason = absl::StatusCodeToString(status.code());
  for (char& ch : reason) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));

  google::rpc::Status details;
  details.set_code(static_cast<int>(code));
  details.set_message(message);
  google::rpc::ErrorInfo info;
  info.set_reason(reason);
  info.set_domain(kDomain);
  details.add_details()->PackFrom(info);
  auto violations = ErrorFieldViolations(status);
  if (!violations.empty()) {
    google::rpc::BadRequest bad;
    for (const auto& v : violations) {
      auto* fv = bad.add_field_violations();
      fv->set_field(v.field);
      fv->set_description(v.description_vi.empty()
                              ? v.description
                              : absl::StrCat(v.description, " (", v.description_vi, ")"));
    }
    details.add_details()->PackFrom(bad);
  }
  if (!message_vi.empty()) {
    google::rpc::LocalizedMessage localized;
    localized.set_locale("vi-VN");
    localized.set_message(message_vi);
    details.add_details()->PackFrom(localized);
  }
  grpc::Status out;
  grpc::SetErrorDetails(details, &out);
  return out;
}

}  // namespace sangkien::api
