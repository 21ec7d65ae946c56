// Who may call which RPC: the one table every call is checked against.
// Finer rules that depend on the resource (staff act only for their own
// unit; drafts are internal) are applied by the operations, which receive
// the principal.
#ifndef SANGKIEN_SERVER_AUTH_ACCESS_POLICY_H_
#define SANGKIEN_SERVER_AUTH_ACCESS_POLICY_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "domain/account.h"

namespace sangkien::auth {

enum class Access {
  kPublic,         // anyone, with or without a token
  kAuthenticated,  // any account; the operation narrows further (self or admin)
  kRoles,          // accounts holding one of `roles`
};

struct MethodRule {
  std::string method;  // "sangkien.v1.PlanService/ListPlans"
  Access access = Access::kRoles;
  std::vector<domain::Role> roles;
};

// Every RPC the server has, with its rule.
const std::vector<MethodRule>& AccessRules();

// OK when `principal` may call `method`; UNAUTHENTICATED when the public
// calls a method that needs an account; PERMISSION_DENIED when the account
// lacks the role, or the method has no rule (deny by default).
absl::Status Authorize(const domain::Principal& principal, std::string_view method);

}  // namespace sangkien::auth

#endif  // SANGKIEN_SERVER_AUTH_ACCESS_POLICY_H_
