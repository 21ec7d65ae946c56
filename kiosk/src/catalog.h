// The GUI thread's view of the kiosk: the cache, connectivity, the commune
// it serves, and detail lookups for the pages. QML sees it as the `Kiosk`
// singleton; list models find it through instance().
#pragma once

#include <QDateTime>
#include <QObject>
#include <QVariantMap>
#include <QtQml/qqml.h>

class LocalStore;

class Catalog : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(Kiosk)
    QML_SINGLETON
    Q_PROPERTY(int revision READ revision NOTIFY revisionChanged)
    Q_PROPERTY(bool online READ online NOTIFY onlineChanged)
    Q_PROPERTY(QString lastUpdated READ lastUpdated NOTIFY lastUpdatedChanged)
    Q_PROPERTY(QString commune READ commune WRITE setCommune NOTIFY communeChanged)
    Q_PROPERTY(QString communeName READ communeName NOTIFY communeChanged)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    Q_PROPERTY(int idleSeconds READ idleSeconds CONSTANT)
    Q_PROPERTY(bool tour READ tour CONSTANT)

public:
    explicit Catalog(LocalStore *store, QObject *parent = nullptr);
    ~Catalog() override;

    static Catalog *instance();
    static Catalog *create(QQmlEngine *, QJSEngine *);

    LocalStore *store() const { return m_store; }
    int revision() const { return m_revision; }
    bool online() const { return m_online; }
    QString lastUpdated() const;
    QString commune() const { return m_commune; }
    void setCommune(const QString &unit);
    QString communeName() const;
    QString language() const { return m_language; }
    void setLanguage(const QString &language);
    int idleSeconds() const { return m_idleSeconds; }
    void setIdleSeconds(int seconds) { m_idleSeconds = seconds; }
    bool tour() const { return m_tour; }
    void setTour(bool tour) { m_tour = tour; }

    // The clock the screens use ("now"); tests may pin it.
    QDateTime now() const;
    void setFixedNow(const QDateTime &now) { m_fixedNow = now; }

    // Details for one resource, as plain maps and lists for QML.
    Q_INVOKABLE QVariantMap plan(const QString &name) const;
    Q_INVOKABLE QVariantMap proposal(const QString &name) const;
    Q_INVOKABLE QVariantMap caseStudy(const QString &name) const;
    Q_INVOKABLE QVariantMap announcement(const QString &name) const;
    Q_INVOKABLE QVariantMap report(const QString &name) const;
    // What airs now and next ({now: {...}, next: {...}}, either may be absent).
    Q_INVOKABLE QVariantMap nowAndNext() const;
    // The newest featured case study, or an empty map.
    Q_INVOKABLE QVariantMap featuredCaseStudy() const;
    // The time of day in the commune, "HH:mm".
    Q_INVOKABLE QString clockText() const;
    // The first resource of a kind, for the tour ("plan", "proposal", ...).
    Q_INVOKABLE QString firstName(const QString &kind) const;

public Q_SLOTS:
    // From the sync thread (queued).
    void onChangesApplied(int count);
    void onConnectivityChanged(bool online);
    void onCaughtUp(qint64 syncTimeMs);
    void onAccountUnit(const QString &unit);

Q_SIGNALS:
    void revisionChanged();
    void onlineChanged();
    void lastUpdatedChanged();
    void communeChanged();
    void languageChanged();

private:
    LocalStore *m_store;
    int m_revision = 0;
    bool m_online = false;
    qint64 m_lastSyncMs = 0;
    QString m_commune;
    QString m_language = QStringLiteral("vi");
    int m_idleSeconds = 90;
    bool m_tour = false;
    QDateTime m_fixedNow;
};
