#include "app/server.h"

#include <arpa/inet.h>
#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/grpcpp.h>
#include <grpcpp/health_check_service_interface.h>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "api/account_service.h"
#include "api/audit_service.h"
#include "api/calendar_service.h"
#include "api/call_accounts.h"
#include "api/call_gate.h"
#include "api/call_log_interceptor.h"
#include "api/directory_service.h"
#include "api/grpc_metrics.h"
#include "api/method_table.h"
#include "api/metrics_endpoint.h"
#include "api/plan_service.h"
#include "api/proposal_service.h"
#include "api/publicity_service.h"
#include "api/response_compression.h"
#include "api/search_service.h"
#include "api/sync_service.h"
#include "api/undecodable_request_interceptor.h"
#include "app/server_gauges.h"
#include "auth/authenticator.h"
#include "domain/page_token.h"
#include "log/log.h"
#include "operations/core.h"
#include "seed/demo_seed.h"
#include "seed/holiday_seed.h"
#include "status/status_macros.h"

namespace sangkien::app {

using api::AccountServiceImpl;
using api::AuditServiceImpl;
using api::CalendarServiceImpl;
using api::CallAccounts;
using api::CallGate;
using api::CallLogInterceptorFactory;
using api::DirectoryServiceImpl;
using api::GrpcMetrics;
using api::MethodTable;
using api::MetricsEndpoint;
using api::MetricsInterceptorFactory;
using api::PlanServiceImpl;
using api::ProposalServiceImpl;
using api::PublicityServiceImpl;
using api::ResponseCompressionInterceptorFactory;
using api::SearchServiceImpl;
using api::SyncServiceImpl;
using api::UndecodableRequestInterceptorFactory;

struct Server::Impl {
  // What the interceptors use; declared first so that it outlives the
  // gRPC server below.
  std::unique_ptr<MethodTable> methods;
  std::unique_ptr<CallAccounts> call_accounts;  // with the call log only
  std::shared_ptr<GrpcMetrics> grpc_metrics;    // with the metrics endpoint only
  std::unique_ptr<operations::Core> core;
  std::unique_ptr<auth::Authenticator> authenticator;
  std::unique_ptr<CallGate> gate;
  std::unique_ptr<DirectoryServiceImpl> directory_service;
  std::unique_ptr<PlanServiceImpl> plan_service;
  std::unique_ptr<ProposalServiceImpl> proposal_service;
  std::unique_ptr<AccountServiceImpl> account_service;
  std::unique_ptr<AuditServiceImpl> audit_service;
  std::unique_ptr<CalendarServiceImpl> calendar_service;
  std::unique_ptr<SearchServiceImpl> search_service;
  std::unique_ptr<SyncServiceImpl> sync_service;
  std::unique_ptr<PublicityServiceImpl> publicity_service;
  std::vector<seed::DemoToken> demo_tokens;
  std::unique_ptr<grpc::Server> server;
  int port = 0;
  std::string transport;
  // Last, so it is destroyed first: no scrape may outlive what it reads.
  std::unique_ptr<MetricsEndpoint> metrics;
};

namespace {

// Kiosks on mobile links ping about once a minute; accept that without
// answering GOAWAY too_many_pings.
void AllowClientKeepalive(grpc::ServerBuilder& builder) {
  builder.AddChannelArgument(GRPC_ARG_HTTP2_MIN_RECV_PING_INTERVAL_WITHOUT_DATA_MS, 20000);
  builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_PERMIT_WITHOUT_CALLS, 1);
  builder.AddChannelArgument(GRPC_ARG_HTTP2_MAX_PING_STRIKES, 0);
}

// Pings do not count as activity here: only calls in flight keep a
// connection open past the limit.
void CloseIdleConnections(grpc::ServerBuilder& builder, absl::Duration timeout) {
  if (timeout <= absl::ZeroDuration()) return;
  int64_t ms = std::min<int64_t>(absl::ToInt64Milliseconds(timeout), INT32_MAX);
  builder.AddChannelArgument(GRPC_ARG_MAX_CONNECTION_IDLE_MS, static_cast<int>(ms));
}

absl::Status WriteDemoTokens(const std::string& path, const std::vector<seed::DemoToken>& tokens) {
  std::ofstream out(path, std::ios::trunc);
  if (!out) return absl::UnavailableError(absl::StrCat("cannot write ", path));
  ::chmod(path.c_str(), 0600);
  out << "# Demo accounts of the seeded district; each line: label, account, bearer token\n"
         "# (or, for \"kiosk PIN staff …\", the PIN the staff member types at the kiosk).\n";
  for (const auto& t : tokens) out << t.label << "\t" << t.account << "\t" << t.secret << "\n";
  return out.good() ? absl::OkStatus()
                    : absl::UnavailableError(absl::StrCat("cannot write ", path));
}

absl::StatusOr<std::string> ReadPemFile(const std::string& path, const std::string& flag) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::InvalidArgumentError(
        absl::StrCat(flag, ": cannot read ", path, ": ", std::strerror(errno)));
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  if (!in.good() && !in.eof()) {
    return absl::InvalidArgumentError(absl::StrCat(flag, ": cannot read ", path));
  }
  return buffer.str();
}

