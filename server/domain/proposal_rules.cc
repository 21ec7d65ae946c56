#include "domain/proposal_rules.h"

#include <algorithm>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "text/vietnamese.h"

namespace sangkien::domain {
namespace {

using S = ProposalState;
using V = ProposalVerb;

absl::Status Precondition(std::string_view reason, std::string message, std::string message_vi) {
  return MakeError(absl::StatusCode::kFailedPrecondition, reason, message, message_vi);
}

bool Blank(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](unsigned char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
  });
}

}  // namespace

const std::vector<ProposalVerb>& AllProposalVerbs() {
  static const std::vector<ProposalVerb> kVerbs = {V::kUpdate,
                                                   V::kWithdraw,
                                                   V::kSubmit,
                                                   V::kStartAppraisal,
                                                   V::kRecordAppraisal,
                                                   V::kReturn,
                                                   V::kRecordDecision,
                                                   V::kStartPilot,
                                                   V::kRecordPilotCheck,
                                                   V::kHaltPilot,
                                                   V::kCompletePilot,
                                                   V::kEvaluate,
                                                   V::kDecideResponsibility,
                                                   V::kPublishDecision,
                                                   V::kReplicate};
  return kVerbs;
}

const std::vector<ProposalState>& AllProposalStates() {
  static const std::vector<ProposalState> kStates = {
      S::kDraft,    S::kSubmitted, S::kUnderAppraisal, S::kApproved,  S::kRejected,
      S::kReturned, S::kPiloting,  S::kPilotCompleted, S::kEvaluated, S::kClosed,
      S::kHalted,   S::kWithdrawn, S::kReplicated};
  return kStates;
}

std::string_view VerbName(ProposalVerb verb) {
  switch (verb) {
    case V::kUpdate:
      return "UpdateProposal";
    case V::kWithdraw:
      return "WithdrawProposal";
    case V::kSubmit:
      return "SubmitProposal";
    case V::kStartAppraisal:
      return "StartAppraisal";
    case V::kRecordAppraisal:
      return "RecordAppraisal";
    case V::kReturn:
      return "ReturnProposal";
    case V::kRecordDecision:
      return "RecordDecision";
    case V::kStartPilot:
      return "StartPilot";
    case V::kRecordPilotCheck:
      return "RecordPilotCheck";
    case V::kHaltPilot:
      return "HaltPilot";
    case V::kCompletePilot:
      return "CompletePilot";
    case V::kEvaluate:
      return "EvaluateProposal";
    case V::kDecideResponsibility:
      return "DecideResponsibility";
    case V::kPublishDecision:
      return "PublishDecision";
    case V::kReplicate:
      return "ReplicateAsCaseStudy";
  }
  return "";
}

std::string_view StateName(ProposalState state) {
  switch (state) {
    case S::kUnspecified:
      return "UNSPECIFIED";
    case S::kDraft:
      return "DRAFT";
    case S::kSubmitted:
      return "SUBMITTED";
    case S::kUnderAppraisal:
      return "UNDER_APPRAISAL";
    case S::kApproved:
      return "APPROVED";
    case S::kRejected:
      return "REJECTED";
    case S::kReturned:
      return "RETURNED";
    case S::kPiloting:
      return "PILOTING";
    case S::kPilotCompleted:
      return "PILOT_COMPLETED";
    case S::kEvaluated:
      return "EVALUATED";
    case S::kClosed:
      return "CLOSED";
    case S::kHalted:
      return "HALTED";
    case S::kWithdrawn:
      return "WITHDRAWN";
    case S::kReplicated:
      return "REPLICATED";
  }
  return "";
}

