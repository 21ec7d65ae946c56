#include "api/calendar_service.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "api/field_mask_support.h"
#include "api/list_support.h"
#include "api/proto_convert.h"
#include "api/request_fingerprint.h"
#include "api/unary.h"
#include "calendar/civil_date.h"
#include "domain/validation.h"
#include "status/errors.h"
#include "status/status_macros.h"
#include "storage/holiday_repository.h"

namespace sangkien::api {
namespace {

constexpr int kMaxWorkingDays = 3660;
constexpr std::string_view kHolidays = "holidays/";

const std::vector<std::string>& HolidayUpdatableFields() {
  static const std::vector<std::string> kFields = {"kind", "display_name", "source", "status"};
  return kFields;
}

void ToProto(const domain::Holiday& h, v1::Holiday* out) {
  out->set_name(domain::HolidayName(h.day.date));
  api::ToProto(h.day.date, out->mutable_date());
  out->set_kind(static_cast<v1::HolidayKind>(h.day.kind));
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

// Checks a day as a client sent it (its date already known) and returns the
// NFC form to store.
absl::StatusOr<calendar::CalendarDay> CheckHoliday(const v1::Holiday& holiday,
                                                   absl::CivilDay date) {
  domain::Violations v;
  calendar::CalendarDay day;
  day.date = date;
  day.kind = static_cast<calendar::HolidayKind>(holiday.kind());
  if (holiday.kind() == v1::HOLIDAY_KIND_UNSPECIFIED || !v1::HolidayKind_IsValid(holiday.kind())) {
    v.Add("holiday.kind", "is required: DAY_OFF or MAKEUP_WORKDAY",
          "cần chọn loại ngày: ngày nghỉ hoặc ngày làm bù");
  } else if (day.kind == calendar::HolidayKind::kMakeupWorkday && !calendar::IsWeekend(date)) {
    v.Add("holiday.kind",
          absl::StrCat(calendar::FormatIsoDate(date),
                       " is a weekday, already a working day: a make-up day is a Saturday or "
                       "Sunday"),
          absl::StrCat("Ngày ", calendar::FormatDate(date),
                       " đã là ngày làm việc: ngày làm bù phải là thứ Bảy hoặc Chủ nhật"));
  }
  day.name = v.Text("holiday.display_name", holiday.display_name(), domain::kMaxNameLength, true);
  day.source = v.Text("holiday.source", holiday.source(), domain::kMaxShortTextLength, false);
  day.status = v.Text("holiday.status", holiday.status(), domain::kMaxNameLength, false);
  SK_RETURN_IF_ERROR(v.ToStatus());
  return day;
}

// `year` is compared as text: only four digits make sense.
absl::Status CheckYearTerms(const domain::ListQuery& query) {
  for (const auto& term : query.filter) {
    if (term.field != "year") continue;
    bool digits = term.value.size() == 4;
    for (char c : term.value) digits = digits && absl::ascii_isdigit(static_cast<unsigned char>(c));
    if (!digits) {
      return InvalidField(
          "filter", absl::StrCat("year takes four digits (year = 2025), got \"", term.value, "\""),
          "year cần bốn chữ số (year = 2025)");
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status CalendarServiceImpl::DoListHolidays(const domain::Caller& call,
                                                 const v1::ListHolidaysRequest& req,
                                                 v1::ListHolidaysResponse* resp) {
  ListParams params{"ListHolidays",   "",           req.page_size(),
                    req.page_token(), req.filter(), req.order_by()};
  ListSpec spec{&storage::HolidayRepository::FilterFields(),
                &storage::HolidayRepository::OrderFields(),
                {"date", false}};
  SK_ASSIGN_OR_RETURN(domain::ListQuery query, BuildListQuery(tokens_, params, spec));
  SK_RETURN_IF_ERROR(CheckYearTerms(query));
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
  SK_ASSIGN_OR_RETURN(calendar::CalendarDay day, CheckHoliday(req.holiday(), *date));
  SK_ASSIGN_OR_RETURN(domain::Holiday created,
                      ops_.CreateHoliday(WithRequestId(call, req.request_id()), day,
                                         IdempotencyOf(call, req, req.request_id())));
  ToProto(created, resp);
  return absl::OkStatus();
}

absl::Status CalendarServiceImpl::DoUpdateHoliday(const domain::Caller& call,
                                                  const v1::UpdateHolidayRequest& req,
                                                  v1::Holiday* resp) {
  domain::Violations v;
  std::optional<absl::CivilDay> date = HolidayDate(v, "holiday.name", req.holiday().name());
  SK_RETURN_IF_ERROR(v.ToStatus());
  SK_RETURN_IF_ERROR(CheckUpdateMask(req.update_mask(), HolidayUpdatableFields()));
  SK_ASSIGN_OR_RETURN(domain::Holiday current, ops_.GetHoliday(*date));
  std::string expected = req.holiday().etag().empty() ? current.etag : req.holiday().etag();
  if (expected != current.etag) return EtagMismatch(req.holiday().name());
  v1::Holiday merged;
  ToProto(current, &merged);
  ApplyUpdateMask(req.update_mask(), req.holiday(), &merged);
  SK_ASSIGN_OR_RETURN(calendar::CalendarDay day, CheckHoliday(merged, *date));
  SK_ASSIGN_OR_RETURN(domain::Holiday updated, ops_.UpdateHoliday(call, day, expected));
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
  if (req.days() < -kMaxWorkingDays || req.days() > kMaxWorkingDays) {
    v.Add("days", absl::StrCat("must be between -", kMaxWorkingDays, " and ", kMaxWorkingDays),
          absl::StrCat("phải nằm trong khoảng -", kMaxWorkingDays, " đến ", kMaxWorkingDays));
  }
  SK_RETURN_IF_ERROR(v.ToStatus());
  absl::CivilDay result = ops_.Current()->AddWorkingDays(*date, req.days());
  if (result.year() < 1 || result.year() > 9999) {
    return InvalidField("days", "the result falls outside years 1 to 9999",
                        "kết quả nằm ngoài khoảng năm 1 đến 9999");
  }
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
