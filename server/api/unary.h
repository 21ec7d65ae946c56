// The shape every unary handler shares: admit the caller through the gate,
// run the plain Do* function, convert its status once, finish.
#ifndef SANGKIEN_SERVER_API_UNARY_H_
#define SANGKIEN_SERVER_API_UNARY_H_

#include <grpcpp/grpcpp.h>

#include <string>

#include "api/call_gate.h"
#include "api/status_convert.h"

namespace sangkien::api {

template <typename Fn>
grpc::ServerUnaryReactor* FinishUnary(grpc::CallbackServerContext* ctx, const CallGate& gate,
                                      const char* method, Fn&& fn) {
  auto* reactor = ctx->DefaultReactor();
  absl::StatusOr<domain::Caller> caller = gate.Admit(*ctx, method);
  reactor->Finish(ToGrpcStatus(caller.ok() ? fn(*caller) : caller.status()));
  return reactor;
}

// The caller, with the request's client id recorded for the audit trail.
inline domain::Caller WithRequestId(const domain::Caller& caller, const std::string& request_id) {
  domain::Caller out = caller;
  out.actor.request_id = request_id;
  return out;
}

}  // namespace sangkien::api

#endif  // SANGKIEN_SERVER_API_UNARY_H_
