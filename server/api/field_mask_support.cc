#include "api/field_mask_support.h"

#include <google/protobuf/util/field_mask_util.h>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "status/errors.h"

namespace sangkien::api {

using google::protobuf::util::FieldMaskUtil;

absl::Status CheckUpdateMask(const google::protobuf::FieldMask& mask,
                             const std::vector<std::string>& allowed) {
  if (mask.paths_size() == 0) {
    return InvalidField("update_mask",
                        absl::StrCat("name the fields to change: ", absl::StrJoin(allowed, ", ")),
                        absl::StrCat("Hãy nêu các trường cần sửa: ", absl::StrJoin(allowed, ", ")));
  }
  for (const std::string& path : mask.paths()) {
    bool ok = false;
    for (const std::string& a : allowed) {
      ok = ok || path == a || absl::StartsWith(path, absl::StrCat(a, "."));
    }
    if (!ok) {
      return InvalidField(
          "update_mask",
          absl::StrCat("\"", path, "\" cannot be changed; allowed: ", absl::StrJoin(allowed, ", ")),
          absl::StrCat("Không sửa được \"", path, "\"; chỉ sửa được: ",
                       absl::StrJoin(allowed, ", ")));
    }
  }
  return absl::OkStatus();
}

void ApplyUpdateMask(const google::protobuf::FieldMask& mask, const google::protobuf::Message& from,
                     google::protobuf::Message* to) {
  FieldMaskUtil::MergeOptions options;
  options.set_replace_message_fields(true);
  options.set_replace_repeated_fields(true);
  FieldMaskUtil::MergeMessageTo(from, mask, options, to);
}

}  // namespace sangkien::api
