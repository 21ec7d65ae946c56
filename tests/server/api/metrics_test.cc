// The Prometheus endpoint end to end: calls counted by method and code, the
// handling-time histogram, and the server's own gauges, read over HTTP as
// Prometheus reads them.
#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "metrics_scrape.h"
#include "storage/backup_record.h"
#include "storage/change_log.h"
#include "storage/database.h"
#include "test_server.h"

namespace sangkien::api_test {
namespace {

const std::map<std::string, std::string> kGetPlan = {{"grpc_service", "sangkien.v1.PlanService"},
                                                     {"grpc_method", "GetPlan"},
                                                     {"grpc_type", "unary"}};

double UnixSeconds(absl::Time t) {
  return absl::FDivDuration(t - absl::UnixEpoch(), absl::Seconds(1));
}

std::map<std::string, std::string> With(std::map<std::string, std::string> labels,
                                        const std::string& key, const std::string& value) {
  labels[key] = value;
  return labels;
}

class MetricsTest : public ApiTest {
 protected:
  void AdjustOptions(app::ServerOptions& options) override {
    options.metrics_listen_address = "127.0.0.1:0";
    options.backup_dir = (scratch_dir() / "backups").string();
  }

  Scrape Metrics() {
    absl::StatusOr<Scrape> scrape = ScrapeMetrics(server().metrics_port());
    EXPECT_TRUE(scrape.ok()) << scrape.status();
    if (!scrape.ok()) return Scrape();
    EXPECT_EQ(scrape->http_status, 200) << scrape->body;
    return *std::move(scrape);
  }

  grpc::Status GetPlan(const std::string& name) {
    v1::GetPlanRequest request;
    request.set_name(name);
    v1::Plan plan;
    return Call(&v1::PlanService::Stub::GetPlan, request, &plan);
  }

