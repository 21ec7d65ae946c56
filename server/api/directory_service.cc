#include "api/directory_service.h"

#include "api/enum_convert.h"
#include "api/field_paths.h"
#include "api/list_support.h"
#include "api/proto_convert.h"
#include "api/request_fingerprint.h"
#include "api/unary.h"
#include "domain/validation.h"
#include "status/errors.h"
#include "status/status_macros.h"

namespace sangkien::api {
namespace {

// Every field a client may set. An undefined kind becomes kUnspecified and
// a parent name that does not parse operations::kUnparsedId, which the
// operations refuse with the request's other faults.
domain::Unit UnitOf(const v1::Unit& unit) {
  domain::Unit out = FromProto(unit);
  out.kind = FromProto(unit.kind()).value_or(domain::UnitKind::kUnspecified);
  if (!unit.parent().empty()) {
    out.parent_id =
        domain::ParseCollectionId(unit.parent(), "units").value_or(operations::kUnparsedId);
  }
  return out;
}

}  // namespace

absl::Status DirectoryServiceImpl::DoListUnits(const domain::Caller& call,
                                               const v1::ListUnitsRequest& req,
                                               v1::ListUnitsResponse* resp) {
  ListParams params{"ListUnits",      "",           req.page_size(),
                    req.page_token(), req.filter(), req.order_by()};
  SK_ASSIGN_OR_RETURN(
      domain::ListQuery query,
      BuildListQuery(tokens_, params, operations::DirectoryOperations::ListUnitsSpec()));
  SK_ASSIGN_OR_RETURN(auto page, ops_.ListUnits(query));
  for (const auto& u : page.items) ToProto(u, resp->add_units());
  resp->set_next_page_token(NextPageToken(tokens_, params, page.next));
  return absl::OkStatus();
}

absl::Status DirectoryServiceImpl::DoGetUnit(const domain::Caller& call,
                                             const v1::GetUnitRequest& req, v1::Unit* resp) {
  domain::Violations v;
  int64_t id = v.Name("name", req.name(), "units", true);
  SK_RETURN_IF_ERROR(v.ToStatus());
  SK_ASSIGN_OR_RETURN(domain::Unit unit, ops_.GetUnit(id));
  ToProto(unit, resp);
  return absl::OkStatus();
}

absl::Status DirectoryServiceImpl::DoCreateUnit(const domain::Caller& call,
                                                const v1::CreateUnitRequest& req, v1::Unit* resp) {
  domain::Violations v;
  v.RequestId("request_id", req.request_id());
  SK_RETURN_IF_ERROR(v.ToStatus());
  operations::CreateUnitCommand command{UnitOf(req.unit()),
                                        IdempotencyOf(call, req, req.request_id())};
  SK_ASSIGN_OR_RETURN(domain::Unit created,
                      ops_.CreateUnit(WithRequestId(call, req.request_id()), command));
  ToProto(created, resp);
  return absl::OkStatus();
}

absl::Status DirectoryServiceImpl::DoUpdateUnit(const domain::Caller& call,
                                                const v1::UpdateUnitRequest& req, v1::Unit* resp) {
  domain::Violations v;
  int64_t id = v.Name("unit.name", req.unit().name(), "units", true);
  SK_RETURN_IF_ERROR(v.ToStatus());
  operations::UpdateUnitCommand command{
      id, {UnitOf(req.unit()), FieldPathsOf(req.update_mask()), req.unit().etag()}};
  SK_ASSIGN_OR_RETURN(domain::Unit updated, ops_.UpdateUnit(call, command));
  ToProto(updated, resp);
  return absl::OkStatus();
}

absl::Status DirectoryServiceImpl::DoListUnitGroups(const domain::Caller& call,
                                                    const v1::ListUnitGroupsRequest& req,
                                                    v1::ListUnitGroupsResponse* resp) {
  ListParams params{"ListUnitGroups", "", req.page_size(), req.page_token(), "", ""};
  SK_ASSIGN_OR_RETURN(
      domain::ListQuery query,
      BuildListQuery(tokens_, params, operations::DirectoryOperations::ListGroupsSpec()));
  SK_ASSIGN_OR_RETURN(auto page, ops_.ListGroups(query));
  for (const auto& g : page.items) ToProto(g, resp->add_unit_groups());
  resp->set_next_page_token(NextPageToken(tokens_, params, page.next));
  return absl::OkStatus();
}

absl::Status DirectoryServiceImpl::DoGetUnitGroup(const domain::Caller& call,
                                                  const v1::GetUnitGroupRequest& req,
                                                  v1::UnitGroup* resp) {
  domain::Violations v;
  int64_t id = v.Name("name", req.name(), "unitGroups", true);
  SK_RETURN_IF_ERROR(v.ToStatus());
  SK_ASSIGN_OR_RETURN(domain::UnitGroup group, ops_.GetGroup(id));
  ToProto(group, resp);
  return absl::OkStatus();
}

grpc::ServerUnaryReactor* DirectoryServiceImpl::ListUnits(grpc::CallbackServerContext* ctx,
                                                          const v1::ListUnitsRequest* req,
                                                          v1::ListUnitsResponse* resp) {
  return Unary<&DirectoryServiceImpl::DoListUnits>(this, "sangkien.v1.DirectoryService/ListUnits",
                                                   ctx, req, resp);
}
grpc::ServerUnaryReactor* DirectoryServiceImpl::GetUnit(grpc::CallbackServerContext* ctx,
                                                        const v1::GetUnitRequest* req,
                                                        v1::Unit* resp) {
  return Unary<&DirectoryServiceImpl::DoGetUnit>(this, "sangkien.v1.DirectoryService/GetUnit", ctx,
                                                 req, resp);
}
grpc::ServerUnaryReactor* DirectoryServiceImpl::CreateUnit(grpc::CallbackServerContext* ctx,
                                                           const v1::CreateUnitRequest* req,
                                                           v1::Unit* resp) {
  return Unary<&DirectoryServiceImpl::DoCreateUnit>(this, "sangkien.v1.DirectoryService/CreateUnit",
                                                    ctx, req, resp);
}
grpc::ServerUnaryReactor* DirectoryServiceImpl::UpdateUnit(grpc::CallbackServerContext* ctx,
                                                           const v1::UpdateUnitRequest* req,
                                                           v1::Unit* resp) {
  return Unary<&DirectoryServiceImpl::DoUpdateUnit>(this, "sangkien.v1.DirectoryService/UpdateUnit",
                                                    ctx, req, resp);
}
grpc::ServerUnaryReactor* DirectoryServiceImpl::ListUnitGroups(grpc::CallbackServerContext* ctx,
                                                               const v1::ListUnitGroupsRequest* req,
                                                               v1::ListUnitGroupsResponse* resp) {
  return Unary<&DirectoryServiceImpl::DoListUnitGroups>(
      this, "sangkien.v1.DirectoryService/ListUnitGroups", ctx, req, resp);
}
grpc::ServerUnaryReactor* DirectoryServiceImpl::GetUnitGroup(grpc::CallbackServerContext* ctx,
                                                             const v1::GetUnitGroupRequest* req,
                                                             v1::UnitGroup* resp) {
  return Unary<&DirectoryServiceImpl::DoGetUnitGroup>(
      this, "sangkien.v1.DirectoryService/GetUnitGroup", ctx, req, resp);
}

}  // namespace sangkien::api
