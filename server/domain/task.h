// Tasks, the assignments they create, and progress reports.
#ifndef SANGKIEN_SERVER_DOMAIN_TASK_H_
#define SANGKIEN_SERVER_DOMAIN_TASK_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "calendar/timeframe.h"

namespace sangkien::domain {

// A unit or unit group as a task names it. id 0: not resolved (yet).
struct UnitRef {
  enum class Kind { kUnit, kGroup };
  Kind kind = Kind::kUnit;
  int64_t id = 0;
  std::string display_name;  // as the plan wrote it
  friend bool operator==(const UnitRef&, const UnitRef&) = default;
};

// Values match sangkien.v1.TaskStatus.
enum class TaskStatus {
  kUnspecified = 0,
  kNotStarted = 1,
  kInProgress = 2,
  kCompleted = 3,
  kOngoing = 4,
  kWaiting = 5,
  kCancelled = 6,
};

struct Task {
  int64_t id = 0;
  int64_t plan_id = 0;
  std::string number;   // "4.6" (may repeat within a plan)
  std::string title;
  std::string body;
  std::string section;  // "II.4"
  std::vector<UnitRef> lead_units;
  std::vector<UnitRef> coordinating_units;
  calendar::Timeframe timeframe;
  TaskStatus status = TaskStatus::kUnspecified;
  int progress_percent = 0;
  int position = 0;  // 1-based order in the plan
  std::string etag;
  absl::Time create_time;
  absl::Time update_time;
};

// Values match sangkien.v1.AssignmentRole.
enum class AssignmentRole { kUnspecified = 0, kLead = 1, kCoordinate = 2 };

struct Assignment {
  int64_t id = 0;
  int64_t plan_id = 0;
  int64_t task_id = 0;
  int64_t unit_id = 0;
  AssignmentRole role = AssignmentRole::kUnspecified;
  int64_t via_group_id = 0;
  std::optional<absl::CivilDay> next_due_date;
  // Copied from task and unit for display (joined on read).
  std::string task_number;
  std::string task_title;
  calendar::Timeframe timeframe;
  std::string unit_display_name;
  int64_t last_report_id = 0;
  int progress_percent = 0;
};

struct ProgressReport {
  int64_t id = 0;
  int64_t plan_id = 0;
  int64_t task_id = 0;
  int64_t unit_id = 0;
  absl::CivilDay report_date;
  std::optional<absl::CivilDay> covers_due_date;
  std::string text;
  int progress_percent = 0;
  std::vector<std::string> attachments;
  absl::Time create_time;
};

}  // namespace sangkien::domain

#endif  // SANGKIEN_SERVER_DOMAIN_TASK_H_