std::string_view StateNameVi(ProposalState state) {
  switch (state) {
    case S::kUnspecified:
      return "không xác định";
    case S::kDraft:
      return "dự thảo";
    case S::kSubmitted:
      return "đã nộp";
    case S::kUnderAppraisal:
      return "đang thẩm định";
    case S::kApproved:
      return "đã được cho chủ trương";
    case S::kRejected:
      return "không được cho chủ trương";
    case S::kReturned:
      return "trả lại để chỉnh sửa";
    case S::kPiloting:
      return "đang thí điểm";
    case S::kPilotCompleted:
      return "đã kết thúc thí điểm";
    case S::kEvaluated:
      return "đã đánh giá";
    case S::kClosed:
      return "đã kết thúc";
    case S::kHalted:
      return "đã dừng thí điểm";
    case S::kWithdrawn:
      return "đã rút";
    case S::kReplicated:
      return "đã nhân rộng";
  }
  return "";
}

const std::vector<ProposalMove>& ProposalMoves() {
  static const std::vector<ProposalMove> kMoves = [] {
    std::vector<ProposalMove> m = {
        {S::kDraft, V::kUpdate, {S::kDraft}},
        {S::kDraft, V::kWithdraw, {S::kWithdrawn}},
        {S::kDraft, V::kSubmit, {S::kSubmitted}},
        {S::kReturned, V::kUpdate, {S::kReturned}},
        {S::kReturned, V::kWithdraw, {S::kWithdrawn}},
        {S::kReturned, V::kSubmit, {S::kSubmitted}},
        {S::kSubmitted, V::kWithdraw, {S::kWithdrawn}},
        {S::kSubmitted, V::kStartAppraisal, {S::kUnderAppraisal}},
        {S::kSubmitted, V::kReturn, {S::kReturned}},
        {S::kUnderAppraisal, V::kWithdraw, {S::kWithdrawn}},
        {S::kUnderAppraisal, V::kRecordAppraisal, {S::kUnderAppraisal}},
        {S::kUnderAppraisal, V::kReturn, {S::kReturned}},
        {S::kUnderAppraisal, V::kRecordDecision, {S::kApproved, S::kRejected}},
        {S::kApproved, V::kStartPilot, {S::kPiloting}},
        {S::kPiloting, V::kRecordPilotCheck, {S::kPiloting}},
        {S::kPiloting, V::kHaltPilot, {S::kHalted}},
        {S::kPiloting, V::kCompletePilot, {S::kPilotCompleted}},
        {S::kPilotCompleted, V::kEvaluate, {S::kEvaluated, S::kClosed}},
        {S::kHalted, V::kEvaluate, {S::kEvaluated, S::kClosed}},
        {S::kEvaluated, V::kDecideResponsibility, {S::kClosed}},
        // A pilot evaluated as achieved closes; it may then become a case
        // study to replicate (CheckReplicable tells it from a closed failure).
        {S::kClosed, V::kReplicate, {S::kReplicated}},
    };
    // Decisions are published from approval on; publishing moves nothing.
    for (S s : {S::kApproved, S::kPiloting, S::kPilotCompleted, S::kEvaluated, S::kClosed,
                S::kHalted, S::kReplicated}) {
      m.push_back({s, V::kPublishDecision, {s}});
    }
    return m;
  }();
  return kMoves;
}

std::vector<ProposalState> NextStates(ProposalState from, ProposalVerb verb) {
  for (const auto& m : ProposalMoves()) {
    if (m.from == from && m.verb == verb) return m.to;
  }
  return {};
}

absl::Status CheckMove(ProposalState from, ProposalVerb verb) {
  if (!NextStates(from, verb).empty()) return absl::OkStatus();
  return MakeError(
      absl::StatusCode::kFailedPrecondition, "INVALID_TRANSITION",
      absl::StrCat(std::string(VerbName(verb)), " is not allowed on a proposal in state ",
                   std::string(StateName(from))),
      absl::StrCat("Không thực hiện được ", std::string(VerbName(verb)),
                   " khi đề xuất đang ở trạng thái \"", std::string(StateNameVi(from)), "\""));
}

