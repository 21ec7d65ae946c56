// sangkien.v1.ProposalService over ProposalOperations.
#ifndef SANGKIEN_SERVER_API_PROPOSAL_SERVICE_H_
#define SANGKIEN_SERVER_API_PROPOSAL_SERVICE_H_

#include "absl/status/status.h"
#include "api/call_gate.h"
#include "domain/page_token.h"
#include "operations/proposal_operations.h"
#include "operations/publicity_operations.h"
#include "sangkien/v1/proposal_service.grpc.pb.h"

namespace sangkien::api {

class ProposalServiceImpl final : public v1::ProposalService::CallbackService {
 public:
  ProposalServiceImpl(operations::ProposalOperations& ops,
                      operations::PublicityOperations& publicity,
                      const domain::PageTokenCodec& tokens, const CallGate& gate)
      : ops_(ops), publicity_(publicity), tokens_(tokens), gate_(gate) {}

#define SK_UNARY(Method, Request, Response)                                              \
  grpc::ServerUnaryReactor* Method(grpc::CallbackServerContext* ctx, const Request* req, \
                                   Response* resp) override;                             \
  absl::Status Do##Method(const domain::Caller& call, const Request& req, Response* resp);
  SK_UNARY(CreateProposal, v1::CreateProposalRequest, v1::Proposal)
  SK_UNARY(UpdateProposal, v1::UpdateProposalRequest, v1::Proposal)
  SK_UNARY(GetProposal, v1::GetProposalRequest, v1::Proposal)
  SK_UNARY(ListProposals, v1::ListProposalsRequest, v1::ListProposalsResponse)
  SK_UNARY(WithdrawProposal, v1::WithdrawProposalRequest, v1::Proposal)
  SK_UNARY(SubmitProposal, v1::SubmitProposalRequest, v1::Proposal)
  SK_UNARY(StartAppraisal, v1::StartAppraisalRequest, v1::Proposal)
  SK_UNARY(RecordAppraisal, v1::RecordAppraisalRequest, v1::Proposal)
  SK_UNARY(ReturnProposal, v1::ReturnProposalRequest, v1::Proposal)
  SK_UNARY(RecordDecision, v1::RecordDecisionRequest, v1::Proposal)
  SK_UNARY(StartPilot, v1::StartPilotRequest, v1::Proposal)
  SK_UNARY(RecordPilotCheck, v1::RecordPilotCheckRequest, v1::Proposal)
  SK_UNARY(HaltPilot, v1::HaltPilotRequest, v1::Proposal)
  SK_UNARY(CompletePilot, v1::CompletePilotRequest, v1::Proposal)
  SK_UNARY(EvaluateProposal, v1::EvaluateProposalRequest, v1::Proposal)
  SK_UNARY(DecideResponsibility, v1::DecideResponsibilityRequest, v1::Proposal)
  SK_UNARY(PublishDecision, v1::PublishDecisionRequest, v1::Proposal)
  SK_UNARY(ReplicateAsCaseStudy, v1::ReplicateAsCaseStudyRequest, v1::CaseStudy)
  SK_UNARY(ListProposalEvents, v1::ListProposalEventsRequest, v1::ListProposalEventsResponse)
  SK_UNARY(GetProposalSettings, v1::GetProposalSettingsRequest, v1::ProposalSettings)
  SK_UNARY(UpdateProposalSettings, v1::UpdateProposalSettingsRequest, v1::ProposalSettings)
#undef SK_UNARY

 private:
  operations::ProposalOperations& ops_;
  operations::PublicityOperations& publicity_;
  const domain::PageTokenCodec& tokens_;
  const CallGate& gate_;
};

}  // namespace sangkien::api

#endif  // SANGKIEN_SERVER_API_PROPOSAL_SERVICE_H_
