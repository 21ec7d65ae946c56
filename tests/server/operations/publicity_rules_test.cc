// The rules PublicityOperations enforces on every command, whichever door it
// came through: each refusal names the fields the API reports, in English and
// Vietnamese, and writes nothing.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "calendar/civil_date.h"
#include "domain/validation.h"
#include "operations/publicity_operations.h"
#include "operations_fixture.h"
#include "status/errors.h"

namespace sangkien::operations {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;
using ::testing::UnorderedElementsAreArray;

std::vector<std::string> FieldsOf(const absl::Status& status) {
  std::vector<std::string> out;
  for (const FieldViolation& v : ErrorFieldViolations(status)) {
    EXPECT_FALSE(v.description.empty()) << v.field;
    EXPECT_FALSE(v.description_vi.empty()) << v.field;
    out.push_back(v.field);
  }
  return out;
}

// The one violation's English text.
std::string DescriptionOf(const absl::Status& status) {
  auto violations = ErrorFieldViolations(status);
  return violations.size() == 1 ? violations[0].description : "";
}

::testing::AssertionResult RefusedOn(const absl::Status& status,
                                     const std::vector<std::string>& fields) {
  if (status.code() != absl::StatusCode::kInvalidArgument) {
    return ::testing::AssertionFailure() << "not INVALID_ARGUMENT: " << status;
  }
  ::testing::Matcher<std::vector<std::string>> m = UnorderedElementsAreArray(fields);
  if (!m.Matches(FieldsOf(status))) return ::testing::AssertionFailure() << status;
  return ::testing::AssertionSuccess();
}

class PublicityRulesTest : public OperationsTest {
 protected:
  void SetUp() override {
    OperationsTest::SetUp();
    publicity_ = std::make_unique<PublicityOperations>(*db_, [this] { return now_; });
  }

  static absl::Time Local(int y, int m, int d, int hh, int mm = 0) {
    return absl::FromCivil(absl::CivilSecond(y, m, d, hh, mm, 0), calendar::DistrictTimeZone());
  }

  // The commune news at 06:00 every day from 1/11/2026, 30 minutes.
  domain::Broadcast Daily() {
    domain::Broadcast b;
    b.station_unit_id = tan_lap_;
    b.title = "Bản tin thời sự xã";
    b.topic = "Thời sự";
    b.start_time = Local(2026, 11, 1, 6);
    b.duration = absl::Minutes(30);
    b.rrule = "FREQ=DAILY";
    b.state = domain::PublicationState::kPublished;
    return b;
  }
  domain::CaseStudy Study() {
    domain::CaseStudy s;
    s.title = "Một cửa liên thông trực tuyến";
    s.unit_id = tan_lap_;
    s.window.state = domain::PublicationState::kPublished;
    return s;
  }
  domain::Announcement Notice() {
    domain::Announcement a;
    a.title = "Lịch tiếp công dân tháng 12";
    a.unit_id = tan_lap_;
    a.window.state = domain::PublicationState::kPublished;
    return a;
  }
  size_t BroadcastCount() {
    domain::ListQuery q;
    q.order = {"start_time", false};
    q.page_size = domain::kMaxPageSize;
    auto page = publicity_->ListBroadcasts(sys_, q);
    EXPECT_TRUE(page.ok()) << page.status();
    return page.ok() ? page->items.size() : 0;
  }
  absl::Status AddImage(int64_t case_study, const std::string& type, const std::string& data) {
    domain::CaseStudyImage image;
    image.case_study_id = case_study;
    image.content_type = type;
    image.data = data;
    return publicity_->AddCaseStudyImage(sys_, {image, {}}).status();
  }

