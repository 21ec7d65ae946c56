#include "api/sync_service.h"

#include <variant>
#include <vector>

#include "absl/strings/str_cat.h"
#include "api/change_marker.h"
#include "api/proposal_convert.h"
#include "api/proto_convert.h"
#include "api/publicity_convert.h"
#include "api/response_compression.h"
#include "api/status_convert.h"
#include "api/unary.h"
#include "calendar/civil_date.h"
#include "status/errors.h"
#include "status/status_macros.h"

namespace sangkien::api {
namespace {

constexpr const char* kWatchMethod = "sangkien.v1.SyncService/WatchChanges";

void EntryToProto(const operations::FeedEntry& e, absl::CivilDay today, v1::Change* out) {
  out->set_name(e.name);
  out->set_deleted(e.deleted);
  ToProto(e.change_time, out->mutable_change_time());
  if (!e.resource) return;
  std::visit(
      [&](const auto& r) {
        using T = std::decay_t<decltype(r)>;
        if constexpr (std::is_same_v<T, domain::Unit>) {
          ToProto(r, out->mutable_unit());
        } else if constexpr (std::is_same_v<T, domain::UnitGroup>) {
          ToProto(r, out->mutable_unit_group());
        } else if constexpr (std::is_same_v<T, domain::Plan>) {
          ToProto(r, out->mutable_plan());
        } else if constexpr (std::is_same_v<T, domain::Task>) {
          ToProto(r, out->mutable_task());
        } else if constexpr (std::is_same_v<T, domain::Assignment>) {
          ToProto(r, today, out->mutable_assignment());
        } else if constexpr (std::is_same_v<T, domain::ProgressReport>) {
          ToProto(r, out->mutable_progress_report());
        } else if constexpr (std::is_same_v<T, domain::Proposal>) {
          ProposalToProto(r, out->mutable_proposal());
        } else if constexpr (std::is_same_v<T, domain::Broadcast>) {
          ToProto(r, out->mutable_broadcast());
        } else if constexpr (std::is_same_v<T, domain::CaseStudy>) {
          ToProto(r, out->mutable_case_study());
        } else {
          static_assert(std::is_same_v<T, domain::Announcement>);
          ToProto(r, out->mutable_announcement());
        }
      },
      *e.resource);
}

absl::Status SlowConsumer(absl::Duration timeout) {
  return MakeError(absl::StatusCode::kResourceExhausted, "SLOW_CONSUMER",
                   absl::StrCat("the stream was not read for ", absl::FormatDuration(timeout),
                                " while changes waited; resume from the last marker"),
                   "Máy khách không nhận dữ liệu quá lâu; hãy kết nối lại từ mốc cuối cùng");
}

}  // namespace

// One WatchChanges stream. All state is guarded by the service's lock.
class SyncServiceImpl::Watcher final : public grpc::ServerWriteReactor<v1::WatchChangesResponse> {
 public:
  // `admitted`: a stream that runs, counted as open until done (a refused
  // one only carries its error).
  Watcher(SyncServiceImpl& service, domain::Caller caller, std::string marker, bool admitted)
      : service_(service),
        caller_(std::move(caller)),
        marker_(std::move(marker)),
        admitted_(admitted) {
    last_sent_ = absl::Now();
    if (admitted_) service_.open_streams_.fetch_add(1, std::memory_order_relaxed);
  }

  // Sends what is waiting, or a heartbeat when due. Called by the pump.
  // `changed`: the log moved since the last round.
  void Poll(absl::Time now, bool changed) {
    if (finished_) return;
    if (writing_) {
      if (now - write_started_ > service_.options().slow_consumer_timeout) {
        End(ToGrpcStatus(SlowConsumer(service_.options().slow_consumer_timeout)));
      }
      return;
    }
    bool heartbeat = now - last_sent_ >= service_.options().heartbeat_interval;
    if (caught_up_ && !changed && !heartbeat) return;
    auto page = service_.ReadFrom(caller_, marker_, service_.options().page_size);
    if (!page.ok()) {
      End(ToGrpcStatus(page.status()));
      return;
    }
    caught_up_ = page->caught_up;
    if (page->entries.empty() && !heartbeat && !first_) return;
    response_.Clear();
    service_.FillChanges(caller_, *page, response_.mutable_changes(), &marker_);
    response_.set_marker(marker_);
    response_.set_caught_up(page->caught_up);
    first_ = false;
    writing_ = true;
    write_started_ = now;
    last_sent_ = now;
    StartWrite(&response_,
               StreamWriteOptions(response_.ByteSizeLong(), service_.options().compress_min_bytes));
  }

  void End(grpc::Status status) {
    if (finished_) return;
    finished_ = true;
    Finish(std::move(status));
  }

  void OnWriteDone(bool ok) override {
    std::lock_guard lock(service_.mu());
    writing_ = false;
    if (!ok) {
      End(grpc::Status(grpc::StatusCode::CANCELLED, "the client went away"));
      return;
    }
    service_.Wake();  // more may be waiting
  }

  void OnCancel() override {
    std::lock_guard lock(service_.mu());
    End(grpc::Status(grpc::StatusCode::CANCELLED, "cancelled"));
  }

  void OnDone() override {
    service_.Forget(this);
    if (admitted_) service_.open_streams_.fetch_sub(1, std::memory_order_relaxed);
    delete this;
  }

