// Links that drop: idle connections closed after the configured time while
// open change streams survive it, client keepalive pings accepted at the
// kiosk's pace and faster, and large replies compressed for clients that
// accept gzip while small ones (and clients that do not) go plain. Bytes
// and connections are counted by a relay between client and server.
#include <grpc/compression.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "app/server.h"
#include "byte_relay.h"
#include "sangkien/v1/sync_service.grpc.pb.h"
#include "testing/temp_dir.h"
#include "tools/idle_timeout.h"

namespace sangkien::api_test {
namespace {

namespace v1 = ::sangkien::v1;
using std::chrono::seconds;
using std::chrono::system_clock;

struct ClientOptions {
  bool accept_gzip = true;
  int keepalive_ms = 0;  // 0: no pings
};

class LinkTest : public ::testing::Test {
 protected:
  // A demo-district server on a free loopback port, with a relay in front.
  void Start(absl::Duration idle, int64_t compress_min_bytes,
             absl::Duration heartbeat = absl::Seconds(15)) {
    app::ServerOptions options;
    options.listen_address = "127.0.0.1:0";
    options.database_path = dir_.File("sangkien.db");
    options.seed_demo = true;
    options.log_calls = false;
    options.idle_connection_timeout = idle;
    options.compress_min_bytes = compress_min_bytes;
    options.watch.poll_interval = absl::Milliseconds(20);
    options.watch.heartbeat_interval = heartbeat;
    auto started = app::Server::Start(std::move(options));
    ASSERT_TRUE(started.ok()) << started.status();
    server_ = std::move(*started);
    for (const auto& t : server_->demo_tokens()) {
      if (t.label == "admin") token_ = t.secret;
    }
    ASSERT_FALSE(token_.empty());
    relay_ = std::make_unique<ByteRelay>(server_->port());
  }

  // A channel of its own (its own connection) through the relay.
  std::shared_ptr<grpc::Channel> Channel(const ClientOptions& client) {
    grpc::ChannelArguments args;
    args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
    // Bandwidth probes are pings of the client's own: keep the bytes counted
    // to what the calls themselves cause.
    args.SetInt(GRPC_ARG_HTTP2_BDP_PROBE, 0);
    if (!client.accept_gzip) {
      args.SetInt(GRPC_COMPRESSION_CHANNEL_ENABLED_ALGORITHMS_BITSET, 1 << GRPC_COMPRESS_NONE);
    }
    if (client.keepalive_ms > 0) {
      args.SetInt(GRPC_ARG_KEEPALIVE_TIME_MS, client.keepalive_ms);
      args.SetInt(GRPC_ARG_KEEPALIVE_TIMEOUT_MS, 5000);
      args.SetInt(GRPC_ARG_KEEPALIVE_PERMIT_WITHOUT_CALLS, 1);
      args.SetInt(GRPC_ARG_HTTP2_MAX_PINGS_WITHOUT_DATA, 0);
      args.SetInt(GRPC_ARG_HTTP2_MIN_SENT_PING_INTERVAL_WITHOUT_DATA_MS, client.keepalive_ms);
    }
    return grpc::CreateCustomChannel(absl::StrCat("127.0.0.1:", relay_->port()),
                                     grpc::InsecureChannelCredentials(), args);
  }

  void Prepare(grpc::ClientContext& context) {
    context.set_deadline(system_clock::now() + seconds(10));
    context.AddMetadata("authorization", "Bearer " + token_);
  }

  grpc::Status ListChanges(const std::shared_ptr<grpc::Channel>& channel, int page_size,
                           v1::ListChangesResponse* response) {
    grpc::ClientContext context;
    Prepare(context);
    v1::ListChangesRequest request;
    request.set_page_size(page_size);
    return v1::SyncService::NewStub(channel)->ListChanges(&context, request, response);
  }

