// Broadcasts expand locally: RRULE in Vietnam's time, exceptions, moved and
// cancelled airings.
#include <QTest>

#include "airings.h"
#include "sangkien/v1/publicity.pb.h"

namespace
{
qint64 utc(int y, int m, int d, int h, int min)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), Qt::UTC).toSecsSinceEpoch();
}

sangkien::v1::Broadcast weekly()
{
    sangkien::v1::Broadcast b;
    b.set_name("broadcasts/1");
    b.set_title("Bản tin cải cách hành chính");
    b.set_station_display_name("Đài truyền thanh xã");
    b.mutable_start_time()->set_seconds(utc(2026, 11, 23, 11, 0));
    b.mutable_duration()->set_seconds(30 * 60);
    b.set_rrule("FREQ=WEEKLY;BYDAY=MO,TH");
    return b;
}
} // namespace

class AiringsTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void expandsWeeklyRuleInLocalTime()
    {
        const auto airings = expandAirings(
            weekly(), QDateTime::fromSecsSinceEpoch(utc(2026, 11, 23, 0, 0), Qt::UTC), QDateTime::fromSecsSinceEpoch(utc(2026, 12, 7, 0, 0), Qt::UTC));
        QCOMPARE(airings.size(), 4); // Mon 23, Thu 26, Mon 30, Thu 3
        QCOMPARE(airings[1].start, QDateTime(QDate(2026, 11, 26), QTime(11, 0), Qt::UTC));
        QCOMPARE(airings[1].end, QDateTime(QDate(2026, 11, 26), QTime(11, 30), Qt::UTC));
        QCOMPARE(airings[0].station, QStringLiteral("Đài truyền thanh xã"));
    }

    void honoursExdatesAndOverrides()
    {
        auto b = weekly();
        b.add_exdates()->set_seconds(utc(2026, 11, 26, 11, 0));
        auto *moved = b.add_overrides();
        moved->mutable_original_start_time()->set_seconds(utc(2026, 11, 30, 11, 0));
        moved->mutable_start_time()->set_seconds(utc(2026, 11, 30, 13, 0));
        moved->set_note("Dời giờ vì họp xã");
        auto *cancelled = b.add_overrides();
        cancelled->mutable_original_start_time()->set_seconds(utc(2026, 12, 3, 11, 0));
        cancelled->set_cancelled(true);
        const auto airings
            = expandAirings(b, QDateTime::fromSecsSinceEpoch(utc(2026, 11, 23, 0, 0), Qt::UTC), QDateTime::fromSecsSinceEpoch(utc(2026, 12, 7, 0, 0), Qt::UTC));
        QCOMPARE(airings.size(), 2);
        QVERIFY(airings[1].moved);
        QCOMPARE(airings[1].start, QDateTime(QDate(2026, 11, 30), QTime(13, 0), Qt::UTC));
        QCOMPARE(airings[1].note, QStringLiteral("Dời giờ vì họp xã"));
    }

    void singleAiringWithoutRule()
    {
        auto b = weekly();
        b.clear_rrule();
        const auto inside = expandAirings(
            b, QDateTime::fromSecsSinceEpoch(utc(2026, 11, 23, 11, 15), Qt::UTC), QDateTime::fromSecsSinceEpoch(utc(2026, 11, 24, 0, 0), Qt::UTC));
        QCOMPARE(inside.size(), 1); // on air at 11:15
        const auto after = expandAirings(
            b, QDateTime::fromSecsSinceEpoch(utc(2026, 11, 24, 0, 0), Qt::UTC), QDateTime::fromSecsSinceEpoch(utc(2026, 11, 25, 0, 0), Qt::UTC));
        QCOMPARE(after.size(), 0);
    }
};

QTEST_GUILESS_MAIN(AiringsTest)
#include "airingstest.moc"
