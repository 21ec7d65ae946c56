#include "domain/validation.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "text/vietnamese.h"

namespace sangkien::domain {

std::optional<int64_t> ParseCollectionId(std::string_view name, std::string_view collection) {
  if (name.substr(0, collection.size()) != collection || name.size() <= collection.size() ||
      name[collection.size()] != '/') {
    return std::nullopt;
  }
  std::string_view rest = name.substr(collection.size() + 1);
  int64_t id = 0;
  if (rest.empty() || rest.size() > 18 || !absl::SimpleAtoi(std::string(rest), &id) || id <= 0 ||
      !absl::ascii_isdigit(static_cast<unsigned char>(rest.front()))) {
    return std::nullopt;
  }
  return id;
}

std::optional<TaskKey> ParseTaskName(std::string_view name) {
  size_t tasks = name.find("/tasks/");
  if (tasks == std::string_view::npos) return std::nullopt;
  auto plan = ParseCollectionId(name.substr(0, tasks), "plans");
  auto task = ParseCollectionId(name.substr(tasks + 1), "tasks");
  if (!plan || !task) return std::nullopt;
  return TaskKey{*plan, *task};
}

std::string UnitName(int64_t id) { return absl::StrCat("units/", id); }
std::string UnitGroupName(int64_t id) { return absl::StrCat("unitGroups/", id); }
std::string PlanName(int64_t id) { return absl::StrCat("plans/", id); }
std::string TaskName(int64_t plan_id, int64_t task_id) {
  return absl::StrCat("plans/", plan_id, "/tasks/", task_id);
}
std::string AssignmentName(int64_t plan_id, int64_t task_id, int64_t assignment_id) {
  return absl::StrCat(TaskName(plan_id, task_id), "/assignments/", assignment_id);
}
std::string ProgressReportName(int64_t plan_id, int64_t task_id, int64_t report_id) {
  return absl::StrCat(TaskName(plan_id, task_id), "/progressReports/", report_id);
}

void Violations::Add(std::string field, std::string description, std::string description_vi) {
  violations_.push_back({std::move(field), std::move(description), std::move(description_vi)});
}

std::string Violations::Text(std::string_view field, std::string_view value, size_t max_length,
                             bool required, bool multiline) {
  if (!text::IsValidUtf8(value)) {
    Add(std::string(field), "must be valid UTF-8", "phải là văn bản UTF-8 hợp lệ");
    return {};
  }
  for (char c : value) {
    unsigned char u = static_cast<unsigned char>(c);
    bool allowed_control = multiline && (c == '\n' || c == '\t' || c == '\r');
    if ((u < 0x20 && !allowed_control) || u == 0x7f) {
      Add(std::string(field), "must not contain control characters",
          "không được chứa ký tự điều khiển");
      return {};
    }
  }
  if (value.size() > max_length) {
    Add(std::string(field), absl::StrCat("must be at most ", max_length, " bytes"),
        absl::StrCat("dài tối đa ", max_length, " byte"));
    return {};
  }
  std::string nfc = text::ToNfc(value);
  if (required && text::CollapseWhitespace(nfc).empty()) {
    Add(std::string(field), "is required", "không được để trống");
    return {};
  }
  return nfc;
}

int64_t Violations::Name(std::string_view field, std::string_view value,
                         std::string_view collection, bool required) {
  if (value.empty()) {
    if (required) {
      Add(std::string(field), absl::StrCat("is required (", std::string(collection), "/{id})"),
          absl::StrCat("không được để trống (", std::string(collection), "/{id})"));
    }
    return 0;
  }
  auto id = ParseCollectionId(value, collection);
  if (!id) {
    Add(std::string(field), absl::StrCat("must be a resource name like ", std::string(collection), "/1"),
        absl::StrCat("phải là tên tài nguyên dạng ", std::string(collection), "/1"));
    return 0;
  }
  return *id;
}

void Violations::RequestId(std::string_view field, std::string_view value) {
  if (value.empty()) return;
  bool ok = value.size() <= 64;
  for (char c : value) ok = ok && (absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_');
  if (!ok) {
    Add(std::string(field), "must be 1 to 64 characters of A-Z, a-z, 0-9, - and _",
        "gồm 1 đến 64 ký tự A-Z, a-z, 0-9, - và _");
  }
}

void Violations::ListSize(std::string_view field, size_t size, size_t max) {
  if (size > max) {
    Add(std::string(field), absl::StrCat("must have at most ", max, " entries"),
        absl::StrCat("tối đa ", max, " mục"));
  }
}

absl::Status Violations::ToStatus() const {
  if (violations_.empty()) return absl::OkStatus();
  return InvalidArgument(violations_);
}

}  // namespace sangkien::domain
