// The sync thread against an in-process change feed: first fill, live
// changes, tombstones, a server that goes away and comes back, an expired
// marker and a marker the server never issued.
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <atomic>

#include "fakesyncserver.h"
#include "localstore.h"
#include "syncengine.h"

class SyncEngineTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fillsFollowsAndRecovers()
    {
        auto server = std::make_unique<FakeSyncServer>();
        const int port = server->port();
        for (int i = 1; i <= 5; ++i) {
            server->append(planChange("plans/" + std::to_string(i), "Kế hoạch " + std::to_string(i)));
        }
        LocalStore store(":memory:");
        SyncOptions options;
        options.target = QString::fromStdString(server->target());
        options.token = QStringLiteral("secret-token");
        options.retryMs = 300;
        options.pageSize = 2; // several pages before caught_up
        SyncEngine engine(options, &store);
        QSignalSpy online(&engine, &SyncEngine::connectivityChanged);
        QSignalSpy caughtUp(&engine, &SyncEngine::caughtUp);
        engine.start();

        QTRY_COMPARE_WITH_TIMEOUT(store.count(), 5, 10000);
        QTRY_VERIFY(caughtUp.count() > 0);
        QVERIFY(store.lastSyncMs() > 0);
        QCOMPARE(online.first().first().toBool(), true);
        QCOMPARE(server->lastAuthorization(), std::string("Bearer secret-token"));

        // Live: a change and a tombstone arrive through WatchChanges.
        server->append(planChange("plans/6", "Kế hoạch 6"));
        server->append(tombstone("plans/1"));
        QTRY_COMPARE_WITH_TIMEOUT(store.marker(), std::string("7"), 10000);
        QCOMPARE(store.count(), 5);
        QVERIFY(store.get("plans/6").has_value());
        QVERIFY(!store.get("plans/1"));

        // From here on the cache must never go blank: whatever the server
        // says, the kiosk keeps showing its copy until a new one is complete.
        std::atomic<int> fewest{store.count()};
        QObject::connect(
            &engine, &SyncEngine::changesApplied, &engine,
            [&] {
                // Runs on the sync thread, right after each apply.
                fewest = std::min(fewest.load(), store.count());
            },
            Qt::DirectConnection);

        // The server goes away: offline, cache kept.
        server->shutdown();
        server.reset();
        QTRY_VERIFY_WITH_TIMEOUT(!online.isEmpty() && !online.last().first().toBool(), 10000);
        QCOMPARE(store.count(), 5);

        // It comes back with one more change: the kiosk resumes from its
        // marker with WatchChanges alone (one call on a mobile link).
        FakeChangeLog same;
        for (int i = 1; i <= 5; ++i) {
            same.changes.push_back(planChange("plans/" + std::to_string(i), "Kế hoạch " + std::to_string(i)));
        }
        same.changes.push_back(planChange("plans/6", "Kế hoạch 6"));
        same.changes.push_back(tombstone("plans/1"));
        same.changes.push_back(planChange("plans/7", "Kế hoạch 7"));
        server = std::make_unique<FakeSyncServer>(port, same);
        QTRY_COMPARE_WITH_TIMEOUT(store.marker(), std::string("8"), 15000);
        QCOMPARE(store.count(), 6);
        QTRY_VERIFY_WITH_TIMEOUT(online.last().first().toBool(), 5000);
        QCOMPARE(server->listChangesCalls(), 0);
        server->shutdown();
        server.reset();
        QTRY_VERIFY_WITH_TIMEOUT(!online.last().first().toBool(), 10000);

        // It comes back, compacted: the old marker has expired, so the cache
        // is refetched, in pages, and what the fresh copy lacks is dropped.
        FakeChangeLog compacted;
        compacted.compactedThrough = 100;
        compacted.changes = {planChange("plans/2", "Kế hoạch 2 (mới)"), planChange("plans/9", "Kế hoạch 9"), planChange("plans/10", "Kế hoạch 10")};
        server = std::make_unique<FakeSyncServer>(port, compacted);
        QVERIFY(server->port() == port);
        QTRY_COMPARE_WITH_TIMEOUT(store.marker(), std::string("103"), 15000);
        QVERIFY(online.last().first().toBool());
        QVERIFY(!store.isStartingOver());
        QCOMPARE(store.count(), 3);
        QCOMPARE(store.get("plans/2")->plan().title(), std::string("Kế hoạch 2 (mới)"));
        QVERIFY(store.get("plans/10").has_value());
        QVERIFY(!store.get("plans/6"));
        QVERIFY(!store.get("plans/7"));

        // Another server at the same address (or this one restored from a
        // backup) never issued the kiosk's marker: refetch from the start.
        server->shutdown();
        server.reset();
        QTRY_VERIFY_WITH_TIMEOUT(!online.last().first().toBool(), 10000);
        FakeChangeLog other;
        other.seal = "b";
        other.changes = {planChange("plans/2", "Kế hoạch 2"), planChange("plans/20", "Kế hoạch 20")};
        server = std::make_unique<FakeSyncServer>(port, other);
        QTRY_COMPARE_WITH_TIMEOUT(store.marker(), std::string("b2"), 15000);
        QCOMPARE(store.count(), 2);
        QVERIFY(store.get("plans/20").has_value());
        QCOMPARE(store.get("plans/2")->plan().title(), std::string("Kế hoạch 2"));
        QVERIFY(fewest.load() >= 2);
        engine.stop();
    }

    void stopsPromptlyWhileUnreachable()
    {
        LocalStore store(":memory:");
        SyncOptions options;
        options.target = QStringLiteral("127.0.0.1:1");
        SyncEngine engine(options, &store);
        QSignalSpy online(&engine, &SyncEngine::connectivityChanged);
        engine.start();
        QTRY_VERIFY_WITH_TIMEOUT(!online.isEmpty(), 10000);
        QCOMPARE(online.first().first().toBool(), false);
        QElapsedTimer timer;
        timer.start();
        engine.stop();
        QVERIFY(timer.elapsed() < 3000);
    }
};

QTEST_GUILESS_MAIN(SyncEngineTest)
#include "syncenginetest.moc"
