#include "status/errors.h"

#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"

namespace sangkien {
namespace {

constexpr std::string_view kReasonUrl = "type.sangkien.vn/reason";
constexpr std::string_view kViUrl = "type.sangkien.vn/message_vi";
constexpr std::string_view kViolationsUrl = "type.sangkien.vn/field_violations";
// Separators that cannot occur in valid request text after validation
// (control characters are refused in every string field).
constexpr char kFieldSep = '\x1f';
constexpr char kRecordSep = '\x1e';

std::string PayloadString(const absl::Status& status, std::string_view url) {
  auto payload = status.GetPayload(absl::string_view(url.data(), url.size()));
  return payload ? std::string(*payload) : std::string();
}

}  // namespace

absl::Status MakeError(absl::StatusCode code, std::string_view reason,
                       std::string_view message, std::string_view message_vi,
                       std::vector<FieldViolation> violations) {
  absl::Status status(code, std::string(message));
  status.SetPayload(std::string(kReasonUrl), absl::Cord(std::string(reason)));
  if (!message_vi.empty()) {
    status.SetPayload(std::string(kViUrl), absl::Cord(std::string(message_vi)));
  }
  if (!violations.empty()) {
    std::vector<std::string> records;
    records.reserve(violations.size());
    for (const auto& v : violations) {
      records.push_back(absl::StrCat(v.field, std::string(1, kFieldSep), v.description,
                                     std::string(1, kFieldSep), v.description_vi));
    }
    status.SetPayload(std::string(kViolationsUrl), absl::Cord(absl::StrJoin(records, std::string(1, kRecordSep))));
  }
  return status;
}

absl::Status InvalidArgument(std::vector<FieldViolation> violations) {
  std::string message = "invalid request";
  std::string message_vi = "Yêu cầu không hợp lệ";
  if (!violations.empty()) {
    absl::StrAppend(&message, ": ", violations.front().field, ": ", violations.front().description);
    absl::StrAppend(&message_vi, ": ", violations.front().field, ": ",
                    violations.front().description_vi);
    if (violations.size() > 1) {
      absl::StrAppend(&message, " (and ", violations.size() - 1, " more)");
      absl::StrAppend(&message_vi, " (và ", violations.size() - 1, " lỗi khác)");
    }
  }
  return MakeError(absl::StatusCode::kInvalidArgument, "INVALID_ARGUMENT", message, message_vi,
                   std::move(violations));
}

absl::Status InvalidField(std::string_view field, std::string_view description,
                          std::string_view description_vi) {
  return InvalidArgument(
      {FieldViolation{std::string(field), std::string(description), std::string(description_vi)}});
}

absl::Status NotFound(std::string_view resource_name) {
  return MakeError(absl::StatusCode::kNotFound, "NOT_FOUND",
                   absl::StrCat(std::string(resource_name), " not found"),
                   absl::StrCat("Không tìm thấy ", std::string(resource_name)));
}

absl::Status EtagMismatch(std::string_view resource_name) {
  return MakeError(absl::StatusCode::kAborted, "ETAG_MISMATCH",
                   absl::StrCat(std::string(resource_name),
                                " was changed by someone else since it was read; read it again"),
                   absl::StrCat(std::string(resource_name),
                                " đã được người khác thay đổi sau khi bạn đọc; hãy tải lại"));
}

std::string ErrorReason(const absl::Status& status) { return PayloadString(status, kReasonUrl); }

std::string ErrorMessageVi(const absl::Status& status) { return PayloadString(status, kViUrl); }

std::vector<FieldViolation> ErrorFieldViolations(const absl::Status& status) {
  std::vector<FieldViolation> out;
  std::string raw = PayloadString(status, kViolationsUrl);
  if (raw.empty()) return out;
  for (absl::string_view record : absl::StrSplit(raw, kRecordSep)) {
    std::vector<absl::string_view> parts = absl::StrSplit(record, kFieldSep);
    FieldViolation v;
    if (parts.size() > 0) v.field = std::string(parts[0]);
    if (parts.size() > 1) v.description = std::string(parts[1]);
    if (parts.size() > 2) v.description_vi = std::string(parts[2]);
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace sangkien
