// The proposal workflow end to end: every (state, verb) pair through the
// API, the vote rule, the halting rule, the responsibility rule, required
// contents, visibility for the public and kiosks, deadlines, and the
// append-only history in the audit trail.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <set>

#include "absl/strings/str_cat.h"
#include "domain/proposal_rules.h"
#include "rpc_errors.h"
#include "sangkien/v1/proposal_service.grpc.pb.h"
#include "test_server.h"

namespace sangkien::api_test {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::SizeIs;
using S = domain::ProposalState;
using V = domain::ProposalVerb;

v1::ProposalContents FullContents() {
  v1::ProposalContents c;
  c.set_bottleneck("Hồ sơ chứng thực phải chờ 2 ngày vì chỉ có một người ký.");
  c.set_necessity("Người dân phản ánh nhiều lần tại các kỳ tiếp xúc cử tri.");
  c.set_solutions("Ủy quyền ký chứng thực cho Phó Chủ tịch trực bộ phận một cửa.");
  c.set_scope("Bộ phận một cửa xã Tân Lập.");
  c.set_implementers("Văn phòng UBND xã, công chức Tư pháp - Hộ tịch.");
  *c.mutable_pilot_period()->mutable_start_date() = MakeDate(2026, 12, 1);
  *c.mutable_pilot_period()->mutable_end_date() = MakeDate(2027, 2, 26);
  c.set_resources("Không phát sinh kinh phí.");
  c.set_feasibility("Đúng thẩm quyền theo quy định về chứng thực.");
  c.set_positive_impact("Trả kết quả trong ngày.");
  c.set_negative_impact("Tăng khối lượng ký của Phó Chủ tịch.");
  c.set_expected_results("95% hồ sơ chứng thực trả trong ngày.");
  *c.mutable_evaluation_date() = MakeDate(2026, 12, 15);
  return c;
}

v1::LeadershipDecision Decision(const std::string& head, std::vector<std::string> present,
                                std::vector<std::pair<std::string, v1::VoteChoice>> ballots) {
  v1::LeadershipDecision d;
  d.set_head(head);
  for (auto& m : present) d.add_members_present(m);
  for (auto& [member, choice] : ballots) {
    auto* b = d.add_ballots();
    b->set_member(member);
    b->set_choice(choice);
  }
  d.set_document_symbol("101/QĐ-UBND");
  *d.mutable_document_date() = MakeDate(2026, 11, 27);
  return d;
}

// A meeting whose vote passes: 2 for, 1 against.
v1::LeadershipDecision Passing() {
  return Decision("Chủ tịch", {"Chủ tịch", "Phó Chủ tịch", "Ủy viên"},
                  {{"Chủ tịch", v1::VOTE_CHOICE_FOR},
                   {"Phó Chủ tịch", v1::VOTE_CHOICE_FOR},
                   {"Ủy viên", v1::VOTE_CHOICE_AGAINST}});
}

class ProposalTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    stub_ = v1::ProposalService::NewStub(channel());
  }
  void TearDown() override {
    stub_.reset();
    ApiTest::TearDown();
  }

  template <typename Req, typename Resp>
  grpc::Status P(grpc::Status (v1::ProposalService::Stub::*rpc)(grpc::ClientContext*, const Req&,
                                                                Resp*),
                 const Req& request, Resp* response) {
    grpc::ClientContext context;
    Prepare(context);
    return ((*stub_).*rpc)(&context, request, response);
  }

  // Creates a proposal as the current identity; fails the test on error.
  v1::Proposal Create(const std::string& title, const v1::ProposalContents& contents,
                      const std::string& unit = "") {
    v1::CreateProposalRequest r;
    r.mutable_proposal()->set_title(title);
    r.mutable_proposal()->set_unit(unit);
    *r.mutable_proposal()->mutable_contents() = contents;
    v1::Proposal p;
    grpc::Status s = P(&v1::ProposalService::Stub::CreateProposal, r, &p);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return p;
  }
  v1::Proposal Get(const std::string& name, grpc::Status* status = nullptr) {
    v1::GetProposalRequest r;
    r.set_name(name);
    v1::Proposal p;
    grpc::Status s = P(&v1::ProposalService::Stub::GetProposal, r, &p);
    if (status != nullptr) {
      *status = s;
    } else {
      EXPECT_TRUE(s.ok()) << name << ": " << s.error_message();
    }
    return p;
  }
  std::vector<v1::ProposalEvent> Events(const std::string& name) {
    v1::ListProposalEventsRequest r;
    r.set_parent(name);
    r.set_page_size(500);
    v1::ListProposalEventsResponse resp;
    grpc::Status s = P(&v1::ProposalService::Stub::ListProposalEvents, r, &resp);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return {resp.events().begin(), resp.events().end()};
  }
  // Every proposal the current identity can list, paging with `page_size`.
  std::vector<v1::Proposal> All(int page_size = 500, const std::string& filter = "") {
    std::vector<v1::Proposal> out;
    v1::ListProposalsRequest r;
    r.set_page_size(page_size);
    r.set_filter(filter);
    for (int pages = 0; pages < 1000; ++pages) {
      v1::ListProposalsResponse resp;
      grpc::Status s = P(&v1::ProposalService::Stub::ListProposals, r, &resp);
      EXPECT_TRUE(s.ok()) << s.error_message();
      if (!s.ok()) break;
      out.insert(out.end(), resp.proposals().begin(), resp.proposals().end());
      if (resp.next_page_token().empty()) break;
      r.set_page_token(resp.next_page_token());
    }
    return out;
  }

  // Calls `verb` on `name` with a valid payload, as the current identity.
  grpc::Status Do(V verb, const std::string& name, v1::Proposal* out) {
    switch (verb) {
      case V::kUpdate: {
        v1::UpdateProposalRequest r;
        r.mutable_proposal()->set_name(name);
        r.mutable_proposal()->set_title("Tên đã sửa");
        r.mutable_update_mask()->add_paths("title");
        return P(&v1::ProposalService::Stub::UpdateProposal, r, out);
      }
      case V::kWithdraw: {
        v1::WithdrawProposalRequest r;
        r.set_name(name);
        return P(&v1::ProposalService::Stub::WithdrawProposal, r, out);
      }
      case V::kSubmit: {
        v1::SubmitProposalRequest r;
        r.set_name(name);
        return P(&v1::ProposalService::Stub::SubmitProposal, r, out);
      }
      case V::kStartAppraisal: {
        v1::StartAppraisalRequest r;
        r.set_name(name);
        return P(&v1::ProposalService::Stub::StartAppraisal, r, out);
      }
      case V::kRecordAppraisal: {
        v1::RecordAppraisalRequest r;
        r.set_name(name);
        r.mutable_appraisal()->set_notes("Đề xuất khả thi, đúng thẩm quyền.");
        r.mutable_appraisal()->set_recommendation(v1::APPRAISAL_RECOMMENDATION_APPROVE);
        return P(&v1::ProposalService::Stub::RecordAppraisal, r, out);
      }
      case V::kReturn: {
        v1::ReturnProposalRequest r;
        r.set_name(name);
        r.set_note("Bổ sung dự toán kinh phí.");
        return P(&v1::ProposalService::Stub::ReturnProposal, r, out);
      }
      case V::kRecordDecision: {
        v1::RecordDecisionRequest r;
        r.set_name(name);
        *r.mutable_decision() = Passing();
        return P(&v1::ProposalService::Stub::RecordDecision, r, out);
      }
      case V::kStartPilot: {
        v1::StartPilotRequest r;
        r.set_name(name);
        return P(&v1::ProposalService::Stub::StartPilot, r, out);
      }
      case V::kRecordPilotCheck: {
        v1::RecordPilotCheckRequest r;
        r.set_name(name);
        r.mutable_check()->set_notes("Đúng tiến độ.");
        return P(&v1::ProposalService::Stub::RecordPilotCheck, r, out);
      }
      case V::kHaltPilot: {
        v1::HaltPilotRequest r;
        r.set_name(name);
        r.set_reason("Phát sinh rủi ro pháp lý.");
        return P(&v1::ProposalService::Stub::HaltPilot, r, out);
      }
      case V::kCompletePilot: {
        v1::CompletePilotRequest r;
        r.set_name(name);
        r.mutable_report()->set_text("Báo cáo kết quả thí điểm.");
        return P(&v1::ProposalService::Stub::CompletePilot, r, out);
      }
      case V::kEvaluate: {
        v1::EvaluateProposalRequest r;
        r.set_name(name);
        r.mutable_evaluation()->set_outcome(v1::PILOT_OUTCOME_PARTIAL);
        r.mutable_evaluation()->set_objective_causes("Giá vật tư tăng.");
        r.mutable_evaluation()->set_subjective_causes("Phối hợp chưa chặt chẽ.");
        r.mutable_evaluation()->set_motives_pure(true);
        return P(&v1::ProposalService::Stub::EvaluateProposal, r, out);
      }
      case V::kDecideResponsibility: {
        v1::DecideResponsibilityRequest r;
        r.set_name(name);
        r.mutable_decision()->set_kind(v1::RESPONSIBILITY_KIND_NOT_EXEMPTED);
        r.mutable_decision()->set_grounds("Căn cứ kết quả đánh giá.");
        r.mutable_decision()->set_document_symbol("5/QĐ-UBND");
        *r.mutable_decision()->mutable_document_date() = MakeDate(2026, 11, 27);
        return P(&v1::ProposalService::Stub::DecideResponsibility, r, out);
      }
      case V::kPublishDecision: {
        v1::PublishDecisionRequest r;
        r.set_name(name);
        return P(&v1::ProposalService::Stub::PublishDecision, r, out);
      }
      case V::kReplicate: {
        // Answers with the case study; `out` gets the proposal after it.
        v1::ReplicateAsCaseStudyRequest r;
        r.set_name(name);
        v1::CaseStudy created;
        grpc::Status s = P(&v1::ProposalService::Stub::ReplicateAsCaseStudy, r, &created);
        if (s.ok()) *out = Get(name);
        return s;
      }
    }
    return grpc::Status(grpc::StatusCode::INTERNAL, "unknown verb");
  }
  v1::Proposal MustDo(V verb, const std::string& name) {
    v1::Proposal out;
    grpc::Status s = Do(verb, name, &out);
    EXPECT_TRUE(s.ok()) << domain::VerbName(verb) << ": " << s.error_message();
    return out;
  }

  // A fresh proposal by the admin whose pilot was evaluated as ACHIEVED
  // (CLOSED without a responsibility decision).
  v1::Proposal Achieved() {
    v1::Proposal p = InState(S::kPilotCompleted);
    v1::EvaluateProposalRequest r;
    r.set_name(p.name());
    r.mutable_evaluation()->set_outcome(v1::PILOT_OUTCOME_ACHIEVED);
    r.mutable_evaluation()->set_motives_pure(true);
    r.mutable_evaluation()->set_notes("Thời gian giải quyết hồ sơ giảm một nửa.");
    EXPECT_TRUE(P(&v1::ProposalService::Stub::EvaluateProposal, r, &p).ok());
    EXPECT_EQ(p.state(), v1::PROPOSAL_STATE_CLOSED);
    return p;
  }

  // A fresh proposal by the admin (who may take every step) in `state`.
  v1::Proposal InState(S state) {
    UseDemoAccount("admin");
    v1::Proposal p = Create("Đề xuất thử", FullContents(), UnitNamed("UBND xã Tân Lập"));
    const std::string name = p.name();
    auto path = [&](std::vector<V> verbs) {
      for (V v : verbs) p = MustDo(v, name);
    };
    const std::vector<V> appraised = {V::kSubmit, V::kStartAppraisal, V::kRecordAppraisal};
    const std::vector<V> piloting = {V::kSubmit, V::kStartAppraisal, V::kRecordAppraisal,
                                     V::kRecordDecision, V::kStartPilot};
    switch (state) {
      case S::kDraft:
        break;
      case S::kSubmitted:
        path({V::kSubmit});
        break;
      case S::kUnderAppraisal:
        path(appraised);
        break;
      case S::kReturned:
        path({V::kSubmit, V::kReturn});
        break;
      case S::kWithdrawn:
        path({V::kWithdraw});
        break;
      case S::kApproved:
        path(appraised);
        path({V::kRecordDecision});
        break;
      case S::kRejected: {
        path(appraised);
        v1::RecordDecisionRequest r;
        r.set_name(name);
        *r.mutable_decision() =
            Decision("Chủ tịch", {"Chủ tịch", "Ủy viên"}, {{"Chủ tịch", v1::VOTE_CHOICE_AGAINST}});
        EXPECT_TRUE(P(&v1::ProposalService::Stub::RecordDecision, r, &p).ok());
        break;
      }
      case S::kPiloting:
        path(piloting);
        break;
      case S::kHalted:
        path(piloting);
        path({V::kHaltPilot});
        break;
      case S::kPilotCompleted:
        path(piloting);
        path({V::kCompletePilot});
        break;
      case S::kEvaluated:
        path(piloting);
        path({V::kCompletePilot, V::kEvaluate});
        break;
      case S::kClosed:
        path(piloting);
        path({V::kCompletePilot, V::kEvaluate, V::kDecideResponsibility});
        break;
      case S::kReplicated:
        p = Achieved();
        p = MustDo(V::kReplicate, p.name());
        break;
      default:
        ADD_FAILURE() << "no path to " << domain::StateName(state);
    }
    EXPECT_EQ(p.state(), static_cast<v1::ProposalState>(state)) << domain::StateName(state);
    return p;
  }

  std::unique_ptr<v1::ProposalService::Stub> stub_;
};

