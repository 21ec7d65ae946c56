// The cache applies upserts, tombstones and the marker together, and swaps
// in a fresh copy only once it is complete.
#include <QTemporaryDir>
#include <QTest>

#include "fakesyncserver.h"
#include "localstore.h"

class LocalStoreTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void upsertsTombstonesAndMarker()
    {
        LocalStore store(":memory:");
        QCOMPARE(store.marker(), std::string());
        store.apply({planChange("plans/1", "Kế hoạch cải cách"), taskChange("plans/1/tasks/1", "Rà soát thủ tục", 1, "Quý III/2022")}, "2", 0);
        QCOMPARE(store.count(), 2);
        QCOMPARE(store.marker(), std::string("2"));
        QCOMPARE(store.lastSyncMs(), 0);

        store.apply({planChange("plans/1", "Kế hoạch đã sửa"), tombstone("plans/1/tasks/1")}, "4", 1234);
        QCOMPARE(store.count(), 1);
        QCOMPARE(store.get("plans/1")->plan().title(), std::string("Kế hoạch đã sửa"));
        QVERIFY(!store.get("plans/1/tasks/1"));
        QCOMPARE(store.all(sangkien::v1::Change::kPlan).size(), size_t(1));
        QCOMPARE(store.marker(), std::string("4"));
        QCOMPARE(store.lastSyncMs(), 1234);
    }

    void startingOverKeepsTheOldCopyUntilTheFreshOneIsComplete()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("cache.db")).toStdString();
        {
            LocalStore store(path);
            store.setSetting("commune", "units/7");
            store.apply({planChange("plans/1", "A"), planChange("plans/2", "B"), planChange("plans/3", "C")}, "3", 5);
            QVERIFY(!store.isStartingOver());
            store.startOver();
            QCOMPARE(store.marker(), std::string());
            QVERIFY(store.isStartingOver());
            QCOMPARE(store.count(), 3); // still on screen
            QCOMPARE(store.apply({planChange("plans/2", "B mới")}, "1", 0), 0);
            QCOMPARE(store.count(), 3); // not caught up yet
        }
        // Interrupted half way: the kiosk restarts and carries on.
        LocalStore store(path);
        QVERIFY(store.isStartingOver());
        QCOMPARE(store.marker(), std::string("1"));
        QCOMPARE(store.apply({planChange("plans/9", "D")}, "2", 10), 2); // plans/1 and plans/3 are gone
        QVERIFY(!store.isStartingOver());
        QCOMPARE(store.count(), 2);
        QCOMPARE(store.get("plans/2")->plan().title(), std::string("B mới"));
        QVERIFY(store.get("plans/9").has_value());
        QVERIFY(!store.get("plans/1"));
        QCOMPARE(store.lastSyncMs(), 10);
        QCOMPARE(store.setting("commune"), std::string("units/7"));
        // Later pages prune nothing.
        QCOMPARE(store.apply({planChange("plans/10", "E")}, "3", 11), 0);
        QCOMPARE(store.count(), 3);
    }

    void survivesReopening()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("cache.db")).toStdString();
        {
            LocalStore store(path);
            store.apply({planChange("plans/1", "Kế hoạch")}, "9", 77);
        }
        LocalStore store(path);
        QCOMPARE(store.marker(), std::string("9"));
        QCOMPARE(store.get("plans/1")->plan().title(), std::string("Kế hoạch"));
        QCOMPARE(store.lastSyncMs(), 77);
    }
};

QTEST_GUILESS_MAIN(LocalStoreTest)
#include "localstoretest.moc"
