#include "api/undecodable_request_interceptor.h"

#include "api/status_convert.h"
#include "status/errors.h"

namespace sangkien::api {
namespace {

class UndecodableRequestInterceptor final : public grpc::experimental::Interceptor {
 public:
  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    using grpc::experimental::InterceptionHookPoints;
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::POST_RECV_MESSAGE)) {
      // The library hands interceptors a null message when decoding failed.
      undecodable_ = methods->GetRecvMessage() == nullptr;
    }
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_STATUS) &&
        undecodable_ && methods->GetSendStatus().error_code() == grpc::StatusCode::UNIMPLEMENTED) {
      methods->ModifySendStatus(ToGrpcStatus(MakeError(
          absl::StatusCode::kInvalidArgument, "MALFORMED_REQUEST",
          "the request could not be decoded: a text field is not valid UTF-8, or the bytes are "
          "not a message of the expected type",
          "Không đọc được yêu cầu: có trường văn bản không phải UTF-8 hợp lệ, hoặc dữ liệu không "
          "đúng kiểu thông điệp")));
    }
    methods->Proceed();
  }

 private:
  bool undecodable_ = false;
};

}  // namespace

grpc::experimental::Interceptor* UndecodableRequestInterceptorFactory::CreateServerInterceptor(
    grpc::experimental::ServerRpcInfo* info) {
  // Server reflection and health are not ours to rewrite; only sangkien.v1.
  std::string_view method = info->method() ? info->method() : "";
  if (method.rfind("/sangkien.", 0) != 0) return nullptr;
  return new UndecodableRequestInterceptor();
}

}  // namespace sangkien::api
