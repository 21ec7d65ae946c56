#include "api/plan_service.h"

#include "absl/strings/str_cat.h"
#include "api/field_mask_support.h"
#include "api/list_support.h"
#include "api/proto_convert.h"
#include "api/request_fingerprint.h"
#include "api/unary.h"
#include "domain/validation.h"
#include "status/errors.h"
#include "status/status_macros.h"
#include "storage/plan_repository.h"

namespace sangkien::api {

using storage::PlanRepository;

namespace {

const std::vector<std::string>& PlanUpdatableFields() {
  static const std::vector<std::string> kFields = {
      "symbol",   "kind",     "issuer", "place",      "issue_date", "title",
      "preamble", "sections", "signer", "recipients", "basis",      "state"};
  return kFields;
}

const std::vector<std::string>& TaskUpdatableFields() {
  static const std::vector<std::string> kFields = {"title", "body", "status", "progress_percent",
                                                   "timeframe"};
  return kFields;
}

// "plans/-" → 0 (all plans); "plans/7" → 7.
int64_t PlanParent(domain::Violations& v, std::string_view field, std::string_view parent) {
  if (parent == "plans/-") return 0;
  return v.Name(field, parent, "plans", true);
}

void CheckDate(domain::Violations& v, std::string_view field, const google::type::Date& date) {
  if (!IsValidProtoDate(date)) {
    v.Add(std::string(field), "is not a real calendar date", "không phải một ngày hợp lệ");
  }
}

// Checks every client-settable field of a plan; returns the NFC form.
domain::Plan CheckPlan(domain::Violations& v, const v1::Plan& p, std::string_view prefix) {
  auto f = [&](const char* name) { return absl::StrCat(std::string(prefix), name); };
  domain::Plan out = FromProto(p);
  out.symbol = v.Text(f("symbol"), p.symbol(), 100, false);
  out.issuer = v.Text(f("issuer"), p.issuer(), domain::kMaxNameLength, false);
  out.place = v.Text(f("place"), p.place(), domain::kMaxNameLength, false);
  out.title = v.Text(f("title"), p.title(), domain::kMaxShortTextLength, true);
  out.preamble = v.Text(f("preamble"), p.preamble(), domain::kMaxLongTextLength, false, true);
  CheckDate(v, f("issue_date"), p.issue_date());
  if (!v1::DocumentKind_IsValid(p.kind())) v.Add(f("kind"), "unknown kind", "loại không hợp lệ");
  if (!v1::PlanState_IsValid(p.state()))
    v.Add(f("state"), "unknown state", "trạng thái không hợp lệ");
  v.ListSize(f("sections"), p.sections_size(), 2000);
  for (int i = 0; i < p.sections_size(); ++i) {
    const auto& s = p.sections(i);
    auto sf = [&](const char* n) {
      return absl::StrCat(std::string(prefix), "sections[", i, "].", n);
    };
    out.sections[i].number = v.Text(sf("number"), s.number(), 20, false);
    out.sections[i].heading =
        v.Text(sf("heading"), s.heading(), domain::kMaxShortTextLength, false);
    out.sections[i].body = v.Text(sf("body"), s.body(), domain::kMaxLongTextLength, false, true);
  }
  out.signer.on_behalf_of = v.Text(f("signer.on_behalf_of"), p.signer().on_behalf_of(), 200, false);
  out.signer.position = v.Text(f("signer.position"), p.signer().position(), 200, false);
  out.signer.full_name = v.Text(f("signer.full_name"), p.signer().full_name(), 200, false);
  v.ListSize(f("recipients"), p.recipients_size(), 200);
  for (int i = 0; i < p.recipients_size(); ++i) {
    out.recipients[i] = v.Text(absl::StrCat(std::string(prefix), "recipients[", i, "]"),
                               p.recipients(i), domain::kMaxShortTextLength, true);
  }
  v.ListSize(f("basis"), p.basis_size(), 50);
  for (int i = 0; i < p.basis_size(); ++i) {
    const auto& b = p.basis(i);
    auto bf = [&](const char* n) {
      return absl::StrCat(std::string(prefix), "basis[", i, "].", n);
    };
    out.basis[i].symbol = v.Text(bf("symbol"), b.symbol(), 100, true);
    out.basis[i].issuer = v.Text(bf("issuer"), b.issuer(), domain::kMaxNameLength, false);
    out.basis[i].title = v.Text(bf("title"), b.title(), domain::kMaxShortTextLength, false);
    CheckDate(v, bf("issue_date"), b.issue_date());
  }
  return out;
}

domain::Task CheckTask(domain::Violations& v, const v1::Task& t, std::string_view prefix) {
  auto f = [&](const char* name) { return absl::StrCat(std::string(prefix), name); };
  domain::Task out = FromProto(t);
  out.number = v.Text(f("number"), t.number(), 20, false);
  out.title = v.Text(f("title"), t.title(), domain::kMaxShortTextLength, true);
  out.body = v.Text(f("body"), t.body(), domain::kMaxLongTextLength, false, true);
  out.section = v.Text(f("section"), t.section(), 20, false);
  std::string tf_text =
      v.Text(f("timeframe.original_text"), t.timeframe().original_text(), 1000, false);
  out.timeframe = calendar::ParseTimeframe(tf_text);
  if (!v1::TaskStatus_IsValid(t.status()))
    v.Add(f("status"), "unknown status", "trạng thái không hợp lệ");
  if (t.progress_percent() < 0 || t.progress_percent() > 100) {
    v.Add(f("progress_percent"), "must be between 0 and 100", "phải từ 0 đến 100");
  }
  for (const auto* refs : {&t.lead_units(), &t.coordinating_units()}) {
    std::string which = refs == &t.lead_units() ? "lead_units" : "coordinating_units";
    v.ListSize(f(which.c_str()), refs->size(), 100);
    for (int i = 0; i < refs->size(); ++i) {
      const auto& r = (*refs)[i];
      std::string field = absl::StrCat(std::string(prefix), which, "[", i, "].name");
      if (!domain::ParseCollectionId(r.name(), "units") &&
          !domain::ParseCollectionId(r.name(), "unitGroups")) {
        v.Add(field, "must name a unit (units/{id}) or a group (unitGroups/{id})",
              "phải là đơn vị (units/{id}) hoặc nhóm đơn vị (unitGroups/{id})");
      }
    }
  }
  for (auto* refs : {&out.lead_units, &out.coordinating_units}) {
    for (auto& r : *refs)
      r.display_name = v.Text(f("unit_ref.display_name"), r.display_name, 500, false);
  }
  return out;
}

}  // namespace

absl::Status PlanServiceImpl::DoListPlans(const domain::Caller& call,
                                          const v1::ListPlansRequest& req,
                                          v1::ListPlansResponse* resp) {
  ListParams params{"ListPlans",      "",           req.page_size(),
                    req.page_token(), req.filter(), req.order_by()};
  ListSpec spec{&PlanRepository::PlanFilterFields(),
                &PlanRepository::PlanOrderFields(),
                {"issue_date", true}};
  SK_ASSIGN_OR_RETURN(domain::ListQuery query, BuildListQuery(tokens_, params, spec));
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
  v.RequestId("request_id", req.request_id());
  domain::Plan plan = CheckPlan(v, req.plan(), "plan.");
  v.ListSize("tasks", req.tasks_size(), domain::kMaxListSize);
  std::vector<domain::Task> tasks;
  for (int i = 0; i < req.tasks_size() && i < static_cast<int>(domain::kMaxListSize); ++i) {
    tasks.push_back(CheckTask(v, req.tasks(i), absl::StrCat("tasks[", i, "].")));
  }
  SK_RETURN_IF_ERROR(v.ToStatus());
  plan.id = 0;
  SK_ASSIGN_OR_RETURN(
      auto created, ops_.CreatePlan(WithRequestId(call, req.request_id()), std::move(plan),
                                    std::move(tasks), IdempotencyOf(call, req, req.request_id())));
  ToProto(created.plan, resp);
  return absl::OkStatus();
}

absl::Status PlanServiceImpl::DoUpdatePlan(const domain::Caller& call,
                                           const v1::UpdatePlanRequest& req, v1::Plan* resp) {
  domain::Violations v;
  int64_t id = v.Name("plan.name", req.plan().name(), "plans", true);
  SK_RETURN_IF_ERROR(v.ToStatus());
  SK_RETURN_IF_ERROR(CheckUpdateMask(req.update_mask(), PlanUpdatableFields()));
  SK_ASSIGN_OR_RETURN(domain::Plan current, ops_.GetPlan(call, id, false));
  std::string expected = req.plan().etag().empty() ? current.etag : req.plan().etag();
  if (expected != current.etag) return EtagMismatch(req.plan().name());
  v1::Plan merged;
  ToProto(current, &merged);
  ApplyUpdateMask(req.update_mask(), req.plan(), &merged);
  domain::Plan plan = CheckPlan(v, merged, "plan.");
  SK_RETURN_IF_ERROR(v.ToStatus());
  plan.id = id;
  plan.issuer_unit_id = current.issuer_unit_id;
  SK_ASSIGN_OR_RETURN(domain::Plan updated, ops_.UpdatePlan(call, plan, expected));
  ToProto(updated, resp);
  return absl::OkStatus();
}

absl::Status PlanServiceImpl::DoDeletePlan(const domain::Caller& call,
                                           const v1::DeletePlanRequest& req, v1::Plan* resp) {
  domain::Violations v;
  int64_t id = v.Name("name", req.name(), "plans", true);
  SK_RETURN_IF_ERROR(v.ToStatus());
  SK_ASSIGN_OR_RETURN(domain::Plan deleted, ops_.DeletePlan(call, id, req.etag()));
  ToProto(deleted, resp);
  return absl::OkStatus();
}

absl::Status PlanServiceImpl::DoImportPlan(const domain::Caller& call,
                                           const v1::ImportPlanRequest& req,
                                           v1::ImportPlanResponse* resp) {
  domain::Violations v;
  v.RequestId("request_id", req.request_id());
  SK_RETURN_IF_ERROR(v.ToStatus());
  if (req.text().size() > domain::kMaxPlanTextLength) {
    return MakeError(absl::StatusCode::kInvalidArgument, "IMPORT_TOO_LARGE",
                     "plan text is larger than 2 MB", "Văn bản kế hoạch lớn hơn 2 MB",
                     {{"text", "must be at most 2 MB", "tối đa 2 MB"}});
  }
  operations::ImportOptions options;
  options.validate_only = req.validate_only();
  options.create_missing_units = !req.has_create_missing_units() || req.create_missing_units();
  options.publish = req.publish();
  SK_ASSIGN_OR_RETURN(auto outcome,
                      ops_.ImportPlan(WithRequestId(call, req.request_id()), req.text(), options,
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
  ListSpec spec{
      &PlanRepository::TaskFilterFields(), &PlanRepository::TaskOrderFields(), {"position", false}};
  SK_ASSIGN_OR_RETURN(domain::ListQuery query, BuildListQuery(tokens_, params, spec));
  SK_ASSIGN_OR_RETURN(auto page, ops_.ListTasks(call, plan_id, query));
  for (const auto& t : page.items) ToProto(t, resp->add_tasks());
  resp->set_next_page_token(NextPageToken(tokens_, params, page.next));
  return absl::OkStatus();
}

absl::Status PlanServiceImpl::DoGetTask(const domain::Caller& call, const v1::GetTaskRequest& req,
                                        v1::Task* resp) {
  auto key = domain::ParseTaskName(req.name());
  if (!key) {
    return InvalidField("name", "must be a task name like plans/1/tasks/2",
                        "phải là tên nhiệm vụ dạng plans/1/tasks/2");
  }
  SK_ASSIGN_OR_RETURN(domain::Task task, ops_.GetTask(call, key->plan_id, key->task_id));
  ToProto(task, resp);
  return absl::OkStatus();
}

absl::Status PlanServiceImpl::DoUpdateTask(const domain::Caller& call,
                                           const v1::UpdateTaskRequest& req, v1::Task* resp) {
  auto key = domain::ParseTaskName(req.task().name());
  if (!key) {
    return InvalidField("task.name", "must be a task name like plans/1/tasks/2",
                        "phải là tên nhiệm vụ dạng plans/1/tasks/2");
  }
  SK_RETURN_IF_ERROR(CheckUpdateMask(req.update_mask(), TaskUpdatableFields()));
  SK_ASSIGN_OR_RETURN(domain::Task current, ops_.GetTask(call, key->plan_id, key->task_id));
  std::string expected = req.task().etag().empty() ? current.etag : req.task().etag();
  if (expected != current.etag) return EtagMismatch(req.task().name());
  v1::Task merged;
  ToProto(current, &merged);
  ApplyUpdateMask(req.update_mask(), req.task(), &merged);
  domain::Violations v;
  domain::Task task = CheckTask(v, merged, "task.");
  SK_RETURN_IF_ERROR(v.ToStatus());
  task.plan_id = key->plan_id;
  task.id = key->task_id;
  task.position = current.position;
  SK_ASSIGN_OR_RETURN(domain::Task updated, ops_.UpdateTask(call, task, expected));
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
  ListSpec spec{&PlanRepository::AssignmentFilterFields(),
                &PlanRepository::AssignmentOrderFields(),
                {"next_due_date", false}};
  SK_ASSIGN_OR_RETURN(domain::ListQuery query, BuildListQuery(tokens_, params, spec));
  SK_ASSIGN_OR_RETURN(auto page, ops_.ListAssignments(call, plan_id, task_id, query, as_of));
  for (const auto& a : page.items) ToProto(a, as_of, resp->add_assignments());
  resp->set_next_page_token(NextPageToken(tokens_, params, page.next));
  return absl::OkStatus();
}

absl::Status PlanServiceImpl::DoCreateProgressReport(const domain::Caller& call,
                                                     const v1::CreateProgressReportRequest& req,
                                                     v1::ProgressReport* resp) {
  domain::Violations v;
  v.RequestId("request_id", req.request_id());
  auto key = domain::ParseTaskName(req.parent());
  if (!key) {
    v.Add("parent", "must be a task name like plans/1/tasks/2",
          "phải là tên nhiệm vụ dạng plans/1/tasks/2");
  }
  const auto& r = req.progress_report();
  domain::ProgressReport report;
  report.unit_id = v.Name("progress_report.unit", r.unit(), "units", true);
  report.text = v.Text("progress_report.text", r.text(), domain::kMaxLongTextLength, true, true);
  if (r.progress_percent() < 0 || r.progress_percent() > 100) {
    v.Add("progress_report.progress_percent", "must be between 0 and 100", "phải từ 0 đến 100");
  }
  report.progress_percent = r.progress_percent();
  v.ListSize("progress_report.attachments", r.attachments_size(), 20);
  for (int i = 0; i < r.attachments_size() && i < 20; ++i) {
    report.attachments.push_back(
        v.Text(absl::StrCat("progress_report.attachments[", i, "]"), r.attachments(i), 2000, true));
  }
  absl::CivilDay today = ops_.Today();
  if (!IsValidProtoDate(r.report_date())) {
    v.Add("progress_report.report_date", "is not a real calendar date",
          "không phải một ngày hợp lệ");
  } else {
    report.report_date = FromProto(r.report_date()).value_or(today);
    if (report.report_date > today) {
      v.Add("progress_report.report_date", "must not be in the future",
            "không được là ngày trong tương lai");
    }
  }
  SK_RETURN_IF_ERROR(v.ToStatus());
  report.task_id = key->task_id;
  SK_ASSIGN_OR_RETURN(auto created, ops_.CreateReport(WithRequestId(call, req.request_id()),
                                                      key->plan_id, std::move(report),
                                                      IdempotencyOf(call, req, req.request_id())));
  ToProto(created, resp);
  return absl::OkStatus();
}

absl::Status PlanServiceImpl::DoListProgressReports(const domain::Caller& call,
                                                    const v1::ListProgressReportsRequest& req,
                                                    v1::ListProgressReportsResponse* resp) {
  auto key = domain::ParseTaskName(req.parent());
  if (!key) {
    return InvalidField("parent", "must be a task name like plans/1/tasks/2",
                        "phải là tên nhiệm vụ dạng plans/1/tasks/2");
  }
  ListParams params{"ListProgressReports", req.parent(), req.page_size(),
                    req.page_token(),      req.filter(), ""};
  ListSpec spec{&PlanRepository::ReportFilterFields(), nullptr, {"id", true}};
  SK_ASSIGN_OR_RETURN(domain::ListQuery query, BuildListQuery(tokens_, params, spec));
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
