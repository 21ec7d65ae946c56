// PublicityService end to end: broadcasts and their airings, case studies with
// images, announcements, publish windows over the fixture's clock, and the
// iCalendar export read back with libical.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <libical/ical.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "publicity_samples.h"
#include "rpc_errors.h"
#include "test_server.h"

namespace sangkien::api_test {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::SizeIs;
using Stub = v1::PublicityService::Stub;

absl::Time FromTs(const google::protobuf::Timestamp& t) {
  return absl::FromUnixSeconds(t.seconds()) + absl::Nanoseconds(t.nanos());
}

std::string Show(const google::protobuf::Timestamp& t) {
  return absl::FormatTime("%Y-%m-%d %H:%M", FromTs(t), absl::FixedTimeZone(7 * 3600));
}

std::vector<std::string> Starts(const v1::ListAiringsResponse& r) {
  std::vector<std::string> out;
  for (const auto& a : r.airings()) out.push_back(Show(a.start_time()));
  return out;
}

class PublicityTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (HasFatalFailure()) return;
    // Two communes the demo publicity does not use, so that lists show
    // only what each test creates.
    dong_son_ = UnitNamed("UBND xã Đông Sơn");
    yen_phu_ = UnitNamed("UBND xã Yên Phú");
    UseDemoAccount("publisher");
  }

  v1::Broadcast CreateBroadcast(const v1::Broadcast& b, const std::string& request_id = "") {
    v1::CreateBroadcastRequest r;
    *r.mutable_broadcast() = b;
    r.set_request_id(request_id);
    v1::Broadcast out;
    grpc::Status status = Call(&Stub::CreateBroadcast, r, &out);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return out;
  }
  grpc::Status TryCreateBroadcast(const v1::Broadcast& b) {
    v1::CreateBroadcastRequest r;
    *r.mutable_broadcast() = b;
    v1::Broadcast out;
    return Call(&Stub::CreateBroadcast, r, &out);
  }
  v1::CaseStudy CreateCaseStudy(const v1::CaseStudy& s) {
    v1::CreateCaseStudyRequest r;
    *r.mutable_case_study() = s;
    v1::CaseStudy out;
    grpc::Status status = Call(&Stub::CreateCaseStudy, r, &out);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return out;
  }
  v1::Announcement CreateAnnouncement(const v1::Announcement& a) {
    v1::CreateAnnouncementRequest r;
    *r.mutable_announcement() = a;
    v1::Announcement out;
    grpc::Status status = Call(&Stub::CreateAnnouncement, r, &out);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return out;
  }
  int BroadcastCount() {
    UseDemoAccount("publisher");
    v1::ListBroadcastsRequest r;
    r.set_page_size(500);
    v1::ListBroadcastsResponse out;
    EXPECT_TRUE(Call(&Stub::ListBroadcasts, r, &out).ok());
    return out.broadcasts_size();
  }
  v1::ListAiringsResponse Airings(const std::string& station, google::protobuf::Timestamp from,
                                  google::protobuf::Timestamp to) {
    v1::ListAiringsRequest r;
    r.set_station(station);
    *r.mutable_start_time() = from;
    *r.mutable_end_time() = to;
    v1::ListAiringsResponse out;
    grpc::Status status = Call(&Stub::ListAirings, r, &out);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return out;
  }
  grpc::Status GetCaseStudy(const std::string& name, v1::CaseStudy* out = nullptr) {
    v1::GetCaseStudyRequest r;
    r.set_name(name);
    v1::CaseStudy ignored;
    return Call(&Stub::GetCaseStudy, r, out ? out : &ignored);
  }
  // The case studies (announcements) of Đông Sơn the list shows.
  std::vector<std::string> CaseStudyNames(int page_size = 0) {
    std::vector<std::string> out;
    v1::ListCaseStudiesRequest r;
    r.set_page_size(page_size);
    r.set_filter(absl::StrCat("unit = \"", dong_son_, "\""));
    for (int pages = 0; pages < 50; ++pages) {
      v1::ListCaseStudiesResponse resp;
      grpc::Status status = Call(&Stub::ListCaseStudies, r, &resp);
      EXPECT_TRUE(status.ok()) << status.error_message();
      if (!status.ok()) break;
      if (page_size > 0 && !resp.next_page_token().empty()) {
        EXPECT_EQ(resp.case_studies_size(), page_size) << "a page that is not the last is full";
      }
      for (const auto& s : resp.case_studies()) out.push_back(s.name());
      if (resp.next_page_token().empty()) break;
      r.set_page_token(resp.next_page_token());
    }
    return out;
  }
  std::vector<std::string> AnnouncementNames(int page_size = 0) {
    std::vector<std::string> out;
    v1::ListAnnouncementsRequest r;
    r.set_page_size(page_size);
    r.set_filter(absl::StrCat("unit = \"", dong_son_, "\""));
    for (int pages = 0; pages < 50; ++pages) {
      v1::ListAnnouncementsResponse resp;
      grpc::Status status = Call(&Stub::ListAnnouncements, r, &resp);
      EXPECT_TRUE(status.ok()) << status.error_message();
      if (!status.ok()) break;
      if (page_size > 0 && !resp.next_page_token().empty()) {
        EXPECT_EQ(resp.announcements_size(), page_size) << "a page that is not the last is full";
      }
      for (const auto& a : resp.announcements()) out.push_back(a.name());
      if (resp.next_page_token().empty()) break;
      r.set_page_token(resp.next_page_token());
    }
    return out;
  }

  std::string dong_son_, yen_phu_;
};

// ---- broadcasts ----

