// Calls to the standard gRPC services the server turns on (health checking
// and reflection) without their generated code, which Debian does not ship:
// the messages are built and read with protobuf's wire-format field sets.
#ifndef SANGKIEN_TESTS_SERVER_API_RAW_CALLS_H_
#define SANGKIEN_TESTS_SERVER_API_RAW_CALLS_H_

#include <grpcpp/grpcpp.h>

#include <memory>
#include <string>
#include <vector>

namespace sangkien::api_test {

// grpc.health.v1.HealthCheckResponse.ServingStatus values.
inline constexpr int kHealthServing = 1;
inline constexpr int kHealthNotServing = 2;

struct HealthResult {
  grpc::Status status;
  int serving_status = 0;  // UNKNOWN
};

// grpc.health.v1.Health/Check for `service` ("" is the whole server).
HealthResult CheckHealth(const std::shared_ptr<grpc::Channel>& channel,
                         const std::string& service = "");

struct ServiceList {
  grpc::Status status;
  std::vector<std::string> services;
};

// grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo with one
// list_services request.
ServiceList ListServicesByReflection(const std::shared_ptr<grpc::Channel>& channel);

}  // namespace sangkien::api_test

#endif  // SANGKIEN_TESTS_SERVER_API_RAW_CALLS_H_
