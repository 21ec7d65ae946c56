// SyncService end to end: a mirror built from ListChanges or WatchChanges
// equals what the caller can read through the other services, through
// concurrent writes, reconnects, visibility changes and compaction.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <random>
#include <set>
#include <thread>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "domain/account.h"
#include "operations/plan_operations.h"
#include "operations/proposal_operations.h"
#include "operations/publicity_operations.h"
#include "operations/sync_operations.h"
#include "rpc_errors.h"
#include "status/status_macros.h"
#include "storage/change_log.h"
#include "storage/database.h"
#include "storage/testing_raw_sql.h"
#include "test_server.h"

namespace sangkien::api_test {
namespace {

using ::testing::IsEmpty;
using ::testing::Not;

// What a client keeps: each resource by name, with a version stamp.
using Mirror = std::map<std::string, std::string>;

std::string Stamp(const v1::Change& c) {
  switch (c.resource_case()) {
    case v1::Change::kUnit:
      return c.unit().etag();
    case v1::Change::kUnitGroup:
      return c.unit_group().etag();
    case v1::Change::kPlan:
      return c.plan().etag();
    case v1::Change::kTask:
      return c.task().etag();
    case v1::Change::kAssignment:
      return absl::StrCat(IsoDate(c.assignment().next_due_date()), "|",
                          c.assignment().last_report());
    case v1::Change::kProgressReport:
      return c.progress_report().text();
    case v1::Change::kProposal:
      return c.proposal().etag();
    case v1::Change::kBroadcast:
      return c.broadcast().etag();
    case v1::Change::kCaseStudy:
      return c.case_study().etag();
    case v1::Change::kAnnouncement:
      return c.announcement().etag();
    default:
      return "?";
  }
}

// Applies one response's changes; fails the test if a name repeats within
// it.
void Apply(const google::protobuf::RepeatedPtrField<v1::Change>& changes, Mirror& mirror) {
  std::set<std::string> names;
  for (const auto& c : changes) {
    EXPECT_TRUE(names.insert(c.name()).second) << c.name() << " twice in one response";
    if (c.deleted()) {
      EXPECT_EQ(c.resource_case(), v1::Change::RESOURCE_NOT_SET);
      mirror.erase(c.name());
    } else {
      EXPECT_NE(c.resource_case(), v1::Change::RESOURCE_NOT_SET) << c.name();
      mirror[c.name()] = Stamp(c);
    }
  }
}

class SyncTest : public ApiTest {
 protected:
  // Follows ListChanges from `marker` until caught up; returns the last
  // marker.
  std::string Follow(Mirror& mirror, std::string marker = "", int page_size = 0) {
    v1::ListChangesRequest request;
    request.set_resume_marker(marker);
    request.set_page_size(page_size);
    for (int pages = 0; pages < 10000; ++pages) {
      v1::ListChangesResponse response;
      grpc::Status status = Call(&v1::SyncService::Stub::ListChanges, request, &response);
      EXPECT_TRUE(status.ok()) << status.error_message();
      if (!status.ok()) break;
      Apply(response.changes(), mirror);
      EXPECT_FALSE(response.next_marker().empty());
      request.set_resume_marker(response.next_marker());
      if (response.caught_up()) break;
      EXPECT_EQ(response.changes_size(), page_size == 0 ? 200 : page_size)
          << "a page before the end is not full";
    }
    return request.resume_marker();
  }

