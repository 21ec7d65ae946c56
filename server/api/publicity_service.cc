#include "api/publicity_service.h"

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "api/field_paths.h"
#include "api/list_support.h"
#include "api/proto_convert.h"
#include "api/publicity_convert.h"
#include "api/request_fingerprint.h"
#include "api/unary.h"
#include "domain/field_mask.h"
#include "domain/validation.h"
#include "operations/calendar_export.h"
#include "status/errors.h"
#include "status/status_macros.h"

namespace sangkien::api {
namespace {

using api::ToProto;
using operations::PublicityOperations;

struct ImageKey {
  int64_t case_study_id = 0;
  int64_t image_id = 0;
};

// `caseStudies/{c}/images/{i}`.
std::optional<ImageKey> ParseImageName(const std::string& name) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    size_t slash = name.find('/', start);
    parts.push_back(name.substr(start, slash == std::string::npos ? slash : slash - start));
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  if (parts.size() != 4 || parts[2] != "images") return std::nullopt;
  auto cs = domain::ParseCollectionId(absl::StrCat(parts[0], "/", parts[1]), "caseStudies");
  auto image = domain::ParseCollectionId(absl::StrCat("images/", parts[3]), "images");
  if (!cs || !image) return std::nullopt;
  return ImageKey{*cs, *image};
}

absl::StatusOr<ImageKey> RequireImageName(const std::string& field, const std::string& name) {
  auto key = ParseImageName(name);
  if (!key) {
    return InvalidField(field, "must be a resource name like caseStudies/1/images/2",
                        "phải là tên tài nguyên dạng caseStudies/1/images/2");
  }
  return *key;
}

absl::StatusOr<int64_t> RequireName(const std::string& field, const std::string& name,
                                    std::string_view collection) {
  domain::Violations v;
  int64_t id = v.Name(field, name, collection, true);
  SK_RETURN_IF_ERROR(v.ToStatus());
  return id;
}

absl::Status CheckRequestId(const std::string& request_id) {
  domain::Violations v;
  v.RequestId("request_id", request_id);
  return v.ToStatus();
}

// An update command for the resource `name_field` names: the masked fields
// of `in`, the mask's paths and the etag the client read.
template <typename Proto, typename Domain = decltype(FromProto(std::declval<const Proto&>()))>
absl::StatusOr<domain::Update<Domain>> UpdateOf(const std::string& name_field,
                                                std::string_view collection, const Proto& in,
                                                const google::protobuf::FieldMask& mask) {
  SK_ASSIGN_OR_RETURN(int64_t id, RequireName(name_field, in.name(), collection));
  domain::Update<Domain> update{FromProto(in), FieldPathsOf(mask), in.etag()};
  update.patch.id = id;
  return update;
}

}  // namespace

// ---- broadcasts ----

absl::Status PublicityServiceImpl::DoCreateBroadcast(const domain::Caller& call,
                                                     const v1::CreateBroadcastRequest& req,
                                                     v1::Broadcast* resp) {
  SK_RETURN_IF_ERROR(CheckRequestId(req.request_id()));
  SK_ASSIGN_OR_RETURN(domain::Broadcast created,
                      ops_.CreateBroadcast(WithRequestId(call, req.request_id()),
                                           {FromProto(req.broadcast()),
                                            IdempotencyOf(call, req, req.request_id())}));
  ToProto(created, resp);
  return absl::OkStatus();
}

absl::Status PublicityServiceImpl::DoGetBroadcast(const domain::Caller& call,
                                                  const v1::GetBroadcastRequest& req,
                                                  v1::Broadcast* resp) {
  SK_ASSIGN_OR_RETURN(int64_t id, RequireName("name", req.name(), "broadcasts"));
  SK_ASSIGN_OR_RETURN(domain::Broadcast b, ops_.GetBroadcast(call, id));
  ToProto(b, resp);
  return absl::OkStatus();
}

