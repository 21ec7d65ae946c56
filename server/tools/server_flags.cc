#include "tools/server_flags.h"

#include <filesystem>

#include "absl/flags/flag.h"
#include "absl/strings/match.h"
#include "tools/idle_timeout.h"

ABSL_FLAG(std::string, config, "",
          "settings file (key = value lines; keys are these flags' names); default "
          "/etc/sangkien/server.conf when it exists. Flags on the command line win");
ABSL_FLAG(std::string, listen, "127.0.0.1:50051", "address:port to listen on (port 0: any free)");
ABSL_FLAG(std::string, db, "var/sangkien.db", "SQLite database file (created if missing)");
ABSL_FLAG(bool, seed_demo, false,
          "seed the demo district, with demo accounts and their tokens, into an empty database "
          "(for trying the product; never on a real installation)");
ABSL_FLAG(std::string, demo_tokens_file, "",
          "when seeding, write the demo accounts' tokens here (default: <db>.demo-tokens)");
ABSL_FLAG(bool, log_calls, true, "log one line per call: method, status, milliseconds");
ABSL_FLAG(sangkien::tools::SynchronousMode, synchronous, sangkien::tools::SynchronousMode{},
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
ABSL_FLAG(std::string, backup_dir, "",
          "folder of the nightly backups (sangkienctl backup --into); default: backups beside "
          "the database");
ABSL_FLAG(int, backup_keep_days, 14, "sangkienctl backup: remove backups older than this");
ABSL_FLAG(sangkien::tools::IdleTimeout, idle_connection_timeout, sangkien::tools::IdleTimeout{},
          "close connections with no call in flight after this long: seconds (900) or a "
          "duration (15m, 1h); 0: never. An open WatchChanges stream is a call in flight; "
          "keepalive pings are not");
ABSL_FLAG(std::string, metrics_listen, "127.0.0.1:9464",
          "address:port of the Prometheus endpoint GET /metrics (port 0: any free; empty: off); "
          "keep it on loopback or behind a firewall");
ABSL_FLAG(sangkien::tools::LogLevel, log_level, sangkien::tools::LogLevel{},
          "debug, info, warning or error: log lines below it are dropped (calls are info, "
          "health checks debug)");
ABSL_FLAG(int64_t, compress_min_bytes, 1024,
          "compress (gzip) replies of at least this many bytes for clients that accept it; 0: "
          "never");

namespace sangkien::tools {

bool AbslParseFlag(absl::string_view text, SynchronousMode* mode, std::string* error) {
  if (text == "full" || text == "normal") {
    mode->full = text == "full";
    return true;
  }
  *error = "must be full (durable across power loss) or normal (benchmarks)";
  return false;
}

std::string AbslUnparseFlag(SynchronousMode mode) { return mode.full ? "full" : "normal"; }

bool AbslParseFlag(absl::string_view text, LogLevel* level, std::string* error) {
  if (log::ParseLevel(std::string_view(text.data(), text.size()), &level->level)) return true;
  *error = "must be debug, info, warning or error";
  return false;
}

std::string AbslUnparseFlag(LogLevel level) { return std::string(log::LevelName(level.level)); }

bool AbslParseFlag(absl::string_view text, IdleTimeout* timeout, std::string* error) {
  absl::StatusOr<absl::Duration> parsed = ParseIdleTimeout(text, "idle_connection_timeout");
  if (!parsed.ok()) {
    *error = std::string(parsed.status().message());
    return false;
  }
  timeout->duration = *parsed;
  return true;
}

std::string AbslUnparseFlag(IdleTimeout timeout) { return absl::FormatDuration(timeout.duration); }

bool IsServerSetting(const std::string& flag_name, const std::string& flag_file) {
  return flag_name != "config" && absl::EndsWith(flag_file, "tools/server_flags.cc");
}

std::string BackupDir() {
  std::string dir = absl::GetFlag(FLAGS_backup_dir);
  if (!dir.empty()) return dir;
  std::filesystem::path db(absl::GetFlag(FLAGS_db));
  return (db.parent_path() / "backups").string();
}

}  // namespace sangkien::tools
