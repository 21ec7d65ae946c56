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

#define SK_UNARY(Method, Request, Response)                                        \
  grpc::ServerUnaryReactor* Method(grpc::CallbackServerContext* ctx, const Request* req, \
                                   Response* resp) override;                       \
  absl::Status Do##Method(const domain::Caller& call, const Request& req, Response* resp);
  SK_UNARY(ListPlans, v1::ListPlansRequest, v1::ListPlansResponse)
  SK_UNARY(GetPlan, v1::GetPlanRequest, v1::Plan)
  SK_UNARY(CreatePlan, v1::CreatePlanRequest, v1::Plan)
  SK_UNARY(UpdatePlan, v1::UpdatePlanRequest, v1::Plan)
  SK_UNARY(DeletePlan, v1::DeletePlanRequest, v1::Plan)
  SK_UNARY(ImportPlan, v1::ImportPlanRequest, v1::ImportPlanResponse)
  SK_UNARY(ListTasks, v1::ListTasksRequest, v1::ListTasksResponse)
  SK_UNARY(GetTask, v1::GetTaskRequest, v1::Task)
  SK_UNARY(UpdateTask, v1::UpdateTaskRequest, v1::Task)
  SK_UNARY(ListAssignments, v1::ListAssignmentsRequest, v1::ListAssignmentsResponse)
  SK_UNARY(CreateProgressReport, v1::CreateProgressReportRequest, v1::ProgressReport)
  SK_UNARY(ListProgressReports, v1::ListProgressReportsRequest, v1::ListProgressReportsResponse)
#undef SK_UNARY

 private:
  operations::PlanOperations& ops_;
  const domain::PageTokenCodec& tokens_;
  const CallGate& gate_;
};

}  // namespace sangkien::api

#endif  // SANGKIEN_SERVER_API_PLAN_SERVICE_H_
