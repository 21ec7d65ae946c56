// Every unary RPC of sangkien.v1 with fuzzed request bytes, through the real
// server (the undecodable-request interceptor, the call gate, the handler's
// validation, the operations and SQLite) over an in-process channel: no
// socket. Input: byte 0 picks the method (fuzz::UnaryMethods()), byte 1 the
// caller (fuzz::CallerLabels()), the rest is the request as sent on the wire.
// Besides not crashing: no call ends INTERNAL, UNKNOWN, UNIMPLEMENTED,
// DATA_LOSS or DEADLINE_EXCEEDED, a response parses as the method's output
// type and error details as a google.rpc.Status.
//
// The server runs on a copy of a seeded demo database, renewed every few
// thousand inputs and after any call that may have taken a demo account's
// rights away, so that an input behaves much the same whenever it runs.
#include <google/protobuf/message.h>
#include <google/protobuf/stubs/logging.h>
#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <iostream>
#include <map>
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "app/server.h"
#include "fuzz_support.h"
#include "google/rpc/status.pb.h"

namespace {

namespace fs = std::filesystem;
using google::protobuf::MethodDescriptor;

constexpr int kRenewEvery = 2000;
constexpr auto kCallTimeout = std::chrono::seconds(60);

struct Harness {
  fs::path dir;
  std::map<std::string, std::string> secrets;  // label → bearer secret
  std::unique_ptr<sangkien::app::Server> server;
  std::unique_ptr<grpc::GenericStub> stub;
  int calls_since_renewal = 0;
  bool renew = false;
};

Harness& TheHarness() {
  static auto* harness = new Harness();
  return *harness;
}

[[noreturn]] void Broken(const std::string& what) {
  std::cerr << what << "\n";
  std::abort();
}

std::unique_ptr<sangkien::app::Server> StartServer(const fs::path& db, bool seed) {
  sangkien::app::ServerOptions options;
  options.listen_address = "";  // in-process only
  options.database_path = db.string();
  options.seed_demo = seed;
  options.synchronous_full = false;
  options.log_calls = false;
  options.clock = [] { return sangkien::fuzz::FixedNow(); };
  auto server = sangkien::app::Server::Start(options);
  if (!server.ok()) Broken("cannot start the server: " + server.status().ToString());
  return std::move(*server);
}

// Stops the server and starts it again over a fresh copy of the seeded
// database.
void Renew(Harness& h) {
  h.stub.reset();
  h.server.reset();
  for (const char* suffix : {"", "-wal", "-shm"}) {
    fs::path from = h.dir / absl::StrCat("pristine.db", suffix);
    fs::path to = h.dir / absl::StrCat("work.db", suffix);
    fs::remove(to);
    if (fs::exists(from)) fs::copy_file(from, to);
  }
  h.server = StartServer(h.dir / "work.db", false);
  h.stub = std::make_unique<grpc::GenericStub>(h.server->InProcessChannel());
  h.calls_since_renewal = 0;
  h.renew = false;
}

// A write that can disable a demo account, change its roles or revoke its
// token.
bool MayTakeRightsAway(const MethodDescriptor& method) {
  return method.service()->name() == "AccountService" &&
         (method.name() == "UpdateAccount" || method.name() == "RevokeToken");
}

std::string Flatten(const grpc::ByteBuffer& buffer) {
  std::vector<grpc::Slice> slices;
  std::string out;
  if (!buffer.Dump(&slices).ok()) return out;
  for (const grpc::Slice& s : slices) {
    out.append(reinterpret_cast<const char*>(s.begin()), s.size());
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  // Most inputs hold invalid UTF-8 in some string field; protobuf would log
  // each one before the server refuses it.
  google::protobuf::SetLogHandler(nullptr);
  Harness& h = TheHarness();
  h.dir = sangkien::fuzz::MakeTempDir();
  {
    auto seeding = StartServer(h.dir / "pristine.db", true);
    for (const auto& t : seeding->demo_tokens()) h.secrets[t.label] = t.secret;
  }
  for (size_t i = 1; i < sangkien::fuzz::CallerLabels().size(); ++i) {
    if (!h.secrets.count(sangkien::fuzz::CallerLabels()[i])) {
      Broken("the demo seed has no account " + sangkien::fuzz::CallerLabels()[i]);
    }
  }
  Renew(h);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sangkien;
  if (size < 2) return 0;
  Harness& h = TheHarness();
  if (h.renew || h.calls_since_renewal >= kRenewEvery) Renew(h);
  ++h.calls_since_renewal;

  const auto& methods = fuzz::UnaryMethods();
  const MethodDescriptor& method = *methods[data[0] % methods.size()];
  const std::string& caller = fuzz::CallerLabels()[data[1] % fuzz::CallerLabels().size()];
  grpc::Slice slice(data + 2, size - 2);
  grpc::ByteBuffer request(&slice, 1);
  grpc::ByteBuffer response;
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + kCallTimeout);
  if (caller != "public") context.AddMetadata("authorization", "Bearer " + h.secrets[caller]);

  std::promise<grpc::Status> done;
  h.stub->UnaryCall(&context, absl::StrCat("/", method.service()->full_name(), "/", method.name()),
                    grpc::StubOptions(), &request, &response,
                    [&done](grpc::Status s) { done.set_value(std::move(s)); });
  grpc::Status status = done.get_future().get();

  std::string call = absl::StrCat(method.full_name(), " as ", caller);
  switch (status.error_code()) {
    case grpc::StatusCode::INTERNAL:
    case grpc::StatusCode::UNKNOWN:
    case grpc::StatusCode::UNIMPLEMENTED:
    case grpc::StatusCode::DATA_LOSS:
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      Broken(absl::StrCat(call, " ended ", status.error_code(), ": ", status.error_message()));
    default:
      break;
  }
  if (status.ok()) {
    std::unique_ptr<google::protobuf::Message> out(
        google::protobuf::MessageFactory::generated_factory()
            ->GetPrototype(method.output_type())
            ->New());
    if (!out->ParseFromString(Flatten(response))) Broken(call + " answered undecodable bytes");
    if (MayTakeRightsAway(method)) h.renew = true;
  } else if (!status.error_details().empty()) {
    google::rpc::Status details;
    if (!details.ParseFromString(status.error_details())) {
      Broken(call + " sent undecodable error details");
    }
  }
  return 0;
}
