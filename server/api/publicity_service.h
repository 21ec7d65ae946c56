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

  grpc::ServerUnaryReactor* CreateBroadcast(grpc::CallbackServerContext* ctx,
                                            const v1::CreateBroadcastRequest* req,
                                            v1::Broadcast* resp) override;
  grpc::ServerUnaryReactor* GetBroadcast(grpc::CallbackServerContext* ctx,
                                         const v1::GetBroadcastRequest* req,
                                         v1::Broadcast* resp) override;
  grpc::ServerUnaryReactor* ListBroadcasts(grpc::CallbackServerContext* ctx,
                                           const v1::ListBroadcastsRequest* req,
                                           v1::ListBroadcastsResponse* resp) override;
  grpc::ServerUnaryReactor* UpdateBroadcast(grpc::CallbackServerContext* ctx,
                                            const v1::UpdateBroadcastRequest* req,
                                            v1::Broadcast* resp) override;
  grpc::ServerUnaryReactor* DeleteBroadcast(grpc::CallbackServerContext* ctx,
                                            const v1::DeleteBroadcastRequest* req,
                                            google::protobuf::Empty* resp) override;
  grpc::ServerUnaryReactor* ListAirings(grpc::CallbackServerContext* ctx,
                                        const v1::ListAiringsRequest* req,
                                        v1::ListAiringsResponse* resp) override;
  grpc::ServerUnaryReactor* GetOnAir(grpc::CallbackServerContext* ctx,
                                     const v1::GetOnAirRequest* req,
                                     v1::GetOnAirResponse* resp) override;
  grpc::ServerUnaryReactor* ExportCalendar(grpc::CallbackServerContext* ctx,
                                           const v1::ExportCalendarRequest* req,
                                           v1::ExportCalendarResponse* resp) override;
  grpc::ServerUnaryReactor* CreateCaseStudy(grpc::CallbackServerContext* ctx,
                                            const v1::CreateCaseStudyRequest* req,
                                            v1::CaseStudy* resp) override;
  grpc::ServerUnaryReactor* GetCaseStudy(grpc::CallbackServerContext* ctx,
                                         const v1::GetCaseStudyRequest* req,
                                         v1::CaseStudy* resp) override;
  grpc::ServerUnaryReactor* ListCaseStudies(grpc::CallbackServerContext* ctx,
                                            const v1::ListCaseStudiesRequest* req,
                                            v1::ListCaseStudiesResponse* resp) override;
  grpc::ServerUnaryReactor* UpdateCaseStudy(grpc::CallbackServerContext* ctx,
                                            const v1::UpdateCaseStudyRequest* req,
                                            v1::CaseStudy* resp) override;
  grpc::ServerUnaryReactor* DeleteCaseStudy(grpc::CallbackServerContext* ctx,
                                            const v1::DeleteCaseStudyRequest* req,
                                            google::protobuf::Empty* resp) override;
  grpc::ServerUnaryReactor* AddCaseStudyImage(grpc::CallbackServerContext* ctx,
                                              const v1::AddCaseStudyImageRequest* req,
                                              v1::CaseStudyImage* resp) override;
  grpc::ServerUnaryReactor* GetCaseStudyImage(grpc::CallbackServerContext* ctx,
                                              const v1::GetCaseStudyImageRequest* req,
                                              v1::CaseStudyImage* resp) override;
  grpc::ServerUnaryReactor* DeleteCaseStudyImage(grpc::CallbackServerContext* ctx,
                                                 const v1::DeleteCaseStudyImageRequest* req,
                                                 google::protobuf::Empty* resp) override;
  grpc::ServerUnaryReactor* CreateAnnouncement(grpc::CallbackServerContext* ctx,
                                               const v1::CreateAnnouncementRequest* req,
                                               v1::Announcement* resp) override;
  grpc::ServerUnaryReactor* GetAnnouncement(grpc::CallbackServerContext* ctx,
                                            const v1::GetAnnouncementRequest* req,
                                            v1::Announcement* resp) override;
  grpc::ServerUnaryReactor* ListAnnouncements(grpc::CallbackServerContext* ctx,
                                              const v1::ListAnnouncementsRequest* req,
                                              v1::ListAnnouncementsResponse* resp) override;
  grpc::ServerUnaryReactor* UpdateAnnouncement(grpc::CallbackServerContext* ctx,
                                               const v1::UpdateAnnouncementRequest* req,
                                               v1::Announcement* resp) override;
  grpc::ServerUnaryReactor* DeleteAnnouncement(grpc::CallbackServerContext* ctx,
                                               const v1::DeleteAnnouncementRequest* req,
                                               google::protobuf::Empty* resp) override;

  // The handlers' bodies, run by Unary() once the caller is admitted. Each
  // returns OK with `resp` filled; INVALID_ARGUMENT for a name it cannot read
  // or a request the operation refuses; NOT_FOUND for what the caller does
  // not see; ABORTED on a stale etag; the operation's other errors as they are.
  absl::Status DoCreateBroadcast(const domain::Caller& call, const v1::CreateBroadcastRequest& req,
                                 v1::Broadcast* resp);
  absl::Status DoGetBroadcast(const domain::Caller& call, const v1::GetBroadcastRequest& req,
                              v1::Broadcast* resp);
  absl::Status DoListBroadcasts(const domain::Caller& call, const v1::ListBroadcastsRequest& req,
                                v1::ListBroadcastsResponse* resp);
  absl::Status DoUpdateBroadcast(const domain::Caller& call, const v1::UpdateBroadcastRequest& req,
                                 v1::Broadcast* resp);
  absl::Status DoDeleteBroadcast(const domain::Caller& call, const v1::DeleteBroadcastRequest& req,
                                 google::protobuf::Empty* resp);
  absl::Status DoListAirings(const domain::Caller& call, const v1::ListAiringsRequest& req,
                             v1::ListAiringsResponse* resp);
  absl::Status DoGetOnAir(const domain::Caller& call, const v1::GetOnAirRequest& req,
                          v1::GetOnAirResponse* resp);
  absl::Status DoExportCalendar(const domain::Caller& call, const v1::ExportCalendarRequest& req,
                                v1::ExportCalendarResponse* resp);
  absl::Status DoCreateCaseStudy(const domain::Caller& call, const v1::CreateCaseStudyRequest& req,
                                 v1::CaseStudy* resp);
  absl::Status DoGetCaseStudy(const domain::Caller& call, const v1::GetCaseStudyRequest& req,
                              v1::CaseStudy* resp);
  absl::Status DoListCaseStudies(const domain::Caller& call, const v1::ListCaseStudiesRequest& req,
                                 v1::ListCaseStudiesResponse* resp);
  absl::Status DoUpdateCaseStudy(const domain::Caller& call, const v1::UpdateCaseStudyRequest& req,
                                 v1::CaseStudy* resp);
  absl::Status DoDeleteCaseStudy(const domain::Caller& call, const v1::DeleteCaseStudyRequest& req,
                                 google::protobuf::Empty* resp);
  absl::Status DoAddCaseStudyImage(const domain::Caller& call,
                                   const v1::AddCaseStudyImageRequest& req,
                                   v1::CaseStudyImage* resp);
  absl::Status DoGetCaseStudyImage(const domain::Caller& call,
                                   const v1::GetCaseStudyImageRequest& req,
                                   v1::CaseStudyImage* resp);
  absl::Status DoDeleteCaseStudyImage(const domain::Caller& call,
                                      const v1::DeleteCaseStudyImageRequest& req,
                                      google::protobuf::Empty* resp);
  absl::Status DoCreateAnnouncement(const domain::Caller& call,
                                    const v1::CreateAnnouncementRequest& req,
                                    v1::Announcement* resp);
  absl::Status DoGetAnnouncement(const domain::Caller& call, const v1::GetAnnouncementRequest& req,
                                 v1::Announcement* resp);
  absl::Status DoListAnnouncements(const domain::Caller& call,
                                   const v1::ListAnnouncementsRequest& req,
                                   v1::ListAnnouncementsResponse* resp);
  absl::Status DoUpdateAnnouncement(const domain::Caller& call,
                                    const v1::UpdateAnnouncementRequest& req,
                                    v1::Announcement* resp);
  absl::Status DoDeleteAnnouncement(const domain::Caller& call,
                                    const v1::DeleteAnnouncementRequest& req,
                                    google::protobuf::Empty* resp);

  const CallGate& gate() const { return gate_; }

 private:
  operations::PublicityOperations& ops_;
  operations::PlanOperations& plans_;
  operations::DirectoryOperations& directory_;
  const domain::PageTokenCodec& tokens_;
  const CallGate& gate_;
};

}  // namespace sangkien::api

#endif  // SANGKIEN_SERVER_API_PUBLICITY_SERVICE_H_