absl::Status PublicityServiceImpl::DoListBroadcasts(const domain::Caller& call,
                                                    const v1::ListBroadcastsRequest& req,
                                                    v1::ListBroadcastsResponse* resp) {
  ListParams params{"ListBroadcasts", "",           req.page_size(),
                    req.page_token(), req.filter(), req.order_by()};
  SK_ASSIGN_OR_RETURN(domain::ListQuery query,
                      BuildListQuery(tokens_, params, PublicityOperations::ListBroadcastsSpec()));
  SK_ASSIGN_OR_RETURN(auto page, ops_.ListBroadcasts(call, query));
  for (const auto& b : page.items) ToProto(b, resp->add_broadcasts());
  resp->set_next_page_token(NextPageToken(tokens_, params, page.next));
  return absl::OkStatus();
}

absl::Status PublicityServiceImpl::DoUpdateBroadcast(const domain::Caller& call,
                                                     const v1::UpdateBroadcastRequest& req,
                                                     v1::Broadcast* resp) {
  SK_ASSIGN_OR_RETURN(operations::UpdateBroadcastCommand update,
                      UpdateOf("broadcast.name", "broadcasts", req.broadcast(), req.update_mask()));
  SK_ASSIGN_OR_RETURN(domain::Broadcast updated, ops_.UpdateBroadcast(call, update));
  ToProto(updated, resp);
  return absl::OkStatus();
}

absl::Status PublicityServiceImpl::DoDeleteBroadcast(const domain::Caller& call,
                                                     const v1::DeleteBroadcastRequest& req,
                                                     google::protobuf::Empty* resp) {
  SK_ASSIGN_OR_RETURN(int64_t id, RequireName("name", req.name(), "broadcasts"));
  return ops_.DeleteBroadcast(call, id, req.etag());
}

absl::Status PublicityServiceImpl::DoListAirings(const domain::Caller& call,
                                                 const v1::ListAiringsRequest& req,
                                                 v1::ListAiringsResponse* resp) {
  operations::AiringsQuery query{ReferenceId(req.station(), "units"),
                                 TimeFromProto(req.start_time()), TimeFromProto(req.end_time())};
  SK_ASSIGN_OR_RETURN(auto airings, ops_.ListAirings(call, query));
  for (const auto& a : airings) ToProto(a, resp->add_airings());
  return absl::OkStatus();
}

absl::Status PublicityServiceImpl::DoGetOnAir(const domain::Caller& call,
                                              const v1::GetOnAirRequest& req,
                                              v1::GetOnAirResponse* resp) {
  domain::Violations v;
  int64_t station = v.Name("station", req.station(), "units", false);
  SK_RETURN_IF_ERROR(v.ToStatus());
  absl::Time as_of;
  SK_ASSIGN_OR_RETURN(auto stations, ops_.OnAir(call, station, &as_of));
  for (const auto& s : stations) {
    v1::StationOnAir* out = resp->add_stations();
    out->set_station(domain::UnitName(s.station_unit_id));
    out->set_station_display_name(s.station_display_name);
    if (s.now) ToProto(*s.now, out->mutable_now());
    if (s.next) ToProto(*s.next, out->mutable_next());
  }
  ToProto(as_of, resp->mutable_as_of());
  return absl::OkStatus();
}

absl::Status PublicityServiceImpl::DoExportCalendar(const domain::Caller& call,
                                                    const v1::ExportCalendarRequest& req,
                                                    v1::ExportCalendarResponse* resp) {
  domain::Violations v;
  int64_t unit_id = 0;
  bool station = req.source_case() == v1::ExportCalendarRequest::kStation;
  if (station) {
    unit_id = v.Name("station", req.station(), "units", true);
  } else if (req.source_case() == v1::ExportCalendarRequest::kUnit) {
    unit_id = v.Name("unit", req.unit(), "units", true);
  } else {
    v.Add("source", "set station or unit", "cần chọn đài (station) hoặc đơn vị (unit)");
  }
  SK_RETURN_IF_ERROR(v.ToStatus());
  operations::CalendarFile file;
  if (station) {
    SK_ASSIGN_OR_RETURN(file, operations::ExportStationCalendar(ops_, directory_, unit_id));
  } else {
    SK_ASSIGN_OR_RETURN(file,
                        operations::ExportUnitCalendar(plans_, directory_, unit_id, ops_.Now()));
  }
  resp->set_content_type("text/calendar; charset=utf-8");
  resp->set_file_name(file.file_name);
  resp->set_data(file.data);
  return absl::OkStatus();
}

