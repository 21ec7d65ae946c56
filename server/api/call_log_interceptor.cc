#include "api/call_log_interceptor.h"

#include <google/protobuf/message.h>

#include <chrono>
#include <cstdio>
#include <string>

#include "absl/strings/match.h"
#include "log/log.h"

namespace sangkien::api {
namespace {

log::Level LevelOf(grpc::StatusCode code, bool quiet_method) {
  switch (code) {
    case grpc::StatusCode::INTERNAL:
    case grpc::StatusCode::UNKNOWN:
    case grpc::StatusCode::DATA_LOSS:
      return log::Level::kError;
    case grpc::StatusCode::UNAVAILABLE:
      return log::Level::kWarning;
    default:
      return quiet_method ? log::Level::kDebug : log::Level::kInfo;
  }
}

// gRPC's own services: probed often, and of no interest call by call.
bool IsQuietMethod(const MethodInfo& method) {
  return absl::StartsWith(method.service, "grpc.health.") ||
         absl::StartsWith(method.service, "grpc.reflection.");
}

class CallLogInterceptor final : public grpc::experimental::Interceptor {
 public:
  CallLogInterceptor(grpc::experimental::ServerRpcInfo* info, const MethodInfo& method,
                     CallAccounts& accounts)
      : method_(method),
        // An unknown method is logged under the path the client asked for.
        name_(method.path.empty() && info->method() ? info->method() : method.name),
        context_(info->server_context()),
        accounts_(accounts),
        quiet_(IsQuietMethod(method)),
        start_(std::chrono::steady_clock::now()) {}

  ~CallLogInterceptor() override {
    if (!account_taken_) accounts_.Erase(context_);
  }

  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    using grpc::experimental::InterceptionHookPoints;
    if (method_.request_id != nullptr &&
        methods->QueryInterceptionHookPoint(InterceptionHookPoints::POST_RECV_MESSAGE)) {
      // Null when the request could not be decoded. Otherwise it is the
      // generated message of the method (MethodTable sets request_id only
      // for those).
      if (const void* message = methods->GetRecvMessage()) {
        const auto* request = static_cast<const google::protobuf::Message*>(message);
        request_id_ = request->GetReflection()->GetString(*request, method_.request_id);
      }
    }
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_STATUS)) {
      WriteLine(methods->GetSendStatus().error_code());
    }
    methods->Proceed();
  }

 private:
  void WriteLine(grpc::StatusCode code) {
    std::string account = accounts_.Take(context_);
    account_taken_ = true;
    log::Level level = LevelOf(code, quiet_);
    if (!log::Enabled(level)) return;
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start_)
                    .count();
    char ms_text[32];
    std::snprintf(ms_text, sizeof ms_text, "%.2f", ms);
    std::string line;
    line.reserve(160);
    log::AppendField(&line, "level", log::LevelName(level));
    log::AppendField(&line, "msg", "call");
    log::AppendField(&line, "method", name_);
    log::AppendField(&line, "code", CanonicalCodeName(code));
    log::AppendField(&line, "ms", ms_text);
    if (!account.empty()) log::AppendField(&line, "account", account);
    if (!request_id_.empty()) log::AppendField(&line, "request_id", request_id_);
    log::WriteLine(line);
  }

  const MethodInfo& method_;
  const std::string name_;
  const void* const context_;
  CallAccounts& accounts_;
  const bool quiet_;
  const std::chrono::steady_clock::time_point start_;
  std::string request_id_;
  bool account_taken_ = false;
};

}  // namespace

grpc::experimental::Interceptor* CallLogInterceptorFactory::CreateServerInterceptor(
    grpc::experimental::ServerRpcInfo* info) {
  // Every call gets one, whatever the level: a failure is written at
  // error, which no level turns off, and the gate's entry must be taken.
  const MethodInfo& method = methods_.Find(info->method() ? info->method() : "");
  return new CallLogInterceptor(info, method, accounts_);
}

}  // namespace sangkien::api