  // What the current identity reads through the ordinary services.
  Mirror Visible() {
    Mirror m;
    for (const auto& u : AllUnits()) m[u.name()] = u.etag();
    v1::ListUnitGroupsRequest groups;
    groups.set_page_size(500);
    v1::ListUnitGroupsResponse group_page;
    EXPECT_TRUE(Call(&v1::DirectoryService::Stub::ListUnitGroups, groups, &group_page).ok());
    for (const auto& g : group_page.unit_groups()) m[g.name()] = g.etag();
    for (const auto& p : AllPlans()) {
      m[p.name()] = p.etag();
      for (const auto& t : AllTasks(p.name())) {
        m[t.name()] = t.etag();
        for (const auto& r : AllReports(t.name())) m[r.name()] = r.text();
      }
      for (const auto& a : AllAssignments(p.name())) {
        m[a.name()] = absl::StrCat(IsoDate(a.next_due_date()), "|", a.last_report());
      }
    }
    v1::ListProposalsRequest proposals;
    proposals.set_page_size(500);
    for (int pages = 0; pages < 100; ++pages) {
      v1::ListProposalsResponse page;
      EXPECT_TRUE(Call(&v1::ProposalService::Stub::ListProposals, proposals, &page).ok());
      for (const auto& p : page.proposals()) m[p.name()] = p.etag();
      if (page.next_page_token().empty()) break;
      proposals.set_page_token(page.next_page_token());
    }
    // Publicity, every page of each list.
    auto all = [&](auto list_method, auto request, auto items, auto& response) {
      request.set_page_size(500);
      for (int pages = 0; pages < 100; ++pages) {
        EXPECT_TRUE(Call(list_method, request, &response).ok());
        for (const auto& item : items(response)) m[item.name()] = item.etag();
        if (response.next_page_token().empty()) break;
        request.set_page_token(response.next_page_token());
      }
    };
    v1::ListBroadcastsResponse broadcasts;
    all(
        &v1::PublicityService::Stub::ListBroadcasts, v1::ListBroadcastsRequest(),
        [](const v1::ListBroadcastsResponse& r) { return r.broadcasts(); }, broadcasts);
    v1::ListCaseStudiesResponse case_studies;
    all(
        &v1::PublicityService::Stub::ListCaseStudies, v1::ListCaseStudiesRequest(),
        [](const v1::ListCaseStudiesResponse& r) { return r.case_studies(); }, case_studies);
    v1::ListAnnouncementsResponse announcements;
    all(
        &v1::PublicityService::Stub::ListAnnouncements, v1::ListAnnouncementsRequest(),
        [](const v1::ListAnnouncementsResponse& r) { return r.announcements(); }, announcements);
    return m;
  }

  v1::Plan CreatePlan(const std::string& title, v1::PlanState state) {
    return CreatePlanWithOneTask(title, state);
  }

  v1::Plan SetPlanState(const std::string& plan, v1::PlanState state) {
    v1::UpdatePlanRequest update;
    update.mutable_plan()->set_name(plan);
    update.mutable_plan()->set_state(state);
    update.mutable_update_mask()->add_paths("state");
    v1::Plan out;
    grpc::Status status = Call(&v1::PlanService::Stub::UpdatePlan, update, &out);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return out;
  }

