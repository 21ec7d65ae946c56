// Keeps the LocalStore current from the server's change feed, on its own
// thread: ListChanges until caught up, then WatchChanges. MARKER_EXPIRED
// drops the cache and starts again from an empty marker; an unreachable
// server is retried every few seconds. Results reach the GUI thread only
// through queued signals.
#pragma once

#include <QString>
#include <QThread>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

// The stub's class is nested in the generated service class, so it cannot be
// forward-declared.
#include "sangkien/v1/sync_service.grpc.pb.h"

class LocalStore;
namespace grpc
{
class Channel;
class ClientContext;
class Status;
} // namespace grpc
namespace sangkien::v1
{
class Change;
}

struct SyncOptions {
    QString target; // host:port
    QString caFile; // PEM; empty: plaintext (loopback and tests)
    // The kiosk's own certificate (chain) and private key, PEM, for servers
    // that require client certificates; both or neither, and only with caFile.
    QString certFile;
    QString keyFile;
    bool compression = true; // accept gzip replies (off: identity only)
    QString token; // bearer token of the kiosk account
    int retryMs = 2000; // wait after a failure before trying again
    int pageSize = 500;
};

class SyncEngine : public QThread
{
    Q_OBJECT
public:
    SyncEngine(SyncOptions options, LocalStore *store, QObject *parent = nullptr);
    ~SyncEngine() override;

    // Ends the current call and the thread; blocks until it has ended.
    void stop();

Q_SIGNALS:
    // The cache changed (count resources written or removed).
    void changesApplied(int count);
    // Reachability of the server.
    void connectivityChanged(bool online);
    // The cache is as current as the server's feed at this moment.
    void caughtUp(qint64 syncTimeMs);
    // The kiosk account's unit, `units/{unit}`, learnt from WhoAmI.
    void accountUnitKnown(const QString &unit);

protected:
    void run() override;

private:
    grpc::Status listUntilCaughtUp(sangkien::v1::SyncService::StubInterface &stub);
    grpc::Status watch(sangkien::v1::SyncService::StubInterface &stub);
    void setOnline(bool online);
    void registerContext(grpc::ClientContext *context);
    bool sleepUnlessStopped(int ms);
    // The feed carries case studies' image metadata only: fetch the bytes of
    // new or changed images so that they show offline too.
    void fillImages(std::vector<sangkien::v1::Change> &changes);

    SyncOptions m_options;
    LocalStore *m_store;
    std::atomic<bool> m_stopping{false};
    std::mutex m_mutex;
    std::condition_variable m_wake;
    grpc::ClientContext *m_current = nullptr;
    int m_online = -1; // -1 unknown
    std::shared_ptr<grpc::Channel> m_channel;
};
