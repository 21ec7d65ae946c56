#include "api/proposal_service.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "api/field_mask_support.h"
#include "api/list_support.h"
#include "api/proposal_convert.h"
#include "api/proto_convert.h"
#include "api/publicity_convert.h"
#include "api/publicity_service.h"
#include "api/request_fingerprint.h"
#include "api/unary.h"
#include "domain/validation.h"
#include "status/errors.h"
#include "status/status_macros.h"
#include "storage/proposal_repository.h"

namespace sangkien::api {

using storage::ProposalRepository;

namespace {

constexpr size_t kMaxNoteLength = domain::kMaxShortTextLength;

std::string ProposalName(int64_t id) { return absl::StrCat("proposals/", id); }

// ---- proto → domain, checked ----

std::optional<absl::CivilDay> Day(domain::Violations& v, const std::string& field,
                                  const google::type::Date& date, bool required = false) {
  if (!IsValidProtoDate(date)) {
    v.Add(field, "is not a real calendar date", "không phải một ngày hợp lệ");
    return std::nullopt;
  }
  auto day = FromProto(date);
  if (required && !day) v.Add(field, "is required", "bắt buộc phải có");
  return day;
}

std::string LongText(domain::Violations& v, const std::string& field, const std::string& value,
                     bool required = false) {
  return v.Text(field, value, domain::kMaxLongTextLength, required, true);
}

domain::ProposalContents CheckContents(domain::Violations& v, const v1::ProposalContents& c,
                                       const std::string& prefix) {
  domain::ProposalContents out;
  auto f = [&](const char* name) { return absl::StrCat(prefix, name); };
  out.bottleneck = LongText(v, f("bottleneck"), c.bottleneck());
  out.necessity = LongText(v, f("necessity"), c.necessity());
  out.solutions = LongText(v, f("solutions"), c.solutions());
  out.scope = LongText(v, f("scope"), c.scope());
  out.implementers = LongText(v, f("implementers"), c.implementers());
  out.pilot_start = Day(v, f("pilot_period.start_date"), c.pilot_period().start_date());
  out.pilot_end = Day(v, f("pilot_period.end_date"), c.pilot_period().end_date());
  out.resources = LongText(v, f("resources"), c.resources());
  out.feasibility = LongText(v, f("feasibility"), c.feasibility());
  out.positive_impact = LongText(v, f("positive_impact"), c.positive_impact());
  out.negative_impact = LongText(v, f("negative_impact"), c.negative_impact());
  out.expected_results = LongText(v, f("expected_results"), c.expected_results());
  out.evaluation_date = Day(v, f("evaluation_date"), c.evaluation_date());
  return out;
}

// Name, etag and note every workflow request carries.
template <typename Req>
operations::ProposalCall CheckCall(domain::Violations& v, const Req& req, bool note_required) {
  operations::ProposalCall call;
  call.id = v.Name("name", req.name(), "proposals", true);
  call.etag = v.Text("etag", req.etag(), 100, false);
  call.note = v.Text("note", req.note(), kMaxNoteLength, note_required, true);
  return call;
}

const std::vector<std::string>& UpdatableFields() {
  static const std::vector<std::string> kFields = {"title", "unit", "contents"};
  return kFields;
}

const std::vector<std::string>& ContentsParts() {
  static const std::vector<std::string> kParts = {
      "bottleneck",      "necessity",       "solutions",        "scope",
      "implementers",    "pilot_period",    "resources",        "feasibility",
      "positive_impact", "negative_impact", "expected_results", "evaluation_date"};
  return kParts;
}

}  // namespace

absl::Status ProposalServiceImpl::DoCreateProposal(const domain::Caller& call,
                                                   const v1::CreateProposalRequest& req,
                                                   v1::Proposal* resp) {
  domain::Violations v;
  v.RequestId("request_id", req.request_id());
  domain::Proposal p;
  p.title = v.Text("proposal.title", req.proposal().title(), domain::kMaxShortTextLength, true);
  p.unit_id = v.Name("proposal.unit", req.proposal().unit(), "units", false);
  p.contents = CheckContents(v, req.proposal().contents(), "proposal.contents.");
  SK_RETURN_IF_ERROR(v.ToStatus());
  SK_ASSIGN_OR_RETURN(auto created, ops_.Create(WithRequestId(call, req.request_id()), std::move(p),
                                                IdempotencyOf(call, req, req.request_id())));
  ProposalToProto(created, resp);
  return absl::OkStatus();
}

absl::Status ProposalServiceImpl::DoUpdateProposal(const domain::Caller& call,
                                                   const v1::UpdateProposalRequest& req,
                                                   v1::Proposal* resp) {
  domain::Violations v;
  int64_t id = v.Name("proposal.name", req.proposal().name(), "proposals", true);
  SK_RETURN_IF_ERROR(v.ToStatus());
  SK_RETURN_IF_ERROR(CheckUpdateMask(req.update_mask(), UpdatableFields()));
  SK_ASSIGN_OR_RETURN(domain::Proposal current, ops_.Get(call, id));
  std::string expected = req.proposal().etag().empty() ? current.etag : req.proposal().etag();
  if (expected != current.etag) return EtagMismatch(req.proposal().name());
  v1::Proposal merged;
  ProposalToProto(current, &merged);
  ApplyUpdateMask(req.update_mask(), req.proposal(), &merged);
  domain::Proposal p = current;
  p.title = v.Text("proposal.title", merged.title(), domain::kMaxShortTextLength, true);
  p.unit_id = v.Name("proposal.unit", merged.unit(), "units", true);
  p.contents = CheckContents(v, merged.contents(), "proposal.contents.");
  SK_RETURN_IF_ERROR(v.ToStatus());
  SK_ASSIGN_OR_RETURN(domain::Proposal updated, ops_.Update(call, p, expected));
  ProposalToProto(updated, resp);
  return absl::OkStatus();
}

absl::Status ProposalServiceImpl::DoGetProposal(const domain::Caller& call,
                                                const v1::GetProposalRequest& req,
                                                v1::Proposal* resp) {
  domain::Violations v;
  int64_t id = v.Name("name", req.name(), "proposals", true);
  if (req.contents_version() < 0) {
    v.Add("contents_version", "must not be negative", "không được âm");
  }
  SK_RETURN_IF_ERROR(v.ToStatus());
  SK_ASSIGN_OR_RETURN(domain::Proposal p, ops_.Get(call, id, req.contents_version()));
  ProposalToProto(p, resp);
  return absl::OkStatus();
}

absl::Status ProposalServiceImpl::DoListProposals(const domain::Caller& call,
                                                  const v1::ListProposalsRequest& req,
                                                  v1::ListProposalsResponse* resp) {
  ListParams params{"ListProposals",  "",           req.page_size(),
                    req.page_token(), req.filter(), req.order_by()};
  ListSpec spec{&ProposalRepository::FilterFields(),
                &ProposalRepository::OrderFields(),
                {"create_time", true}};
  SK_ASSIGN_OR_RETURN(domain::ListQuery query, BuildListQuery(tokens_, params, spec));
  SK_ASSIGN_OR_RETURN(auto page, ops_.List(call, query));
  for (const auto& p : page.items) ProposalToProto(p, resp->add_proposals());
  resp->set_next_page_token(NextPageToken(tokens_, params, page.next));
  return absl::OkStatus();
}

#define SK_SIMPLE_VERB(Method, OpsMethod, NoteRequired)                                 \
  absl::Status ProposalServiceImpl::Do##Method(                                         \
      const domain::Caller& call, const v1::Method##Request& req, v1::Proposal* resp) { \
    domain::Violations v;                                                               \
    operations::ProposalCall pc = CheckCall(v, req, NoteRequired);                      \
    SK_RETURN_IF_ERROR(v.ToStatus());                                                   \
    SK_ASSIGN_OR_RETURN(domain::Proposal p, ops_.OpsMethod(call, pc));                  \
    ProposalToProto(p, resp);                                                           \
    return absl::OkStatus();                                                            \
  }