  // The change log's newest sequence, read from the file as storage does.
  int64_t ChangeLogHead() {
    auto db = std::make_unique<SQLite::Database>(database_path(), SQLite::OPEN_READONLY);
    storage::Connection connection(std::move(db));
    absl::StatusOr<int64_t> head = storage::ChangeLog::LatestSeq(connection);
    EXPECT_TRUE(head.ok()) << head.status();
    return head.value_or(-1);
  }
};

TEST_F(MetricsTest, ServesTheTextFormatOnMetricsOnly) {
  ASSERT_GT(server().metrics_port(), 0);
  ASSERT_NE(server().metrics_port(), server().port());
  ASSERT_TRUE(GetPlan(SeedPlan()).ok());  // a method shows up from its first call
  Scrape scrape = Metrics();
  EXPECT_TRUE(absl::StartsWith(scrape.content_type, "text/plain")) << scrape.content_type;
  EXPECT_NE(scrape.body.find("# TYPE grpc_server_handling_seconds histogram"), std::string::npos)
      << scrape.body;
  absl::StatusOr<Scrape> other = ScrapeMetrics(server().metrics_port(), "/");
  ASSERT_TRUE(other.ok()) << other.status();
  EXPECT_EQ(other->http_status, 404);
}

TEST_F(MetricsTest, CountsEveryCallOfAMethodByCode) {
  std::string plan = SeedPlan();
  Scrape before = Metrics();
  constexpr int kFound = 5, kMissing = 3;
  for (int i = 0; i < kFound; ++i) ASSERT_TRUE(GetPlan(plan).ok());
  for (int i = 0; i < kMissing; ++i) {
    ASSERT_EQ(GetPlan("plans/999999").error_code(), grpc::StatusCode::NOT_FOUND);
  }
  Scrape after = Metrics();

  auto delta = [&](const std::string& name, const std::map<std::string, std::string>& labels) {
    return after.Count(name, labels) - before.Count(name, labels);
  };
  EXPECT_EQ(delta("grpc_server_started_total", kGetPlan), kFound + kMissing);
  EXPECT_EQ(delta("grpc_server_msg_received_total", kGetPlan), kFound + kMissing);
  EXPECT_EQ(delta("grpc_server_handled_total", With(kGetPlan, "grpc_code", "OK")), kFound);
  EXPECT_EQ(delta("grpc_server_handled_total", With(kGetPlan, "grpc_code", "NotFound")), kMissing);
  // A reply goes out only with OK.
  EXPECT_EQ(delta("grpc_server_msg_sent_total", kGetPlan), kFound);
  // Every code that occurred, and no other, has a series.
  double handled = 0;
  for (const Sample& s : after.All("grpc_server_handled_total", kGetPlan)) handled += s.value;
  EXPECT_EQ(handled, after.Count("grpc_server_started_total", kGetPlan));
}

TEST_F(MetricsTest, HandlingTimeHistogramHasCumulativeBuckets) {
  std::string plan = SeedPlan();
  Scrape before = Metrics();
  for (int i = 0; i < 4; ++i) ASSERT_TRUE(GetPlan(plan).ok());
  Scrape after = Metrics();

  std::vector<Sample> buckets = after.All("grpc_server_handling_seconds_bucket", kGetPlan);
  ASSERT_EQ(buckets.size(), 15u);  // 14 bounds and +Inf
  double previous = 0;
  for (const Sample& b : buckets) {
    EXPECT_GE(b.value, previous) << "bucket le=" << b.labels.at("le");
    previous = b.value;
  }
  EXPECT_EQ(buckets.front().labels.at("le"), "0.0005");
  EXPECT_EQ(buckets.back().labels.at("le"), "+Inf");
  double count = after.Count("grpc_server_handling_seconds_count", kGetPlan);
  EXPECT_EQ(buckets.back().value, count);
  EXPECT_EQ(count - before.Count("grpc_server_handling_seconds_count", kGetPlan), 4);
  EXPECT_EQ(count, after.Count("grpc_server_started_total", kGetPlan));
  double sum = after.Count("grpc_server_handling_seconds_sum", kGetPlan);
  EXPECT_GT(sum, 0);
  EXPECT_LT(sum, 60 * count);
}

TEST_F(MetricsTest, HealthChecksAreCounted) {
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(CallEmpty("/grpc.health.v1.Health/Check").ok());
  }
  Scrape scrape = Metrics();
  std::map<std::string, std::string> check = {
      {"grpc_service", "grpc.health.v1.Health"}, {"grpc_method", "Check"}, {"grpc_type", "unary"}};
  EXPECT_EQ(scrape.Count("grpc_server_started_total", check), 3);
  EXPECT_EQ(scrape.Count("grpc_server_handled_total", With(check, "grpc_code", "OK")), 3);
}

TEST_F(MetricsTest, InventedMethodNamesAddNoSeries) {
  for (const char* path : {"/sangkien.v1.PlanService/NoSuchMethod", "/x.Y/Z", "/a.B/C"}) {
    EXPECT_EQ(CallEmpty(path).error_code(), grpc::StatusCode::UNIMPLEMENTED) << path;
  }
  Scrape scrape = Metrics();
  std::map<std::string, std::string> unknown = {{"grpc_service", "unknown"},
                                                {"grpc_method", "unknown"}};
  EXPECT_EQ(scrape.Count("grpc_server_started_total", unknown), 3);
  EXPECT_EQ(scrape.Count("grpc_server_handled_total", With(unknown, "grpc_code", "Unimplemented")),
            3);
  for (const Sample& s : scrape.samples) {
    if (s.labels.count("grpc_method") == 0) continue;
    EXPECT_NE(s.labels.at("grpc_method"), "NoSuchMethod");
    EXPECT_NE(s.labels.at("grpc_service"), "x.Y");
  }
}

TEST_F(MetricsTest, FeedHeadIsTheChangeLogsHead) {
  Scrape first = Metrics();
  ASSERT_TRUE(first.Value("sangkien_change_feed_head").has_value()) << first.body;
  EXPECT_EQ(*first.Value("sangkien_change_feed_head"), ChangeLogHead());
  CreatePlanWithOneTask("Kế hoạch đo lường", v1::PLAN_STATE_DRAFT);
  Scrape second = Metrics();
  EXPECT_GT(*second.Value("sangkien_change_feed_head"), *first.Value("sangkien_change_feed_head"));
  EXPECT_EQ(*second.Value("sangkien_change_feed_head"), ChangeLogHead());
}

TEST_F(MetricsTest, OpenWatchStreamsRiseAndFall) {
  EXPECT_EQ(Metrics().Value("sangkien_watch_streams"), 0);
  {
    grpc::ClientContext context;
    Prepare(context);
    auto reader = sync_->WatchChanges(&context, v1::WatchChangesRequest());
    v1::WatchChangesResponse message;
    ASSERT_TRUE(reader->Read(&message));  // the stream runs
    EXPECT_EQ(Metrics().Value("sangkien_watch_streams"), 1);
    context.TryCancel();
    while (reader->Read(&message)) {
    }
    reader->Finish();
  }
  // The server learns of the cancellation on its own schedule.
  std::optional<double> open;
  for (int i = 0; i < 100; ++i) {
    open = Metrics().Value("sangkien_watch_streams");
    if (open == 0) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_EQ(open, 0);
  // A refused stream (no such marker) never counts as open.
  grpc::ClientContext context;
  Prepare(context);
  v1::WatchChangesRequest bad;
  bad.set_resume_marker("not-a-marker");
  auto reader = sync_->WatchChanges(&context, bad);
  v1::WatchChangesResponse message;
  EXPECT_FALSE(reader->Read(&message));
  EXPECT_FALSE(reader->Finish().ok());
  EXPECT_EQ(Metrics().Value("sangkien_watch_streams"), 0);
}

TEST_F(MetricsTest, WritesPerCommitCountsCommits) {
  Scrape before = Metrics();
  constexpr int kWrites = 4;
  for (int i = 0; i < kWrites; ++i) {
    CreatePlanWithOneTask(absl::StrCat("Kế hoạch ", i), v1::PLAN_STATE_DRAFT);
  }
  Scrape after = Metrics();
  auto delta = [&](const std::string& name, const std::map<std::string, std::string>& labels) {
    return after.Count(name, labels) - before.Count(name, labels);
  };
  double commits = delta("sangkien_writes_per_commit_count", {});
  EXPECT_GE(commits, kWrites);
  // One caller at a time: every transaction held one write.
  EXPECT_EQ(delta("sangkien_writes_per_commit_sum", {}), commits);
  EXPECT_EQ(delta("sangkien_writes_per_commit_bucket", {{"le", "1"}}), commits);
  EXPECT_EQ(after.All("sangkien_writes_per_commit_bucket").size(), 9u);  // 1 … 128 and +Inf
  EXPECT_EQ(after.Value("sangkien_writes_waiting"), 0);
}

TEST_F(MetricsTest, ConcurrentWritesShareCommits) {
  Scrape before = Metrics();
  constexpr int kWrites = 24;
  std::vector<std::thread> writers;
  std::string phong_noi_vu = UnitNamed("Phòng Nội vụ");
  std::atomic<int> failed{0};
  for (int i = 0; i < kWrites; ++i) {
    writers.emplace_back([&, i] {
      v1::CreatePlanRequest request;
      request.mutable_plan()->set_title(absl::StrCat("Kế hoạch song song ", i));
      v1::Plan plan;
      if (!Call(&v1::PlanService::Stub::CreatePlan, request, &plan).ok()) ++failed;
    });
  }
  for (std::thread& t : writers) t.join();
  ASSERT_EQ(failed, 0);
  Scrape after = Metrics();
  double writes = after.Count("sangkien_writes_per_commit_sum") -
                  before.Count("sangkien_writes_per_commit_sum");
  double commits = after.Count("sangkien_writes_per_commit_count") -
                   before.Count("sangkien_writes_per_commit_count");
  EXPECT_GE(writes, kWrites);
  EXPECT_GE(commits, 1);
  EXPECT_LE(commits, writes);
}

TEST_F(MetricsTest, DatabaseFilesAreMeasured) {
  Scrape scrape = Metrics();
  ASSERT_TRUE(scrape.Value("sangkien_database_bytes").has_value()) << scrape.body;
  EXPECT_GT(*scrape.Value("sangkien_database_bytes"), 0);
  EXPECT_LE(*scrape.Value("sangkien_database_bytes"),
            static_cast<double>(std::filesystem::file_size(database_path())) + 1e6);
  ASSERT_TRUE(scrape.Value("sangkien_database_wal_bytes").has_value());
  EXPECT_GE(*scrape.Value("sangkien_database_wal_bytes"), 0);
}

TEST_F(MetricsTest, BackupAndAuditChecksComeFromTheRecordAndTheServer) {
  Scrape none = Metrics();
  EXPECT_FALSE(none.Value("sangkien_backup_last_success_timestamp_seconds").has_value());
  EXPECT_FALSE(none.Value("sangkien_audit_last_verification_timestamp_seconds").has_value());

  std::string dir = (scratch_dir() / "backups").string();
  std::filesystem::create_directories(dir);
  absl::Time last_night = absl::FromUnixSeconds(absl::ToUnixSeconds(absl::Now()) - 3600);
  storage::BackupRecord record;
  record.time = last_night;
  record.ok = true;
  record.file = "sangkien-20261204.db";
  record.audit_checked = true;
  record.audit_intact = true;
  record.last_success = last_night;
  ASSERT_TRUE(storage::WriteBackupRecord(dir, record).ok());
  Scrape after_backup = Metrics();
  double night = UnixSeconds(last_night);
  EXPECT_EQ(after_backup.Value("sangkien_backup_last_success_timestamp_seconds"), night);
  EXPECT_EQ(after_backup.Value("sangkien_backup_last_run_ok"), 1);
  EXPECT_EQ(after_backup.Value("sangkien_audit_last_verification_timestamp_seconds"), night);
  EXPECT_EQ(after_backup.Value("sangkien_audit_last_verification_intact"), 1);

  // A VerifyAuditChain call now is newer than the backup's check.
  UseDemoAccount("inspector");
  v1::VerifyAuditChainResponse verified;
  ASSERT_TRUE(
      Call(&v1::AuditService::Stub::VerifyAuditChain, v1::VerifyAuditChainRequest(), &verified)
          .ok());
  Scrape after_call = Metrics();
  double checked = *after_call.Value("sangkien_audit_last_verification_timestamp_seconds");
  EXPECT_GT(checked, night);
  EXPECT_LE(checked, UnixSeconds(absl::Now()));
  EXPECT_EQ(after_call.Value("sangkien_audit_last_verification_intact"), verified.intact());

  // A failed run later still reports the last success, and its broken
  // chain, being the newest check, wins.
  storage::BackupRecord failed = record;
  failed.time = absl::Now() + absl::Minutes(1);
  failed.ok = false;
  failed.audit_intact = false;
  failed.message = "audit chain broken at 41";
  ASSERT_TRUE(storage::WriteBackupRecord(dir, failed).ok());
  Scrape after_failure = Metrics();
  EXPECT_EQ(after_failure.Value("sangkien_backup_last_run_ok"), 0);
  EXPECT_EQ(after_failure.Value("sangkien_backup_last_success_timestamp_seconds"), night);
  EXPECT_EQ(after_failure.Value("sangkien_audit_last_verification_intact"), 0);
}

TEST_F(MetricsTest, AnUnreadableBackupRecordLeavesOnlyItsSeriesOut) {
  std::string dir = (scratch_dir() / "backups").string();
  std::filesystem::create_directories(dir);
  {
    std::ofstream out(dir + "/last-backup");
    out << "time=not a time\n";
  }
  Scrape scrape = Metrics();
  EXPECT_FALSE(scrape.Value("sangkien_backup_last_run_ok").has_value());
  EXPECT_TRUE(scrape.Value("sangkien_change_feed_head").has_value());
}

class MetricsStartTest : public ApiTest {
 protected:
  void AdjustOptions(app::ServerOptions& options) override {
    options.metrics_listen_address = "127.0.0.1:0";
  }
  absl::Status StartAnother(const std::string& metrics_address, const std::string& db) {
    app::ServerOptions options;
    options.listen_address = "127.0.0.1:0";
    options.database_path = db;
    options.seed_demo = false;
    options.log_calls = false;
    options.metrics_listen_address = metrics_address;
    return app::Server::Start(options).status();
  }
};

TEST_F(MetricsStartTest, ABadOrBusyAddressRefusesTheStartBeforeTheDatabase) {
  std::string db = (scratch_dir() / "other" / "other.db").string();
  for (const char* bad : {"9464", "127.0.0.1:", "127.0.0.1:99999", "127.0.0.1:94a", "host:9464",
                          "[::1]:9464", "127.0.0.1:9464s"}) {
    absl::Status status = StartAnother(bad, db);
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument) << bad << ": " << status;
    EXPECT_NE(status.message().find("--metrics_listen"), std::string::npos) << status;
  }
  std::string busy = absl::StrCat("127.0.0.1:", server().metrics_port());
  absl::Status status = StartAnother(busy, db);
  EXPECT_EQ(status.code(), absl::StatusCode::kUnavailable) << status;
  EXPECT_NE(status.message().find(busy), std::string::npos) << status;
  EXPECT_FALSE(std::filesystem::exists(db));
}

TEST_F(MetricsStartTest, LocalhostWorks) {
  for (const char* address : {"localhost:0"}) {
    app::ServerOptions options;
    options.listen_address = "127.0.0.1:0";
    options.database_path = (scratch_dir() / "v6.db").string();
    options.seed_demo = false;
    options.log_calls = false;
    options.metrics_listen_address = address;
    auto other = app::Server::Start(options);
    ASSERT_TRUE(other.ok()) << address << ": " << other.status();
    EXPECT_GT((*other)->metrics_port(), 0) << address;
    (*other)->Shutdown(absl::Seconds(1));
    (*other)->Wait();
  }
}

TEST(MetricsOff, NoEndpointWithoutAnAddress) {
  app::ServerOptions options;
  options.listen_address = "127.0.0.1:0";
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() / absl::StrCat("sangkien-metrics-off-", ::getpid());
  options.database_path = (dir / "off.db").string();
  options.seed_demo = false;
  options.log_calls = false;
  auto server = app::Server::Start(options);
  ASSERT_TRUE(server.ok()) << server.status();
  EXPECT_EQ((*server)->metrics_port(), 0);
  (*server)->Shutdown(absl::Seconds(1));
  (*server)->Wait();
  server->reset();
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace sangkien::api_test
