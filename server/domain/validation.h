// Checks shared by every request: resource names, text fields, request ids.
// Each check adds a field violation with English and Vietnamese text; a
// request is refused with all of its violations at once.
#ifndef SANGKIEN_SERVER_DOMAIN_VALIDATION_H_
#define SANGKIEN_SERVER_DOMAIN_VALIDATION_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "status/errors.h"

namespace sangkien::domain {

// Limits on input: every string field has one, so that no request can make the
// server store, index or send back text of unbounded size.
inline constexpr size_t kMaxNameLength = 500;         // titles, display names
inline constexpr size_t kMaxShortTextLength = 2000;   // headings, issuers
inline constexpr size_t kMaxLongTextLength = 20000;   // bodies, report text
inline constexpr size_t kMaxPlanTextLength = 2 * 1024 * 1024;  // ImportPlan text
inline constexpr size_t kMaxListSize = 500;           // repeated fields

// Resource names. "plans/12" → 12. Any other shape → nullopt.
std::optional<int64_t> ParseCollectionId(std::string_view name, std::string_view collection);
struct TaskKey {
  int64_t plan_id = 0;
  int64_t task_id = 0;
};
std::optional<TaskKey> ParseTaskName(std::string_view name);

std::string UnitName(int64_t id);
std::string UnitGroupName(int64_t id);
std::string PlanName(int64_t id);
std::string TaskName(int64_t plan_id, int64_t task_id);
std::string AssignmentName(int64_t plan_id, int64_t task_id, int64_t assignment_id);
std::string ProgressReportName(int64_t plan_id, int64_t task_id, int64_t report_id);

class Violations {
 public:
  void Add(std::string field, std::string description, std::string description_vi);
  // Valid UTF-8, no control characters except \n and \t (when multiline),
  // at most `max_length` bytes; required fields must not be blank. Returns the
  // NFC form to store (empty when invalid).
  std::string Text(std::string_view field, std::string_view value, size_t max_length,
                   bool required, bool multiline = false);
  // A resource name in `collection`; 0 when invalid (a violation is added).
  int64_t Name(std::string_view field, std::string_view value, std::string_view collection,
               bool required);
  // request_id: empty, or 1–64 of [A-Za-z0-9_-].
  void RequestId(std::string_view field, std::string_view value);
  // A list no longer than kMaxListSize.
  void ListSize(std::string_view field, size_t size, size_t max = kMaxListSize);

  bool ok() const { return violations_.empty(); }
  // OK, or INVALID_ARGUMENT with every violation.
  absl::Status ToStatus() const;

 private:
  std::vector<FieldViolation> violations_;
};

}  // namespace sangkien::domain

#endif  // SANGKIEN_SERVER_DOMAIN_VALIDATION_H_
