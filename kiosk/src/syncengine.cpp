#include "syncengine.h"

#include <QDateTime>

#include <grpcpp/grpcpp.h>

#include "localstore.h"
#include "rpcsupport.h"
#include "sangkien/v1/account_service.grpc.pb.h"
#include "sangkien/v1/publicity_service.grpc.pb.h"
#include "sangkien/v1/sync_service.grpc.pb.h"

namespace v1 = sangkien::v1;

namespace
{
constexpr int kCallDeadlineSeconds = 15;

// The cache cannot resume from its marker: the server compacted past it,
// its database went back to an older copy (MARKER_EXPIRED), or it never
// issued it (restored, or another server at the same address). Either way
// the only way on is a fresh copy.
bool mustStartAfresh(const grpc::Status &status)
{
    if (status.error_code() == grpc::StatusCode::FAILED_PRECONDITION) {
        return errorReason(status) == "MARKER_EXPIRED" || status.error_message().find("MARKER_EXPIRED") != std::string::npos;
    }
    return isFieldViolation(status, "resume_marker");
}
} // namespace

SyncEngine::SyncEngine(SyncOptions options, LocalStore *store, QObject *parent)
    : QThread(parent)
    , m_options(std::move(options))
    , m_store(store)
{ }

SyncEngine::~SyncEngine()
{
    stop();
}

void SyncEngine::stop()
{
    m_stopping = true;
    {
        std::lock_guard lock(m_mutex);
        if (m_current) {
            m_current->TryCancel();
        }
    }
    m_wake.notify_all();
    wait();
}

void SyncEngine::registerContext(grpc::ClientContext *context)
{
    std::lock_guard lock(m_mutex);
    m_current = context;
    if (context) {
        if (!m_options.token.isEmpty()) {
            context->AddMetadata("authorization", "Bearer " + m_options.token.toStdString());
        }
        if (m_stopping) {
            context->TryCancel();
        }
    }
}

bool SyncEngine::sleepUnlessStopped(int ms)
{
    std::unique_lock lock(m_mutex);
    m_wake.wait_for(lock, std::chrono::milliseconds(ms), [this] {
        return m_stopping.load();
    });
    return !m_stopping;
}

void SyncEngine::setOnline(bool online)
{
    if (m_online == int(online)) {
        return;
    }
    m_online = int(online);
    Q_EMIT connectivityChanged(online);
}

grpc::Status SyncEngine::listUntilCaughtUp(v1::SyncService::StubInterface &stub)
{
    for (;;) {
        grpc::ClientContext context;
        context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(kCallDeadlineSeconds));
        registerContext(&context);
        v1::ListChangesRequest request;
        request.set_resume_marker(m_store->marker());
        request.set_page_size(m_options.pageSize);
        v1::ListChangesResponse response;
        grpc::Status status = stub.ListChanges(&context, request, &response);
        registerContext(nullptr);
        if (!status.ok()) {
            return status;
        }
        setOnline(true);
        std::vector<v1::Change> changes(response.changes().begin(), response.changes().end());
        fillImages(changes);
        const qint64 now = response.caught_up() ? QDateTime::currentMSecsSinceEpoch() : 0;
        const int dropped = m_store->apply(changes, response.next_marker(), now);
        if (!changes.empty() || dropped > 0) {
            Q_EMIT changesApplied(int(changes.size()) + dropped);
        }
        if (response.caught_up()) {
            Q_EMIT caughtUp(now);
            return grpc::Status::OK;
        }
    }
}

void SyncEngine::fillImages(std::vector<v1::Change> &changes)
{
    std::unique_ptr<v1::PublicityService::Stub> stub;
    for (auto &change : changes) {
        if (!change.has_case_study()) {
            continue;
        }
        const auto cached = m_store->get(change.name());
        for (auto &image : *change.mutable_case_study()->mutable_images()) {
            // Unchanged bytes (same SHA-256) come from the cache.
            if (cached && cached->has_case_study()) {
                for (const auto &old : cached->case_study().images()) {
                    if (old.name() == image.name() && old.sha256() == image.sha256() && !old.data().empty()) {
                        image.set_data(old.data());
                    }
                }
            }
            if (!image.data().empty() || m_stopping) {
                continue;
            }
            if (!stub) {
                stub = v1::PublicityService::NewStub(m_channel);
            }
            grpc::ClientContext context;
            context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(kCallDeadlineSeconds));
            if (!m_options.token.isEmpty()) {
                context.AddMetadata("authorization", "Bearer " + m_options.token.toStdString());
            }
            v1::GetCaseStudyImageRequest request;
            request.set_name(image.name());
            v1::CaseStudyImage full;
            // A failed fetch leaves the image out until the case study changes again.
            if (stub->GetCaseStudyImage(&context, request, &full).ok()) {
                image.set_data(full.data());
            }
        }
    }
}

grpc::Status SyncEngine::watch(v1::SyncService::StubInterface &stub)
{
    grpc::ClientContext context;
    registerContext(&context);
    v1::WatchChangesRequest request;
    request.set_resume_marker(m_store->marker());
    auto reader = stub.WatchChanges(&context, request);
    v1::WatchChangesResponse response;
    while (reader->Read(&response)) {
        setOnline(true);
        std::vector<v1::Change> changes(response.changes().begin(), response.changes().end());
        fillImages(changes);
        const qint64 now = response.caught_up() ? QDateTime::currentMSecsSinceEpoch() : 0;
        const int dropped = m_store->apply(changes, response.marker(), now);
        if (!changes.empty() || dropped > 0) {
            Q_EMIT changesApplied(int(changes.size()) + dropped);
        }
        if (response.caught_up()) {
            Q_EMIT caughtUp(now);
        }
    }
    grpc::Status status = reader->Finish();
    registerContext(nullptr);
    return status;
}

void SyncEngine::run()
{
    auto channel = makeChannel(m_options);
    m_channel = channel;
    auto stub = v1::SyncService::NewStub(channel);
    auto accounts = v1::AccountService::NewStub(channel);
    bool knowAccount = false;
    while (!m_stopping) {
        if (!knowAccount) {
            grpc::ClientContext context;
            context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(kCallDeadlineSeconds));
            registerContext(&context);
            v1::WhoAmIResponse who;
            grpc::Status status = accounts->WhoAmI(&context, v1::WhoAmIRequest(), &who);
            registerContext(nullptr);
            if (status.ok()) {
                knowAccount = true;
                Q_EMIT accountUnitKnown(QString::fromStdString(who.account().unit()));
            }
        }
        // ListChanges pages fill an empty cache; from a marker the watch
        // alone catches up (in pages too) and a resync is one call.
        grpc::Status status = m_store->marker().empty() ? listUntilCaughtUp(*stub) : grpc::Status::OK;
        if (status.ok()) {
            status = watch(*stub);
        }
        if (m_stopping) {
            break;
        }
        if (mustStartAfresh(status) && !m_store->marker().empty()) {
            m_store->startOver();
            continue;
        }
        if (isUnreachable(status)) {
            setOnline(false);
        } else if (status.error_code() == grpc::StatusCode::RESOURCE_EXHAUSTED) {
            continue; // a slow reader: resume from the last marker at once
        } else if (!status.ok()) {
            setOnline(true); // reachable, but it refused: say why and try again later
            qWarning("sync: %d %s", int(status.error_code()), status.error_message().c_str());
        }
        sleepUnlessStopped(m_options.retryMs);
    }
}