TEST_F(ProposalTest, EveryStateVerbPairThroughTheApi) {
  for (S state : domain::AllProposalStates()) {
    v1::Proposal fixed = InState(state);
    size_t events = Events(fixed.name()).size();
    for (V verb : domain::AllProposalVerbs()) {
      SCOPED_TRACE(absl::StrCat(std::string(domain::StateName(state)), " × ",
                                std::string(domain::VerbName(verb))));
      auto next = domain::NextStates(state, verb);
      if (next.empty()) {
        v1::Proposal out;
        EXPECT_TRUE(IsApiError(Do(verb, fixed.name(), &out), grpc::StatusCode::FAILED_PRECONDITION,
                               "INVALID_TRANSITION"));
        v1::Proposal after = Get(fixed.name());
        EXPECT_EQ(after.etag(), fixed.etag());
        EXPECT_EQ(after.state(), fixed.state());
        EXPECT_THAT(Events(fixed.name()), SizeIs(events));
      } else {
        // Only an achieved pilot is replicated (CLOSED is reached otherwise too).
        v1::Proposal fresh = verb == V::kReplicate ? Achieved() : InState(state);
        v1::Proposal out = MustDo(verb, fresh.name());
        std::set<int> allowed;
        for (S s : next) allowed.insert(static_cast<int>(s));
        EXPECT_TRUE(allowed.count(out.state())) << v1::ProposalState_Name(out.state());
        auto history = Events(fresh.name());
        ASSERT_FALSE(history.empty());
        EXPECT_EQ(history.back().verb(), domain::VerbName(verb));
        EXPECT_EQ(history.back().state_before(), static_cast<v1::ProposalState>(state));
        EXPECT_EQ(history.back().state_after(), out.state());
      }
    }
  }
}