SK_SIMPLE_VERB(WithdrawProposal, Withdraw, false)
SK_SIMPLE_VERB(SubmitProposal, Submit, false)
SK_SIMPLE_VERB(StartAppraisal, StartAppraisal, false)
SK_SIMPLE_VERB(ReturnProposal, Return, true)
SK_SIMPLE_VERB(PublishDecision, PublishDecision, false)
#undef SK_SIMPLE_VERB

absl::Status ProposalServiceImpl::DoReplicateAsCaseStudy(const domain::Caller& call,
                                                         const v1::ReplicateAsCaseStudyRequest& req,
                                                         v1::CaseStudy* resp) {
  domain::Violations v;
  v.RequestId("request_id", req.request_id());
  operations::ProposalCall pc = CheckCall(v, req, false);
  SK_RETURN_IF_ERROR(v.ToStatus());
  SK_ASSIGN_OR_RETURN(
      domain::CaseStudy created,
      ops_.ReplicateAsCaseStudy(WithRequestId(call, req.request_id()), pc,
                                IdempotencyOf(call, req, req.request_id()), publicity_));
  ToProto(created, resp);
  return absl::OkStatus();
}

absl::Status ProposalServiceImpl::DoRecordAppraisal(const domain::Caller& call,
                                                    const v1::RecordAppraisalRequest& req,
                                                    v1::Proposal* resp) {
  domain::Violations v;
  operations::ProposalCall pc = CheckCall(v, req, false);
  domain::Appraisal a;
  a.notes = LongText(v, "appraisal.notes", req.appraisal().notes(), true);
  a.recommendation = static_cast<domain::Recommendation>(req.appraisal().recommendation());
  if (!v1::AppraisalRecommendation_IsValid(req.appraisal().recommendation()) ||
      req.appraisal().recommendation() == v1::APPRAISAL_RECOMMENDATION_UNSPECIFIED) {
    v.Add("appraisal.recommendation", "choose a recommendation", "Phải nêu đề xuất của thẩm định");
  }
  SK_RETURN_IF_ERROR(v.ToStatus());
  SK_ASSIGN_OR_RETURN(domain::Proposal p, ops_.RecordAppraisal(call, pc, std::move(a)));
  ProposalToProto(p, resp);
  return absl::OkStatus();
}

