// gRPC answers a request it cannot decode (for example a string field that
// is not valid UTF-8, which protobuf refuses while parsing) with
// UNIMPLEMENTED and no message, before any handler runs. This interceptor
// notices the failed decode and answers INVALID_ARGUMENT with the usual
// error details instead, so callers learn what was wrong with their input.
#ifndef SANGKIEN_SERVER_API_UNDECODABLE_REQUEST_INTERCEPTOR_H_
#define SANGKIEN_SERVER_API_UNDECODABLE_REQUEST_INTERCEPTOR_H_

#include <grpcpp/support/server_interceptor.h>

namespace sangkien::api {

// Stateless: one interceptor per call, on whichever gRPC thread runs it.
class UndecodableRequestInterceptorFactory final
    : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override;
};

}  // namespace sangkien::api

#endif  // SANGKIEN_SERVER_API_UNDECODABLE_REQUEST_INTERCEPTOR_H_
