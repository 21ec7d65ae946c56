#include "api/response_compression.h"

#include <grpc/compression.h>
#include <grpcpp/server_context.h>

namespace sangkien::api {
namespace {

using grpc::experimental::InterceptionHookPoints;

// Read and removed by gRPC's compression filter: the call's algorithm. Set
// as initial metadata it overrides the algorithm chosen from the level.
constexpr const char* kEncodingRequestKey = "grpc-internal-encoding-request";

class ResponseCompressionInterceptor final : public grpc::experimental::Interceptor {
 public:
  ResponseCompressionInterceptor(grpc::experimental::ServerRpcInfo* info, int64_t min_bytes)
      : min_bytes_(min_bytes),
        unary_(info->type() == grpc::experimental::ServerRpcInfo::Type::UNARY) {
    // LOW picks the first algorithm in gzip, deflate order the peer accepts.
    info->server_context()->set_compression_level(GRPC_COMPRESS_LEVEL_LOW);
  }

  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    // A unary reply travels in the same batch as the initial metadata, so
    // its size is known before the call's algorithm is fixed.
    if (unary_ &&
        methods->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_INITIAL_METADATA)) {
      bool large = false;
      if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_MESSAGE)) {
        grpc::ByteBuffer* reply = methods->GetSerializedSendMessage();
        large = reply != nullptr && static_cast<int64_t>(reply->Length()) >= min_bytes_;
      }
      if (!large) methods->GetSendInitialMetadata()->emplace(kEncodingRequestKey, "identity");
    }
    methods->Proceed();
  }

 private:
  int64_t min_bytes_;
  bool unary_;
};

}  // namespace

grpc::experimental::Interceptor* ResponseCompressionInterceptorFactory::CreateServerInterceptor(
    grpc::experimental::ServerRpcInfo* info) {
  if (min_bytes_ <= 0) return nullptr;
  return new ResponseCompressionInterceptor(info, min_bytes_);
}

grpc::WriteOptions StreamWriteOptions(size_t bytes, int64_t min_bytes) {
  grpc::WriteOptions options;
  if (min_bytes <= 0 || static_cast<int64_t>(bytes) < min_bytes) options.set_no_compression();
  return options;
}

}  // namespace sangkien::api
