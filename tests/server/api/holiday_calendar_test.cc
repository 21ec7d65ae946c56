// HolidayCalendarService: the shipped calendar, admins keeping it, and
// working days counted against it through the API.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "rpc_errors.h"
#include "sangkien/v1/audit_service.grpc.pb.h"
#include "sangkien/v1/calendar_service.grpc.pb.h"
#include "test_server.h"

namespace sangkien::api_test {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::SizeIs;

class HolidayCalendarTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    calendar_ = v1::HolidayCalendarService::NewStub(channel());
  }

  void Restart() {
    calendar_.reset();
    RestartServer();
    calendar_ = v1::HolidayCalendarService::NewStub(channel());
  }

  template <typename Req, typename Resp>
  grpc::Status Cal(grpc::Status (v1::HolidayCalendarService::Stub::*rpc)(grpc::ClientContext*,
                                                                         const Req&, Resp*),
                   const Req& request, Resp* response) {
    grpc::ClientContext context;
    Prepare(context);
    return ((*calendar_).*rpc)(&context, request, response);
  }

  // Every day the list shows, paging with `page_size`.
  std::vector<v1::Holiday> AllHolidays(const std::string& filter, int page_size = 0,
                                       const std::string& order_by = "") {
    std::vector<v1::Holiday> out;
    v1::ListHolidaysRequest request;
    request.set_filter(filter);
    request.set_page_size(page_size);
    request.set_order_by(order_by);
    for (int pages = 0; pages < 100; ++pages) {
      v1::ListHolidaysResponse response;
      grpc::Status status =
          Cal(&v1::HolidayCalendarService::Stub::ListHolidays, request, &response);
      EXPECT_TRUE(status.ok()) << status.error_message();
      if (!status.ok()) break;
      out.insert(out.end(), response.holidays().begin(), response.holidays().end());
      if (response.next_page_token().empty()) break;
      request.set_page_token(response.next_page_token());
    }
    return out;
  }

  // AddWorkingDays as an ISO date, or the status code's name on failure.
  std::string AddWorkingDays(const google::type::Date& date, int days) {
    v1::AddWorkingDaysRequest request;
    *request.mutable_date() = date;
    request.set_days(days);
    v1::AddWorkingDaysResponse response;
    grpc::Status status =
        Cal(&v1::HolidayCalendarService::Stub::AddWorkingDays, request, &response);
    if (!status.ok()) return absl::StrCat("error ", status.error_code());
    return IsoDate(response.date());
  }

  int CountWorkingDays(const google::type::Date& start, const google::type::Date& end) {
    v1::CountWorkingDaysRequest request;
    *request.mutable_start_date() = start;
    *request.mutable_end_date() = end;
    v1::CountWorkingDaysResponse response;
    grpc::Status status =
        Cal(&v1::HolidayCalendarService::Stub::CountWorkingDays, request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response.working_days();
  }

  v1::CreateHolidayRequest NewDay(const google::type::Date& date, v1::HolidayKind kind,
                                  const std::string& display_name) {
    v1::CreateHolidayRequest request;
    *request.mutable_holiday()->mutable_date() = date;
    request.mutable_holiday()->set_kind(kind);
    request.mutable_holiday()->set_display_name(display_name);
    request.mutable_holiday()->set_source("Quyết định thử");
    request.mutable_holiday()->set_status("announced");
    return request;
  }

  // The audit trail's events on `resource`, read as the inspector.
  std::vector<v1::AuditEvent> AuditEventsOn(const std::string& resource) {
    auto audit = v1::AuditService::NewStub(channel());
    UseDemoAccount("inspector");
    v1::ListAuditEventsRequest request;
    request.set_filter(absl::StrCat("resource = \"", resource, "\""));
    request.set_page_size(500);
    v1::ListAuditEventsResponse response;
    grpc::ClientContext context;
    Prepare(context);
    grpc::Status status = audit->ListAuditEvents(&context, request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    UseDemoAccount("admin");
    return {response.events().begin(), response.events().end()};
  }

  std::unique_ptr<v1::HolidayCalendarService::Stub> calendar_;
};

std::vector<std::string> Names(const std::vector<v1::Holiday>& days) {
  std::vector<std::string> out;
  for (const auto& d : days) out.push_back(d.name());
  return out;
}

TEST_F(HolidayCalendarTest, ThePublicListsThe2025Calendar) {
  UsePublic();
  std::vector<v1::Holiday> days = AllHolidays("year = 2025");
  ASSERT_THAT(days, SizeIs(23));
  EXPECT_EQ(days.front().name(), "holidays/2025-01-01");
  EXPECT_EQ(days.back().name(), "holidays/2025-09-02");
  for (size_t i = 1; i < days.size(); ++i) EXPECT_LT(days[i - 1].name(), days[i].name());
  const v1::Holiday& tet = days[5];
  EXPECT_EQ(tet.name(), "holidays/2025-01-29");
  EXPECT_EQ(IsoDate(tet.date()), "2025-01-29");
  EXPECT_EQ(tet.kind(), v1::HOLIDAY_KIND_DAY_OFF);
  EXPECT_EQ(tet.display_name(), "Tết Nguyên đán Ất Tỵ");
  EXPECT_EQ(tet.status(), "announced");
  EXPECT_THAT(tet.source(), Not(IsEmpty()));
  EXPECT_THAT(tet.etag(), Not(IsEmpty()));

  // The same days in pages of 5, and newest first.
  EXPECT_EQ(Names(AllHolidays("year = 2025", 5)), Names(days));
  std::vector<std::string> reversed = Names(days);
  std::reverse(reversed.begin(), reversed.end());
  EXPECT_EQ(Names(AllHolidays("year = 2025", 7, "date desc")), reversed);

  EXPECT_THAT(Names(AllHolidays("year = 2025 AND kind = MAKEUP_WORKDAY")),
              ElementsAre("holidays/2025-04-26"));
  EXPECT_THAT(Names(AllHolidays("kind = HOLIDAY_KIND_MAKEUP_WORKDAY")),
              ElementsAre("holidays/2024-05-04", "holidays/2025-04-26", "holidays/2026-01-10",
                          "holidays/2026-08-22"));
  EXPECT_THAT(Names(AllHolidays("date >= 2025-04-29 AND date <= \"2025-05-05\"")),
              ElementsAre("holidays/2025-04-30", "holidays/2025-05-01", "holidays/2025-05-02",
                          "holidays/2025-05-03", "holidays/2025-05-04"));
  // 2022 to 2027 are all there.
  for (int year = 2022; year <= 2027; ++year) {
    EXPECT_THAT(AllHolidays(absl::StrCat("year = ", year)), Not(IsEmpty())) << year;
  }

  v1::GetHolidayRequest get;
  get.set_name("holidays/2025-01-29");
  v1::Holiday got;
  ASSERT_TRUE(Cal(&v1::HolidayCalendarService::Stub::GetHoliday, get, &got).ok());
  EXPECT_EQ(got.display_name(), "Tết Nguyên đán Ất Tỵ");
}

TEST_F(HolidayCalendarTest, BadNamesAndFiltersAreRefused) {
  UsePublic();
  v1::GetHolidayRequest get;
  v1::Holiday got;
  for (const char* name : {"holidays/2025-02-30", "holidays/29-01-2025", "units/1", ""}) {
    get.set_name(name);
    EXPECT_TRUE(
        IsInvalidArgument(Cal(&v1::HolidayCalendarService::Stub::GetHoliday, get, &got), {"name"}))
        << name;
  }
  get.set_name("holidays/2025-03-12");  // an ordinary Wednesday
  EXPECT_TRUE(IsApiError(Cal(&v1::HolidayCalendarService::Stub::GetHoliday, get, &got),
                         grpc::StatusCode::NOT_FOUND, "NOT_FOUND"));

  v1::ListHolidaysRequest list;
  v1::ListHolidaysResponse listed;
  for (const char* filter : {"year = 25", "year = abcd", "kind = HOLIDAY", "date = 2025-02-30",
                             "name = \"Tết\"", "year > 2024"}) {
    list.set_filter(filter);
    EXPECT_TRUE(IsInvalidArgument(
        Cal(&v1::HolidayCalendarService::Stub::ListHolidays, list, &listed), {"filter"}))
        << filter;
  }
}

TEST_F(HolidayCalendarTest, AddWorkingDaysAcrossTet) {
  UsePublic();
  // Tết Ất Tỵ: off from Saturday 25/1 to Sunday 2/2/2025. A pilot ending
  // Friday 24/1 has its completion report due 5 working days later.
  EXPECT_EQ(AddWorkingDays(MakeDate(2025, 1, 24), 5), "2025-02-07");
  EXPECT_EQ(AddWorkingDays(MakeDate(2025, 1, 29), 1), "2025-02-03");
  EXPECT_EQ(CountWorkingDays(MakeDate(2025, 1, 24), MakeDate(2025, 2, 3)), 1);
  // Tết Giáp Thìn (off 8–14/2/2024): submitted Wednesday 7/2, decision due
  // within 7 working days.
  EXPECT_EQ(AddWorkingDays(MakeDate(2024, 2, 7), 7), "2024-02-23");
  EXPECT_EQ(CountWorkingDays(MakeDate(2024, 2, 7), MakeDate(2024, 2, 23)), 7);
  // Tết Quý Mão (off 20–26/1/2023).
  EXPECT_EQ(AddWorkingDays(MakeDate(2023, 1, 18), 7), "2023-02-03");
  // Across a weekend, a make-up Saturday, backwards, and zero.
  EXPECT_EQ(AddWorkingDays(MakeDate(2025, 3, 7), 1), "2025-03-10");
  EXPECT_EQ(AddWorkingDays(MakeDate(2025, 4, 25), 1), "2025-04-26");
  EXPECT_EQ(AddWorkingDays(MakeDate(2025, 2, 3), -1), "2025-01-24");
  EXPECT_EQ(AddWorkingDays(MakeDate(2025, 3, 8), 0), "2025-03-08");
  EXPECT_EQ(CountWorkingDays(MakeDate(2025, 2, 3), MakeDate(2025, 1, 24)), -1);
  // 2/9/2023 fell on a Saturday: 1/9 and 4/9 were off.
  EXPECT_EQ(AddWorkingDays(MakeDate(2023, 8, 31), 1), "2023-09-05");

  v1::AddWorkingDaysRequest add;
  v1::AddWorkingDaysResponse added;
  add.set_days(3);
  EXPECT_TRUE(IsInvalidArgument(Cal(&v1::HolidayCalendarService::Stub::AddWorkingDays, add, &added),
                                {"date"}));
  *add.mutable_date() = MakeDate(2025, 2, 30);
  add.set_days(4000);
  EXPECT_TRUE(IsInvalidArgument(Cal(&v1::HolidayCalendarService::Stub::AddWorkingDays, add, &added),
                                {"date", "days"}));
  v1::CountWorkingDaysRequest count;
  v1::CountWorkingDaysResponse counted;
  *count.mutable_start_date() = MakeDate(2025, 1, 1);
  EXPECT_TRUE(IsInvalidArgument(
      Cal(&v1::HolidayCalendarService::Stub::CountWorkingDays, count, &counted), {"end_date"}));
}

TEST_F(HolidayCalendarTest, AdminKeepsTheCalendarAndDeadlinesFollow) {
  // Wednesday 12/3/2025 is an ordinary working day.
  EXPECT_EQ(AddWorkingDays(MakeDate(2025, 3, 11), 1), "2025-03-12");
  EXPECT_EQ(CountWorkingDays(MakeDate(2025, 3, 10), MakeDate(2025, 3, 14)), 4);

  v1::Holiday created;
  v1::CreateHolidayRequest create =
      NewDay(MakeDate(2025, 3, 12), v1::HOLIDAY_KIND_DAY_OFF, "Ngày nghỉ đột xuất (thử)");
  ASSERT_TRUE(Cal(&v1::HolidayCalendarService::Stub::CreateHoliday, create, &created).ok());
  EXPECT_EQ(created.name(), "holidays/2025-03-12");
  EXPECT_EQ(created.display_name(), "Ngày nghỉ đột xuất (thử)");
  EXPECT_THAT(created.etag(), Not(IsEmpty()));
  // Everyone counts around it at once.
  UsePublic();
  EXPECT_EQ(AddWorkingDays(MakeDate(2025, 3, 11), 1), "2025-03-13");
  EXPECT_EQ(CountWorkingDays(MakeDate(2025, 3, 10), MakeDate(2025, 3, 14)), 3);
  UseDemoAccount("admin");

  // One day, one row.
  v1::Holiday again;
  EXPECT_TRUE(IsApiError(Cal(&v1::HolidayCalendarService::Stub::CreateHoliday, create, &again),
                         grpc::StatusCode::ALREADY_EXISTS, "HOLIDAY_EXISTS"));

  // A weekday cannot be a make-up day.
  v1::UpdateHolidayRequest update;
  update.mutable_holiday()->set_name(created.name());
  update.mutable_holiday()->set_kind(v1::HOLIDAY_KIND_MAKEUP_WORKDAY);
  update.mutable_update_mask()->add_paths("kind");
  v1::Holiday updated;
  EXPECT_TRUE(IsInvalidArgument(
      Cal(&v1::HolidayCalendarService::Stub::UpdateHoliday, update, &updated), {"holiday.kind"}));
  // The date is the identity: it is not in the mask's reach.
  update.mutable_update_mask()->set_paths(0, "date");
  EXPECT_TRUE(IsInvalidArgument(
      Cal(&v1::HolidayCalendarService::Stub::UpdateHoliday, update, &updated), {"update_mask"}));

  update.mutable_holiday()->set_display_name("Ngày nghỉ bù (thử)");
  update.mutable_holiday()->set_etag(created.etag());
  update.mutable_update_mask()->set_paths(0, "display_name");
  ASSERT_TRUE(Cal(&v1::HolidayCalendarService::Stub::UpdateHoliday, update, &updated).ok());
  EXPECT_EQ(updated.display_name(), "Ngày nghỉ bù (thử)");
  EXPECT_EQ(updated.kind(), v1::HOLIDAY_KIND_DAY_OFF);
  EXPECT_EQ(updated.source(), "Quyết định thử");
  EXPECT_NE(updated.etag(), created.etag());
  // A stale etag changes nothing.
  EXPECT_TRUE(IsApiError(Cal(&v1::HolidayCalendarService::Stub::UpdateHoliday, update, &updated),
                         grpc::StatusCode::ABORTED, "ETAG_MISMATCH"));

  // A make-up Saturday after it.
  v1::Holiday saturday;
  ASSERT_TRUE(Cal(&v1::HolidayCalendarService::Stub::CreateHoliday,
                  NewDay(MakeDate(2025, 3, 15), v1::HOLIDAY_KIND_MAKEUP_WORKDAY,
                         "Làm bù cho ngày 12/3/2025 (thử)"),
                  &saturday)
                  .ok());
  EXPECT_EQ(AddWorkingDays(MakeDate(2025, 3, 14), 1), "2025-03-15");
  EXPECT_EQ(CountWorkingDays(MakeDate(2025, 3, 10), MakeDate(2025, 3, 17)), 5);

  // Deleting needs the current etag when one is sent.
  v1::DeleteHolidayRequest del;
  del.set_name(created.name());
  del.set_etag(created.etag());
  google::protobuf::Empty empty;
  EXPECT_TRUE(IsApiError(Cal(&v1::HolidayCalendarService::Stub::DeleteHoliday, del, &empty),
                         grpc::StatusCode::ABORTED, "ETAG_MISMATCH"));
  del.set_etag(updated.etag());
  ASSERT_TRUE(Cal(&v1::HolidayCalendarService::Stub::DeleteHoliday, del, &empty).ok());
  EXPECT_EQ(AddWorkingDays(MakeDate(2025, 3, 11), 1), "2025-03-12");
  EXPECT_TRUE(IsApiError(Cal(&v1::HolidayCalendarService::Stub::DeleteHoliday, del, &empty),
                         grpc::StatusCode::NOT_FOUND, "NOT_FOUND"));
  v1::GetHolidayRequest get;
  get.set_name(created.name());
  v1::Holiday got;
  EXPECT_TRUE(IsApiError(Cal(&v1::HolidayCalendarService::Stub::GetHoliday, get, &got),
                         grpc::StatusCode::NOT_FOUND, "NOT_FOUND"));

  // Each write left one event.
  std::vector<v1::AuditEvent> events = AuditEventsOn("holidays/2025-03-12");
  ASSERT_THAT(events, SizeIs(3));
  EXPECT_EQ(events[0].method(), "sangkien.v1.HolidayCalendarService/CreateHoliday");
  EXPECT_EQ(events[1].method(), "sangkien.v1.HolidayCalendarService/UpdateHoliday");
  EXPECT_EQ(events[2].method(), "sangkien.v1.HolidayCalendarService/DeleteHoliday");
  EXPECT_THAT(events[0].before_digest(), IsEmpty());
  EXPECT_THAT(events[2].after_digest(), SizeIs(64));
  EXPECT_EQ(events[2].before_digest(), events[1].after_digest());
}

TEST_F(HolidayCalendarTest, CreateChecksTheDayAndRetriesReturnTheFirstResult) {
  v1::CreateHolidayRequest empty_day;
  v1::Holiday created;
  EXPECT_TRUE(
      IsInvalidArgument(Cal(&v1::HolidayCalendarService::Stub::CreateHoliday, empty_day, &created),
                        {"holiday.date"}));
  *empty_day.mutable_holiday()->mutable_date() = MakeDate(2025, 3, 12);
  EXPECT_TRUE(
      IsInvalidArgument(Cal(&v1::HolidayCalendarService::Stub::CreateHoliday, empty_day, &created),
                        {"holiday.kind", "holiday.display_name"}));
  v1::CreateHolidayRequest weekday_makeup =
      NewDay(MakeDate(2025, 3, 12), v1::HOLIDAY_KIND_MAKEUP_WORKDAY, "Làm bù");
  EXPECT_TRUE(IsInvalidArgument(
      Cal(&v1::HolidayCalendarService::Stub::CreateHoliday, weekday_makeup, &created),
      {"holiday.kind"}));

  v1::CreateHolidayRequest request =
      NewDay(MakeDate(2027, 9, 1), v1::HOLIDAY_KIND_DAY_OFF, "Quốc khánh (ngày liền kề)");
  request.set_request_id("holiday-2027-09-01");
  ASSERT_TRUE(Cal(&v1::HolidayCalendarService::Stub::CreateHoliday, request, &created).ok());
  v1::Holiday retried;
  ASSERT_TRUE(Cal(&v1::HolidayCalendarService::Stub::CreateHoliday, request, &retried).ok());
  EXPECT_EQ(retried.name(), created.name());
  EXPECT_EQ(retried.etag(), created.etag());
  EXPECT_THAT(AuditEventsOn("holidays/2027-09-01"), SizeIs(1));
}

TEST_F(HolidayCalendarTest, OnlyAdminsWrite) {
  v1::CreateHolidayRequest create =
      NewDay(MakeDate(2025, 3, 12), v1::HOLIDAY_KIND_DAY_OFF, "Ngày nghỉ (thử)");
  v1::UpdateHolidayRequest update;
  update.mutable_holiday()->set_name("holidays/2025-01-01");
  update.mutable_holiday()->set_display_name("Tết Dương lịch (sửa)");
  update.mutable_update_mask()->add_paths("display_name");
  v1::DeleteHolidayRequest del;
  del.set_name("holidays/2025-01-01");
  v1::Holiday out;
  google::protobuf::Empty empty;

  UsePublic();
  EXPECT_TRUE(IsApiError(Cal(&v1::HolidayCalendarService::Stub::CreateHoliday, create, &out),
                         grpc::StatusCode::UNAUTHENTICATED, "TOKEN_REQUIRED"));
  EXPECT_TRUE(IsApiError(Cal(&v1::HolidayCalendarService::Stub::UpdateHoliday, update, &out),
                         grpc::StatusCode::UNAUTHENTICATED, "TOKEN_REQUIRED"));
  EXPECT_TRUE(IsApiError(Cal(&v1::HolidayCalendarService::Stub::DeleteHoliday, del, &empty),
                         grpc::StatusCode::UNAUTHENTICATED, "TOKEN_REQUIRED"));
  for (const char* who :
       {"staff Tân Lập", "kiosk Tân Lập", "coordinator", "approver", "inspector", "publisher"}) {
    SCOPED_TRACE(who);
    UseDemoAccount(who);
    EXPECT_TRUE(IsApiError(Cal(&v1::HolidayCalendarService::Stub::CreateHoliday, create, &out),
                           grpc::StatusCode::PERMISSION_DENIED, "PERMISSION_DENIED"));
    EXPECT_TRUE(IsApiError(Cal(&v1::HolidayCalendarService::Stub::UpdateHoliday, update, &out),
                           grpc::StatusCode::PERMISSION_DENIED, "PERMISSION_DENIED"));
    EXPECT_TRUE(IsApiError(Cal(&v1::HolidayCalendarService::Stub::DeleteHoliday, del, &empty),
                           grpc::StatusCode::PERMISSION_DENIED, "PERMISSION_DENIED"));
    // Reading and counting are for everyone.
    EXPECT_THAT(AllHolidays("year = 2025"), SizeIs(23));
    EXPECT_EQ(AddWorkingDays(MakeDate(2025, 1, 24), 5), "2025-02-07");
  }
  UseDemoAccount("admin");
  v1::GetHolidayRequest get;
  get.set_name("holidays/2025-01-01");
  ASSERT_TRUE(Cal(&v1::HolidayCalendarService::Stub::GetHoliday, get, &out).ok());
  EXPECT_EQ(out.display_name(), "Tết Dương lịch");
  EXPECT_THAT(AllHolidays("date = 2025-03-12"), IsEmpty());
}

TEST_F(HolidayCalendarTest, TheShippedDaysLoadOnceAndEditsSurviveARestart) {
  v1::DeleteHolidayRequest del;
  del.set_name("holidays/2025-01-01");
  google::protobuf::Empty empty;
  ASSERT_TRUE(Cal(&v1::HolidayCalendarService::Stub::DeleteHoliday, del, &empty).ok());
  v1::Holiday created;
  ASSERT_TRUE(Cal(&v1::HolidayCalendarService::Stub::CreateHoliday,
                  NewDay(MakeDate(2025, 3, 12), v1::HOLIDAY_KIND_DAY_OFF, "Ngày nghỉ (thử)"),
                  &created)
                  .ok());
  std::vector<std::string> before = Names(AllHolidays(""));

  Restart();
  // The deleted day stays deleted, the new one stays, and the calendar the
  // server counts with is the stored one.
  EXPECT_EQ(Names(AllHolidays("")), before);
  EXPECT_THAT(AllHolidays("year = 2025"), SizeIs(23));
  EXPECT_EQ(AddWorkingDays(MakeDate(2024, 12, 31), 1), "2025-01-01");
  EXPECT_EQ(AddWorkingDays(MakeDate(2025, 3, 11), 1), "2025-03-13");
  EXPECT_EQ(AddWorkingDays(MakeDate(2025, 1, 24), 5), "2025-02-07");
  EXPECT_THAT(AuditEventsOn("holidays"), SizeIs(1));
}

}  // namespace
}  // namespace sangkien::api_test
