#include "staffsession.h"

#include <QDateTime>
#include <QQmlEngine>
#include <QUuid>

#include <grpcpp/grpcpp.h>

#include <chrono>

#include "catalog.h"
#include "format.h"
#include "rpcsupport.h"
#include "sangkien/v1/account_service.grpc.pb.h"
#include "sangkien/v1/plan_service.grpc.pb.h"

namespace v1 = sangkien::v1;

namespace
{
constexpr int kCallDeadlineSeconds = 15;
StaffSession *s_instance = nullptr;

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}
} // namespace

StaffSession::StaffSession(SyncOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    s_instance = this;
}

StaffSession::~StaffSession()
{
    // A session left open would outlive the kiosk by up to its TTL: revoke it,
    // giving the server a moment, then give up on whatever is still running.
    signOut();
    waitForCalls(3000);
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        for (const auto &entry : m_inFlight) {
            entry.second->TryCancel();
        }
    }
    waitForCalls(-1);
    if (s_instance == this) {
        s_instance = nullptr;
    }
}

StaffSession *StaffSession::instance()
{
    return s_instance;
}

StaffSession *StaffSession::create(QQmlEngine *, QJSEngine *)
{
    QQmlEngine::setObjectOwnership(s_instance, QQmlEngine::CppOwnership);
    return s_instance;
}

void StaffSession::waitForCalls(int ms)
{
    std::unique_lock<std::mutex> lock(m_mutex);
    auto empty = [this] {
        return m_inFlight.empty();
    };
    if (ms < 0) {
        m_idle.wait(lock, empty);
    } else {
        m_idle.wait_for(lock, std::chrono::milliseconds(ms), empty);
    }
}

template <typename Response, typename Start>
void StaffSession::call(const QString &token, Start start, std::function<void(const grpc::Status &, const Response &)> done)
{
    if (!m_channel) {
        m_channel = makeChannel(m_options);
        m_accounts = v1::AccountService::NewStub(m_channel);
        m_plans = v1::PlanService::NewStub(m_channel);
    }
    auto context = std::make_shared<grpc::ClientContext>();
    auto response = std::make_shared<Response>();
    context->AddMetadata("authorization", "Bearer " + token.toStdString());
    context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(kCallDeadlineSeconds));
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_inFlight.emplace(context.get(), context);
    }
    ++m_pending;
    Q_EMIT busyChanged();
    // The callback holds no reference to the context: the map releases it,
    // so the channel it refers to is never released last on a gRPC thread
    // (gRPC 1.51 then destroys its callback queue from that queue's own
    // thread and frees it twice).
    grpc::ClientContext *raw = context.get();
    start(raw, response.get(), [this, raw, response, done](grpc::Status status) {
        // Queued to the GUI thread; dropped by Qt if this object is gone by
        // then, which the destructor's wait makes safe.
        QMetaObject::invokeMethod(
            this,
            [this, status, response, done] {
                --m_pending;
                Q_EMIT busyChanged();
                done(status, *response);
            },
            Qt::QueuedConnection);
        std::lock_guard<std::mutex> lock(m_mutex);
        m_inFlight.erase(raw);
        m_idle.notify_all();
    });
}

void StaffSession::setErrorText(const QString &text)
{
    if (m_error != text) {
        m_error = text;
        Q_EMIT errorChanged();
    }
}

void StaffSession::setError(const grpc::Status &status)
{
    if (isUnreachable(status)) {
        setErrorText(tr("Cannot reach the server. Try again when the connection is back."));
        return;
    }
    const Catalog *catalog = Catalog::instance();
    setErrorText(errorText(status, !catalog || catalog->language() == QStringLiteral("vi")));
}

void StaffSession::clearError()
{
    setErrorText({});
}

void StaffSession::loadStaff()
{
    using Response = v1::ListKioskStaffResponse;
    call<Response>(
        m_options.token,
        [this](grpc::ClientContext *context, Response *response, std::function<void(grpc::Status)> cb) {
            static const v1::ListKioskStaffRequest request;
            m_accounts->async()->ListKioskStaff(context, &request, response, std::move(cb));
        },
        [this](const grpc::Status &status, const Response &response) {
            if (!status.ok()) {
                setError(status);
                return;
            }
            QVariantList staff;
            for (const auto &m : response.staff()) {
                QString locked;
                if (m.has_locked_until()) {
                    locked = Format::time(QDateTime::fromSecsSinceEpoch(m.locked_until().seconds(), Qt::UTC));
                }
                staff.append(QVariantMap{{QStringLiteral("account"), qs(m.account())}, {QStringLiteral("name"), qs(m.display_name())},
                    {QStringLiteral("position"), qs(m.position())}, {QStringLiteral("lockedUntil"), locked}});
            }
            m_staff = staff;
            Q_EMIT staffChanged();
        });
}

