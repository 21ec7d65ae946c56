// The workflow's rules as ProposalOperations enforces them: who may take a
// step, what a submission needs, the vote, halting, responsibility,
// publishing, the submission policy, versions and deadlines.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "proposal_fixture.h"

namespace sangkien::operations {
namespace {

using ::testing::ElementsAre;
using S = domain::ProposalState;
using domain::VoteChoice;

void ExpectRefused(const absl::Status& status, absl::StatusCode code, const std::string& reason) {
  EXPECT_EQ(status.code(), code) << status;
  EXPECT_EQ(ErrorReason(status), reason) << status;
}

TEST_F(ProposalOperationsTest, SubmitNamesEveryMissingPartAndChangesNothing) {
  domain::Proposal p = Draft(domain::ProposalContents());
  auto submitted = proposals_->Submit(staff_, Step(p));
  ASSERT_EQ(submitted.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(
      FieldsOf(submitted.status()),
      ElementsAre("proposal.contents.bottleneck", "proposal.contents.necessity",
                  "proposal.contents.solutions", "proposal.contents.scope",
                  "proposal.contents.implementers", "proposal.contents.pilot_period",
                  "proposal.contents.resources", "proposal.contents.feasibility",
                  "proposal.contents.positive_impact", "proposal.contents.negative_impact",
                  "proposal.contents.expected_results", "proposal.contents.evaluation_date"));
  EXPECT_EQ(Stored(p).state, S::kDraft);
  EXPECT_EQ(Stored(p).etag, p.etag);

  domain::ProposalContents almost = FullContents();
  almost.feasibility.clear();
  almost.pilot_end.reset();
  p = Draft(almost);
  EXPECT_THAT(FieldsOf(proposals_->Submit(staff_, Step(p)).status()),
              ElementsAre("proposal.contents.pilot_period", "proposal.contents.feasibility"));
}

TEST_F(ProposalOperationsTest, OnlyTheProposerEditsSubmitsAndWithdraws) {
  domain::Proposal p = Draft();
  UpdateProposalCommand edit{p.id, {{}, {"title"}, ""}};
  edit.update.patch.title = "Tên đã sửa";
  ExpectRefused(proposals_->Update(coordinator_, edit).status(),
                absl::StatusCode::kPermissionDenied, "NOT_PROPOSER");
  ExpectRefused(proposals_->Submit(coordinator_, Step(p)).status(),
                absl::StatusCode::kPermissionDenied, "NOT_PROPOSER");
  ExpectRefused(proposals_->Withdraw(coordinator_, Step(p)).status(),
                absl::StatusCode::kPermissionDenied, "NOT_PROPOSER");
  // Another commune's cadre does not even see the draft.
  EXPECT_EQ(proposals_->Submit(other_staff_, Step(p)).status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(Stored(p).etag, p.etag);
}

TEST_F(ProposalOperationsTest, AVerbOutsideItsStatesIsAnInvalidTransition) {
  domain::Proposal p = Draft();
  ExpectRefused(proposals_->StartAppraisal(coordinator_, Step(p)).status(),
                absl::StatusCode::kFailedPrecondition, "INVALID_TRANSITION");
  ExpectRefused(proposals_->PublishDecision(approver_, Step(p)).status(),
                absl::StatusCode::kFailedPrecondition, "INVALID_TRANSITION");
  EXPECT_EQ(Stored(p).etag, p.etag);
}

TEST_F(ProposalOperationsTest, SubmissionSetsTheDecisionDeadlineInWorkingDays) {
  domain::Proposal p = Must(proposals_->Submit(staff_, Step(Draft())));
  EXPECT_EQ(p.state, S::kSubmitted);
  // Friday 27/11/2026 + 7 working days.
  EXPECT_EQ(p.deadlines.decision_due, absl::CivilDay(2026, 12, 8));
}

TEST_F(ProposalOperationsTest, TieGoesTheHeadsWay) {
  domain::Proposal p = Appraised();
  domain::Proposal out = Must(proposals_->RecordDecision(
      approver_, {Step(p), Meeting({"A", "B", "C", "D"}, {{"A", VoteChoice::kAgainst},
                                                          {"B", VoteChoice::kFor},
                                                          {"C", VoteChoice::kFor},
                                                          {"D", VoteChoice::kAgainst}})}));
  EXPECT_EQ(out.state, S::kRejected);
  EXPECT_TRUE(out.decision->tie_decided_by_head);
  EXPECT_FALSE(out.decision->passed_by_vote);
}

TEST_F(ProposalOperationsTest, HeadOverrideNeedsItsStatementAndAFailedVote) {
  domain::Proposal p = Appraised();
  domain::LeadershipDecision d =
      Meeting({"A", "B", "C"},
              {{"A", VoteChoice::kFor}, {"B", VoteChoice::kAgainst}, {"C", VoteChoice::kAgainst}});
  d.head_override = true;
  auto refused = proposals_->RecordDecision(approver_, {Step(p), d});
  EXPECT_THAT(FieldsOf(refused.status()), ElementsAre("decision.override_statement"));
  EXPECT_EQ(Stored(p).etag, p.etag);

  domain::LeadershipDecision passed = Meeting({"A", "B"}, {{"A", VoteChoice::kFor}});
  passed.head_override = true;
  passed.override_statement = "Thừa";
  ExpectRefused(proposals_->RecordDecision(approver_, {Step(p), passed}).status(),
                absl::StatusCode::kFailedPrecondition, "OVERRIDE_NOT_NEEDED");

  d.override_statement = "Tôi quyết định cho thí điểm và chịu trách nhiệm cá nhân.";
  domain::Proposal out = Must(proposals_->RecordDecision(approver_, {Step(p), d}));
  EXPECT_EQ(out.state, S::kApproved);
  EXPECT_FALSE(out.decision->passed_by_vote);
}

TEST_F(ProposalOperationsTest, TheProposerNeverVotesAndNobodyPresentDecidesNothing) {
  domain::Proposal p = Appraised();
  const std::string proposer = AccountOf(staff_);
  ExpectRefused(proposals_
                    ->RecordDecision(approver_, {Step(p), Meeting({"A", proposer},
                                                                  {{"A", VoteChoice::kFor},
                                                                   {proposer, VoteChoice::kFor}})})
                    .status(),
                absl::StatusCode::kFailedPrecondition, "PROPOSER_MAY_NOT_VOTE");
  ExpectRefused(proposals_
                    ->RecordDecision(
                        approver_,
                        {Step(p), Meeting({"A", "Đỗ Văn Nam"}, {{"A", VoteChoice::kFor},
                                                                {"Đỗ Văn Nam", VoteChoice::kFor}})})
                    .status(),
                absl::StatusCode::kFailedPrecondition, "PROPOSER_MAY_NOT_VOTE");
  ExpectRefused(proposals_->RecordDecision(approver_, {Step(p), Meeting({}, {})}).status(),
                absl::StatusCode::kFailedPrecondition, "NO_MEMBERS_PRESENT");
  EXPECT_EQ(Stored(p).etag, p.etag);
}

TEST_F(ProposalOperationsTest, DecisionNeedsAnAppraisalFirst) {
  domain::Proposal p = Draft();
  Must(proposals_->Submit(staff_, Step(p)));
  Must(proposals_->StartAppraisal(coordinator_, Step(p)));
  ExpectRefused(
      proposals_->RecordDecision(approver_, {Step(p), Meeting({"A"}, {{"A", VoteChoice::kFor}})})
          .status(),
      absl::StatusCode::kFailedPrecondition, "APPRAISAL_MISSING");
}

TEST_F(ProposalOperationsTest, BeforeTheEvaluationDateOnlyAnApproverHaltsWithAReason) {
  domain::Proposal p = Piloting();
  ExpectRefused(proposals_->HaltPilot(coordinator_, Step(p, "Thiếu kinh phí")).status(),
                absl::StatusCode::kPermissionDenied, "HALT_NEEDS_APPROVER");
  ExpectRefused(proposals_->HaltPilot(approver_, Step(p, "")).status(),
                absl::StatusCode::kFailedPrecondition, "HALT_REASON_REQUIRED");
  EXPECT_EQ(Stored(p).etag, p.etag);
  domain::Proposal halted = Must(proposals_->HaltPilot(approver_, Step(p, "Rủi ro ngân sách")));
  EXPECT_EQ(halted.state, S::kHalted);
  EXPECT_TRUE(halted.halt->before_evaluation_date);
  EXPECT_EQ(halted.halt->reason, "Rủi ro ngân sách");
}

TEST_F(ProposalOperationsTest, FromTheEvaluationDateACoordinatorMayHalt) {
  domain::Proposal p = Piloting();
  now_ += absl::Hours(24 * 18);  // 15/12/2026
  domain::Proposal halted = Must(proposals_->HaltPilot(coordinator_, Step(p)));
  EXPECT_FALSE(halted.halt->before_evaluation_date);
}

TEST_F(ProposalOperationsTest, ResponsibilityFollowsAShortfallAndLeniencyNeedsPureMotives) {
  domain::Proposal achieved = Evaluated(domain::PilotOutcome::kAchieved, true);
  EXPECT_EQ(achieved.state, S::kClosed);
  domain::ResponsibilityDecision d{domain::ResponsibilityKind::kExempted, "Đề nghị miễn.",
                                   "1/QĐ-UBND", absl::CivilDay(2026, 11, 27), ""};
  ExpectRefused(proposals_->DecideResponsibility(approver_, {Step(achieved), d}).status(),
                absl::StatusCode::kFailedPrecondition, "INVALID_TRANSITION");

  domain::Proposal impure = Evaluated(domain::PilotOutcome::kNotAchieved, false);
  EXPECT_EQ(impure.state, S::kEvaluated);
  ExpectRefused(proposals_->DecideResponsibility(approver_, {Step(impure), d}).status(),
                absl::StatusCode::kFailedPrecondition, "MOTIVES_NOT_PURE");
  EXPECT_EQ(Stored(impure).etag, impure.etag);
  d.kind = domain::ResponsibilityKind::kNotExempted;
  EXPECT_EQ(Must(proposals_->DecideResponsibility(approver_, {Step(impure), d})).state, S::kClosed);
}

TEST_F(ProposalOperationsTest, PublishingTwiceHasNothingToPublish) {
  domain::Proposal p = Piloting();
  Must(proposals_->PublishDecision(approver_, Step(p)));
  ExpectRefused(proposals_->PublishDecision(approver_, Step(p)).status(),
                absl::StatusCode::kFailedPrecondition, "NOTHING_TO_PUBLISH");
}

TEST_F(ProposalOperationsTest, LeadersOnlyPolicyRestrictsSubmission) {
  domain::Proposal p = Draft();
  ASSERT_TRUE(proposals_->SetSubmissionPolicy(sys_, domain::SubmissionPolicy::kLeadersOnly).ok());
  ExpectRefused(proposals_->Submit(staff_, Step(p)).status(), absl::StatusCode::kPermissionDenied,
                "SUBMISSION_RESTRICTED");
  ASSERT_TRUE(proposals_->SetSubmissionPolicy(sys_, domain::SubmissionPolicy::kAnyStaff).ok());
  EXPECT_EQ(Must(proposals_->Submit(staff_, Step(p))).state, S::kSubmitted);
}

TEST_F(ProposalOperationsTest, CreateWithTheSameRequestIdCreatesOnce) {
  auto first = proposals_->Create(staff_, {"Gửi lại khi mất sóng", 0, {}}, {"r1", "fp"});
  auto second = proposals_->Create(staff_, {"Gửi lại khi mất sóng", 0, {}}, {"r1", "fp"});
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_EQ(first->id, second->id);
  EXPECT_EQ(first->unit_id, tan_lap_);
}

TEST_F(ProposalOperationsTest, StaffProposeOnlyForTheirOwnUnit) {
  auto other = proposals_->Create(staff_, {"Đề xuất", hoa_binh_, {}}, {});
  ExpectRefused(other.status(), absl::StatusCode::kPermissionDenied, "OTHER_UNIT");
  domain::Caller anonymous;
  EXPECT_EQ(proposals_->Create(anonymous, {"Đề xuất", tan_lap_, {}}, {}).status().code(),
            absl::StatusCode::kPermissionDenied);
}

TEST_F(ProposalOperationsTest, AnUpdateOfOnePartKeepsTheOthersAndIsANewVersion) {
  domain::ProposalContents partial = FullContents();
  partial.resources.clear();
  domain::Proposal p = Draft(partial);
  UpdateProposalCommand edit{p.id, {{}, {"contents.resources"}, p.etag}};
  edit.update.patch.contents.resources = "Không phát sinh kinh phí.";
  domain::Proposal out = Must(proposals_->Update(staff_, edit));
  EXPECT_EQ(out.contents_version, 2);
  EXPECT_EQ(out.contents.resources, "Không phát sinh kinh phí.");
  EXPECT_EQ(out.contents.bottleneck, partial.bottleneck);
  EXPECT_EQ(out.title, p.title);
  // The etag read before the change is stale now.
  EXPECT_EQ(proposals_->Update(staff_, edit).status().code(), absl::StatusCode::kAborted);
}

TEST_F(ProposalOperationsTest, AnAdjustmentIsTheNextVersionAndMovesTheReportDeadline) {
  domain::Proposal p = Piloting();
  EXPECT_EQ(p.deadlines.report_due, absl::CivilDay(2027, 3, 5));
  RecordPilotCheckCommand check{Step(p)};
  check.check.notes = "Cần thêm thời gian.";
  check.adjustment_paths = {"pilot_period.end_date"};
  check.adjustments.pilot_end = absl::CivilDay(2027, 3, 31);
  domain::Proposal out = Must(proposals_->RecordPilotCheck(coordinator_, check));
  EXPECT_EQ(out.contents_version, p.contents_version + 1);
  EXPECT_EQ(out.contents.pilot_end, absl::CivilDay(2027, 3, 31));
  EXPECT_EQ(out.contents.pilot_start, absl::CivilDay(2026, 12, 1));
  EXPECT_THAT(out.pilot.checks.back().adjusted_parts, ElementsAre("pilot_period"));
  EXPECT_EQ(out.deadlines.report_due, absl::CivilDay(2027, 4, 7));
  domain::Proposal before = Must(proposals_->Get(sys_, p.id, p.contents_version));
  EXPECT_EQ(before.contents.pilot_end, absl::CivilDay(2027, 2, 26));
}

}  // namespace
}  // namespace sangkien::operations