absl::Status ProposalServiceImpl::DoRecordDecision(const domain::Caller& call,
                                                   const v1::RecordDecisionRequest& req,
                                                   v1::Proposal* resp) {
  domain::Violations v;
  operations::ProposalCall pc = CheckCall(v, req, false);
  const auto& d = req.decision();
  domain::LeadershipDecision out;
  out.meeting_date = Day(v, "decision.meeting_date", d.meeting_date());
  v.ListSize("decision.members_present", d.members_present_size(), 100);
  for (int i = 0; i < d.members_present_size() && i < 100; ++i) {
    out.members_present.push_back(v.Text(absl::StrCat("decision.members_present[", i, "]"),
                                         d.members_present(i), domain::kMaxNameLength, true));
  }
  out.head = v.Text("decision.head", d.head(), domain::kMaxNameLength, false);
  v.ListSize("decision.ballots", d.ballots_size(), 100);
  for (int i = 0; i < d.ballots_size() && i < 100; ++i) {
    const auto& b = d.ballots(i);
    std::string member = v.Text(absl::StrCat("decision.ballots[", i, "].member"), b.member(),
                                domain::kMaxNameLength, true);
    if (!v1::VoteChoice_IsValid(b.choice())) {
      v.Add(absl::StrCat("decision.ballots[", i, "].choice"), "unknown choice",
            "lựa chọn không hợp lệ");
    }
    out.ballots.push_back({member, static_cast<domain::VoteChoice>(b.choice())});
  }
  out.head_override = d.head_override();
  out.override_statement = LongText(v, "decision.override_statement", d.override_statement());
  out.document_symbol = v.Text("decision.document_symbol", d.document_symbol(), 100, true);
  out.document_date = Day(v, "decision.document_date", d.document_date(), true);
  out.deliberation = LongText(v, "decision.deliberation", d.deliberation());
  SK_RETURN_IF_ERROR(v.ToStatus());
  SK_ASSIGN_OR_RETURN(domain::Proposal p, ops_.RecordDecision(call, pc, std::move(out)));
  ProposalToProto(p, resp);
  return absl::OkStatus();
}

absl::Status ProposalServiceImpl::DoStartPilot(const domain::Caller& call,
                                               const v1::StartPilotRequest& req,
                                               v1::Proposal* resp) {
  domain::Violations v;
  operations::ProposalCall pc = CheckCall(v, req, false);
  auto start = Day(v, "start_date", req.start_date());
  SK_RETURN_IF_ERROR(v.ToStatus());
  SK_ASSIGN_OR_RETURN(domain::Proposal p, ops_.StartPilot(call, pc, start));
  ProposalToProto(p, resp);
  return absl::OkStatus();
}

