// Updates that name the fields they change (an API FieldMask's paths, in
// the API's spelling) and the one way every resource applies them: a table
// of the fields a resource lets callers change, each with how to copy it.
#ifndef SANGKIEN_SERVER_DOMAIN_FIELD_MASK_H_
#define SANGKIEN_SERVER_DOMAIN_FIELD_MASK_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/types/span.h"

namespace sangkien::domain {

// "title", "timeframe.original_text", … as the client gave them.
using FieldPaths = std::vector<std::string>;

// One field a caller may change. `path` is the API's name ("title"), or a
// sub-field of one ("signer.full_name") when that part may be set alone.
template <typename T>
struct UpdatableField {
  std::string_view path;
  void (*copy)(const T& from, T& to);
};

// An update of a resource of type T: the new values of the named fields
// (other fields of `patch` are ignored), and the etag the caller read
// (empty: no precondition).
template <typename T>
struct Update {
  T patch;
  FieldPaths paths;
  std::string etag;
};

namespace internal {
// The index in `paths_of` of the entry `path` selects: the exact entry, else
// the longest entry `path` extends with ".…"; -1 when none does.
int MatchField(std::string_view path, absl::Span<const std::string_view> paths_of);
absl::Status MaskRefused(std::string_view path, absl::Span<const std::string_view> paths_of);
}  // namespace internal

// OK when `paths` is non-empty and each path selects an entry of `fields`;
// otherwise INVALID_ARGUMENT on "update_mask" naming the fields that may
// change (English and Vietnamese).
template <typename T>
absl::Status CheckPaths(const FieldPaths& paths, absl::Span<const UpdatableField<T>> fields) {
  std::vector<std::string_view> names;
  for (const auto& f : fields) names.push_back(f.path);
  if (paths.empty()) return internal::MaskRefused("", names);
  for (const std::string& p : paths) {
    if (internal::MatchField(p, names) < 0) return internal::MaskRefused(p, names);
  }
  return absl::OkStatus();
}

// Copies each field `paths` selects from `patch` into `target`; a list or a
// nested value is replaced whole, never merged. Refused like CheckPaths.
template <typename T>
absl::Status ApplyPaths(const FieldPaths& paths, absl::Span<const UpdatableField<T>> fields,
                        const T& patch, T& target) {
  if (absl::Status s = CheckPaths(paths, fields); !s.ok()) return s;
  std::vector<std::string_view> names;
  for (const auto& f : fields) names.push_back(f.path);
  for (const std::string& p : paths) fields[internal::MatchField(p, names)].copy(patch, target);
  return absl::OkStatus();
}

// The update recipe every resource shares, run on the stored `current`
// inside the writing transaction: ABORTED (EtagMismatch on `name`) when the
// update carries an etag other than `current_etag`; the paths refused like
// CheckPaths; otherwise `current` with the named fields replaced. The
// caller then validates the result whole and writes it.
template <typename T>
absl::StatusOr<T> MergeUpdate(const T& current, std::string_view current_etag,
                              std::string_view name, const Update<T>& update,
                              absl::Span<const UpdatableField<T>> fields);

namespace internal {
absl::Status StaleEtag(std::string_view name, std::string_view given, std::string_view current);
}  // namespace internal

template <typename T>
absl::StatusOr<T> MergeUpdate(const T& current, std::string_view current_etag,
                              std::string_view name, const Update<T>& update,
                              absl::Span<const UpdatableField<T>> fields) {
  if (absl::Status s = CheckPaths(update.paths, fields); !s.ok()) return s;
  if (absl::Status s = internal::StaleEtag(name, update.etag, current_etag); !s.ok()) return s;
  T merged = current;
  if (absl::Status s = ApplyPaths(update.paths, fields, update.patch, merged); !s.ok()) return s;
  return merged;
}

}  // namespace sangkien::domain

#endif  // SANGKIEN_SERVER_DOMAIN_FIELD_MASK_H_
