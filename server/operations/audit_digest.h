// Canonical digests of resource states for the audit trail: the same state
// always gives the same digest, and any change to a stored field changes it.
#ifndef SANGKIEN_SERVER_OPERATIONS_AUDIT_DIGEST_H_
#define SANGKIEN_SERVER_OPERATIONS_AUDIT_DIGEST_H_

#include <string>

#include "domain/account.h"
#include "domain/plan.h"
#include "domain/task.h"
#include "domain/unit.h"

namespace sangkien::operations {

std::string Digest(const domain::Unit& unit);
std::string Digest(const domain::UnitGroup& group);
std::string Digest(const domain::Plan& plan);
std::string Digest(const domain::Task& task);
std::string Digest(const domain::ProgressReport& report);
std::string Digest(const domain::Account& account);
// Never includes the secret's hash.
std::string Digest(const domain::Token& token);
// Never includes the PIN's hash or salt, nor the count of wrong attempts
// short of a lockout.
std::string Digest(const domain::KioskPin& pin);

}  // namespace sangkien::operations

#endif  // SANGKIEN_SERVER_OPERATIONS_AUDIT_DIGEST_H_
