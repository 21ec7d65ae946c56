#include "listmodels.h"

#include <QCoreApplication>

#include <algorithm>
#include <tuple>

#include "airings.h"
#include "catalog.h"
#include "format.h"
#include "localstore.h"
#include "protoconv.h"
#include "sangkien/v1/sync_service.pb.h"
#include "text/vietnamese.h"

namespace v1 = sangkien::v1;

namespace
{
QString unitList(const google::protobuf::RepeatedPtrField<v1::UnitRef> &units)
{
    QStringList names;
    for (const auto &u : units) {
        names << qs(u.display_name());
    }
    return names.join(QStringLiteral(", "));
}

QString weekdayText(int day)
{
    static const char *names[] = {QT_TRANSLATE_NOOP("Airing", "Monday"), QT_TRANSLATE_NOOP("Airing", "Tuesday"), QT_TRANSLATE_NOOP("Airing", "Wednesday"),
        QT_TRANSLATE_NOOP("Airing", "Thursday"), QT_TRANSLATE_NOOP("Airing", "Friday"), QT_TRANSLATE_NOOP("Airing", "Saturday"),
        QT_TRANSLATE_NOOP("Airing", "Sunday")};
    return day >= 1 && day <= 7 ? QCoreApplication::translate("Airing", names[day - 1]) : QString();
}

std::string fold(const std::string &s)
{
    return sangkien::text::FoldForSearch(s);
}
} // namespace

PlanListModel::PlanListModel(Catalog *catalog, QObject *parent)
    : CacheListModel({"name", "title", "symbol", "issuer", "date", "taskCount"}, catalog, parent)
{
    reload();
}

QList<QVariantMap> PlanListModel::buildRows(const LocalStore &store) const
{
    QList<QVariantMap> rows;
    for (const auto &c : store.all(v1::Change::kPlan)) {
        const auto &p = c.plan();
        rows.append({{QStringLiteral("name"), qs(p.name())}, {QStringLiteral("title"), qs(p.title())}, {QStringLiteral("symbol"), qs(p.symbol())},
            {QStringLiteral("issuer"), qs(p.issuer())}, {QStringLiteral("date"), dateText(p.issue_date())}, {QStringLiteral("taskCount"), p.task_count()}});
    }
    return rows;
}

TaskListModel::TaskListModel(Catalog *catalog, QObject *parent)
    : CacheListModel({"name", "number", "title", "body", "section", "leads", "coordinators", "timeframe", "status", "progress"}, catalog, parent)
{
    reload();
}

void TaskListModel::setPlan(const QString &plan)
{
    if (m_plan == plan) {
        return;
    }
    m_plan = plan;
    Q_EMIT planChanged();
    reload();
}

QList<QVariantMap> TaskListModel::buildRows(const LocalStore &store) const
{
    if (m_plan.isEmpty()) {
        return {};
    }
    const std::string prefix = m_plan.toStdString() + "/tasks/";
    std::vector<v1::Task> tasks;
    for (const auto &c : store.all(v1::Change::kTask)) {
        if (c.task().name().rfind(prefix, 0) == 0) {
            tasks.push_back(c.task());
        }
    }
    std::stable_sort(tasks.begin(), tasks.end(), [](const v1::Task &a, const v1::Task &b) {
        return a.position() < b.position();
    });
    QList<QVariantMap> rows;
    for (const auto &t : tasks) {
        rows.append({{QStringLiteral("name"), qs(t.name())}, {QStringLiteral("number"), qs(t.number())}, {QStringLiteral("title"), qs(t.title())},
            {QStringLiteral("body"), qs(t.body())}, {QStringLiteral("section"), qs(t.section())}, {QStringLiteral("leads"), unitList(t.lead_units())},
            {QStringLiteral("coordinators"), unitList(t.coordinating_units())}, {QStringLiteral("timeframe"), timeframeText(t.timeframe())},
            {QStringLiteral("status"), taskStatusText(t.status())}, {QStringLiteral("progress"), t.progress_percent()}});
    }
    return rows;
}

AssignmentListModel::AssignmentListModel(Catalog *catalog, QObject *parent)
    : CacheListModel(
        {"name", "task", "taskNumber", "taskTitle", "lead", "due", "overdue", "dueSoon", "timeframe", "progress", "lastReportDate", "lastReportText"}, catalog,
        parent)
{
    reload();
}

