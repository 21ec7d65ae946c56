// sangkien-server: serves the gRPC API on a SQLite file.
#include <csignal>
#include <iostream>
#include <string>
#include <string_view>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_cat.h"
#include "api/server.h"
#include "log/log.h"

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
ABSL_FLAG(std::string, metrics_listen, "127.0.0.1:9464",
          "address:port of the Prometheus endpoint GET /metrics (port 0: any free; empty: off); "
          "keep it on loopback or behind a firewall");
ABSL_FLAG(std::string, log_level, "info",
          "debug, info, warning or error: log lines below it are dropped (calls are info, "
          "health checks debug)");
ABSL_FLAG(std::string, backup_dir, "",
          "folder of the nightly backups, whose last-backup record the metrics report "
          "(default: backups beside --db)");

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "Sáng Kiến gRPC server. Flags: --listen, --db, --seed_demo, --tls_cert, --tls_key, "
      "--tls_client_ca, --insecure, ... (see docs/OPERATIONS.md)");
  absl::ParseCommandLine(argc, argv);
  namespace log = sangkien::log;
  // Every refused start is one line saying why.
  auto refuse = [](int exit_code, std::string_view why) {
    log::Error("not started", {{"error", why}});
    return exit_code;
  };
  log::Level level;
  if (!log::ParseLevel(absl::GetFlag(FLAGS_log_level), &level)) {
    return refuse(2, "--log_level must be debug, info, warning or error");
  }
  log::SetLevel(level);

  // Block the stop signals in every thread (gRPC's threads inherit this mask)
  // and wait for them here, so shutdown runs on an ordinary thread.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  sangkien::api::ServerOptions options;
  options.listen_address = absl::GetFlag(FLAGS_listen);
  if (options.listen_address.empty()) return refuse(2, "--listen needs an address:port");
  options.database_path = absl::GetFlag(FLAGS_db);
  options.seed_demo = absl::GetFlag(FLAGS_seed_demo);
  options.demo_tokens_file = absl::GetFlag(FLAGS_demo_tokens_file);
  if (options.demo_tokens_file.empty())
    options.demo_tokens_file = options.database_path + ".demo-tokens";
  options.log_calls = absl::GetFlag(FLAGS_log_calls);
  std::string sync = absl::GetFlag(FLAGS_synchronous);
  if (sync != "full" && sync != "normal") {
    return refuse(2, "--synchronous must be full or normal");
  }
  options.synchronous_full = sync == "full";
  options.group_commit = absl::GetFlag(FLAGS_group_commit);
  options.tls_cert_file = absl::GetFlag(FLAGS_tls_cert);
  options.tls_key_file = absl::GetFlag(FLAGS_tls_key);
  options.tls_client_ca_file = absl::GetFlag(FLAGS_tls_client_ca);
  options.allow_insecure = absl::GetFlag(FLAGS_insecure);
  options.metrics_listen_address = absl::GetFlag(FLAGS_metrics_listen);
  options.backup_dir = absl::GetFlag(FLAGS_backup_dir);

  auto server = sangkien::api::Server::Start(options);
  if (!server.ok()) return refuse(1, server.status().ToString());
  // The metrics address with the port actually bound (port 0 picks one).
  std::string metrics = "off";
  if (!options.metrics_listen_address.empty()) {
    const std::string& address = options.metrics_listen_address;
    metrics = absl::StrCat(address.substr(0, address.rfind(':')), ":", (*server)->metrics_port());
  }
  log::Info("listening", {{"port", (*server)->port()},
                          {"address", options.listen_address},
                          {"transport", (*server)->transport()},
                          {"database", options.database_path},
                          {"metrics", metrics},
                          {"log_level", log::LevelName(level)}});
  // Machine-readable line for scripts and tests that start on port 0.
  std::cout << "LISTENING " << (*server)->port() << std::endl;

  int sig = 0;
  sigwait(&stop_signals, &sig);
  log::Info("stopping: finishing in-flight calls",
            {{"signal", sig}, {"grace_seconds", absl::GetFlag(FLAGS_shutdown_grace_seconds)}});
  (*server)->Shutdown(absl::Seconds(absl::GetFlag(FLAGS_shutdown_grace_seconds)));
  (*server)->Wait();
  log::Info("stopped");
  return 0;
}
