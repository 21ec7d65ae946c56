// Every enum the API shares with the domain, converted in one place. The
// values agree number for number; enum_convert.cc asserts it at compile
// time, so adding a value on one side only does not build.
#ifndef SANGKIEN_SERVER_API_ENUM_CONVERT_H_
#define SANGKIEN_SERVER_API_ENUM_CONVERT_H_

#include <optional>

#include "calendar/working_days.h"
#include "domain/account.h"
#include "domain/plan.h"
#include "domain/proposal.h"
#include "domain/publicity.h"
#include "domain/search_kind.h"
#include "domain/task.h"
#include "domain/unit.h"
#include "sangkien/v1/account.pb.h"
#include "sangkien/v1/calendar_service.pb.h"
#include "sangkien/v1/plan.pb.h"
#include "sangkien/v1/proposal.pb.h"
#include "sangkien/v1/publicity.pb.h"
#include "sangkien/v1/search_service.pb.h"
#include "sangkien/v1/task.pb.h"
#include "sangkien/v1/unit.pb.h"

namespace sangkien::api {

// ToProto: always succeeds. FromProto: nullopt for a number the API does not
// define (a client built against a newer API); callers refuse it as a field error.
v1::Role ToProto(domain::Role value);
std::optional<domain::Role> FromProto(v1::Role value);
v1::ProposalState ToProto(domain::ProposalState value);
std::optional<domain::ProposalState> FromProto(v1::ProposalState value);
v1::AppraisalRecommendation ToProto(domain::Recommendation value);
std::optional<domain::Recommendation> FromProto(v1::AppraisalRecommendation value);
v1::VoteChoice ToProto(domain::VoteChoice value);
std::optional<domain::VoteChoice> FromProto(v1::VoteChoice value);
v1::PilotOutcome ToProto(domain::PilotOutcome value);
std::optional<domain::PilotOutcome> FromProto(v1::PilotOutcome value);
v1::ResponsibilityKind ToProto(domain::ResponsibilityKind value);
std::optional<domain::ResponsibilityKind> FromProto(v1::ResponsibilityKind value);
v1::SubmissionPolicy ToProto(domain::SubmissionPolicy value);
std::optional<domain::SubmissionPolicy> FromProto(v1::SubmissionPolicy value);
v1::DocumentKind ToProto(domain::DocumentKind value);
std::optional<domain::DocumentKind> FromProto(v1::DocumentKind value);
v1::PlanState ToProto(domain::PlanState value);
std::optional<domain::PlanState> FromProto(v1::PlanState value);
v1::UnitKind ToProto(domain::UnitKind value);
std::optional<domain::UnitKind> FromProto(v1::UnitKind value);
v1::PublicationState ToProto(domain::PublicationState value);
std::optional<domain::PublicationState> FromProto(v1::PublicationState value);
v1::TaskStatus ToProto(domain::TaskStatus value);
std::optional<domain::TaskStatus> FromProto(v1::TaskStatus value);
v1::AssignmentRole ToProto(domain::AssignmentRole value);
std::optional<domain::AssignmentRole> FromProto(v1::AssignmentRole value);
v1::HolidayKind ToProto(calendar::HolidayKind value);
std::optional<calendar::HolidayKind> FromProto(v1::HolidayKind value);
v1::SearchKind ToProto(domain::SearchKind value);
std::optional<domain::SearchKind> FromProto(v1::SearchKind value);

}  // namespace sangkien::api

#endif  // SANGKIEN_SERVER_API_ENUM_CONVERT_H_
