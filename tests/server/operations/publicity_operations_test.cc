// PublicityOperations against a real database: every write records the
// change log, the publish-window schedule and the search index in its own
// transaction, and the Load* methods apply the caller's visibility.
#include "operations/publicity_operations.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "operations_fixture.h"
#include "storage/change_log.h"
#include "storage/search_index.h"
#include "storage/testing_raw_sql.h"

namespace sangkien::operations {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::SizeIs;

struct DocRow {
  int audience = -1;
  int kind = -1;
  std::optional<int64_t> visible_from, visible_until;
  std::string title, body;
};

class PublicityOperationsTest : public OperationsTest {
 protected:
  void SetUp() override {
    OperationsTest::SetUp();
    publicity_ = std::make_unique<PublicityOperations>(*db_, [this] { return now_; });
  }

  // The change-log row of `resource`; seq 0 when there is none.
  storage::ChangeRow Change(const std::string& resource) {
    storage::ChangeRow found;
    EXPECT_TRUE(db_->Read([&](storage::Connection& c) -> absl::Status {
                     auto rows = storage::ChangeLog::After(c, 0, 10000);
                     if (!rows.ok()) return rows.status();
                     for (const auto& r : *rows) {
                       if (r.resource == resource) found = r;
                     }
                     return absl::OkStatus();
                   })
                    .ok());
    return found;
  }
  std::vector<DocRow> Docs(const std::string& resource) {
    std::vector<DocRow> out;
    EXPECT_TRUE(db_->Read([&](storage::Connection& c) -> absl::Status {
                     auto& q = storage::RawSqlForTests::Prepare(
                         c,
                         "SELECT audience, kind, visible_from, visible_until, "
                         "title, body FROM search_docs WHERE resource = ? "
                         "ORDER BY audience");
                     q.bind(1, resource);
                     while (q.executeStep()) {
                       DocRow d;
                       d.audience = q.getColumn(0).getInt();
                       d.kind = q.getColumn(1).getInt();
                       if (!q.getColumn(2).isNull()) d.visible_from = q.getColumn(2).getInt64();
                       if (!q.getColumn(3).isNull()) d.visible_until = q.getColumn(3).getInt64();
                       d.title = q.getColumn(4).getString();
                       d.body = q.getColumn(5).getString();
                       out.push_back(d);
                     }
                     return absl::OkStatus();
                   })
                    .ok());
    return out;
  }
  // (time, opens) of the resource's scheduled moments.
  std::vector<std::pair<int64_t, bool>> Schedule(const std::string& resource) {
    std::vector<std::pair<int64_t, bool>> out;
    EXPECT_TRUE(db_->Read([&](storage::Connection& c) -> absl::Status {
                     auto& q = storage::RawSqlForTests::Prepare(
                         c,
                         "SELECT at, opens FROM visibility_schedule WHERE "
                         "resource = ? ORDER BY at");
                     q.bind(1, resource);
                     while (q.executeStep()) {
                       out.emplace_back(q.getColumn(0).getInt64(), q.getColumn(1).getInt() != 0);
                     }
                     return absl::OkStatus();
                   })
                    .ok());
    return out;
  }
  int64_t AuditCount() {
    int64_t n = 0;
    EXPECT_TRUE(db_->Read([&](storage::Connection& c) -> absl::Status {
                     auto& q =
                         storage::RawSqlForTests::Prepare(c, "SELECT COUNT(*) FROM audit_events");
                     q.executeStep();
                     n = q.getColumn(0).getInt64();
                     return absl::OkStatus();
                   })
                    .ok());
    return n;
  }
  static int64_t Us(absl::Time t) { return absl::ToUnixMicros(t); }

  domain::Broadcast Daily(domain::PublicationState state) {
    domain::Broadcast b;
    b.station_unit_id = tan_lap_;
    b.title = "Bản tin thời sự xã";
    b.topic = "Thời sự";
    b.description = "Tin hoạt động của xã.";
    b.start_time = now_ - absl::Hours(3);  // 06:00
    b.duration = absl::Minutes(30);
    b.rrule = "FREQ=DAILY";
    b.state = state;
    return b;
  }

