#include "fakesyncserver.h"

#include <algorithm>
#include <chrono>

#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"

namespace v1 = sangkien::v1;

FakeSyncServer::FakeSyncServer(int port, FakeChangeLog log)
    : m_changes(std::move(log.changes))
    , m_compactedThrough(log.compactedThrough)
    , m_seal(std::move(log.seal))
{
    grpc::ServerBuilder builder;
    builder.AddListeningPort("127.0.0.1:" + std::to_string(port), grpc::InsecureServerCredentials(), &m_port);
    builder.RegisterService(this);
    m_server = builder.BuildAndStart();
}

FakeSyncServer::~FakeSyncServer()
{
    shutdown();
}

void FakeSyncServer::shutdown()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_changed.notify_all();
    if (m_server) {
        m_server->Shutdown(std::chrono::system_clock::now() + std::chrono::milliseconds(200));
        m_server->Wait();
        m_server.reset();
    }
}

void FakeSyncServer::append(const v1::Change &change)
{
    {
        std::lock_guard lock(m_mutex);
        m_changes.push_back(change);
    }
    m_changed.notify_all();
}

int FakeSyncServer::listChangesCalls() const
{
    std::lock_guard lock(m_mutex);
    return m_listChangesCalls;
}

std::string FakeSyncServer::lastAuthorization() const
{
    std::lock_guard lock(m_mutex);
    return m_authorization;
}

grpc::Status FakeSyncServer::checkMarker(grpc::ServerContext *context, const std::string &marker, int *index)
{
    auto auth = context->client_metadata().find("authorization");
    if (auth != context->client_metadata().end()) {
        m_authorization = std::string(auth->second.data(), auth->second.size());
    }
    const std::string digits = marker.substr(std::min(marker.size(), m_seal.size()));
    if (!marker.empty() && (marker.compare(0, m_seal.size(), m_seal) != 0 || digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos)) {
        google::rpc::Status details;
        details.set_code(grpc::StatusCode::INVALID_ARGUMENT);
        details.set_message("invalid request: resume_marker: is not a marker this server gave to this caller");
        google::rpc::BadRequest bad;
        auto *violation = bad.add_field_violations();
        violation->set_field("resume_marker");
        violation->set_description("is not a marker this server gave to this caller");
        details.add_details()->PackFrom(bad);
        return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, details.message(), details.SerializeAsString());
    }
    const int seq = marker.empty() ? m_compactedThrough : std::stoi(digits);
    *index = std::max(0, seq - m_compactedThrough);
    if (seq < m_compactedThrough || seq > m_compactedThrough + int(m_changes.size())) {
        google::rpc::Status details;
        details.set_code(grpc::StatusCode::FAILED_PRECONDITION);
        details.set_message("marker expired");
        google::rpc::ErrorInfo info;
        info.set_reason("MARKER_EXPIRED");
        info.set_domain("sangkien.v1");
        details.add_details()->PackFrom(info);
        return grpc::Status(grpc::StatusCode::FAILED_PRECONDITION, "marker expired", details.SerializeAsString());
    }
    return grpc::Status::OK;
}

grpc::Status FakeSyncServer::ListChanges(grpc::ServerContext *context, const v1::ListChangesRequest *request, v1::ListChangesResponse *response)
{
    std::lock_guard lock(m_mutex);
    ++m_listChangesCalls;
    int index = 0;
    if (auto status = checkMarker(context, request->resume_marker(), &index); !status.ok()) {
        return status;
    }
    const int pageSize = request->page_size() > 0 ? request->page_size() : 200;
    int i = index;
    for (; i < int(m_changes.size()) && i < index + pageSize; ++i) {
        *response->add_changes() = m_changes[i];
    }
    response->set_next_marker(markerAt(std::max(i, index)));
    response->set_caught_up(i >= int(m_changes.size()));
    return grpc::Status::OK;
}

grpc::Status FakeSyncServer::WatchChanges(
    grpc::ServerContext *context, const v1::WatchChangesRequest *request, grpc::ServerWriter<v1::WatchChangesResponse> *writer)
{
    std::unique_lock lock(m_mutex);
    int index = 0;
    if (auto status = checkMarker(context, request->resume_marker(), &index); !status.ok()) {
        return status;
    }
    for (;;) {
        v1::WatchChangesResponse response;
        for (; index < int(m_changes.size()); ++index) {
            *response.add_changes() = m_changes[index];
        }
        response.set_marker(markerAt(index));
        response.set_caught_up(true);
        lock.unlock();
        if (!writer->Write(response)) {
            return grpc::Status::OK;
        }
        lock.lock();
        m_changed.wait_for(lock, std::chrono::milliseconds(200));
        if (m_stopping || context->IsCancelled()) {
            return grpc::Status(grpc::StatusCode::UNAVAILABLE, "shutting down");
        }
    }
}

v1::Change planChange(const std::string &name, const std::string &title)
{
    v1::Change c;
    c.set_name(name);
    c.mutable_plan()->set_name(name);
    c.mutable_plan()->set_title(title);
    c.mutable_plan()->set_symbol("45/KH-UBND");
    c.mutable_plan()->mutable_issue_date()->set_year(2022);
    c.mutable_plan()->mutable_issue_date()->set_month(3);
    c.mutable_plan()->mutable_issue_date()->set_day(4);
    return c;
}

v1::Change taskChange(const std::string &name, const std::string &title, int position, const std::string &timeframe)
{
    v1::Change c;
    c.set_name(name);
    auto *t = c.mutable_task();
    t->set_name(name);
    t->set_title(title);
    t->set_position(position);
    t->set_number(std::to_string(position));
    t->mutable_timeframe()->set_display_text(timeframe);
    t->add_lead_units()->set_display_name("Phòng Nội vụ");
    t->add_coordinating_units()->set_display_name("UBND các xã, thị trấn");
    return c;
}

v1::Change assignmentChange(const std::string &name, const std::string &unit, const std::string &title, bool overdue, bool lead)
{
    v1::Change c;
    c.set_name(name);
    auto *a = c.mutable_assignment();
    a->set_name(name);
    a->set_unit(unit);
    a->set_task_title(title);
    a->set_task_number("1.2");
    a->set_overdue(overdue);
    a->set_role(lead ? v1::ASSIGNMENT_ROLE_LEAD : v1::ASSIGNMENT_ROLE_COORDINATE);
    a->mutable_timeframe()->set_display_text("Quý III/2022");
    a->mutable_next_due_date()->set_year(2022);
    a->mutable_next_due_date()->set_month(9);
    a->mutable_next_due_date()->set_day(30);
    return c;
}

v1::Change tombstone(const std::string &name)
{
    v1::Change c;
    c.set_name(name);
    c.set_deleted(true);
    return c;
}