  std::unique_ptr<PublicityOperations> publicity_;
};

TEST_F(PublicityRulesTest, InvalidBroadcastsAreRefusedAndNothingIsWritten) {
  struct Case {
    const char* what;
    std::function<void(domain::Broadcast&)> change;
    std::vector<std::string> fields;
  };
  std::vector<Case> cases = {
      {"unparseable rrule", [](auto& b) { b.rrule = "FREQ=SOMETIMES"; }, {"broadcast.rrule"}},
      {"not an rrule at all", [](auto& b) { b.rrule = "hằng ngày"; }, {"broadcast.rrule"}},
      {"too short", [](auto& b) { b.duration = absl::Seconds(30); }, {"broadcast.duration"}},
      {"too long", [](auto& b) { b.duration = absl::Hours(25); }, {"broadcast.duration"}},
      {"no duration", [](auto& b) { b.duration = absl::ZeroDuration(); }, {"broadcast.duration"}},
      {"no start", [](auto& b) { b.start_time = absl::UnixEpoch(); }, {"broadcast.start_time"}},
      {"no title, no station",
       [](auto& b) {
         b.title = "  ";
         b.station_unit_id = 0;
       },
       {"broadcast.title", "broadcast.station"}},
      {"unreadable station",
       [](auto& b) { b.station_unit_id = kUnreadableId; },
       {"broadcast.station"}},
      {"bad link", [](auto& b) { b.links = {"http://example.com"}; }, {"broadcast.links[0]"}},
      {"start beyond year 9999",
       [](auto& b) {
         b.start_time =
             absl::FromCivil(absl::CivilSecond(10000, 1, 1, 0, 0, 0), absl::UTCTimeZone());
       },
       {"broadcast.start_time"}},
      {"unreadable start",
       [](auto& b) { b.start_time = absl::InfinitePast(); },
       {"broadcast.start_time"}},
      {"unreadable state", [](auto& b) { b.state = kUnreadableState; }, {"broadcast.state"}},
      {"exdates without rrule",
       [](auto& b) {
         b.rrule = "";
         b.exdates = {Local(2026, 11, 2, 6)};
       },
       {"broadcast.exdates"}},
      {"override of no airing",
       [](auto& b) {
         b.overrides = {{Local(2026, 11, 27, 7), true, {}, {}, ""}};
       },
       {"broadcast.overrides[0].original_start_time"}},
      {"override before the first airing",
       [](auto& b) {
         b.overrides = {{Local(2026, 10, 31, 6), true, {}, {}, ""}};
       },
       {"broadcast.overrides[0].original_start_time"}},
      {"two overrides of one airing",
       [](auto& b) {
         b.overrides = {{Local(2026, 11, 27, 6), true, {}, {}, ""},
                        {Local(2026, 11, 27, 6), true, {}, {}, ""}};
       },
       {"broadcast.overrides[1].original_start_time"}},
      {"override too long",
       [](auto& b) {
         b.overrides = {{Local(2026, 11, 27, 6), false, {}, absl::Hours(25), ""}};
       },
       {"broadcast.overrides[0].duration"}},
  };
  size_t before = BroadcastCount();
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    domain::Broadcast b = Daily();
    c.change(b);
    EXPECT_TRUE(RefusedOn(publicity_->CreateBroadcast(sys_, {b, {}}).status(), c.fields));
  }
  domain::Broadcast nowhere = Daily();
  nowhere.station_unit_id = 99999;
  EXPECT_TRUE(
      RefusedOn(publicity_->CreateBroadcast(sys_, {nowhere, {}}).status(), {"broadcast.station"}));
  EXPECT_EQ(BroadcastCount(), before);
}

TEST_F(PublicityRulesTest, OverridesNameTheAiringTheyMissInTheDistrictsTime) {
  domain::Broadcast b = Daily();
  b.overrides = {{Local(2026, 11, 27, 7), true, {}, {}, ""}};
  absl::Status s = publicity_->CreateBroadcast(sys_, {b, {}}).status();
  EXPECT_EQ(DescriptionOf(s),
            "is not an airing of this broadcast (2026-11-27 07:00 in Asia/Ho_Chi_Minh)");
  // On a real airing, moved and with its note, it is stored.
  b.overrides = {{Local(2026, 11, 28, 6), false, Local(2026, 11, 28, 6, 30), {}, "Dời giờ"}};
  auto created = publicity_->CreateBroadcast(sys_, {b, {}});
  ASSERT_TRUE(created.ok()) << created.status();
  ASSERT_THAT(created->overrides, SizeIs(1));
  EXPECT_EQ(created->overrides[0].note, "Dời giờ");
}

