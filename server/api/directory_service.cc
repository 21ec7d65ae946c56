#include "api/directory_service.h"

#include "api/field_mask_support.h"
#include "api/list_support.h"
#include "api/proto_convert.h"
#include "api/request_fingerprint.h"
#include "api/unary.h"
#include "domain/validation.h"
#include "status/errors.h"
#include "status/status_macros.h"
#include "storage/unit_repository.h"

namespace sangkien::api {
namespace {

const std::vector<std::string>& UnitUpdatableFields() {
  static const std::vector<std::string> kFields = {"display_name", "short_name", "aliases", "kind",
                                                   "parent"};
  return kFields;
}

// Checks a unit as a client sent it and returns the NFC form to store.
absl::StatusOr<domain::Unit> CheckUnit(const v1::Unit& unit) {
  domain::Violations v;
  domain::Unit out = FromProto(unit);
  out.display_name = v.Text("unit.display_name", unit.display_name(), domain::kMaxNameLength, true);
  out.short_name = v.Text("unit.short_name", unit.short_name(), 100, false);
  v.ListSize("unit.aliases", unit.aliases_size(), 50);
  out.aliases.clear();
  for (int i = 0; i < unit.aliases_size(); ++i) {
    std::string alias = v.Text(absl::StrCat("unit.aliases[", i, "]"), unit.aliases(i),
                               domain::kMaxNameLength, true);
    if (!alias.empty()) out.aliases.push_back(std::move(alias));
  }
  if (unit.kind() == v1::UNIT_KIND_UNSPECIFIED || !v1::UnitKind_IsValid(unit.kind())) {
    v.Add("unit.kind", "is required: one of the UnitKind values", "cần chọn loại đơn vị");
  }
  out.parent_id = v.Name("unit.parent", unit.parent(), "units", false);
  SK_RETURN_IF_ERROR(v.ToStatus());
  return out;
}

}  // namespace

absl::Status DirectoryServiceImpl::DoListUnits(const domain::Caller& call,
                                               const v1::ListUnitsRequest& req,
                                               v1::ListUnitsResponse* resp) {
  ListParams params{"ListUnits",      "",           req.page_size(),
                    req.page_token(), req.filter(), req.order_by()};
  ListSpec spec{&storage::UnitRepository::UnitFilterFields(),
                &storage::UnitRepository::UnitOrderFields(),
                {"display_name", false}};
  SK_ASSIGN_OR_RETURN(domain::ListQuery query, BuildListQuery(tokens_, params, spec));
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
  SK_ASSIGN_OR_RETURN(domain::Unit unit, CheckUnit(req.unit()));
  unit.id = 0;
  unit.demo = req.unit().demo();
  SK_ASSIGN_OR_RETURN(domain::Unit created,
                      ops_.CreateUnit(WithRequestId(call, req.request_id()), unit,
                                      IdempotencyOf(call, req, req.request_id())));
  ToProto(created, resp);
  return absl::OkStatus();
}

absl::Status DirectoryServiceImpl::DoUpdateUnit(const domain::Caller& call,
                                                const v1::UpdateUnitRequest& req, v1::Unit* resp) {
  domain::Violations v;
  int64_t id = v.Name("unit.name", req.unit().name(), "units", true);
  SK_RETURN_IF_ERROR(v.ToStatus());
  SK_RETURN_IF_ERROR(CheckUpdateMask(req.update_mask(), UnitUpdatableFields()));
  SK_ASSIGN_OR_RETURN(domain::Unit current, ops_.GetUnit(id));
  std::string expected = req.unit().etag().empty() ? current.etag : req.unit().etag();
  if (expected != current.etag) return EtagMismatch(req.unit().name());
  v1::Unit merged;
  ToProto(current, &merged);
  ApplyUpdateMask(req.update_mask(), req.unit(), &merged);
  SK_ASSIGN_OR_RETURN(domain::Unit unit, CheckUnit(merged));
  unit.id = id;
  SK_ASSIGN_OR_RETURN(domain::Unit updated, ops_.UpdateUnit(call, unit, expected));
  ToProto(updated, resp);
  return absl::OkStatus();
}

absl::Status DirectoryServiceImpl::DoListUnitGroups(const domain::Caller& call,
                                                    const v1::ListUnitGroupsRequest& req,
                                                    v1::ListUnitGroupsResponse* resp) {
  ListParams params{"ListUnitGroups", "", req.page_size(), req.page_token(), "", ""};
  ListSpec spec{nullptr, nullptr, {"id", false}};
  SK_ASSIGN_OR_RETURN(domain::ListQuery query, BuildListQuery(tokens_, params, spec));
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