absl::Status ProposalServiceImpl::DoRecordPilotCheck(const domain::Caller& call,
                                                     const v1::RecordPilotCheckRequest& req,
                                                     v1::Proposal* resp) {
  domain::Violations v;
  operations::ProposalCall pc = CheckCall(v, req, false);
  domain::PilotCheck check;
  check.check_date = Day(v, "check.check_date", req.check().check_date());
  check.notes = LongText(v, "check.notes", req.check().notes(), true);
  SK_RETURN_IF_ERROR(v.ToStatus());
  std::vector<std::string> parts;
  domain::ProposalContents adjusted;
  if (req.adjustment_mask().paths_size() > 0) {
    SK_RETURN_IF_ERROR(CheckUpdateMask(req.adjustment_mask(), ContentsParts()));
    SK_ASSIGN_OR_RETURN(domain::Proposal current, ops_.Get(call, pc.id));
    v1::ProposalContents merged;
    ContentsToProto(current.contents, &merged);
    ApplyUpdateMask(req.adjustment_mask(), req.adjustments(), &merged);
    adjusted = CheckContents(v, merged, "adjustments.");
    auto missing = domain::MissingContents(adjusted, "adjustments.");
    for (auto& m : missing) v.Add(m.field, m.description, m.description_vi);
    SK_RETURN_IF_ERROR(v.ToStatus());
    for (const std::string& path : req.adjustment_mask().paths()) {
      std::string part = path.substr(0, path.find('.'));
      if (std::find(parts.begin(), parts.end(), part) == parts.end()) parts.push_back(part);
    }
  }
  SK_ASSIGN_OR_RETURN(domain::Proposal p,
                      ops_.RecordPilotCheck(call, pc, std::move(check), adjusted, parts));
  ProposalToProto(p, resp);
  return absl::OkStatus();
}

absl::Status ProposalServiceImpl::DoHaltPilot(const domain::Caller& call,
                                              const v1::HaltPilotRequest& req, v1::Proposal* resp) {
  domain::Violations v;
  operations::ProposalCall pc;
  pc.id = v.Name("name", req.name(), "proposals", true);
  pc.etag = v.Text("etag", req.etag(), 100, false);
  pc.note = v.Text("reason", req.reason(), kMaxNoteLength, false, true);
  SK_RETURN_IF_ERROR(v.ToStatus());
  SK_ASSIGN_OR_RETURN(domain::Proposal p, ops_.HaltPilot(call, pc, pc.note));
  ProposalToProto(p, resp);
  return absl::OkStatus();
}

absl::Status ProposalServiceImpl::DoCompletePilot(const domain::Caller& call,
                                                  const v1::CompletePilotRequest& req,
                                                  v1::Proposal* resp) {
  domain::Violations v;
  operations::ProposalCall pc = CheckCall(v, req, false);
  domain::CompletionReport report;
  report.text = LongText(v, "report.text", req.report().text(), true);
  report.report_date = Day(v, "report.report_date", req.report().report_date());
  if (report.report_date && *report.report_date > ops_.Today()) {
    v.Add("report.report_date", "must not be in the future", "không được là ngày trong tương lai");
  }
  SK_RETURN_IF_ERROR(v.ToStatus());
  SK_ASSIGN_OR_RETURN(domain::Proposal p, ops_.CompletePilot(call, pc, std::move(report)));
  ProposalToProto(p, resp);
  return absl::OkStatus();
}

absl::Status ProposalServiceImpl::DoEvaluateProposal(const domain::Caller& call,
                                                     const v1::EvaluateProposalRequest& req,
                                                     v1::Proposal* resp) {
  domain::Violations v;
  operations::ProposalCall pc = CheckCall(v, req, false);
  const auto& e = req.evaluation();
  domain::Evaluation out;
  out.outcome = static_cast<domain::PilotOutcome>(e.outcome());
  bool known =
      v1::PilotOutcome_IsValid(e.outcome()) && e.outcome() != v1::PILOT_OUTCOME_UNSPECIFIED;
  if (!known) {
    v.Add("evaluation.outcome", "choose ACHIEVED, PARTIAL or NOT_ACHIEVED",
          "Phải chọn đạt, đạt một phần hoặc không đạt");
  }
  bool achieved = e.outcome() == v1::PILOT_OUTCOME_ACHIEVED;
  out.objective_causes =
      LongText(v, "evaluation.objective_causes", e.objective_causes(), known && !achieved);
  out.subjective_causes =
      LongText(v, "evaluation.subjective_causes", e.subjective_causes(), known && !achieved);
  out.motives_pure = e.motives_pure();
  out.notes = LongText(v, "evaluation.notes", e.notes());
  SK_RETURN_IF_ERROR(v.ToStatus());
  SK_ASSIGN_OR_RETURN(domain::Proposal p, ops_.Evaluate(call, pc, std::move(out)));
  ProposalToProto(p, resp);
  return absl::OkStatus();
}

