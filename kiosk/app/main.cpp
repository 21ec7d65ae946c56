// sangkien-kiosk: the touchscreen in a commune office. Reads only from its
// local cache, which a background thread keeps current from the server.
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQmlContext>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>
#include <QTranslator>
#include <QtQml/qqmlextensionplugin.h>

#include <cstdio>
#include <ctime>
#include <unistd.h>

#include "catalog.h"
#include "imageprovider.h"
#include "localstore.h"
#include "rpcsupport.h"
#include "staffsession.h"
#include "syncengine.h"
#include "tour.h"

Q_IMPORT_QML_PLUGIN(KioskPlugin)

namespace
{
// The value of a flag, else of the config file's key, else `fallback`.
QString pick(const QCommandLineParser &parser, const QCommandLineOption &option, const QSettings *config, const QString &key, const QString &fallback = {})
{
    if (parser.isSet(option)) {
        return parser.value(option);
    }
    if (config && config->contains(key)) {
        return config->value(key).toString();
    }
    return fallback;
}

// Milliseconds since this process was started (the start time in
// /proc/self/stat, in steps of 10 ms), or -1 when it cannot be read.
qint64 msSinceProcessStart()
{
    QFile file(QStringLiteral("/proc/self/stat"));
    if (!file.open(QIODevice::ReadOnly)) {
        return -1;
    }
    const QByteArray stat = file.readAll();
    // The fields after "(command)": the start time is the 22nd field of all, the 20th of these.
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    bool ok = false;
    const qint64 ticks = fields.value(19).toLongLong(&ok);
    timespec now{};
    if (!ok || clock_gettime(CLOCK_BOOTTIME, &now) != 0) {
        return -1;
    }
    return qint64(now.tv_sec) * 1000 + now.tv_nsec / 1000000 - ticks * 1000 / sysconf(_SC_CLK_TCK);
}
} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_IM_MODULE", QByteArray("qtvirtualkeyboard"));
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("sangkien-kiosk"));
    QGuiApplication::setOrganizationName(QStringLiteral("sangkien"));
    QQuickStyle::setStyle(QStringLiteral("Basic"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Sáng Kiến kiosk for a commune office"));
    parser.addHelpOption();
    const QCommandLineOption configOption(QStringLiteral("config"), QStringLiteral("INI file with the keys below."), QStringLiteral("file"));
    const QCommandLineOption serverOption(QStringLiteral("server"), QStringLiteral("Server address host:port (key: server)."), QStringLiteral("address"));
    const QCommandLineOption caOption(
        QStringLiteral("ca"), QStringLiteral("PEM file of the CA that signed the server's certificate; none: plaintext (key: ca)."), QStringLiteral("file"));
    const QCommandLineOption certOption(QStringLiteral("cert"),
        QStringLiteral("PEM certificate of this kiosk, for servers that require client certificates; with --key and --ca (key: cert)."),
        QStringLiteral("file"));
    const QCommandLineOption keyOption(
        QStringLiteral("key"), QStringLiteral("PEM private key of --cert, readable only by the kiosk's user (chmod 600) (key: key)."), QStringLiteral("file"));
    const QCommandLineOption compressionOption(QStringLiteral("compression"),
        QStringLiteral("Replies the kiosk accepts: gzip (compressed when large) or none (key: compression; default gzip)."), QStringLiteral("gzip|none"));
    const QCommandLineOption tokenOption(QStringLiteral("token"), QStringLiteral("The kiosk account's bearer token (key: token)."), QStringLiteral("token"));
    const QCommandLineOption tokenFileOption(QStringLiteral("token-file"), QStringLiteral("File holding the token (key: token_file)."), QStringLiteral("file"));
    const QCommandLineOption communeOption(QStringLiteral("commune"),
        QStringLiteral("The commune served, units/{unit}; default: the kiosk account's unit (key: commune)."), QStringLiteral("unit"));
    const QCommandLineOption cacheOption(QStringLiteral("cache"), QStringLiteral("The local cache database (key: cache)."), QStringLiteral("file"));
    const QCommandLineOption idleOption(QStringLiteral("idle-seconds"),
        QStringLiteral("Seconds without a touch before returning home (key: idle_seconds; default 90)."), QStringLiteral("seconds"));
    const QCommandLineOption languageOption(QStringLiteral("language"), QStringLiteral("vi or en (key: language; default vi)."), QStringLiteral("code"));
    const QCommandLineOption windowedOption(QStringLiteral("windowed"), QStringLiteral("A 1920×1080 window instead of full screen (development)."));
    const QCommandLineOption tourOption(
        QStringLiteral("tour"), QStringLiteral("Visit every screen, save a PNG and a text dump of each into DIR, then exit."), QStringLiteral("DIR"));
    const QCommandLineOption tourWaitOption(
        QStringLiteral("tour-wait-ms"), QStringLiteral("With --tour: longest wait for the first sync (default 15000)."), QStringLiteral("ms"));
    const QCommandLineOption tourPinOption(QStringLiteral("tour-pin"),
        QStringLiteral("With --tour: the kiosk PIN of the commune's first listed staff member, to show staff mode signed in."), QStringLiteral("pin"));
    const QCommandLineOption firstFrameOption(QStringLiteral("exit-after-first-frame"),
        QStringLiteral("Print the milliseconds from process start to the first frame shown, then exit (startup measurement)."));
    parser.addOptions({configOption, serverOption, caOption, tokenOption, tokenFileOption, communeOption, cacheOption, idleOption, languageOption,
        windowedOption, tourOption, tourWaitOption, tourPinOption, firstFrameOption, certOption, keyOption, compressionOption});
    parser.process(app);

    std::unique_ptr<QSettings> config;
    if (parser.isSet(configOption)) {
        if (!QFile::exists(parser.value(configOption))) {
            qCritical("no such config file: %s", qPrintable(parser.value(configOption)));
            return 2;
        }
        config = std::make_unique<QSettings>(parser.value(configOption), QSettings::IniFormat);
    }

    SyncOptions sync;
    sync.target = pick(parser, serverOption, config.get(), QStringLiteral("server"), QStringLiteral("127.0.0.1:50051"));
    sync.caFile = pick(parser, caOption, config.get(), QStringLiteral("ca"));
    sync.certFile = pick(parser, certOption, config.get(), QStringLiteral("cert"));
    sync.keyFile = pick(parser, keyOption, config.get(), QStringLiteral("key"));
    const QString compression = pick(parser, compressionOption, config.get(), QStringLiteral("compression"), QStringLiteral("gzip"));
    if (compression != QStringLiteral("gzip") && compression != QStringLiteral("none")) {
        qCritical("--compression (key compression) must be gzip or none, not %s", qPrintable(compression));
        return 2;
    }
    sync.compression = compression == QStringLiteral("gzip");
    // Refuse here, in one line, rather than retry a handshake forever.
    if (const QString problem = transportProblem(sync); !problem.isEmpty()) {
        qCritical("%s", qPrintable(problem));
        return 2;
    }
    sync.token = pick(parser, tokenOption, config.get(), QStringLiteral("token"));
    const QString tokenFile = pick(parser, tokenFileOption, config.get(), QStringLiteral("token_file"));
    if (sync.token.isEmpty() && !tokenFile.isEmpty()) {
        QFile f(tokenFile);
        if (!f.open(QIODevice::ReadOnly)) {
            qCritical("cannot read token file %s", qPrintable(tokenFile));
            return 2;
        }
        sync.token = QString::fromUtf8(f.readAll()).trimmed();
    }
    QString cachePath = pick(parser, cacheOption, config.get(), QStringLiteral("cache"));
    if (cachePath.isEmpty()) {
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        QDir().mkpath(dir);
        cachePath = dir + QStringLiteral("/cache.db");
    }

    LocalStore store(cachePath.toStdString());
    Catalog catalog(&store);
    const QString commune = pick(parser, communeOption, config.get(), QStringLiteral("commune"));
    if (!commune.isEmpty()) {
        catalog.setCommune(commune);
    }
    catalog.setIdleSeconds(pick(parser, idleOption, config.get(), QStringLiteral("idle_seconds"), QStringLiteral("90")).toInt());
    const bool touring = parser.isSet(tourOption);
    catalog.setTour(touring);

    QTranslator translator;
    auto applyLanguage = [&] {
        QGuiApplication::removeTranslator(&translator);
        if (catalog.language() == QStringLiteral("vi") && translator.load(QStringLiteral(":/i18n/kiosk_vi.qm"))) {
            QGuiApplication::installTranslator(&translator);
        }
    };
    catalog.setLanguage(pick(parser, languageOption, config.get(), QStringLiteral("language"), QStringLiteral("vi")));
    applyLanguage();

    // Staff sign in over their own short-lived sessions, beside the kiosk's
    // sync; it must outlive the QML engine that uses it.
    StaffSession staff(sync);
    staff.setTourPin(parser.value(tourPinOption));

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/"));
    engine.addImageProvider(QStringLiteral("cache"), new CacheImageProvider(&store));
    QObject::connect(&catalog, &Catalog::languageChanged, &engine, [&] {
        applyLanguage();
        engine.retranslate();
        catalog.onChangesApplied(0); // rows carry translated words too
    });

    SyncEngine engineThread(sync, &store);
    QObject::connect(&engineThread, &SyncEngine::changesApplied, &catalog, &Catalog::onChangesApplied, Qt::QueuedConnection);
    QObject::connect(&engineThread, &SyncEngine::connectivityChanged, &catalog, &Catalog::onConnectivityChanged, Qt::QueuedConnection);
    QObject::connect(&engineThread, &SyncEngine::caughtUp, &catalog, &Catalog::onCaughtUp, Qt::QueuedConnection);
    QObject::connect(&engineThread, &SyncEngine::accountUnitKnown, &catalog, &Catalog::onAccountUnit, Qt::QueuedConnection);

    engine.load(QUrl(QStringLiteral("qrc:/Kiosk/qml/Main.qml")));
    if (engine.rootObjects().isEmpty()) {
        return 1;
    }
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    if (!window) {
        return 1;
    }
    if (parser.isSet(firstFrameOption)) {
        // Timed on the thread that shows the frame; the exit waits for the event loop.
        QObject::connect(
            window, &QQuickWindow::frameSwapped, window,
            [] {
                std::printf("first frame %lld ms after process start\n", static_cast<long long>(msSinceProcessStart()));
                std::fflush(stdout);
                QMetaObject::invokeMethod(
                    qApp,
                    [] {
                        QCoreApplication::exit(0);
                    },
                    Qt::QueuedConnection);
            },
            Qt::ConnectionType(Qt::DirectConnection | Qt::SingleShotConnection));
    }
    if (!parser.isSet(windowedOption) && !touring) {
        window->showFullScreen();
    }
    engineThread.start();

    std::unique_ptr<Tour> tour;
    if (touring) {
        tour = std::make_unique<Tour>(window, parser.value(tourOption), 700);
        QObject::connect(tour.get(), &Tour::finished, &app, [&](int failures) {
            QCoreApplication::exit(failures == 0 ? 0 : 1);
        });
        // Start once the cache is current, or the server proved unreachable,
        // or the wait is over.
        auto started = std::make_shared<bool>(false);
        auto begin = [&tour, started] {
            if (!*started) {
                *started = true;
                tour->start(500);
            }
        };
        QObject::connect(&catalog, &Catalog::lastUpdatedChanged, &app, begin);
        QObject::connect(&catalog, &Catalog::onlineChanged, &app, [&catalog, begin] {
            if (!catalog.online()) {
                begin();
            }
        });
        QTimer::singleShot(pick(parser, tourWaitOption, nullptr, {}, QStringLiteral("15000")).toInt(), &app, begin);
    }
    const int status = QGuiApplication::exec();
    engineThread.stop();
    return status;
}