TEST_F(PublicityRulesTest, TextIsStoredInNfcAndAnUnspecifiedStateIsADraft) {
  domain::Broadcast b = Daily();
  b.title = "Ba\xCC\x89n tin";  // "Bản tin" with a combining hook above
  b.state = domain::PublicationState::kUnspecified;
  auto created = publicity_->CreateBroadcast(sys_, {b, {}});
  ASSERT_TRUE(created.ok()) << created.status();
  EXPECT_EQ(created->title, "Bản tin");
  EXPECT_EQ(created->state, domain::PublicationState::kDraft);
  b.title = "Bản\x01tin";
  EXPECT_TRUE(RefusedOn(publicity_->CreateBroadcast(sys_, {b, {}}).status(), {"broadcast.title"}));
  b.title = std::string(domain::kMaxNameLength + 1, 'x');
  EXPECT_TRUE(RefusedOn(publicity_->CreateBroadcast(sys_, {b, {}}).status(), {"broadcast.title"}));
}

TEST_F(PublicityRulesTest, UpdatesMergeTheMaskCheckTheResultAndTheEtagInOneTransaction) {
  auto b = publicity_->CreateBroadcast(sys_, {Daily(), {}});
  ASSERT_TRUE(b.ok()) << b.status();
  UpdateBroadcastCommand retitle{{}, {"title"}, b->etag};
  retitle.patch.id = b->id;
  retitle.patch.title = "Bản tin sáng";
  auto updated = publicity_->UpdateBroadcast(sys_, retitle);
  ASSERT_TRUE(updated.ok()) << updated.status();
  EXPECT_EQ(updated->title, "Bản tin sáng");
  EXPECT_EQ(updated->rrule, "FREQ=DAILY");  // not in the mask: kept
  EXPECT_NE(updated->etag, b->etag);

  // The same etag again is stale; nothing changes.
  retitle.patch.title = "Bản tin chiều";
  EXPECT_EQ(publicity_->UpdateBroadcast(sys_, retitle).status().code(), absl::StatusCode::kAborted);
  // A result the rules refuse writes nothing either.
  UpdateBroadcastCommand bad{{}, {"rrule"}, ""};
  bad.patch.id = b->id;
  bad.patch.rrule = "FREQ=NEVER";
  EXPECT_TRUE(RefusedOn(publicity_->UpdateBroadcast(sys_, bad).status(), {"broadcast.rrule"}));
  auto now = publicity_->GetBroadcast(sys_, b->id);
  ASSERT_TRUE(now.ok());
  EXPECT_EQ(now->title, "Bản tin sáng");
  EXPECT_EQ(now->etag, updated->etag);

  // A mask naming nothing updatable wins over a broadcast that is not there.
  UpdateBroadcastCommand unknown{{}, {"etag"}, ""};
  unknown.patch.id = 99999;
  EXPECT_TRUE(RefusedOn(publicity_->UpdateBroadcast(sys_, unknown).status(), {"update_mask"}));
  EXPECT_TRUE(RefusedOn(publicity_->UpdateBroadcast(sys_, {{}, {}, ""}).status(), {"update_mask"}));
  unknown.paths = {"title"};
  unknown.patch.title = "x";
  EXPECT_EQ(publicity_->UpdateBroadcast(sys_, unknown).status().code(),
            absl::StatusCode::kNotFound);
}

TEST_F(PublicityRulesTest, AiringQueriesAreBounded) {
  absl::Time from = Local(2026, 11, 1, 0);
  auto query = [&](absl::Time start, absl::Time end) {
    return publicity_->ListAirings(sys_, {tan_lap_, start, end}).status();
  };
  EXPECT_TRUE(query(from, from + absl::Hours(24 * 62)).ok());
  EXPECT_TRUE(RefusedOn(query(from, from + absl::Hours(24 * 63)), {"end_time"}));
  EXPECT_TRUE(RefusedOn(query(from, from), {"end_time"}));
  EXPECT_TRUE(RefusedOn(query(absl::UnixEpoch(), from), {"start_time"}));
  EXPECT_TRUE(RefusedOn(
      publicity_->ListAirings(sys_, {kUnreadableId, from, from + absl::Hours(1)}).status(),
      {"station"}));
}