// An encrypted key is refused rather than prompted for on the terminal.
int NoPassphrase(char*, int, int, void*) { return 0; }

struct BioDeleter {
  void operator()(BIO* b) const { BIO_free(b); }
};
struct X509Deleter {
  void operator()(X509* x) const { X509_free(x); }
};
struct PkeyDeleter {
  void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};

std::unique_ptr<BIO, BioDeleter> MemoryBio(const std::string& pem) {
  return std::unique_ptr<BIO, BioDeleter>(
      BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
}

// Parses what gRPC would otherwise reject later with a message that names
// neither the file nor the reason.
absl::Status CheckServerPem(const ServerOptions& options, const std::string& cert_pem,
                            const std::string& key_pem) {
  auto cert_bio = MemoryBio(cert_pem);
  std::unique_ptr<X509, X509Deleter> cert(
      PEM_read_bio_X509(cert_bio.get(), nullptr, NoPassphrase, nullptr));
  if (!cert) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--tls_cert: ", options.tls_cert_file, " holds no PEM certificate (BEGIN CERTIFICATE)"));
  }
  auto key_bio = MemoryBio(key_pem);
  std::unique_ptr<EVP_PKEY, PkeyDeleter> key(
      PEM_read_bio_PrivateKey(key_bio.get(), nullptr, NoPassphrase, nullptr));
  if (!key) {
    return absl::InvalidArgumentError(
        absl::StrCat("--tls_key: ", options.tls_key_file,
                     " holds no unencrypted PEM private key (BEGIN PRIVATE KEY)"));
  }
  if (X509_check_private_key(cert.get(), key.get()) != 1) {
    return absl::InvalidArgumentError(absl::StrCat("--tls_key: ", options.tls_key_file,
                                                   " is not the key of the certificate in ",
                                                   options.tls_cert_file));
  }
  return absl::OkStatus();
}

absl::Status CheckCaPem(const ServerOptions& options, const std::string& ca_pem) {
  auto bio = MemoryBio(ca_pem);
  std::unique_ptr<X509, X509Deleter> ca(
      PEM_read_bio_X509(bio.get(), nullptr, NoPassphrase, nullptr));
  if (!ca) {
    return absl::InvalidArgumentError(
        absl::StrCat("--tls_client_ca: ", options.tls_client_ca_file,
                     " holds no PEM certificate (BEGIN CERTIFICATE)"));
  }
  return absl::OkStatus();
}

struct Transport {
  std::shared_ptr<grpc::ServerCredentials> credentials;
  bool tls = false;
  std::string description;
};

