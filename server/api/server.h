// Assembles and runs sangkien-server: storage, operations, the gRPC
// services, health checking and reflection.
#ifndef SANGKIEN_SERVER_API_SERVER_H_
#define SANGKIEN_SERVER_API_SERVER_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "operations/clock.h"
#include "seed/demo_seed.h"

namespace sangkien::api {

struct ServerOptions {
  std::string listen_address = "127.0.0.1:50051";  // port 0: pick a free one
  std::string database_path = "var/sangkien.db";
  bool seed_demo = true;  // seed the demo district into an empty database
  // Where to write the demo accounts' tokens when seeding (mode 0600); empty:
  // not written. Their secrets exist nowhere else.
  std::string demo_tokens_file;
  bool synchronous_full = true;
  bool log_calls = true;
  operations::Clock clock = operations::SystemClock();
};

class Server {
 public:
  static absl::StatusOr<std::unique_ptr<Server>> Start(ServerOptions options);
  ~Server();

  int port() const;
  // The demo accounts' tokens if this start seeded the database.
  const std::vector<seed::DemoToken>& demo_tokens() const;
  // Stops taking calls and lets in-flight calls finish within `grace`.
  void Shutdown(absl::Duration grace);
  void Wait();

 private:
  struct Impl;
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace sangkien::api

#endif  // SANGKIEN_SERVER_API_SERVER_H_