  // Bytes from server to client for one ListChanges on a connection that is
  // already up (so connection set-up does not count).
  int64_t RepliedBytes(const ClientOptions& client, int page_size, size_t* message_bytes) {
    auto channel = Channel(client);
    v1::ListChangesResponse warm_up;
    EXPECT_TRUE(ListChanges(channel, 1, &warm_up).ok());
    relay_->Reset();
    v1::ListChangesResponse response;
    grpc::Status status = ListChanges(channel, page_size, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    *message_bytes = response.ByteSizeLong();
    return relay_->bytes_down();
  }

  // Bytes from server to client for the first message of a WatchChanges
  // stream from the beginning (the demo district's first page, over 8 KB),
  // on a connection that is already up.
  int64_t FirstPage(bool accept_gzip) {
    auto channel = Channel({.accept_gzip = accept_gzip});
    EXPECT_TRUE(channel->WaitForConnected(system_clock::now() + seconds(5)));
    relay_->Reset();
    grpc::ClientContext context;
    Prepare(context);
    v1::WatchChangesRequest request;
    auto stream = v1::SyncService::NewStub(channel)->WatchChanges(&context, request);
    v1::WatchChangesResponse message;
    EXPECT_TRUE(stream->Read(&message));
    EXPECT_GT(message.ByteSizeLong(), 8 * 1024u);
    int64_t bytes = relay_->bytes_down();
    context.TryCancel();
    stream->Finish();
    return bytes;
  }

  testing::TempDir dir_;
  std::unique_ptr<app::Server> server_;
  std::unique_ptr<ByteRelay> relay_;
  std::string token_;
};

// --- idle connections --------------------------------------------------

TEST(IdleTimeoutTest, ParsesSecondsAndDurations) {
  EXPECT_EQ(*tools::ParseIdleTimeout("900", "--f"), absl::Seconds(900));
  EXPECT_EQ(*tools::ParseIdleTimeout("15m", "--f"), absl::Minutes(15));
  EXPECT_EQ(*tools::ParseIdleTimeout(" 1h30m ", "--f"), absl::Minutes(90));
  EXPECT_EQ(*tools::ParseIdleTimeout("0", "--f"), absl::ZeroDuration());
  for (const char* bad :
       {"", "abc", "15 minutes", "-5", "-1m", "10ms", "inf", "9999999999999999999"}) {
    auto parsed = tools::ParseIdleTimeout(bad, "--idle_connection_timeout");
    ASSERT_FALSE(parsed.ok()) << bad;
    EXPECT_EQ(parsed.status().code(), absl::StatusCode::kInvalidArgument) << bad;
    EXPECT_NE(parsed.status().message().find("--idle_connection_timeout"), std::string::npos)
        << parsed.status();
  }
}

TEST_F(LinkTest, IdleConnectionGetsGoawayAndTheNextCallReconnects) {
  Start(absl::Seconds(1), 1024);
  auto channel = Channel({});
  v1::ListChangesResponse response;
  ASSERT_TRUE(ListChanges(channel, 1, &response).ok());
  ASSERT_EQ(channel->GetState(false), GRPC_CHANNEL_READY);
  // The server's GOAWAY takes the channel out of READY.
  EXPECT_TRUE(channel->WaitForStateChange(GRPC_CHANNEL_READY, system_clock::now() + seconds(5)));
  EXPECT_NE(channel->GetState(false), GRPC_CHANNEL_READY);
  EXPECT_TRUE(ListChanges(channel, 1, &response).ok());
  EXPECT_EQ(relay_->connections(), 2);
}

TEST_F(LinkTest, WithoutALimitAnIdleConnectionStaysOpen) {
  Start(absl::ZeroDuration(), 1024);
  auto channel = Channel({});
  v1::ListChangesResponse response;
  ASSERT_TRUE(ListChanges(channel, 1, &response).ok());
  EXPECT_FALSE(channel->WaitForStateChange(GRPC_CHANNEL_READY, system_clock::now() + seconds(3)));
  EXPECT_TRUE(ListChanges(channel, 1, &response).ok());
  EXPECT_EQ(relay_->connections(), 1);
}

TEST_F(LinkTest, AnOpenChangeStreamOutlivesTheIdleLimit) {
  // Heartbeats come less often than the limit: nothing but the open call
  // keeps the connection.
  Start(absl::Seconds(1), 1024, /*heartbeat=*/absl::Seconds(2));
  auto channel = Channel({});
  grpc::ClientContext context;
  Prepare(context);
  context.set_deadline(system_clock::now() + seconds(30));
  v1::WatchChangesRequest request;
  auto stream = v1::SyncService::NewStub(channel)->WatchChanges(&context, request);
  v1::WatchChangesResponse message;
  ASSERT_TRUE(stream->Read(&message));  // the first page
  ASSERT_FALSE(message.changes().empty());
  auto opened = system_clock::now();
  int heartbeats = 0;
  while (system_clock::now() - opened < seconds(5)) {
    ASSERT_TRUE(stream->Read(&message))
        << "the stream ended after "
        << std::chrono::duration_cast<std::chrono::milliseconds>(system_clock::now() - opened)
               .count()
        << " ms";
    if (message.changes().empty()) ++heartbeats;
  }
  EXPECT_GE(heartbeats, 2);
  EXPECT_EQ(relay_->connections(), 1);
  context.TryCancel();
  stream->Finish();
  // Once the stream is gone the connection is idle and closed.
  EXPECT_TRUE(channel->WaitForStateChange(GRPC_CHANNEL_READY, system_clock::now() + seconds(5)));
}

// --- keepalive ----------------------------------------------------------

TEST_F(LinkTest, ClientPingingEverySecondWithoutCallsIsNotRefused) {
  Start(absl::ZeroDuration(), 1024);
  auto channel = Channel({.accept_gzip = true, .keepalive_ms = 1000});
  v1::ListChangesResponse response;
  ASSERT_TRUE(ListChanges(channel, 1, &response).ok());
  int64_t up_before = relay_->bytes_up();
  EXPECT_FALSE(channel->WaitForStateChange(GRPC_CHANNEL_READY, system_clock::now() + seconds(6)))
      << "the server closed a connection that only pinged";
  // HTTP/2 PING frames are 17 bytes: the client did ping, several times.
  EXPECT_GE(relay_->bytes_up() - up_before, 4 * 17);
  EXPECT_TRUE(ListChanges(channel, 1, &response).ok());
  EXPECT_EQ(relay_->connections(), 1);
}

// The same client against a server with gRPC's default ping policy is sent
// GOAWAY too_many_pings: the test above would notice the policy missing.
TEST_F(LinkTest, DefaultPingPolicyWouldRefuseThatClient) {
  grpc::ServerBuilder builder;
  int port = 0;
  builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port);
  grpc::HealthCheckServiceInterface* health = nullptr;
  grpc::EnableDefaultHealthCheckService(true);
  auto plain = builder.BuildAndStart();
  ASSERT_NE(plain, nullptr);
  health = plain->GetHealthCheckService();
  ASSERT_NE(health, nullptr);
  relay_ = std::make_unique<ByteRelay>(port);
  auto channel = Channel({.accept_gzip = true, .keepalive_ms = 1000});
  ASSERT_TRUE(channel->WaitForConnected(system_clock::now() + seconds(5)));
  EXPECT_TRUE(channel->WaitForStateChange(GRPC_CHANNEL_READY, system_clock::now() + seconds(8)));
  plain->Shutdown(system_clock::now());
}

// --- compression --------------------------------------------------------

// Two replies of the same bytes on the wire, up to two HTTP/2 PING frames
// (17 bytes each) the server may send as its own bandwidth probes, whose
// timing no test controls. A compressed reply differs by other amounts.
::testing::AssertionResult SameBytesButPings(int64_t a, int64_t b) {
  int64_t diff = a > b ? a - b : b - a;
  if (diff <= 2 * 17 && diff % 17 == 0) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << a << " and " << b << " bytes differ by " << diff;
}

TEST_F(LinkTest, LargeReplyIsCompressedForAClientThatAcceptsGzip) {
  Start(absl::ZeroDuration(), 1024);
  size_t gzip_message = 0;
  size_t plain_message = 0;
  int64_t gzip = RepliedBytes({.accept_gzip = true}, 200, &gzip_message);
  int64_t plain = RepliedBytes({.accept_gzip = false}, 200, &plain_message);
  ASSERT_GT(plain_message, 8 * 1024u) << "the demo district's first page should be large";
  EXPECT_EQ(gzip_message, plain_message);
  EXPECT_GT(plain, static_cast<int64_t>(plain_message));
  EXPECT_LT(gzip, plain / 2) << "gzip " << gzip << " bytes, plain " << plain;
}

TEST_F(LinkTest, SmallReplyGoesPlainEvenToAClientThatAcceptsGzip) {
  Start(absl::ZeroDuration(), 1024);
  size_t gzip_message = 0;
  size_t plain_message = 0;
  int64_t gzip = RepliedBytes({.accept_gzip = true}, 1, &gzip_message);
  int64_t plain = RepliedBytes({.accept_gzip = false}, 1, &plain_message);
  ASSERT_LT(plain_message, 1024u);
  ASSERT_GT(plain_message, 100u);
  EXPECT_TRUE(SameBytesButPings(gzip, plain));
}

TEST_F(LinkTest, ZeroThresholdNeverCompresses) {
  Start(absl::ZeroDuration(), 0);
  size_t gzip_message = 0;
  size_t plain_message = 0;
  int64_t gzip = RepliedBytes({.accept_gzip = true}, 200, &gzip_message);
  int64_t plain = RepliedBytes({.accept_gzip = false}, 200, &plain_message);
  ASSERT_GT(plain_message, 8 * 1024u);
  EXPECT_TRUE(SameBytesButPings(gzip, plain));
}

// A stream's messages are compressed each on its own merits: the call is
// open for compression from its start, whatever the first message's size.
TEST_F(LinkTest, ChangeStreamIsCompressedForAClientThatAcceptsGzip) {
  Start(absl::ZeroDuration(), 1024);
  int64_t gzip = FirstPage(true);
  int64_t plain = FirstPage(false);
  EXPECT_LT(gzip, plain / 2) << "gzip " << gzip << " bytes, plain " << plain;
}

TEST_F(LinkTest, StreamMessagesBelowTheThresholdGoPlain) {
  Start(absl::ZeroDuration(), 1 << 20);
  int64_t gzip = FirstPage(true);
  int64_t plain = FirstPage(false);
  // The stream's headers name gzip (its messages may be); the message
  // itself goes plain.
  EXPECT_NEAR(gzip, plain, 64);
}

}  // namespace
}  // namespace sangkien::api_test
