// Units (offices, communes, bodies) and the groups plans name them by.
#ifndef SANGKIEN_SERVER_DOMAIN_UNIT_H_
#define SANGKIEN_SERVER_DOMAIN_UNIT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/time/time.h"

namespace sangkien::domain {

// Values match sangkien.v1.UnitKind.
enum class UnitKind {
  kUnspecified = 0,
  kPeoplesCommittee = 1,
  kPeoplesCouncil = 2,
  kPartyBody = 3,
  kOffice = 4,
  kInspectorate = 5,
  kCentre = 6,
  kCommune = 7,
  kTown = 8,
  kWard = 9,
  kOther = 10,
};

struct Unit {
  int64_t id = 0;
  std::string display_name;
  std::string short_name;
  std::vector<std::string> aliases;
  UnitKind kind = UnitKind::kUnspecified;
  int64_t parent_id = 0;  // 0: top level
  bool demo = false;
  std::string etag;
  absl::Time create_time;
  absl::Time update_time;
};

struct UnitGroup {
  int64_t id = 0;
  std::string display_name;
  std::vector<std::string> aliases;
  std::vector<UnitKind> member_kinds;
  std::vector<int64_t> members;  // resolved unit ids
  std::string etag;
};

}  // namespace sangkien::domain

#endif  // SANGKIEN_SERVER_DOMAIN_UNIT_H_
