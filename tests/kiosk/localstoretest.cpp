// The cache applies upserts, tombstones and the marker together, and
// forgets everything on clear().
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

    void clearDropsResourcesAndMarkerButKeepsSettings()
    {
        LocalStore store(":memory:");
        store.setSetting("commune", "units/7");
        store.apply({planChange("plans/1", "A")}, "1", 5);
        store.clear();
        QCOMPARE(store.count(), 0);
        QCOMPARE(store.marker(), std::string());
        QCOMPARE(store.setting("commune"), std::string("units/7"));
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