bool IsPublicState(ProposalState state) {
  switch (state) {
    case S::kApproved:
    case S::kPiloting:
    case S::kPilotCompleted:
    case S::kEvaluated:
    case S::kClosed:
    case S::kHalted:
    case S::kReplicated:
      return true;
    default:
      return false;
  }
}

void RedactForPublic(Proposal& p) {
  p.appraisal.reset();
  if (!p.decision_published) p.decision.reset();
  if (!p.responsibility_published) p.responsibility.reset();
}

absl::Status CheckReplicable(const Proposal& proposal) {
  if (proposal.evaluation && proposal.evaluation->outcome == PilotOutcome::kAchieved) {
    return absl::OkStatus();
  }
  return Precondition("PILOT_NOT_ACHIEVED",
                      "only a proposal whose pilot was evaluated as ACHIEVED is replicated as a "
                      "case study",
                      "Chỉ đề xuất có kết quả thí điểm được đánh giá là đạt mới được nhân rộng "
                      "thành mô hình điển hình");
}

std::vector<FieldViolation> MissingContents(const ProposalContents& c,
                                            std::string_view prefix_view) {
  const std::string prefix(prefix_view);
  std::vector<FieldViolation> out;
  auto need = [&](bool missing, const char* field, const char* en, const char* vi) {
    if (missing) {
      out.push_back({absl::StrCat(prefix, field), absl::StrCat("required at submission: ", en),
                     absl::StrCat("Thiếu ", vi)});
    }
  };
  need(Blank(c.bottleneck), "bottleneck", "the bottleneck it removes",
       "điểm nghẽn, nút thắt mà đề xuất giải quyết");
  need(Blank(c.necessity), "necessity", "why it is needed", "sự cần thiết của đề xuất");
  need(Blank(c.solutions), "solutions", "its content and solutions", "nội dung và giải pháp");
  need(Blank(c.scope), "scope", "its scope", "phạm vi thực hiện");
  need(Blank(c.implementers), "implementers", "who carries it out", "người, đơn vị thực hiện");
  need(!c.pilot_start || !c.pilot_end, "pilot_period", "its timeframe (start and end dates)",
       "thời gian thực hiện (ngày bắt đầu và ngày kết thúc)");
  need(Blank(c.resources), "resources", "the resources it needs", "nguồn lực thực hiện");
  need(Blank(c.feasibility), "feasibility", "its feasibility", "đánh giá tính khả thi");
  need(Blank(c.positive_impact), "positive_impact", "its expected positive impact",
       "tác động tích cực dự kiến");
  need(Blank(c.negative_impact), "negative_impact", "its expected negative impact and risks",
       "tác động tiêu cực, rủi ro dự kiến");
  need(Blank(c.expected_results), "expected_results", "its expected results",
       "kết quả dự kiến đạt được");
  need(!c.evaluation_date, "evaluation_date", "the date results are evaluated",
       "thời điểm đánh giá kết quả");
  if (c.pilot_start && c.pilot_end && *c.pilot_end < *c.pilot_start) {
    out.push_back({absl::StrCat(prefix, "pilot_period"), "the pilot ends before it starts",
                   "Ngày kết thúc trước ngày bắt đầu"});
  }
  if (c.pilot_start && c.evaluation_date && *c.evaluation_date < *c.pilot_start) {
    out.push_back({absl::StrCat(prefix, "evaluation_date"),
                   "results are evaluated before the pilot starts",
                   "Thời điểm đánh giá trước ngày bắt đầu thí điểm"});
  }
  return out;
}

