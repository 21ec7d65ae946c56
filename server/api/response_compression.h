// Compresses large replies for clients that accept compression, and leaves
// small ones alone: gzip on a few hundred bytes costs the server CPU (zlib
// sets up its whole window per message) and saves the kiosk's mobile link
// next to nothing.
#ifndef SANGKIEN_SERVER_API_RESPONSE_COMPRESSION_H_
#define SANGKIEN_SERVER_API_RESPONSE_COMPRESSION_H_

#include <grpcpp/grpcpp.h>
#include <grpcpp/support/server_interceptor.h>

#include <cstddef>
#include <cstdint>

namespace sangkien::api {

// The one place that decides, per call, whether a reply is compressed.
//
// Every call is given a compression level rather than an algorithm, so gRPC
// picks one the client listed in its grpc-accept-encoding (gzip first) and
// none at all for a client that accepts only identity. A unary reply below
// `min_bytes` is then sent as identity. A streaming call keeps the level for
// the whole stream, since later messages may be large; its writer marks each
// small message with StreamWriteOptions(). `min_bytes` 0: never compress
// (the interceptor then changes nothing). Stateless besides `min_bytes`:
// one interceptor per call, on whichever gRPC thread runs it.
class ResponseCompressionInterceptorFactory final
    : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  explicit ResponseCompressionInterceptorFactory(int64_t min_bytes) : min_bytes_(min_bytes) {}

  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override;

 private:
  int64_t min_bytes_;
};

// Write options for one message of a server stream of `bytes` serialized
// bytes: no compression below `min_bytes` (or when `min_bytes` is 0).
grpc::WriteOptions StreamWriteOptions(size_t bytes, int64_t min_bytes);

}  // namespace sangkien::api

#endif  // SANGKIEN_SERVER_API_RESPONSE_COMPRESSION_H_
