// Early-return helpers for absl::Status and absl::StatusOr, defined once for
// the whole project.
#ifndef SANGKIEN_SHARED_STATUS_STATUS_MACROS_H_
#define SANGKIEN_SHARED_STATUS_STATUS_MACROS_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define SK_RETURN_IF_ERROR(expr)                 \
  do {                                           \
    ::absl::Status sk_status_ = (expr);          \
    if (!sk_status_.ok()) return sk_status_;     \
  } while (false)

#define SK_CONCAT_INNER_(a, b) a##b
#define SK_CONCAT_(a, b) SK_CONCAT_INNER_(a, b)

#define SK_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, rexpr) \
  auto tmp = (rexpr);                              \
  if (!tmp.ok()) return tmp.status();              \
  lhs = std::move(*tmp)

#define SK_ASSIGN_OR_RETURN(lhs, rexpr) \
  SK_ASSIGN_OR_RETURN_IMPL_(SK_CONCAT_(sk_statusor_, __LINE__), lhs, rexpr)

#endif  // SANGKIEN_SHARED_STATUS_STATUS_MACROS_H_