bool IsLeaderPosition(std::string_view position) {
  // Folded: lower case, no diacritics, đ → d.
  std::string folded = text::FoldForSearch(position);
  static const char* kTitles[] = {
      "chu tich",  "pho chu tich", "truong",     "pho truong", "giam doc",  "pho giam doc", "chanh",
      "pho chanh", "bi thu",       "pho bi thu", "thu truong", "chu nhiem", "pho chu nhiem"};
  for (const char* t : kTitles) {
    std::string_view title(t);
    if (folded.size() >= title.size() && folded.compare(0, title.size(), title) == 0 &&
        (folded.size() == title.size() || folded[title.size()] == ' ')) {
      return true;
    }
  }
  return false;
}

absl::StatusOr<VoteTally> TallyDecision(const LeadershipDecision& d, const std::string& proposer,
                                        const std::string& proposer_display_name) {
  if (d.members_present.empty()) {
    return Precondition("NO_MEMBERS_PRESENT",
                        "the meeting had nobody present: no decision can be recorded",
                        "Cuộc họp không có thành viên nào dự: không thể ghi nhận quyết định");
  }
  std::vector<FieldViolation> violations;
  std::set<std::string> present(d.members_present.begin(), d.members_present.end());
  if (d.head.empty() || !present.count(d.head)) {
    violations.push_back({"decision.head", "name the head, who must be among members_present",
                          "Phải ghi người đứng đầu, là một thành viên dự họp"});
  }
  std::set<std::string> voted;
  VoteTally t;
  VoteChoice head_vote = VoteChoice::kUnspecified;
  for (size_t i = 0; i < d.ballots.size(); ++i) {
    const Ballot& b = d.ballots[i];
    std::string field = absl::StrCat("decision.ballots[", i, "]");
    if (b.member == proposer ||
        (!proposer_display_name.empty() && b.member == proposer_display_name)) {
      return Precondition("PROPOSER_MAY_NOT_VOTE", "the proposer never votes on their own proposal",
                          "Người đề xuất không được biểu quyết đối với đề xuất của mình");
    }
    if (!present.count(b.member)) {
      violations.push_back({field + ".member", "only members present vote",
                            "Chỉ thành viên dự họp mới được biểu quyết"});
    } else if (!voted.insert(b.member).second) {
      violations.push_back(
          {field + ".member", "one vote per member", "Mỗi thành viên chỉ biểu quyết một lần"});
    }
    switch (b.choice) {
      case VoteChoice::kFor:
        ++t.votes_for;
        break;
      case VoteChoice::kAgainst:
        ++t.votes_against;
        break;
      case VoteChoice::kAbstain:
        ++t.votes_abstaining;
        break;
      default:
        violations.push_back({field + ".choice", "choose FOR, AGAINST or ABSTAIN",
                              "Phải chọn tán thành, không tán thành hoặc không biểu quyết"});
    }
    if (b.member == d.head) head_vote = b.choice;
  }
  if (d.head_override && Blank(d.override_statement)) {
    violations.push_back({"decision.override_statement",
                          "the head's written override needs its statement",
                          "Ý kiến bằng văn bản của người đứng đầu là bắt buộc khi quyết định "
                          "vượt kết quả biểu quyết"});
  }
  if (!violations.empty()) return InvalidArgument(std::move(violations));
  int cast = t.votes_for + t.votes_against;
  if (cast > 0 && 2 * t.votes_for > cast) {
    t.passed_by_vote = true;
  } else if (cast > 0 && t.votes_for == t.votes_against) {
    t.tie_decided_by_head = head_vote == VoteChoice::kFor || head_vote == VoteChoice::kAgainst;
    t.passed_by_vote = head_vote == VoteChoice::kFor;
  }
  if (t.passed_by_vote && d.head_override) {
    return Precondition("OVERRIDE_NOT_NEEDED",
                        "the vote passed; a written override applies only to a failed vote",
                        "Biểu quyết đã thông qua; người đứng đầu chỉ quyết định thay khi biểu "
                        "quyết không thông qua");
  }
  t.result = t.passed_by_vote || d.head_override ? S::kApproved : S::kRejected;
  return t;
}

