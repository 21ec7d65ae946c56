#include "domain/proposal_rules.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <utility>

#include "absl/strings/str_cat.h"

namespace sangkien::domain {
namespace {

using S = ProposalState;
using V = ProposalVerb;
using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

// The workflow as ProposalService in docs/API.md and the seed describe it,
// written out pair by pair, independent of the table in proposal_rules.cc.
std::map<std::pair<S, V>, std::vector<S>> Expected() {
  std::map<std::pair<S, V>, std::vector<S>> m = {
      {{S::kDraft, V::kUpdate}, {S::kDraft}},
      {{S::kDraft, V::kWithdraw}, {S::kWithdrawn}},
      {{S::kDraft, V::kSubmit}, {S::kSubmitted}},
      {{S::kReturned, V::kUpdate}, {S::kReturned}},
      {{S::kReturned, V::kWithdraw}, {S::kWithdrawn}},
      {{S::kReturned, V::kSubmit}, {S::kSubmitted}},
      {{S::kSubmitted, V::kWithdraw}, {S::kWithdrawn}},
      {{S::kSubmitted, V::kStartAppraisal}, {S::kUnderAppraisal}},
      {{S::kSubmitted, V::kReturn}, {S::kReturned}},
      {{S::kUnderAppraisal, V::kWithdraw}, {S::kWithdrawn}},
      {{S::kUnderAppraisal, V::kRecordAppraisal}, {S::kUnderAppraisal}},
      {{S::kUnderAppraisal, V::kReturn}, {S::kReturned}},
      {{S::kUnderAppraisal, V::kRecordDecision}, {S::kApproved, S::kRejected}},
      {{S::kApproved, V::kStartPilot}, {S::kPiloting}},
      {{S::kPiloting, V::kRecordPilotCheck}, {S::kPiloting}},
      {{S::kPiloting, V::kHaltPilot}, {S::kHalted}},
      {{S::kPiloting, V::kCompletePilot}, {S::kPilotCompleted}},
      {{S::kPilotCompleted, V::kEvaluate}, {S::kEvaluated, S::kClosed}},
      {{S::kHalted, V::kEvaluate}, {S::kEvaluated, S::kClosed}},
      {{S::kEvaluated, V::kDecideResponsibility}, {S::kClosed}},
      {{S::kClosed, V::kReplicate}, {S::kReplicated}},
  };
  for (S s : {S::kApproved, S::kPiloting, S::kPilotCompleted, S::kEvaluated, S::kClosed, S::kHalted,
              S::kReplicated}) {
    m[{s, V::kPublishDecision}] = {s};
  }
  return m;
}

int Rank(S s) {
  // Workflow order, for "nothing moves backwards".
  switch (s) {
    case S::kDraft:
      return 0;
    case S::kReturned:
      return 0;
    case S::kSubmitted:
      return 1;
    case S::kUnderAppraisal:
      return 2;
    case S::kApproved:
      return 3;
    case S::kRejected:
      return 3;
    case S::kPiloting:
      return 4;
    case S::kHalted:
      return 5;
    case S::kPilotCompleted:
      return 5;
    case S::kEvaluated:
      return 6;
    case S::kClosed:
      return 7;
    case S::kReplicated:
      return 8;
    case S::kWithdrawn:
      return 9;
    default:
      return -1;
  }
}

TEST(ProposalMovesTest, EveryStateVerbPairIsAllowedOrRefusedWithTheReason) {
  auto expected = Expected();
  int allowed = 0, refused = 0;
  for (S s : AllProposalStates()) {
    for (V v : AllProposalVerbs()) {
      SCOPED_TRACE(absl::StrCat(std::string(StateName(s)), " × ", std::string(VerbName(v))));
      auto it = expected.find({s, v});
      absl::Status status = CheckMove(s, v);
      if (it != expected.end()) {
        ++allowed;
        EXPECT_TRUE(status.ok()) << status;
        EXPECT_THAT(NextStates(s, v), ::testing::UnorderedElementsAreArray(it->second));
      } else {
        ++refused;
        EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
        EXPECT_EQ(ErrorReason(status), "INVALID_TRANSITION");
        EXPECT_FALSE(ErrorMessageVi(status).empty());
        EXPECT_TRUE(NextStates(s, v).empty());
      }
    }
  }
  EXPECT_EQ(allowed, static_cast<int>(expected.size()));
  EXPECT_EQ(allowed + refused, 13 * 15);
}

TEST(ProposalMovesTest, NothingMovesBackwardsExceptReturn) {
  for (const auto& m : ProposalMoves()) {
    for (S to : m.to) {
      if (m.verb == V::kReturn) {
        EXPECT_LT(Rank(to), Rank(m.from));
      } else {
        EXPECT_GE(Rank(to), Rank(m.from)) << StateName(m.from) << " → " << StateName(to);
      }
    }
  }
}

TEST(ProposalMovesTest, WithdrawnAndReplicatedAreEnds) {
  for (V v : AllProposalVerbs()) {
    EXPECT_FALSE(CheckMove(S::kWithdrawn, v).ok());
    if (v != V::kPublishDecision) EXPECT_FALSE(CheckMove(S::kReplicated, v).ok());
  }
}

TEST(ProposalMovesTest, OnlyAnAchievedPilotIsReplicated) {
  for (S s : AllProposalStates()) {
    EXPECT_EQ(CheckMove(s, V::kReplicate).ok(), s == S::kClosed) << StateName(s);
  }
  Proposal p;
  p.state = S::kClosed;
  absl::Status none = CheckReplicable(p);
  EXPECT_EQ(none.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(ErrorReason(none), "PILOT_NOT_ACHIEVED");
  EXPECT_FALSE(ErrorMessageVi(none).empty());
  p.evaluation = Evaluation();
  for (PilotOutcome o : {PilotOutcome::kPartial, PilotOutcome::kNotAchieved}) {
    p.evaluation->outcome = o;
    EXPECT_EQ(ErrorReason(CheckReplicable(p)), "PILOT_NOT_ACHIEVED");
  }
  p.evaluation->outcome = PilotOutcome::kAchieved;
  EXPECT_TRUE(CheckReplicable(p).ok());
}

TEST(ProposalMovesTest, StartPilotOnlyFromApproved) {
  for (S s : AllProposalStates()) {
    EXPECT_EQ(CheckMove(s, V::kStartPilot).ok(), s == S::kApproved) << StateName(s);
  }
}

TEST(ProposalVisibilityTest, PublicFromApprovedOn) {
  std::vector<S> shown;
  for (S s : AllProposalStates()) {
    if (IsPublicState(s)) shown.push_back(s);
  }
  EXPECT_THAT(shown, UnorderedElementsAre(S::kApproved, S::kPiloting, S::kPilotCompleted,
                                          S::kEvaluated, S::kClosed, S::kHalted, S::kReplicated));
}

ProposalContents Complete() {
  ProposalContents c;
  c.bottleneck = "Hồ sơ đất đai tồn đọng";
  c.necessity = "Người dân chờ lâu";
  c.solutions = "Tiếp nhận trực tuyến";
  c.scope = "Xã Tân Lập";
  c.implementers = "Văn phòng UBND xã";
  c.pilot_start = absl::CivilDay(2026, 1, 5);
  c.pilot_end = absl::CivilDay(2026, 6, 30);
  c.resources = "2 công chức, 20 triệu đồng";
  c.feasibility = "Có sẵn đường truyền";
  c.positive_impact = "Giảm thời gian chờ";
  c.negative_impact = "Người cao tuổi khó dùng";
  c.expected_results = "90% hồ sơ đúng hạn";
  c.evaluation_date = absl::CivilDay(2026, 7, 15);
  return c;
}

std::vector<std::string> Fields(const std::vector<FieldViolation>& v) {
  std::vector<std::string> out;
  for (const auto& x : v) out.push_back(x.field);
  return out;
}

TEST(MissingContentsTest, CompleteContentsPass) {
  EXPECT_TRUE(MissingContents(Complete(), "proposal.contents.").empty());
}

TEST(MissingContentsTest, OneViolationPerMissingPartInVietnamese) {
  auto v = MissingContents(ProposalContents(), "p.");
  EXPECT_THAT(Fields(v),
              ElementsAre("p.bottleneck", "p.necessity", "p.solutions", "p.scope", "p.implementers",
                          "p.pilot_period", "p.resources", "p.feasibility", "p.positive_impact",
                          "p.negative_impact", "p.expected_results", "p.evaluation_date"));
  for (const auto& x : v) EXPECT_EQ(x.description_vi.rfind("Thiếu ", 0), 0u) << x.field;
  ProposalContents c = Complete();
  c.scope = "  \n";
  c.pilot_end.reset();
  EXPECT_THAT(Fields(MissingContents(c, "")), ElementsAre("scope", "pilot_period"));
}

TEST(MissingContentsTest, DatesMustBeInOrder) {
  ProposalContents c = Complete();
  c.pilot_end = absl::CivilDay(2025, 12, 31);
  c.evaluation_date = absl::CivilDay(2025, 12, 1);
  EXPECT_THAT(Fields(MissingContents(c, "")), ElementsAre("pilot_period", "evaluation_date"));
}

TEST(LeaderPositionTest, HeadsAndDeputiesAreLeaders) {
  EXPECT_TRUE(IsLeaderPosition("Chủ tịch UBND xã"));
  EXPECT_TRUE(IsLeaderPosition("Phó Chủ tịch UBND huyện"));
  EXPECT_TRUE(IsLeaderPosition("Trưởng phòng Nội vụ"));
  EXPECT_TRUE(IsLeaderPosition("phó trưởng phòng"));
  EXPECT_TRUE(IsLeaderPosition("Giám đốc Trung tâm"));
  EXPECT_TRUE(IsLeaderPosition("Chánh Thanh tra huyện"));
  EXPECT_FALSE(IsLeaderPosition("Công chức Văn phòng - Thống kê"));
  EXPECT_FALSE(IsLeaderPosition("Chuyên viên Phòng Nội vụ"));
}

LeadershipDecision Meeting(std::vector<Ballot> ballots) {
  LeadershipDecision d;
  d.members_present = {"accounts/1", "accounts/2", "accounts/3", "accounts/4", "accounts/9"};
  d.head = "accounts/1";
  d.ballots = std::move(ballots);
  return d;
}

constexpr VoteChoice kFor = VoteChoice::kFor;
constexpr VoteChoice kAgainst = VoteChoice::kAgainst;
constexpr VoteChoice kAbstain = VoteChoice::kAbstain;

TEST(TallyDecisionTest, MoreThanHalfOfVotesCastPasses) {
  auto t = TallyDecision(Meeting({{"accounts/1", kAgainst},
                                  {"accounts/2", kFor},
                                  {"accounts/3", kFor},
                                  {"accounts/4", kAbstain}}),
                         "accounts/9", "");
  ASSERT_TRUE(t.ok()) << t.status();
  EXPECT_EQ(t->votes_for, 2);
  EXPECT_EQ(t->votes_against, 1);
  EXPECT_EQ(t->votes_abstaining, 1);
  EXPECT_TRUE(t->passed_by_vote);
  EXPECT_FALSE(t->tie_decided_by_head);
  EXPECT_EQ(t->result, S::kApproved);
}

TEST(TallyDecisionTest, HalfIsNotMoreThanHalf) {
  auto t = TallyDecision(
      Meeting({{"accounts/2", kFor}, {"accounts/3", kAgainst}, {"accounts/4", kAgainst}}),
      "accounts/9", "");
  ASSERT_TRUE(t.ok());
  EXPECT_FALSE(t->passed_by_vote);
  EXPECT_EQ(t->result, S::kRejected);
}

TEST(TallyDecisionTest, TieGoesTheHeadsWay) {
  auto with_head =
      TallyDecision(Meeting({{"accounts/1", kFor}, {"accounts/2", kAgainst}}), "accounts/9", "");
  ASSERT_TRUE(with_head.ok());
  EXPECT_TRUE(with_head->passed_by_vote);
  EXPECT_TRUE(with_head->tie_decided_by_head);
  EXPECT_EQ(with_head->result, S::kApproved);

  auto against_head = TallyDecision(Meeting({{"accounts/1", kAgainst},
                                             {"accounts/2", kFor},
                                             {"accounts/3", kFor},
                                             {"accounts/4", kAgainst}}),
                                    "accounts/9", "");
  ASSERT_TRUE(against_head.ok());
  EXPECT_FALSE(against_head->passed_by_vote);
  EXPECT_TRUE(against_head->tie_decided_by_head);
  EXPECT_EQ(against_head->result, S::kRejected);

  // The head abstained: nothing breaks the tie, so the vote fails.
  auto head_abstains = TallyDecision(
      Meeting({{"accounts/1", kAbstain}, {"accounts/2", kFor}, {"accounts/3", kAgainst}}),
      "accounts/9", "");
  ASSERT_TRUE(head_abstains.ok());
  EXPECT_FALSE(head_abstains->passed_by_vote);
  EXPECT_FALSE(head_abstains->tie_decided_by_head);
  EXPECT_EQ(head_abstains->result, S::kRejected);
}

TEST(TallyDecisionTest, HeadMayOverrideAFailedVoteInWriting) {
  LeadershipDecision d =
      Meeting({{"accounts/1", kFor}, {"accounts/2", kAgainst}, {"accounts/3", kAgainst}});
  d.head_override = true;
  d.override_statement = "Tôi chịu trách nhiệm cá nhân về việc cho chủ trương thí điểm.";
  auto t = TallyDecision(d, "accounts/9", "");
  ASSERT_TRUE(t.ok()) << t.status();
  EXPECT_FALSE(t->passed_by_vote);
  EXPECT_EQ(t->result, S::kApproved);

  d.override_statement = " ";
  EXPECT_EQ(TallyDecision(d, "accounts/9", "").status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(TallyDecisionTest, OverrideOfAPassedVoteIsRefused) {
  LeadershipDecision d = Meeting({{"accounts/1", kFor}, {"accounts/2", kFor}});
  d.head_override = true;
  d.override_statement = "Không cần";
  auto t = TallyDecision(d, "accounts/9", "");
  EXPECT_EQ(t.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(ErrorReason(t.status()), "OVERRIDE_NOT_NEEDED");
}

TEST(TallyDecisionTest, ProposerNeverVotes) {
  auto t = TallyDecision(Meeting({{"accounts/1", kFor}, {"accounts/9", kFor}}), "accounts/9",
                         "Đỗ Văn Nam");
  EXPECT_EQ(t.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(ErrorReason(t.status()), "PROPOSER_MAY_NOT_VOTE");
  LeadershipDecision by_name = Meeting({{"Đỗ Văn Nam", kFor}});
  by_name.members_present.push_back("Đỗ Văn Nam");
  EXPECT_EQ(ErrorReason(TallyDecision(by_name, "accounts/9", "Đỗ Văn Nam").status()),
            "PROPOSER_MAY_NOT_VOTE");
}

TEST(TallyDecisionTest, NobodyPresentDecidesNothing) {
  LeadershipDecision d;
  d.head = "accounts/1";
  auto t = TallyDecision(d, "accounts/9", "");
  EXPECT_EQ(t.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(ErrorReason(t.status()), "NO_MEMBERS_PRESENT");
}

TEST(TallyDecisionTest, NoVotesCastFails) {
  auto t = TallyDecision(Meeting({{"accounts/2", kAbstain}}), "accounts/9", "");
  ASSERT_TRUE(t.ok());
  EXPECT_FALSE(t->passed_by_vote);
  EXPECT_EQ(t->result, S::kRejected);
}

TEST(TallyDecisionTest, BallotsMustComeFromPresentMembersOnce) {
  auto t = TallyDecision(Meeting({{"accounts/7", kFor},
                                  {"accounts/2", kFor},
                                  {"accounts/2", kAgainst},
                                  {"accounts/3", VoteChoice()}}),
                         "accounts/9", "");
  EXPECT_EQ(t.status().code(), absl::StatusCode::kInvalidArgument);
  std::vector<std::string> fields;
  for (const auto& v : ErrorFieldViolations(t.status())) fields.push_back(v.field);
  EXPECT_THAT(fields, ElementsAre("decision.ballots[0].member", "decision.ballots[2].member",
                                  "decision.ballots[3].choice"));
  LeadershipDecision absent_head = Meeting({});
  absent_head.head = "accounts/8";
  EXPECT_EQ(TallyDecision(absent_head, "accounts/9", "").status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(CheckHaltTest, BeforeTheEvaluationDateNeedsReasonAndApprover) {
  absl::CivilDay eval(2026, 12, 15);
  absl::CivilDay before(2026, 12, 14);
  auto no_reason = CheckHalt(before, eval, "", true, false);
  EXPECT_EQ(ErrorReason(no_reason.status()), "HALT_REASON_REQUIRED");
  EXPECT_EQ(no_reason.status().code(), absl::StatusCode::kFailedPrecondition);
  auto coordinator = CheckHalt(before, eval, "Gây thiệt hại", false, true);
  EXPECT_EQ(coordinator.status().code(), absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(ErrorReason(coordinator.status()), "HALT_NEEDS_APPROVER");
  auto approver = CheckHalt(before, eval, "Gây thiệt hại", true, false);
  ASSERT_TRUE(approver.ok());
  EXPECT_TRUE(*approver);
}

TEST(CheckHaltTest, FromTheEvaluationDateACoordinatorMayHalt) {
  absl::CivilDay eval(2026, 12, 15);
  for (absl::CivilDay day : {eval, eval + 1}) {
    auto coordinator = CheckHalt(day, eval, "", false, true);
    ASSERT_TRUE(coordinator.ok()) << coordinator.status();
    EXPECT_FALSE(*coordinator);
    EXPECT_TRUE(CheckHalt(day, eval, "", true, false).ok());
    EXPECT_EQ(CheckHalt(day, eval, "x", false, false).status().code(),
              absl::StatusCode::kPermissionDenied);
  }
}

TEST(ResponsibilityTest, OnlyAfterAnEvaluationThatWasNotAchieved) {
  EXPECT_EQ(ErrorReason(CheckResponsibility(std::nullopt, ResponsibilityKind::kExempted)),
            "RESPONSIBILITY_NOT_APPLICABLE");
  Evaluation achieved{PilotOutcome::kAchieved};
  achieved.motives_pure = true;
  EXPECT_EQ(ErrorReason(CheckResponsibility(achieved, ResponsibilityKind::kExempted)),
            "RESPONSIBILITY_NOT_APPLICABLE");
  EXPECT_EQ(StateAfterEvaluation(PilotOutcome::kAchieved), S::kClosed);
  EXPECT_EQ(StateAfterEvaluation(PilotOutcome::kPartial), S::kEvaluated);
  EXPECT_EQ(StateAfterEvaluation(PilotOutcome::kNotAchieved), S::kEvaluated);
}

TEST(ResponsibilityTest, LeniencyNeedsPureMotives) {
  Evaluation partial{PilotOutcome::kPartial};
  partial.motives_pure = true;
  for (auto kind : {ResponsibilityKind::kExcluded, ResponsibilityKind::kExempted,
                    ResponsibilityKind::kReduced, ResponsibilityKind::kNotExempted}) {
    EXPECT_TRUE(CheckResponsibility(partial, kind).ok());
  }
  Evaluation impure{PilotOutcome::kNotAchieved};
  impure.motives_pure = false;
  for (auto kind : {ResponsibilityKind::kExcluded, ResponsibilityKind::kExempted,
                    ResponsibilityKind::kReduced}) {
    EXPECT_EQ(ErrorReason(CheckResponsibility(impure, kind)), "MOTIVES_NOT_PURE");
  }
  EXPECT_TRUE(CheckResponsibility(impure, ResponsibilityKind::kNotExempted).ok());
}

TEST(WorkingDaysTest, WeekendsAreSkipped) {
  WeekendsOnly w;
  // Friday 27/11/2026 + 7 working days = Tuesday 8/12/2026.
  EXPECT_EQ(w.AddWorkingDays(absl::CivilDay(2026, 11, 27), 7), absl::CivilDay(2026, 12, 8));
  // Saturday + 1 = Monday.
  EXPECT_EQ(w.AddWorkingDays(absl::CivilDay(2026, 11, 28), 1), absl::CivilDay(2026, 11, 30));
  EXPECT_EQ(w.AddWorkingDays(absl::CivilDay(2026, 11, 30), 5), absl::CivilDay(2026, 12, 7));
}

TEST(LatenessTest, LateStepsAreFlaggedAndPendingOnesMakeItOverdue) {
  Proposal p;
  p.state = S::kUnderAppraisal;
  p.deadlines.decision_due = absl::CivilDay(2026, 12, 8);
  ComputeLateness(p, absl::CivilDay(2026, 12, 8));
  EXPECT_FALSE(p.deadlines.decision_late);
  EXPECT_FALSE(p.deadlines.overdue);
  ComputeLateness(p, absl::CivilDay(2026, 12, 9));
  EXPECT_TRUE(p.deadlines.decision_late);
  EXPECT_TRUE(p.deadlines.overdue);
  // Decided late: still flagged, no longer overdue.
  p.state = S::kApproved;
  p.decision_date = absl::CivilDay(2026, 12, 10);
  ComputeLateness(p, absl::CivilDay(2026, 12, 20));
  EXPECT_TRUE(p.deadlines.decision_late);
  EXPECT_FALSE(p.deadlines.overdue);
  // The completion report pending past its due date.
  p.state = S::kPiloting;
  p.deadlines.report_due = absl::CivilDay(2027, 1, 7);
  ComputeLateness(p, absl::CivilDay(2027, 1, 8));
  EXPECT_TRUE(p.deadlines.report_late);
  EXPECT_TRUE(p.deadlines.overdue);
  // Filed on time, then the evaluation is pending.
  p.state = S::kPilotCompleted;
  p.pilot.completion_report = CompletionReport{"xong", absl::CivilDay(2027, 1, 6), ""};
  p.deadlines.evaluation_due = absl::CivilDay(2027, 1, 15);
  ComputeLateness(p, absl::CivilDay(2027, 1, 14));
  EXPECT_FALSE(p.deadlines.report_late);
  EXPECT_FALSE(p.deadlines.evaluation_late);
  EXPECT_FALSE(p.deadlines.overdue);
  ComputeLateness(p, absl::CivilDay(2027, 1, 18));
  EXPECT_TRUE(p.deadlines.evaluation_late);
  EXPECT_TRUE(p.deadlines.overdue);
}

}  // namespace
}  // namespace sangkien::domain
