// sangkien-server: serves the gRPC API on a SQLite file. Its settings are the
// flags in server_flags.cc, read from /etc/sangkien/server.conf (or
// --config FILE) and then from the command line, which wins. It logs one
// logfmt line per event to stderr (journald under systemd).
#include <csignal>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "app/server.h"
#include "log/log.h"
#include "tools/config_file.h"
#include "tools/server_flags.h"
#include "tools/service_notify.h"

namespace {

// Exit codes: 2 for settings that cannot be used (a bad flag or settings
// file), 1 for a start that failed for another reason.
constexpr int kBadSettings = 2;
constexpr int kStartFailed = 1;

// Every refused start is one line saying why.
int Refuse(int exit_code, std::string_view why) {
  sangkien::log::Error("not started", {{"error", why}});
  return exit_code;
}

// The server's options from the parsed flags; INVALID_ARGUMENT saying which
// setting cannot be used.
absl::StatusOr<sangkien::app::ServerOptions> OptionsFromFlags() {
  sangkien::app::ServerOptions options;
  options.listen_address = absl::GetFlag(FLAGS_listen);
  if (options.listen_address.empty()) {
    return absl::InvalidArgumentError("--listen (setting listen) needs an address:port");
  }
  options.database_path = absl::GetFlag(FLAGS_db);
  options.seed_demo = absl::GetFlag(FLAGS_seed_demo);
  options.demo_tokens_file = absl::GetFlag(FLAGS_demo_tokens_file);
  if (options.demo_tokens_file.empty())
    options.demo_tokens_file = options.database_path + ".demo-tokens";
  options.log_calls = absl::GetFlag(FLAGS_log_calls);
  options.synchronous_full = absl::GetFlag(FLAGS_synchronous).full;
  options.group_commit = absl::GetFlag(FLAGS_group_commit);
  options.tls_cert_file = absl::GetFlag(FLAGS_tls_cert);
  options.tls_key_file = absl::GetFlag(FLAGS_tls_key);
  options.tls_client_ca_file = absl::GetFlag(FLAGS_tls_client_ca);
  options.allow_insecure = absl::GetFlag(FLAGS_insecure);
  options.idle_connection_timeout = absl::GetFlag(FLAGS_idle_connection_timeout).duration;
  options.compress_min_bytes = absl::GetFlag(FLAGS_compress_min_bytes);
  if (options.compress_min_bytes < 0) {
    return absl::InvalidArgumentError(
        "--compress_min_bytes (setting compress_min_bytes) must be 0 (never compress) or a "
        "number of bytes");
  }
  options.metrics_listen_address = absl::GetFlag(FLAGS_metrics_listen);
  options.backup_dir = sangkien::tools::BackupDir();
  return options;
}

}  // namespace

int main(int argc, char** argv) {
  namespace log = sangkien::log;
#ifdef NDEBUG
  // Debian's Abseil checks every mutex acquisition for lock-order cycles,
  // gRPC's own locks included: bookkeeping on every call of a production
  // server. Test and debug builds keep the check.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
#endif
  absl::SetProgramUsageMessage(
      "Sáng Kiến gRPC server. Settings come from /etc/sangkien/server.conf (or --config FILE), "
      "then from flags such as --listen, --db, --tls_cert, --tls_key, --tls_client_ca, "
      "--insecure, --metrics_listen, --log_level; see docs/OPERATIONS.md");
  // The settings file first, so that flags given on the command line win.
  std::vector<std::string> args(argv + 1, argv + argc);
  std::string config = sangkien::tools::TakeConfigPath(args);
  if (!config.empty()) {
    if (absl::Status s = sangkien::tools::ApplyConfigFile(config); !s.ok()) {
      return Refuse(kBadSettings, std::string(s.message()));
    }
  }
  if (absl::Status s = sangkien::tools::CheckCommandLineSettings(args); !s.ok()) {
    return Refuse(kBadSettings, std::string(s.message()));
  }
  std::vector<char*> rest = {argv[0]};
  for (std::string& arg : args) rest.push_back(arg.data());
  absl::ParseCommandLine(static_cast<int>(rest.size()), rest.data());
  log::Level level = absl::GetFlag(FLAGS_log_level).level;
  log::SetLevel(level);

  // Block the stop signals in every thread (gRPC's threads inherit this mask)
  // and wait for them here, so shutdown runs on an ordinary thread.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  absl::StatusOr<sangkien::app::ServerOptions> options = OptionsFromFlags();
  if (!options.ok()) return Refuse(kBadSettings, std::string(options.status().message()));

  auto server = sangkien::app::Server::Start(*options);
  if (!server.ok()) return Refuse(kStartFailed, server.status().ToString());
  // The metrics address with the port actually bound (port 0 picks one).
  std::string metrics = "off";
  if (!options->metrics_listen_address.empty()) {
    const std::string& address = options->metrics_listen_address;
    metrics = absl::StrCat(address.substr(0, address.rfind(':')), ":", (*server)->metrics_port());
  }
  log::Info("listening", {{"port", (*server)->port()},
                          {"address", options->listen_address},
                          {"transport", (*server)->transport()},
                          {"database", options->database_path},
                          {"settings", config.empty() ? "none" : config},
                          {"metrics", metrics},
                          {"log_level", log::LevelName(level)}});
  // Machine-readable line for scripts and tests that start on port 0.
  std::cout << "LISTENING " << (*server)->port() << std::endl;
  // Under systemd (Type=notify): ready now, and a watchdog that reads the
  // database. Elsewhere a no-op.
  sangkien::tools::ServiceNotifier notifier([&server] { return (*server)->Probe(); });
  notifier.Ready(absl::StrCat("serving on port ", (*server)->port(), ", ", (*server)->transport()));

  int sig = 0;
  sigwait(&stop_signals, &sig);
  log::Info("stopping: finishing in-flight calls",
            {{"signal", sig}, {"grace_seconds", absl::GetFlag(FLAGS_shutdown_grace_seconds)}});
  notifier.Stopping("finishing in-flight calls");
  (*server)->Shutdown(absl::Seconds(absl::GetFlag(FLAGS_shutdown_grace_seconds)));
  (*server)->Wait();
  log::Info("stopped");
  return 0;
}
