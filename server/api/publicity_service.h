// sangkien.v1.PublicityService over PublicityOperations.
#ifndef SANGKIEN_SERVER_API_PUBLICITY_SERVICE_H_
#define SANGKIEN_SERVER_API_PUBLICITY_SERVICE_H_

#include "absl/status/status.h"
#include "api/call_gate.h"
#include "domain/page_token.h"
#include "operations/directory_operations.h"
#include "operations/plan_operations.h"
#include "operations/publicity_operations.h"
#include "sangkien/v1/publicity_service.grpc.pb.h"

namespace sangkien::api {

class PublicityServiceImpl final : public v1::PublicityService::CallbackService {
 public:
  PublicityServiceImpl(operations::PublicityOperations& ops, operations::PlanOperations& plans,
                       operations::DirectoryOperations& directory,
                       const domain::PageTokenCodec& tokens, const CallGate& gate)
      : ops_(ops), plans_(plans), directory_(directory), tokens_(tokens), gate_(gate) {}

#define SK_UNARY(Method, Request, Response)                                              \
  grpc::ServerUnaryReactor* Method(grpc::CallbackServerContext* ctx, const Request* req, \
                                   Response* resp) override;                             \
  absl::Status Do##Method(const domain::Caller& call, const Request& req, Response* resp);
  SK_UNARY(CreateBroadcast, v1::CreateBroadcastRequest, v1::Broadcast)
  SK_UNARY(GetBroadcast, v1::GetBroadcastRequest, v1::Broadcast)
  SK_UNARY(ListBroadcasts, v1::ListBroadcastsRequest, v1::ListBroadcastsResponse)
  SK_UNARY(UpdateBroadcast, v1::UpdateBroadcastRequest, v1::Broadcast)
  SK_UNARY(DeleteBroadcast, v1::DeleteBroadcastRequest, google::protobuf::Empty)
  SK_UNARY(ListAirings, v1::ListAiringsRequest, v1::ListAiringsResponse)
  SK_UNARY(GetOnAir, v1::GetOnAirRequest, v1::GetOnAirResponse)
  SK_UNARY(ExportCalendar, v1::ExportCalendarRequest, v1::ExportCalendarResponse)
  SK_UNARY(CreateCaseStudy, v1::CreateCaseStudyRequest, v1::CaseStudy)
  SK_UNARY(GetCaseStudy, v1::GetCaseStudyRequest, v1::CaseStudy)
  SK_UNARY(ListCaseStudies, v1::ListCaseStudiesRequest, v1::ListCaseStudiesResponse)
  SK_UNARY(UpdateCaseStudy, v1::UpdateCaseStudyRequest, v1::CaseStudy)
  SK_UNARY(DeleteCaseStudy, v1::DeleteCaseStudyRequest, google::protobuf::Empty)
  SK_UNARY(AddCaseStudyImage, v1::AddCaseStudyImageRequest, v1::CaseStudyImage)
  SK_UNARY(GetCaseStudyImage, v1::GetCaseStudyImageRequest, v1::CaseStudyImage)
  SK_UNARY(DeleteCaseStudyImage, v1::DeleteCaseStudyImageRequest, google::protobuf::Empty)
  SK_UNARY(CreateAnnouncement, v1::CreateAnnouncementRequest, v1::Announcement)
  SK_UNARY(GetAnnouncement, v1::GetAnnouncementRequest, v1::Announcement)
  SK_UNARY(ListAnnouncements, v1::ListAnnouncementsRequest, v1::ListAnnouncementsResponse)
  SK_UNARY(UpdateAnnouncement, v1::UpdateAnnouncementRequest, v1::Announcement)
  SK_UNARY(DeleteAnnouncement, v1::DeleteAnnouncementRequest, google::protobuf::Empty)
#undef SK_UNARY

 private:
  operations::PublicityOperations& ops_;
  operations::PlanOperations& plans_;
  operations::DirectoryOperations& directory_;
  const domain::PageTokenCodec& tokens_;
  const CallGate& gate_;
};

}  // namespace sangkien::api

#endif  // SANGKIEN_SERVER_API_PUBLICITY_SERVICE_H_
