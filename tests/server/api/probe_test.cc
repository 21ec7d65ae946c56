// Server::Probe: the read the systemd watchdog runs before it reports the
// server alive.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "app/server.h"

namespace sangkien::api_test {
namespace {

class ProbeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("probe_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  app::ServerOptions Options() {
    app::ServerOptions options;
    options.listen_address = "127.0.0.1:0";
    options.database_path = (dir_ / "sangkien.db").string();
    options.seed_demo = false;
    options.log_calls = false;
    return options;
  }

  std::filesystem::path dir_;
};

TEST_F(ProbeTest, SucceedsOnAnEmptyDatabase) {
  auto server = app::Server::Start(Options());
  ASSERT_TRUE(server.ok()) << server.status();
  EXPECT_TRUE((*server)->Probe().ok());
  (*server)->Shutdown(absl::Seconds(1));
  (*server)->Wait();
}

TEST_F(ProbeTest, SucceedsFromManyThreadsAtOnce) {
  // More probes than pooled readers: each waits for a reader and none fails.
  auto server = app::Server::Start(Options());
  ASSERT_TRUE(server.ok()) << server.status();
  std::vector<std::thread> threads;
  std::atomic<int> failed{0};
  for (int i = 0; i < 16; ++i) {
    threads.emplace_back([&] {
      for (int j = 0; j < 50; ++j) {
        if (!(*server)->Probe().ok()) ++failed;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failed.load(), 0);
  (*server)->Shutdown(absl::Seconds(1));
  (*server)->Wait();
}

}  // namespace
}  // namespace sangkien::api_test
