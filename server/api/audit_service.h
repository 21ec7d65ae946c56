// sangkien.v1.AuditService: reading and verifying the audit trail.
#ifndef SANGKIEN_SERVER_API_AUDIT_SERVICE_H_
#define SANGKIEN_SERVER_API_AUDIT_SERVICE_H_

#include <memory>
#include <optional>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "api/call_gate.h"
#include "domain/page_token.h"
#include "operations/audit_operations.h"
#include "sangkien/v1/audit_service.grpc.pb.h"

namespace sangkien::api {

// Shared by the gRPC threads and the metrics scrape: last_verification_ is
// guarded by mu_.
class AuditServiceImpl final : public v1::AuditService::CallbackService {
 public:
  // `ops` must outlive the service.
  AuditServiceImpl(operations::AuditOperations& ops, const domain::PageTokenCodec& tokens,
                   const CallGate& gate)
      : ops_(ops), tokens_(tokens), gate_(gate) {}
  const CallGate& gate() const { return gate_; }

  grpc::ServerUnaryReactor* ListAuditEvents(grpc::CallbackServerContext* ctx,
                                            const v1::ListAuditEventsRequest* req,
                                            v1::ListAuditEventsResponse* resp) override;
  grpc::ServerUnaryReactor* VerifyAuditChain(grpc::CallbackServerContext* ctx,
                                             const v1::VerifyAuditChainRequest* req,
                                             v1::VerifyAuditChainResponse* resp) override;

  absl::Status DoListAuditEvents(const domain::Caller& call, const v1::ListAuditEventsRequest& req,
                                 v1::ListAuditEventsResponse* resp);
  absl::Status DoVerifyAuditChain(const domain::Caller& call,
                                  const v1::VerifyAuditChainRequest& req,
                                  v1::VerifyAuditChainResponse* resp);

  // When the last VerifyAuditChain call that could walk the chain finished,
  // and whether the chain was intact; nullopt before the first.
  struct Verification {
    absl::Time time;
    bool intact = false;
  };
  std::optional<Verification> last_verification() const;

 private:
  operations::AuditOperations& ops_;
  const domain::PageTokenCodec& tokens_;
  const CallGate& gate_;

  mutable absl::Mutex mu_;
  std::optional<Verification> last_verification_ ABSL_GUARDED_BY(mu_);
};

}  // namespace sangkien::api

#endif  // SANGKIEN_SERVER_API_AUDIT_SERVICE_H_
