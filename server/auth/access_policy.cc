#include "auth/access_policy.h"

#include "absl/strings/str_cat.h"
#include "status/errors.h"

namespace sangkien::auth {

using domain::Role;

const std::vector<MethodRule>& AccessRules() {
  const std::vector<Role> kPlanKeepers = {Role::kCoordinator, Role::kAdmin};
  const std::vector<Role> kReporters = {Role::kStaff, Role::kCoordinator, Role::kAdmin};
  const std::vector<Role> kAuditors = {Role::kInspector, Role::kAdmin};
  // Who may put a proposal forward (the operations hold each to their own).
  const std::vector<Role> kProposers = {Role::kStaff, Role::kCoordinator, Role::kApprover,
                                        Role::kAdmin};
  const std::vector<Role> kOffices = {Role::kCoordinator, Role::kApprover, Role::kAdmin};
  const std::vector<Role> kDeciders = {Role::kApprover, Role::kAdmin};
  // The Culture and Information office publishes; admins may stand in.
  const std::vector<Role> kPublishers = {Role::kPublisher, Role::kAdmin};
  const std::vector<Role> kHistoryReaders = {Role::kStaff, Role::kCoordinator, Role::kApprover,
                                             Role::kInspector, Role::kAdmin};
  static const std::vector<MethodRule> kRules = {
      // Directory: public reads; the focal point keeps it.
      {"sangkien.v1.DirectoryService/ListUnits", Access::kPublic, {}},
      {"sangkien.v1.DirectoryService/GetUnit", Access::kPublic, {}},
      {"sangkien.v1.DirectoryService/ListUnitGroups", Access::kPublic, {}},
      {"sangkien.v1.DirectoryService/GetUnitGroup", Access::kPublic, {}},
      {"sangkien.v1.DirectoryService/CreateUnit", Access::kRoles, kPlanKeepers},
      {"sangkien.v1.DirectoryService/UpdateUnit", Access::kRoles, kPlanKeepers},
      // Plans: public reads of published plans (drafts only for internal
      // roles, decided in the operations).
      {"sangkien.v1.PlanService/ListPlans", Access::kPublic, {}},
      {"sangkien.v1.PlanService/GetPlan", Access::kPublic, {}},
      {"sangkien.v1.PlanService/ListTasks", Access::kPublic, {}},
      {"sangkien.v1.PlanService/GetTask", Access::kPublic, {}},
      {"sangkien.v1.PlanService/ListAssignments", Access::kPublic, {}},
      {"sangkien.v1.PlanService/ListProgressReports", Access::kPublic, {}},
      {"sangkien.v1.PlanService/CreatePlan", Access::kRoles, kPlanKeepers},
      {"sangkien.v1.PlanService/UpdatePlan", Access::kRoles, kPlanKeepers},
      {"sangkien.v1.PlanService/DeletePlan", Access::kRoles, kPlanKeepers},
      {"sangkien.v1.PlanService/ImportPlan", Access::kRoles, kPlanKeepers},
      {"sangkien.v1.PlanService/UpdateTask", Access::kRoles, kPlanKeepers},
      {"sangkien.v1.PlanService/CreateProgressReport", Access::kRoles, kReporters},
      // Accounts.
      {"sangkien.v1.AccountService/WhoAmI", Access::kPublic, {}},
      {"sangkien.v1.AccountService/CreateAccount", Access::kRoles, {Role::kAdmin}},
      {"sangkien.v1.AccountService/UpdateAccount", Access::kRoles, {Role::kAdmin}},
      {"sangkien.v1.AccountService/ListAccounts", Access::kRoles, kAuditors},
      {"sangkien.v1.AccountService/GetAccount", Access::kAuthenticated, {}},
      {"sangkien.v1.AccountService/CreateToken", Access::kAuthenticated, {}},
      {"sangkien.v1.AccountService/ListTokens", Access::kAuthenticated, {}},
      {"sangkien.v1.AccountService/RevokeToken", Access::kAuthenticated, {}},
      // Kiosk PINs: issued to the staff member (or by an admin); a kiosk lists
      // its commune's staff and signs them in.
      {"sangkien.v1.AccountService/IssueKioskPin", Access::kAuthenticated, {}},
      {"sangkien.v1.AccountService/ListKioskStaff", Access::kRoles, {Role::kKiosk}},
      {"sangkien.v1.AccountService/SignInWithPin", Access::kRoles, {Role::kKiosk}},
      // Proposals: public reads of approved proposals (drafts, appraisal and
      // votes only for the proposer and internal roles, decided in the
      // operations). Staff propose and submit; the focal point appraises;
      // approvers decide and evaluate.
      {"sangkien.v1.ProposalService/GetProposal", Access::kPublic, {}},
      {"sangkien.v1.ProposalService/ListProposals", Access::kPublic, {}},
      {"sangkien.v1.ProposalService/GetProposalSettings", Access::kPublic, {}},
      {"sangkien.v1.ProposalService/ListProposalEvents", Access::kRoles, kHistoryReaders},
      {"sangkien.v1.ProposalService/CreateProposal", Access::kRoles, kProposers},
      {"sangkien.v1.ProposalService/UpdateProposal", Access::kRoles, kProposers},
      {"sangkien.v1.ProposalService/WithdrawProposal", Access::kRoles, kProposers},
      {"sangkien.v1.ProposalService/SubmitProposal", Access::kRoles, kProposers},
      {"sangkien.v1.ProposalService/StartAppraisal", Access::kRoles, kPlanKeepers},
      {"sangkien.v1.ProposalService/RecordAppraisal", Access::kRoles, kPlanKeepers},
      {"sangkien.v1.ProposalService/ReturnProposal", Access::kRoles, kOffices},
      {"sangkien.v1.ProposalService/RecordDecision", Access::kRoles, kDeciders},
      {"sangkien.v1.ProposalService/StartPilot", Access::kRoles, kProposers},
      {"sangkien.v1.ProposalService/RecordPilotCheck", Access::kRoles, kOffices},
      {"sangkien.v1.ProposalService/HaltPilot", Access::kRoles, kOffices},
      {"sangkien.v1.ProposalService/CompletePilot", Access::kRoles, kProposers},
      {"sangkien.v1.ProposalService/EvaluateProposal", Access::kRoles, kDeciders},
      {"sangkien.v1.ProposalService/DecideResponsibility", Access::kRoles, kDeciders},
      {"sangkien.v1.ProposalService/PublishDecision", Access::kRoles, kOffices},
      {"sangkien.v1.ProposalService/UpdateProposalSettings", Access::kRoles, {Role::kAdmin}},
      // A pilot evaluated as achieved becomes a model case study: the
      // publishers' call, or the focal point's.
      {"sangkien.v1.ProposalService/ReplicateAsCaseStudy",
       Access::kRoles,
       {Role::kPublisher, Role::kCoordinator, Role::kAdmin}},
      // The audit trail.
      {"sangkien.v1.AuditService/ListAuditEvents", Access::kRoles, kAuditors},
      {"sangkien.v1.AuditService/VerifyAuditChain", Access::kRoles, kAuditors},
      // The holiday calendar: anyone reads it and counts working days with it;
      // admins keep it.
      {"sangkien.v1.HolidayCalendarService/ListHolidays", Access::kPublic, {}},
      {"sangkien.v1.HolidayCalendarService/GetHoliday", Access::kPublic, {}},
      {"sangkien.v1.HolidayCalendarService/AddWorkingDays", Access::kPublic, {}},
      {"sangkien.v1.HolidayCalendarService/CountWorkingDays", Access::kPublic, {}},
      {"sangkien.v1.HolidayCalendarService/CreateHoliday", Access::kRoles, {Role::kAdmin}},
      {"sangkien.v1.HolidayCalendarService/UpdateHoliday", Access::kRoles, {Role::kAdmin}},
      {"sangkien.v1.HolidayCalendarService/DeleteHoliday", Access::kRoles, {Role::kAdmin}},
      // Search and the change feed: everyone, each over what they may read
      // (decided in the operations).
      {"sangkien.v1.SearchService/Search", Access::kPublic, {}},
      {"sangkien.v1.SyncService/ListChanges", Access::kPublic, {}},
      {"sangkien.v1.SyncService/WatchChanges", Access::kPublic, {}},
      // Publicity: anyone reads what is published (drafts only for publishers
      // and internal roles, decided in the operations); publishers keep it.
      {"sangkien.v1.PublicityService/GetBroadcast", Access::kPublic, {}},
      {"sangkien.v1.PublicityService/ListBroadcasts", Access::kPublic, {}},
      {"sangkien.v1.PublicityService/ListAirings", Access::kPublic, {}},
      {"sangkien.v1.PublicityService/GetOnAir", Access::kPublic, {}},
      {"sangkien.v1.PublicityService/ExportCalendar", Access::kPublic, {}},
      {"sangkien.v1.PublicityService/GetCaseStudy", Access::kPublic, {}},
      {"sangkien.v1.PublicityService/ListCaseStudies", Access::kPublic, {}},
      {"sangkien.v1.PublicityService/GetCaseStudyImage", Access::kPublic, {}},
      {"sangkien.v1.PublicityService/GetAnnouncement", Access::kPublic, {}},
      {"sangkien.v1.PublicityService/ListAnnouncements", Access::kPublic, {}},
      {"sangkien.v1.PublicityService/CreateBroadcast", Access::kRoles, kPublishers},
      {"sangkien.v1.PublicityService/UpdateBroadcast", Access::kRoles, kPublishers},
      {"sangkien.v1.PublicityService/DeleteBroadcast", Access::kRoles, kPublishers},
      {"sangkien.v1.PublicityService/CreateCaseStudy", Access::kRoles, kPublishers},
      {"sangkien.v1.PublicityService/UpdateCaseStudy", Access::kRoles, kPublishers},
      {"sangkien.v1.PublicityService/DeleteCaseStudy", Access::kRoles, kPublishers},
      {"sangkien.v1.PublicityService/AddCaseStudyImage", Access::kRoles, kPublishers},
      {"sangkien.v1.PublicityService/DeleteCaseStudyImage", Access::kRoles, kPublishers},
      {"sangkien.v1.PublicityService/CreateAnnouncement", Access::kRoles, kPublishers},
      {"sangkien.v1.PublicityService/UpdateAnnouncement", Access::kRoles, kPublishers},
      {"sangkien.v1.PublicityService/DeleteAnnouncement", Access::kRoles, kPublishers},
  };
  return kRules;
}

absl::Status Authorize(const domain::Principal& principal, std::string_view method) {
  const MethodRule* rule = nullptr;
  for (const auto& r : AccessRules()) {
    if (r.method == method) rule = &r;
  }
  if (rule != nullptr && rule->access == Access::kPublic) return absl::OkStatus();
  if (principal.is_public()) {
    return MakeError(absl::StatusCode::kUnauthenticated, "TOKEN_REQUIRED",
                     "this call needs a token: send \"authorization: Bearer <token>\"",
                     "Cần đăng nhập: hãy gửi mã truy cập (authorization: Bearer <mã>)");
  }
  if (rule != nullptr && rule->access == Access::kAuthenticated) return absl::OkStatus();
  if (rule != nullptr) {
    for (Role role : rule->roles) {
      if (principal.Has(role)) return absl::OkStatus();
    }
  }
  return MakeError(absl::StatusCode::kPermissionDenied, "PERMISSION_DENIED",
                   absl::StrCat("your account may not call ", std::string(method)),
                   "Tài khoản của bạn không có quyền thực hiện thao tác này");
}

}  // namespace sangkien::auth
