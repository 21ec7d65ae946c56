#include "catalog.h"

#include <QCoreApplication>
#include <QQmlEngine>

#include "airings.h"
#include "format.h"
#include "localstore.h"
#include "protoconv.h"
#include "sangkien/v1/sync_service.pb.h"

namespace v1 = sangkien::v1;

namespace
{
Catalog *s_instance = nullptr;

QVariantMap airingMap(const AiringValue &a)
{
    return {{QStringLiteral("title"), a.title}, {QStringLiteral("topic"), a.topic}, {QStringLiteral("station"), a.station},
        {QStringLiteral("start"), Format::time(a.start)}, {QStringLiteral("end"), Format::time(a.end)}, {QStringLiteral("note"), a.note}};
}

void addStep(QVariantList &steps, const QDate &date, const QString &title, const QString &detail)
{
    if (!date.isValid()) {
        return;
    }
    steps.append(QVariantMap{
        {QStringLiteral("date"), Format::date(date.year(), date.month(), date.day())}, {QStringLiteral("title"), title}, {QStringLiteral("detail"), detail}});
}

QDate localDate(const QDateTime &utc)
{
    return utc.isValid() ? Format::toLocal(utc).date() : QDate();
}
} // namespace

Catalog::Catalog(LocalStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
    s_instance = this;
    m_lastSyncMs = store->lastSyncMs();
    m_commune = QString::fromStdString(store->setting("commune"));
}

Catalog::~Catalog()
{
    if (s_instance == this) {
        s_instance = nullptr;
    }
}

Catalog *Catalog::instance()
{
    return s_instance;
}

Catalog *Catalog::create(QQmlEngine *, QJSEngine *)
{
    QQmlEngine::setObjectOwnership(s_instance, QQmlEngine::CppOwnership);
    return s_instance;
}

QString Catalog::lastUpdated() const
{
    if (m_lastSyncMs == 0) {
        return {};
    }
    return Format::dateTime(QDateTime::fromMSecsSinceEpoch(m_lastSyncMs, Qt::UTC));
}

void Catalog::setCommune(const QString &unit)
{
    if (m_commune == unit) {
        return;
    }
    m_commune = unit;
    m_store->setSetting("commune", unit.toStdString());
    Q_EMIT communeChanged();
    ++m_revision;
    Q_EMIT revisionChanged();
}

QString Catalog::communeName() const
{
    if (auto c = m_store->get(m_commune.toStdString()); c && c->has_unit()) {
        return qs(c->unit().display_name());
    }
    return {};
}

void Catalog::setLanguage(const QString &language)
{
    if (m_language == language) {
        return;
    }
    m_language = language;
    Q_EMIT languageChanged();
}

QDateTime Catalog::now() const
{
    return m_fixedNow.isValid() ? m_fixedNow : QDateTime::currentDateTimeUtc();
}

void Catalog::onChangesApplied(int)
{
    ++m_revision;
    Q_EMIT revisionChanged();
    Q_EMIT communeChanged(); // its display name may have arrived
}

void Catalog::onConnectivityChanged(bool online)
{
    if (m_online == online) {
        return;
    }
    m_online = online;
    Q_EMIT onlineChanged();
}

void Catalog::onCaughtUp(qint64 syncTimeMs)
{
    m_lastSyncMs = syncTimeMs;
    Q_EMIT lastUpdatedChanged();
}

void Catalog::onAccountUnit(const QString &unit)
{
    if (m_commune.isEmpty() && !unit.isEmpty()) {
        setCommune(unit);
    }
}

