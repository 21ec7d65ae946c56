// The methods the server serves, known once at start, for the interceptors
// that count and log calls: each has a fixed index, its labels, and the
// request's `request_id` field when the request message has one. Looking a
// method up is one hash of its path; nothing is created per call.
#ifndef SANGKIEN_SERVER_API_METHOD_TABLE_H_
#define SANGKIEN_SERVER_API_METHOD_TABLE_H_

#include <grpcpp/support/status_code_enum.h>

#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"

namespace google::protobuf {
class FieldDescriptor;
}  // namespace google::protobuf

namespace sangkien::api {

struct MethodInfo {
  int index = 0;        // position in MethodTable::methods()
  std::string path;     // "/sangkien.v1.PlanService/GetPlan", as gRPC names it
  std::string name;     // "sangkien.v1.PlanService/GetPlan", as the logs name it
  std::string service;  // "sangkien.v1.PlanService"
  std::string method;   // "GetPlan"
  std::string type;     // "unary", "client_stream", "server_stream" or "bidi_stream"
  // The request's string field `request_id`, or nullptr. Set only for
  // methods whose requests are generated protobuf messages.
  const google::protobuf::FieldDescriptor* request_id = nullptr;
};

// Built once before the server starts and read-only after, so any thread
// may read it without a lock.
class MethodTable {
 public:
  // The methods of `services` (full names such as "sangkien.v1.PlanService",
  // looked up in the generated descriptor pool), then gRPC's health and
  // reflection services, then one entry for any other path (service and
  // method "unknown"), so that a client inventing names cannot add series.
  // NOT_FOUND names a service the pool does not hold.
  static absl::StatusOr<MethodTable> Build(const std::vector<std::string>& services);

  // The entry for `path` ("/service/Method"), or the "unknown" entry.
  const MethodInfo& Find(std::string_view path) const;
  const std::vector<MethodInfo>& methods() const { return methods_; }
  const MethodInfo& unknown() const { return methods_.back(); }

 private:
  MethodTable() = default;
  void Add(MethodInfo info);

  std::vector<MethodInfo> methods_;
  absl::flat_hash_map<std::string, int> by_path_;
};

// "NOT_FOUND": the canonical name of a status code, as the logs write it.
std::string_view CanonicalCodeName(grpc::StatusCode code);
// "NotFound": the name go-grpc-prometheus gives the code in its grpc_code
// label, which existing dashboards select on.
std::string_view PrometheusCodeName(grpc::StatusCode code);
// Status codes run from 0 (OK) to 16 (UNAUTHENTICATED).
inline constexpr int kStatusCodeCount = 17;

}  // namespace sangkien::api

#endif  // SANGKIEN_SERVER_API_METHOD_TABLE_H_
