// sangkien-server: serves the gRPC API on a SQLite file.
#include <csignal>
#include <iostream>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_cat.h"
#include "api/server.h"
#include "tools/service_notify.h"

ABSL_FLAG(std::string, listen, "127.0.0.1:50051", "address:port to listen on (port 0: any free)");
ABSL_FLAG(std::string, db, "var/sangkien.db", "SQLite database file (created if missing)");
ABSL_FLAG(bool, seed_demo, true, "seed the demo district into an empty database");
ABSL_FLAG(std::string, demo_tokens_file, "",
          "when seeding, write the demo accounts' tokens here (default: <db>.demo-tokens)");
ABSL_FLAG(bool, log_calls, true, "log one line per call: method, status, milliseconds");
ABSL_FLAG(std::string, synchronous, "full",
          "SQLite synchronous mode: full (durable across power loss) or normal (benchmarks)");
ABSL_FLAG(bool, group_commit, true,
          "commit concurrent writes together (off: one transaction per write, for comparison)");
ABSL_FLAG(int, shutdown_grace_seconds, 10, "how long in-flight calls may run after SIGTERM");
ABSL_FLAG(std::string, tls_cert, "",
          "PEM certificate (chain) of the server; with --tls_key, serve TLS only");
ABSL_FLAG(std::string, tls_key, "", "PEM private key of --tls_cert (unencrypted, mode 0600)");
ABSL_FLAG(std::string, tls_client_ca, "",
          "PEM CA certificate(s): require every client to present a certificate signed by one");
ABSL_FLAG(bool, insecure, false,
          "allow plaintext (no TLS) on an address other than loopback; logged as such");

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "Sáng Kiến gRPC server. Flags: --listen, --db, --seed_demo, --tls_cert, --tls_key, "
      "--tls_client_ca, --insecure, ... (see docs/OPERATIONS.md)");
  absl::ParseCommandLine(argc, argv);

  // Block the stop signals in every thread (gRPC's threads inherit this mask)
  // and wait for them here, so shutdown runs on an ordinary thread.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  sangkien::api::ServerOptions options;
  options.listen_address = absl::GetFlag(FLAGS_listen);
  if (options.listen_address.empty()) {
    std::cerr << "--listen needs an address:port\n";
    return 2;
  }
  options.database_path = absl::GetFlag(FLAGS_db);
  options.seed_demo = absl::GetFlag(FLAGS_seed_demo);
  options.demo_tokens_file = absl::GetFlag(FLAGS_demo_tokens_file);
  if (options.demo_tokens_file.empty())
    options.demo_tokens_file = options.database_path + ".demo-tokens";
  options.log_calls = absl::GetFlag(FLAGS_log_calls);
  std::string sync = absl::GetFlag(FLAGS_synchronous);
  if (sync != "full" && sync != "normal") {
    std::cerr << "--synchronous must be full or normal\n";
    return 2;
  }
  options.synchronous_full = sync == "full";
  options.group_commit = absl::GetFlag(FLAGS_group_commit);
  options.tls_cert_file = absl::GetFlag(FLAGS_tls_cert);
  options.tls_key_file = absl::GetFlag(FLAGS_tls_key);
  options.tls_client_ca_file = absl::GetFlag(FLAGS_tls_client_ca);
  options.allow_insecure = absl::GetFlag(FLAGS_insecure);

  auto server = sangkien::api::Server::Start(options);
  if (!server.ok()) {
    std::cerr << "sangkien-server: " << server.status() << "\n";
    return 1;
  }
  std::cerr << "sangkien-server listening on port " << (*server)->port() << " ("
            << options.listen_address << ", " << (*server)->transport() << "), database "
            << options.database_path << std::endl;
  // Machine-readable line for scripts and tests that start on port 0.
  std::cout << "LISTENING " << (*server)->port() << std::endl;
  // Under systemd (Type=notify): ready now, and a watchdog that reads the
  // database. Elsewhere a no-op.
  sangkien::tools::ServiceNotifier notifier([&server] { return (*server)->Probe(); });
  notifier.Ready(absl::StrCat("serving on port ", (*server)->port(), ", ", (*server)->transport()));

  int sig = 0;
  sigwait(&stop_signals, &sig);
  std::cerr << "sangkien-server: signal " << sig << ", finishing in-flight calls" << std::endl;
  notifier.Stopping("finishing in-flight calls");
  (*server)->Shutdown(absl::Seconds(absl::GetFlag(FLAGS_shutdown_grace_seconds)));
  (*server)->Wait();
  std::cerr << "sangkien-server: stopped" << std::endl;
  return 0;
}