// ---- case studies ----

absl::Status PublicityServiceImpl::DoCreateCaseStudy(const domain::Caller& call,
                                                     const v1::CreateCaseStudyRequest& req,
                                                     v1::CaseStudy* resp) {
  SK_RETURN_IF_ERROR(CheckRequestId(req.request_id()));
  SK_ASSIGN_OR_RETURN(domain::CaseStudy created,
                      ops_.CreateCaseStudy(WithRequestId(call, req.request_id()),
                                           {FromProto(req.case_study()),
                                            IdempotencyOf(call, req, req.request_id())}));
  ToProto(created, resp);
  return absl::OkStatus();
}

absl::Status PublicityServiceImpl::DoGetCaseStudy(const domain::Caller& call,
                                                  const v1::GetCaseStudyRequest& req,
                                                  v1::CaseStudy* resp) {
  SK_ASSIGN_OR_RETURN(int64_t id, RequireName("name", req.name(), "caseStudies"));
  SK_ASSIGN_OR_RETURN(domain::CaseStudy s, ops_.GetCaseStudy(call, id));
  ToProto(s, resp);
  return absl::OkStatus();
}

absl::Status PublicityServiceImpl::DoListCaseStudies(const domain::Caller& call,
                                                     const v1::ListCaseStudiesRequest& req,
                                                     v1::ListCaseStudiesResponse* resp) {
  ListParams params{"ListCaseStudies", "",           req.page_size(),
                    req.page_token(),  req.filter(), req.order_by()};
  SK_ASSIGN_OR_RETURN(domain::ListQuery query,
                      BuildListQuery(tokens_, params, PublicityOperations::ListCaseStudiesSpec()));
  SK_ASSIGN_OR_RETURN(auto page, ops_.ListCaseStudies(call, query));
  for (const auto& s : page.items) ToProto(s, resp->add_case_studies());
  resp->set_next_page_token(NextPageToken(tokens_, params, page.next));
  return absl::OkStatus();
}

absl::Status PublicityServiceImpl::DoUpdateCaseStudy(const domain::Caller& call,
                                                     const v1::UpdateCaseStudyRequest& req,
                                                     v1::CaseStudy* resp) {
  SK_ASSIGN_OR_RETURN(
      operations::UpdateCaseStudyCommand update,
      UpdateOf("case_study.name", "caseStudies", req.case_study(), req.update_mask()));
  SK_ASSIGN_OR_RETURN(domain::CaseStudy updated, ops_.UpdateCaseStudy(call, update));
  ToProto(updated, resp);
  return absl::OkStatus();
}

absl::Status PublicityServiceImpl::DoDeleteCaseStudy(const domain::Caller& call,
                                                     const v1::DeleteCaseStudyRequest& req,
                                                     google::protobuf::Empty* resp) {
  SK_ASSIGN_OR_RETURN(int64_t id, RequireName("name", req.name(), "caseStudies"));
  return ops_.DeleteCaseStudy(call, id, req.etag());
}

absl::Status PublicityServiceImpl::DoAddCaseStudyImage(const domain::Caller& call,
                                                       const v1::AddCaseStudyImageRequest& req,
                                                       v1::CaseStudyImage* resp) {
  domain::Violations v;
  v.RequestId("request_id", req.request_id());
  int64_t parent = v.Name("parent", req.parent(), "caseStudies", true);
  SK_RETURN_IF_ERROR(v.ToStatus());
  operations::AddCaseStudyImageCommand command{FromProto(req.image()),
                                               IdempotencyOf(call, req, req.request_id())};
  command.image.case_study_id = parent;
  SK_ASSIGN_OR_RETURN(
      domain::CaseStudyImage created,
      ops_.AddCaseStudyImage(WithRequestId(call, req.request_id()), std::move(command)));
  ToProto(created, resp);
  return absl::OkStatus();
}

