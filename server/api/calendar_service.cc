#include "api/calendar_service.h"

#include "absl/strings/str_cat.h"
#include "api/enum_convert.h"
#include "api/field_paths.h"
#include "api/list_support.h"
#include "api/proto_convert.h"
#include "api/request_fingerprint.h"
#include "api/unary.h"
#include "calendar/civil_date.h"
#include "domain/validation.h"
#include "status/errors.h"
#include "status/status_macros.h"

namespace sangkien::api {
namespace {

constexpr std::string_view kHolidays = "holidays/";

void ToProto(const domain::Holiday& h, v1::Holiday* out) {
  out->set_name(domain::HolidayName(h.day.date));
  api::ToProto(h.day.date, out->mutable_date());
  out->set_kind(api::ToProto(h.day.kind));
  out->set_display_name(h.day.name);
  out->set_source(h.day.source);
  out->set_status(h.day.status);
  out->set_etag(h.etag);
  api::ToProto(h.create_time, out->mutable_create_time());
  api::ToProto(h.update_time, out->mutable_update_time());
}

// The date a `holidays/{date}` name stands for; nullopt, with a violation,
// when it is not one.
std::optional<absl::CivilDay> HolidayDate(domain::Violations& v, std::string_view field,
                                          std::string_view name) {
  if (name.empty()) {
    v.Add(std::string(field), "is required (holidays/YYYY-MM-DD)",
          "không được để trống (holidays/YYYY-MM-DD)");
    return std::nullopt;
  }
  std::optional<absl::CivilDay> date;
  if (name.substr(0, kHolidays.size()) == kHolidays) {
    date = calendar::ParseIsoDate(name.substr(kHolidays.size()));
  }
  if (!date) {
    v.Add(std::string(field), "must be a resource name like holidays/2025-01-29",
          "phải là tên tài nguyên dạng holidays/2025-01-29");
  }
  return date;
}

// A required, real date; nullopt with a violation otherwise.
std::optional<absl::CivilDay> RequiredDate(domain::Violations& v, std::string_view field,
                                           const google::type::Date& date) {
  if (IsUnsetDate(date)) {
    v.Add(std::string(field), "is required", "không được để trống");
    return std::nullopt;
  }
  std::optional<absl::CivilDay> day = FromProto(date);
  if (!day) {
    v.Add(std::string(field), "is not a real date (years 1 to 9999)",
          "không phải là một ngày có thật (năm 1 đến 9999)");
  }
  return day;
}

// The day a client sent, on `date`. An undefined kind becomes
// kUnspecified, which the operations refuse.
calendar::CalendarDay DayOf(const v1::Holiday& holiday, absl::CivilDay date) {
  calendar::CalendarDay day;
  day.date = date;
  day.kind = FromProto(holiday.kind()).value_or(calendar::HolidayKind::kUnspecified);
  day.name = holiday.display_name();
  day.source = holiday.source();
  day.status = holiday.status();
  return day;
}

}  // namespace

absl::Status CalendarServiceImpl::DoListHolidays(const domain::Caller& call,
                                                 const v1::ListHolidaysRequest& req,
                                                 v1::ListHolidaysResponse* resp) {
  ListParams params{"ListHolidays",   "",           req.page_size(),
                    req.page_token(), req.filter(), req.order_by()};
  SK_ASSIGN_OR_RETURN(
      domain::ListQuery query,
      BuildListQuery(tokens_, params, operations::CalendarOperations::ListHolidaysSpec()));
  SK_ASSIGN_OR_RETURN(auto page, ops_.ListHolidays(query));
  for (const auto& h : page.items) ToProto(h, resp->add_holidays());
  resp->set_next_page_token(NextPageToken(tokens_, params, page.next));
  return absl::OkStatus();
}

absl::Status CalendarServiceImpl::DoGetHoliday(const domain::Caller& call,
                                               const v1::GetHolidayRequest& req,
                                               v1::Holiday* resp) {
  domain::Violations v;
  std::optional<absl::CivilDay> date = HolidayDate(v, "name", req.name());
  SK_RETURN_IF_ERROR(v.ToStatus());
  SK_ASSIGN_OR_RETURN(domain::Holiday holiday, ops_.GetHoliday(*date));
  ToProto(holiday, resp);
  return absl::OkStatus();
}

absl::Status CalendarServiceImpl::DoCreateHoliday(const domain::Caller& call,
                                                  const v1::CreateHolidayRequest& req,
                                                  v1::Holiday* resp) {
  domain::Violations v;
  v.RequestId("request_id", req.request_id());
  std::optional<absl::CivilDay> date = RequiredDate(v, "holiday.date", req.holiday().date());
  SK_RETURN_IF_ERROR(v.ToStatus());
  operations::CreateHolidayCommand command{DayOf(req.holiday(), *date),
                                           IdempotencyOf(call, req, req.request_id())};
  SK_ASSIGN_OR_RETURN(domain::Holiday created,
                      ops_.CreateHoliday(WithRequestId(call, req.request_id()), command));
  ToProto(created, resp);
  return absl::OkStatus();
}

absl::Status CalendarServiceImpl::DoUpdateHoliday(const domain::Caller& call,
                                                  const v1::UpdateHolidayRequest& req,
                                                  v1::Holiday* resp) {
  domain::Violations v;
  std::optional<absl::CivilDay> date = HolidayDate(v, "holiday.name", req.holiday().name());
  SK_RETURN_IF_ERROR(v.ToStatus());
  operations::UpdateHolidayCommand command{
      *date, {DayOf(req.holiday(), *date), FieldPathsOf(req.update_mask()), req.holiday().etag()}};
  SK_ASSIGN_OR_RETURN(domain::Holiday updated, ops_.UpdateHoliday(call, command));
  ToProto(updated, resp);
  return absl::OkStatus();
}

absl::Status CalendarServiceImpl::DoDeleteHoliday(const domain::Caller& call,
                                                  const v1::DeleteHolidayRequest& req,
                                                  google::protobuf::Empty* resp) {
  domain::Violations v;
  std::optional<absl::CivilDay> date = HolidayDate(v, "name", req.name());
  SK_RETURN_IF_ERROR(v.ToStatus());
  return ops_.DeleteHoliday(call, *date, req.etag());
}

absl::Status CalendarServiceImpl::DoAddWorkingDays(const domain::Caller& call,
                                                   const v1::AddWorkingDaysRequest& req,
                                                   v1::AddWorkingDaysResponse* resp) {
  domain::Violations v;
  std::optional<absl::CivilDay> date = RequiredDate(v, "date", req.date());
  if (!v.ok()) {
    // Reported with the count's own fault, if any, in one answer.
    operations::CheckWorkingDayCount("days", req.days(), v);
    return v.ToStatus();
  }
  SK_ASSIGN_OR_RETURN(absl::CivilDay result, ops_.AddWorkingDays(*date, req.days()));
  ToProto(result, resp->mutable_date());
  return absl::OkStatus();
}

absl::Status CalendarServiceImpl::DoCountWorkingDays(const domain::Caller& call,
                                                     const v1::CountWorkingDaysRequest& req,
                                                     v1::CountWorkingDaysResponse* resp) {
  domain::Violations v;
  std::optional<absl::CivilDay> start = RequiredDate(v, "start_date", req.start_date());
  std::optional<absl::CivilDay> end = RequiredDate(v, "end_date", req.end_date());
  SK_RETURN_IF_ERROR(v.ToStatus());
  resp->set_working_days(ops_.Current()->WorkingDaysBetween(*start, *end));
  return absl::OkStatus();
}

grpc::ServerUnaryReactor* CalendarServiceImpl::ListHolidays(grpc::CallbackServerContext* ctx,
                                                            const v1::ListHolidaysRequest* req,
                                                            v1::ListHolidaysResponse* resp) {
  return Unary<&CalendarServiceImpl::DoListHolidays>(
      this, "sangkien.v1.HolidayCalendarService/ListHolidays", ctx, req, resp);
}
grpc::ServerUnaryReactor* CalendarServiceImpl::GetHoliday(grpc::CallbackServerContext* ctx,
                                                          const v1::GetHolidayRequest* req,
                                                          v1::Holiday* resp) {
  return Unary<&CalendarServiceImpl::DoGetHoliday>(
      this, "sangkien.v1.HolidayCalendarService/GetHoliday", ctx, req, resp);
}
grpc::ServerUnaryReactor* CalendarServiceImpl::CreateHoliday(grpc::CallbackServerContext* ctx,
                                                             const v1::CreateHolidayRequest* req,
                                                             v1::Holiday* resp) {
  return Unary<&CalendarServiceImpl::DoCreateHoliday>(
      this, "sangkien.v1.HolidayCalendarService/CreateHoliday", ctx, req, resp);
}
grpc::ServerUnaryReactor* CalendarServiceImpl::UpdateHoliday(grpc::CallbackServerContext* ctx,
                                                             const v1::UpdateHolidayRequest* req,
                                                             v1::Holiday* resp) {
  return Unary<&CalendarServiceImpl::DoUpdateHoliday>(
      this, "sangkien.v1.HolidayCalendarService/UpdateHoliday", ctx, req, resp);
}
grpc::ServerUnaryReactor* CalendarServiceImpl::DeleteHoliday(grpc::CallbackServerContext* ctx,
                                                             const v1::DeleteHolidayRequest* req,
                                                             google::protobuf::Empty* resp) {
  return Unary<&CalendarServiceImpl::DoDeleteHoliday>(
      this, "sangkien.v1.HolidayCalendarService/DeleteHoliday", ctx, req, resp);
}
grpc::ServerUnaryReactor* CalendarServiceImpl::AddWorkingDays(grpc::CallbackServerContext* ctx,
                                                              const v1::AddWorkingDaysRequest* req,
                                                              v1::AddWorkingDaysResponse* resp) {
  return Unary<&CalendarServiceImpl::DoAddWorkingDays>(
      this, "sangkien.v1.HolidayCalendarService/AddWorkingDays", ctx, req, resp);
}
grpc::ServerUnaryReactor* CalendarServiceImpl::CountWorkingDays(
    grpc::CallbackServerContext* ctx, const v1::CountWorkingDaysRequest* req,
    v1::CountWorkingDaysResponse* resp) {
  return Unary<&CalendarServiceImpl::DoCountWorkingDays>(
      this, "sangkien.v1.HolidayCalendarService/CountWorkingDays", ctx, req, resp);
}

}  // namespace sangkien::api