QVariantMap Catalog::plan(const QString &name) const
{
    auto c = m_store->get(name.toStdString());
    if (!c || !c->has_plan()) {
        return {};
    }
    const v1::Plan &p = c->plan();
    QVariantList basis;
    for (const auto &b : p.basis()) {
        basis.append(QVariantMap{{QStringLiteral("symbol"), qs(b.symbol())}, {QStringLiteral("title"), qs(b.title())},
            {QStringLiteral("issuer"), qs(b.issuer())}, {QStringLiteral("date"), dateText(b.issue_date())}, {QStringLiteral("plan"), qs(b.plan())}});
    }
    QVariantList sections;
    for (const auto &s : p.sections()) {
        sections.append(QVariantMap{{QStringLiteral("number"), qs(s.number())}, {QStringLiteral("heading"), qs(s.heading())},
            {QStringLiteral("body"), qs(s.body())}, {QStringLiteral("level"), s.level()}});
    }
    return {{QStringLiteral("name"), name}, {QStringLiteral("title"), qs(p.title())}, {QStringLiteral("symbol"), qs(p.symbol())},
        {QStringLiteral("issuer"), qs(p.issuer())}, {QStringLiteral("date"), dateText(p.issue_date())}, {QStringLiteral("preamble"), qs(p.preamble())},
        {QStringLiteral("signer"), qs(p.signer().position() + " " + p.signer().full_name())}, {QStringLiteral("basis"), basis},
        {QStringLiteral("sections"), sections}};
}

QVariantMap Catalog::proposal(const QString &name) const
{
    auto c = m_store->get(name.toStdString());
    if (!c || !c->has_proposal()) {
        return {};
    }
    const v1::Proposal &p = c->proposal();
    // In the order of the procedure; each step dated from its own record.
    QVariantList steps;
    addStep(steps, localDate(toDateTime(p.create_time())), tr("Drafted"), {});
    addStep(steps, localDate(toDateTime(p.submit_time())), tr("Submitted"), qs(p.proposer_display_name()));
    if (p.has_appraisal()) {
        addStep(steps, localDate(toDateTime(p.appraisal().record_time())), tr("Appraised"), qs(p.appraisal().notes()));
    }
    if (p.has_decision()) {
        const auto &d = p.decision();
        QString detail = tr("For %1, against %2, abstaining %3").arg(d.votes_for()).arg(d.votes_against()).arg(d.votes_abstaining());
        if (!d.document_symbol().empty()) {
            detail += QStringLiteral(" — ") + qs(d.document_symbol());
        }
        addStep(steps, toDate(d.meeting_date()), tr("Leadership decision: %1").arg(proposalStateText(d.result())), detail);
    }
    if (p.has_pilot()) {
        addStep(steps, toDate(p.pilot().start_date()), tr("Pilot started"), {});
        for (const auto &check : p.pilot().checks()) {
            addStep(steps, toDate(check.check_date()), tr("Pilot checked"), qs(check.notes()));
        }
        if (p.pilot().has_completion_report()) {
            addStep(steps, toDate(p.pilot().completion_report().report_date()), tr("Pilot completion report"), qs(p.pilot().completion_report().text()));
        }
    }
    if (p.has_evaluation()) {
        static const char *outcomes[]
            = {"", QT_TRANSLATE_NOOP("Catalog", "Achieved"), QT_TRANSLATE_NOOP("Catalog", "Partly achieved"), QT_TRANSLATE_NOOP("Catalog", "Not achieved")};
        const int o = p.evaluation().outcome();
        addStep(steps, toDate(p.evaluation().evaluation_date()), tr("Evaluated: %1").arg(o >= 0 && o < 4 ? tr(outcomes[o]) : QString()),
            qs(p.evaluation().notes()));
    }
    if (p.has_halt()) {
        addStep(steps, toDate(p.halt().halt_date()), tr("Halted"), qs(p.halt().reason()));
    }
    if (p.has_responsibility() && p.responsibility_published()) {
        addStep(steps, toDate(p.responsibility().document_date()), tr("Responsibility decided"), qs(p.responsibility().grounds()));
    }
    const auto &k = p.contents();
    return {{QStringLiteral("name"), name}, {QStringLiteral("title"), qs(p.title())}, {QStringLiteral("unit"), qs(p.unit_display_name())},
        {QStringLiteral("proposer"), qs(p.proposer_display_name())}, {QStringLiteral("state"), proposalStateText(p.state())},
        {QStringLiteral("bottleneck"), qs(k.bottleneck())}, {QStringLiteral("solutions"), qs(k.solutions())},
        {QStringLiteral("expectedResults"), qs(k.expected_results())}, {QStringLiteral("steps"), steps}};
}