 private:
  SyncServiceImpl& service_;
  domain::Caller caller_;
  std::string marker_;
  const bool admitted_;
  v1::WatchChangesResponse response_;
  bool first_ = true;  // the first message goes out at once, even empty
  bool caught_up_ = false;
  bool writing_ = false;
  bool finished_ = false;
  absl::Time write_started_;
  absl::Time last_sent_;
};

SyncServiceImpl::SyncServiceImpl(operations::SyncOperations& ops,
                                 const domain::PageTokenCodec& tokens, const CallGate& gate,
                                 calendar::Clock clock, WatchOptions options)
    : ops_(ops),
      tokens_(tokens),
      gate_(gate),
      clock_(std::move(clock)),
      options_(options),
      pump_([this] { Pump(); }) {}

SyncServiceImpl::~SyncServiceImpl() {
  Shutdown();
  if (pump_.joinable()) pump_.join();
}

void SyncServiceImpl::Shutdown() {
  std::lock_guard lock(mu_);
  stop_ = true;
  std::vector<Watcher*> open(watchers_.begin(), watchers_.end());
  for (Watcher* w : open) {
    if (std::find(watchers_.begin(), watchers_.end(), w) != watchers_.end()) {
      w->End(grpc::Status(grpc::StatusCode::UNAVAILABLE, "the server is shutting down"));
    }
  }
  cv_.notify_all();
}

void SyncServiceImpl::Wake() {
  std::lock_guard lock(mu_);
  wake_ = true;
  cv_.notify_all();
}

void SyncServiceImpl::Forget(Watcher* watcher) {
  std::lock_guard lock(mu_);
  watchers_.remove(watcher);
}

void SyncServiceImpl::Pump() {
  int64_t seen_seq = -1;
  std::unique_lock lock(mu_);
  while (!stop_) {
    cv_.wait_for(lock, absl::ToChronoNanoseconds(options_.poll_interval),
                 [this] { return wake_ || stop_; });
    if (stop_) break;
    bool woken = wake_;
    wake_ = false;
    if (watchers_.empty()) continue;
    // Publish windows open and close without a write; turn them into changes.
    absl::Status due = ops_.ApplyDueVisibility();
    if (!due.ok()) continue;
    auto latest = ops_.LatestSeq();
    if (!latest.ok()) continue;
    // Heartbeats and patience run on the real clock, whatever the business
    // clock says.
    absl::Time now = absl::Now();
    bool changed = *latest != seen_seq;
    seen_seq = *latest;
    std::vector<Watcher*> open(watchers_.begin(), watchers_.end());
    for (Watcher* w : open) {
      // A reaction run inline may have removed an earlier one.
      if (std::find(watchers_.begin(), watchers_.end(), w) == watchers_.end()) continue;
      w->Poll(now, changed || woken);
    }
  }
}

absl::StatusOr<operations::FeedPage> SyncServiceImpl::ReadFrom(const domain::Caller& call,
                                                               const std::string& marker,
                                                               int page_size) const {
  operations::FeedPosition position;
  if (!marker.empty()) {
    SK_ASSIGN_OR_RETURN(position, DecodeMarker(tokens_, call, marker));
  }
  return ops_.ListChanges(call, position, marker.empty(), page_size);
}

void SyncServiceImpl::FillChanges(const domain::Caller& call, const operations::FeedPage& page,
                                  google::protobuf::RepeatedPtrField<v1::Change>* out,
                                  std::string* marker) const {
  absl::CivilDay today = calendar::DayInDistrict(clock_());
  for (const auto& e : page.entries) EntryToProto(e, today, out->Add());
  *marker = EncodeMarker(tokens_, call, page.next);
}

absl::Status SyncServiceImpl::DoListChanges(const domain::Caller& call,
                                            const v1::ListChangesRequest& req,
                                            v1::ListChangesResponse* resp) {
  SK_ASSIGN_OR_RETURN(int page_size, operations::SyncOperations::ChangesPageSize(req.page_size()));
  SK_ASSIGN_OR_RETURN(auto page, ReadFrom(call, req.resume_marker(), page_size));
  FillChanges(call, page, resp->mutable_changes(), resp->mutable_next_marker());
  resp->set_caught_up(page.caught_up);
  return absl::OkStatus();
}

grpc::ServerUnaryReactor* SyncServiceImpl::ListChanges(grpc::CallbackServerContext* ctx,
                                                       const v1::ListChangesRequest* req,
                                                       v1::ListChangesResponse* resp) {
  return Unary<&SyncServiceImpl::DoListChanges>(this, "sangkien.v1.SyncService/ListChanges", ctx,
                                                req, resp);
}

grpc::ServerWriteReactor<v1::WatchChangesResponse>* SyncServiceImpl::WatchChanges(
    grpc::CallbackServerContext* ctx, const v1::WatchChangesRequest* req) {
  absl::StatusOr<domain::Caller> caller = gate_.Admit(*ctx, kWatchMethod);
  absl::Status check = caller.status();
  if (check.ok() && !req->resume_marker().empty()) {
    // Refuse a bad marker before the stream starts.
    check = ReadFrom(*caller, req->resume_marker(), 1).status();
  }
  std::lock_guard lock(mu_);
  if (check.ok() && stop_) {
    check = absl::UnavailableError("the server is shutting down");
  }
  if (!check.ok()) {
    auto* w = new Watcher(*this, domain::Caller{}, "", /*admitted=*/false);
    watchers_.push_back(w);
    w->End(ToGrpcStatus(check));
    return w;
  }
  auto* w = new Watcher(*this, *caller, req->resume_marker(), /*admitted=*/true);
  watchers_.push_back(w);
  wake_ = true;
  cv_.notify_all();
  return w;
}

}  // namespace sangkien::api