absl::Status PublicityServiceImpl::DoGetCaseStudyImage(const domain::Caller& call,
                                                       const v1::GetCaseStudyImageRequest& req,
                                                       v1::CaseStudyImage* resp) {
  SK_ASSIGN_OR_RETURN(ImageKey key, RequireImageName("name", req.name()));
  SK_ASSIGN_OR_RETURN(domain::CaseStudyImage image,
                      ops_.GetCaseStudyImage(call, key.case_study_id, key.image_id));
  ToProto(image, resp);
  return absl::OkStatus();
}

absl::Status PublicityServiceImpl::DoDeleteCaseStudyImage(
    const domain::Caller& call, const v1::DeleteCaseStudyImageRequest& req,
    google::protobuf::Empty* resp) {
  SK_ASSIGN_OR_RETURN(ImageKey key, RequireImageName("name", req.name()));
  return ops_.DeleteCaseStudyImage(call, key.case_study_id, key.image_id);
}

// ---- announcements ----

absl::Status PublicityServiceImpl::DoCreateAnnouncement(const domain::Caller& call,
                                                        const v1::CreateAnnouncementRequest& req,
                                                        v1::Announcement* resp) {
  SK_RETURN_IF_ERROR(CheckRequestId(req.request_id()));
  SK_ASSIGN_OR_RETURN(domain::Announcement created,
                      ops_.CreateAnnouncement(WithRequestId(call, req.request_id()),
                                              {FromProto(req.announcement()),
                                               IdempotencyOf(call, req, req.request_id())}));
  ToProto(created, resp);
  return absl::OkStatus();
}

absl::Status PublicityServiceImpl::DoGetAnnouncement(const domain::Caller& call,
                                                     const v1::GetAnnouncementRequest& req,
                                                     v1::Announcement* resp) {
  SK_ASSIGN_OR_RETURN(int64_t id, RequireName("name", req.name(), "announcements"));
  SK_ASSIGN_OR_RETURN(domain::Announcement a, ops_.GetAnnouncement(call, id));
  ToProto(a, resp);
  return absl::OkStatus();
}

absl::Status PublicityServiceImpl::DoListAnnouncements(const domain::Caller& call,
                                                       const v1::ListAnnouncementsRequest& req,
                                                       v1::ListAnnouncementsResponse* resp) {
  ListParams params{"ListAnnouncements", "",           req.page_size(),
                    req.page_token(),    req.filter(), req.order_by()};
  SK_ASSIGN_OR_RETURN(
      domain::ListQuery query,
      BuildListQuery(tokens_, params, PublicityOperations::ListAnnouncementsSpec()));
  SK_ASSIGN_OR_RETURN(auto page, ops_.ListAnnouncements(call, query));
  for (const auto& a : page.items) ToProto(a, resp->add_announcements());
  resp->set_next_page_token(NextPageToken(tokens_, params, page.next));
  return absl::OkStatus();
}

absl::Status PublicityServiceImpl::DoUpdateAnnouncement(const domain::Caller& call,
                                                        const v1::UpdateAnnouncementRequest& req,
                                                        v1::Announcement* resp) {
  SK_ASSIGN_OR_RETURN(
      operations::UpdateAnnouncementCommand update,
      UpdateOf("announcement.name", "announcements", req.announcement(), req.update_mask()));
  SK_ASSIGN_OR_RETURN(domain::Announcement updated, ops_.UpdateAnnouncement(call, update));
  ToProto(updated, resp);
  return absl::OkStatus();
}

absl::Status PublicityServiceImpl::DoDeleteAnnouncement(const domain::Caller& call,
                                                        const v1::DeleteAnnouncementRequest& req,
                                                        google::protobuf::Empty* resp) {
  SK_ASSIGN_OR_RETURN(int64_t id, RequireName("name", req.name(), "announcements"));
  return ops_.DeleteAnnouncement(call, id, req.etag());
}

grpc::ServerUnaryReactor* PublicityServiceImpl::CreateBroadcast(
    grpc::CallbackServerContext* ctx, const v1::CreateBroadcastRequest* req, v1::Broadcast* resp) {
  return Unary<&PublicityServiceImpl::DoCreateBroadcast>(
      this, "sangkien.v1.PublicityService/CreateBroadcast", ctx, req, resp);
}

