#include "api/method_table.h"

#include <google/protobuf/descriptor.h>

#include <array>

#include "absl/strings/str_cat.h"

namespace sangkien::api {
namespace {

std::string StreamType(bool client_streaming, bool server_streaming) {
  if (client_streaming && server_streaming) return "bidi_stream";
  if (client_streaming) return "client_stream";
  if (server_streaming) return "server_stream";
  return "unary";
}

MethodInfo Entry(std::string service, std::string method, std::string type) {
  MethodInfo info;
  info.name = absl::StrCat(service, "/", method);
  info.path = absl::StrCat("/", info.name);
  info.service = std::move(service);
  info.method = std::move(method);
  info.type = std::move(type);
  return info;
}

struct CodeNames {
  std::string_view canonical;
  std::string_view prometheus;
};

constexpr std::array<CodeNames, kStatusCodeCount> kCodeNames = {{
    {"OK", "OK"},
    {"CANCELLED", "Canceled"},
    {"UNKNOWN", "Unknown"},
    {"INVALID_ARGUMENT", "InvalidArgument"},
    {"DEADLINE_EXCEEDED", "DeadlineExceeded"},
    {"NOT_FOUND", "NotFound"},
    {"ALREADY_EXISTS", "AlreadyExists"},
    {"PERMISSION_DENIED", "PermissionDenied"},
    {"RESOURCE_EXHAUSTED", "ResourceExhausted"},
    {"FAILED_PRECONDITION", "FailedPrecondition"},
    {"ABORTED", "Aborted"},
    {"OUT_OF_RANGE", "OutOfRange"},
    {"UNIMPLEMENTED", "Unimplemented"},
    {"INTERNAL", "Internal"},
    {"UNAVAILABLE", "Unavailable"},
    {"DATA_LOSS", "DataLoss"},
    {"UNAUTHENTICATED", "Unauthenticated"},
}};

}  // namespace

absl::StatusOr<MethodTable> MethodTable::Build(const std::vector<std::string>& services) {
  MethodTable table;
  const google::protobuf::DescriptorPool* pool = google::protobuf::DescriptorPool::generated_pool();
  for (const std::string& name : services) {
    const google::protobuf::ServiceDescriptor* service = pool->FindServiceByName(name);
    if (service == nullptr) {
      return absl::NotFoundError(absl::StrCat("no descriptor for the service ", name));
    }
    for (int i = 0; i < service->method_count(); ++i) {
      const google::protobuf::MethodDescriptor* m = service->method(i);
      MethodInfo info = Entry(service->full_name(), m->name(),
                              StreamType(m->client_streaming(), m->server_streaming()));
      const google::protobuf::FieldDescriptor* field =
          m->input_type()->FindFieldByName("request_id");
      if (field != nullptr && !field->is_repeated() &&
          field->type() == google::protobuf::FieldDescriptor::TYPE_STRING) {
        info.request_id = field;
      }
      table.Add(std::move(info));
    }
  }
  // gRPC's own services, which the server registers without protobuf
  // descriptors of ours (health) or from a library (reflection).
  table.Add(Entry("grpc.health.v1.Health", "Check", "unary"));
  table.Add(Entry("grpc.health.v1.Health", "Watch", "server_stream"));
  table.Add(
      Entry("grpc.reflection.v1alpha.ServerReflection", "ServerReflectionInfo", "bidi_stream"));
  MethodInfo unknown;
  unknown.service = unknown.method = unknown.type = "unknown";
  unknown.name = "unknown";
  table.Add(std::move(unknown));
  return table;
}

void MethodTable::Add(MethodInfo info) {
  info.index = static_cast<int>(methods_.size());
  if (!info.path.empty()) by_path_.emplace(info.path, info.index);
  methods_.push_back(std::move(info));
}

const MethodInfo& MethodTable::Find(std::string_view path) const {
  auto it = by_path_.find(absl::string_view(path.data(), path.size()));
  return it == by_path_.end() ? unknown() : methods_[static_cast<size_t>(it->second)];
}

std::string_view CanonicalCodeName(grpc::StatusCode code) {
  int i = static_cast<int>(code);
  return i >= 0 && i < kStatusCodeCount ? kCodeNames[static_cast<size_t>(i)].canonical : "UNKNOWN";
}

std::string_view PrometheusCodeName(grpc::StatusCode code) {
  int i = static_cast<int>(code);
  return i >= 0 && i < kStatusCodeCount ? kCodeNames[static_cast<size_t>(i)].prometheus : "Unknown";
}

}  // namespace sangkien::api