TEST_F(ProposalTest, FullRunFromDraftToAPublishedResponsibilityDecision) {
  // The cadre drafts, completes and submits.
  UseDemoAccount("staff Tân Lập");
  v1::ProposalContents partial = FullContents();
  partial.clear_resources();
  v1::Proposal p = Create("Ủy quyền ký chứng thực tại bộ phận một cửa", partial);
  EXPECT_EQ(p.state(), v1::PROPOSAL_STATE_DRAFT);
  EXPECT_EQ(p.unit(), UnitNamed("UBND xã Tân Lập"));
  EXPECT_EQ(p.proposer(), DemoAccountName("staff Tân Lập"));
  EXPECT_EQ(p.contents_version(), 1);
  v1::UpdateProposalRequest update;
  update.mutable_proposal()->set_name(p.name());
  update.mutable_proposal()->set_etag(p.etag());
  update.mutable_proposal()->mutable_contents()->set_resources("Không phát sinh kinh phí.");
  update.mutable_update_mask()->add_paths("contents.resources");
  ASSERT_TRUE(P(&v1::ProposalService::Stub::UpdateProposal, update, &p).ok());
  EXPECT_EQ(p.contents_version(), 2);
  EXPECT_EQ(p.contents().bottleneck(), partial.bottleneck());
  p = MustDo(V::kSubmit, p.name());
  EXPECT_EQ(p.state(), v1::PROPOSAL_STATE_SUBMITTED);
  // Friday 27/11/2026 + 7 working days.
  EXPECT_EQ(IsoDate(p.deadlines().decision_due_date()), "2026-12-08");
  EXPECT_FALSE(p.overdue());

  // Phòng Nội vụ appraises.
  UseDemoAccount("coordinator");
  MustDo(V::kStartAppraisal, p.name());
  p = MustDo(V::kRecordAppraisal, p.name());
  EXPECT_EQ(p.appraisal().recommendation(), v1::APPRAISAL_RECOMMENDATION_APPROVE);

  // The leadership meets: a tie that the head's vote carries.
  UseDemoAccount("approver");
  const std::string head = DemoAccountName("approver");
  v1::RecordDecisionRequest decide;
  decide.set_name(p.name());
  *decide.mutable_decision() =
      Decision(head, {head, "Phó Chủ tịch", DemoAccountName("staff Tân Lập")},
               {{head, v1::VOTE_CHOICE_FOR}, {"Phó Chủ tịch", v1::VOTE_CHOICE_AGAINST}});
  decide.mutable_decision()->set_deliberation("Thảo luận kỹ về thẩm quyền ký.");
  ASSERT_TRUE(P(&v1::ProposalService::Stub::RecordDecision, decide, &p).ok());
  EXPECT_EQ(p.state(), v1::PROPOSAL_STATE_APPROVED);
  EXPECT_TRUE(p.decision().tie_decided_by_head());
  EXPECT_EQ(p.decision().result(), v1::PROPOSAL_STATE_APPROVED);

  // Approved proposals are public, but not their votes until published.
  UsePublic();
  v1::Proposal seen = Get(p.name());
  EXPECT_EQ(seen.state(), v1::PROPOSAL_STATE_APPROVED);
  EXPECT_FALSE(seen.has_decision());
  EXPECT_FALSE(seen.has_appraisal());
  UseDemoAccount("approver");
  MustDo(V::kPublishDecision, p.name());
  UsePublic();
  seen = Get(p.name());
  EXPECT_EQ(seen.decision().document_symbol(), "101/QĐ-UBND");
  EXPECT_EQ(seen.decision().votes_for(), 1);
  EXPECT_FALSE(seen.has_appraisal());

  // The pilot: started by the proposer, checked and adjusted, completed.
  UseDemoAccount("staff Tân Lập");
  p = MustDo(V::kStartPilot, p.name());
  EXPECT_EQ(IsoDate(p.deadlines().completion_report_due_date()), "2027-03-05");
  UseDemoAccount("coordinator");
  v1::RecordPilotCheckRequest check;
  check.set_name(p.name());
  check.mutable_check()->set_notes("Cần thêm thời gian cho hồ sơ có yếu tố nước ngoài.");
  *check.mutable_adjustments()->mutable_pilot_period()->mutable_end_date() = MakeDate(2027, 3, 31);
  check.mutable_adjustment_mask()->add_paths("pilot_period.end_date");
  ASSERT_TRUE(P(&v1::ProposalService::Stub::RecordPilotCheck, check, &p).ok());
  EXPECT_EQ(p.contents_version(), 3);
  EXPECT_EQ(IsoDate(p.contents().pilot_period().end_date()), "2027-03-31");
  EXPECT_EQ(IsoDate(p.contents().pilot_period().start_date()), "2026-12-01");
  EXPECT_THAT(p.pilot().checks(0).adjusted_parts(), ElementsAre("pilot_period"));
  EXPECT_EQ(IsoDate(p.deadlines().completion_report_due_date()), "2027-04-07");
  // The earlier version is kept, not overwritten.
  v1::GetProposalRequest old;
  old.set_name(p.name());
  old.set_contents_version(2);
  v1::Proposal v2;
  ASSERT_TRUE(P(&v1::ProposalService::Stub::GetProposal, old, &v2).ok());
  EXPECT_EQ(IsoDate(v2.contents().pilot_period().end_date()), "2027-02-26");
  EXPECT_EQ(v2.contents_version(), 2);

  UseDemoAccount("staff Tân Lập");
  MustDo(V::kCompletePilot, p.name());
  UseDemoAccount("approver");
  p = MustDo(V::kEvaluate, p.name());
  EXPECT_EQ(p.state(), v1::PROPOSAL_STATE_EVALUATED);
  EXPECT_EQ(IsoDate(p.deadlines().evaluation_due_date()), "2026-12-08");

  v1::DecideResponsibilityRequest resp;
  resp.set_name(p.name());
  resp.mutable_decision()->set_kind(v1::RESPONSIBILITY_KIND_REDUCED);
  resp.mutable_decision()->set_grounds("Động cơ trong sáng, nguyên nhân khách quan là chính.");
  resp.mutable_decision()->set_document_symbol("09/QĐ-UBND");
  *resp.mutable_decision()->mutable_document_date() = MakeDate(2026, 11, 27);
  ASSERT_TRUE(P(&v1::ProposalService::Stub::DecideResponsibility, resp, &p).ok());
  EXPECT_EQ(p.state(), v1::PROPOSAL_STATE_CLOSED);
  UsePublic();
  EXPECT_FALSE(Get(p.name()).has_responsibility());
  UseDemoAccount("approver");
  MustDo(V::kPublishDecision, p.name());
  v1::Proposal again;
  EXPECT_TRUE(IsApiError(Do(V::kPublishDecision, p.name(), &again),
                         grpc::StatusCode::FAILED_PRECONDITION, "NOTHING_TO_PUBLISH"));
  UsePublic();
  seen = Get(p.name());
  EXPECT_EQ(seen.responsibility().kind(), v1::RESPONSIBILITY_KIND_REDUCED);
  EXPECT_EQ(seen.evaluation().outcome(), v1::PILOT_OUTCOME_PARTIAL);

  // The history: every step, in order, chained state to state.
  UseDemoAccount("staff Tân Lập");
  auto events = Events(p.name());
  std::vector<std::string> verbs;
  for (const auto& e : events) verbs.push_back(e.verb());
  EXPECT_THAT(verbs,
              ElementsAre("CreateProposal", "UpdateProposal", "SubmitProposal", "StartAppraisal",
                          "RecordAppraisal", "RecordDecision", "PublishDecision", "StartPilot",
                          "RecordPilotCheck", "CompletePilot", "EvaluateProposal",
                          "DecideResponsibility", "PublishDecision"));
  for (size_t i = 1; i < events.size(); ++i) {
    EXPECT_EQ(events[i].state_before(), events[i - 1].state_after()) << i;
  }
  EXPECT_EQ(events[2].actor(), DemoAccountName("staff Tân Lập"));
  EXPECT_EQ(events[3].actor(), DemoAccountName("coordinator"));

  // Each event is one audit event on the proposal, and the chain holds.
  UseDemoAccount("inspector");
  v1::ListAuditEventsRequest audit;
  audit.set_filter(absl::StrCat("resource = \"", p.name(), "\""));
  audit.set_page_size(500);
  v1::ListAuditEventsResponse trail;
  ASSERT_TRUE(Call(&v1::AuditService::Stub::ListAuditEvents, audit, &trail).ok());
  EXPECT_THAT(trail.events(), SizeIs(events.size()));
  v1::VerifyAuditChainResponse verified;
  ASSERT_TRUE(
      Call(&v1::AuditService::Stub::VerifyAuditChain, v1::VerifyAuditChainRequest(), &verified)
          .ok());
  EXPECT_TRUE(verified.intact());
}

