#include "api/plan_service.h"

#include "absl/strings/str_cat.h"
#include "api/field_paths.h"
#include "api/list_support.h"
#include "api/proto_convert.h"
#include "api/request_fingerprint.h"
#include "api/unary.h"
#include "domain/validation.h"
#include "status/errors.h"
#include "status/status_macros.h"

namespace sangkien::api {

using operations::PlanOperations;

namespace {

// "plans/-" → 0 (all plans); "plans/7" → 7.
int64_t PlanParent(domain::Violations& v, std::string_view field, std::string_view parent) {
  if (parent == "plans/-") return 0;
  return v.Name(field, parent, "plans", true);
}

absl::Status NotATaskName(std::string_view field) {
  return InvalidField(field, "must be a task name like plans/1/tasks/2",
                      "phải là tên nhiệm vụ dạng plans/1/tasks/2");
}

// Whether the mask names `field` or a part of it: enum values in fields an
// update leaves alone are not read, so an unknown one there is no error.
bool Names(const domain::FieldPaths& paths, std::string_view field) {
  for (const std::string& p : paths) {
    if (p == field || (p.size() > field.size() && p.starts_with(field) && p[field.size()] == '.')) {
      return true;
    }
  }
  return false;
}

}  // namespace

absl::Status PlanServiceImpl::DoListPlans(const domain::Caller& call,
                                          const v1::ListPlansRequest& req,
                                          v1::ListPlansResponse* resp) {
  ListParams params{"ListPlans",      "",           req.page_size(),
                    req.page_token(), req.filter(), req.order_by()};
  SK_ASSIGN_OR_RETURN(domain::ListQuery query,
                      BuildListQuery(tokens_, params, PlanOperations::ListPlansSpec()));
  SK_ASSIGN_OR_RETURN(auto page, ops_.ListPlans(call, query));
  for (const auto& p : page.items) ToProto(p, resp->add_plans());
  resp->set_next_page_token(NextPageToken(tokens_, params, page.next));
  return absl::OkStatus();
}

absl::Status PlanServiceImpl::DoGetPlan(const domain::Caller& call, const v1::GetPlanRequest& req,
                                        v1::Plan* resp) {
  domain::Violations v;
  int64_t id = v.Name("name", req.name(), "plans", true);
  SK_RETURN_IF_ERROR(v.ToStatus());
  SK_ASSIGN_OR_RETURN(domain::Plan plan, ops_.GetPlan(call, id, req.show_deleted()));
  ToProto(plan, resp);
  return absl::OkStatus();
}

absl::Status PlanServiceImpl::DoCreatePlan(const domain::Caller& call,
                                           const v1::CreatePlanRequest& req, v1::Plan* resp) {
  domain::Violations v;
  operations::CreatePlanCommand command;
  command.plan = FromProto(req.plan(), v, "plan.");
  for (int i = 0; i < req.tasks_size(); ++i) {
    command.tasks.push_back(FromProto(req.tasks(i), v, absl::StrCat("tasks[", i, "].")));
  }
  SK_RETURN_IF_ERROR(v.ToStatus());
  SK_ASSIGN_OR_RETURN(auto created, ops_.CreatePlan(WithRequestId(call, req.request_id()), command,
                                                    IdempotencyOf(call, req, req.request_id())));
  ToProto(created.plan, resp);
  return absl::OkStatus();
}

absl::Status PlanServiceImpl::DoUpdatePlan(const domain::Caller& call,
                                           const v1::UpdatePlanRequest& req, v1::Plan* resp) {
  domain::Violations v;
  operations::UpdatePlanCommand command;
  command.plan_id = v.Name("plan.name", req.plan().name(), "plans", true);
  SK_RETURN_IF_ERROR(v.ToStatus());
  command.update.paths = FieldPathsOf(req.update_mask());
  command.update.etag = req.plan().etag();
  v1::Plan given = req.plan();
  if (!Names(command.update.paths, "kind")) given.clear_kind();
  if (!Names(command.update.paths, "state")) given.clear_state();
  if (!Names(command.update.paths, "basis")) given.clear_basis();
  command.update.patch = FromProto(given, v, "plan.");
  SK_RETURN_IF_ERROR(v.ToStatus());
  SK_ASSIGN_OR_RETURN(domain::Plan updated, ops_.UpdatePlan(call, command));
  ToProto(updated, resp);
  return absl::OkStatus();
}

absl::Status PlanServiceImpl::DoDeletePlan(const domain::Caller& call,
                                           const v1::DeletePlanRequest& req, v1::Plan* resp) {
  domain::Violations v;
  operations::DeletePlanCommand command;
  command.plan_id = v.Name("name", req.name(), "plans", true);
  SK_RETURN_IF_ERROR(v.ToStatus());
  command.etag = req.etag();
  SK_ASSIGN_OR_RETURN(domain::Plan deleted, ops_.DeletePlan(call, command));
  ToProto(deleted, resp);
  return absl::OkStatus();
}

absl::Status PlanServiceImpl::DoImportPlan(const domain::Caller& call,
                                           const v1::ImportPlanRequest& req,
                                           v1::ImportPlanResponse* resp) {
  operations::ImportPlanCommand command;
  command.text = req.text();
  command.validate_only = req.validate_only();
  command.create_missing_units = !req.has_create_missing_units() || req.create_missing_units();
  command.publish = req.publish();
  SK_ASSIGN_OR_RETURN(auto outcome, ops_.ImportPlan(WithRequestId(call, req.request_id()), command,
                                                    IdempotencyOf(call, req, req.request_id())));
  ToProto(outcome.plan, resp->mutable_plan());
  if (outcome.plan.id == 0) {
    resp->mutable_plan()->clear_name();
    resp->mutable_plan()->clear_create_time();
    resp->mutable_plan()->clear_update_time();
  }
  for (const auto& t : outcome.tasks) ToProto(t, resp->add_tasks());
  for (const auto& w : outcome.warnings) ToProto(w, resp->add_warnings());
  for (int64_t id : outcome.created_units) resp->add_created_units(domain::UnitName(id));
  return absl::OkStatus();
}

absl::Status PlanServiceImpl::DoListTasks(const domain::Caller& call,
                                          const v1::ListTasksRequest& req,
                                          v1::ListTasksResponse* resp) {
  domain::Violations v;
  int64_t plan_id = PlanParent(v, "parent", req.parent());
  SK_RETURN_IF_ERROR(v.ToStatus());
  ListParams params{"ListTasks",      req.parent(), req.page_size(),
                    req.page_token(), req.filter(), req.order_by()};
  SK_ASSIGN_OR_RETURN(domain::ListQuery query,
                      BuildListQuery(tokens_, params, PlanOperations::ListTasksSpec()));
  SK_ASSIGN_OR_RETURN(auto page, ops_.ListTasks(call, plan_id, query));
  for (const auto& t : page.items) ToProto(t, resp->add_tasks());
  resp->set_next_page_token(NextPageToken(tokens_, params, page.next));
  return absl::OkStatus();
}

absl::Status PlanServiceImpl::DoGetTask(const domain::Caller& call, const v1::GetTaskRequest& req,
                                        v1::Task* resp) {
  auto key = domain::ParseTaskName(req.name());
  if (!key) return NotATaskName("name");
  SK_ASSIGN_OR_RETURN(domain::Task task, ops_.GetTask(call, key->plan_id, key->task_id));
  ToProto(task, resp);
  return absl::OkStatus();
}

absl::Status PlanServiceImpl::DoUpdateTask(const domain::Caller& call,
                                           const v1::UpdateTaskRequest& req, v1::Task* resp) {
  auto key = domain::ParseTaskName(req.task().name());
  if (!key) return NotATaskName("task.name");
  operations::UpdateTaskCommand command;
  command.plan_id = key->plan_id;
  command.task_id = key->task_id;
  command.update.paths = FieldPathsOf(req.update_mask());
  command.update.etag = req.task().etag();
  v1::Task given = req.task();
  if (!Names(command.update.paths, "status")) given.clear_status();
  domain::Violations v;
  command.update.patch = FromProto(given, v, "task.");
  SK_RETURN_IF_ERROR(v.ToStatus());
  SK_ASSIGN_OR_RETURN(domain::Task updated, ops_.UpdateTask(call, command));
  ToProto(updated, resp);
  return absl::OkStatus();
}

absl::Status PlanServiceImpl::DoListAssignments(const domain::Caller& call,
                                                const v1::ListAssignmentsRequest& req,
                                                v1::ListAssignmentsResponse* resp) {
  int64_t plan_id = 0, task_id = 0;
  if (auto key = domain::ParseTaskName(req.parent())) {
    plan_id = key->plan_id;
    task_id = key->task_id;
  } else {
    domain::Violations v;
    plan_id = PlanParent(v, "parent", req.parent());
    SK_RETURN_IF_ERROR(v.ToStatus());
  }
  if (!IsValidProtoDate(req.as_of())) {
    return InvalidField("as_of", "is not a real calendar date", "không phải một ngày hợp lệ");
  }
  absl::CivilDay as_of = FromProto(req.as_of()).value_or(ops_.Today());
  ListParams params{"ListAssignments", req.parent(), req.page_size(),
                    req.page_token(),  req.filter(), req.order_by()};
  SK_ASSIGN_OR_RETURN(domain::ListQuery query,
                      BuildListQuery(tokens_, params, PlanOperations::ListAssignmentsSpec()));
  SK_ASSIGN_OR_RETURN(auto page, ops_.ListAssignments(call, plan_id, task_id, query, as_of));
  for (const auto& a : page.items) ToProto(a, as_of, resp->add_assignments());
  resp->set_next_page_token(NextPageToken(tokens_, params, page.next));
  return absl::OkStatus();
}

absl::Status PlanServiceImpl::DoCreateProgressReport(const domain::Caller& call,
                                                     const v1::CreateProgressReportRequest& req,
                                                     v1::ProgressReport* resp) {
  domain::Violations v;
  auto key = domain::ParseTaskName(req.parent());
  if (!key) {
    v.Add("parent", "must be a task name like plans/1/tasks/2",
          "phải là tên nhiệm vụ dạng plans/1/tasks/2");
  }
  const auto& r = req.progress_report();
  operations::CreateReportCommand command;
  command.unit_id = v.Name("progress_report.unit", r.unit(), "units", true);
  SK_RETURN_IF_ERROR(v.ToStatus());
  command.plan_id = key->plan_id;
  command.task_id = key->task_id;
  command.report_date = DateForCommand(r.report_date());
  command.text = r.text();
  command.progress_percent = r.progress_percent();
  command.attachments.assign(r.attachments().begin(), r.attachments().end());
  SK_ASSIGN_OR_RETURN(auto created,
                      ops_.CreateReport(WithRequestId(call, req.request_id()), command,
                                        IdempotencyOf(call, req, req.request_id())));
  ToProto(created, resp);
  return absl::OkStatus();
}

absl::Status PlanServiceImpl::DoListProgressReports(const domain::Caller& call,
                                                    const v1::ListProgressReportsRequest& req,
                                                    v1::ListProgressReportsResponse* resp) {
  auto key = domain::ParseTaskName(req.parent());
  if (!key) return NotATaskName("parent");
  ListParams params{"ListProgressReports", req.parent(), req.page_size(),
                    req.page_token(),      req.filter(), ""};
  SK_ASSIGN_OR_RETURN(domain::ListQuery query,
                      BuildListQuery(tokens_, params, PlanOperations::ListReportsSpec()));
  SK_ASSIGN_OR_RETURN(auto page, ops_.ListReports(call, key->plan_id, key->task_id, query));
  for (const auto& r : page.items) ToProto(r, resp->add_progress_reports());
  resp->set_next_page_token(NextPageToken(tokens_, params, page.next));
  return absl::OkStatus();
}

grpc::ServerUnaryReactor* PlanServiceImpl::ListPlans(grpc::CallbackServerContext* ctx,
                                                     const v1::ListPlansRequest* req,
                                                     v1::ListPlansResponse* resp) {
  return Unary<&PlanServiceImpl::DoListPlans>(this, "sangkien.v1.PlanService/ListPlans", ctx, req,
                                              resp);
}

grpc::ServerUnaryReactor* PlanServiceImpl::GetPlan(grpc::CallbackServerContext* ctx,
                                                   const v1::GetPlanRequest* req, v1::Plan* resp) {
  return Unary<&PlanServiceImpl::DoGetPlan>(this, "sangkien.v1.PlanService/GetPlan", ctx, req,
                                            resp);
}

grpc::ServerUnaryReactor* PlanServiceImpl::CreatePlan(grpc::CallbackServerContext* ctx,
                                                      const v1::CreatePlanRequest* req,
                                                      v1::Plan* resp) {
  return Unary<&PlanServiceImpl::DoCreatePlan>(this, "sangkien.v1.PlanService/CreatePlan", ctx, req,
                                               resp);
}

grpc::ServerUnaryReactor* PlanServiceImpl::UpdatePlan(grpc::CallbackServerContext* ctx,
                                                      const v1::UpdatePlanRequest* req,
                                                      v1::Plan* resp) {
  return Unary<&PlanServiceImpl::DoUpdatePlan>(this, "sangkien.v1.PlanService/UpdatePlan", ctx, req,
                                               resp);
}

grpc::ServerUnaryReactor* PlanServiceImpl::DeletePlan(grpc::CallbackServerContext* ctx,
                                                      const v1::DeletePlanRequest* req,
                                                      v1::Plan* resp) {
  return Unary<&PlanServiceImpl::DoDeletePlan>(this, "sangkien.v1.PlanService/DeletePlan", ctx, req,
                                               resp);
}

grpc::ServerUnaryReactor* PlanServiceImpl::ImportPlan(grpc::CallbackServerContext* ctx,
                                                      const v1::ImportPlanRequest* req,
                                                      v1::ImportPlanResponse* resp) {
  return Unary<&PlanServiceImpl::DoImportPlan>(this, "sangkien.v1.PlanService/ImportPlan", ctx, req,
                                               resp);
}

grpc::ServerUnaryReactor* PlanServiceImpl::ListTasks(grpc::CallbackServerContext* ctx,
                                                     const v1::ListTasksRequest* req,
                                                     v1::ListTasksResponse* resp) {
  return Unary<&PlanServiceImpl::DoListTasks>(this, "sangkien.v1.PlanService/ListTasks", ctx, req,
                                              resp);
}

grpc::ServerUnaryReactor* PlanServiceImpl::GetTask(grpc::CallbackServerContext* ctx,
                                                   const v1::GetTaskRequest* req, v1::Task* resp) {
  return Unary<&PlanServiceImpl::DoGetTask>(this, "sangkien.v1.PlanService/GetTask", ctx, req,
                                            resp);
}

grpc::ServerUnaryReactor* PlanServiceImpl::UpdateTask(grpc::CallbackServerContext* ctx,
                                                      const v1::UpdateTaskRequest* req,
                                                      v1::Task* resp) {
  return Unary<&PlanServiceImpl::DoUpdateTask>(this, "sangkien.v1.PlanService/UpdateTask", ctx, req,
                                               resp);
}

grpc::ServerUnaryReactor* PlanServiceImpl::ListAssignments(grpc::CallbackServerContext* ctx,
                                                           const v1::ListAssignmentsRequest* req,
                                                           v1::ListAssignmentsResponse* resp) {
  return Unary<&PlanServiceImpl::DoListAssignments>(this, "sangkien.v1.PlanService/ListAssignments",
                                                    ctx, req, resp);
}

grpc::ServerUnaryReactor* PlanServiceImpl::CreateProgressReport(
    grpc::CallbackServerContext* ctx, const v1::CreateProgressReportRequest* req,
    v1::ProgressReport* resp) {
  return Unary<&PlanServiceImpl::DoCreateProgressReport>(
      this, "sangkien.v1.PlanService/CreateProgressReport", ctx, req, resp);
}

grpc::ServerUnaryReactor* PlanServiceImpl::ListProgressReports(
    grpc::CallbackServerContext* ctx, const v1::ListProgressReportsRequest* req,
    v1::ListProgressReportsResponse* resp) {
  return Unary<&PlanServiceImpl::DoListProgressReports>(
      this, "sangkien.v1.PlanService/ListProgressReports", ctx, req, resp);
}

}  // namespace sangkien::api
