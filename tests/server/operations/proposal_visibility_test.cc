// Who sees what of a proposal, late steps, and replication as a case study,
// as ProposalOperations decides them.
#include <gtest/gtest.h>

#include "operations/publicity_operations.h"
#include "proposal_fixture.h"

namespace sangkien::operations {
namespace {

using S = domain::ProposalState;

domain::ListQuery Everything(std::vector<domain::FilterTerm> filter = {}) {
  domain::ListQuery q;
  q.order = {"create_time", false};
  q.page_size = 500;
  q.filter = std::move(filter);
  return q;
}

TEST_F(ProposalOperationsTest, ThePublicSeeOnlyPublicStatesWithoutInternalRecords) {
  domain::Proposal draft = Draft();
  domain::Proposal piloting = Piloting();
  domain::Caller anyone;
  EXPECT_EQ(proposals_->Get(anyone, draft.id).status().code(), absl::StatusCode::kNotFound);
  domain::Proposal seen = Must(proposals_->Get(anyone, piloting.id));
  EXPECT_EQ(seen.state, S::kPiloting);
  EXPECT_FALSE(seen.appraisal.has_value());
  EXPECT_FALSE(seen.decision.has_value());
  Must(proposals_->PublishDecision(approver_, Step(piloting)));
  EXPECT_TRUE(Must(proposals_->Get(anyone, piloting.id)).decision.has_value());
  auto listed = proposals_->List(anyone, Everything());
  ASSERT_TRUE(listed.ok()) << listed.status();
  ASSERT_EQ(listed->items.size(), 1u);
  EXPECT_EQ(listed->items[0].id, piloting.id);
  // The history stays with the proposer and the administration.
  EXPECT_EQ(proposals_->ListEvents(anyone, piloting.id, Everything()).status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_TRUE(proposals_->ListEvents(staff_, piloting.id, Everything()).ok());
}

TEST_F(ProposalOperationsTest, StaffSeeTheirOwnWholeAndOthersDraftsNotAtAll) {
  domain::Proposal mine = Appraised();
  EXPECT_TRUE(Must(proposals_->Get(staff_, mine.id)).appraisal.has_value());
  EXPECT_EQ(proposals_->Get(other_staff_, mine.id).status().code(), absl::StatusCode::kNotFound);
  // An older version is for those who see the proposal whole.
  EXPECT_EQ(Must(proposals_->Get(staff_, mine.id, 1)).contents_version, 1);
}

TEST_F(ProposalOperationsTest, LateStepsAreFlaggedNotBlocked) {
  domain::Proposal p = Appraised();
  EXPECT_FALSE(Stored(p).deadlines.overdue);
  now_ += absl::Hours(24 * 12);  // 9/12/2026: past the 8/12 due date
  domain::Proposal late = Stored(p);
  EXPECT_TRUE(late.deadlines.overdue);
  EXPECT_TRUE(late.deadlines.decision_late);
  domain::Proposal decided = Must(proposals_->RecordDecision(
      approver_, {Step(p), Meeting({"A"}, {{"A", domain::VoteChoice::kFor}})}));
  EXPECT_EQ(decided.state, S::kApproved);
  EXPECT_TRUE(decided.deadlines.decision_late);
  EXPECT_FALSE(decided.deadlines.overdue);
}

TEST_F(ProposalOperationsTest, OnlyAnAchievedPilotIsReplicatedAndARetryReturnsTheFirst) {
  calendar::Clock clock = [this] { return now_; };
  PublicityOperations publicity(*db_, clock);
  domain::Proposal partial = Evaluated(domain::PilotOutcome::kPartial, true);
  domain::ResponsibilityDecision d{domain::ResponsibilityKind::kNotExempted, "Căn cứ.", "5/QĐ-UBND",
                                   absl::CivilDay(2026, 11, 27), ""};
  partial = Must(proposals_->DecideResponsibility(approver_, {Step(partial), d}));
  ASSERT_EQ(partial.state, S::kClosed);
  auto refused = proposals_->ReplicateAsCaseStudy(sys_, Step(partial), {}, publicity);
  EXPECT_EQ(ErrorReason(refused.status()), "PILOT_NOT_ACHIEVED");
  EXPECT_EQ(Stored(partial).etag, partial.etag);

  domain::Proposal achieved = Evaluated(domain::PilotOutcome::kAchieved, true);
  auto first = proposals_->ReplicateAsCaseStudy(sys_, Step(achieved, "Nhân rộng."), {"rep-1", "fp"},
                                                publicity);
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(first->proposal_id, achieved.id);
  EXPECT_EQ(first->window.state, domain::PublicationState::kDraft);
  EXPECT_EQ(Stored(achieved).state, S::kReplicated);
  auto again = proposals_->ReplicateAsCaseStudy(sys_, Step(achieved, "Nhân rộng."), {"rep-1", "fp"},
                                                publicity);
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->id, first->id);
}

}  // namespace
}  // namespace sangkien::operations