TEST_F(ProposalTest, MissingContentsGiveOneViolationPerPart) {
  UseDemoAccount("staff Hòa Bình");
  v1::Proposal p = Create("Ý tưởng còn sơ lược", v1::ProposalContents());
  v1::Proposal out;
  grpc::Status s = Do(V::kSubmit, p.name(), &out);
  EXPECT_TRUE(IsInvalidArgument(
      s, {"proposal.contents.bottleneck", "proposal.contents.necessity",
          "proposal.contents.solutions", "proposal.contents.scope",
          "proposal.contents.implementers", "proposal.contents.pilot_period",
          "proposal.contents.resources", "proposal.contents.feasibility",
          "proposal.contents.positive_impact", "proposal.contents.negative_impact",
          "proposal.contents.expected_results", "proposal.contents.evaluation_date"}));
  EXPECT_EQ(DecodeError(s).bad_request_count, 1);
  v1::Proposal after = Get(p.name());
  EXPECT_EQ(after.state(), v1::PROPOSAL_STATE_DRAFT);
  EXPECT_EQ(after.etag(), p.etag());

  v1::ProposalContents almost = FullContents();
  almost.clear_feasibility();
  almost.mutable_pilot_period()->clear_end_date();
  p = Create("Gần đủ", almost);
  EXPECT_TRUE(IsInvalidArgument(Do(V::kSubmit, p.name(), &out), {"proposal.contents.pilot_period",
                                                                 "proposal.contents.feasibility"}));
}

