#include "api/audit_service.h"

#include "api/account_convert.h"
#include "api/list_support.h"
#include "api/unary.h"
#include "status/status_macros.h"

namespace sangkien::api {

absl::Status AuditServiceImpl::DoListAuditEvents(const domain::Caller& call,
                                                 const v1::ListAuditEventsRequest& req,
                                                 v1::ListAuditEventsResponse* resp) {
  ListParams params{"ListAuditEvents", "", req.page_size(), req.page_token(), req.filter(), ""};
  SK_ASSIGN_OR_RETURN(
      domain::ListQuery query,
      BuildListQuery(tokens_, params, operations::AuditOperations::ListEventsSpec()));
  SK_ASSIGN_OR_RETURN(auto page, ops_.ListEvents(query));
  for (const auto& e : page.items) ToProto(e, resp->add_events());
  resp->set_next_page_token(NextPageToken(tokens_, params, page.next));
  return absl::OkStatus();
}

absl::Status AuditServiceImpl::DoVerifyAuditChain(const domain::Caller& call,
                                                  const v1::VerifyAuditChainRequest& req,
                                                  v1::VerifyAuditChainResponse* resp) {
  SK_ASSIGN_OR_RETURN(domain::AuditChainCheck check, ops_.VerifyChain());
  resp->set_intact(check.intact);
  resp->set_events_checked(check.events_checked);
  resp->set_first_broken_sequence(check.first_broken_sequence);
  resp->set_problem(check.problem);
  resp->set_head_hash(check.head_hash);
  {
    absl::MutexLock lock(&mu_);
    last_verification_ = Verification{absl::Now(), check.intact};
  }
  return absl::OkStatus();
}

std::optional<AuditServiceImpl::Verification> AuditServiceImpl::last_verification() const {
  absl::MutexLock lock(&mu_);
  return last_verification_;
}

grpc::ServerUnaryReactor* AuditServiceImpl::ListAuditEvents(grpc::CallbackServerContext* ctx,
                                                            const v1::ListAuditEventsRequest* req,
                                                            v1::ListAuditEventsResponse* resp) {
  return Unary<&AuditServiceImpl::DoListAuditEvents>(
      this, "sangkien.v1.AuditService/ListAuditEvents", ctx, req, resp);
}

grpc::ServerUnaryReactor* AuditServiceImpl::VerifyAuditChain(grpc::CallbackServerContext* ctx,
                                                             const v1::VerifyAuditChainRequest* req,
                                                             v1::VerifyAuditChainResponse* resp) {
  return Unary<&AuditServiceImpl::DoVerifyAuditChain>(
      this, "sangkien.v1.AuditService/VerifyAuditChain", ctx, req, resp);
}

}  // namespace sangkien::api
