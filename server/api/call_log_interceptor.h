// Writes one logfmt line per call when its status goes out:
//
//   level=info msg=call method=sangkien.v1.PlanService/CreatePlan code=OK ms=3.21
//     account=accounts/3 request_id=7f0c…
//
// `account` is the caller's account name as the gate admitted it ("public"
// for calls without a token; absent when the call never reached the gate),
// never a credential. `request_id` is the request's own field, when the
// method's request has one and the client set it. Calls that failed inside
// the server (INTERNAL, UNKNOWN, DATA_LOSS) are written at level error,
// UNAVAILABLE at warning, the rest at info; health checks and reflection at
// debug, so a monitor probing every few seconds does not fill the journal.
#ifndef SANGKIEN_SERVER_API_CALL_LOG_INTERCEPTOR_H_
#define SANGKIEN_SERVER_API_CALL_LOG_INTERCEPTOR_H_

#include <grpcpp/support/server_interceptor.h>

#include "api/call_accounts.h"
#include "api/method_table.h"

namespace sangkien::api {

// Creates one interceptor per call on gRPC's threads; the factory itself
// only reads the method table and hands names through CallAccounts.
class CallLogInterceptorFactory final
    : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  // Neither is owned; both must outlive the server.
  CallLogInterceptorFactory(const MethodTable& methods, CallAccounts& accounts)
      : methods_(methods), accounts_(accounts) {}

  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override;

 private:
  const MethodTable& methods_;
  CallAccounts& accounts_;
};

}  // namespace sangkien::api

#endif  // SANGKIEN_SERVER_API_CALL_LOG_INTERCEPTOR_H_
