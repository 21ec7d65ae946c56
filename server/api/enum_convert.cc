#include "api/enum_convert.h"

namespace sangkien::api {
namespace {

static_assert(static_cast<int>(domain::Role::kUnspecified) == v1::ROLE_UNSPECIFIED);
static_assert(static_cast<int>(domain::Role::kKiosk) == v1::ROLE_KIOSK);
static_assert(static_cast<int>(domain::Role::kStaff) == v1::ROLE_STAFF);
static_assert(static_cast<int>(domain::Role::kPublisher) == v1::ROLE_PUBLISHER);
static_assert(static_cast<int>(domain::Role::kCoordinator) == v1::ROLE_COORDINATOR);
static_assert(static_cast<int>(domain::Role::kApprover) == v1::ROLE_APPROVER);
static_assert(static_cast<int>(domain::Role::kInspector) == v1::ROLE_INSPECTOR);
static_assert(static_cast<int>(domain::Role::kAdmin) == v1::ROLE_ADMIN);
static_assert(v1::Role_MAX == v1::ROLE_ADMIN);

static_assert(static_cast<int>(domain::ProposalState::kUnspecified) ==
              v1::PROPOSAL_STATE_UNSPECIFIED);
static_assert(static_cast<int>(domain::ProposalState::kDraft) == v1::PROPOSAL_STATE_DRAFT);
static_assert(static_cast<int>(domain::ProposalState::kSubmitted) == v1::PROPOSAL_STATE_SUBMITTED);
static_assert(static_cast<int>(domain::ProposalState::kUnderAppraisal) ==
              v1::PROPOSAL_STATE_UNDER_APPRAISAL);
static_assert(static_cast<int>(domain::ProposalState::kApproved) == v1::PROPOSAL_STATE_APPROVED);
static_assert(static_cast<int>(domain::ProposalState::kRejected) == v1::PROPOSAL_STATE_REJECTED);
static_assert(static_cast<int>(domain::ProposalState::kReturned) == v1::PROPOSAL_STATE_RETURNED);
static_assert(static_cast<int>(domain::ProposalState::kPiloting) == v1::PROPOSAL_STATE_PILOTING);
static_assert(static_cast<int>(domain::ProposalState::kPilotCompleted) ==
              v1::PROPOSAL_STATE_PILOT_COMPLETED);
static_assert(static_cast<int>(domain::ProposalState::kEvaluated) == v1::PROPOSAL_STATE_EVALUATED);
static_assert(static_cast<int>(domain::ProposalState::kClosed) == v1::PROPOSAL_STATE_CLOSED);
static_assert(static_cast<int>(domain::ProposalState::kHalted) == v1::PROPOSAL_STATE_HALTED);
static_assert(static_cast<int>(domain::ProposalState::kWithdrawn) == v1::PROPOSAL_STATE_WITHDRAWN);
static_assert(static_cast<int>(domain::ProposalState::kReplicated) ==
              v1::PROPOSAL_STATE_REPLICATED);
static_assert(v1::ProposalState_MAX == v1::PROPOSAL_STATE_REPLICATED);

static_assert(static_cast<int>(domain::Recommendation::kUnspecified) ==
              v1::APPRAISAL_RECOMMENDATION_UNSPECIFIED);
static_assert(static_cast<int>(domain::Recommendation::kApprove) ==
              v1::APPRAISAL_RECOMMENDATION_APPROVE);
static_assert(static_cast<int>(domain::Recommendation::kApproveWithChanges) ==
              v1::APPRAISAL_RECOMMENDATION_APPROVE_WITH_CHANGES);
static_assert(static_cast<int>(domain::Recommendation::kReject) ==
              v1::APPRAISAL_RECOMMENDATION_REJECT);
static_assert(v1::AppraisalRecommendation_MAX == v1::APPRAISAL_RECOMMENDATION_REJECT);

static_assert(static_cast<int>(domain::VoteChoice::kUnspecified) == v1::VOTE_CHOICE_UNSPECIFIED);
static_assert(static_cast<int>(domain::VoteChoice::kFor) == v1::VOTE_CHOICE_FOR);
static_assert(static_cast<int>(domain::VoteChoice::kAgainst) == v1::VOTE_CHOICE_AGAINST);
static_assert(static_cast<int>(domain::VoteChoice::kAbstain) == v1::VOTE_CHOICE_ABSTAIN);
static_assert(v1::VoteChoice_MAX == v1::VOTE_CHOICE_ABSTAIN);

static_assert(static_cast<int>(domain::PilotOutcome::kUnspecified) ==
              v1::PILOT_OUTCOME_UNSPECIFIED);
static_assert(static_cast<int>(domain::PilotOutcome::kAchieved) == v1::PILOT_OUTCOME_ACHIEVED);
static_assert(static_cast<int>(domain::PilotOutcome::kPartial) == v1::PILOT_OUTCOME_PARTIAL);
static_assert(static_cast<int>(domain::PilotOutcome::kNotAchieved) ==
              v1::PILOT_OUTCOME_NOT_ACHIEVED);
static_assert(v1::PilotOutcome_MAX == v1::PILOT_OUTCOME_NOT_ACHIEVED);

static_assert(static_cast<int>(domain::ResponsibilityKind::kUnspecified) ==
              v1::RESPONSIBILITY_KIND_UNSPECIFIED);
static_assert(static_cast<int>(domain::ResponsibilityKind::kExcluded) ==
              v1::RESPONSIBILITY_KIND_EXCLUDED);
static_assert(static_cast<int>(domain::ResponsibilityKind::kExempted) ==
              v1::RESPONSIBILITY_KIND_EXEMPTED);
static_assert(static_cast<int>(domain::ResponsibilityKind::kReduced) ==
              v1::RESPONSIBILITY_KIND_REDUCED);
static_assert(static_cast<int>(domain::ResponsibilityKind::kNotExempted) ==
              v1::RESPONSIBILITY_KIND_NOT_EXEMPTED);
static_assert(v1::ResponsibilityKind_MAX == v1::RESPONSIBILITY_KIND_NOT_EXEMPTED);

static_assert(static_cast<int>(domain::SubmissionPolicy::kUnspecified) ==
              v1::SUBMISSION_POLICY_UNSPECIFIED);
static_assert(static_cast<int>(domain::SubmissionPolicy::kAnyStaff) ==
              v1::SUBMISSION_POLICY_ANY_STAFF);
static_assert(static_cast<int>(domain::SubmissionPolicy::kLeadersOnly) ==
              v1::SUBMISSION_POLICY_LEADERS_ONLY);
static_assert(v1::SubmissionPolicy_MAX == v1::SUBMISSION_POLICY_LEADERS_ONLY);

static_assert(static_cast<int>(domain::DocumentKind::kUnspecified) ==
              v1::DOCUMENT_KIND_UNSPECIFIED);
static_assert(static_cast<int>(domain::DocumentKind::kConclusion) == v1::DOCUMENT_KIND_CONCLUSION);
static_assert(static_cast<int>(domain::DocumentKind::kActionProgramme) ==
              v1::DOCUMENT_KIND_ACTION_PROGRAMME);
static_assert(static_cast<int>(domain::DocumentKind::kPlan) == v1::DOCUMENT_KIND_PLAN);
static_assert(static_cast<int>(domain::DocumentKind::kResolution) == v1::DOCUMENT_KIND_RESOLUTION);
static_assert(static_cast<int>(domain::DocumentKind::kDecision) == v1::DOCUMENT_KIND_DECISION);
static_assert(static_cast<int>(domain::DocumentKind::kDirective) == v1::DOCUMENT_KIND_DIRECTIVE);
static_assert(static_cast<int>(domain::DocumentKind::kDecree) == v1::DOCUMENT_KIND_DECREE);
static_assert(static_cast<int>(domain::DocumentKind::kOther) == v1::DOCUMENT_KIND_OTHER);
static_assert(v1::DocumentKind_MAX == v1::DOCUMENT_KIND_OTHER);

static_assert(static_cast<int>(domain::PlanState::kUnspecified) == v1::PLAN_STATE_UNSPECIFIED);
static_assert(static_cast<int>(domain::PlanState::kDraft) == v1::PLAN_STATE_DRAFT);
static_assert(static_cast<int>(domain::PlanState::kPublished) == v1::PLAN_STATE_PUBLISHED);
static_assert(v1::PlanState_MAX == v1::PLAN_STATE_PUBLISHED);

static_assert(static_cast<int>(domain::UnitKind::kUnspecified) == v1::UNIT_KIND_UNSPECIFIED);
static_assert(static_cast<int>(domain::UnitKind::kPeoplesCommittee) ==
              v1::UNIT_KIND_PEOPLES_COMMITTEE);
static_assert(static_cast<int>(domain::UnitKind::kPeoplesCouncil) == v1::UNIT_KIND_PEOPLES_COUNCIL);
static_assert(static_cast<int>(domain::UnitKind::kPartyBody) == v1::UNIT_KIND_PARTY_BODY);
static_assert(static_cast<int>(domain::UnitKind::kOffice) == v1::UNIT_KIND_OFFICE);
static_assert(static_cast<int>(domain::UnitKind::kInspectorate) == v1::UNIT_KIND_INSPECTORATE);
static_assert(static_cast<int>(domain::UnitKind::kCentre) == v1::UNIT_KIND_CENTRE);
static_assert(static_cast<int>(domain::UnitKind::kCommune) == v1::UNIT_KIND_COMMUNE);
static_assert(static_cast<int>(domain::UnitKind::kTown) == v1::UNIT_KIND_TOWN);
static_assert(static_cast<int>(domain::UnitKind::kWard) == v1::UNIT_KIND_WARD);
static_assert(static_cast<int>(domain::UnitKind::kOther) == v1::UNIT_KIND_OTHER);
static_assert(v1::UnitKind_MAX == v1::UNIT_KIND_OTHER);

static_assert(static_cast<int>(domain::PublicationState::kUnspecified) ==
              v1::PUBLICATION_STATE_UNSPECIFIED);
static_assert(static_cast<int>(domain::PublicationState::kDraft) == v1::PUBLICATION_STATE_DRAFT);
static_assert(static_cast<int>(domain::PublicationState::kPublished) ==
              v1::PUBLICATION_STATE_PUBLISHED);
static_assert(v1::PublicationState_MAX == v1::PUBLICATION_STATE_PUBLISHED);

static_assert(static_cast<int>(domain::TaskStatus::kUnspecified) == v1::TASK_STATUS_UNSPECIFIED);
static_assert(static_cast<int>(domain::TaskStatus::kNotStarted) == v1::TASK_STATUS_NOT_STARTED);
static_assert(static_cast<int>(domain::TaskStatus::kInProgress) == v1::TASK_STATUS_IN_PROGRESS);
static_assert(static_cast<int>(domain::TaskStatus::kCompleted) == v1::TASK_STATUS_COMPLETED);
static_assert(static_cast<int>(domain::TaskStatus::kOngoing) == v1::TASK_STATUS_ONGOING);
static_assert(static_cast<int>(domain::TaskStatus::kWaiting) == v1::TASK_STATUS_WAITING);
static_assert(static_cast<int>(domain::TaskStatus::kCancelled) == v1::TASK_STATUS_CANCELLED);
static_assert(v1::TaskStatus_MAX == v1::TASK_STATUS_CANCELLED);

static_assert(static_cast<int>(domain::AssignmentRole::kUnspecified) ==
              v1::ASSIGNMENT_ROLE_UNSPECIFIED);
static_assert(static_cast<int>(domain::AssignmentRole::kLead) == v1::ASSIGNMENT_ROLE_LEAD);
static_assert(static_cast<int>(domain::AssignmentRole::kCoordinate) ==
              v1::ASSIGNMENT_ROLE_COORDINATE);
static_assert(v1::AssignmentRole_MAX == v1::ASSIGNMENT_ROLE_COORDINATE);

static_assert(static_cast<int>(calendar::HolidayKind::kUnspecified) ==
              v1::HOLIDAY_KIND_UNSPECIFIED);
static_assert(static_cast<int>(calendar::HolidayKind::kDayOff) == v1::HOLIDAY_KIND_DAY_OFF);
static_assert(static_cast<int>(calendar::HolidayKind::kMakeupWorkday) ==
              v1::HOLIDAY_KIND_MAKEUP_WORKDAY);
static_assert(v1::HolidayKind_MAX == v1::HOLIDAY_KIND_MAKEUP_WORKDAY);

static_assert(static_cast<int>(domain::SearchKind::kUnspecified) == v1::SEARCH_KIND_UNSPECIFIED);
static_assert(static_cast<int>(domain::SearchKind::kPlan) == v1::SEARCH_KIND_PLAN);
static_assert(static_cast<int>(domain::SearchKind::kTask) == v1::SEARCH_KIND_TASK);
static_assert(static_cast<int>(domain::SearchKind::kProposal) == v1::SEARCH_KIND_PROPOSAL);
static_assert(static_cast<int>(domain::SearchKind::kBroadcast) == v1::SEARCH_KIND_BROADCAST);
static_assert(static_cast<int>(domain::SearchKind::kCaseStudy) == v1::SEARCH_KIND_CASE_STUDY);
static_assert(static_cast<int>(domain::SearchKind::kAnnouncement) == v1::SEARCH_KIND_ANNOUNCEMENT);
static_assert(static_cast<int>(domain::SearchKind::kUnit) == v1::SEARCH_KIND_UNIT);
static_assert(v1::SearchKind_MAX == v1::SEARCH_KIND_UNIT);

}  // namespace

v1::Role ToProto(domain::Role value) { return static_cast<v1::Role>(value); }

std::optional<domain::Role> FromProto(v1::Role value) {
  if (!v1::Role_IsValid(value)) return std::nullopt;
  return static_cast<domain::Role>(value);
}

v1::ProposalState ToProto(domain::ProposalState value) {
  return static_cast<v1::ProposalState>(value);
}

std::optional<domain::ProposalState> FromProto(v1::ProposalState value) {
  if (!v1::ProposalState_IsValid(value)) return std::nullopt;
  return static_cast<domain::ProposalState>(value);
}

v1::AppraisalRecommendation ToProto(domain::Recommendation value) {
  return static_cast<v1::AppraisalRecommendation>(value);
}

std::optional<domain::Recommendation> FromProto(v1::AppraisalRecommendation value) {
  if (!v1::AppraisalRecommendation_IsValid(value)) return std::nullopt;
  return static_cast<domain::Recommendation>(value);
}

v1::VoteChoice ToProto(domain::VoteChoice value) { return static_cast<v1::VoteChoice>(value); }

std::optional<domain::VoteChoice> FromProto(v1::VoteChoice value) {
  if (!v1::VoteChoice_IsValid(value)) return std::nullopt;
  return static_cast<domain::VoteChoice>(value);
}

v1::PilotOutcome ToProto(domain::PilotOutcome value) {
  return static_cast<v1::PilotOutcome>(value);
}

std::optional<domain::PilotOutcome> FromProto(v1::PilotOutcome value) {
  if (!v1::PilotOutcome_IsValid(value)) return std::nullopt;
  return static_cast<domain::PilotOutcome>(value);
}

v1::ResponsibilityKind ToProto(domain::ResponsibilityKind value) {
  return static_cast<v1::ResponsibilityKind>(value);
}

std::optional<domain::ResponsibilityKind> FromProto(v1::ResponsibilityKind value) {
  if (!v1::ResponsibilityKind_IsValid(value)) return std::nullopt;
  return static_cast<domain::ResponsibilityKind>(value);
}

v1::SubmissionPolicy ToProto(domain::SubmissionPolicy value) {
  return static_cast<v1::SubmissionPolicy>(value);
}

std::optional<domain::SubmissionPolicy> FromProto(v1::SubmissionPolicy value) {
  if (!v1::SubmissionPolicy_IsValid(value)) return std::nullopt;
  return static_cast<domain::SubmissionPolicy>(value);
}

v1::DocumentKind ToProto(domain::DocumentKind value) {
  return static_cast<v1::DocumentKind>(value);
}

std::optional<domain::DocumentKind> FromProto(v1::DocumentKind value) {
  if (!v1::DocumentKind_IsValid(value)) return std::nullopt;
  return static_cast<domain::DocumentKind>(value);
}

v1::PlanState ToProto(domain::PlanState value) { return static_cast<v1::PlanState>(value); }

std::optional<domain::PlanState> FromProto(v1::PlanState value) {
  if (!v1::PlanState_IsValid(value)) return std::nullopt;
  return static_cast<domain::PlanState>(value);
}

v1::UnitKind ToProto(domain::UnitKind value) { return static_cast<v1::UnitKind>(value); }

std::optional<domain::UnitKind> FromProto(v1::UnitKind value) {
  if (!v1::UnitKind_IsValid(value)) return std::nullopt;
  return static_cast<domain::UnitKind>(value);
}

v1::PublicationState ToProto(domain::PublicationState value) {
  return static_cast<v1::PublicationState>(value);
}

std::optional<domain::PublicationState> FromProto(v1::PublicationState value) {
  if (!v1::PublicationState_IsValid(value)) return std::nullopt;
  return static_cast<domain::PublicationState>(value);
}

v1::TaskStatus ToProto(domain::TaskStatus value) { return static_cast<v1::TaskStatus>(value); }

std::optional<domain::TaskStatus> FromProto(v1::TaskStatus value) {
  if (!v1::TaskStatus_IsValid(value)) return std::nullopt;
  return static_cast<domain::TaskStatus>(value);
}

v1::AssignmentRole ToProto(domain::AssignmentRole value) {
  return static_cast<v1::AssignmentRole>(value);
}

std::optional<domain::AssignmentRole> FromProto(v1::AssignmentRole value) {
  if (!v1::AssignmentRole_IsValid(value)) return std::nullopt;
  return static_cast<domain::AssignmentRole>(value);
}

v1::HolidayKind ToProto(calendar::HolidayKind value) { return static_cast<v1::HolidayKind>(value); }

std::optional<calendar::HolidayKind> FromProto(v1::HolidayKind value) {
  if (!v1::HolidayKind_IsValid(value)) return std::nullopt;
  return static_cast<calendar::HolidayKind>(value);
}

v1::SearchKind ToProto(domain::SearchKind value) { return static_cast<v1::SearchKind>(value); }

std::optional<domain::SearchKind> FromProto(v1::SearchKind value) {
  if (!v1::SearchKind_IsValid(value)) return std::nullopt;
  return static_cast<domain::SearchKind>(value);
}

}  // namespace sangkien::api