  // Retitles a task of the seed plan as the coordinator (on `stub` so that
  // threads can share it).
  static grpc::Status Retitle(v1::PlanService::Stub& stub, const std::string& secret,
                              const std::string& task, const std::string& title) {
    grpc::ClientContext context;
    context.set_deadline(CallDeadline());
    context.AddMetadata("authorization", "Bearer " + secret);
    v1::UpdateTaskRequest request;
    request.mutable_task()->set_name(task);
    request.mutable_task()->set_title(title);
    request.mutable_update_mask()->add_paths("title");
    v1::Task out;
    return stub.UpdateTask(&context, request, &out);
  }
};

TEST_F(SyncTest, AMirrorFromTheBeginningEqualsWhatThePublicReads) {
  UsePublic();
  Mirror mirror;
  Follow(mirror, "", 7);
  Mirror visible = Visible();
  EXPECT_GT(visible.size(), 50u);
  EXPECT_EQ(mirror, visible);
}

TEST_F(SyncTest, InternalRolesMirrorDraftsToo) {
  UseDemoAccount("coordinator");
  v1::Plan draft = CreatePlan("Kế hoạch nháp đồng bộ", v1::PLAN_STATE_DRAFT);
  Mirror mirror;
  Follow(mirror);
  EXPECT_TRUE(mirror.count(draft.name()));
  EXPECT_EQ(mirror, Visible());
  UsePublic();
  Mirror outside;
  Follow(outside);
  EXPECT_FALSE(outside.count(draft.name()));
}

TEST_F(SyncTest, ResumingGivesOnlyWhatChangedAsItIsNow) {
  UsePublic();
  Mirror mirror;
  std::string marker = Follow(mirror);
  UseDemoAccount("coordinator");
  v1::Task task = SeedTask("4.2");
  for (const char* title : {"Tiêu đề thứ nhất", "Tiêu đề thứ hai"}) {
    ASSERT_TRUE(Retitle(*plans_, DemoSecret("coordinator"), task.name(), title).ok());
  }
  UsePublic();
  v1::ListChangesRequest request;
  request.set_resume_marker(marker);
  v1::ListChangesResponse response;
  ASSERT_TRUE(Call(&v1::SyncService::Stub::ListChanges, request, &response).ok());
  EXPECT_TRUE(response.caught_up());
  int task_entries = 0;
  for (const auto& c : response.changes()) {
    EXPECT_TRUE(absl::StartsWith(c.name(), task.name())) << c.name();
    if (c.name() == task.name()) {
      ++task_entries;
      EXPECT_EQ(c.task().title(), "Tiêu đề thứ hai");
    }
  }
  EXPECT_EQ(task_entries, 1);
  Apply(response.changes(), mirror);
  EXPECT_EQ(mirror, Visible());
  // Nothing new: an empty page that keeps the place.
  request.set_resume_marker(response.next_marker());
  ASSERT_TRUE(Call(&v1::SyncService::Stub::ListChanges, request, &response).ok());
  EXPECT_THAT(response.changes(), IsEmpty());
  EXPECT_TRUE(response.caught_up());
}

TEST_F(SyncTest, UnpublishingSendsTombstonesAndDraftsStayUnnamed) {
  UseDemoAccount("coordinator");
  v1::Plan plan = CreatePlan("Kế hoạch sẽ rút lại", v1::PLAN_STATE_PUBLISHED);
  const std::string task = AllTasks(plan.name()).at(0).name();
  UsePublic();
  Mirror mirror;
  std::string marker = Follow(mirror);
  ASSERT_TRUE(mirror.count(plan.name()));
  UseDemoAccount("coordinator");
  Mirror inside;
  std::string inside_marker = Follow(inside);
  SetPlanState(plan.name(), v1::PLAN_STATE_DRAFT);
  v1::Plan secret = CreatePlan("Kế hoạch mật", v1::PLAN_STATE_DRAFT);
  v1::DeletePlanRequest del;
  del.set_name(secret.name());
  v1::Plan deleted;
  ASSERT_TRUE(Call(&v1::PlanService::Stub::DeletePlan, del, &deleted).ok());

  UsePublic();
  v1::ListChangesRequest request;
  request.set_resume_marker(marker);
  v1::ListChangesResponse response;
  ASSERT_TRUE(Call(&v1::SyncService::Stub::ListChanges, request, &response).ok());
  std::set<std::string> tombstones;
  for (const auto& c : response.changes()) {
    EXPECT_TRUE(c.deleted()) << c.name();
    EXPECT_FALSE(absl::StartsWith(c.name(), secret.name())) << "a draft was named: " << c.name();
    tombstones.insert(c.name());
  }
  EXPECT_TRUE(tombstones.count(plan.name()));
  EXPECT_TRUE(tombstones.count(task));
  Apply(response.changes(), mirror);
  EXPECT_EQ(mirror, Visible());

  UseDemoAccount("coordinator");
  Follow(inside, inside_marker);
  EXPECT_TRUE(inside.count(plan.name()));
  EXPECT_FALSE(inside.count(secret.name()));
  EXPECT_EQ(inside, Visible());
}

TEST_F(SyncTest, ConcurrentWritersAndAFollowingReaderEndEqual) {
  UseDemoAccount("coordinator");
  std::vector<v1::Task> tasks = SeedTasks();
  ASSERT_GE(tasks.size(), 4u);
  const std::string secret = DemoSecret("coordinator");
  std::atomic<bool> writing{true};
  std::atomic<int> failures{0};
  std::vector<std::thread> writers;
  for (int w = 0; w < 4; ++w) {
    writers.emplace_back([&, w] {
      auto stub = v1::PlanService::NewStub(channel());
      for (int i = 0; i < 15; ++i) {
        // Each writer owns one task, so etags never race.
        if (!Retitle(*stub, secret, tasks[w].name(), absl::StrCat("Viết ", w, " lần ", i)).ok()) {
          ++failures;
        }
      }
    });
  }
  UsePublic();
  Mirror mirror;
  std::string marker;
  std::thread done([&] {
    for (auto& t : writers) t.join();
    writing = false;
  });
  while (writing) marker = Follow(mirror, marker, 5);
  done.join();
  marker = Follow(mirror, marker, 5);
  EXPECT_EQ(failures, 0);
  EXPECT_EQ(mirror, Visible());
  for (int w = 0; w < 4; ++w) {
    v1::GetTaskRequest get;
    get.set_name(tasks[w].name());
    v1::Task now;
    ASSERT_TRUE(Call(&v1::PlanService::Stub::GetTask, get, &now).ok());
    EXPECT_EQ(now.title(), absl::StrCat("Viết ", w, " lần 14"));
    EXPECT_EQ(mirror[now.name()], now.etag());
  }
}

TEST_F(SyncTest, AWatcherThatDropsAndResumesMissesNothing) {
  UseDemoAccount("coordinator");
  std::vector<v1::Task> tasks = SeedTasks();
  const std::string secret = DemoSecret("coordinator");
  std::atomic<bool> writing{true};
  std::thread writer([&] {
    auto stub = v1::PlanService::NewStub(channel());
    for (int i = 0; i < 40; ++i) {
      EXPECT_TRUE(
          Retitle(*stub, secret, tasks[i % tasks.size()].name(), absl::StrCat("Lượt ", i)).ok());
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    writing = false;
  });
  UsePublic();
  Mirror mirror;
  std::string marker;
  std::mt19937 random(7);
  int reconnects = 0;
  bool settled = false;
  while (!settled && reconnects < 500) {
    ++reconnects;
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
    v1::WatchChangesRequest request;
    request.set_resume_marker(marker);
    auto reader = sync_->WatchChanges(&context, request);
    int reads = 1 + static_cast<int>(random() % 4);
    v1::WatchChangesResponse message;
    while (reads-- > 0 && reader->Read(&message)) {
      Apply(message.changes(), mirror);
      marker = message.marker();
      if (!writing && message.caught_up()) {
        settled = true;
        break;
      }
    }
    context.TryCancel();
    grpc::Status status = reader->Finish();
    EXPECT_TRUE(status.ok() || status.error_code() == grpc::StatusCode::CANCELLED)
        << status.error_code() << " " << status.error_message();
  }
  writer.join();
  // One more look, in case the last write landed after the last read.
  Follow(mirror, marker);
  EXPECT_GT(reconnects, 3);
  EXPECT_EQ(mirror, Visible());
}

TEST_F(SyncTest, AQuietWatchGetsHeartbeatsWithTheMarker) {
  UsePublic();
  Mirror mirror;
  std::string marker = Follow(mirror);
  grpc::ClientContext context;
  context.set_deadline(CallDeadline());
  v1::WatchChangesRequest request;
  request.set_resume_marker(marker);
  auto reader = sync_->WatchChanges(&context, request);
  v1::WatchChangesResponse message;
  absl::Time start = absl::Now();
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(reader->Read(&message));
    EXPECT_THAT(message.changes(), IsEmpty());
    EXPECT_TRUE(message.caught_up());
    EXPECT_FALSE(message.marker().empty());
  }
  // The first at once, then one per heartbeat interval (0.5 s in tests).
  EXPECT_GE(absl::Now() - start, absl::Milliseconds(900));
  // A change arrives live.
  UseDemoAccount("coordinator");
  ASSERT_TRUE(
      Retitle(*plans_, DemoSecret("coordinator"), SeedTask("1.1").name(), "Trực tiếp").ok());
  bool seen = false;
  for (int i = 0; i < 10 && !seen; ++i) {
    ASSERT_TRUE(reader->Read(&message));
    for (const auto& c : message.changes()) seen = seen || c.task().title() == "Trực tiếp";
  }
  EXPECT_TRUE(seen);
  context.TryCancel();
  reader->Finish();
}

TEST_F(SyncTest, AReaderThatStopsReadingIsEndedNotBuffered) {
  // A client with a small receive window and no window growth, so that the
  // server's writes stall once the client stops reading.
  grpc::ChannelArguments args;
  args.SetInt(GRPC_ARG_HTTP2_BDP_PROBE, 0);
  args.SetInt(GRPC_ARG_HTTP2_STREAM_LOOKAHEAD_BYTES, 1024);
  auto channel = grpc::CreateCustomChannel(target(), grpc::InsecureChannelCredentials(), args);
  auto sync = v1::SyncService::NewStub(channel);
  grpc::ClientContext context;
  context.set_deadline(CallDeadline());
  context.AddMetadata("authorization", "Bearer " + DemoSecret("coordinator"));
  auto reader = sync->WatchChanges(&context, v1::WatchChangesRequest());
  // Keep writing large tasks while not reading, longer than the server's
  // patience (2 s in tests).
  UseDemoAccount("coordinator");
  const std::string body(15000, 'x');
  for (int i = 0; i < 25; ++i) {
    v1::UpdateTaskRequest update;
    update.mutable_task()->set_name(SeedTask("1.1").name());
    update.mutable_task()->set_body(absl::StrCat(i, body));
    update.mutable_update_mask()->add_paths("body");
    v1::Task out;
    ASSERT_TRUE(Call(&v1::PlanService::Stub::UpdateTask, update, &out).ok());
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
  }
  v1::WatchChangesResponse message;
  int messages = 0;
  while (reader->Read(&message)) ++messages;
  grpc::Status status = reader->Finish();
  EXPECT_TRUE(IsApiError(status, grpc::StatusCode::RESOURCE_EXHAUSTED, "SLOW_CONSUMER"))
      << status.error_code() << " " << status.error_message() << " after " << messages;
}

TEST_F(SyncTest, MarkersAreCheckedAndBelongToTheirCaller) {
  UsePublic();
  v1::ListChangesRequest request;
  request.set_resume_marker("not-a-marker");
  v1::ListChangesResponse response;
  EXPECT_TRUE(IsInvalidArgument(Call(&v1::SyncService::Stub::ListChanges, request, &response),
                                {"resume_marker"}));
  request.set_resume_marker("");
  request.set_page_size(1001);
  EXPECT_TRUE(IsInvalidArgument(Call(&v1::SyncService::Stub::ListChanges, request, &response),
                                {"page_size"}));
  request.set_page_size(5);
  ASSERT_TRUE(Call(&v1::SyncService::Stub::ListChanges, request, &response).ok());
  UseDemoAccount("coordinator");
  request.set_resume_marker(response.next_marker());
  EXPECT_TRUE(IsInvalidArgument(Call(&v1::SyncService::Stub::ListChanges, request, &response),
                                {"resume_marker"}));
  // WatchChanges refuses it too, before streaming anything.
  grpc::ClientContext context;
  context.set_deadline(CallDeadline());
  Prepare(context);
  v1::WatchChangesRequest watch;
  watch.set_resume_marker("not-a-marker");
  auto reader = sync_->WatchChanges(&context, watch);
  v1::WatchChangesResponse message;
  EXPECT_FALSE(reader->Read(&message));
  EXPECT_TRUE(IsInvalidArgument(reader->Finish(), {"resume_marker"}));
  // A bad token is refused like anywhere else.
  grpc::ClientContext bad;
  bad.set_deadline(CallDeadline());
  bad.AddMetadata("authorization", "Bearer skt_0000000000000000_nope");
  auto refused = sync_->WatchChanges(&bad, v1::WatchChangesRequest());
  EXPECT_FALSE(refused->Read(&message));
  EXPECT_EQ(refused->Finish().error_code(), grpc::StatusCode::UNAUTHENTICATED);
}

TEST_F(SyncTest, CompactionExpiresOldMarkersOnly) {
  UseDemoAccount("coordinator");
  v1::Plan plan = CreatePlan("Kế hoạch sẽ xoá", v1::PLAN_STATE_PUBLISHED);
  UsePublic();
  Mirror mirror;
  std::string old_marker = Follow(mirror);
  UseDemoAccount("coordinator");
  v1::DeletePlanRequest del;
  del.set_name(plan.name());
  v1::Plan deleted;
  ASSERT_TRUE(Call(&v1::PlanService::Stub::DeletePlan, del, &deleted).ok());

  // Compact from the side, as `sangkienctl changes compact` does.
  {
    storage::DatabaseOptions options;
    options.path = database_path();
    auto db = storage::Database::Open(options);
    ASSERT_TRUE(db.ok()) << db.status();
    operations::ProposalOperations proposals(
        **db, [this] { return Now(); }, operations::WeekendsOnlyCalendar());
    operations::PublicityOperations publicity(**db, [this] { return Now(); });
    operations::SyncOperations sync(
        **db, [this] { return Now(); }, proposals, publicity);
    auto dropped = sync.Compact(domain::Caller::System("test"), 0);
    ASSERT_TRUE(dropped.ok()) << dropped.status();
    EXPECT_GE(*dropped, 2);  // the plan and its task at least
  }
  UsePublic();
  v1::ListChangesRequest request;
  request.set_resume_marker(old_marker);
  v1::ListChangesResponse response;
  EXPECT_TRUE(IsApiError(Call(&v1::SyncService::Stub::ListChanges, request, &response),
                         grpc::StatusCode::FAILED_PRECONDITION, "MARKER_EXPIRED"));
  // Starting again works, and so do markers given after the compaction.
  Mirror fresh;
  std::string marker = Follow(fresh, "", 3);
  EXPECT_FALSE(fresh.count(plan.name()));
  EXPECT_EQ(fresh, Visible());
  request.set_resume_marker(marker);
  EXPECT_TRUE(Call(&v1::SyncService::Stub::ListChanges, request, &response).ok());
}

TEST_F(SyncTest, AMarkerAheadOfAnOlderCopyOfTheDatabaseExpires) {
  // Where the change log ends now, read from the side.
  storage::DatabaseOptions options;
  options.path = database_path();
  auto side = storage::Database::Open(options);
  ASSERT_TRUE(side.ok()) << side.status();
  int64_t copied_through = 0;
  ASSERT_TRUE((*side)
                  ->Read([&](storage::Connection& c) -> absl::Status {
                    SK_ASSIGN_OR_RETURN(copied_through, storage::ChangeLog::LatestSeq(c));
                    return absl::OkStatus();
                  })
                  .ok());
  UsePublic();
  Mirror mirror;
  std::string at_copy = Follow(mirror);
  UseDemoAccount("coordinator");
  CreatePlan("Kế hoạch sau bản sao", v1::PLAN_STATE_PUBLISHED);
  UsePublic();
  std::string ahead = Follow(mirror, at_copy);

  // The database goes back to a copy taken before the plan: its change log
  // ends where it ended then.
  ASSERT_TRUE((*side)
                  ->Write([&](storage::Connection& c) -> absl::Status {
                    const std::string through = std::to_string(copied_through);
                    storage::RawSqlForTests::Exec(c, "DELETE FROM changes WHERE seq > " + through);
                    storage::RawSqlForTests::Exec(c, "UPDATE sqlite_sequence SET seq = " + through +
                                                         " WHERE name = 'changes'");
                    return absl::OkStatus();
                  })
                  .ok());
  v1::ListChangesRequest request;
  request.set_resume_marker(ahead);
  v1::ListChangesResponse response;
  EXPECT_TRUE(IsApiError(Call(&v1::SyncService::Stub::ListChanges, request, &response),
                         grpc::StatusCode::FAILED_PRECONDITION, "MARKER_EXPIRED"));
  grpc::ClientContext context;
  context.set_deadline(CallDeadline());
  Prepare(context);
  v1::WatchChangesRequest watch;
  watch.set_resume_marker(ahead);
  auto reader = sync_->WatchChanges(&context, watch);
  v1::WatchChangesResponse message;
  EXPECT_FALSE(reader->Read(&message));
  EXPECT_TRUE(
      IsApiError(reader->Finish(), grpc::StatusCode::FAILED_PRECONDITION, "MARKER_EXPIRED"));
  // A marker the copy had reached still resumes.
  request.set_resume_marker(at_copy);
  grpc::Status at_copy_status = Call(&v1::SyncService::Stub::ListChanges, request, &response);
  EXPECT_TRUE(at_copy_status.ok()) << at_copy_status.error_message();
  EXPECT_TRUE(response.caught_up());
}

}  // namespace
}  // namespace sangkien::api_test
