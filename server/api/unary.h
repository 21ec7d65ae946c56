// The shape every unary handler shares: run the plain Do* function, convert
// its status once, finish.
#ifndef SANGKIEN_SERVER_API_UNARY_H_
#define SANGKIEN_SERVER_API_UNARY_H_

#include <grpcpp/grpcpp.h>

#include "api/status_convert.h"

namespace sangkien::api {

template <typename Fn>
grpc::ServerUnaryReactor* FinishUnary(grpc::CallbackServerContext* ctx, Fn&& fn) {
  auto* reactor = ctx->DefaultReactor();
  reactor->Finish(ToGrpcStatus(fn()));
  return reactor;
}

}  // namespace sangkien::api

#endif  // SANGKIEN_SERVER_API_UNARY_H_