void StaffSession::signIn(const QString &account, const QString &pin)
{
    using Response = v1::SignInWithPinResponse;
    clearError();
    auto request = std::make_shared<v1::SignInWithPinRequest>();
    request->set_account(account.toStdString());
    request->set_pin(pin.toStdString());
    const quint64 generation = m_generation;
    call<Response>(
        m_options.token,
        [this, request](grpc::ClientContext *context, Response *response, std::function<void(grpc::Status)> cb) {
            m_accounts->async()->SignInWithPin(context, request.get(), response, [request, cb = std::move(cb)](grpc::Status s) {
                cb(std::move(s));
            });
        },
        [this, generation](const grpc::Status &status, const Response &response) {
            if (!status.ok()) {
                setError(status);
                if (errorReason(status) == "PIN_LOCKED") {
                    loadStaff(); // show the lock beside the name
                }
                Q_EMIT signInFailed();
                return;
            }
            if (generation != m_generation || signedIn()) {
                // The kiosk went home while the PIN was checked: nobody is
                // there to use this session, so close it again.
                revoke(qs(response.secret()), qs(response.token().name()));
                return;
            }
            m_secret = qs(response.secret());
            m_tokenName = qs(response.token().name());
            m_staffName = qs(response.account().display_name());
            m_staffAccount = qs(response.account().name());
            Q_EMIT signedInChanged();
        });
}

void StaffSession::fileReport(const QString &task, const QString &unit, int percent, const QString &text)
{
    using Response = v1::ProgressReport;
    if (!signedIn()) {
        setErrorText(tr("Sign in first."));
        Q_EMIT reportFailed();
        return;
    }
    clearError();
    auto request = std::make_shared<v1::CreateProgressReportRequest>();
    request->set_parent(task.toStdString());
    request->mutable_progress_report()->set_unit(unit.toStdString());
    request->mutable_progress_report()->set_progress_percent(percent);
    request->mutable_progress_report()->set_text(text.trimmed().normalized(QString::NormalizationForm_C).toStdString());
    // A retry after a lost answer must not file the report twice.
    request->set_request_id(QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString());
    call<Response>(
        m_secret,
        [this, request](grpc::ClientContext *context, Response *response, std::function<void(grpc::Status)> cb) {
            m_plans->async()->CreateProgressReport(context, request.get(), response, [request, cb = std::move(cb)](grpc::Status s) {
                cb(std::move(s));
            });
        },
        [this](const grpc::Status &status, const Response &response) {
            if (!status.ok()) {
                setError(status);
                if (status.error_code() == grpc::StatusCode::UNAUTHENTICATED) {
                    endSession(); // expired or revoked: sign in again
                }
                Q_EMIT reportFailed();
                return;
            }
            Q_EMIT reportFiled(qs(response.name()));
        });
}

void StaffSession::endSession()
{
    ++m_generation;
    const bool was = signedIn();
    m_secret.clear();
    m_tokenName.clear();
    m_staffName.clear();
    m_staffAccount.clear();
    if (was) {
        Q_EMIT signedInChanged();
    }
}

void StaffSession::signOut()
{
    const QString secret = m_secret;
    const QString tokenName = m_tokenName;
    endSession();
    clearError();
    if (secret.isEmpty()) {
        return;
    }
    revoke(secret, tokenName);
}

void StaffSession::revoke(const QString &secret, const QString &tokenName)
{
    auto request = std::make_shared<v1::RevokeTokenRequest>();
    request->set_name(tokenName.toStdString());
    call<v1::Token>(
        secret,
        [this, request](grpc::ClientContext *context, v1::Token *out, std::function<void(grpc::Status)> cb) {
            m_accounts->async()->RevokeToken(context, request.get(), out, [request, cb = std::move(cb)](grpc::Status s) {
                cb(std::move(s));
            });
        },
        // Offline, the token simply runs out: the session is short-lived.
        [](const grpc::Status &, const v1::Token &) {});
}
