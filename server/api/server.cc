#include "api/server.h"

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/grpcpp.h>
#include <grpcpp/health_check_service_interface.h>
#include <openssl/rand.h>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <iostream>

#include "absl/strings/str_cat.h"
#include "api/account_service.h"
#include "api/audit_service.h"
#include "api/call_gate.h"
#include "api/call_log_interceptor.h"
#include "api/directory_service.h"
#include "api/plan_service.h"
#include "auth/authenticator.h"
#include "domain/page_token.h"
#include "operations/account_operations.h"
#include "operations/directory_operations.h"
#include "operations/plan_operations.h"
#include "seed/demo_seed.h"
#include "status/status_macros.h"
#include "storage/database.h"
#include "storage/request_log.h"

namespace sangkien::api {

struct Server::Impl {
  std::unique_ptr<storage::Database> db;
  std::unique_ptr<domain::PageTokenCodec> tokens;
  std::unique_ptr<operations::DirectoryOperations> directory;
  std::unique_ptr<operations::PlanOperations> plans;
  std::unique_ptr<operations::AccountOperations> accounts;
  std::unique_ptr<auth::Authenticator> authenticator;
  std::unique_ptr<CallGate> gate;
  std::unique_ptr<DirectoryServiceImpl> directory_service;
  std::unique_ptr<PlanServiceImpl> plan_service;
  std::unique_ptr<AccountServiceImpl> account_service;
  std::unique_ptr<AuditServiceImpl> audit_service;
  std::vector<seed::DemoToken> demo_tokens;
  std::unique_ptr<grpc::Server> server;
  int port = 0;
};

namespace {

std::string RandomKey() {
  std::string key(32, '\0');
  RAND_bytes(reinterpret_cast<unsigned char*>(key.data()), static_cast<int>(key.size()));
  return key;
}

// Kiosks on mobile links ping about once a minute; accept that without
// answering GOAWAY too_many_pings.
void AllowClientKeepalive(grpc::ServerBuilder& builder) {
  builder.AddChannelArgument(GRPC_ARG_HTTP2_MIN_RECV_PING_INTERVAL_WITHOUT_DATA_MS, 20000);
  builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_PERMIT_WITHOUT_CALLS, 1);
  builder.AddChannelArgument(GRPC_ARG_HTTP2_MAX_PING_STRIKES, 0);
}

absl::Status WriteDemoTokens(const std::string& path, const std::vector<seed::DemoToken>& tokens) {
  std::ofstream out(path, std::ios::trunc);
  if (!out) return absl::UnavailableError(absl::StrCat("cannot write ", path));
  ::chmod(path.c_str(), 0600);
  out << "# Demo accounts of the seeded district; each line: label, account, bearer token.\n";
  for (const auto& t : tokens) out << t.label << "\t" << t.account << "\t" << t.secret << "\n";
  return out.good() ? absl::OkStatus() : absl::UnavailableError(absl::StrCat("cannot write ", path));
}

}  // namespace

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() {
  if (impl_->server) impl_->server->Shutdown(std::chrono::system_clock::now());
}

absl::StatusOr<std::unique_ptr<Server>> Server::Start(ServerOptions options) {
  auto impl = std::make_unique<Impl>();
  std::filesystem::path db_path(options.database_path);
  if (db_path.has_parent_path()) {
    std::error_code ec;
    std::filesystem::create_directories(db_path.parent_path(), ec);
  }
  storage::DatabaseOptions db_options;
  db_options.path = options.database_path;
  db_options.synchronous_full = options.synchronous_full;
  SK_ASSIGN_OR_RETURN(impl->db, storage::Database::Open(db_options));

  std::string key;
  SK_RETURN_IF_ERROR(impl->db->Write([&](storage::Connection& c) -> absl::Status {
    SK_ASSIGN_OR_RETURN(key, storage::MetaStore::GetOrCreate(c, "page_token_key", RandomKey));
    return absl::OkStatus();
  }));
  impl->tokens = std::make_unique<domain::PageTokenCodec>(key);
  impl->directory = std::make_unique<operations::DirectoryOperations>(*impl->db, options.clock);
  impl->plans =
      std::make_unique<operations::PlanOperations>(*impl->db, *impl->directory, options.clock);
  impl->accounts = std::make_unique<operations::AccountOperations>(*impl->db, options.clock);
  if (options.seed_demo) {
    SK_ASSIGN_OR_RETURN(auto seeded,
                        seed::SeedDemoIfEmpty(*impl->directory, *impl->plans, *impl->accounts));
    if (seeded) {
      impl->demo_tokens = std::move(*seeded);
      std::cerr << "seeded the demo district into " << options.database_path << "\n";
      if (!options.demo_tokens_file.empty()) {
        SK_RETURN_IF_ERROR(WriteDemoTokens(options.demo_tokens_file, impl->demo_tokens));
      }
    }
  }
  impl->authenticator = std::make_unique<auth::Authenticator>(*impl->db, options.clock);
  impl->gate = std::make_unique<CallGate>(*impl->authenticator);
  impl->directory_service =
      std::make_unique<DirectoryServiceImpl>(*impl->directory, *impl->tokens, *impl->gate);
  impl->plan_service = std::make_unique<PlanServiceImpl>(*impl->plans, *impl->tokens, *impl->gate);
  impl->account_service =
      std::make_unique<AccountServiceImpl>(*impl->accounts, *impl->tokens, *impl->gate);
  impl->audit_service = std::make_unique<AuditServiceImpl>(*impl->db, *impl->tokens, *impl->gate);

  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  grpc::ServerBuilder builder;
  builder.AddListeningPort(options.listen_address, grpc::InsecureServerCredentials(), &impl->port);
  builder.RegisterService(impl->directory_service.get());
  builder.RegisterService(impl->plan_service.get());
  builder.RegisterService(impl->account_service.get());
  builder.RegisterService(impl->audit_service.get());
  builder.SetMaxReceiveMessageSize(4 * 1024 * 1024);
  AllowClientKeepalive(builder);
  if (options.log_calls) {
    std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>> creators;
    creators.push_back(std::make_unique<CallLogInterceptorFactory>());
    builder.experimental().SetInterceptorCreators(std::move(creators));
  }
  impl->server = builder.BuildAndStart();
  if (!impl->server || impl->port == 0) {
    return absl::UnavailableError(
        absl::StrCat("cannot listen on ", options.listen_address, " (address in use?)"));
  }
  impl->server->GetHealthCheckService()->SetServingStatus(true);
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

int Server::port() const { return impl_->port; }

const std::vector<seed::DemoToken>& Server::demo_tokens() const { return impl_->demo_tokens; }

void Server::Shutdown(absl::Duration grace) {
  impl_->server->GetHealthCheckService()->SetServingStatus(false);
  impl_->server->Shutdown(absl::ToChronoTime(absl::Now() + grace));
}

void Server::Wait() { impl_->server->Wait(); }

}  // namespace sangkien::api
