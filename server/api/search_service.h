// sangkien.v1.SearchService over SearchOperations.
#ifndef SANGKIEN_SERVER_API_SEARCH_SERVICE_H_
#define SANGKIEN_SERVER_API_SEARCH_SERVICE_H_

#include "absl/status/status.h"
#include "api/call_gate.h"
#include "domain/page_token.h"
#include "operations/search_operations.h"
#include "sangkien/v1/search_service.grpc.pb.h"

namespace sangkien::api {

class SearchServiceImpl final : public v1::SearchService::CallbackService {
 public:
  SearchServiceImpl(operations::SearchOperations& ops, const domain::PageTokenCodec& tokens,
                    const CallGate& gate)
      : ops_(ops), tokens_(tokens), gate_(gate) {}
  const CallGate& gate() const { return gate_; }

  grpc::ServerUnaryReactor* Search(grpc::CallbackServerContext* ctx, const v1::SearchRequest* req,
                                   v1::SearchResponse* resp) override;

  absl::Status DoSearch(const domain::Caller& call, const v1::SearchRequest& req,
                        v1::SearchResponse* resp);

 private:
  operations::SearchOperations& ops_;
  const domain::PageTokenCodec& tokens_;
  const CallGate& gate_;
};

}  // namespace sangkien::api

#endif  // SANGKIEN_SERVER_API_SEARCH_SERVICE_H_
