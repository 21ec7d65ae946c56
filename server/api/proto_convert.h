// Converts between domain types and sangkien.v1 messages. Conversions from
// proto copy fields only; checking them is the operations' job, except for
// what a domain type cannot hold (an enum number the API does not define).
#ifndef SANGKIEN_SERVER_API_PROTO_CONVERT_H_
#define SANGKIEN_SERVER_API_PROTO_CONVERT_H_

#include <optional>
#include <string_view>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "domain/plan.h"
#include "domain/task.h"
#include "domain/unit.h"
#include "domain/validation.h"
#include "google/protobuf/timestamp.pb.h"
#include "google/type/date.pb.h"
#include "importer/plan_importer.h"
#include "sangkien/v1/plan.pb.h"
#include "sangkien/v1/plan_service.pb.h"
#include "sangkien/v1/task.pb.h"
#include "sangkien/v1/unit.pb.h"

namespace sangkien::api {

namespace pb = ::sangkien::v1;

void ToProto(absl::CivilDay day, google::type::Date* out);
void ToProto(const std::optional<absl::CivilDay>& day, google::type::Date* out);
// nullopt for an unset date (0/0/0); for a malformed one too: check with
// IsValidProtoDate first when the caller must refuse it.
std::optional<absl::CivilDay> FromProto(const google::type::Date& date);
bool IsUnsetDate(const google::type::Date& date);
bool IsValidProtoDate(const google::type::Date& date);
void ToProto(absl::Time t, google::protobuf::Timestamp* out);
// A date for a command: nullopt when unset, the day when real, and
// operations::kNotARealDate for any other (30 February, month 13), which the
// operation refuses with its field's name.
std::optional<absl::CivilDay> DateForCommand(const google::type::Date& date);

void ToProto(const domain::Unit& unit, pb::Unit* out);
domain::Unit FromProto(const pb::Unit& unit);
void ToProto(const domain::UnitGroup& group, pb::UnitGroup* out);

void ToProto(const calendar::Timeframe& tf, pb::Timeframe* out);
void ToProto(const domain::Plan& plan, pb::Plan* out);
// Every field a client may set (not name, etag, times, task_count). An
// enum number the API does not define adds a violation named `prefix` +
// its field ("plan.kind") and is read as unspecified.
domain::Plan FromProto(const pb::Plan& plan, domain::Violations& v, const std::string& prefix);
void ToProto(const domain::Task& task, pb::Task* out);
// Every field a client may set, enums as for plans; the timeframe is parsed
// from its original_text so stored dates always agree with the wording.
domain::Task FromProto(const pb::Task& task, domain::Violations& v, const std::string& prefix);
void ToProto(const domain::Assignment& a, absl::CivilDay as_of, pb::Assignment* out);
void ToProto(const domain::ProgressReport& r, pb::ProgressReport* out);
void ToProto(const importer::ImportWarning& w, pb::ImportWarning* out);

}  // namespace sangkien::api

#endif  // SANGKIEN_SERVER_API_PROTO_CONVERT_H_
