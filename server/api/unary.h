// The one shape every unary handler shares: admit the caller through the
// gate, run the service's plain Do* member, convert its status once, finish.
// Each RPC stays an ordinary override that calls this template, so readers
// and tools find every entry point by name:
//
//   grpc::ServerUnaryReactor* PlanServiceImpl::GetPlan(grpc::CallbackServerContext* ctx,
//                                                      const v1::GetPlanRequest* req,
//                                                      v1::Plan* resp) {
//     return Unary<&PlanServiceImpl::DoGetPlan>(this, "sangkien.v1.PlanService/GetPlan",
//                                               ctx, req, resp);
//   }
#ifndef SANGKIEN_SERVER_API_UNARY_H_
#define SANGKIEN_SERVER_API_UNARY_H_

#include <grpcpp/grpcpp.h>

#include <string>
#include <string_view>

#include "api/call_gate.h"
#include "api/status_convert.h"

namespace sangkien::api {

// `Do` is `absl::Status (Service::*)(const domain::Caller&, const Request&,
// Response*)`; `service->gate()` returns the CallGate. `method` is the full
// method name without the leading slash, as the access table spells it.
template <auto Do, typename Service, typename Request, typename Response>
grpc::ServerUnaryReactor* Unary(Service* service, std::string_view method,
                                grpc::CallbackServerContext* ctx, const Request* request,
                                Response* response) {
  auto* reactor = ctx->DefaultReactor();
  absl::StatusOr<domain::Caller> caller = service->gate().Admit(*ctx, method);
  reactor->Finish(
      ToGrpcStatus(caller.ok() ? (service->*Do)(*caller, *request, response) : caller.status()));
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