QVariantMap Catalog::caseStudy(const QString &name) const
{
    auto c = m_store->get(name.toStdString());
    if (!c || !c->has_case_study()) {
        return {};
    }
    const v1::CaseStudy &s = c->case_study();
    QVariantList images;
    for (const auto &image : s.images()) {
        images.append(
            QVariantMap{{QStringLiteral("source"), QStringLiteral("image://cache/") + qs(image.name())}, {QStringLiteral("caption"), qs(image.caption())}});
    }
    return {{QStringLiteral("name"), name}, {QStringLiteral("title"), qs(s.title())}, {QStringLiteral("unit"), qs(s.unit_display_name())},
        {QStringLiteral("summary"), qs(s.summary())}, {QStringLiteral("body"), qs(s.body())}, {QStringLiteral("results"), qs(s.results())},
        {QStringLiteral("date"), s.has_publish_time() ? Format::toLocal(toDateTime(s.publish_time())).toString(QStringLiteral("dd/MM/yyyy")) : QString()},
        {QStringLiteral("images"), images}};
}

QVariantMap Catalog::announcement(const QString &name) const
{
    auto c = m_store->get(name.toStdString());
    if (!c || !c->has_announcement()) {
        return {};
    }
    const v1::Announcement &a = c->announcement();
    return {{QStringLiteral("name"), name}, {QStringLiteral("title"), qs(a.title())}, {QStringLiteral("unit"), qs(a.unit_display_name())},
        {QStringLiteral("body"), qs(a.body())},
        {QStringLiteral("date"), a.has_publish_time() ? Format::toLocal(toDateTime(a.publish_time())).toString(QStringLiteral("dd/MM/yyyy")) : QString()}};
}

QVariantMap Catalog::report(const QString &name) const
{
    auto c = m_store->get(name.toStdString());
    if (!c || !c->has_progress_report()) {
        return {};
    }
    const auto &r = c->progress_report();
    return {{QStringLiteral("date"), dateText(r.report_date())}, {QStringLiteral("text"), qs(r.text())}, {QStringLiteral("progress"), r.progress_percent()}};
}

QVariantMap Catalog::nowAndNext() const
{
    const QDateTime now = this->now();
    QList<AiringValue> all;
    for (const auto &c : m_store->all(v1::Change::kBroadcast)) {
        all += expandAirings(c.broadcast(), now, now.addDays(7));
    }
    std::sort(all.begin(), all.end(), [](const AiringValue &a, const AiringValue &b) {
        return a.start < b.start;
    });
    QVariantMap out;
    for (const auto &a : all) {
        if (a.start <= now && now < a.end && !out.contains(QStringLiteral("now"))) {
            out.insert(QStringLiteral("now"), airingMap(a));
        } else if (a.start > now && !out.contains(QStringLiteral("next"))) {
            out.insert(QStringLiteral("next"), airingMap(a));
        }
    }
    return out;
}

QVariantMap Catalog::featuredCaseStudy() const
{
    const v1::CaseStudy *best = nullptr;
    const auto all = m_store->all(v1::Change::kCaseStudy);
    for (const auto &c : all) {
        const auto &s = c.case_study();
        if (s.featured() && (!best || s.publish_time().seconds() > best->publish_time().seconds())) {
            best = &s;
        }
    }
    return best ? caseStudy(qs(best->name())) : QVariantMap();
}

QString Catalog::clockText() const
{
    return Format::time(now());
}

QString Catalog::firstName(const QString &kind) const
{
    static const QHash<QString, int> kinds = {{QStringLiteral("plan"), v1::Change::kPlan}, {QStringLiteral("proposal"), v1::Change::kProposal},
        {QStringLiteral("caseStudy"), v1::Change::kCaseStudy}, {QStringLiteral("announcement"), v1::Change::kAnnouncement}};
    const auto all = m_store->all(kinds.value(kind));
    if (kind == QStringLiteral("proposal")) {
        // The one with the longest story shows the timeline best.
        const v1::Change *best = nullptr;
        for (const auto &c : all) {
            if (!best || c.proposal().state() > best->proposal().state()) {
                best = &c;
            }
        }
        return best ? qs(best->name()) : QString();
    }
    return all.empty() ? QString() : qs(all.front().name());
}
