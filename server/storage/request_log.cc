#include "storage/request_log.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include "storage/query.h"
#include "storage/sql_internal.h"

namespace sangkien::storage {

absl::StatusOr<std::optional<RequestRecord>> RequestLog::Find(Connection& c,
                                                              std::string_view method,
                                                              std::string_view request_id) {
  internal::Query q(c,
                    "SELECT fingerprint, resource_name, extra FROM request_log "
                    "WHERE method = :method AND request_id = :request");
  if (!q.Bind(":method", method).Bind(":request", request_id).Step()) {
    return std::optional<RequestRecord>();
  }
  return std::optional<RequestRecord>(
      RequestRecord{q.Column(0).getString(), q.Column(1).getString(), q.Column(2).getString()});
}

absl::Status RequestLog::Record(Connection& c, std::string_view method, std::string_view request_id,
                                const RequestRecord& record, absl::Time now) {
  internal::Query q(c,
                    "INSERT INTO request_log (method, request_id, fingerprint, resource_name, "
                    "extra, create_time) VALUES (:method, :request, :fingerprint, :resource, "
                    ":extra, :now)");
  q.Bind(":method", method)
      .Bind(":request", request_id)
      .Bind(":fingerprint", record.fingerprint)
      .Bind(":resource", record.resource_name)
      .Bind(":extra", record.extra)
      .Bind(":now", now)
      .Run();
  return absl::OkStatus();
}

absl::StatusOr<std::string> MetaStore::GetOrCreate(Connection& c, std::string_view key,
                                                   std::string (*make)()) {
  {
    internal::Query q(c, "SELECT value FROM meta WHERE key = :key");
    if (q.Bind(":key", key).Step()) {
      auto col = q.Column(0);
      return std::string(static_cast<const char*>(col.getBlob()), col.getBytes());
    }
  }
  std::string value = make();
  internal::Query ins(c, "INSERT INTO meta (key, value) VALUES (:key, :value)");
  ins.Bind(":key", key).BindBlob(":value", value).Run();
  return value;
}

}  // namespace sangkien::storage
