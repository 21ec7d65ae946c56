// sangkien.v1.HolidayCalendarService over CalendarOperations.
#ifndef SANGKIEN_SERVER_API_CALENDAR_SERVICE_H_
#define SANGKIEN_SERVER_API_CALENDAR_SERVICE_H_

#include "absl/status/status.h"
#include "api/call_gate.h"
#include "domain/page_token.h"
#include "operations/calendar_operations.h"
#include "sangkien/v1/calendar_service.grpc.pb.h"

namespace sangkien::api {

class CalendarServiceImpl final : public v1::HolidayCalendarService::CallbackService {
 public:
  CalendarServiceImpl(operations::CalendarOperations& ops, const domain::PageTokenCodec& tokens,
                      const CallGate& gate)
      : ops_(ops), tokens_(tokens), gate_(gate) {}
  const CallGate& gate() const { return gate_; }

  grpc::ServerUnaryReactor* ListHolidays(grpc::CallbackServerContext* ctx,
                                         const v1::ListHolidaysRequest* req,
                                         v1::ListHolidaysResponse* resp) override;
  grpc::ServerUnaryReactor* GetHoliday(grpc::CallbackServerContext* ctx,
                                       const v1::GetHolidayRequest* req,
                                       v1::Holiday* resp) override;
  grpc::ServerUnaryReactor* CreateHoliday(grpc::CallbackServerContext* ctx,
                                          const v1::CreateHolidayRequest* req,
                                          v1::Holiday* resp) override;
  grpc::ServerUnaryReactor* UpdateHoliday(grpc::CallbackServerContext* ctx,
                                          const v1::UpdateHolidayRequest* req,
                                          v1::Holiday* resp) override;
  grpc::ServerUnaryReactor* DeleteHoliday(grpc::CallbackServerContext* ctx,
                                          const v1::DeleteHolidayRequest* req,
                                          google::protobuf::Empty* resp) override;
  grpc::ServerUnaryReactor* AddWorkingDays(grpc::CallbackServerContext* ctx,
                                           const v1::AddWorkingDaysRequest* req,
                                           v1::AddWorkingDaysResponse* resp) override;
  grpc::ServerUnaryReactor* CountWorkingDays(grpc::CallbackServerContext* ctx,
                                             const v1::CountWorkingDaysRequest* req,
                                             v1::CountWorkingDaysResponse* resp) override;

  // The work of each RPC, callable without gRPC.
  absl::Status DoListHolidays(const domain::Caller& call, const v1::ListHolidaysRequest& req,
                              v1::ListHolidaysResponse* resp);
  absl::Status DoGetHoliday(const domain::Caller& call, const v1::GetHolidayRequest& req,
                            v1::Holiday* resp);
  absl::Status DoCreateHoliday(const domain::Caller& call, const v1::CreateHolidayRequest& req,
                               v1::Holiday* resp);
  absl::Status DoUpdateHoliday(const domain::Caller& call, const v1::UpdateHolidayRequest& req,
                               v1::Holiday* resp);
  absl::Status DoDeleteHoliday(const domain::Caller& call, const v1::DeleteHolidayRequest& req,
                               google::protobuf::Empty* resp);
  absl::Status DoAddWorkingDays(const domain::Caller& call, const v1::AddWorkingDaysRequest& req,
                                v1::AddWorkingDaysResponse* resp);
  absl::Status DoCountWorkingDays(const domain::Caller& call,
                                  const v1::CountWorkingDaysRequest& req,
                                  v1::CountWorkingDaysResponse* resp);

 private:
  operations::CalendarOperations& ops_;
  const domain::PageTokenCodec& tokens_;
  const CallGate& gate_;
};

}  // namespace sangkien::api

#endif  // SANGKIEN_SERVER_API_CALENDAR_SERVICE_H_
