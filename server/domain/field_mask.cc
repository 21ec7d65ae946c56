#include "domain/field_mask.h"

#include "status/errors.h"

namespace sangkien::domain::internal {

int MatchField(std::string_view path, absl::Span<const std::string_view> paths_of) {
  int best = -1;
  for (size_t i = 0; i < paths_of.size(); ++i) {
    std::string_view entry = paths_of[i];
    if (path == entry) return static_cast<int>(i);
    bool extends = path.size() > entry.size() && path.substr(0, entry.size()) == entry &&
                   path[entry.size()] == '.';
    if (extends && (best < 0 || entry.size() > paths_of[best].size())) {
      best = static_cast<int>(i);
    }
  }
  return best;
}

absl::Status MaskRefused(std::string_view path, absl::Span<const std::string_view> paths_of) {
  // Only whole fields are listed; sub-fields that may be set alone are
  // details of those.
  std::string allowed;
  for (std::string_view p : paths_of) {
    if (p.find('.') != std::string_view::npos) continue;
    if (!allowed.empty()) allowed += ", ";
    allowed += p;
  }
  if (path.empty()) {
    return InvalidField("update_mask", "name the fields to change: " + allowed,
                        "Hãy nêu các trường cần sửa: " + allowed);
  }
  std::string quoted = "\"" + std::string(path) + "\"";
  return InvalidField("update_mask", quoted + " cannot be changed; allowed: " + allowed,
                      "Không sửa được " + quoted + "; chỉ sửa được: " + allowed);
}

absl::Status StaleEtag(std::string_view name, std::string_view given, std::string_view current) {
  if (given.empty() || given == current) return absl::OkStatus();
  return EtagMismatch(name);
}

}  // namespace sangkien::domain::internal