absl::StatusOr<bool> CheckHalt(absl::CivilDay today,
                               const std::optional<absl::CivilDay>& evaluation_date,
                               std::string_view reason, bool approver_authority, bool coordinator) {
  bool before = evaluation_date && today < *evaluation_date;
  if (before) {
    if (Blank(std::string(reason))) {
      return Precondition("HALT_REASON_REQUIRED",
                          "halting a pilot before its evaluation date needs a stated reason",
                          "Dừng thí điểm trước thời điểm đánh giá phải nêu rõ lý do");
    }
    if (!approver_authority) {
      return MakeError(absl::StatusCode::kPermissionDenied, "HALT_NEEDS_APPROVER",
                       "only an approver may halt a pilot before its evaluation date",
                       "Chỉ người có thẩm quyền cho chủ trương mới được dừng thí điểm trước "
                       "thời điểm đánh giá");
    }
    return true;
  }
  if (!approver_authority && !coordinator) {
    return MakeError(absl::StatusCode::kPermissionDenied, "PERMISSION_DENIED",
                     "only approvers and coordinators halt pilots",
                     "Chỉ người có thẩm quyền hoặc cơ quan đầu mối được dừng thí điểm");
  }
  return false;
}

ProposalState StateAfterEvaluation(PilotOutcome outcome) {
  return outcome == PilotOutcome::kAchieved ? S::kClosed : S::kEvaluated;
}

absl::Status CheckResponsibility(const std::optional<Evaluation>& evaluation,
                                 ResponsibilityKind kind) {
  if (!evaluation || evaluation->outcome == PilotOutcome::kAchieved ||
      evaluation->outcome == PilotOutcome::kUnspecified) {
    return Precondition("RESPONSIBILITY_NOT_APPLICABLE",
                        "a responsibility decision follows only an evaluation that was not "
                        "ACHIEVED",
                        "Chỉ xem xét trách nhiệm khi kết quả thí điểm không đạt hoặc đạt một phần");
  }
  if (kind != ResponsibilityKind::kNotExempted && !evaluation->motives_pure) {
    return Precondition("MOTIVES_NOT_PURE",
                        "excluding, exempting or reducing responsibility needs motives found pure",
                        "Chỉ loại trừ, miễn hoặc giảm nhẹ trách nhiệm khi động cơ được đánh giá là "
                        "trong sáng");
  }
  return absl::OkStatus();
}

absl::CivilDay WeekendsOnly::AddWorkingDays(absl::CivilDay day, int n) const {
  while (n > 0) {
    day += 1;
    absl::Weekday w = absl::GetWeekday(day);
    if (w != absl::Weekday::saturday && w != absl::Weekday::sunday) --n;
  }
  return day;
}

void ComputeLateness(Proposal& p, absl::CivilDay today) {
  auto& d = p.deadlines;
  auto late = [&](const std::optional<absl::CivilDay>& due,
                  const std::optional<absl::CivilDay>& done, bool pending) {
    if (!due) return false;
    if (done) return *done > *due;
    return pending && today > *due;
  };
  d.decision_late = late(d.decision_due, p.decision_date,
                         p.state == S::kSubmitted || p.state == S::kUnderAppraisal);
  std::optional<absl::CivilDay> reported;
  if (p.pilot.completion_report) reported = p.pilot.completion_report->report_date;
  d.report_late = late(d.report_due, reported, p.state == S::kPiloting);
  std::optional<absl::CivilDay> evaluated;
  if (p.evaluation) evaluated = p.evaluation->evaluation_date;
  d.evaluation_late = late(d.evaluation_due, evaluated, p.state == S::kPilotCompleted);
  d.overdue = ((p.state == S::kSubmitted || p.state == S::kUnderAppraisal) && d.decision_late) ||
              (p.state == S::kPiloting && d.report_late) ||
              (p.state == S::kPilotCompleted && d.evaluation_late);
}

}  // namespace sangkien::domain