// The credentials the options ask for, or why they cannot be had.
absl::StatusOr<Transport> MakeTransport(const ServerOptions& options) {
  bool has_cert = !options.tls_cert_file.empty();
  bool has_key = !options.tls_key_file.empty();
  if (has_cert != has_key) {
    return absl::InvalidArgumentError(
        "--tls_cert and --tls_key go together: give both PEM files, or neither for plaintext");
  }
  if (!has_cert) {
    if (!options.tls_client_ca_file.empty()) {
      return absl::InvalidArgumentError(
          "--tls_client_ca needs --tls_cert and --tls_key: client certificates are checked only "
          "over TLS");
    }
    if (!options.listen_address.empty() && !IsLoopbackAddress(options.listen_address) &&
        !options.allow_insecure) {
      return absl::FailedPreconditionError(absl::StrCat(
          "refusing to serve plaintext on ", options.listen_address,
          ", which is not a loopback address: give --tls_cert and --tls_key, or --insecure to "
          "accept that bearer tokens and data cross the network unencrypted"));
    }
    return Transport{grpc::InsecureServerCredentials(), false, "plaintext"};
  }
  absl::StatusOr<std::string> cert = ReadPemFile(options.tls_cert_file, "--tls_cert");
  if (!cert.ok()) return cert.status();
  absl::StatusOr<std::string> key = ReadPemFile(options.tls_key_file, "--tls_key");
  if (!key.ok()) return key.status();
  SK_RETURN_IF_ERROR(CheckServerPem(options, *cert, *key));
  grpc::SslServerCredentialsOptions ssl(GRPC_SSL_DONT_REQUEST_CLIENT_CERTIFICATE);
  ssl.pem_key_cert_pairs.push_back({*key, *cert});
  std::string description = "TLS";
  if (!options.tls_client_ca_file.empty()) {
    absl::StatusOr<std::string> ca = ReadPemFile(options.tls_client_ca_file, "--tls_client_ca");
    if (!ca.ok()) return ca.status();
    SK_RETURN_IF_ERROR(CheckCaPem(options, *ca));
    ssl.client_certificate_request = GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY;
    ssl.pem_root_certs = *ca;
    description = "TLS, client certificates required";
  }
  return Transport{grpc::SslServerCredentials(ssl), true, description};
}

// A database with no account can only be read by the public; the log says
// how an IT officer makes the first admin (who then makes everyone else).
absl::Status SayHowToMakeTheFirstAdmin(operations::AccountOperations& accounts,
                                       const std::string& database_path) {
  domain::ListQuery query;
  query.page_size = 1;
  SK_ASSIGN_OR_RETURN(auto page, accounts.ListAccounts(query));
  if (!page.items.empty()) return absl::OkStatus();
  log::Warning(
      "the database has no accounts yet: create the first admin (its token is printed "
      "once)",
      {{"database", database_path},
       {"command", absl::StrCat("sangkienctl account create --name \"Quản trị hệ "
                                "thống\" --role admin --db ",
                                database_path)}});
  return absl::OkStatus();
}

}  // namespace

