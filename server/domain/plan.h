// Plans and the documents they cite.
#ifndef SANGKIEN_SERVER_DOMAIN_PLAN_H_
#define SANGKIEN_SERVER_DOMAIN_PLAN_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"

namespace sangkien::domain {

// Values match sangkien.v1.DocumentKind.
enum class DocumentKind {
  kUnspecified = 0,
  kConclusion = 1,
  kActionProgramme = 2,
  kPlan = 3,
  kResolution = 4,
  kDecision = 5,
  kDirective = 6,
  kDecree = 7,
  kOther = 8,
};

struct DocumentRef {
  std::string symbol;  // "36-CTr/HU"
  DocumentKind kind = DocumentKind::kUnspecified;
  std::string issuer;  // "Ban Thường vụ Huyện uỷ"
  std::optional<absl::CivilDay> issue_date;
  std::string title;
  int64_t plan_id = 0;  // when the document is a plan held here
  friend bool operator==(const DocumentRef&, const DocumentRef&) = default;
};

struct Section {
  std::string number;   // "II", "3", "3.1"
  std::string heading;  // "MỤC ĐÍCH, YÊU CẦU"
  std::string body;     // paragraphs joined by '\n'
  int level = 0;        // 0: I/II/III, 1: 1./2., 2: 1.1.
  friend bool operator==(const Section&, const Section&) = default;
};

struct Signer {
  std::string on_behalf_of;  // "TM. ỦY BAN NHÂN DÂN"
  std::string position;      // "CHỦ TỊCH"
  std::string full_name;     // "Phạm Viết Hoài"
  friend bool operator==(const Signer&, const Signer&) = default;
};

// Values match sangkien.v1.PlanState.
enum class PlanState { kUnspecified = 0, kDraft = 1, kPublished = 2 };

struct Plan {
  int64_t id = 0;
  std::string symbol;
  DocumentKind kind = DocumentKind::kUnspecified;
  std::string issuer;
  int64_t issuer_unit_id = 0;
  std::string place;
  std::optional<absl::CivilDay> issue_date;
  std::string title;
  std::string preamble;
  std::vector<Section> sections;
  Signer signer;
  std::vector<std::string> recipients;
  std::vector<DocumentRef> basis;
  PlanState state = PlanState::kUnspecified;
  int task_count = 0;
  std::string etag;
  absl::Time create_time;
  absl::Time update_time;
  std::optional<absl::Time> delete_time;
};

}  // namespace sangkien::domain

#endif  // SANGKIEN_SERVER_DOMAIN_PLAN_H_