TEST_F(ProposalTest, OnlyTheProposerEditsSubmitsAndWithdraws) {
  UseDemoAccount("staff Tân Lập");
  v1::Proposal p = Create("Đề xuất của Tân Lập", FullContents());
  UseDemoAccount("coordinator");
  v1::Proposal out;
  for (V verb : {V::kUpdate, V::kSubmit, V::kWithdraw}) {
    EXPECT_TRUE(
        IsApiError(Do(verb, p.name(), &out), grpc::StatusCode::PERMISSION_DENIED, "NOT_PROPOSER"));
  }
  // Another commune's staff do not even see the draft.
  UseDemoAccount("staff Hòa Bình");
  EXPECT_TRUE(IsApiError(Do(V::kSubmit, p.name(), &out), grpc::StatusCode::NOT_FOUND, "NOT_FOUND"));
  UseDemoAccount("staff Tân Lập");
  EXPECT_EQ(Get(p.name()).etag(), p.etag());
}

class VoteTest : public ProposalTest {
 protected:
  // A proposal by staff Tân Lập, appraised, awaiting its decision.
  void SetUp() override {
    ProposalTest::SetUp();
    UseDemoAccount("staff Tân Lập");
    proposal_ = Create("Đề xuất chờ quyết định", FullContents());
    MustDo(V::kSubmit, proposal_.name());
    UseDemoAccount("coordinator");
    MustDo(V::kStartAppraisal, proposal_.name());
    proposal_ = MustDo(V::kRecordAppraisal, proposal_.name());
    UseDemoAccount("approver");
  }
  grpc::Status Decide(const v1::LeadershipDecision& d, v1::Proposal* out) {
    v1::RecordDecisionRequest r;
    r.set_name(proposal_.name());
    *r.mutable_decision() = d;
    return P(&v1::ProposalService::Stub::RecordDecision, r, out);
  }
  void ExpectUnchanged() {
    v1::Proposal now = Get(proposal_.name());
    EXPECT_EQ(now.state(), v1::PROPOSAL_STATE_UNDER_APPRAISAL);
    EXPECT_EQ(now.etag(), proposal_.etag());
  }
  v1::Proposal proposal_;
};

TEST_F(VoteTest, TieGoesTheHeadsWay) {
  v1::Proposal out;
  ASSERT_TRUE(Decide(Decision("A", {"A", "B", "C", "D"},
                              {{"A", v1::VOTE_CHOICE_AGAINST},
                               {"B", v1::VOTE_CHOICE_FOR},
                               {"C", v1::VOTE_CHOICE_FOR},
                               {"D", v1::VOTE_CHOICE_AGAINST}}),
                     &out)
                  .ok());
  EXPECT_EQ(out.state(), v1::PROPOSAL_STATE_REJECTED);
  EXPECT_TRUE(out.decision().tie_decided_by_head());
  EXPECT_FALSE(out.decision().passed_by_vote());
  EXPECT_EQ(out.decision().votes_for(), 2);
  EXPECT_EQ(out.decision().votes_against(), 2);
}

TEST_F(VoteTest, HeadOverridesAFailedVoteOnPersonalResponsibility) {
  v1::LeadershipDecision d = Decision(
      "A", {"A", "B", "C"},
      {{"A", v1::VOTE_CHOICE_FOR}, {"B", v1::VOTE_CHOICE_AGAINST}, {"C", v1::VOTE_CHOICE_AGAINST}});
  d.set_head_override(true);
  v1::Proposal out;
  EXPECT_TRUE(IsInvalidArgument(Decide(d, &out), {"decision.override_statement"}));
  ExpectUnchanged();
  d.set_override_statement("Tôi quyết định cho thí điểm và chịu trách nhiệm cá nhân.");
  ASSERT_TRUE(Decide(d, &out).ok());
  EXPECT_EQ(out.state(), v1::PROPOSAL_STATE_APPROVED);
  EXPECT_TRUE(out.decision().head_override());
  EXPECT_FALSE(out.decision().passed_by_vote());
  EXPECT_EQ(out.decision().result(), v1::PROPOSAL_STATE_APPROVED);
}

TEST_F(VoteTest, OverrideOfAPassedVoteIsRefused) {
  v1::LeadershipDecision d = Passing();
  d.set_head_override(true);
  d.set_override_statement("Thừa");
  v1::Proposal out;
  EXPECT_TRUE(
      IsApiError(Decide(d, &out), grpc::StatusCode::FAILED_PRECONDITION, "OVERRIDE_NOT_NEEDED"));
  ExpectUnchanged();
}

TEST_F(VoteTest, TheProposerNeverVotes) {
  const std::string proposer = DemoAccountName("staff Tân Lập");
  v1::Proposal out;
  EXPECT_TRUE(
      IsApiError(Decide(Decision("A", {"A", proposer},
                                 {{"A", v1::VOTE_CHOICE_FOR}, {proposer, v1::VOTE_CHOICE_FOR}}),
                        &out),
                 grpc::StatusCode::FAILED_PRECONDITION, "PROPOSER_MAY_NOT_VOTE"));
  // By name, as the minutes may write it.
  EXPECT_TRUE(IsApiError(
      Decide(Decision("A", {"A", "Đỗ Văn Nam (demo)"},
                      {{"A", v1::VOTE_CHOICE_FOR}, {"Đỗ Văn Nam (demo)", v1::VOTE_CHOICE_FOR}}),
             &out),
      grpc::StatusCode::FAILED_PRECONDITION, "PROPOSER_MAY_NOT_VOTE"));
  ExpectUnchanged();
}

TEST_F(VoteTest, NobodyPresentDecidesNothing) {
  v1::Proposal out;
  EXPECT_TRUE(IsApiError(Decide(Decision("A", {}, {}), &out), grpc::StatusCode::FAILED_PRECONDITION,
                         "NO_MEMBERS_PRESENT"));
  ExpectUnchanged();
}

TEST_F(VoteTest, DecisionNeedsAnAppraisalFirst) {
  UseDemoAccount("staff Tân Lập");
  v1::Proposal fresh = Create("Chưa thẩm định", FullContents());
  MustDo(V::kSubmit, fresh.name());
  UseDemoAccount("coordinator");
  MustDo(V::kStartAppraisal, fresh.name());
  UseDemoAccount("approver");
  v1::Proposal out;
  EXPECT_TRUE(IsApiError(Do(V::kRecordDecision, fresh.name(), &out),
                         grpc::StatusCode::FAILED_PRECONDITION, "APPRAISAL_MISSING"));
}