TEST_F(PublicityTest, CreatesAndReadsABroadcast) {
  v1::Broadcast in = SampleBroadcast(dong_son_);
  in.add_links(SeedPlan());
  v1::Broadcast b = CreateBroadcast(in);
  EXPECT_TRUE(absl::StartsWith(b.name(), "broadcasts/")) << b.name();
  EXPECT_EQ(b.station(), dong_son_);
  EXPECT_EQ(b.station_display_name(), "UBND xã Đông Sơn");
  EXPECT_EQ(b.rrule(), "FREQ=DAILY");
  EXPECT_EQ(b.duration().seconds(), 1800);
  EXPECT_THAT(b.links(), ElementsAre(SeedPlan()));
  EXPECT_FALSE(b.etag().empty());
  UsePublic();
  v1::GetBroadcastRequest get;
  get.set_name(b.name());
  v1::Broadcast read;
  ASSERT_TRUE(Call(&Stub::GetBroadcast, get, &read).ok());
  EXPECT_EQ(read.SerializeAsString(), b.SerializeAsString());
}

TEST_F(PublicityTest, InvalidBroadcastsAreRefusedAndNothingIsWritten) {
  int before = BroadcastCount();
  struct Case {
    const char* what;
    std::function<void(v1::Broadcast&)> change;
    std::vector<std::string> fields;
  };
  std::vector<Case> cases = {
      {"unparseable rrule",
       [](v1::Broadcast& b) { b.set_rrule("FREQ=SOMETIMES"); },
       {"broadcast.rrule"}},
      {"not an rrule at all",
       [](v1::Broadcast& b) { b.set_rrule("hằng ngày"); },
       {"broadcast.rrule"}},
      {"too short",
       [](v1::Broadcast& b) { b.mutable_duration()->set_seconds(30); },
       {"broadcast.duration"}},
      {"too long",
       [](v1::Broadcast& b) { b.mutable_duration()->set_seconds(25 * 3600); },
       {"broadcast.duration"}},
      {"no duration", [](v1::Broadcast& b) { b.clear_duration(); }, {"broadcast.duration"}},
      {"no start", [](v1::Broadcast& b) { b.clear_start_time(); }, {"broadcast.start_time"}},
      {"no title, no station",
       [](v1::Broadcast& b) {
         b.clear_title();
         b.clear_station();
       },
       {"broadcast.title", "broadcast.station"}},
      {"bad link",
       [](v1::Broadcast& b) { b.add_links("http://example.com"); },
       {"broadcast.links[0]"}},
      {"override of no airing",
       [](v1::Broadcast& b) {
         v1::AiringOverride* o = b.add_overrides();
         *o->mutable_original_start_time() = LocalTimestamp(2026, 11, 27, 7);
         o->set_cancelled(true);
       },
       {"broadcast.overrides[0].original_start_time"}},
      {"override before the first airing",
       [](v1::Broadcast& b) {
         v1::AiringOverride* o = b.add_overrides();
         *o->mutable_original_start_time() = LocalTimestamp(2026, 10, 31, 6);
         o->set_cancelled(true);
       },
       {"broadcast.overrides[0].original_start_time"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    v1::Broadcast b = SampleBroadcast(dong_son_);
    c.change(b);
    EXPECT_TRUE(IsInvalidArgument(TryCreateBroadcast(b), c.fields));
  }
  // A station that does not exist.
  v1::Broadcast b = SampleBroadcast("units/99999");
  EXPECT_TRUE(IsInvalidArgument(TryCreateBroadcast(b), {"broadcast.station"}));
  EXPECT_EQ(BroadcastCount(), before);
}

TEST_F(PublicityTest, CreateWithTheSameRequestIdReturnsTheFirstBroadcast) {
  int before = BroadcastCount();
  v1::Broadcast first = CreateBroadcast(SampleBroadcast(dong_son_), "radio-1");
  v1::Broadcast again = CreateBroadcast(SampleBroadcast(dong_son_), "radio-1");
  EXPECT_EQ(again.name(), first.name());
  EXPECT_EQ(BroadcastCount(), before + 1);
  // The same id for a different broadcast is refused.
  v1::CreateBroadcastRequest other;
  *other.mutable_broadcast() = SampleBroadcast(yen_phu_);
  other.set_request_id("radio-1");
  v1::Broadcast out;
  EXPECT_EQ(Call(&Stub::CreateBroadcast, other, &out).error_code(),
            grpc::StatusCode::ALREADY_EXISTS);
  EXPECT_EQ(BroadcastCount(), before + 1);
}

TEST_F(PublicityTest, StaleEtagIsAbortedAndNothingChanges) {
  v1::Broadcast b = CreateBroadcast(SampleBroadcast(dong_son_));
  v1::UpdateBroadcastRequest first;
  first.mutable_broadcast()->set_name(b.name());
  first.mutable_broadcast()->set_etag(b.etag());
  first.mutable_broadcast()->set_title("Bản tin sáng");
  first.mutable_update_mask()->add_paths("title");
  v1::Broadcast updated;
  ASSERT_TRUE(Call(&Stub::UpdateBroadcast, first, &updated).ok());
  EXPECT_EQ(updated.title(), "Bản tin sáng");
  EXPECT_NE(updated.etag(), b.etag());

  v1::UpdateBroadcastRequest stale = first;
  stale.mutable_broadcast()->set_title("Bản tin chiều");
  v1::Broadcast out;
  EXPECT_TRUE(IsApiError(Call(&Stub::UpdateBroadcast, stale, &out), grpc::StatusCode::ABORTED,
                         "ETAG_MISMATCH"));
  v1::DeleteBroadcastRequest del;
  del.set_name(b.name());
  del.set_etag(b.etag());
  google::protobuf::Empty empty;
  EXPECT_TRUE(IsApiError(Call(&Stub::DeleteBroadcast, del, &empty), grpc::StatusCode::ABORTED,
                         "ETAG_MISMATCH"));
  v1::GetBroadcastRequest get;
  get.set_name(b.name());
  v1::Broadcast now;
  ASSERT_TRUE(Call(&Stub::GetBroadcast, get, &now).ok());
  EXPECT_EQ(now.title(), "Bản tin sáng");
  EXPECT_EQ(now.etag(), updated.etag());

  // An update that would make the broadcast invalid writes nothing either.
  v1::UpdateBroadcastRequest bad;
  bad.mutable_broadcast()->set_name(b.name());
  bad.mutable_broadcast()->set_rrule("FREQ=NEVER");
  bad.mutable_update_mask()->add_paths("rrule");
  EXPECT_TRUE(IsInvalidArgument(Call(&Stub::UpdateBroadcast, bad, &out), {"broadcast.rrule"}));
  ASSERT_TRUE(Call(&Stub::GetBroadcast, get, &now).ok());
  EXPECT_EQ(now.etag(), updated.etag());
}

TEST_F(PublicityTest, ListAiringsExpandsPublishedBroadcastsWithOverrides) {
  v1::Broadcast daily = SampleBroadcast(dong_son_);
  daily.add_exdates()->CopyFrom(LocalTimestamp(2026, 11, 29, 6));
  v1::AiringOverride* moved = daily.add_overrides();
  *moved->mutable_original_start_time() = LocalTimestamp(2026, 11, 28, 6);
  *moved->mutable_start_time() = LocalTimestamp(2026, 11, 28, 6, 30);
  moved->set_note("Dời sang 06:30 do tiếp sóng Đài tỉnh");
  v1::AiringOverride* cancelled = daily.add_overrides();
  *cancelled->mutable_original_start_time() = LocalTimestamp(2026, 11, 30, 6);
  cancelled->set_cancelled(true);
  CreateBroadcast(daily);
  v1::Broadcast weekly = SampleBroadcast(dong_son_);
  weekly.set_title("Chuyên mục Dám nghĩ, dám làm");
  *weekly.mutable_start_time() = LocalTimestamp(2026, 11, 5, 19);  // a Thursday
  weekly.set_rrule("FREQ=WEEKLY;BYDAY=TH");
  CreateBroadcast(weekly);
  CreateBroadcast(SampleBroadcast(dong_son_, v1::PUBLICATION_STATE_DRAFT));
  CreateBroadcast(SampleBroadcast(yen_phu_));

  UsePublic();
  v1::ListAiringsResponse r =
      Airings(dong_son_, LocalTimestamp(2026, 11, 26, 12), LocalTimestamp(2026, 12, 1, 12));
  EXPECT_THAT(Starts(r), ElementsAre("2026-11-26 19:00", "2026-11-27 06:00", "2026-11-28 06:30",
                                     "2026-12-01 06:00"));
  ASSERT_EQ(r.airings_size(), 4);
  EXPECT_EQ(r.airings(0).title(), "Chuyên mục Dám nghĩ, dám làm");
  EXPECT_TRUE(r.airings(2).moved());
  EXPECT_EQ(Show(r.airings(2).original_start_time()), "2026-11-28 06:00");
  EXPECT_EQ(r.airings(2).note(), "Dời sang 06:30 do tiếp sóng Đài tỉnh");
  EXPECT_EQ(r.airings(1).station_display_name(), "UBND xã Đông Sơn");

  // Every station: Yên Phú's airings too; the publisher sees the draft's.
  auto ours = [&] {
    int n = 0;
    v1::ListAiringsResponse all =
        Airings("", LocalTimestamp(2026, 11, 27, 0), LocalTimestamp(2026, 11, 28, 0));
    for (const auto& a : all.airings()) {
      if (a.station() == dong_son_ || a.station() == yen_phu_) ++n;
    }
    return n;
  };
  EXPECT_EQ(ours(), 2);
  UseDemoAccount("publisher");
  EXPECT_EQ(ours(), 3);

  // At most 62 days, and the end after the start.
  v1::ListAiringsRequest wide;
  *wide.mutable_start_time() = LocalTimestamp(2026, 11, 1, 0);
  *wide.mutable_end_time() = LocalTimestamp(2027, 1, 3, 0);
  v1::ListAiringsResponse out;
  EXPECT_TRUE(IsInvalidArgument(Call(&Stub::ListAirings, wide, &out), {"end_time"}));
  *wide.mutable_end_time() = LocalTimestamp(2026, 11, 1, 0);
  EXPECT_TRUE(IsInvalidArgument(Call(&Stub::ListAirings, wide, &out), {"end_time"}));
  wide.clear_start_time();
  EXPECT_TRUE(IsInvalidArgument(Call(&Stub::ListAirings, wide, &out), {"start_time"}));
}

TEST_F(PublicityTest, GetOnAirFollowsTheClock) {
  CreateBroadcast(SampleBroadcast(dong_son_));  // 06:00–06:30 daily
  v1::Broadcast evening = SampleBroadcast(dong_son_);
  evening.set_title("Bản tin thời sự xã buổi chiều");
  *evening.mutable_start_time() = LocalTimestamp(2026, 11, 1, 18);
  CreateBroadcast(evening);
  UsePublic();
  v1::GetOnAirRequest r;
  r.set_station(dong_son_);
  v1::GetOnAirResponse on;
  ASSERT_TRUE(Call(&Stub::GetOnAir, r, &on).ok());
  ASSERT_THAT(on.stations(), SizeIs(1));
  EXPECT_EQ(on.as_of().seconds(), absl::ToUnixSeconds(Now()));
  EXPECT_FALSE(on.stations(0).has_now());  // 09:00
  EXPECT_EQ(Show(on.stations(0).next().start_time()), "2026-11-27 18:00");

  AdvanceClock(absl::Hours(21) + absl::Minutes(10));  // 28/11 06:10
  ASSERT_TRUE(Call(&Stub::GetOnAir, r, &on).ok());
  ASSERT_THAT(on.stations(), SizeIs(1));
  ASSERT_TRUE(on.stations(0).has_now());
  EXPECT_EQ(Show(on.stations(0).now().start_time()), "2026-11-28 06:00");
  EXPECT_EQ(Show(on.stations(0).now().end_time()), "2026-11-28 06:30");
  EXPECT_EQ(Show(on.stations(0).next().start_time()), "2026-11-28 18:00");
  EXPECT_EQ(on.stations(0).next().title(), "Bản tin thời sự xã buổi chiều");

  // Every station with a published broadcast, ours among them.
  r.clear_station();
  ASSERT_TRUE(Call(&Stub::GetOnAir, r, &on).ok());
  int found = 0;
  for (const auto& station : on.stations()) {
    EXPECT_NE(station.station(), yen_phu_);  // nothing published there
    if (station.station() != dong_son_) continue;
    ++found;
    EXPECT_EQ(Show(station.now().start_time()), "2026-11-28 06:00");
  }
  EXPECT_EQ(found, 1);
}

TEST_F(PublicityTest, DraftsAreNotFoundForThePublicAndKiosks) {
  v1::Broadcast draft = CreateBroadcast(SampleBroadcast(dong_son_, v1::PUBLICATION_STATE_DRAFT));
  v1::CaseStudy cs = CreateCaseStudy(SampleCaseStudy(dong_son_, v1::PUBLICATION_STATE_DRAFT));
  v1::Announcement a =
      CreateAnnouncement(SampleAnnouncement(dong_son_, v1::PUBLICATION_STATE_DRAFT));
  for (const char* who : {"", "kiosk Tân Lập", "staff Tân Lập"}) {
    SCOPED_TRACE(who);
    if (*who) {
      UseDemoAccount(who);
    } else {
      UsePublic();
    }
    v1::GetBroadcastRequest gb;
    gb.set_name(draft.name());
    v1::Broadcast b;
    EXPECT_TRUE(
        IsApiError(Call(&Stub::GetBroadcast, gb, &b), grpc::StatusCode::NOT_FOUND, "NOT_FOUND"));
    EXPECT_TRUE(IsApiError(GetCaseStudy(cs.name()), grpc::StatusCode::NOT_FOUND, "NOT_FOUND"));
    v1::GetAnnouncementRequest ga;
    ga.set_name(a.name());
    v1::Announcement out;
    EXPECT_TRUE(IsApiError(Call(&Stub::GetAnnouncement, ga, &out), grpc::StatusCode::NOT_FOUND,
                           "NOT_FOUND"));
    v1::ListBroadcastsRequest lr;
    lr.set_filter(absl::StrCat("station = \"", dong_son_, "\""));
    v1::ListBroadcastsResponse lb;
    ASSERT_TRUE(Call(&Stub::ListBroadcasts, lr, &lb).ok());
    EXPECT_THAT(lb.broadcasts(), IsEmpty());
    EXPECT_THAT(CaseStudyNames(), IsEmpty());
    EXPECT_THAT(AnnouncementNames(), IsEmpty());
  }
  for (const char* who : {"publisher", "coordinator", "inspector"}) {
    SCOPED_TRACE(who);
    UseDemoAccount(who);
    EXPECT_TRUE(GetCaseStudy(cs.name()).ok());
    EXPECT_THAT(CaseStudyNames(), ElementsAre(cs.name()));
  }
}

// ---- publish windows ----

TEST_F(PublicityTest, CaseStudyWindowOpensAndClosesWithTheClock) {
  v1::CaseStudy in = SampleCaseStudy(dong_son_);
  *in.mutable_publish_time() = ToTimestamp(Now() + absl::Hours(1));
  *in.mutable_unpublish_time() = ToTimestamp(Now() + absl::Hours(3));
  v1::CaseStudy windowed = CreateCaseStudy(in);
  v1::CaseStudy always = CreateCaseStudy(SampleCaseStudy(dong_son_));
  UsePublic();
  // Before the window.
  EXPECT_TRUE(IsApiError(GetCaseStudy(windowed.name()), grpc::StatusCode::NOT_FOUND, "NOT_FOUND"));
  EXPECT_THAT(CaseStudyNames(), ElementsAre(always.name()));
  // Inside it, from its first second.
  AdvanceClock(absl::Hours(1));
  EXPECT_TRUE(GetCaseStudy(windowed.name()).ok());
  EXPECT_THAT(CaseStudyNames(1), ElementsAre(always.name(), windowed.name()));
  // After it: unpublish_time itself is outside.
  AdvanceClock(absl::Hours(2));
  EXPECT_TRUE(IsApiError(GetCaseStudy(windowed.name()), grpc::StatusCode::NOT_FOUND, "NOT_FOUND"));
  EXPECT_THAT(CaseStudyNames(), ElementsAre(always.name()));
  // The publisher sees it throughout.
  UseDemoAccount("publisher");
  EXPECT_TRUE(GetCaseStudy(windowed.name()).ok());
}

TEST_F(PublicityTest, AnnouncementListsFilterTheWindowInTheQuery) {
  std::vector<std::string> visible;
  for (int i = 0; i < 7; ++i) {
    v1::Announcement a = SampleAnnouncement(dong_son_);
    a.set_title(absl::StrCat("Thông báo số ", i));
    if (i % 3 == 1) {  // expired
      *a.mutable_publish_time() = ToTimestamp(Now() - absl::Hours(48));
      *a.mutable_unpublish_time() = ToTimestamp(Now() - absl::Hours(24));
    } else if (i % 3 == 2) {  // not yet
      *a.mutable_publish_time() = ToTimestamp(Now() + absl::Hours(24));
    }
    AdvanceClock(absl::Seconds(1));
    v1::Announcement created = CreateAnnouncement(a);
    if (i % 3 == 0) visible.push_back(created.name());
  }
  std::reverse(visible.begin(), visible.end());  // newest first
  UsePublic();
  EXPECT_THAT(AnnouncementNames(1), ::testing::ElementsAreArray(visible));
  EXPECT_THAT(AnnouncementNames(2), ::testing::ElementsAreArray(visible));
  UseDemoAccount("publisher");
  EXPECT_THAT(AnnouncementNames(2), SizeIs(7));
  // A day later the future ones are out too.
  AdvanceClock(absl::Hours(24));
  UsePublic();
  EXPECT_THAT(AnnouncementNames(2), SizeIs(visible.size() + 2));
}

TEST_F(PublicityTest, WindowsMustNotBeEmpty) {
  v1::Announcement a = SampleAnnouncement(dong_son_);
  *a.mutable_publish_time() = ToTimestamp(Now());
  *a.mutable_unpublish_time() = ToTimestamp(Now() - absl::Hours(1));
  a.set_state(static_cast<v1::PublicationState>(7));
  v1::CreateAnnouncementRequest r;
  *r.mutable_announcement() = a;
  v1::Announcement out;
  EXPECT_TRUE(IsInvalidArgument(Call(&Stub::CreateAnnouncement, r, &out),
                                {"announcement.unpublish_time", "announcement.state"}));
  EXPECT_THAT(AnnouncementNames(), IsEmpty());
}

// ---- case studies and images ----

TEST_F(PublicityTest, CaseStudyLinksAnExistingProposal) {
  v1::CaseStudy in = SampleCaseStudy(dong_son_);
  in.set_proposal("proposals/99999");
  v1::CreateCaseStudyRequest r;
  *r.mutable_case_study() = in;
  v1::CaseStudy out;
  EXPECT_TRUE(IsInvalidArgument(Call(&Stub::CreateCaseStudy, r, &out), {"case_study.proposal"}));
  v1::Proposal p = ProposalIn(v1::PROPOSAL_STATE_DRAFT, "staff Tân Lập");
  UseDemoAccount("publisher");
  r.mutable_case_study()->set_proposal(p.name());
  ASSERT_TRUE(Call(&Stub::CreateCaseStudy, r, &out).ok());
  EXPECT_EQ(out.proposal(), p.name());
}

TEST_F(PublicityTest, ImagesAreCheckedAndServedWithTheirData) {
  v1::CaseStudy cs = CreateCaseStudy(SampleCaseStudy(dong_son_));
  auto add = [&](const std::string& type, const std::string& data, v1::CaseStudyImage* out) {
    v1::AddCaseStudyImageRequest r;
    r.set_parent(cs.name());
    r.mutable_image()->set_content_type(type);
    r.mutable_image()->set_data(data);
    r.mutable_image()->set_caption("Bộ phận một cửa xã Tân Lập");
    return Call(&Stub::AddCaseStudyImage, r, out);
  };
  v1::CaseStudyImage out;
  std::string jpeg_magic("\xFF\xD8\xFF\xE0", 4);
  grpc::Status wrong_type = add("image/jpeg", SamplePng(), &out);
  EXPECT_TRUE(IsInvalidArgument(wrong_type, {"image.data"}));
  EXPECT_THAT(DecodeError(wrong_type).message, ::testing::HasSubstr("image/png"));
  EXPECT_TRUE(IsInvalidArgument(add("image/gif", "GIF89a....", &out), {"image.content_type"}));
  EXPECT_TRUE(IsInvalidArgument(add("image/png", "not an image", &out), {"image.data"}));
  EXPECT_TRUE(IsInvalidArgument(add("image/png", "", &out), {"image.data"}));
  std::string big = jpeg_magic + std::string(2 * 1024 * 1024, 'x');
  grpc::Status too_big = add("image/jpeg", big, &out);
  EXPECT_TRUE(IsInvalidArgument(too_big, {"image.data"}));
  EXPECT_THAT(DecodeError(too_big).message, ::testing::HasSubstr("2 MiB"));
  // A WebP header is accepted.
  ASSERT_TRUE(add("image/webp", std::string("RIFF\x10\0\0\0WEBPVP8 ", 16), &out).ok());

  v1::CaseStudy unchanged;
  ASSERT_TRUE(GetCaseStudy(cs.name(), &unchanged).ok());
  ASSERT_THAT(unchanged.images(), SizeIs(1));  // only the WebP
  std::string webp = unchanged.images(0).name();

  ASSERT_TRUE(add("image/png", SamplePng(), &out).ok());
  EXPECT_EQ(out.size_bytes(), static_cast<int64_t>(SamplePng().size()));
  EXPECT_THAT(out.sha256(), SizeIs(64));
  EXPECT_TRUE(out.data().empty());
  UsePublic();
  v1::CaseStudy read;
  ASSERT_TRUE(GetCaseStudy(cs.name(), &read).ok());
  ASSERT_THAT(read.images(), SizeIs(2));
  EXPECT_EQ(read.images(1).name(), out.name());
  EXPECT_EQ(read.images(1).caption(), "Bộ phận một cửa xã Tân Lập");
  EXPECT_TRUE(read.images(1).data().empty());
  EXPECT_NE(read.etag(), cs.etag());
  v1::GetCaseStudyImageRequest get;
  get.set_name(out.name());
  v1::CaseStudyImage image;
  ASSERT_TRUE(Call(&Stub::GetCaseStudyImage, get, &image).ok());
  EXPECT_EQ(image.data(), SamplePng());
  EXPECT_EQ(image.content_type(), "image/png");

  UseDemoAccount("publisher");
  v1::DeleteCaseStudyImageRequest del;
  del.set_name(webp);
  google::protobuf::Empty empty;
  ASSERT_TRUE(Call(&Stub::DeleteCaseStudyImage, del, &empty).ok());
  ASSERT_TRUE(GetCaseStudy(cs.name(), &read).ok());
  ASSERT_THAT(read.images(), SizeIs(1));
  get.set_name(webp);
  EXPECT_TRUE(IsApiError(Call(&Stub::GetCaseStudyImage, get, &image), grpc::StatusCode::NOT_FOUND,
                         "NOT_FOUND"));
  // Deleting the case study takes its images along.
  v1::DeleteCaseStudyRequest gone;
  gone.set_name(cs.name());
  ASSERT_TRUE(Call(&Stub::DeleteCaseStudy, gone, &empty).ok());
  get.set_name(out.name());
  EXPECT_TRUE(IsApiError(Call(&Stub::GetCaseStudyImage, get, &image), grpc::StatusCode::NOT_FOUND,
                         "NOT_FOUND"));
}

TEST_F(PublicityTest, RetriedCreatesReturnTheFirstResult) {
  v1::CaseStudy cs = CreateCaseStudy(SampleCaseStudy(dong_son_));
  v1::AddCaseStudyImageRequest add;
  add.set_parent(cs.name());
  add.mutable_image()->set_content_type("image/png");
  add.mutable_image()->set_data(SamplePng());
  add.set_request_id("anh-1");
  v1::CaseStudyImage first, again;
  ASSERT_TRUE(Call(&Stub::AddCaseStudyImage, add, &first).ok());
  ASSERT_TRUE(Call(&Stub::AddCaseStudyImage, add, &again).ok());
  EXPECT_EQ(again.name(), first.name());
  EXPECT_EQ(again.sha256(), first.sha256());
  v1::CaseStudy read;
  ASSERT_TRUE(GetCaseStudy(cs.name(), &read).ok());
  EXPECT_THAT(read.images(), SizeIs(1));

  v1::CreateAnnouncementRequest a;
  *a.mutable_announcement() = SampleAnnouncement(dong_son_);
  a.set_request_id("tb-1");
  v1::Announcement a1, a2;
  ASSERT_TRUE(Call(&Stub::CreateAnnouncement, a, &a1).ok());
  ASSERT_TRUE(Call(&Stub::CreateAnnouncement, a, &a2).ok());
  EXPECT_EQ(a2.name(), a1.name());
  EXPECT_THAT(AnnouncementNames(), SizeIs(1));

  v1::CreateCaseStudyRequest c;
  *c.mutable_case_study() = SampleCaseStudy(dong_son_);
  c.set_request_id("mh-1");
  v1::CaseStudy c1, c2;
  ASSERT_TRUE(Call(&Stub::CreateCaseStudy, c, &c1).ok());
  ASSERT_TRUE(Call(&Stub::CreateCaseStudy, c, &c2).ok());
  EXPECT_EQ(c2.name(), c1.name());
  EXPECT_THAT(CaseStudyNames(), SizeIs(2));  // the one above and this one
}

// ---- iCalendar ----

struct ParsedEvent {
  std::string uid;
  icaltimetype start;
  int duration_seconds = 0;
  std::string rrule;
  std::vector<icaltimetype> exdates;
  bool has_recurrence_id = false;
  icaltimetype recurrence_id;
  bool cancelled = false;
};

absl::Time LocalIcal(const icaltimetype& t) {
  return absl::FromCivil(absl::CivilSecond(t.year, t.month, t.day, t.hour, t.minute, t.second),
                         absl::FixedTimeZone(7 * 3600));
}

TEST_F(PublicityTest, ExportedCalendarExpandsToTheSameAirings) {
  v1::Broadcast daily = SampleBroadcast(dong_son_);
  daily.add_exdates()->CopyFrom(LocalTimestamp(2026, 11, 29, 6));
  v1::AiringOverride* moved = daily.add_overrides();
  *moved->mutable_original_start_time() = LocalTimestamp(2026, 11, 28, 6);
  *moved->mutable_start_time() = LocalTimestamp(2026, 11, 28, 7);
  moved->mutable_duration()->set_seconds(45 * 60);
  v1::AiringOverride* cancelled = daily.add_overrides();
  *cancelled->mutable_original_start_time() = LocalTimestamp(2026, 12, 2, 6);
  cancelled->set_cancelled(true);
  CreateBroadcast(daily);
  v1::Broadcast monthly = SampleBroadcast(dong_son_);
  monthly.set_title("Gương điển hình tiên tiến");
  *monthly.mutable_start_time() = LocalTimestamp(2026, 10, 30, 20);
  monthly.set_rrule("FREQ=MONTHLY;BYDAY=-1FR");
  monthly.mutable_duration()->set_seconds(3600);
  CreateBroadcast(monthly);
  CreateBroadcast(SampleBroadcast(dong_son_, v1::PUBLICATION_STATE_DRAFT));

  UsePublic();
  v1::ExportCalendarRequest r;
  r.set_station(dong_son_);
  v1::ExportCalendarResponse ics;
  ASSERT_TRUE(Call(&Stub::ExportCalendar, r, &ics).ok());
  EXPECT_EQ(ics.content_type(), "text/calendar; charset=utf-8");
  EXPECT_EQ(ics.file_name(), "lich-phat-thanh-dong-son.ics");
  EXPECT_TRUE(absl::StartsWith(ics.data(), "BEGIN:VCALENDAR\r\n")) << ics.data();
  EXPECT_THAT(ics.data(), ::testing::HasSubstr("VERSION:2.0\r\n"));
  EXPECT_THAT(ics.data(), ::testing::HasSubstr("PRODID:"));
  EXPECT_EQ(ics.data().find("\n"), ics.data().find("\r\n") + 1) << "lines end in CRLF";

  icalcomponent* cal = icalparser_parse_string(ics.data().c_str());
  ASSERT_NE(cal, nullptr);
  std::vector<ParsedEvent> events;
  for (icalcomponent* ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
       ev != nullptr; ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
    ParsedEvent e;
    e.uid = icalcomponent_get_uid(ev);
    icalproperty* dtstart = icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY);
    ASSERT_NE(dtstart, nullptr);
    icalparameter* tzid = icalproperty_get_first_parameter(dtstart, ICAL_TZID_PARAMETER);
    ASSERT_NE(tzid, nullptr);
    EXPECT_STREQ(icalparameter_get_tzid(tzid), "Asia/Ho_Chi_Minh");
    e.start = icalproperty_get_dtstart(dtstart);
    icalproperty* duration = icalcomponent_get_first_property(ev, ICAL_DURATION_PROPERTY);
    ASSERT_NE(duration, nullptr);
    e.duration_seconds = icaldurationtype_as_int(icalproperty_get_duration(duration));
    if (icalproperty* rr = icalcomponent_get_first_property(ev, ICAL_RRULE_PROPERTY)) {
      icalrecurrencetype rule = icalproperty_get_rrule(rr);
      e.rrule = icalrecurrencetype_as_string(&rule);
    }
    for (icalproperty* ex = icalcomponent_get_first_property(ev, ICAL_EXDATE_PROPERTY);
         ex != nullptr; ex = icalcomponent_get_next_property(ev, ICAL_EXDATE_PROPERTY)) {
      e.exdates.push_back(icalproperty_get_exdate(ex));
    }
    if (icalproperty* rid = icalcomponent_get_first_property(ev, ICAL_RECURRENCEID_PROPERTY)) {
      e.has_recurrence_id = true;
      e.recurrence_id = icalproperty_get_recurrenceid(rid);
    }
    if (icalproperty* st = icalcomponent_get_first_property(ev, ICAL_STATUS_PROPERTY)) {
      e.cancelled = icalproperty_get_status(st) == ICAL_STATUS_CANCELLED;
    }
    events.push_back(e);
  }
  icalcomponent_free(cal);
  ASSERT_THAT(events, SizeIs(4));  // two masters, two overrides; no draft

  // Expand the parsed file with libical and compare with ListAirings.
  absl::Time from = FromTs(LocalTimestamp(2026, 11, 26, 0));
  absl::Time to = FromTs(LocalTimestamp(2027, 1, 1, 0));
  std::multiset<std::pair<int64_t, int64_t>> expanded;  // (start, end) in unix seconds
  std::set<std::string> uids;
  for (const ParsedEvent& e : events) {
    uids.insert(e.uid);
    if (e.has_recurrence_id) continue;
    std::set<int64_t> excluded;
    for (const auto& ex : e.exdates) excluded.insert(absl::ToUnixSeconds(LocalIcal(ex)));
    for (const ParsedEvent& o : events) {
      if (o.uid == e.uid && o.has_recurrence_id) {
        excluded.insert(absl::ToUnixSeconds(LocalIcal(o.recurrence_id)));
        if (o.cancelled) continue;
        absl::Time s = LocalIcal(o.start);
        absl::Time end = s + absl::Seconds(o.duration_seconds);
        if (s < to && end > from)
          expanded.insert({absl::ToUnixSeconds(s), absl::ToUnixSeconds(end)});
      }
    }
    icalrecur_iterator* it =
        icalrecur_iterator_new(icalrecurrencetype_from_string(e.rrule.c_str()), e.start);
    ASSERT_NE(it, nullptr) << e.rrule;
    for (icaltimetype t = icalrecur_iterator_next(it); !icaltime_is_null_time(t);
         t = icalrecur_iterator_next(it)) {
      absl::Time s = LocalIcal(t);
      if (s >= to) break;
      absl::Time end = s + absl::Seconds(e.duration_seconds);
      if (end <= from || excluded.count(absl::ToUnixSeconds(s))) continue;
      expanded.insert({absl::ToUnixSeconds(s), absl::ToUnixSeconds(end)});
    }
    icalrecur_iterator_free(it);
  }
  EXPECT_THAT(uids, SizeIs(2));
  for (const std::string& uid : uids) {
    EXPECT_TRUE(absl::StartsWith(uid, "broadcasts/") && absl::EndsWith(uid, "@sangkien")) << uid;
  }
  v1::ListAiringsResponse listed = Airings(dong_son_, ToTimestamp(from), ToTimestamp(to));
  std::multiset<std::pair<int64_t, int64_t>> from_api;
  for (const auto& a : listed.airings()) {
    from_api.insert({a.start_time().seconds(), a.end_time().seconds()});
  }
  // 36 mornings from 26/11 to 31/12, less the EXDATE and the cancelled one,
  // plus the last Fridays of November and December.
  EXPECT_THAT(listed.airings(), SizeIs(36 - 1 - 1 + 2));
  EXPECT_EQ(expanded, from_api);
}

TEST_F(PublicityTest, ExportsAUnitsDeadlinesAsAllDayEvents) {
  UsePublic();
  v1::ExportCalendarRequest r;
  r.set_unit(UnitNamed("UBND xã Tân Lập"));
  v1::ExportCalendarResponse ics;
  ASSERT_TRUE(Call(&Stub::ExportCalendar, r, &ics).ok());
  EXPECT_EQ(ics.file_name(), "han-nhiem-vu-tan-lap.ics");
  icalcomponent* cal = icalparser_parse_string(ics.data().c_str());
  ASSERT_NE(cal, nullptr);
  int all_day = 0, yearly = 0, yearly_on_30_11 = 0;
  for (icalcomponent* ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
       ev != nullptr; ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
    icaltimetype start = icalcomponent_get_dtstart(ev);
    if (start.is_date) ++all_day;
    if (icalproperty* rr = icalcomponent_get_first_property(ev, ICAL_RRULE_PROPERTY)) {
      icalrecurrencetype rule = icalproperty_get_rrule(rr);
      EXPECT_EQ(rule.freq, ICAL_YEARLY_RECURRENCE);
      ++yearly;
      if (start.month == 11 && start.day == 30) ++yearly_on_30_11;
    }
  }
  int events = icalcomponent_count_components(cal, ICAL_VEVENT_COMPONENT);
  icalcomponent_free(cal);
  // The seed plan gives Tân Lập assignments; the yearly report is due 30/11.
  EXPECT_GT(events, 0);
  EXPECT_EQ(all_day, events);
  EXPECT_GT(yearly_on_30_11, 0);
  EXPECT_LE(yearly, events);

  v1::ExportCalendarRequest none;
  EXPECT_TRUE(IsInvalidArgument(Call(&Stub::ExportCalendar, none, &ics), {"source"}));
  none.set_station("units/99999");
  EXPECT_TRUE(IsApiError(Call(&Stub::ExportCalendar, none, &ics), grpc::StatusCode::NOT_FOUND,
                         "NOT_FOUND"));
}

// ---- the demo district ----

TEST_F(PublicityTest, TheDemoCommuneRadioAirsItsSchedule) {
  UsePublic();
  const std::string tan_lap = UnitNamed("UBND xã Tân Lập");
  // Thursday 26/11/2026 and Friday 27/11, the last Friday of November.
  v1::ListAiringsResponse r =
      Airings(tan_lap, LocalTimestamp(2026, 11, 26, 0), LocalTimestamp(2026, 11, 28, 0));
  std::vector<std::string> schedule;
  for (const auto& a : r.airings()) schedule.push_back(Show(a.start_time()) + " " + a.title());
  EXPECT_THAT(
      schedule,
      ElementsAre("2026-11-26 06:00 Bản tin thời sự xã", "2026-11-26 18:00 Bản tin thời sự xã",
                  "2026-11-26 19:00 Chuyên mục Dám nghĩ, dám làm",
                  "2026-11-27 06:00 Bản tin thời sự xã", "2026-11-27 18:00 Bản tin thời sự xã",
                  "2026-11-27 19:30 Cải cách hành chính – Người dân hỏi, chính quyền trả lời"));
  // The evening news of 02/12 is moved for the district's live broadcast.
  r = Airings(tan_lap, LocalTimestamp(2026, 12, 2, 12), LocalTimestamp(2026, 12, 3, 0));
  ASSERT_THAT(r.airings(), SizeIs(1));
  EXPECT_EQ(Show(r.airings(0).start_time()), "2026-12-02 19:30");
  EXPECT_TRUE(r.airings(0).moved());
  // The district radio has its own programme.
  v1::GetOnAirResponse on;
  ASSERT_TRUE(Call(&Stub::GetOnAir, v1::GetOnAirRequest(), &on).ok());
  std::set<std::string> stations;
  for (const auto& s : on.stations()) stations.insert(s.station_display_name());
  EXPECT_TRUE(stations.count("UBND xã Tân Lập"));
  EXPECT_TRUE(stations.count("Trung tâm Văn hóa, Thông tin, Thể thao và Du lịch"));
}

TEST_F(PublicityTest, TheDemoCaseStudiesAndAnnouncementsArePublic) {
  UsePublic();
  v1::ListCaseStudiesResponse studies;
  ASSERT_TRUE(Call(&Stub::ListCaseStudies, v1::ListCaseStudiesRequest(), &studies).ok());
  ASSERT_THAT(studies.case_studies(), SizeIs(3));
  int featured = 0, linked = 0;
  std::string image;
  for (const auto& s : studies.case_studies()) {
    if (s.featured()) {
      ++featured;
      ASSERT_THAT(s.images(), SizeIs(1));
      image = s.images(0).name();
    }
    if (!s.proposal().empty()) ++linked;
  }
  EXPECT_EQ(featured, 1);
  EXPECT_EQ(linked, 1);
  v1::GetCaseStudyImageRequest get;
  get.set_name(image);
  v1::CaseStudyImage png;
  ASSERT_TRUE(Call(&Stub::GetCaseStudyImage, get, &png).ok());
  EXPECT_EQ(png.data().substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));

  auto titles = [&] {
    v1::ListAnnouncementsResponse list;
    EXPECT_TRUE(Call(&Stub::ListAnnouncements, v1::ListAnnouncementsRequest(), &list).ok());
    std::vector<std::string> out;
    for (const auto& a : list.announcements()) out.push_back(a.title());
    return out;
  };
  EXPECT_THAT(titles(), ElementsAre("Lịch tiếp công dân tháng 12/2026"));
  AdvanceClock(absl::Hours(24 * 4));  // 01/12, 09:00
  EXPECT_THAT(titles(), ElementsAre("Hội nghị biểu dương cán bộ dám nghĩ, dám làm năm 2026",
                                    "Lịch tiếp công dân tháng 12/2026"));
  UseDemoAccount("publisher");
  EXPECT_THAT(titles(), SizeIs(3));  // the expired one too
}

}  // namespace
}  // namespace sangkien::api_test
