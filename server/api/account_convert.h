// Converts accounts, tokens and audit events between domain and proto.
#ifndef SANGKIEN_SERVER_API_ACCOUNT_CONVERT_H_
#define SANGKIEN_SERVER_API_ACCOUNT_CONVERT_H_

#include "domain/account.h"
#include "domain/audit_event.h"
#include "sangkien/v1/account.pb.h"
#include "sangkien/v1/audit_service.pb.h"

namespace sangkien::api {

void ToProto(const domain::Account& account, v1::Account* out);
// Every field a client may set. An undefined role becomes Role::kUnspecified
// and a unit name that does not parse operations::kUnparsedId, which the
// operations refuse.
domain::Account FromProto(const v1::Account& account);
void ToProto(const domain::Token& token, v1::Token* out);
void ToProto(const domain::AuditEvent& event, v1::AuditEvent* out);

}  // namespace sangkien::api

#endif  // SANGKIEN_SERVER_API_ACCOUNT_CONVERT_H_