class HaltTest : public ProposalTest {
 protected:
  // A pilot whose evaluation date is 15/12/2026; today is 27/11/2026.
  v1::Proposal Pilot() {
    v1::Proposal p = InState(S::kPiloting);
    EXPECT_EQ(IsoDate(p.contents().evaluation_date()), "2026-12-15");
    return p;
  }
  grpc::Status Halt(const std::string& name, const std::string& reason, v1::Proposal* out) {
    v1::HaltPilotRequest r;
    r.set_name(name);
    r.set_reason(reason);
    return P(&v1::ProposalService::Stub::HaltPilot, r, out);
  }
};

TEST_F(HaltTest, BeforeTheEvaluationDateOnlyAnApproverWithAReason) {
  v1::Proposal p = Pilot();
  v1::Proposal out;
  UseDemoAccount("coordinator");
  EXPECT_TRUE(IsApiError(Halt(p.name(), "Thiếu kinh phí", &out),
                         grpc::StatusCode::PERMISSION_DENIED, "HALT_NEEDS_APPROVER"));
  UseDemoAccount("approver");
  EXPECT_TRUE(IsApiError(Halt(p.name(), "", &out), grpc::StatusCode::FAILED_PRECONDITION,
                         "HALT_REASON_REQUIRED"));
  EXPECT_EQ(Get(p.name()).state(), v1::PROPOSAL_STATE_PILOTING);
  EXPECT_EQ(Get(p.name()).etag(), p.etag());
  ASSERT_TRUE(Halt(p.name(), "Phát sinh rủi ro thiệt hại cho ngân sách", &out).ok());
  EXPECT_EQ(out.state(), v1::PROPOSAL_STATE_HALTED);
  EXPECT_TRUE(out.halt().before_evaluation_date());
  EXPECT_EQ(out.halt().halted_by(), DemoAccountName("approver"));
}

TEST_F(HaltTest, FromTheEvaluationDateACoordinatorMayHalt) {
  v1::Proposal p = Pilot();
  AdvanceClock(absl::Hours(24 * 18));  // 15/12/2026
  UseDemoAccount("coordinator");
  v1::Proposal out;
  ASSERT_TRUE(Halt(p.name(), "", &out).ok());
  EXPECT_EQ(out.state(), v1::PROPOSAL_STATE_HALTED);
  EXPECT_FALSE(out.halt().before_evaluation_date());
}

TEST_F(ProposalTest, ResponsibilityOnlyAfterAnEvaluationNotAchievedAndLeniencyNeedsPureMotives) {
  v1::Proposal achieved = InState(S::kPilotCompleted);
  v1::EvaluateProposalRequest e;
  e.set_name(achieved.name());
  e.mutable_evaluation()->set_outcome(v1::PILOT_OUTCOME_ACHIEVED);
  e.mutable_evaluation()->set_motives_pure(true);
  ASSERT_TRUE(P(&v1::ProposalService::Stub::EvaluateProposal, e, &achieved).ok());
  EXPECT_EQ(achieved.state(), v1::PROPOSAL_STATE_CLOSED);
  v1::Proposal out;
  EXPECT_TRUE(IsApiError(Do(V::kDecideResponsibility, achieved.name(), &out),
                         grpc::StatusCode::FAILED_PRECONDITION, "INVALID_TRANSITION"));

  v1::Proposal impure = InState(S::kPilotCompleted);
  e.set_name(impure.name());
  e.mutable_evaluation()->set_outcome(v1::PILOT_OUTCOME_NOT_ACHIEVED);
  e.mutable_evaluation()->set_objective_causes("Thiên tai.");
  e.mutable_evaluation()->set_subjective_causes("Vụ lợi cá nhân.");
  e.mutable_evaluation()->set_motives_pure(false);
  ASSERT_TRUE(P(&v1::ProposalService::Stub::EvaluateProposal, e, &impure).ok());
  EXPECT_EQ(impure.state(), v1::PROPOSAL_STATE_EVALUATED);
  v1::DecideResponsibilityRequest d;
  d.set_name(impure.name());
  d.mutable_decision()->set_kind(v1::RESPONSIBILITY_KIND_EXEMPTED);
  d.mutable_decision()->set_grounds("Đề nghị miễn.");
  d.mutable_decision()->set_document_symbol("1/QĐ-UBND");
  *d.mutable_decision()->mutable_document_date() = MakeDate(2026, 11, 27);
  EXPECT_TRUE(IsApiError(P(&v1::ProposalService::Stub::DecideResponsibility, d, &out),
                         grpc::StatusCode::FAILED_PRECONDITION, "MOTIVES_NOT_PURE"));
  EXPECT_EQ(Get(impure.name()).etag(), impure.etag());
  d.mutable_decision()->set_kind(v1::RESPONSIBILITY_KIND_NOT_EXEMPTED);
  ASSERT_TRUE(P(&v1::ProposalService::Stub::DecideResponsibility, d, &out).ok());
  EXPECT_EQ(out.state(), v1::PROPOSAL_STATE_CLOSED);
}

TEST_F(ProposalTest, PublicAndKioskSeeOnlyPublicStatesWithoutInternalFields) {
  // Add one proposal in every reachable state to the demo ones.
  for (S s : domain::AllProposalStates()) {
    InState(s);
  }
  UseDemoAccount("admin");
  std::vector<v1::Proposal> everything = All();
  std::vector<std::string> expected;
  for (const auto& p : everything) {
    if (domain::IsPublicState(static_cast<S>(p.state()))) expected.push_back(p.name());
  }
  ASSERT_GT(expected.size(), 3u);
  ASSERT_LT(expected.size(), everything.size());
  for (const std::string who : {"public", "kiosk Tân Lập", "publisher"}) {
    SCOPED_TRACE(who);
    if (who == "public") {
      UsePublic();
    } else {
      UseDemoAccount(who);
    }
    for (int page_size : {1, 3, 500}) {
      std::vector<v1::Proposal> seen = All(page_size);
      std::vector<std::string> names;
      for (const auto& p : seen) {
        names.push_back(p.name());
        EXPECT_TRUE(domain::IsPublicState(static_cast<S>(p.state()))) << p.name();
        EXPECT_FALSE(p.has_appraisal()) << p.name();
        EXPECT_EQ(p.has_decision(), p.decision_published()) << p.name();
        EXPECT_EQ(p.has_responsibility(), p.responsibility_published()) << p.name();
      }
      EXPECT_EQ(names, expected) << "page_size " << page_size;
    }
    for (const auto& p : everything) {
      grpc::Status status;
      v1::Proposal got = Get(p.name(), &status);
      if (domain::IsPublicState(static_cast<S>(p.state()))) {
        EXPECT_TRUE(status.ok()) << p.name();
      } else {
        EXPECT_TRUE(IsApiError(status, grpc::StatusCode::NOT_FOUND, "NOT_FOUND")) << p.name();
      }
    }
    v1::ListProposalEventsRequest history;
    history.set_parent(expected.front());
    v1::ListProposalEventsResponse events;
    grpc::Status status = P(&v1::ProposalService::Stub::ListProposalEvents, history, &events);
    EXPECT_TRUE(status.error_code() == grpc::StatusCode::UNAUTHENTICATED ||
                status.error_code() == grpc::StatusCode::PERMISSION_DENIED)
        << status.error_message();
    // Filtering by an internal state shows nothing.
    EXPECT_THAT(All(1, "state = DRAFT"), IsEmpty());
  }
}

