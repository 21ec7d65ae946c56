// An in-process SyncService for the kiosk's tests: serves a list of changes
// with markers "1", "2", ..., and lets a test append changes while a
// WatchChanges stream is open.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <grpcpp/grpcpp.h>

#include "sangkien/v1/account_service.grpc.pb.h"
#include "sangkien/v1/sync_service.grpc.pb.h"

// What a FakeSyncServer starts with. Like the real server after a
// compaction, its log may be compacted through some change: earlier markers
// are answered with MARKER_EXPIRED, and so are markers ahead of its end (a
// database replaced by an older copy). Its markers start with `seal`; any
// other marker is refused with INVALID_ARGUMENT on resume_marker, as the
// real server refuses markers sealed with another key.
struct FakeChangeLog {
    int compactedThrough = 0;
    std::string seal;
    std::vector<sangkien::v1::Change> changes;
};

class FakeSyncServer : public sangkien::v1::SyncService::Service
{
public:
    // Starts on a free loopback port (or `port` when given) serving `log`.
    explicit FakeSyncServer(int port = 0, FakeChangeLog log = {});
    ~FakeSyncServer() override;

    int port() const { return m_port; }
    std::string target() const { return "127.0.0.1:" + std::to_string(m_port); }
    void shutdown();

    void append(const sangkien::v1::Change &change);
    std::string lastAuthorization() const;
    int listChangesCalls() const;

    grpc::Status ListChanges(
        grpc::ServerContext *context, const sangkien::v1::ListChangesRequest *request, sangkien::v1::ListChangesResponse *response) override;
    grpc::Status WatchChanges(grpc::ServerContext *context, const sangkien::v1::WatchChangesRequest *request,
        grpc::ServerWriter<sangkien::v1::WatchChangesResponse> *writer) override;

private:
    std::string markerAt(int index) const { return m_seal + std::to_string(m_compactedThrough + index); }
    // The index into m_changes that `marker` resumes from.
    grpc::Status checkMarker(grpc::ServerContext *context, const std::string &marker, int *index);

    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::vector<sangkien::v1::Change> m_changes;
    const int m_compactedThrough;
    const std::string m_seal;
    bool m_stopping = false;
    std::string m_authorization;
    int m_listChangesCalls = 0;
    std::unique_ptr<grpc::Server> m_server;
    int m_port = 0;
};

// Plan, task, ... builders for fixtures.
sangkien::v1::Change planChange(const std::string &name, const std::string &title);
sangkien::v1::Change taskChange(const std::string &name, const std::string &title, int position, const std::string &timeframe);
sangkien::v1::Change assignmentChange(const std::string &name, const std::string &unit, const std::string &title, bool overdue, bool lead);
sangkien::v1::Change tombstone(const std::string &name);