  domain::Caller public_;  // no account, no roles
  std::unique_ptr<PublicityOperations> publicity_;
};

TEST_F(PublicityOperationsTest, BroadcastWritesRecordTheFeedAndTheIndex) {
  int64_t audits = AuditCount();
  auto draft = publicity_->CreateBroadcast(sys_, {Daily(domain::PublicationState::kDraft), {}});
  ASSERT_TRUE(draft.ok()) << draft.status();
  std::string name = domain::BroadcastName(draft->id);
  EXPECT_EQ(AuditCount(), audits + 1);
  storage::ChangeRow first = Change(name);
  EXPECT_GT(first.seq, 0);
  EXPECT_FALSE(first.deleted);
  EXPECT_FALSE(first.public_seen);
  std::vector<DocRow> docs = Docs(name);
  ASSERT_THAT(docs, SizeIs(1));
  EXPECT_EQ(docs[0].audience, static_cast<int>(storage::SearchAudience::kInternal));
  EXPECT_EQ(docs[0].kind, static_cast<int>(storage::SearchKind::kBroadcast));
  EXPECT_EQ(docs[0].title, "Bản tin thời sự xã");
  EXPECT_EQ(docs[0].body, "Thời sự\nTin hoạt động của xã.");
  EXPECT_THAT(Schedule(name), IsEmpty());

  UpdateBroadcastCommand published{{}, {"state"}, draft->etag};
  published.patch.id = draft->id;
  published.patch.state = domain::PublicationState::kPublished;
  now_ += absl::Minutes(1);
  auto updated = publicity_->UpdateBroadcast(sys_, published);
  ASSERT_TRUE(updated.ok()) << updated.status();
  EXPECT_EQ(AuditCount(), audits + 2);
  storage::ChangeRow second = Change(name);
  EXPECT_GT(second.seq, first.seq);
  EXPECT_TRUE(second.public_seen);
  docs = Docs(name);
  ASSERT_THAT(docs, SizeIs(1));
  EXPECT_EQ(docs[0].audience, static_cast<int>(storage::SearchAudience::kEveryone));
  EXPECT_FALSE(docs[0].visible_from.has_value());
  EXPECT_FALSE(docs[0].visible_until.has_value());

  // A stale etag: nothing written anywhere.
  auto stale = publicity_->UpdateBroadcast(sys_, published);
  EXPECT_EQ(stale.status().code(), absl::StatusCode::kAborted);
  EXPECT_EQ(Change(name).seq, second.seq);
  EXPECT_EQ(AuditCount(), audits + 2);

  ASSERT_TRUE(publicity_->DeleteBroadcast(sys_, draft->id, "").ok());
  EXPECT_EQ(AuditCount(), audits + 3);
  storage::ChangeRow gone = Change(name);
  EXPECT_GT(gone.seq, second.seq);
  EXPECT_TRUE(gone.deleted);
  EXPECT_THAT(Docs(name), IsEmpty());
}

TEST_F(PublicityOperationsTest, PublishWindowsAreScheduledAndIndexed) {
  domain::CaseStudy cs;
  cs.title = "Mô hình một cửa liên thông";
  cs.unit_id = tan_lap_;
  cs.summary = "Tóm tắt";
  cs.body = "Nội dung";
  cs.results = "Kết quả";
  cs.window.state = domain::PublicationState::kPublished;
  cs.window.publish_time = now_ + absl::Hours(1);
  cs.window.unpublish_time = now_ + absl::Hours(5);
  auto created = publicity_->CreateCaseStudy(sys_, {cs, {}});
  ASSERT_TRUE(created.ok()) << created.status();
  std::string name = domain::CaseStudyName(created->id);
  EXPECT_FALSE(Change(name).public_seen);  // not yet
  EXPECT_THAT(Schedule(name), ElementsAre(std::make_pair(Us(now_ + absl::Hours(1)), true),
                                          std::make_pair(Us(now_ + absl::Hours(5)), false)));
  std::vector<DocRow> docs = Docs(name);
  ASSERT_THAT(docs, SizeIs(1));
  EXPECT_EQ(docs[0].audience, static_cast<int>(storage::SearchAudience::kEveryone));
  EXPECT_EQ(docs[0].kind, static_cast<int>(storage::SearchKind::kCaseStudy));
  EXPECT_EQ(docs[0].visible_from, Us(now_ + absl::Hours(1)));
  EXPECT_EQ(docs[0].visible_until, Us(now_ + absl::Hours(5)));
  EXPECT_EQ(docs[0].body, "Tóm tắt\nNội dung\nKết quả");

  // Loads as the public follow the window; the system sees it throughout.
  auto load = [&](const domain::Caller& who) {
    absl::Status s;
    EXPECT_TRUE(db_->Read([&](storage::Connection& c) -> absl::Status {
                     s = publicity_->LoadCaseStudy(c, who, created->id).status();
                     return absl::OkStatus();
                   })
                    .ok());
    return s.code();
  };
  EXPECT_EQ(load(public_), absl::StatusCode::kNotFound);
  EXPECT_EQ(load(sys_), absl::StatusCode::kOk);
  now_ += absl::Hours(2);
  EXPECT_EQ(load(public_), absl::StatusCode::kOk);

  // Inside the window: an update is public at once and only the closing
  // moment is still ahead.
  UpdateCaseStudyCommand featured{*created, {"featured"}, created->etag};
  featured.patch.featured = true;
  auto updated = publicity_->UpdateCaseStudy(sys_, featured);
  ASSERT_TRUE(updated.ok()) << updated.status();
  EXPECT_TRUE(Change(name).public_seen);
  EXPECT_THAT(Schedule(name), ElementsAre(std::make_pair(Us(now_ + absl::Hours(3)), false)));

  // Back to draft: internal document, nothing scheduled.
  UpdateCaseStudyCommand draft{*updated, {"state"}, updated->etag};
  draft.patch.window.state = domain::PublicationState::kDraft;
  auto unpublished = publicity_->UpdateCaseStudy(sys_, draft);
  ASSERT_TRUE(unpublished.ok()) << unpublished.status();
  EXPECT_THAT(Schedule(name), IsEmpty());
  docs = Docs(name);
  ASSERT_THAT(docs, SizeIs(1));
  EXPECT_EQ(docs[0].audience, static_cast<int>(storage::SearchAudience::kInternal));
  EXPECT_EQ(load(public_), absl::StatusCode::kNotFound);

  ASSERT_TRUE(publicity_->DeleteCaseStudy(sys_, created->id, unpublished->etag).ok());
  EXPECT_TRUE(Change(name).deleted);
  EXPECT_THAT(Docs(name), IsEmpty());
  EXPECT_THAT(Schedule(name), IsEmpty());
}

TEST_F(PublicityOperationsTest, AnnouncementsAndImagesRecordTheirResources) {
  domain::Announcement a;
  a.title = "Thông báo lịch tiếp công dân";
  a.body = "Sáng thứ Năm hằng tuần.";
  a.unit_id = tan_lap_;
  a.window.state = domain::PublicationState::kPublished;
  a.window.unpublish_time = now_ + absl::Hours(24);
  auto created = publicity_->CreateAnnouncement(sys_, {a, {}});
  ASSERT_TRUE(created.ok()) << created.status();
  std::string name = domain::AnnouncementName(created->id);
  EXPECT_TRUE(Change(name).public_seen);
  EXPECT_THAT(Schedule(name), ElementsAre(std::make_pair(Us(now_ + absl::Hours(24)), false)));
  std::vector<DocRow> docs = Docs(name);
  ASSERT_THAT(docs, SizeIs(1));
  EXPECT_EQ(docs[0].kind, static_cast<int>(storage::SearchKind::kAnnouncement));
  EXPECT_EQ(docs[0].body, "Sáng thứ Năm hằng tuần.");
  ASSERT_TRUE(publicity_->DeleteAnnouncement(sys_, created->id, "").ok());
  EXPECT_TRUE(Change(name).deleted);
  EXPECT_THAT(Schedule(name), IsEmpty());

  // An image changes its case study: the case study moves in the feed.
  domain::CaseStudy cs;
  cs.title = "Mô hình";
  cs.unit_id = tan_lap_;
  cs.window.state = domain::PublicationState::kPublished;
  auto study = publicity_->CreateCaseStudy(sys_, {cs, {}});
  ASSERT_TRUE(study.ok()) << study.status();
  int64_t before = Change(domain::CaseStudyName(study->id)).seq;
  domain::CaseStudyImage image;
  image.case_study_id = study->id;
  image.content_type = "image/png";
  image.data = std::string("\x89PNG\r\n\x1a\n", 8) + "rest";
  auto added = publicity_->AddCaseStudyImage(sys_, {image, {}});
  ASSERT_TRUE(added.ok()) << added.status();
  EXPECT_GT(Change(domain::CaseStudyName(study->id)).seq, before);
  auto loaded = publicity_->GetCaseStudy(public_, study->id);
  ASSERT_TRUE(loaded.ok());
  ASSERT_THAT(loaded->images, SizeIs(1));
  EXPECT_TRUE(loaded->images[0].data.empty());
  EXPECT_EQ(loaded->images[0].size_bytes, 12);
}

TEST_F(PublicityOperationsTest, LoadBroadcastHidesDraftsFromThePublic) {
  auto draft = publicity_->CreateBroadcast(sys_, {Daily(domain::PublicationState::kDraft), {}});
  ASSERT_TRUE(draft.ok());
  domain::Caller publisher;
  publisher.principal.account_id = 5;
  publisher.principal.roles = {domain::Role::kPublisher};
  domain::Caller kiosk;
  kiosk.principal.account_id = 6;
  kiosk.principal.roles = {domain::Role::kKiosk};
  EXPECT_EQ(publicity_->GetBroadcast(public_, draft->id).status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(publicity_->GetBroadcast(kiosk, draft->id).status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_TRUE(publicity_->GetBroadcast(publisher, draft->id).ok());
  auto airings = publicity_->ListAirings(public_, {tan_lap_, now_, now_ + absl::Hours(48)});
  ASSERT_TRUE(airings.ok());
  EXPECT_THAT(*airings, IsEmpty());
  airings = publicity_->ListAirings(publisher, {tan_lap_, now_, now_ + absl::Hours(48)});
  ASSERT_TRUE(airings.ok());
  EXPECT_THAT(*airings, SizeIs(2));
}

}  // namespace
}  // namespace sangkien::operations