TEST_F(ProposalTest, StaffSeeTheirOwnProposalsWholeAndOthersOnlyWhenPublic) {
  UseDemoAccount("staff Hòa Bình");
  v1::Proposal mine = Create("Đề xuất của Hòa Bình", FullContents());
  UseDemoAccount("staff Tân Lập");
  grpc::Status status;
  Get(mine.name(), &status);
  EXPECT_TRUE(IsApiError(status, grpc::StatusCode::NOT_FOUND, "NOT_FOUND"));
  for (const auto& p : All(1)) {
    bool own = p.proposer() == DemoAccountName("staff Tân Lập");
    EXPECT_TRUE(own || domain::IsPublicState(static_cast<S>(p.state()))) << p.name();
    if (!own) {
      EXPECT_FALSE(p.has_appraisal());
    }
  }
  // The demo proposal under appraisal is Tân Lập's own, appraisal and all.
  bool saw_own_internal = false;
  for (const auto& p : All(2, "state = UNDER_APPRAISAL")) {
    saw_own_internal = saw_own_internal || p.proposer() == DemoAccountName("staff Tân Lập");
  }
  EXPECT_TRUE(saw_own_internal);
}

TEST_F(ProposalTest, DemoProposalsCoverTheWorkflow) {
  UseDemoAccount("admin");
  std::map<int, std::vector<v1::Proposal>> by_state;
  for (const auto& p : All()) by_state[p.state()].push_back(p);
  EXPECT_THAT(by_state[v1::PROPOSAL_STATE_DRAFT], SizeIs(1));
  EXPECT_THAT(by_state[v1::PROPOSAL_STATE_UNDER_APPRAISAL], SizeIs(1));
  EXPECT_THAT(by_state[v1::PROPOSAL_STATE_PILOTING], SizeIs(1));
  ASSERT_THAT(by_state[v1::PROPOSAL_STATE_CLOSED], SizeIs(2));
  int achieved = 0, published_responsibility = 0;
  for (const auto& p : by_state[v1::PROPOSAL_STATE_CLOSED]) {
    if (p.evaluation().outcome() == v1::PILOT_OUTCOME_ACHIEVED) ++achieved;
    if (p.evaluation().outcome() == v1::PILOT_OUTCOME_PARTIAL && p.responsibility_published()) {
      ++published_responsibility;
    }
  }
  EXPECT_EQ(achieved, 1);
  EXPECT_EQ(published_responsibility, 1);
}

TEST_F(ProposalTest, LateStepsAreFlaggedNotBlocked) {
  UseDemoAccount("staff Tân Lập");
  v1::Proposal p = Create("Đề xuất chậm quyết định", FullContents());
  MustDo(V::kSubmit, p.name());
  UseDemoAccount("coordinator");
  MustDo(V::kStartAppraisal, p.name());
  MustDo(V::kRecordAppraisal, p.name());
  EXPECT_THAT(All(500, "overdue = true"), IsEmpty());
  AdvanceClock(absl::Hours(24 * 12));  // 9/12/2026: past the 8/12 due date
  auto names = [](const std::vector<v1::Proposal>& list) {
    std::set<std::string> out;
    for (const auto& x : list) out.insert(x.name());
    return out;
  };
  std::vector<v1::Proposal> overdue = All(500, "overdue = true");
  EXPECT_TRUE(names(overdue).count(p.name()));
  for (const auto& x : overdue) {
    EXPECT_TRUE(x.overdue()) << x.name();
    EXPECT_TRUE(x.deadlines().decision_late()) << x.name();
  }
  for (const auto& x : All(500, "overdue = false")) EXPECT_FALSE(x.overdue()) << x.name();
  UseDemoAccount("approver");
  v1::Proposal decided = MustDo(V::kRecordDecision, p.name());
  EXPECT_EQ(decided.state(), v1::PROPOSAL_STATE_APPROVED);
  EXPECT_TRUE(decided.deadlines().decision_late());
  EXPECT_FALSE(decided.overdue());
  EXPECT_FALSE(names(All(500, "overdue = true")).count(p.name()));
}

