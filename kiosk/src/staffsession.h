// Staff mode: a commune cadre signs in at the kiosk with the PIN the server
// issued them, sees the commune's assignments and files progress reports.
// The session is a short-lived token of the cadre's own account, held only
// in memory: signing out, the idle timeout and quitting all revoke it.
// Calls run on gRPC's threads; results come back to the GUI thread queued.
// QML sees it as the `Staff` singleton.
#pragma once

#include <QObject>
#include <QVariantList>
#include <QtQml/qqml.h>

#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>

#include "sangkien/v1/account_service.grpc.pb.h"
#include "sangkien/v1/plan_service.grpc.pb.h"
#include "syncengine.h"

namespace grpc
{
class Channel;
class ClientContext;
class Status;
} // namespace grpc

class StaffSession : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(Staff)
    QML_SINGLETON
    Q_PROPERTY(bool signedIn READ signedIn NOTIFY signedInChanged)
    Q_PROPERTY(QString staffName READ staffName NOTIFY signedInChanged)
    Q_PROPERTY(QString staffAccount READ staffAccount NOTIFY signedInChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    Q_PROPERTY(QVariantList staff READ staff NOTIFY staffChanged)
    Q_PROPERTY(QString tourPin READ tourPin CONSTANT)

public:
    // `options` name the server and the kiosk's own token, which lists the
    // commune's staff and signs them in.
    explicit StaffSession(SyncOptions options, QObject *parent = nullptr);
    ~StaffSession() override;

    static StaffSession *instance();
    static StaffSession *create(QQmlEngine *, QJSEngine *);

    bool signedIn() const { return !m_secret.isEmpty(); }
    QString staffName() const { return m_staffName; }
    QString staffAccount() const { return m_staffAccount; }
    bool busy() const { return m_pending > 0; }
    QString error() const { return m_error; }
    QVariantList staff() const { return m_staff; }
    QString tourPin() const { return m_tourPin; }
    void setTourPin(const QString &pin) { m_tourPin = pin; }

    // Fetches the commune's staff who hold a PIN: [{account, name, position,
    // lockedUntil}] ("HH:mm" while locked, else empty).
    Q_INVOKABLE void loadStaff();
    Q_INVOKABLE void signIn(const QString &account, const QString &pin);
    // Files a report for the commune on `task` (plans/x/tasks/y).
    Q_INVOKABLE void fileReport(const QString &task, const QString &unit, int percent, const QString &text);
    // Ends the session at once and revokes its token on the server.
    Q_INVOKABLE void signOut();
    Q_INVOKABLE void clearError();

Q_SIGNALS:
    void signedInChanged();
    void busyChanged();
    void errorChanged();
    void staffChanged();
    void signInFailed();
    // The server holds the report (`name` is its resource name).
    void reportFiled(const QString &name);
    void reportFailed();

private:
    // Starts one call with `token`: `start(context, response, callback)`
    // issues it; `done(status, response)` runs on the GUI thread.
    template <typename Response, typename Start> void call(const QString &token, Start start, std::function<void(const grpc::Status &, const Response &)> done);
    void setError(const grpc::Status &status);
    void setErrorText(const QString &text);
    void endSession();
    // Revokes a session token with itself; the answer is not waited for.
    void revoke(const QString &secret, const QString &tokenName);
    void waitForCalls(int ms);

    SyncOptions m_options;
    std::shared_ptr<grpc::Channel> m_channel;
    std::unique_ptr<sangkien::v1::AccountService::Stub> m_accounts;
    std::unique_ptr<sangkien::v1::PlanService::Stub> m_plans;
    QString m_secret;
    QString m_tokenName;
    QString m_staffName;
    QString m_staffAccount;
    QString m_error;
    QString m_tourPin;
    QVariantList m_staff;
    int m_pending = 0;
    quint64 m_generation = 0; // bumped by signOut: late answers are dropped

    // Calls in flight, owned here until their callback has run, so that the
    // destructor can cancel and wait for them.
    std::mutex m_mutex;
    std::condition_variable m_idle;
    std::map<grpc::ClientContext *, std::shared_ptr<grpc::ClientContext>> m_inFlight;
};