grpc::ServerUnaryReactor* PublicityServiceImpl::GetBroadcast(grpc::CallbackServerContext* ctx,
                                                             const v1::GetBroadcastRequest* req,
                                                             v1::Broadcast* resp) {
  return Unary<&PublicityServiceImpl::DoGetBroadcast>(
      this, "sangkien.v1.PublicityService/GetBroadcast", ctx, req, resp);
}

grpc::ServerUnaryReactor* PublicityServiceImpl::ListBroadcasts(grpc::CallbackServerContext* ctx,
                                                               const v1::ListBroadcastsRequest* req,
                                                               v1::ListBroadcastsResponse* resp) {
  return Unary<&PublicityServiceImpl::DoListBroadcasts>(
      this, "sangkien.v1.PublicityService/ListBroadcasts", ctx, req, resp);
}

grpc::ServerUnaryReactor* PublicityServiceImpl::UpdateBroadcast(
    grpc::CallbackServerContext* ctx, const v1::UpdateBroadcastRequest* req, v1::Broadcast* resp) {
  return Unary<&PublicityServiceImpl::DoUpdateBroadcast>(
      this, "sangkien.v1.PublicityService/UpdateBroadcast", ctx, req, resp);
}

grpc::ServerUnaryReactor* PublicityServiceImpl::DeleteBroadcast(
    grpc::CallbackServerContext* ctx, const v1::DeleteBroadcastRequest* req,
    google::protobuf::Empty* resp) {
  return Unary<&PublicityServiceImpl::DoDeleteBroadcast>(
      this, "sangkien.v1.PublicityService/DeleteBroadcast", ctx, req, resp);
}

grpc::ServerUnaryReactor* PublicityServiceImpl::ListAirings(grpc::CallbackServerContext* ctx,
                                                            const v1::ListAiringsRequest* req,
                                                            v1::ListAiringsResponse* resp) {
  return Unary<&PublicityServiceImpl::DoListAirings>(
      this, "sangkien.v1.PublicityService/ListAirings", ctx, req, resp);
}

grpc::ServerUnaryReactor* PublicityServiceImpl::GetOnAir(grpc::CallbackServerContext* ctx,
                                                         const v1::GetOnAirRequest* req,
                                                         v1::GetOnAirResponse* resp) {
  return Unary<&PublicityServiceImpl::DoGetOnAir>(this, "sangkien.v1.PublicityService/GetOnAir",
                                                  ctx, req, resp);
}

grpc::ServerUnaryReactor* PublicityServiceImpl::ExportCalendar(grpc::CallbackServerContext* ctx,
                                                               const v1::ExportCalendarRequest* req,
                                                               v1::ExportCalendarResponse* resp) {
  return Unary<&PublicityServiceImpl::DoExportCalendar>(
      this, "sangkien.v1.PublicityService/ExportCalendar", ctx, req, resp);
}

grpc::ServerUnaryReactor* PublicityServiceImpl::CreateCaseStudy(
    grpc::CallbackServerContext* ctx, const v1::CreateCaseStudyRequest* req, v1::CaseStudy* resp) {
  return Unary<&PublicityServiceImpl::DoCreateCaseStudy>(
      this, "sangkien.v1.PublicityService/CreateCaseStudy", ctx, req, resp);
}

grpc::ServerUnaryReactor* PublicityServiceImpl::GetCaseStudy(grpc::CallbackServerContext* ctx,
                                                             const v1::GetCaseStudyRequest* req,
                                                             v1::CaseStudy* resp) {
  return Unary<&PublicityServiceImpl::DoGetCaseStudy>(
      this, "sangkien.v1.PublicityService/GetCaseStudy", ctx, req, resp);
}

grpc::ServerUnaryReactor* PublicityServiceImpl::ListCaseStudies(
    grpc::CallbackServerContext* ctx, const v1::ListCaseStudiesRequest* req,
    v1::ListCaseStudiesResponse* resp) {
  return Unary<&PublicityServiceImpl::DoListCaseStudies>(
      this, "sangkien.v1.PublicityService/ListCaseStudies", ctx, req, resp);
}

