// Writes one line per call: method, status, duration.
#ifndef SANGKIEN_SERVER_API_CALL_LOG_INTERCEPTOR_H_
#define SANGKIEN_SERVER_API_CALL_LOG_INTERCEPTOR_H_

#include <grpcpp/support/server_interceptor.h>

#include <memory>

namespace sangkien::api {

class CallLogInterceptorFactory final
    : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override;
};

}  // namespace sangkien::api

#endif  // SANGKIEN_SERVER_API_CALL_LOG_INTERCEPTOR_H_
