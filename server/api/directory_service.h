// sangkien.v1.DirectoryService over DirectoryOperations.
#ifndef SANGKIEN_SERVER_API_DIRECTORY_SERVICE_H_
#define SANGKIEN_SERVER_API_DIRECTORY_SERVICE_H_

#include "absl/status/status.h"
#include "api/call_gate.h"
#include "domain/page_token.h"
#include "operations/directory_operations.h"
#include "sangkien/v1/directory_service.grpc.pb.h"

namespace sangkien::api {

class DirectoryServiceImpl final : public v1::DirectoryService::CallbackService {
 public:
  DirectoryServiceImpl(operations::DirectoryOperations& ops, const domain::PageTokenCodec& tokens,
                       const CallGate& gate)
      : ops_(ops), tokens_(tokens), gate_(gate) {}
  const CallGate& gate() const { return gate_; }

  grpc::ServerUnaryReactor* ListUnits(grpc::CallbackServerContext* ctx,
                                      const v1::ListUnitsRequest* req,
                                      v1::ListUnitsResponse* resp) override;
  grpc::ServerUnaryReactor* GetUnit(grpc::CallbackServerContext* ctx, const v1::GetUnitRequest* req,
                                    v1::Unit* resp) override;
  grpc::ServerUnaryReactor* CreateUnit(grpc::CallbackServerContext* ctx,
                                       const v1::CreateUnitRequest* req, v1::Unit* resp) override;
  grpc::ServerUnaryReactor* UpdateUnit(grpc::CallbackServerContext* ctx,
                                       const v1::UpdateUnitRequest* req, v1::Unit* resp) override;
  grpc::ServerUnaryReactor* ListUnitGroups(grpc::CallbackServerContext* ctx,
                                           const v1::ListUnitGroupsRequest* req,
                                           v1::ListUnitGroupsResponse* resp) override;
  grpc::ServerUnaryReactor* GetUnitGroup(grpc::CallbackServerContext* ctx,
                                         const v1::GetUnitGroupRequest* req,
                                         v1::UnitGroup* resp) override;

  // The work of each RPC, callable without gRPC.
  absl::Status DoListUnits(const domain::Caller& call, const v1::ListUnitsRequest& req,
                           v1::ListUnitsResponse* resp);
  absl::Status DoGetUnit(const domain::Caller& call, const v1::GetUnitRequest& req, v1::Unit* resp);
  absl::Status DoCreateUnit(const domain::Caller& call, const v1::CreateUnitRequest& req,
                            v1::Unit* resp);
  absl::Status DoUpdateUnit(const domain::Caller& call, const v1::UpdateUnitRequest& req,
                            v1::Unit* resp);
  absl::Status DoListUnitGroups(const domain::Caller& call, const v1::ListUnitGroupsRequest& req,
                                v1::ListUnitGroupsResponse* resp);
  absl::Status DoGetUnitGroup(const domain::Caller& call, const v1::GetUnitGroupRequest& req,
                              v1::UnitGroup* resp);

 private:
  operations::DirectoryOperations& ops_;
  const domain::PageTokenCodec& tokens_;
  const CallGate& gate_;
};

}  // namespace sangkien::api

#endif  // SANGKIEN_SERVER_API_DIRECTORY_SERVICE_H_
