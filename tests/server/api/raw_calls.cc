#include "raw_calls.h"

#include <google/protobuf/unknown_field_set.h>
#include <grpcpp/generic/generic_stub.h>

#include <future>

#include "test_server.h"

namespace sangkien::api_test {
namespace {

using google::protobuf::UnknownField;
using google::protobuf::UnknownFieldSet;

grpc::ByteBuffer ToByteBuffer(const std::string& bytes) {
  grpc::Slice slice(bytes);
  return grpc::ByteBuffer(&slice, 1);
}

bool ToString(const grpc::ByteBuffer& buffer, std::string* out) {
  std::vector<grpc::Slice> slices;
  if (!buffer.Dump(&slices).ok()) return false;
  out->clear();
  for (const grpc::Slice& s : slices) {
    out->append(reinterpret_cast<const char*>(s.begin()), s.size());
  }
  return true;
}

// The length-delimited values of field `number`.
std::vector<std::string> Strings(const UnknownFieldSet& fields, int number) {
  std::vector<std::string> out;
  for (int i = 0; i < fields.field_count(); ++i) {
    const UnknownField& f = fields.field(i);
    if (f.number() == number && f.type() == UnknownField::TYPE_LENGTH_DELIMITED) {
      out.push_back(f.length_delimited());
    }
  }
  return out;
}

grpc::Status Malformed(const std::string& what) {
  return grpc::Status(grpc::StatusCode::DATA_LOSS, "malformed " + what);
}

}  // namespace

HealthResult CheckHealth(const std::shared_ptr<grpc::Channel>& channel,
                         const std::string& service) {
  HealthResult result;
  UnknownFieldSet request;  // HealthCheckRequest
  if (!service.empty()) request.AddLengthDelimited(1, service);
  std::string request_bytes;
  request.SerializeToString(&request_bytes);
  grpc::ByteBuffer request_buffer = ToByteBuffer(request_bytes), response_buffer;

  grpc::GenericStub stub(channel);
  grpc::ClientContext context;
  context.set_deadline(CallDeadline());
  std::promise<grpc::Status> done;
  stub.UnaryCall(&context, "/grpc.health.v1.Health/Check", grpc::StubOptions(), &request_buffer,
                 &response_buffer, [&done](grpc::Status s) { done.set_value(std::move(s)); });
  result.status = done.get_future().get();
  if (!result.status.ok()) return result;

  std::string bytes;
  UnknownFieldSet response;  // HealthCheckResponse
  if (!ToString(response_buffer, &bytes) || !response.ParseFromString(bytes)) {
    result.status = Malformed("HealthCheckResponse");
    return result;
  }
  for (int i = 0; i < response.field_count(); ++i) {
    const UnknownField& f = response.field(i);
    if (f.number() == 1 && f.type() == UnknownField::TYPE_VARINT) {
      result.serving_status = static_cast<int>(f.varint());
    }
  }
  return result;
}

ServiceList ListServicesByReflection(const std::shared_ptr<grpc::Channel>& channel) {
  ServiceList result;
  UnknownFieldSet request;  // ServerReflectionRequest{list_services: ""}
  request.AddLengthDelimited(7, "");
  std::string request_bytes;
  request.SerializeToString(&request_bytes);

  grpc::GenericStub stub(channel);
  grpc::ClientContext context;
  context.set_deadline(CallDeadline());
  grpc::CompletionQueue cq;
  auto call = stub.PrepareCall(
      &context, "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo", &cq);
  grpc::ByteBuffer request_buffer = ToByteBuffer(request_bytes), response_buffer;
  void* tag = nullptr;
  bool ok = false;
  auto step = [&](int id) {
    return cq.Next(&tag, &ok) && tag == reinterpret_cast<void*>(id) && ok;
  };
  call->StartCall(reinterpret_cast<void*>(1));
  bool streaming = step(1);
  if (streaming) {
    call->Write(request_buffer, reinterpret_cast<void*>(2));
    streaming = step(2);
  }
  if (streaming) {
    call->WritesDone(reinterpret_cast<void*>(3));
    streaming = step(3);
  }
  bool got_response = false;
  if (streaming) {
    call->Read(&response_buffer, reinterpret_cast<void*>(4));
    got_response = step(4);
  }
  call->Finish(&result.status, reinterpret_cast<void*>(5));
  cq.Next(&tag, &ok);
  cq.Shutdown();
  while (cq.Next(&tag, &ok)) {
  }
  if (!result.status.ok()) return result;
  if (!got_response) {
    result.status = Malformed("stream: no response");
    return result;
  }

  std::string bytes;
  UnknownFieldSet response;  // ServerReflectionResponse
  if (!ToString(response_buffer, &bytes) || !response.ParseFromString(bytes)) {
    result.status = Malformed("ServerReflectionResponse");
    return result;
  }
  for (const std::string& list_bytes : Strings(response, 6)) {  // list_services_response
    UnknownFieldSet list;
    if (!list.ParseFromString(list_bytes)) {
      result.status = Malformed("ListServiceResponse");
      return result;
    }
    for (const std::string& service_bytes : Strings(list, 1)) {  // service
      UnknownFieldSet service;
      if (!service.ParseFromString(service_bytes)) {
        result.status = Malformed("ServiceResponse");
        return result;
      }
      for (const std::string& name : Strings(service, 1)) result.services.push_back(name);
    }
  }
  return result;
}

}  // namespace sangkien::api_test
