// sangkien.v1.PlanService over PlanOperations.
#ifndef SANGKIEN_SERVER_API_PLAN_SERVICE_H_
#define SANGKIEN_SERVER_API_PLAN_SERVICE_H_

#include "absl/status/status.h"
#include "api/call_gate.h"
#include "domain/page_token.h"
#include "operations/plan_operations.h"
#include "sangkien/v1/plan_service.grpc.pb.h"

namespace sangkien::api {

class PlanServiceImpl final : public v1::PlanService::CallbackService {
 public:
  PlanServiceImpl(operations::PlanOperations& ops, const domain::PageTokenCodec& tokens,
                  const CallGate& gate)
      : ops_(ops), tokens_(tokens), gate_(gate) {}

  grpc::ServerUnaryReactor* ListPlans(grpc::CallbackServerContext* ctx,
                                      const v1::ListPlansRequest* req,
                                      v1::ListPlansResponse* resp) override;
  grpc::ServerUnaryReactor* GetPlan(grpc::CallbackServerContext* ctx, const v1::GetPlanRequest* req,
                                    v1::Plan* resp) override;
  grpc::ServerUnaryReactor* CreatePlan(grpc::CallbackServerContext* ctx,
                                       const v1::CreatePlanRequest* req, v1::Plan* resp) override;
  grpc::ServerUnaryReactor* UpdatePlan(grpc::CallbackServerContext* ctx,
                                       const v1::UpdatePlanRequest* req, v1::Plan* resp) override;
  grpc::ServerUnaryReactor* DeletePlan(grpc::CallbackServerContext* ctx,
                                       const v1::DeletePlanRequest* req, v1::Plan* resp) override;
  grpc::ServerUnaryReactor* ImportPlan(grpc::CallbackServerContext* ctx,
                                       const v1::ImportPlanRequest* req,
                                       v1::ImportPlanResponse* resp) override;
  grpc::ServerUnaryReactor* ListTasks(grpc::CallbackServerContext* ctx,
                                      const v1::ListTasksRequest* req,
                                      v1::ListTasksResponse* resp) override;
  grpc::ServerUnaryReactor* GetTask(grpc::CallbackServerContext* ctx, const v1::GetTaskRequest* req,
                                    v1::Task* resp) override;
  grpc::ServerUnaryReactor* UpdateTask(grpc::CallbackServerContext* ctx,
                                       const v1::UpdateTaskRequest* req, v1::Task* resp) override;
  grpc::ServerUnaryReactor* ListAssignments(grpc::CallbackServerContext* ctx,
                                            const v1::ListAssignmentsRequest* req,
                                            v1::ListAssignmentsResponse* resp) override;
  grpc::ServerUnaryReactor* CreateProgressReport(grpc::CallbackServerContext* ctx,
                                                 const v1::CreateProgressReportRequest* req,
                                                 v1::ProgressReport* resp) override;
  grpc::ServerUnaryReactor* ListProgressReports(grpc::CallbackServerContext* ctx,
                                                const v1::ListProgressReportsRequest* req,
                                                v1::ListProgressReportsResponse* resp) override;

  // The handlers' bodies, run by Unary() once the caller is admitted.
  absl::Status DoListPlans(const domain::Caller& call, const v1::ListPlansRequest& req,
                           v1::ListPlansResponse* resp);
  absl::Status DoGetPlan(const domain::Caller& call, const v1::GetPlanRequest& req, v1::Plan* resp);
  absl::Status DoCreatePlan(const domain::Caller& call, const v1::CreatePlanRequest& req,
                            v1::Plan* resp);
  absl::Status DoUpdatePlan(const domain::Caller& call, const v1::UpdatePlanRequest& req,
                            v1::Plan* resp);
  absl::Status DoDeletePlan(const domain::Caller& call, const v1::DeletePlanRequest& req,
                            v1::Plan* resp);
  absl::Status DoImportPlan(const domain::Caller& call, const v1::ImportPlanRequest& req,
                            v1::ImportPlanResponse* resp);
  absl::Status DoListTasks(const domain::Caller& call, const v1::ListTasksRequest& req,
                           v1::ListTasksResponse* resp);
  absl::Status DoGetTask(const domain::Caller& call, const v1::GetTaskRequest& req, v1::Task* resp);
  absl::Status DoUpdateTask(const domain::Caller& call, const v1::UpdateTaskRequest& req,
                            v1::Task* resp);
  absl::Status DoListAssignments(const domain::Caller& call, const v1::ListAssignmentsRequest& req,
                                 v1::ListAssignmentsResponse* resp);
  absl::Status DoCreateProgressReport(const domain::Caller& call,
                                      const v1::CreateProgressReportRequest& req,
                                      v1::ProgressReport* resp);
  absl::Status DoListProgressReports(const domain::Caller& call,
                                     const v1::ListProgressReportsRequest& req,
                                     v1::ListProgressReportsResponse* resp);

  const CallGate& gate() const { return gate_; }

 private:
  operations::PlanOperations& ops_;
  const domain::PageTokenCodec& tokens_;
  const CallGate& gate_;
};

}  // namespace sangkien::api

#endif  // SANGKIEN_SERVER_API_PLAN_SERVICE_H_