bool IsLoopbackAddress(const std::string& listen_address) {
  std::string address = listen_address;
  if (absl::StartsWith(address, "unix:") || absl::StartsWith(address, "unix-abstract:")) {
    return true;
  }
  for (const char* scheme : {"ipv4:", "ipv6:"}) {
    if (absl::StartsWith(address, scheme)) address = address.substr(std::strlen(scheme));
  }
  std::string host;
  if (!address.empty() && address[0] == '[') {
    size_t close = address.find(']');
    if (close == std::string::npos) return false;
    host = address.substr(1, close - 1);
  } else {
    size_t colon = address.rfind(':');
    host = colon == std::string::npos ? address : address.substr(0, colon);
  }
  if (absl::AsciiStrToLower(host) == "localhost") return true;
  in_addr v4;
  if (inet_pton(AF_INET, host.c_str(), &v4) == 1) {
    return (ntohl(v4.s_addr) >> 24) == 127;
  }
  in6_addr v6;
  if (inet_pton(AF_INET6, host.c_str(), &v6) == 1) {
    if (IN6_IS_ADDR_LOOPBACK(&v6)) return true;
    // ::ffff:127.x.x.x
    return IN6_IS_ADDR_V4MAPPED(&v6) && v6.s6_addr[12] == 127;
  }
  return false;
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() {
  if (impl_->sync_service) impl_->sync_service->Shutdown();
  if (impl_->server) impl_->server->Shutdown(std::chrono::system_clock::now());
}

absl::StatusOr<std::unique_ptr<Server>> Server::Start(ServerOptions options) {
  // Settle the transport before touching the database.
  SK_ASSIGN_OR_RETURN(Transport transport, MakeTransport(options));
  if (!transport.tls && !options.listen_address.empty() &&
      !IsLoopbackAddress(options.listen_address)) {
    log::Warning(
        "serving plaintext (no TLS) because --insecure was given: bearer "
        "tokens and data cross the network unencrypted",
        {{"address", options.listen_address}});
  }
  auto impl = std::make_unique<Impl>();
  impl->transport = transport.description;
  // The metrics address too is settled before the database is touched.
  if (!options.metrics_listen_address.empty()) {
    SK_ASSIGN_OR_RETURN(impl->metrics, MetricsEndpoint::Start(options.metrics_listen_address));
    if (!IsLoopbackAddress(options.metrics_listen_address)) {
      log::Warning(
          "the metrics endpoint is reachable from other machines: it carries no "
          "secrets but names methods and counts calls; keep it behind a firewall",
          {{"metrics_address", options.metrics_listen_address}});
    }
  }
  SK_RETURN_IF_ERROR(OpenCore(options, *impl));
  SK_RETURN_IF_ERROR(SayHowToMakeTheFirstAdmin(impl->core->accounts(), options.database_path));
  options.watch.compress_min_bytes = options.compress_min_bytes;
  SK_RETURN_IF_ERROR(BuildServices(options, *impl));
  SK_RETURN_IF_ERROR(Listen(options, transport.credentials, *impl));
  if (impl->metrics) RegisterMetrics(options, *impl);
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

absl::Status Server::OpenCore(const ServerOptions& options, Impl& impl) {
  operations::CoreOptions core_options;
  core_options.database_path = options.database_path;
  core_options.synchronous_full = options.synchronous_full;
  core_options.group_commit = options.group_commit;
  core_options.clock = options.clock;
  SK_ASSIGN_OR_RETURN(impl.core, operations::Core::Open(core_options));
  operations::Core& core = *impl.core;
  // The holiday calendar is product data: loaded into a new database on its
  // first start, demo or not.
  SK_RETURN_IF_ERROR(seed::LoadShippedHolidays(core.calendar()).status());
  if (options.seed_demo) {
    SK_ASSIGN_OR_RETURN(auto seeded,
                        seed::SeedDemoIfEmpty(core.directory(), core.plans(), core.accounts(),
                                              core.proposals(), core.publicity()));
    if (seeded) {
      impl.demo_tokens = std::move(*seeded);
      log::Info("seeded the demo district", {{"database", options.database_path}});
      if (!options.demo_tokens_file.empty()) {
        SK_RETURN_IF_ERROR(WriteDemoTokens(options.demo_tokens_file, impl.demo_tokens));
      }
    }
  }
  return absl::OkStatus();
}

absl::Status Server::BuildServices(const ServerOptions& options, Impl& impl) {
  operations::Core& core = *impl.core;
  impl.authenticator = std::make_unique<auth::Authenticator>(core.token_store(), options.clock);
  SK_ASSIGN_OR_RETURN(
      MethodTable methods,
      MethodTable::Build(
          {v1::DirectoryService::service_full_name(), v1::PlanService::service_full_name(),
           v1::ProposalService::service_full_name(), v1::AccountService::service_full_name(),
           v1::AuditService::service_full_name(), v1::HolidayCalendarService::service_full_name(),
           v1::SearchService::service_full_name(), v1::SyncService::service_full_name(),
           v1::PublicityService::service_full_name()}));
  impl.methods = std::make_unique<MethodTable>(std::move(methods));
  if (options.log_calls) impl.call_accounts = std::make_unique<CallAccounts>();
  impl.gate = std::make_unique<CallGate>(*impl.authenticator, impl.call_accounts.get());
  impl.directory_service =
      std::make_unique<DirectoryServiceImpl>(core.directory(), core.page_tokens(), *impl.gate);
  impl.plan_service =
      std::make_unique<PlanServiceImpl>(core.plans(), core.page_tokens(), *impl.gate);
  impl.proposal_service = std::make_unique<ProposalServiceImpl>(core.proposals(), core.publicity(),
                                                                core.page_tokens(), *impl.gate);
  impl.account_service =
      std::make_unique<AccountServiceImpl>(core.accounts(), core.page_tokens(), *impl.gate);
  impl.audit_service =
      std::make_unique<AuditServiceImpl>(core.audit(), core.page_tokens(), *impl.gate);
  impl.calendar_service =
      std::make_unique<CalendarServiceImpl>(core.calendar(), core.page_tokens(), *impl.gate);
  impl.search_service =
      std::make_unique<SearchServiceImpl>(core.search(), core.page_tokens(), *impl.gate);
  impl.sync_service = std::make_unique<SyncServiceImpl>(core.sync(), core.page_tokens(), *impl.gate,
                                                        options.clock, options.watch);
  impl.publicity_service = std::make_unique<PublicityServiceImpl>(
      core.publicity(), core.plans(), core.directory(), core.page_tokens(), *impl.gate);
  return absl::OkStatus();
}

absl::Status Server::Listen(const ServerOptions& options,
                            const std::shared_ptr<grpc::ServerCredentials>& credentials,
                            Impl& impl) {
  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  grpc::ServerBuilder builder;
  if (!options.listen_address.empty()) {
    builder.AddListeningPort(options.listen_address, credentials, &impl.port);
  }
  builder.RegisterService(impl.directory_service.get());
  builder.RegisterService(impl.plan_service.get());
  builder.RegisterService(impl.proposal_service.get());
  builder.RegisterService(impl.account_service.get());
  builder.RegisterService(impl.audit_service.get());
  builder.RegisterService(impl.calendar_service.get());
  builder.RegisterService(impl.search_service.get());
  builder.RegisterService(impl.sync_service.get());
  builder.RegisterService(impl.publicity_service.get());
  builder.SetMaxReceiveMessageSize(4 * 1024 * 1024);
  AllowClientKeepalive(builder);
  CloseIdleConnections(builder, options.idle_connection_timeout);
  std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>> creators;
  creators.push_back(std::make_unique<UndecodableRequestInterceptorFactory>());
  creators.push_back(
      std::make_unique<ResponseCompressionInterceptorFactory>(options.compress_min_bytes));
  if (options.log_calls) {
    creators.push_back(
        std::make_unique<CallLogInterceptorFactory>(*impl.methods, *impl.call_accounts));
  }
  if (impl.metrics) {
    impl.grpc_metrics = std::make_shared<GrpcMetrics>(*impl.methods);
    creators.push_back(
        std::make_unique<MetricsInterceptorFactory>(*impl.methods, *impl.grpc_metrics));
  }
  builder.experimental().SetInterceptorCreators(std::move(creators));
  impl.server = builder.BuildAndStart();
  if (!impl.server || (impl.port == 0 && !options.listen_address.empty())) {
    return absl::UnavailableError(
        absl::StrCat("cannot listen on ", options.listen_address, " (address in use?)"));
  }
  impl.server->GetHealthCheckService()->SetServingStatus(true);
  return absl::OkStatus();
}

void Server::RegisterMetrics(const ServerOptions& options, Impl& impl) {
  impl.metrics->Register(impl.grpc_metrics);
  ServerGauges::Sources sources;
  operations::SyncOperations* sync = &impl.core->sync();
  sources.feed_head = [sync] { return sync->LatestSeq(); };
  SyncServiceImpl* sync_service = impl.sync_service.get();
  sources.watch_streams = [sync_service] { return sync_service->open_streams(); };
  sources.writes = &impl.core->write_stats();
  sources.database_path = options.database_path;
  sources.backup_dir = options.backup_dir;
  if (sources.backup_dir.empty()) {
    sources.backup_dir =
        (std::filesystem::path(options.database_path).parent_path() / "backups").string();
  }
  AuditServiceImpl* audit = impl.audit_service.get();
  sources.in_server_audit_check = [audit]() -> std::optional<AuditCheck> {
    auto last = audit->last_verification();
    if (!last) return std::nullopt;
    return AuditCheck{last->time, last->intact};
  };
  impl.metrics->Register(std::make_shared<ServerGauges>(std::move(sources)));
}

int Server::port() const { return impl_->port; }

int Server::metrics_port() const { return impl_->metrics ? impl_->metrics->port() : 0; }

const std::string& Server::transport() const { return impl_->transport; }

std::shared_ptr<grpc::Channel> Server::InProcessChannel() {
  return impl_->server->InProcessChannel(grpc::ChannelArguments());
}

const std::vector<seed::DemoToken>& Server::demo_tokens() const { return impl_->demo_tokens; }

absl::Status Server::Probe() { return impl_->core->Probe(); }

void Server::Shutdown(absl::Duration grace) {
  impl_->server->GetHealthCheckService()->SetServingStatus(false);
  // Open change streams would hold the shutdown for the whole grace period.
  impl_->sync_service->Shutdown();
  impl_->server->Shutdown(absl::ToChronoTime(absl::Now() + grace));
}

void Server::Wait() { impl_->server->Wait(); }

}  // namespace sangkien::app
