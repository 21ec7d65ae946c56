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

  grpc::ServerUnaryReactor* CreateProposal(grpc::CallbackServerContext* ctx,
                                           const v1::CreateProposalRequest* req,
                                           v1::Proposal* resp) override;
  grpc::ServerUnaryReactor* UpdateProposal(grpc::CallbackServerContext* ctx,
                                           const v1::UpdateProposalRequest* req,
                                           v1::Proposal* resp) override;
  grpc::ServerUnaryReactor* GetProposal(grpc::CallbackServerContext* ctx,
                                        const v1::GetProposalRequest* req,
                                        v1::Proposal* resp) override;
  grpc::ServerUnaryReactor* ListProposals(grpc::CallbackServerContext* ctx,
                                          const v1::ListProposalsRequest* req,
                                          v1::ListProposalsResponse* resp) override;
  grpc::ServerUnaryReactor* WithdrawProposal(grpc::CallbackServerContext* ctx,
                                             const v1::WithdrawProposalRequest* req,
                                             v1::Proposal* resp) override;
  grpc::ServerUnaryReactor* SubmitProposal(grpc::CallbackServerContext* ctx,
                                           const v1::SubmitProposalRequest* req,
                                           v1::Proposal* resp) override;
  grpc::ServerUnaryReactor* StartAppraisal(grpc::CallbackServerContext* ctx,
                                           const v1::StartAppraisalRequest* req,
                                           v1::Proposal* resp) override;
  grpc::ServerUnaryReactor* RecordAppraisal(grpc::CallbackServerContext* ctx,
                                            const v1::RecordAppraisalRequest* req,
                                            v1::Proposal* resp) override;
  grpc::ServerUnaryReactor* ReturnProposal(grpc::CallbackServerContext* ctx,
                                           const v1::ReturnProposalRequest* req,
                                           v1::Proposal* resp) override;
  grpc::ServerUnaryReactor* RecordDecision(grpc::CallbackServerContext* ctx,
                                           const v1::RecordDecisionRequest* req,
                                           v1::Proposal* resp) override;
  grpc::ServerUnaryReactor* StartPilot(grpc::CallbackServerContext* ctx,
                                       const v1::StartPilotRequest* req,
                                       v1::Proposal* resp) override;
  grpc::ServerUnaryReactor* RecordPilotCheck(grpc::CallbackServerContext* ctx,
                                             const v1::RecordPilotCheckRequest* req,
                                             v1::Proposal* resp) override;
  grpc::ServerUnaryReactor* HaltPilot(grpc::CallbackServerContext* ctx,
                                      const v1::HaltPilotRequest* req, v1::Proposal* resp) override;
  grpc::ServerUnaryReactor* CompletePilot(grpc::CallbackServerContext* ctx,
                                          const v1::CompletePilotRequest* req,
                                          v1::Proposal* resp) override;
  grpc::ServerUnaryReactor* EvaluateProposal(grpc::CallbackServerContext* ctx,
                                             const v1::EvaluateProposalRequest* req,
                                             v1::Proposal* resp) override;
  grpc::ServerUnaryReactor* DecideResponsibility(grpc::CallbackServerContext* ctx,
                                                 const v1::DecideResponsibilityRequest* req,
                                                 v1::Proposal* resp) override;
  grpc::ServerUnaryReactor* PublishDecision(grpc::CallbackServerContext* ctx,
                                            const v1::PublishDecisionRequest* req,
                                            v1::Proposal* resp) override;
  grpc::ServerUnaryReactor* ReplicateAsCaseStudy(grpc::CallbackServerContext* ctx,
                                                 const v1::ReplicateAsCaseStudyRequest* req,
                                                 v1::CaseStudy* resp) override;
  grpc::ServerUnaryReactor* ListProposalEvents(grpc::CallbackServerContext* ctx,
                                               const v1::ListProposalEventsRequest* req,
                                               v1::ListProposalEventsResponse* resp) override;
  grpc::ServerUnaryReactor* GetProposalSettings(grpc::CallbackServerContext* ctx,
                                                const v1::GetProposalSettingsRequest* req,
                                                v1::ProposalSettings* resp) override;
  grpc::ServerUnaryReactor* UpdateProposalSettings(grpc::CallbackServerContext* ctx,
                                                   const v1::UpdateProposalSettingsRequest* req,
                                                   v1::ProposalSettings* resp) override;

  // The handlers' bodies, run by Unary() once the caller is admitted. Each
  // parses names, dates and enums (INVALID_ARGUMENT when one cannot be
  // read), makes one ProposalOperations call, and returns OK with `resp`
  // filled, or that call's status (NOT_FOUND for a proposal the caller may
  // not see, and every rule's refusal) with `resp` untouched.
  absl::Status DoCreateProposal(const domain::Caller& call, const v1::CreateProposalRequest& req,
                                v1::Proposal* resp);
  absl::Status DoUpdateProposal(const domain::Caller& call, const v1::UpdateProposalRequest& req,
                                v1::Proposal* resp);
  absl::Status DoGetProposal(const domain::Caller& call, const v1::GetProposalRequest& req,
                             v1::Proposal* resp);
  absl::Status DoListProposals(const domain::Caller& call, const v1::ListProposalsRequest& req,
                               v1::ListProposalsResponse* resp);
  absl::Status DoWithdrawProposal(const domain::Caller& call,
                                  const v1::WithdrawProposalRequest& req, v1::Proposal* resp);
  absl::Status DoSubmitProposal(const domain::Caller& call, const v1::SubmitProposalRequest& req,
                                v1::Proposal* resp);
  absl::Status DoStartAppraisal(const domain::Caller& call, const v1::StartAppraisalRequest& req,
                                v1::Proposal* resp);
  absl::Status DoRecordAppraisal(const domain::Caller& call, const v1::RecordAppraisalRequest& req,
                                 v1::Proposal* resp);
  absl::Status DoReturnProposal(const domain::Caller& call, const v1::ReturnProposalRequest& req,
                                v1::Proposal* resp);
  absl::Status DoRecordDecision(const domain::Caller& call, const v1::RecordDecisionRequest& req,
                                v1::Proposal* resp);
  absl::Status DoStartPilot(const domain::Caller& call, const v1::StartPilotRequest& req,
                            v1::Proposal* resp);
  absl::Status DoRecordPilotCheck(const domain::Caller& call,
                                  const v1::RecordPilotCheckRequest& req, v1::Proposal* resp);
  absl::Status DoHaltPilot(const domain::Caller& call, const v1::HaltPilotRequest& req,
                           v1::Proposal* resp);
  absl::Status DoCompletePilot(const domain::Caller& call, const v1::CompletePilotRequest& req,
                               v1::Proposal* resp);
  absl::Status DoEvaluateProposal(const domain::Caller& call,
                                  const v1::EvaluateProposalRequest& req, v1::Proposal* resp);
  absl::Status DoDecideResponsibility(const domain::Caller& call,
                                      const v1::DecideResponsibilityRequest& req,
                                      v1::Proposal* resp);
  absl::Status DoPublishDecision(const domain::Caller& call, const v1::PublishDecisionRequest& req,
                                 v1::Proposal* resp);
  absl::Status DoReplicateAsCaseStudy(const domain::Caller& call,
                                      const v1::ReplicateAsCaseStudyRequest& req,
                                      v1::CaseStudy* resp);
  absl::Status DoListProposalEvents(const domain::Caller& call,
                                    const v1::ListProposalEventsRequest& req,
                                    v1::ListProposalEventsResponse* resp);
  absl::Status DoGetProposalSettings(const domain::Caller& call,
                                     const v1::GetProposalSettingsRequest& req,
                                     v1::ProposalSettings* resp);
  absl::Status DoUpdateProposalSettings(const domain::Caller& call,
                                        const v1::UpdateProposalSettingsRequest& req,
                                        v1::ProposalSettings* resp);

  const CallGate& gate() const { return gate_; }

 private:
  operations::ProposalOperations& ops_;
  operations::PublicityOperations& publicity_;
  const domain::PageTokenCodec& tokens_;
  const CallGate& gate_;
};

}  // namespace sangkien::api

#endif  // SANGKIEN_SERVER_API_PROPOSAL_SERVICE_H_