TEST_F(ProposalTest, LeadersOnlySettingRestrictsSubmission) {
  UseDemoAccount("staff Tân Lập");
  v1::Proposal staff = Create("Đề xuất của công chức", FullContents());
  UseDemoAccount("approver");
  v1::Proposal leader = Create("Đề xuất của lãnh đạo", FullContents(), UnitNamed("UBND huyện"));
  UseDemoAccount("staff Tân Lập");
  v1::UpdateProposalSettingsRequest settings;
  settings.mutable_settings()->set_submission_policy(v1::SUBMISSION_POLICY_LEADERS_ONLY);
  v1::ProposalSettings out;
  EXPECT_EQ(P(&v1::ProposalService::Stub::UpdateProposalSettings, settings, &out).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  UseDemoAccount("admin");
  ASSERT_TRUE(P(&v1::ProposalService::Stub::UpdateProposalSettings, settings, &out).ok());
  UsePublic();
  ASSERT_TRUE(
      P(&v1::ProposalService::Stub::GetProposalSettings, v1::GetProposalSettingsRequest(), &out)
          .ok());
  EXPECT_EQ(out.submission_policy(), v1::SUBMISSION_POLICY_LEADERS_ONLY);
  UseDemoAccount("staff Tân Lập");
  v1::Proposal p;
  EXPECT_TRUE(IsApiError(Do(V::kSubmit, staff.name(), &p), grpc::StatusCode::PERMISSION_DENIED,
                         "SUBMISSION_RESTRICTED"));
  UseDemoAccount("approver");
  EXPECT_TRUE(Do(V::kSubmit, leader.name(), &p).ok());
  UseDemoAccount("admin");
  settings.mutable_settings()->set_submission_policy(v1::SUBMISSION_POLICY_ANY_STAFF);
  ASSERT_TRUE(P(&v1::ProposalService::Stub::UpdateProposalSettings, settings, &out).ok());
  UseDemoAccount("staff Tân Lập");
  EXPECT_TRUE(Do(V::kSubmit, staff.name(), &p).ok());
}

TEST_F(ProposalTest, EventsAndVersionsAreAppendOnly) {
  UseDemoAccount("staff Tân Lập");
  v1::Proposal p = Create("Đề xuất có lịch sử", FullContents());
  MustDo(V::kSubmit, p.name());
  ASSERT_THAT(Events(p.name()), SizeIs(2));
  SQLite::Database db(database_path(), SQLite::OPEN_READWRITE);
  db.setBusyTimeout(5000);
  EXPECT_THROW(db.exec("UPDATE proposal_events SET note = 'sửa'"), SQLite::Exception);
  EXPECT_THROW(db.exec("DELETE FROM proposal_events"), SQLite::Exception);
  EXPECT_THROW(db.exec("UPDATE proposal_versions SET reason = 'sửa'"), SQLite::Exception);
  EXPECT_THROW(db.exec("DELETE FROM proposal_versions"), SQLite::Exception);
  EXPECT_THAT(Events(p.name()), SizeIs(2));
}

TEST_F(ProposalTest, CreateIsIdempotent) {
  UseDemoAccount("staff Tân Lập");
  v1::CreateProposalRequest r;
  r.mutable_proposal()->set_title("Gửi lại khi mất sóng");
  r.set_request_id("mobile-42");
  v1::Proposal first, second;
  ASSERT_TRUE(P(&v1::ProposalService::Stub::CreateProposal, r, &first).ok());
  ASSERT_TRUE(P(&v1::ProposalService::Stub::CreateProposal, r, &second).ok());
  EXPECT_EQ(first.name(), second.name());
  EXPECT_THAT(Events(first.name()), SizeIs(1));
}

TEST_F(ProposalTest, AnAchievedPilotIsReplicatedAsADraftCaseStudy) {
  v1::Proposal p = Achieved();
  UseDemoAccount("publisher");
  v1::ReplicateAsCaseStudyRequest r;
  r.set_name(p.name());
  r.set_etag(p.etag());
  r.set_note("Nhân rộng ra các xã trong huyện.");
  r.set_request_id("replicate-1");
  v1::CaseStudy cs;
  ASSERT_TRUE(P(&v1::ProposalService::Stub::ReplicateAsCaseStudy, r, &cs).ok());
  EXPECT_TRUE(cs.name().rfind("caseStudies/", 0) == 0) << cs.name();
  EXPECT_EQ(cs.state(), v1::PUBLICATION_STATE_DRAFT);
  EXPECT_EQ(cs.proposal(), p.name());
  EXPECT_EQ(cs.title(), p.title());
  EXPECT_EQ(cs.unit(), p.unit());
  EXPECT_EQ(cs.summary(), p.contents().bottleneck());
  EXPECT_THAT(cs.body(), ::testing::HasSubstr(p.contents().solutions()));
  EXPECT_THAT(cs.results(), ::testing::HasSubstr("Thời gian giải quyết hồ sơ giảm một nửa."));

  UseDemoAccount("admin");
  v1::Proposal after = Get(p.name());
  EXPECT_EQ(after.state(), v1::PROPOSAL_STATE_REPLICATED);
  auto history = Events(p.name());
  ASSERT_FALSE(history.empty());
  EXPECT_EQ(history.back().verb(), "ReplicateAsCaseStudy");
  EXPECT_EQ(history.back().state_before(), v1::PROPOSAL_STATE_CLOSED);
  EXPECT_EQ(history.back().note(), "Nhân rộng ra các xã trong huyện.");

  // A retry returns the same case study and moves nothing.
  UseDemoAccount("publisher");
  v1::CaseStudy again;
  ASSERT_TRUE(P(&v1::ProposalService::Stub::ReplicateAsCaseStudy, r, &again).ok());
  EXPECT_EQ(again.name(), cs.name());
  UseDemoAccount("admin");
  EXPECT_THAT(Events(p.name()), SizeIs(history.size()));

  // The draft is not public.
  UsePublic();
  v1::GetCaseStudyRequest get;
  get.set_name(cs.name());
  v1::CaseStudy read;
  grpc::ClientContext context;
  Prepare(context);
  auto publicity = v1::PublicityService::NewStub(channel());
  EXPECT_EQ(publicity->GetCaseStudy(&context, get, &read).error_code(),
            grpc::StatusCode::NOT_FOUND);
}

TEST_F(ProposalTest, OnlyAnAchievedPilotIsReplicated) {
  v1::Proposal partial = InState(S::kClosed);  // PARTIAL, then a responsibility decision
  v1::Proposal evaluated = InState(S::kEvaluated);
  v1::Proposal approved = InState(S::kApproved);
  UseDemoAccount("publisher");
  auto publicity = v1::PublicityService::NewStub(channel());
  auto case_studies = [&] {
    grpc::ClientContext context;
    Prepare(context);
    v1::ListCaseStudiesRequest r;
    r.set_page_size(500);
    v1::ListCaseStudiesResponse list;
    EXPECT_TRUE(publicity->ListCaseStudies(&context, r, &list).ok());
    return list.case_studies_size();
  };
  const int before = case_studies();
  auto replicate = [&](const v1::Proposal& p) {
    v1::ReplicateAsCaseStudyRequest r;
    r.set_name(p.name());
    v1::CaseStudy out;
    return P(&v1::ProposalService::Stub::ReplicateAsCaseStudy, r, &out);
  };
  EXPECT_TRUE(
      IsApiError(replicate(partial), grpc::StatusCode::FAILED_PRECONDITION, "PILOT_NOT_ACHIEVED"));
  EXPECT_TRUE(IsApiError(replicate(evaluated), grpc::StatusCode::FAILED_PRECONDITION,
                         "INVALID_TRANSITION"));
  EXPECT_TRUE(
      IsApiError(replicate(approved), grpc::StatusCode::FAILED_PRECONDITION, "INVALID_TRANSITION"));
  UseDemoAccount("admin");
  for (const v1::Proposal* p : {&partial, &evaluated, &approved}) {
    v1::Proposal now = Get(p->name());
    EXPECT_EQ(now.state(), p->state());
    EXPECT_EQ(now.etag(), p->etag());
  }
  // Nothing was created.
  UseDemoAccount("publisher");
  EXPECT_EQ(case_studies(), before);
}

}  // namespace
}  // namespace sangkien::api_test
