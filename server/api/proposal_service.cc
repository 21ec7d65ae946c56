#include "api/proposal_service.h"

#include <string>
#include <string_view>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "api/enum_convert.h"
#include "api/field_paths.h"
#include "api/list_support.h"
#include "api/proposal_convert.h"
#include "api/proto_convert.h"
#include "api/publicity_convert.h"
#include "api/request_fingerprint.h"
#include "api/unary.h"
#include "domain/validation.h"
#include "operations/proposal_commands.h"
#include "status/status_macros.h"

namespace sangkien::api {

using operations::ProposalOperations;
using operations::ProposalStep;

namespace {

// A date as the client sent it: nullopt when unset. One that is no real
// calendar day cannot be a domain date, so it is refused here.
std::optional<absl::CivilDay> Day(domain::Violations& v, const std::string& field,
                                  const google::type::Date& date) {
  if (!IsValidProtoDate(date)) {
    v.Add(field, "is not a real calendar date", "không phải một ngày hợp lệ");
    return std::nullopt;
  }
  return FromProto(date);
}

// Whether `mask` selects `path` (its own name, or a field that contains it).
// No mask selects everything. Fields a mask leaves out are never read, so
// they are not parsed either.
bool Selected(const google::protobuf::FieldMask* mask, const std::string& path) {
  if (mask == nullptr) return true;
  for (const std::string& p : mask->paths()) {
    if (p == path || absl::StartsWith(path, absl::StrCat(p, "."))) return true;
  }
  return false;
}

// The contents as sent; `mask_prefix` is where the contents sit in the
// mask's paths ("contents." in an update, "" in an adjustment).
domain::ProposalContents ContentsFromProto(domain::Violations& v, const v1::ProposalContents& c,
                                           const std::string& field_prefix,
                                           const google::protobuf::FieldMask* mask = nullptr,
                                           const std::string& mask_prefix = "") {
  domain::ProposalContents out;
  auto day = [&](const char* part, const google::type::Date& date) {
    if (!Selected(mask, absl::StrCat(mask_prefix, part))) return std::optional<absl::CivilDay>();
    return Day(v, absl::StrCat(field_prefix, part), date);
  };
  out.bottleneck = c.bottleneck();
  out.necessity = c.necessity();
  out.solutions = c.solutions();
  out.scope = c.scope();
  out.implementers = c.implementers();
  out.pilot_start = day("pilot_period.start_date", c.pilot_period().start_date());
  out.pilot_end = day("pilot_period.end_date", c.pilot_period().end_date());
  out.resources = c.resources();
  out.feasibility = c.feasibility();
  out.positive_impact = c.positive_impact();
  out.negative_impact = c.negative_impact();
  out.expected_results = c.expected_results();
  out.evaluation_date = day("evaluation_date", c.evaluation_date());
  return out;
}

// The proposal, its etag and the note every workflow request carries.
template <typename Req>
ProposalStep StepOf(domain::Violations& v, const Req& req) {
  return {v.Name("name", req.name(), "proposals", true), req.etag(), req.note()};
}

absl::Status Reply(const absl::StatusOr<domain::Proposal>& p, v1::Proposal* resp) {
  if (!p.ok()) return p.status();
  ProposalToProto(*p, resp);
  return absl::OkStatus();
}

using StepOperation =
    absl::StatusOr<domain::Proposal> (ProposalOperations::*)(const domain::Caller&, ProposalStep);

// A verb that carries nothing but the step.
template <typename Req>
absl::Status RunStep(ProposalOperations& ops, StepOperation op, const domain::Caller& call,
                     const Req& req, v1::Proposal* resp) {
  domain::Violations v;
  ProposalStep step = StepOf(v, req);
  SK_RETURN_IF_ERROR(v.ToStatus());
  return Reply((ops.*op)(call, std::move(step)), resp);
}

}  // namespace

absl::Status ProposalServiceImpl::DoCreateProposal(const domain::Caller& call,
                                                   const v1::CreateProposalRequest& req,
                                                   v1::Proposal* resp) {
  domain::Violations v;
  v.RequestId("request_id", req.request_id());
  operations::CreateProposalCommand cmd;
  cmd.title = req.proposal().title();
  cmd.unit_id = v.Name("proposal.unit", req.proposal().unit(), "units", false);
  cmd.contents = ContentsFromProto(v, req.proposal().contents(), "proposal.contents.");
  SK_RETURN_IF_ERROR(v.ToStatus());
  return Reply(ops_.Create(WithRequestId(call, req.request_id()), std::move(cmd),
                           IdempotencyOf(call, req, req.request_id())),
               resp);
}

absl::Status ProposalServiceImpl::DoUpdateProposal(const domain::Caller& call,
                                                   const v1::UpdateProposalRequest& req,
                                                   v1::Proposal* resp) {
  domain::Violations v;
  const v1::Proposal& given = req.proposal();
  const google::protobuf::FieldMask& mask = req.update_mask();
  operations::UpdateProposalCommand cmd;
  cmd.id = v.Name("proposal.name", given.name(), "proposals", true);
  domain::Proposal& patch = cmd.update.patch;
  patch.title = given.title();
  if (Selected(&mask, "unit"))
    patch.unit_id = v.Name("proposal.unit", given.unit(), "units", false);
  patch.contents = ContentsFromProto(v, given.contents(), "proposal.contents.", &mask, "contents.");
  SK_RETURN_IF_ERROR(v.ToStatus());
  cmd.update.paths = FieldPathsOf(mask);
  cmd.update.etag = given.etag();
  return Reply(ops_.Update(call, cmd), resp);
}

absl::Status ProposalServiceImpl::DoGetProposal(const domain::Caller& call,
                                                const v1::GetProposalRequest& req,
                                                v1::Proposal* resp) {
  domain::Violations v;
  int64_t id = v.Name("name", req.name(), "proposals", true);
  SK_RETURN_IF_ERROR(v.ToStatus());
  return Reply(ops_.Get(call, id, req.contents_version()), resp);
}

absl::Status ProposalServiceImpl::DoListProposals(const domain::Caller& call,
                                                  const v1::ListProposalsRequest& req,
                                                  v1::ListProposalsResponse* resp) {
  ListParams params{"ListProposals",  "",           req.page_size(),
                    req.page_token(), req.filter(), req.order_by()};
  SK_ASSIGN_OR_RETURN(domain::ListQuery query,
                      BuildListQuery(tokens_, params, ProposalOperations::ListProposalsSpec()));
  SK_ASSIGN_OR_RETURN(auto page, ops_.List(call, query));
  for (const auto& p : page.items) ProposalToProto(p, resp->add_proposals());
  resp->set_next_page_token(NextPageToken(tokens_, params, page.next));
  return absl::OkStatus();
}

absl::Status ProposalServiceImpl::DoWithdrawProposal(const domain::Caller& call,
                                                     const v1::WithdrawProposalRequest& req,
                                                     v1::Proposal* resp) {
  return RunStep(ops_, &ProposalOperations::Withdraw, call, req, resp);
}

absl::Status ProposalServiceImpl::DoSubmitProposal(const domain::Caller& call,
                                                   const v1::SubmitProposalRequest& req,
                                                   v1::Proposal* resp) {
  return RunStep(ops_, &ProposalOperations::Submit, call, req, resp);
}

absl::Status ProposalServiceImpl::DoStartAppraisal(const domain::Caller& call,
                                                   const v1::StartAppraisalRequest& req,
                                                   v1::Proposal* resp) {
  return RunStep(ops_, &ProposalOperations::StartAppraisal, call, req, resp);
}

absl::Status ProposalServiceImpl::DoReturnProposal(const domain::Caller& call,
                                                   const v1::ReturnProposalRequest& req,
                                                   v1::Proposal* resp) {
  return RunStep(ops_, &ProposalOperations::Return, call, req, resp);
}

absl::Status ProposalServiceImpl::DoPublishDecision(const domain::Caller& call,
                                                    const v1::PublishDecisionRequest& req,
                                                    v1::Proposal* resp) {
  return RunStep(ops_, &ProposalOperations::PublishDecision, call, req, resp);
}

absl::Status ProposalServiceImpl::DoReplicateAsCaseStudy(const domain::Caller& call,
                                                         const v1::ReplicateAsCaseStudyRequest& req,
                                                         v1::CaseStudy* resp) {
  domain::Violations v;
  v.RequestId("request_id", req.request_id());
  ProposalStep step = StepOf(v, req);
  SK_RETURN_IF_ERROR(v.ToStatus());
  SK_ASSIGN_OR_RETURN(
      domain::CaseStudy created,
      ops_.ReplicateAsCaseStudy(WithRequestId(call, req.request_id()), std::move(step),
                                IdempotencyOf(call, req, req.request_id()), publicity_));
  ToProto(created, resp);
  return absl::OkStatus();
}

absl::Status ProposalServiceImpl::DoRecordAppraisal(const domain::Caller& call,
                                                    const v1::RecordAppraisalRequest& req,
                                                    v1::Proposal* resp) {
  domain::Violations v;
  operations::RecordAppraisalCommand cmd{StepOf(v, req)};
  SK_RETURN_IF_ERROR(v.ToStatus());
  cmd.appraisal.notes = req.appraisal().notes();
  // An unknown value is refused like an unspecified one.
  cmd.appraisal.recommendation =
      FromProto(req.appraisal().recommendation()).value_or(domain::Recommendation::kUnspecified);
  return Reply(ops_.RecordAppraisal(call, std::move(cmd)), resp);
}

absl::Status ProposalServiceImpl::DoRecordDecision(const domain::Caller& call,
                                                   const v1::RecordDecisionRequest& req,
                                                   v1::Proposal* resp) {
  domain::Violations v;
  operations::RecordDecisionCommand cmd{StepOf(v, req)};
  const auto& d = req.decision();
  domain::LeadershipDecision& out = cmd.decision;
  out.meeting_date = Day(v, "decision.meeting_date", d.meeting_date());
  out.members_present = {d.members_present().begin(), d.members_present().end()};
  out.head = d.head();
  for (int i = 0; i < d.ballots_size(); ++i) {
    std::optional<domain::VoteChoice> choice = FromProto(d.ballots(i).choice());
    if (!choice) {
      v.Add(absl::StrCat("decision.ballots[", i, "].choice"), "unknown choice",
            "lựa chọn không hợp lệ");
    }
    out.ballots.push_back(
        {d.ballots(i).member(), choice.value_or(domain::VoteChoice::kUnspecified)});
  }
  out.head_override = d.head_override();
  out.override_statement = d.override_statement();
  out.document_symbol = d.document_symbol();
  out.document_date = Day(v, "decision.document_date", d.document_date());
  out.deliberation = d.deliberation();
  SK_RETURN_IF_ERROR(v.ToStatus());
  return Reply(ops_.RecordDecision(call, std::move(cmd)), resp);
}

absl::Status ProposalServiceImpl::DoStartPilot(const domain::Caller& call,
                                               const v1::StartPilotRequest& req,
                                               v1::Proposal* resp) {
  domain::Violations v;
  operations::StartPilotCommand cmd{StepOf(v, req)};
  cmd.start_date = Day(v, "start_date", req.start_date());
  SK_RETURN_IF_ERROR(v.ToStatus());
  return Reply(ops_.StartPilot(call, std::move(cmd)), resp);
}

absl::Status ProposalServiceImpl::DoRecordPilotCheck(const domain::Caller& call,
                                                     const v1::RecordPilotCheckRequest& req,
                                                     v1::Proposal* resp) {
  domain::Violations v;
  operations::RecordPilotCheckCommand cmd{StepOf(v, req)};
  cmd.check.check_date = Day(v, "check.check_date", req.check().check_date());
  cmd.check.notes = req.check().notes();
  const google::protobuf::FieldMask& mask = req.adjustment_mask();
  if (mask.paths_size() > 0) {
    cmd.adjustment_paths = FieldPathsOf(mask);
    cmd.adjustments = ContentsFromProto(v, req.adjustments(), "adjustments.", &mask);
  }
  SK_RETURN_IF_ERROR(v.ToStatus());
  return Reply(ops_.RecordPilotCheck(call, std::move(cmd)), resp);
}

absl::Status ProposalServiceImpl::DoHaltPilot(const domain::Caller& call,
                                              const v1::HaltPilotRequest& req, v1::Proposal* resp) {
  domain::Violations v;
  ProposalStep step{v.Name("name", req.name(), "proposals", true), req.etag(), req.reason()};
  SK_RETURN_IF_ERROR(v.ToStatus());
  return Reply(ops_.HaltPilot(call, std::move(step)), resp);
}

absl::Status ProposalServiceImpl::DoCompletePilot(const domain::Caller& call,
                                                  const v1::CompletePilotRequest& req,
                                                  v1::Proposal* resp) {
  domain::Violations v;
  operations::CompletePilotCommand cmd{StepOf(v, req)};
  cmd.report.text = req.report().text();
  cmd.report.report_date = Day(v, "report.report_date", req.report().report_date());
  SK_RETURN_IF_ERROR(v.ToStatus());
  return Reply(ops_.CompletePilot(call, std::move(cmd)), resp);
}

absl::Status ProposalServiceImpl::DoEvaluateProposal(const domain::Caller& call,
                                                     const v1::EvaluateProposalRequest& req,
                                                     v1::Proposal* resp) {
  domain::Violations v;
  operations::EvaluateProposalCommand cmd{StepOf(v, req)};
  SK_RETURN_IF_ERROR(v.ToStatus());
  const auto& e = req.evaluation();
  // An unknown value is refused like an unspecified one.
  cmd.evaluation.outcome = FromProto(e.outcome()).value_or(domain::PilotOutcome::kUnspecified);
  cmd.evaluation.objective_causes = e.objective_causes();
  cmd.evaluation.subjective_causes = e.subjective_causes();
  cmd.evaluation.motives_pure = e.motives_pure();
  cmd.evaluation.notes = e.notes();
  return Reply(ops_.Evaluate(call, std::move(cmd)), resp);
}

absl::Status ProposalServiceImpl::DoDecideResponsibility(const domain::Caller& call,
                                                         const v1::DecideResponsibilityRequest& req,
                                                         v1::Proposal* resp) {
  domain::Violations v;
  operations::DecideResponsibilityCommand cmd{StepOf(v, req)};
  const auto& d = req.decision();
  // An unknown value is refused like an unspecified one.
  cmd.decision.kind = FromProto(d.kind()).value_or(domain::ResponsibilityKind::kUnspecified);
  cmd.decision.grounds = d.grounds();
  cmd.decision.document_symbol = d.document_symbol();
  cmd.decision.document_date = Day(v, "decision.document_date", d.document_date());
  SK_RETURN_IF_ERROR(v.ToStatus());
  return Reply(ops_.DecideResponsibility(call, std::move(cmd)), resp);
}

absl::Status ProposalServiceImpl::DoListProposalEvents(const domain::Caller& call,
                                                       const v1::ListProposalEventsRequest& req,
                                                       v1::ListProposalEventsResponse* resp) {
  domain::Violations v;
  int64_t id = v.Name("parent", req.parent(), "proposals", true);
  SK_RETURN_IF_ERROR(v.ToStatus());
  ListParams params{"ListProposalEvents", req.parent(), req.page_size(), req.page_token(), "", ""};
  SK_ASSIGN_OR_RETURN(
      domain::ListQuery query,
      BuildListQuery(tokens_, params, ProposalOperations::ListProposalEventsSpec()));
  SK_ASSIGN_OR_RETURN(auto page, ops_.ListEvents(call, id, query));
  for (const auto& e : page.items) EventToProto(e, resp->add_events());
  resp->set_next_page_token(NextPageToken(tokens_, params, page.next));
  return absl::OkStatus();
}

absl::Status ProposalServiceImpl::DoGetProposalSettings(const domain::Caller& call,
                                                        const v1::GetProposalSettingsRequest& req,
                                                        v1::ProposalSettings* resp) {
  SK_ASSIGN_OR_RETURN(auto policy, ops_.GetSubmissionPolicy());
  resp->set_submission_policy(ToProto(policy));
  return absl::OkStatus();
}

absl::Status ProposalServiceImpl::DoUpdateProposalSettings(
    const domain::Caller& call, const v1::UpdateProposalSettingsRequest& req,
    v1::ProposalSettings* resp) {
  // An unknown value is refused like an unspecified one.
  domain::SubmissionPolicy policy = FromProto(req.settings().submission_policy())
                                        .value_or(domain::SubmissionPolicy::kUnspecified);
  SK_ASSIGN_OR_RETURN(auto set, ops_.SetSubmissionPolicy(call, policy));
  resp->set_submission_policy(ToProto(set));
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