absl::Status ProposalServiceImpl::DoDecideResponsibility(const domain::Caller& call,
                                                         const v1::DecideResponsibilityRequest& req,
                                                         v1::Proposal* resp) {
  domain::Violations v;
  operations::ProposalCall pc = CheckCall(v, req, false);
  const auto& d = req.decision();
  domain::ResponsibilityDecision out;
  out.kind = static_cast<domain::ResponsibilityKind>(d.kind());
  if (!v1::ResponsibilityKind_IsValid(d.kind()) ||
      d.kind() == v1::RESPONSIBILITY_KIND_UNSPECIFIED) {
    v.Add("decision.kind", "choose EXCLUDED, EXEMPTED, REDUCED or NOT_EXEMPTED",
          "Phải chọn loại trừ, miễn, giảm nhẹ hoặc không miễn trách nhiệm");
  }
  out.grounds = LongText(v, "decision.grounds", d.grounds(), true);
  out.document_symbol = v.Text("decision.document_symbol", d.document_symbol(), 100, true);
  out.document_date = Day(v, "decision.document_date", d.document_date(), true);
  SK_RETURN_IF_ERROR(v.ToStatus());
  SK_ASSIGN_OR_RETURN(domain::Proposal p, ops_.DecideResponsibility(call, pc, std::move(out)));
  ProposalToProto(p, resp);
  return absl::OkStatus();
}

absl::Status ProposalServiceImpl::DoListProposalEvents(const domain::Caller& call,
                                                       const v1::ListProposalEventsRequest& req,
                                                       v1::ListProposalEventsResponse* resp) {
  domain::Violations v;
  int64_t id = v.Name("parent", req.parent(), "proposals", true);
  SK_RETURN_IF_ERROR(v.ToStatus());
  ListParams params{"ListProposalEvents", req.parent(), req.page_size(), req.page_token(), "", ""};
  ListSpec spec{nullptr, nullptr, {"id", false}};
  SK_ASSIGN_OR_RETURN(domain::ListQuery query, BuildListQuery(tokens_, params, spec));
  SK_ASSIGN_OR_RETURN(auto page, ops_.ListEvents(call, id, query));
  for (const auto& e : page.items) {
    auto* out = resp->add_events();
    out->set_name(absl::StrCat(ProposalName(e.proposal_id), "/events/", e.id));
    out->set_verb(e.verb);
    out->set_actor(e.actor);
    ToProto(e.time, out->mutable_time());
    out->set_note(e.note);
    out->set_state_before(static_cast<v1::ProposalState>(e.state_before));
    out->set_state_after(static_cast<v1::ProposalState>(e.state_after));
    out->set_contents_version(e.contents_version);
  }
  resp->set_next_page_token(NextPageToken(tokens_, params, page.next));
  return absl::OkStatus();
}

absl::Status ProposalServiceImpl::DoGetProposalSettings(const domain::Caller& call,
                                                        const v1::GetProposalSettingsRequest& req,
                                                        v1::ProposalSettings* resp) {
  SK_ASSIGN_OR_RETURN(auto policy, ops_.GetSubmissionPolicy());
  resp->set_submission_policy(static_cast<v1::SubmissionPolicy>(policy));
  return absl::OkStatus();
}

absl::Status ProposalServiceImpl::DoUpdateProposalSettings(
    const domain::Caller& call, const v1::UpdateProposalSettingsRequest& req,
    v1::ProposalSettings* resp) {
  auto policy = req.settings().submission_policy();
  if (!v1::SubmissionPolicy_IsValid(policy) || policy == v1::SUBMISSION_POLICY_UNSPECIFIED) {
    return InvalidField("settings.submission_policy", "choose ANY_STAFF or LEADERS_ONLY",
                        "Phải chọn ANY_STAFF hoặc LEADERS_ONLY");
  }
  SK_ASSIGN_OR_RETURN(
      auto set, ops_.SetSubmissionPolicy(call, static_cast<domain::SubmissionPolicy>(policy)));
  resp->set_submission_policy(static_cast<v1::SubmissionPolicy>(set));
  return absl::OkStatus();
}

