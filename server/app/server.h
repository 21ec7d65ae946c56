// Assembles and runs sangkien-server: the core (database and use cases), the gRPC
// services, health checking and reflection, over TLS or (on loopback, or
// when explicitly allowed) plaintext.
#ifndef SANGKIEN_SERVER_APP_SERVER_H_
#define SANGKIEN_SERVER_APP_SERVER_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "api/sync_service.h"
#include "calendar/clock.h"
#include "seed/demo_seed.h"

namespace grpc {
class Channel;
class ServerCredentials;
}  // namespace grpc

namespace sangkien::app {

struct ServerOptions {
  // Port 0: pick a free one. Empty: listen nowhere; calls come only through
  // Server::InProcessChannel() (the fuzz targets).
  std::string listen_address = "127.0.0.1:50051";
  std::string database_path = "var/sangkien.db";
  // Seed the demo district, its accounts and their tokens into an empty
  // database. Off by default: a real installation starts with no accounts.
  bool seed_demo = false;
  // Where to write the demo accounts' tokens when seeding (mode 0600); empty:
  // not written. Their secrets exist nowhere else.
  std::string demo_tokens_file;
  bool synchronous_full = true;
  // Concurrent writes share one transaction (see storage::Database).
  bool group_commit = true;
  bool log_calls = true;
  calendar::Clock clock = calendar::SystemClock();

  // Transport. With a certificate and key (PEM files, given together) the
  // server speaks TLS only. With a client CA bundle as well, every client
  // must present a certificate that CA signed (kiosk devices); bearer tokens
  // are still required on top of it.
  std::string tls_cert_file;
  std::string tls_key_file;
  std::string tls_client_ca_file;
  // Without TLS the server listens only on loopback addresses unless this is
  // set; serving plaintext elsewhere is then logged as such.
  bool allow_insecure = false;

  // WatchChanges: how often the log is polled, heartbeats, slow consumers.
  api::WatchOptions watch;

  // Links that drop. A connection with no call in flight for this long is
  // closed with GOAWAY (clients reconnect on their next call); an open
  // WatchChanges stream is a call in flight, keepalive pings are not.
  // Zero: never. Fifteen minutes keep a desk client working in bursts on one
  // connection (a new TLS handshake costs a few KB on mobile data) and free
  // the connections of devices that went away without closing them.
  absl::Duration idle_connection_timeout = absl::Minutes(15);
  // Replies of at least this many bytes are compressed (gzip) when the
  // client accepts it; smaller ones are not worth the CPU. 0: never.
  int64_t compress_min_bytes = 1024;
  // Where GET /metrics (Prometheus) is served, e.g. "127.0.0.1:9464"; port
  // 0 picks a free one. Empty: no endpoint, and calls are not counted.
  std::string metrics_listen_address;
  // The nightly backups' folder, whose last-backup record the metrics
  // report; empty: "backups" in the database's folder.
  std::string backup_dir;
};

// True for addresses only this machine can reach: 127.0.0.0/8, [::1],
// localhost and unix sockets. "0.0.0.0", "[::]" and other hosts are not.
bool IsLoopbackAddress(const std::string& listen_address);

class Server {
 public:
  // Refuses with INVALID_ARGUMENT when the TLS options do not fit together
  // or a PEM file cannot be read or parsed, and with FAILED_PRECONDITION
  // when asked for plaintext on a non-loopback address without
  // allow_insecure. A metrics address that cannot be parsed is
  // INVALID_ARGUMENT, one that cannot be listened on UNAVAILABLE; either
  // way before the database is touched.
  static absl::StatusOr<std::unique_ptr<Server>> Start(ServerOptions options);
  ~Server();

  int port() const;          // 0 when listening nowhere
  int metrics_port() const;  // 0 without a metrics endpoint
  // A channel to this server that bypasses the network, with the same
  // services and interceptors as a remote client gets.
  std::shared_ptr<grpc::Channel> InProcessChannel();
  // "TLS", "TLS, client certificates required" or "plaintext", for the log.
  const std::string& transport() const;
  // The demo accounts' tokens if this start seeded the database.
  const std::vector<seed::DemoToken>& demo_tokens() const;
  // Runs one real read transaction (the change log's head) through the
  // reader pool: what a watchdog asks before saying the server is alive. A
  // wedged pool or an unreadable database file shows as an error here, where
  // a timer thread alone would keep reporting health.
  absl::Status Probe();
  // Stops taking calls and lets in-flight calls finish within `grace`.
  void Shutdown(absl::Duration grace);
  void Wait();

 private:
  struct Impl;
  explicit Server(std::unique_ptr<Impl> impl);
  // The steps of Start, in order: the core (database, use cases, holidays,
  // the demo seed when asked); the authenticator, gate and services over
  // it; the gRPC server listening with its interceptors.
  static absl::Status OpenCore(const ServerOptions& options, Impl& impl);
  static absl::Status BuildServices(const ServerOptions& options, Impl& impl);
  static absl::Status Listen(const ServerOptions& options,
                             const std::shared_ptr<grpc::ServerCredentials>& credentials,
                             Impl& impl);
  // Registers the gRPC counters and the server's gauges on the endpoint.
  static void RegisterMetrics(const ServerOptions& options, Impl& impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace sangkien::app

#endif  // SANGKIEN_SERVER_APP_SERVER_H_