grpc::ServerUnaryReactor* PublicityServiceImpl::UpdateCaseStudy(
    grpc::CallbackServerContext* ctx, const v1::UpdateCaseStudyRequest* req, v1::CaseStudy* resp) {
  return Unary<&PublicityServiceImpl::DoUpdateCaseStudy>(
      this, "sangkien.v1.PublicityService/UpdateCaseStudy", ctx, req, resp);
}

grpc::ServerUnaryReactor* PublicityServiceImpl::DeleteCaseStudy(
    grpc::CallbackServerContext* ctx, const v1::DeleteCaseStudyRequest* req,
    google::protobuf::Empty* resp) {
  return Unary<&PublicityServiceImpl::DoDeleteCaseStudy>(
      this, "sangkien.v1.PublicityService/DeleteCaseStudy", ctx, req, resp);
}

grpc::ServerUnaryReactor* PublicityServiceImpl::AddCaseStudyImage(
    grpc::CallbackServerContext* ctx, const v1::AddCaseStudyImageRequest* req,
    v1::CaseStudyImage* resp) {
  return Unary<&PublicityServiceImpl::DoAddCaseStudyImage>(
      this, "sangkien.v1.PublicityService/AddCaseStudyImage", ctx, req, resp);
}

grpc::ServerUnaryReactor* PublicityServiceImpl::GetCaseStudyImage(
    grpc::CallbackServerContext* ctx, const v1::GetCaseStudyImageRequest* req,
    v1::CaseStudyImage* resp) {
  return Unary<&PublicityServiceImpl::DoGetCaseStudyImage>(
      this, "sangkien.v1.PublicityService/GetCaseStudyImage", ctx, req, resp);
}

grpc::ServerUnaryReactor* PublicityServiceImpl::DeleteCaseStudyImage(
    grpc::CallbackServerContext* ctx, const v1::DeleteCaseStudyImageRequest* req,
    google::protobuf::Empty* resp) {
  return Unary<&PublicityServiceImpl::DoDeleteCaseStudyImage>(
      this, "sangkien.v1.PublicityService/DeleteCaseStudyImage", ctx, req, resp);
}

grpc::ServerUnaryReactor* PublicityServiceImpl::CreateAnnouncement(
    grpc::CallbackServerContext* ctx, const v1::CreateAnnouncementRequest* req,
    v1::Announcement* resp) {
  return Unary<&PublicityServiceImpl::DoCreateAnnouncement>(
      this, "sangkien.v1.PublicityService/CreateAnnouncement", ctx, req, resp);
}

grpc::ServerUnaryReactor* PublicityServiceImpl::GetAnnouncement(
    grpc::CallbackServerContext* ctx, const v1::GetAnnouncementRequest* req,
    v1::Announcement* resp) {
  return Unary<&PublicityServiceImpl::DoGetAnnouncement>(
      this, "sangkien.v1.PublicityService/GetAnnouncement", ctx, req, resp);
}

grpc::ServerUnaryReactor* PublicityServiceImpl::ListAnnouncements(
    grpc::CallbackServerContext* ctx, const v1::ListAnnouncementsRequest* req,
    v1::ListAnnouncementsResponse* resp) {
  return Unary<&PublicityServiceImpl::DoListAnnouncements>(
      this, "sangkien.v1.PublicityService/ListAnnouncements", ctx, req, resp);
}

grpc::ServerUnaryReactor* PublicityServiceImpl::UpdateAnnouncement(
    grpc::CallbackServerContext* ctx, const v1::UpdateAnnouncementRequest* req,
    v1::Announcement* resp) {
  return Unary<&PublicityServiceImpl::DoUpdateAnnouncement>(
      this, "sangkien.v1.PublicityService/UpdateAnnouncement", ctx, req, resp);
}

grpc::ServerUnaryReactor* PublicityServiceImpl::DeleteAnnouncement(
    grpc::CallbackServerContext* ctx, const v1::DeleteAnnouncementRequest* req,
    google::protobuf::Empty* resp) {
  return Unary<&PublicityServiceImpl::DoDeleteAnnouncement>(
      this, "sangkien.v1.PublicityService/DeleteAnnouncement", ctx, req, resp);
}

}  // namespace sangkien::api
