// sangkien-ack-writer: many concurrent durable writes (progress reports),
// each acknowledged one written to a file the moment the server answers OK.
// Crash tests kill the server under it and then check that every
// acknowledged write survived.
#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <iostream>
#include <thread>
#include <vector>

#include <grpcpp/grpcpp.h>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "sangkien/v1/plan_service.grpc.pb.h"

ABSL_FLAG(std::string, target, "127.0.0.1:50051", "server address");
ABSL_FLAG(std::string, token, "", "bearer secret of an account that may report for --unit");
ABSL_FLAG(std::string, task, "", "plans/N/tasks/M the unit holds");
ABSL_FLAG(std::string, unit, "", "units/N");
ABSL_FLAG(int, writers, 64, "concurrent writers");
ABSL_FLAG(std::string, acks, "acks.txt", "file to append acknowledged report names to");
ABSL_FLAG(absl::Duration, give_up_after, absl::Seconds(3),
          "stop once the server has been unreachable this long");

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  int fd = open(absl::GetFlag(FLAGS_acks).c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  if (fd < 0) {
    std::perror("open acks");
    return 2;
  }
  auto channel = grpc::CreateChannel(absl::GetFlag(FLAGS_target), grpc::InsecureChannelCredentials());
  auto stub = sangkien::v1::PlanService::NewStub(channel);
  std::atomic<int64_t> acked{0}, failed{0};
  std::string run = absl::StrCat(absl::ToUnixMicros(absl::Now()));
  std::vector<std::thread> threads;
  for (int w = 0; w < absl::GetFlag(FLAGS_writers); ++w) {
    threads.emplace_back([&, w] {
      absl::Time last_ok = absl::Now();
      for (int64_t i = 0;; ++i) {
        sangkien::v1::CreateProgressReportRequest request;
        request.set_parent(absl::GetFlag(FLAGS_task));
        request.set_request_id(absl::StrCat("ack-", run, "-", w, "-", i));
        request.mutable_progress_report()->set_unit(absl::GetFlag(FLAGS_unit));
        request.mutable_progress_report()->set_text(absl::StrCat("Báo cáo ", w, "-", i));
        request.mutable_progress_report()->set_progress_percent(10);
        sangkien::v1::ProgressReport report;
        grpc::ClientContext context;
        context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
        context.AddMetadata("authorization", "Bearer " + absl::GetFlag(FLAGS_token));
        grpc::Status status = stub->CreateProgressReport(&context, request, &report);
        if (status.ok()) {
          // One write(2) per line: whole lines even with many threads.
          std::string line = report.name() + "\n";
          if (write(fd, line.data(), line.size()) != static_cast<ssize_t>(line.size())) {
            std::perror("write acks");
          }
          ++acked;
          last_ok = absl::Now();
          continue;
        }
        ++failed;
        if (status.error_code() != grpc::StatusCode::UNAVAILABLE &&
            status.error_code() != grpc::StatusCode::DEADLINE_EXCEEDED) {
          std::cerr << "unexpected: " << status.error_code() << " " << status.error_message()
                    << "\n";
        }
        if (absl::Now() - last_ok > absl::GetFlag(FLAGS_give_up_after)) return;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
    });
  }
  for (auto& t : threads) t.join();
  close(fd);
  std::cout << "acknowledged " << acked << ", failed " << failed << "\n";
  return 0;
}