grpc::ServerUnaryReactor* ProposalServiceImpl::CreateProposal(grpc::CallbackServerContext* ctx,
                                                              const v1::CreateProposalRequest* req,
                                                              v1::Proposal* resp) {
  return Unary<&ProposalServiceImpl::DoCreateProposal>(
      this, "sangkien.v1.ProposalService/CreateProposal", ctx, req, resp);
}

grpc::ServerUnaryReactor* ProposalServiceImpl::UpdateProposal(grpc::CallbackServerContext* ctx,
                                                              const v1::UpdateProposalRequest* req,
                                                              v1::Proposal* resp) {
  return Unary<&ProposalServiceImpl::DoUpdateProposal>(
      this, "sangkien.v1.ProposalService/UpdateProposal", ctx, req, resp);
}

grpc::ServerUnaryReactor* ProposalServiceImpl::GetProposal(grpc::CallbackServerContext* ctx,
                                                           const v1::GetProposalRequest* req,
                                                           v1::Proposal* resp) {
  return Unary<&ProposalServiceImpl::DoGetProposal>(this, "sangkien.v1.ProposalService/GetProposal",
                                                    ctx, req, resp);
}

grpc::ServerUnaryReactor* ProposalServiceImpl::ListProposals(grpc::CallbackServerContext* ctx,
                                                             const v1::ListProposalsRequest* req,
                                                             v1::ListProposalsResponse* resp) {
  return Unary<&ProposalServiceImpl::DoListProposals>(
      this, "sangkien.v1.ProposalService/ListProposals", ctx, req, resp);
}

grpc::ServerUnaryReactor* ProposalServiceImpl::WithdrawProposal(
    grpc::CallbackServerContext* ctx, const v1::WithdrawProposalRequest* req, v1::Proposal* resp) {
  return Unary<&ProposalServiceImpl::DoWithdrawProposal>(
      this, "sangkien.v1.ProposalService/WithdrawProposal", ctx, req, resp);
}

grpc::ServerUnaryReactor* ProposalServiceImpl::SubmitProposal(grpc::CallbackServerContext* ctx,
                                                              const v1::SubmitProposalRequest* req,
                                                              v1::Proposal* resp) {
  return Unary<&ProposalServiceImpl::DoSubmitProposal>(
      this, "sangkien.v1.ProposalService/SubmitProposal", ctx, req, resp);
}

grpc::ServerUnaryReactor* ProposalServiceImpl::StartAppraisal(grpc::CallbackServerContext* ctx,
                                                              const v1::StartAppraisalRequest* req,
                                                              v1::Proposal* resp) {
  return Unary<&ProposalServiceImpl::DoStartAppraisal>(
      this, "sangkien.v1.ProposalService/StartAppraisal", ctx, req, resp);
}

grpc::ServerUnaryReactor* ProposalServiceImpl::RecordAppraisal(
    grpc::CallbackServerContext* ctx, const v1::RecordAppraisalRequest* req, v1::Proposal* resp) {
  return Unary<&ProposalServiceImpl::DoRecordAppraisal>(
      this, "sangkien.v1.ProposalService/RecordAppraisal", ctx, req, resp);
}

grpc::ServerUnaryReactor* ProposalServiceImpl::ReturnProposal(grpc::CallbackServerContext* ctx,
                                                              const v1::ReturnProposalRequest* req,
                                                              v1::Proposal* resp) {
  return Unary<&ProposalServiceImpl::DoReturnProposal>(
      this, "sangkien.v1.ProposalService/ReturnProposal", ctx, req, resp);
}

grpc::ServerUnaryReactor* ProposalServiceImpl::RecordDecision(grpc::CallbackServerContext* ctx,
                                                              const v1::RecordDecisionRequest* req,
                                                              v1::Proposal* resp) {
  return Unary<&ProposalServiceImpl::DoRecordDecision>(
      this, "sangkien.v1.ProposalService/RecordDecision", ctx, req, resp);
}

