// The input rules of the proposal commands, as every door meets them: text
// limits and NFC, required fields, list sizes, dates, choices and masks, all
// refused before anything is read or written.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "domain/validation.h"
#include "proposal_fixture.h"

namespace sangkien::operations {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using S = domain::ProposalState;

TEST_F(ProposalOperationsTest, CreateChecksTitleAndEveryTextPart) {
  CreateProposalCommand cmd{"   ", 0, FullContents()};
  cmd.contents.scope = std::string(domain::kMaxLongTextLength + 1, 'x');
  cmd.contents.resources = "a\x01";
  auto created = proposals_->Create(staff_, cmd, {});
  ASSERT_EQ(created.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(FieldsOf(created.status()), ElementsAre("proposal.title", "proposal.contents.scope",
                                                      "proposal.contents.resources"));
  EXPECT_EQ(ErrorFieldViolations(created.status())[0].description_vi, "không được để trống");
}

TEST_F(ProposalOperationsTest, TextIsStoredInNfc) {
  // "Hòa" with the grave accent as a combining mark.
  auto created = proposals_->Create(staff_,
                                    {"Ho\xcc\x80"
                                     "a",
                                     0,
                                     {}},
                                    {});
  ASSERT_TRUE(created.ok()) << created.status();
  EXPECT_EQ(created->title,
            "H\xc3\xb2"
            "a");
}

TEST_F(ProposalOperationsTest, UpdateRefusesABadMaskBeforeLookingTheProposalUp) {
  UpdateProposalCommand edit{999, {{}, {"state"}, ""}};
  auto refused = proposals_->Update(staff_, edit);
  EXPECT_THAT(FieldsOf(refused.status()), ElementsAre("update_mask"));
  EXPECT_EQ(ErrorFieldViolations(refused.status())[0].description,
            "\"state\" cannot be changed; allowed: title, unit, contents");
  edit.update.paths.clear();
  EXPECT_THAT(FieldsOf(proposals_->Update(staff_, edit).status()), ElementsAre("update_mask"));
  edit.update.paths = {"title"};
  edit.update.patch.title = "Tên";
  EXPECT_EQ(proposals_->Update(staff_, edit).status().code(), absl::StatusCode::kNotFound);
}

TEST_F(ProposalOperationsTest, UpdateChecksTheProposalItLeadsTo) {
  domain::Proposal p = Draft();
  UpdateProposalCommand edit{p.id, {{}, {"title", "unit", "contents.scope"}, ""}};
  edit.update.patch.contents.scope = std::string(domain::kMaxLongTextLength + 1, 'x');
  auto refused = proposals_->Update(staff_, edit);
  EXPECT_THAT(FieldsOf(refused.status()),
              ElementsAre("proposal.title", "proposal.unit", "proposal.contents.scope"));
  EXPECT_EQ(ErrorFieldViolations(refused.status())[1].description, "is required (units/{id})");
  // A stale etag wins over the fields.
  edit.update.etag = "stale";
  EXPECT_EQ(proposals_->Update(staff_, edit).status().code(), absl::StatusCode::kAborted);
  EXPECT_EQ(Stored(p).etag, p.etag);
}

TEST_F(ProposalOperationsTest, StepsCheckEtagAndNote) {
  domain::Proposal p = Draft();
  Must(proposals_->Submit(staff_, Step(p)));
  ProposalStep step = Step(p, std::string(domain::kMaxShortTextLength + 1, 'x'));
  step.etag = std::string(101, 'e');
  EXPECT_THAT(FieldsOf(proposals_->StartAppraisal(coordinator_, step).status()),
              ElementsAre("etag", "note"));
  // Returning says why.
  EXPECT_THAT(FieldsOf(proposals_->Return(coordinator_, Step(p, " ")).status()),
              ElementsAre("note"));
  EXPECT_EQ(Must(proposals_->Return(coordinator_, Step(p, "Bổ sung dự toán."))).state,
            S::kReturned);
}

TEST_F(ProposalOperationsTest, HaltReasonIsCheckedAsTheReason) {
  domain::Proposal p = Piloting();
  auto refused =
      proposals_->HaltPilot(approver_, Step(p, std::string(domain::kMaxShortTextLength + 1, 'x')));
  EXPECT_THAT(FieldsOf(refused.status()), ElementsAre("reason"));
}

TEST_F(ProposalOperationsTest, AppraisalNeedsNotesAndARecommendation) {
  domain::Proposal p = Draft();
  auto refused = proposals_->RecordAppraisal(coordinator_, {Step(p), {}});
  EXPECT_THAT(FieldsOf(refused.status()),
              ElementsAre("appraisal.notes", "appraisal.recommendation"));
  EXPECT_EQ(ErrorFieldViolations(refused.status())[1].description_vi,
            "Phải nêu đề xuất của thẩm định");
}

TEST_F(ProposalOperationsTest, DecisionChecksTheMinutes) {
  domain::Proposal p = Appraised();
  domain::LeadershipDecision d = Meeting({"A", ""}, {{"", domain::VoteChoice::kFor}});
  d.document_symbol = "";
  d.document_date.reset();
  d.head = std::string(domain::kMaxNameLength + 1, 'h');
  EXPECT_THAT(
      FieldsOf(proposals_->RecordDecision(approver_, {Step(p), d}).status()),
      ElementsAre("decision.members_present[1]", "decision.head", "decision.ballots[0].member",
                  "decision.document_symbol", "decision.document_date"));
  std::vector<std::string> crowd(101, "A");
  EXPECT_THAT(
      FieldsOf(proposals_->RecordDecision(approver_, {Step(p), Meeting(crowd, {})}).status()),
      ElementsAre("decision.members_present"));
  EXPECT_EQ(Stored(p).etag, p.etag);
}

TEST_F(ProposalOperationsTest, PilotCheckNeedsNotesAndAnAdjustmentOfRealParts) {
  domain::Proposal p = Piloting();
  RecordPilotCheckCommand check{Step(p)};
  EXPECT_THAT(FieldsOf(proposals_->RecordPilotCheck(coordinator_, check).status()),
              ElementsAre("check.notes"));
  check.check.notes = "Điều chỉnh.";
  check.adjustment_paths = {"title"};
  auto refused = proposals_->RecordPilotCheck(coordinator_, check);
  EXPECT_THAT(FieldsOf(refused.status()), ElementsAre("update_mask"));
  EXPECT_EQ(ErrorFieldViolations(refused.status())[0].description,
            "\"title\" cannot be changed; allowed: bottleneck, necessity, solutions, scope, "
            "implementers, pilot_period, resources, feasibility, positive_impact, "
            "negative_impact, expected_results, evaluation_date");
  // The adjusted contents must still be complete and consistent.
  check.adjustment_paths = {"scope", "pilot_period.end_date"};
  check.adjustments.pilot_end = absl::CivilDay(2026, 11, 1);
  EXPECT_THAT(FieldsOf(proposals_->RecordPilotCheck(coordinator_, check).status()),
              ElementsAre("adjustments.scope", "adjustments.pilot_period"));
  EXPECT_EQ(Stored(p).etag, p.etag);
}

TEST_F(ProposalOperationsTest, CompletionReportNeedsTextAndNoFutureDate) {
  domain::Proposal p = Piloting();
  CompletePilotCommand cmd{Step(p), {"", absl::CivilDay(2026, 11, 28), ""}};
  auto refused = proposals_->CompletePilot(staff_, cmd);
  EXPECT_THAT(FieldsOf(refused.status()), ElementsAre("report.text", "report.report_date"));
  EXPECT_EQ(ErrorFieldViolations(refused.status())[1].description, "must not be in the future");
  cmd.report = {"Báo cáo.", absl::CivilDay(2026, 11, 27), ""};
  EXPECT_EQ(Must(proposals_->CompletePilot(staff_, cmd)).state, S::kPilotCompleted);
}

TEST_F(ProposalOperationsTest, EvaluationNeedsAnOutcomeAndCausesOfAShortfall) {
  domain::Proposal p = Piloting();
  EXPECT_THAT(FieldsOf(proposals_->Evaluate(approver_, {Step(p), {}}).status()),
              ElementsAre("evaluation.outcome"));
  domain::Evaluation partial;
  partial.outcome = domain::PilotOutcome::kPartial;
  EXPECT_THAT(FieldsOf(proposals_->Evaluate(approver_, {Step(p), partial}).status()),
              ElementsAre("evaluation.objective_causes", "evaluation.subjective_causes"));
  domain::Evaluation achieved;
  achieved.outcome = domain::PilotOutcome::kAchieved;
  // Valid as a request; the proposal is still piloting.
  EXPECT_EQ(ErrorReason(proposals_->Evaluate(approver_, {Step(p), achieved}).status()),
            "INVALID_TRANSITION");
}

TEST_F(ProposalOperationsTest, ResponsibilityDecisionNeedsKindGroundsAndDocument) {
  domain::Proposal p = Evaluated(domain::PilotOutcome::kNotAchieved, true);
  auto refused = proposals_->DecideResponsibility(approver_, {Step(p), {}});
  EXPECT_THAT(FieldsOf(refused.status()),
              ElementsAre("decision.kind", "decision.grounds", "decision.document_symbol",
                          "decision.document_date"));
  EXPECT_EQ(Stored(p).etag, p.etag);
}

TEST_F(ProposalOperationsTest, SettingsNeedAPolicyAndVersionsAreNotNegative) {
  auto unset = proposals_->SetSubmissionPolicy(sys_, domain::SubmissionPolicy::kUnspecified);
  EXPECT_THAT(FieldsOf(unset.status()), ElementsAre("settings.submission_policy"));
  EXPECT_EQ(*proposals_->GetSubmissionPolicy(), domain::SubmissionPolicy::kAnyStaff);
  domain::Proposal p = Draft();
  EXPECT_THAT(FieldsOf(proposals_->Get(staff_, p.id, -1).status()),
              ElementsAre("contents_version"));
  EXPECT_THAT(FieldsOf(proposals_->Get(staff_, p.id, 1).status()), IsEmpty());
}

}  // namespace
}  // namespace sangkien::operations
