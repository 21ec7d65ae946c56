#include "storage/request_log.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include "storage/sql_internal.h"

namespace sangkien::storage {

absl::StatusOr<std::optional<RequestRecord>> RequestLog::Find(Connection& c,
                                                              std::string_view method,
                                                              std::string_view request_id) {
  auto& q = c.Prepare(
      "SELECT fingerprint, resource_name, extra FROM request_log WHERE method = ? AND "
      "request_id = ?");
  q.bind(1, std::string(method));
  q.bind(2, std::string(request_id));
  if (!q.executeStep()) return std::optional<RequestRecord>();
  return std::optional<RequestRecord>(RequestRecord{
      q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString()});
}

absl::Status RequestLog::Record(Connection& c, std::string_view method,
                                std::string_view request_id, const RequestRecord& record,
                                absl::Time now) {
  auto& q = c.Prepare(
      "INSERT INTO request_log (method, request_id, fingerprint, resource_name, extra, "
      "create_time) VALUES (?,?,?,?,?,?)");
  q.bind(1, std::string(method));
  q.bind(2, std::string(request_id));
  q.bind(3, record.fingerprint);
  q.bind(4, record.resource_name);
  q.bind(5, record.extra);
  q.bind(6, internal::Micros(now));
  q.exec();
  return absl::OkStatus();
}

absl::StatusOr<std::string> MetaStore::GetOrCreate(Connection& c, std::string_view key,
                                                   std::string (*make)()) {
  {
    auto& q = c.Prepare("SELECT value FROM meta WHERE key = ?");
    q.bind(1, std::string(key));
    if (q.executeStep()) {
      auto col = q.getColumn(0);
      return std::string(static_cast<const char*>(col.getBlob()), col.getBytes());
    }
  }
  std::string value = make();
  auto& ins = c.Prepare("INSERT INTO meta (key, value) VALUES (?, ?)");
  ins.bind(1, std::string(key));
  ins.bind(2, value.data(), static_cast<int>(value.size()));
  ins.exec();
  return value;
}

}  // namespace sangkien::storage
