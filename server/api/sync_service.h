// sangkien.v1.SyncService over SyncOperations: ListChanges, and
// WatchChanges streams driven by one pump thread that polls the change log
// and keeps at most one message in flight per watcher.
#ifndef SANGKIEN_SERVER_API_SYNC_SERVICE_H_
#define SANGKIEN_SERVER_API_SYNC_SERVICE_H_

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <thread>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "api/call_gate.h"
#include "calendar/clock.h"
#include "domain/page_token.h"
#include "operations/sync_operations.h"
#include "sangkien/v1/sync_service.grpc.pb.h"

namespace sangkien::api {

struct WatchOptions {
  absl::Duration poll_interval = absl::Milliseconds(200);
  absl::Duration heartbeat_interval = absl::Seconds(15);
  // A watcher whose last message has not been taken for this long while
  // changes wait is ended with RESOURCE_EXHAUSTED.
  absl::Duration slow_consumer_timeout = absl::Seconds(30);
  int page_size = operations::kDefaultChangesPageSize;
  // Messages of at least this many bytes may go compressed (see
  // ResponseCompressionInterceptorFactory); heartbeats and small batches do
  // not. 0: none. The server sets it from ServerOptions::compress_min_bytes.
  int64_t compress_min_bytes = 0;
};

class SyncServiceImpl final : public v1::SyncService::CallbackService {
 public:
  SyncServiceImpl(operations::SyncOperations& ops, const domain::PageTokenCodec& tokens,
                  const CallGate& gate, calendar::Clock clock, WatchOptions options = {});
  ~SyncServiceImpl() override;
  const CallGate& gate() const { return gate_; }

  grpc::ServerUnaryReactor* ListChanges(grpc::CallbackServerContext* ctx,
                                        const v1::ListChangesRequest* req,
                                        v1::ListChangesResponse* resp) override;
  grpc::ServerWriteReactor<v1::WatchChangesResponse>* WatchChanges(
      grpc::CallbackServerContext* ctx, const v1::WatchChangesRequest* req) override;

  absl::Status DoListChanges(const domain::Caller& call, const v1::ListChangesRequest& req,
                             v1::ListChangesResponse* resp);

  // Ends every open stream (server shutdown).
  void Shutdown();
  // WatchChanges streams admitted and not yet done (for the metrics).
  int64_t open_streams() const { return open_streams_.load(std::memory_order_relaxed); }

  class Watcher;
  // Converts a page of the feed and seals its marker.
  void FillChanges(const domain::Caller& call, const operations::FeedPage& page,
                   google::protobuf::RepeatedPtrField<v1::Change>* out, std::string* marker) const;
  absl::StatusOr<operations::FeedPage> ReadFrom(const domain::Caller& call,
                                                const std::string& marker, int page_size) const;
  void Wake();
  void Forget(Watcher* watcher);
  std::recursive_mutex& mu() { return mu_; }
  const WatchOptions& options() const { return options_; }

 private:
  void Pump();

  operations::SyncOperations& ops_;
  const domain::PageTokenCodec& tokens_;
  const CallGate& gate_;
  calendar::Clock clock_;
  WatchOptions options_;

  // One lock for the pump and every watcher's state. Recursive because gRPC
  // may run a reaction (OnWriteDone, OnDone) inline from StartWrite or
  // Finish, which the pump calls with the lock held.
  std::recursive_mutex mu_;
  std::condition_variable_any cv_;
  bool wake_ = false;             // guarded by mu_
  bool stop_ = false;             // guarded by mu_
  std::list<Watcher*> watchers_;  // guarded by mu_
  std::atomic<int64_t> open_streams_{0};
  std::thread pump_;
};

}  // namespace sangkien::api

#endif  // SANGKIEN_SERVER_API_SYNC_SERVICE_H_
