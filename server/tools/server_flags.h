// The settings of sangkien-server, one absl flag each. Both sangkien-server
// and sangkienctl link them, so a key of /etc/sangkien/server.conf means the
// same thing to both (sangkienctl takes its database and backup defaults
// from there).
#ifndef SANGKIEN_SERVER_TOOLS_SERVER_FLAGS_H_
#define SANGKIEN_SERVER_TOOLS_SERVER_FLAGS_H_

#include <string>

#include "absl/flags/declare.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "log/log.h"

namespace sangkien::tools {

// SQLite's synchronous mode as a flag type, so a bad value is refused where
// it is read (the command line, or the settings file with its line).
struct SynchronousMode {
  bool full = true;
};
bool AbslParseFlag(absl::string_view text, SynchronousMode* mode, std::string* error);
std::string AbslUnparseFlag(SynchronousMode mode);

// The lowest level of log line written (log::ParseLevel).
struct LogLevel {
  log::Level level = log::Level::kInfo;
};
bool AbslParseFlag(absl::string_view text, LogLevel* level, std::string* error);
std::string AbslUnparseFlag(LogLevel level);

// How long a connection with no call in flight stays open (ParseIdleTimeout).
struct IdleTimeout {
  absl::Duration duration = absl::Minutes(15);
};
bool AbslParseFlag(absl::string_view text, IdleTimeout* timeout, std::string* error);
std::string AbslUnparseFlag(IdleTimeout timeout);

}  // namespace sangkien::tools

ABSL_DECLARE_FLAG(std::string, config);
ABSL_DECLARE_FLAG(std::string, listen);
ABSL_DECLARE_FLAG(std::string, db);
ABSL_DECLARE_FLAG(bool, seed_demo);
ABSL_DECLARE_FLAG(std::string, demo_tokens_file);
ABSL_DECLARE_FLAG(bool, log_calls);
ABSL_DECLARE_FLAG(sangkien::tools::SynchronousMode, synchronous);
ABSL_DECLARE_FLAG(bool, group_commit);
ABSL_DECLARE_FLAG(int, shutdown_grace_seconds);
ABSL_DECLARE_FLAG(std::string, tls_cert);
ABSL_DECLARE_FLAG(std::string, tls_key);
ABSL_DECLARE_FLAG(std::string, tls_client_ca);
ABSL_DECLARE_FLAG(bool, insecure);
ABSL_DECLARE_FLAG(std::string, backup_dir);
ABSL_DECLARE_FLAG(int, backup_keep_days);
ABSL_DECLARE_FLAG(sangkien::tools::IdleTimeout, idle_connection_timeout);
ABSL_DECLARE_FLAG(int64_t, compress_min_bytes);
ABSL_DECLARE_FLAG(std::string, metrics_listen);
ABSL_DECLARE_FLAG(sangkien::tools::LogLevel, log_level);

namespace sangkien::tools {

// Whether the flag named `flag_name`, defined in `flag_file`
// (absl::CommandLineFlag::Filename()), is one of these settings, which a
// config file may name. "config" itself is not.
bool IsServerSetting(const std::string& flag_name, const std::string& flag_file);

// The backup folder: --backup_dir, or "backups" beside the database.
std::string BackupDir();

}  // namespace sangkien::tools

#endif  // SANGKIEN_SERVER_TOOLS_SERVER_FLAGS_H_
