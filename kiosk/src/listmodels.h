// One list model per list the kiosk shows. Each builds its rows from the
// cache only, so screens open instantly and work offline; each row's "name"
// (an airing's "key") is what ties it to the same row in the next revision.
// Sorts are stable (ties keep the cache's name order), so unchanged data
// keeps its row order from one revision to the next.
#pragma once

#include "cachelistmodel.h"

class PlanListModel : public CacheListModel
{
    Q_OBJECT
    QML_ELEMENT
public:
    explicit PlanListModel(QObject *parent = nullptr)
        : PlanListModel(nullptr, parent)
    { }
    PlanListModel(Catalog *catalog, QObject *parent);

protected:
    QList<QVariantMap> buildRows(const LocalStore &store) const override;
};

// The tasks of one plan, in the plan's order.
class TaskListModel : public CacheListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString plan READ plan WRITE setPlan NOTIFY planChanged)
public:
    explicit TaskListModel(QObject *parent = nullptr)
        : TaskListModel(nullptr, parent)
    { }
    TaskListModel(Catalog *catalog, QObject *parent);
    QString plan() const { return m_plan; }
    void setPlan(const QString &plan);

Q_SIGNALS:
    void planChanged();

protected:
    QList<QVariantMap> buildRows(const LocalStore &store) const override;

private:
    QString m_plan;
};

// The commune's assignments: late first, then by due date; leading before
// coordinating.
class AssignmentListModel : public CacheListModel
{
    Q_OBJECT
    QML_ELEMENT
public:
    explicit AssignmentListModel(QObject *parent = nullptr)
        : AssignmentListModel(nullptr, parent)
    { }
    AssignmentListModel(Catalog *catalog, QObject *parent);

protected:
    QList<QVariantMap> buildRows(const LocalStore &store) const override;
};

class ProposalListModel : public CacheListModel
{
    Q_OBJECT
    QML_ELEMENT
public:
    explicit ProposalListModel(QObject *parent = nullptr)
        : ProposalListModel(nullptr, parent)
    { }
    ProposalListModel(Catalog *catalog, QObject *parent);

protected:
    QList<QVariantMap> buildRows(const LocalStore &store) const override;
};

// Airings from today 00:00 for `days` days, expanded from each broadcast.
class AiringListModel : public CacheListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int days READ days WRITE setDays NOTIFY daysChanged)
public:
    explicit AiringListModel(QObject *parent = nullptr)
        : AiringListModel(nullptr, parent)
    { }
    AiringListModel(Catalog *catalog, QObject *parent);
    int days() const { return m_days; }
    void setDays(int days);

Q_SIGNALS:
    void daysChanged();

protected:
    QList<QVariantMap> buildRows(const LocalStore &store) const override;

private:
    int m_days = 1;
};

class CaseStudyListModel : public CacheListModel
{
    Q_OBJECT
    QML_ELEMENT
public:
    explicit CaseStudyListModel(QObject *parent = nullptr)
        : CaseStudyListModel(nullptr, parent)
    { }
    CaseStudyListModel(Catalog *catalog, QObject *parent);

protected:
    QList<QVariantMap> buildRows(const LocalStore &store) const override;
};

class AnnouncementListModel : public CacheListModel
{
    Q_OBJECT
    QML_ELEMENT
public:
    explicit AnnouncementListModel(QObject *parent = nullptr)
        : AnnouncementListModel(nullptr, parent)
    { }
    AnnouncementListModel(Catalog *catalog, QObject *parent);

protected:
    QList<QVariantMap> buildRows(const LocalStore &store) const override;
};

// Searches the cache with the server's folding (no diacritics needed):
// every word of the query must appear in the title or text.
class SearchModel : public CacheListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString query READ query WRITE setQuery NOTIFY queryChanged)
public:
    explicit SearchModel(QObject *parent = nullptr)
        : SearchModel(nullptr, parent)
    { }
    SearchModel(Catalog *catalog, QObject *parent);
    QString query() const { return m_query; }
    void setQuery(const QString &query);

Q_SIGNALS:
    void queryChanged();

protected:
    QList<QVariantMap> buildRows(const LocalStore &store) const override;

private:
    QString m_query;
};