TEST_F(PublicityRulesTest, WindowsMustNotBeEmpty) {
  domain::Announcement a = Notice();
  a.window.publish_time = now_;
  a.window.unpublish_time = now_ - absl::Hours(1);
  a.window.state = kUnreadableState;
  absl::Status s = publicity_->CreateAnnouncement(sys_, {a, {}}).status();
  EXPECT_TRUE(RefusedOn(s, {"announcement.unpublish_time", "announcement.state"}));
  a.window.state = domain::PublicationState::kPublished;
  a.window.unpublish_time = now_;  // the same moment: empty too
  s = publicity_->CreateAnnouncement(sys_, {a, {}}).status();
  EXPECT_TRUE(RefusedOn(s, {"announcement.unpublish_time"}));
  EXPECT_EQ(DescriptionOf(s), "must be after publish_time");

  // The same rule on an update, which the command line's publish builds.
  auto created = publicity_->CreateAnnouncement(sys_, {Notice(), {}});
  ASSERT_TRUE(created.ok()) << created.status();
  UpdateAnnouncementCommand publish{{}, {"state", "publish_time", "unpublish_time"}, ""};
  publish.patch.id = created->id;
  publish.patch.window = {domain::PublicationState::kPublished, now_ + absl::Hours(2),
                          now_ + absl::Hours(1)};
  EXPECT_TRUE(RefusedOn(publicity_->UpdateAnnouncement(sys_, publish).status(),
                        {"announcement.unpublish_time"}));
  auto unchanged = publicity_->GetAnnouncement(sys_, created->id);
  ASSERT_TRUE(unchanged.ok());
  EXPECT_EQ(unchanged->etag, created->etag);

  domain::CaseStudy cs = Study();
  cs.window.publish_time = now_;
  cs.window.unpublish_time = now_;
  EXPECT_TRUE(RefusedOn(publicity_->CreateCaseStudy(sys_, {cs, {}}).status(),
                        {"case_study.unpublish_time"}));
}

TEST_F(PublicityRulesTest, CaseStudiesNeedTheirUnitAndAnExistingProposal) {
  domain::CaseStudy cs = Study();
  cs.proposal_id = 99999;
  EXPECT_TRUE(
      RefusedOn(publicity_->CreateCaseStudy(sys_, {cs, {}}).status(), {"case_study.proposal"}));
  cs.proposal_id = kUnreadableId;
  cs.unit_id = 0;
  cs.title = "";
  EXPECT_TRUE(RefusedOn(publicity_->CreateCaseStudy(sys_, {cs, {}}).status(),
                        {"case_study.proposal", "case_study.unit", "case_study.title"}));
  domain::Announcement a = Notice();
  a.unit_id = 99999;
  EXPECT_TRUE(
      RefusedOn(publicity_->CreateAnnouncement(sys_, {a, {}}).status(), {"announcement.unit"}));
}

TEST_F(PublicityRulesTest, ImagesAreSniffedAndBounded) {
  auto cs = publicity_->CreateCaseStudy(sys_, {Study(), {}});
  ASSERT_TRUE(cs.ok()) << cs.status();
  const std::string png = std::string("\x89PNG\r\n\x1a\n", 8) + "rest";
  const std::string jpeg("\xFF\xD8\xFF\xE0", 4);
  absl::Status wrong = AddImage(cs->id, "image/jpeg", png);
  EXPECT_TRUE(RefusedOn(wrong, {"image.data"}));
  EXPECT_EQ(DescriptionOf(wrong), "is a image/png image, not image/jpeg");
  EXPECT_TRUE(RefusedOn(AddImage(cs->id, "image/gif", "GIF89a...."), {"image.content_type"}));
  EXPECT_TRUE(RefusedOn(AddImage(cs->id, "image/png", "not an image"), {"image.data"}));
  EXPECT_TRUE(RefusedOn(AddImage(cs->id, "image/png", ""), {"image.data"}));
  absl::Status big = AddImage(cs->id, "image/jpeg", jpeg + std::string(kMaxImageBytes, 'x'));
  EXPECT_TRUE(RefusedOn(big, {"image.data"}));
  EXPECT_THAT(DescriptionOf(big), HasSubstr("2 MiB"));
  auto read = publicity_->GetCaseStudy(sys_, cs->id);
  ASSERT_TRUE(read.ok());
  EXPECT_THAT(read->images, IsEmpty());

  EXPECT_TRUE(AddImage(cs->id, "image/webp", std::string("RIFF\x10\0\0\0WEBPVP8 ", 16)).ok());
  EXPECT_TRUE(AddImage(cs->id, "image/jpeg", jpeg).ok());
  EXPECT_EQ(AddImage(99999, "image/png", png).code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(SniffImageType(png), "image/png");
  EXPECT_EQ(SniffImageType("RIFF"), "");
}

}  // namespace
}  // namespace sangkien::operations
