// The standard services every gRPC tool expects: health checking and
// server reflection.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "raw_calls.h"
#include "test_server.h"
#include "testing/temp_dir.h"

namespace sangkien::api_test {
namespace {

using ::testing::IsSupersetOf;

TEST_F(ApiTest, HealthCheckReportsServing) {
  HealthResult health = CheckHealth(channel());
  ASSERT_TRUE(health.status.ok()) << health.status.error_message();
  EXPECT_EQ(health.serving_status, kHealthServing);
}

TEST_F(ApiTest, HealthCheckOfUnknownServiceIsNotFound) {
  HealthResult health = CheckHealth(channel(), "no.such.Service");
  EXPECT_EQ(health.status.error_code(), grpc::StatusCode::NOT_FOUND);
}

TEST_F(ApiTest, ReflectionListsTheApiServices) {
  ServiceList list = ListServicesByReflection(channel());
  ASSERT_TRUE(list.status.ok()) << list.status.error_message();
  EXPECT_THAT(list.services,
              IsSupersetOf({"sangkien.v1.PlanService", "sangkien.v1.DirectoryService",
                            "grpc.reflection.v1alpha.ServerReflection"}));
}

// Without a listen address the server binds nothing and answers only over
// its in-process channel (the RPC fuzz target runs it so).
TEST(InProcessServerTest, ServesWithoutASocket) {
  testing::TempDir dir;
  app::ServerOptions options;
  options.listen_address = "";
  options.database_path = dir.File("t.db");
  options.seed_demo = false;
  options.log_calls = false;
  auto server = app::Server::Start(options);
  ASSERT_TRUE(server.ok()) << server.status();
  EXPECT_EQ((*server)->port(), 0);
  HealthResult health = CheckHealth((*server)->InProcessChannel());
  ASSERT_TRUE(health.status.ok()) << health.status.error_message();
  EXPECT_EQ(health.serving_status, kHealthServing);
}

}  // namespace
}  // namespace sangkien::api_test
