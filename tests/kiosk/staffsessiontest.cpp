// Staff mode's core against the real server with the demo district: the
// commune's staff list, a wrong PIN told in Vietnamese, signing in, filing
// a report the server then holds, and signing out revoking the session.
// Run by staff_session_test.sh, which starts the server and passes:
//   SANGKIEN_TARGET, SANGKIEN_KIOSK_TOKEN, SANGKIEN_ADMIN_TOKEN, SANGKIEN_PIN
#include <QSignalSpy>
#include <QTest>

#include <grpcpp/grpcpp.h>

#include "sangkien/v1/account_service.grpc.pb.h"
#include "sangkien/v1/plan_service.grpc.pb.h"
#include "staffsession.h"

namespace v1 = sangkien::v1;

class StaffSessionTest : public QObject
{
    Q_OBJECT

private:
    SyncOptions options() const
    {
        SyncOptions o;
        o.target = qEnvironmentVariable("SANGKIEN_TARGET");
        o.token = qEnvironmentVariable("SANGKIEN_KIOSK_TOKEN");
        return o;
    }

    std::unique_ptr<grpc::ClientContext> context(const QString &token) const
    {
        auto c = std::make_unique<grpc::ClientContext>();
        c->AddMetadata("authorization", "Bearer " + token.toStdString());
        c->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
        return c;
    }

    std::shared_ptr<grpc::Channel> m_channel;
    QString m_unit;
    QString m_task;
    QString m_staffAccount;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariable("SANGKIEN_TARGET").isEmpty(), "run through staff_session_test.sh");
        m_channel = grpc::CreateChannel(qEnvironmentVariable("SANGKIEN_TARGET").toStdString(), grpc::InsecureChannelCredentials());
        v1::WhoAmIResponse who;
        auto accounts = v1::AccountService::NewStub(m_channel);
        QVERIFY(accounts->WhoAmI(context(options().token).get(), v1::WhoAmIRequest(), &who).ok());
        m_unit = QString::fromStdString(who.account().unit());
        v1::ListAssignmentsRequest request;
        request.set_parent("plans/-");
        request.set_filter("unit = \"" + m_unit.toStdString() + "\"");
        v1::ListAssignmentsResponse page;
        QVERIFY(v1::PlanService::NewStub(m_channel)->ListAssignments(context(options().token).get(), request, &page).ok());
        QVERIFY(page.assignments_size() > 0);
        m_task = QString::fromStdString(page.assignments(0).task());
    }

    void listsTheCommunesStaff()
    {
        StaffSession session(options());
        QSignalSpy changed(&session, &StaffSession::staffChanged);
        session.loadStaff();
        QVERIFY(changed.wait(20000));
        QCOMPARE(session.staff().size(), 1);
        const QVariantMap first = session.staff().at(0).toMap();
        QCOMPARE(first.value(QStringLiteral("name")).toString(), QStringLiteral("Đỗ Văn Nam (demo)"));
        QCOMPARE(first.value(QStringLiteral("lockedUntil")).toString(), QString());
        m_staffAccount = first.value(QStringLiteral("account")).toString();
        QVERIFY(m_staffAccount.startsWith(QStringLiteral("accounts/")));
    }

    void wrongPinIsRefusedInVietnamese()
    {
        StaffSession session(options());
        QSignalSpy failed(&session, &StaffSession::signInFailed);
        const QString pin = qEnvironmentVariable("SANGKIEN_PIN");
        session.signIn(m_staffAccount, pin == QStringLiteral("000000") ? QStringLiteral("111111") : QStringLiteral("000000"));
        QVERIFY(failed.wait(20000));
        QVERIFY(!session.signedIn());
        QVERIFY2(session.error().contains(QStringLiteral("Mã PIN không đúng")), qPrintable(session.error()));
        QVERIFY2(session.error().contains(QStringLiteral("còn 4 lần thử")), qPrintable(session.error()));
    }

    void signsInFilesAReportAndSignsOut()
    {
        StaffSession session(options());
        QSignalSpy signedIn(&session, &StaffSession::signedInChanged);
        session.signIn(m_staffAccount, qEnvironmentVariable("SANGKIEN_PIN"));
        QVERIFY(signedIn.wait(20000));
        QVERIFY(session.signedIn());
        QCOMPARE(session.staffName(), QStringLiteral("Đỗ Văn Nam (demo)"));
        QVERIFY(session.error().isEmpty());

        // Typed on the on-screen keyboard: may arrive decomposed.
        const QString text = QStringLiteral("Đã tổ chức họp dân tại thôn 3 ") + QString::number(QDateTime::currentMSecsSinceEpoch());
        QSignalSpy filed(&session, &StaffSession::reportFiled);
        session.fileReport(m_task, m_unit, 60, text.normalized(QString::NormalizationForm_D));
        QVERIFY(filed.wait(20000));
        const QString reportName = filed.at(0).at(0).toString();
        QVERIFY(reportName.startsWith(m_task + QStringLiteral("/progressReports/")));

        // The server holds it, in NFC, as filed by the staff member's unit.
        v1::ListProgressReportsRequest list;
        list.set_parent(m_task.toStdString());
        v1::ListProgressReportsResponse reports;
        QVERIFY(v1::PlanService::NewStub(m_channel)->ListProgressReports(context(options().token).get(), list, &reports).ok());
        bool found = false;
        for (const auto &r : reports.progress_reports()) {
            if (QString::fromStdString(r.name()) == reportName) {
                found = true;
                QCOMPARE(QString::fromStdString(r.text()), text);
                QCOMPARE(r.progress_percent(), 60);
                QCOMPARE(QString::fromStdString(r.unit()), m_unit);
            }
        }
        QVERIFY(found);

        session.signOut();
        QVERIFY(!session.signedIn());
        // The revocation reaches the server: every kiosk session of the
        // account is revoked once the call is answered.
        QTRY_VERIFY_WITH_TIMEOUT(!session.busy(), 20000);
        v1::ListTokensRequest tokens;
        tokens.set_parent(m_staffAccount.toStdString());
        v1::ListTokensResponse listed;
        QVERIFY(v1::AccountService::NewStub(m_channel)->ListTokens(context(qEnvironmentVariable("SANGKIEN_ADMIN_TOKEN")).get(), tokens, &listed).ok());
        int sessions = 0;
        for (const auto &t : listed.tokens()) {
            if (t.display_name().rfind("Phiên kiosk", 0) == 0) {
                ++sessions;
                QVERIFY2(t.has_revoke_time(), t.name().c_str());
            }
        }
        QVERIFY(sessions >= 1);

        // Without a session nothing is sent.
        QSignalSpy refused(&session, &StaffSession::reportFailed);
        session.fileReport(m_task, m_unit, 70, QStringLiteral("không gửi"));
        QCOMPARE(refused.count(), 1);
    }

    void unreachableServerIsSaidPlainly()
    {
        SyncOptions o = options();
        o.target = QStringLiteral("127.0.0.1:1");
        StaffSession session(o);
        QSignalSpy failed(&session, &StaffSession::signInFailed);
        session.signIn(m_staffAccount, QStringLiteral("123456"));
        QVERIFY(failed.wait(30000));
        QCOMPARE(session.error(), QStringLiteral("Cannot reach the server. Try again when the connection is back."));
    }
};

QTEST_GUILESS_MAIN(StaffSessionTest)
#include "staffsessiontest.moc"