QList<QVariantMap> AssignmentListModel::buildRows(const LocalStore &store) const
{
    const std::string commune = catalog()->commune().toStdString();
    const QDate today = Format::toLocal(catalog()->now()).date();
    std::vector<v1::Assignment> list;
    for (const auto &c : store.all(v1::Change::kAssignment)) {
        if (commune.empty() || c.assignment().unit() == commune) {
            list.push_back(c.assignment());
        }
    }
    auto dueKey = [](const v1::Assignment &a) {
        const QDate d = toDate(a.next_due_date());
        return d.isValid() ? d.toJulianDay() : std::numeric_limits<qint64>::max();
    };
    std::stable_sort(list.begin(), list.end(), [&](const v1::Assignment &a, const v1::Assignment &b) {
        const bool leadA = a.role() != v1::ASSIGNMENT_ROLE_COORDINATE;
        const bool leadB = b.role() != v1::ASSIGNMENT_ROLE_COORDINATE;
        return std::tuple(!a.overdue(), !leadA, dueKey(a), a.task_number()) < std::tuple(!b.overdue(), !leadB, dueKey(b), b.task_number());
    });
    QList<QVariantMap> rows;
    for (const auto &a : list) {
        const QDate due = toDate(a.next_due_date());
        QVariantMap row{{QStringLiteral("name"), qs(a.name())}, {QStringLiteral("task"), qs(a.task())}, {QStringLiteral("taskNumber"), qs(a.task_number())},
            {QStringLiteral("taskTitle"), qs(a.task_title())}, {QStringLiteral("lead"), a.role() != v1::ASSIGNMENT_ROLE_COORDINATE},
            {QStringLiteral("due"), dateText(a.next_due_date())}, {QStringLiteral("overdue"), a.overdue()},
            {QStringLiteral("dueSoon"), !a.overdue() && due.isValid() && today.daysTo(due) >= 0 && today.daysTo(due) <= 30},
            {QStringLiteral("timeframe"), timeframeText(a.timeframe())}, {QStringLiteral("progress"), a.progress_percent()},
            {QStringLiteral("lastReportDate"), QString()}, {QStringLiteral("lastReportText"), QString()}};
        if (!a.last_report().empty()) {
            if (auto r = store.get(a.last_report()); r && r->has_progress_report()) {
                row[QStringLiteral("lastReportDate")] = dateText(r->progress_report().report_date());
                row[QStringLiteral("lastReportText")] = qs(r->progress_report().text());
            }
        }
        rows.append(row);
    }
    return rows;
}

ProposalListModel::ProposalListModel(Catalog *catalog, QObject *parent)
    : CacheListModel({"name", "title", "unit", "state", "submitted"}, catalog, parent)
{
    reload();
}

QList<QVariantMap> ProposalListModel::buildRows(const LocalStore &store) const
{
    auto all = store.all(v1::Change::kProposal);
    std::stable_sort(all.begin(), all.end(), [](const v1::Change &a, const v1::Change &b) {
        return a.proposal().submit_time().seconds() > b.proposal().submit_time().seconds();
    });
    QList<QVariantMap> rows;
    for (const auto &c : all) {
        const auto &p = c.proposal();
        const QDateTime submitted = toDateTime(p.submit_time());
        rows.append({{QStringLiteral("name"), qs(p.name())}, {QStringLiteral("title"), qs(p.title())}, {QStringLiteral("unit"), qs(p.unit_display_name())},
            {QStringLiteral("state"), proposalStateText(p.state())},
            {QStringLiteral("submitted"), submitted.isValid() ? Format::toLocal(submitted).toString(QStringLiteral("dd/MM/yyyy")) : QString()}});
    }
    return rows;
}

AiringListModel::AiringListModel(Catalog *catalog, QObject *parent)
    : CacheListModel({"title", "topic", "station", "start", "end", "day", "onAir", "moved", "note", "key"}, catalog, parent)
{
    // An airing is one broadcast's occurrence: moving it keeps its key.
    setKeyRole("key");
    reload();
}

void AiringListModel::setDays(int days)
{
    if (m_days == days) {
        return;
    }
    m_days = days;
    Q_EMIT daysChanged();
    reload();
}

QList<QVariantMap> AiringListModel::buildRows(const LocalStore &store) const
{
    const QDateTime now = catalog()->now();
    const QDateTime localNow = Format::toLocal(now);
    const QDateTime from = QDateTime(localNow.date(), QTime(0, 0), Qt::OffsetFromUTC, localNow.offsetFromUtc()).toUTC();
    const QDateTime to = from.addDays(m_days);
    QList<AiringValue> airings;
    for (const auto &c : store.all(v1::Change::kBroadcast)) {
        airings += expandAirings(c.broadcast(), from, to);
    }
    // Ties in a fixed order, so that a new revision does not swap rows.
    std::stable_sort(airings.begin(), airings.end(), [](const AiringValue &a, const AiringValue &b) {
        return std::tie(a.start, a.broadcast) < std::tie(b.start, b.broadcast);
    });
    QList<QVariantMap> rows;
    for (const auto &a : airings) {
        const QDateTime local = Format::toLocal(a.start);
        rows.append({{QStringLiteral("title"), a.title}, {QStringLiteral("topic"), a.topic}, {QStringLiteral("station"), a.station},
            {QStringLiteral("start"), Format::time(a.start)}, {QStringLiteral("end"), Format::time(a.end)},
            {QStringLiteral("day"), weekdayText(local.date().dayOfWeek()) + QStringLiteral(" ") + local.toString(QStringLiteral("dd/MM"))},
            {QStringLiteral("onAir"), a.start <= now && now < a.end}, {QStringLiteral("moved"), a.moved}, {QStringLiteral("note"), a.note},
            {QStringLiteral("key"), a.broadcast + QLatin1Char('@') + QString::number(a.originalStart.toSecsSinceEpoch())}});
    }
    return rows;
}

