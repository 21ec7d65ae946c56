// The change feed and search over publicity: publish windows open and close
// at the right times on the server's clock, in ListChanges and Search.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>

#include "publicity_samples.h"
#include "test_server.h"

namespace sangkien::api_test {
namespace {

class PublicityFeedTest : public ApiTest {
 protected:
  // Follows the feed from `marker` until caught up: name → deleted?
  std::map<std::string, bool> Changes(std::string& marker) {
    std::map<std::string, bool> seen;
    v1::ListChangesRequest request;
    request.set_resume_marker(marker);
    for (int pages = 0; pages < 1000; ++pages) {
      v1::ListChangesResponse response;
      grpc::Status status = Call(&v1::SyncService::Stub::ListChanges, request, &response);
      EXPECT_TRUE(status.ok()) << status.error_message();
      if (!status.ok()) break;
      for (const auto& c : response.changes()) seen[c.name()] = c.deleted();
      request.set_resume_marker(response.next_marker());
      if (response.caught_up()) break;
    }
    marker = request.resume_marker();
    return seen;
  }
  int Hits(const std::string& query) {
    v1::SearchRequest request;
    request.set_query(query);
    v1::SearchResponse response;
    EXPECT_TRUE(Call(&v1::SearchService::Stub::Search, request, &response).ok());
    return response.total_size();
  }
};

TEST_F(PublicityFeedTest, AnAnnouncementWindowOpensAndClosesInTheFeedAndSearch) {
  UsePublic();
  std::string marker;
  Changes(marker);

  UseDemoAccount("publisher");
  v1::CreateAnnouncementRequest create;
  *create.mutable_announcement() = SampleAnnouncement(UnitNamed("UBND xã Tân Lập"));
  create.mutable_announcement()->set_title("Thông báo họp dân qzkvw");
  *create.mutable_announcement()->mutable_publish_time() = ToTimestamp(Now() + absl::Hours(1));
  *create.mutable_announcement()->mutable_unpublish_time() = ToTimestamp(Now() + absl::Hours(3));
  v1::Announcement a;
  ASSERT_TRUE(Call(&v1::PublicityService::Stub::CreateAnnouncement, create, &a).ok());

  UsePublic();
  EXPECT_FALSE(Changes(marker).count(a.name())) << "visible before its window";
  EXPECT_EQ(Hits("qzkvw"), 0);

  AdvanceClock(absl::Hours(2));
  auto opened = Changes(marker);
  ASSERT_TRUE(opened.count(a.name())) << "the window opened without a change";
  EXPECT_FALSE(opened[a.name()]);
  EXPECT_EQ(Hits("qzkvw"), 1);

  AdvanceClock(absl::Hours(2));
  auto closed = Changes(marker);
  ASSERT_TRUE(closed.count(a.name())) << "the window closed without a tombstone";
  EXPECT_TRUE(closed[a.name()]);
  EXPECT_EQ(Hits("qzkvw"), 0);
  // Publishers still find it.
  UseDemoAccount("coordinator");
  EXPECT_EQ(Hits("qzkvw"), 1);
}

TEST_F(PublicityFeedTest, UnpublishingACaseStudySendsATombstone) {
  UseDemoAccount("publisher");
  v1::CreateCaseStudyRequest create;
  *create.mutable_case_study() = SampleCaseStudy(UnitNamed("UBND xã Tân Lập"));
  v1::CaseStudy cs;
  ASSERT_TRUE(Call(&v1::PublicityService::Stub::CreateCaseStudy, create, &cs).ok());
  UsePublic();
  std::string marker;
  auto first = Changes(marker);
  ASSERT_TRUE(first.count(cs.name()));
  UseDemoAccount("publisher");
  v1::UpdateCaseStudyRequest update;
  update.mutable_case_study()->set_name(cs.name());
  update.mutable_case_study()->set_state(v1::PUBLICATION_STATE_DRAFT);
  update.mutable_update_mask()->add_paths("state");
  v1::CaseStudy draft;
  ASSERT_TRUE(Call(&v1::PublicityService::Stub::UpdateCaseStudy, update, &draft).ok());
  UsePublic();
  auto after = Changes(marker);
  ASSERT_TRUE(after.count(cs.name()));
  EXPECT_TRUE(after[cs.name()]);
}

}  // namespace
}  // namespace sangkien::api_test