grpc::ServerUnaryReactor* ProposalServiceImpl::StartPilot(grpc::CallbackServerContext* ctx,
                                                          const v1::StartPilotRequest* req,
                                                          v1::Proposal* resp) {
  return Unary<&ProposalServiceImpl::DoStartPilot>(this, "sangkien.v1.ProposalService/StartPilot",
                                                   ctx, req, resp);
}

grpc::ServerUnaryReactor* ProposalServiceImpl::RecordPilotCheck(
    grpc::CallbackServerContext* ctx, const v1::RecordPilotCheckRequest* req, v1::Proposal* resp) {
  return Unary<&ProposalServiceImpl::DoRecordPilotCheck>(
      this, "sangkien.v1.ProposalService/RecordPilotCheck", ctx, req, resp);
}

grpc::ServerUnaryReactor* ProposalServiceImpl::HaltPilot(grpc::CallbackServerContext* ctx,
                                                         const v1::HaltPilotRequest* req,
                                                         v1::Proposal* resp) {
  return Unary<&ProposalServiceImpl::DoHaltPilot>(this, "sangkien.v1.ProposalService/HaltPilot",
                                                  ctx, req, resp);
}

grpc::ServerUnaryReactor* ProposalServiceImpl::CompletePilot(grpc::CallbackServerContext* ctx,
                                                             const v1::CompletePilotRequest* req,
                                                             v1::Proposal* resp) {
  return Unary<&ProposalServiceImpl::DoCompletePilot>(
      this, "sangkien.v1.ProposalService/CompletePilot", ctx, req, resp);
}

grpc::ServerUnaryReactor* ProposalServiceImpl::EvaluateProposal(
    grpc::CallbackServerContext* ctx, const v1::EvaluateProposalRequest* req, v1::Proposal* resp) {
  return Unary<&ProposalServiceImpl::DoEvaluateProposal>(
      this, "sangkien.v1.ProposalService/EvaluateProposal", ctx, req, resp);
}

grpc::ServerUnaryReactor* ProposalServiceImpl::DecideResponsibility(
    grpc::CallbackServerContext* ctx, const v1::DecideResponsibilityRequest* req,
    v1::Proposal* resp) {
  return Unary<&ProposalServiceImpl::DoDecideResponsibility>(
      this, "sangkien.v1.ProposalService/DecideResponsibility", ctx, req, resp);
}

grpc::ServerUnaryReactor* ProposalServiceImpl::PublishDecision(
    grpc::CallbackServerContext* ctx, const v1::PublishDecisionRequest* req, v1::Proposal* resp) {
  return Unary<&ProposalServiceImpl::DoPublishDecision>(
      this, "sangkien.v1.ProposalService/PublishDecision", ctx, req, resp);
}

grpc::ServerUnaryReactor* ProposalServiceImpl::ReplicateAsCaseStudy(
    grpc::CallbackServerContext* ctx, const v1::ReplicateAsCaseStudyRequest* req,
    v1::CaseStudy* resp) {
  return Unary<&ProposalServiceImpl::DoReplicateAsCaseStudy>(
      this, "sangkien.v1.ProposalService/ReplicateAsCaseStudy", ctx, req, resp);
}

grpc::ServerUnaryReactor* ProposalServiceImpl::ListProposalEvents(
    grpc::CallbackServerContext* ctx, const v1::ListProposalEventsRequest* req,
    v1::ListProposalEventsResponse* resp) {
  return Unary<&ProposalServiceImpl::DoListProposalEvents>(
      this, "sangkien.v1.ProposalService/ListProposalEvents", ctx, req, resp);
}

grpc::ServerUnaryReactor* ProposalServiceImpl::GetProposalSettings(
    grpc::CallbackServerContext* ctx, const v1::GetProposalSettingsRequest* req,
    v1::ProposalSettings* resp) {
  return Unary<&ProposalServiceImpl::DoGetProposalSettings>(
      this, "sangkien.v1.ProposalService/GetProposalSettings", ctx, req, resp);
}

grpc::ServerUnaryReactor* ProposalServiceImpl::UpdateProposalSettings(
    grpc::CallbackServerContext* ctx, const v1::UpdateProposalSettingsRequest* req,
    v1::ProposalSettings* resp) {
  return Unary<&ProposalServiceImpl::DoUpdateProposalSettings>(
      this, "sangkien.v1.ProposalService/UpdateProposalSettings", ctx, req, resp);
}

}  // namespace sangkien::api
