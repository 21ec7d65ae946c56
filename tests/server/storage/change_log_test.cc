#include "storage/change_log.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "storage/search_index.h"
#include "testing/temp_dir.h"

namespace sangkien::storage {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

const absl::Time kT0 = absl::FromUnixSeconds(1'800'000'000);

class ChangeLogTest : public ::testing::Test {
protected:
  void SetUp() override {
    DatabaseOptions options;
    options.path = dir_.File("feed.db");
    options.synchronous_full = false;
    auto db = Database::Open(options);
    ASSERT_TRUE(db.ok()) << db.status();
    db_ = std::move(*db);
  }
  void Record(const std::string &name, bool deleted, bool public_now) {
    ASSERT_TRUE(db_->Write([&](Connection &c) {
                     return ChangeLog::Record(c, name, deleted, public_now,
                                              kT0);
                   })
                    .ok());
  }
  std::vector<ChangeRow> After(int64_t seq) {
    std::vector<ChangeRow> rows;
    EXPECT_TRUE(db_->Read([&](Connection &c) -> absl::Status {
                     auto r = ChangeLog::After(c, seq, 100);
                     if (r.ok())
                       rows = *r;
                     return r.status();
                   })
                    .ok());
    return rows;
  }
  static std::vector<std::string> Names(const std::vector<ChangeRow> &rows) {
    std::vector<std::string> out;
    for (const auto &r : rows)
      out.push_back(r.resource);
    return out;
  }

  testing::TempDir dir_;
  std::unique_ptr<Database> db_;
};

TEST_F(ChangeLogTest, AResourceAppearsOnceAtItsLatestChange) {
  Record("plans/1", false, true);
  Record("plans/2", false, true);
  Record("plans/1", false, true);
  auto rows = After(0);
  EXPECT_THAT(Names(rows), ElementsAre("plans/2", "plans/1"));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_LT(rows[0].seq, rows[1].seq);
  EXPECT_EQ(rows[1].seq, 3); // seqs are never reused
  EXPECT_THAT(Names(After(rows[0].seq)), ElementsAre("plans/1"));
  EXPECT_THAT(After(rows[1].seq), IsEmpty());
}

TEST_F(ChangeLogTest, WhatThePublicSawIsRemembered) {
  Record("caseStudies/1", false, true);
  Record("caseStudies/1", false, false); // unpublished
  Record("caseStudies/2", false, false); // never public
  auto rows = After(0);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_TRUE(rows[0].public_seen);
  EXPECT_FALSE(rows[1].public_seen);
}

TEST_F(ChangeLogTest, CompactionDropsOnlyTombstonesAndRemembersThePoint) {
  Record("plans/1", false, true);
  Record("plans/2", true, true);
  Record("plans/3", true, true);
  int64_t dropped = 0, through = 0, latest = 0;
  ASSERT_TRUE(db_->Write([&](Connection &c) -> absl::Status {
                   auto d = ChangeLog::Compact(c, 2);
                   if (!d.ok())
                     return d.status();
                   dropped = *d;
                   auto t = ChangeLog::CompactedThrough(c);
                   through = *t;
                   latest = *ChangeLog::LatestSeq(c);
                   return absl::OkStatus();
                 })
                  .ok());
  EXPECT_EQ(dropped, 1);
  EXPECT_EQ(through, 2);
  EXPECT_EQ(latest, 3);
  EXPECT_THAT(Names(After(0)), ElementsAre("plans/1", "plans/3"));
}

TEST_F(ChangeLogTest, ScheduledMomentsComeDueInOrderOnce) {
  ASSERT_TRUE(db_->Write([&](Connection &c) {
                   return ChangeLog::Schedule(
                       c, "announcements/1",
                       {{"announcements/1", kT0 + absl::Hours(2), false},
                        {"announcements/1", kT0 + absl::Hours(1), true}});
                 })
                  .ok());
  // Rescheduling replaces.
  ASSERT_TRUE(db_->Write([&](Connection &c) {
                   return ChangeLog::Schedule(
                       c, "caseStudies/4",
                       {{"caseStudies/4", kT0 + absl::Hours(3), true}});
                 })
                  .ok());
  auto take = [&](absl::Time now) {
    std::vector<ScheduledVisibility> due;
    EXPECT_TRUE(db_->Write([&](Connection &c) -> absl::Status {
                     auto d = ChangeLog::TakeDue(c, now);
                     if (d.ok())
                       due = *d;
                     return d.status();
                   })
                    .ok());
    return due;
  };
  EXPECT_THAT(take(kT0), IsEmpty());
  auto first = take(kT0 + absl::Hours(2));
  ASSERT_EQ(first.size(), 2u);
  EXPECT_TRUE(first[0].opens);
  EXPECT_FALSE(first[1].opens);
  EXPECT_THAT(take(kT0 + absl::Hours(2)), IsEmpty());
  auto later = take(kT0 + absl::Hours(5));
  ASSERT_EQ(later.size(), 1u);
  EXPECT_EQ(later[0].resource, "caseStudies/4");
}

TEST_F(ChangeLogTest, SearchHonoursAudienceAndPublishWindows) {
  ASSERT_TRUE(db_->Write([&](Connection &c) -> absl::Status {
                   SearchDocument open{SearchAudience::kEveryone,
                                       SearchKind::kAnnouncement,
                                       kT0,
                                       kT0 + absl::Hours(1),
                                       "",
                                       "Thông báo họp dân",
                                       "Họp dân về đột phá"};
                   SearchDocument inside{SearchAudience::kInternal,
                                         SearchKind::kPlan,
                                         std::nullopt,
                                         std::nullopt,
                                         "",
                                         "Kế hoạch nháp",
                                         "đột phá nội bộ"};
                   auto s = SearchIndex::Replace(c, "announcements/1", {open});
                   if (!s.ok())
                     return s;
                   return SearchIndex::Replace(c, "plans/9", {inside});
                 })
                  .ok());
  auto query = [&](bool internal, absl::Time now) {
    SearchRequestSpec spec;
    spec.terms = {"dot", "pha"};
    spec.internal = internal;
    spec.now = now;
    std::vector<std::string> names;
    EXPECT_TRUE(db_->Read([&](Connection &c) -> absl::Status {
                     auto r = SearchIndex::Query(c, spec);
                     if (!r.ok())
                       return r.status();
                     for (const auto &row : r->rows)
                       names.push_back(row.resource);
                     EXPECT_EQ(r->total, static_cast<int>(names.size()));
                     return absl::OkStatus();
                   })
                    .ok());
    return names;
  };
  EXPECT_THAT(query(false, kT0 - absl::Minutes(1)), IsEmpty());
  EXPECT_THAT(query(false, kT0), ElementsAre("announcements/1"));
  EXPECT_THAT(query(false, kT0 + absl::Hours(1)), IsEmpty());
  // Internal roles see drafts and ignore windows.
  EXPECT_EQ(query(true, kT0 + absl::Hours(5)).size(), 2u);
  ASSERT_TRUE(db_->Write([&](Connection &c) {
                   return SearchIndex::Remove(c, "plans/9");
                 })
                  .ok());
  EXPECT_THAT(query(true, kT0), ElementsAre("announcements/1"));
}

} // namespace
} // namespace sangkien::storage
