#include "api/account_convert.h"

#include "absl/strings/str_cat.h"
#include "api/enum_convert.h"
#include "api/proto_convert.h"
#include "domain/validation.h"
#include "operations/account_commands.h"

namespace sangkien::api {

void ToProto(const domain::Account& a, v1::Account* out) {
  out->set_name(absl::StrCat("accounts/", a.id));
  out->set_display_name(a.display_name);
  for (auto r : a.roles) out->add_roles(ToProto(r));
  if (a.unit_id != 0) out->set_unit(domain::UnitName(a.unit_id));
  out->set_position(a.position);
  out->set_disabled(a.disabled);
  out->set_service_account(a.service_account);
  out->set_etag(a.etag);
  ToProto(a.create_time, out->mutable_create_time());
  ToProto(a.update_time, out->mutable_update_time());
}

domain::Account FromProto(const v1::Account& a) {
  domain::Account out;
  out.id = domain::ParseCollectionId(a.name(), "accounts").value_or(0);
  out.display_name = a.display_name();
  // A role the API does not define, or a unit name that does not parse, is
  // kept as a value the operations refuse with the request's other faults.
  for (int r : a.roles()) {
    out.roles.push_back(FromProto(static_cast<v1::Role>(r)).value_or(domain::Role::kUnspecified));
  }
  if (!a.unit().empty()) {
    out.unit_id = domain::ParseCollectionId(a.unit(), "units").value_or(operations::kUnparsedId);
  }
  out.position = a.position();
  out.disabled = a.disabled();
  out.service_account = a.service_account();
  return out;
}

void ToProto(const domain::Token& t, v1::Token* out) {
  out->set_name(absl::StrCat("accounts/", t.account_id, "/tokens/", t.id));
  out->set_display_name(t.display_name);
  out->set_prefix(t.prefix);
  ToProto(t.create_time, out->mutable_create_time());
  if (t.expire_time) ToProto(*t.expire_time, out->mutable_expire_time());
  if (t.revoke_time) ToProto(*t.revoke_time, out->mutable_revoke_time());
  if (t.last_use_time) ToProto(*t.last_use_time, out->mutable_last_use_time());
}

void ToProto(const domain::AuditEvent& e, v1::AuditEvent* out) {
  out->set_sequence(e.id);
  ToProto(e.time, out->mutable_time());
  out->set_actor(e.actor);
  out->set_method(e.method);
  out->set_resource(e.resource);
  out->set_request_id(e.request_id);
  out->set_before_digest(e.before_digest);
  out->set_after_digest(e.after_digest);
  out->set_previous_hash(e.previous_hash);
  out->set_hash(e.hash);
}

}  // namespace sangkien::api