CaseStudyListModel::CaseStudyListModel(Catalog *catalog, QObject *parent)
    : CacheListModel({"name", "title", "unit", "summary", "image", "featured"}, catalog, parent)
{
    reload();
}

QList<QVariantMap> CaseStudyListModel::buildRows(const LocalStore &store) const
{
    auto all = store.all(v1::Change::kCaseStudy);
    std::stable_sort(all.begin(), all.end(), [](const v1::Change &a, const v1::Change &b) {
        return std::pair(!a.case_study().featured(), -a.case_study().publish_time().seconds())
            < std::pair(!b.case_study().featured(), -b.case_study().publish_time().seconds());
    });
    QList<QVariantMap> rows;
    for (const auto &c : all) {
        const auto &s = c.case_study();
        rows.append({{QStringLiteral("name"), qs(s.name())}, {QStringLiteral("title"), qs(s.title())}, {QStringLiteral("unit"), qs(s.unit_display_name())},
            {QStringLiteral("summary"), qs(s.summary())},
            {QStringLiteral("image"), s.images().empty() ? QString() : QStringLiteral("image://cache/") + qs(s.images(0).name())},
            {QStringLiteral("featured"), s.featured()}});
    }
    return rows;
}

AnnouncementListModel::AnnouncementListModel(Catalog *catalog, QObject *parent)
    : CacheListModel({"name", "title", "unit", "body", "date"}, catalog, parent)
{
    reload();
}

QList<QVariantMap> AnnouncementListModel::buildRows(const LocalStore &store) const
{
    auto all = store.all(v1::Change::kAnnouncement);
    std::stable_sort(all.begin(), all.end(), [](const v1::Change &a, const v1::Change &b) {
        return a.announcement().publish_time().seconds() > b.announcement().publish_time().seconds();
    });
    QList<QVariantMap> rows;
    for (const auto &c : all) {
        const auto &a = c.announcement();
        const QDateTime published = toDateTime(a.publish_time());
        rows.append({{QStringLiteral("name"), qs(a.name())}, {QStringLiteral("title"), qs(a.title())}, {QStringLiteral("unit"), qs(a.unit_display_name())},
            {QStringLiteral("body"), qs(a.body())},
            {QStringLiteral("date"), published.isValid() ? Format::toLocal(published).toString(QStringLiteral("dd/MM/yyyy")) : QString()}});
    }
    return rows;
}

SearchModel::SearchModel(Catalog *catalog, QObject *parent)
    : CacheListModel({"kind", "name", "title", "detail", "plan"}, catalog, parent)
{
    reload();
}

void SearchModel::setQuery(const QString &query)
{
    if (m_query == query) {
        return;
    }
    m_query = query;
    Q_EMIT queryChanged();
    reload();
}

QList<QVariantMap> SearchModel::buildRows(const LocalStore &store) const
{
    std::vector<std::string> words;
    {
        const std::string folded = fold(m_query.toStdString());
        for (const QString &w : QString::fromStdString(folded).split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            words.push_back(w.toStdString());
        }
    }
    if (words.empty()) {
        return {};
    }
    QList<QVariantMap> rows;
    auto consider
        = [&](const char *kind, const std::string &name, const std::string &title, const std::string &text, const QString &detail, const QString &plan) {
              if (rows.size() >= 50) {
                  return;
              }
              const std::string haystack = fold(title + "\n" + text);
              for (const auto &w : words) {
                  if (haystack.find(w) == std::string::npos) {
                      return;
                  }
              }
              rows.append({{QStringLiteral("kind"), QString::fromLatin1(kind)}, {QStringLiteral("name"), qs(name)}, {QStringLiteral("title"), qs(title)},
                  {QStringLiteral("detail"), detail}, {QStringLiteral("plan"), plan}});
          };
    for (const auto &c : store.all(v1::Change::kPlan)) {
        consider("plan", c.name(), c.plan().title(), c.plan().symbol(), qs(c.plan().symbol()), qs(c.name()));
    }
    for (const auto &c : store.all(v1::Change::kTask)) {
        const auto &t = c.task();
        const std::string plan = t.name().substr(0, t.name().find("/tasks/"));
        consider("task", t.name(), t.title(), t.body(), qs(t.number()) + QStringLiteral(" · ") + timeframeText(t.timeframe()), qs(plan));
    }
    for (const auto &c : store.all(v1::Change::kProposal)) {
        const auto &p = c.proposal();
        consider("proposal", p.name(), p.title(), p.contents().solutions(), qs(p.unit_display_name()), {});
    }
    for (const auto &c : store.all(v1::Change::kCaseStudy)) {
        const auto &s = c.case_study();
        consider("caseStudy", s.name(), s.title(), s.summary() + "\n" + s.body(), qs(s.unit_display_name()), {});
    }
    for (const auto &c : store.all(v1::Change::kAnnouncement)) {
        const auto &a = c.announcement();
        consider("announcement", a.name(), a.title(), a.body(), qs(a.unit_display_name()), {});
    }
    return rows;
}
