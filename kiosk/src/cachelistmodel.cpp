#include "cachelistmodel.h"

#include <QSet>

#include "catalog.h"

namespace
{
template <typename Key> bool allDistinct(const QList<Key> &keys)
{
    return QSet<Key>(keys.begin(), keys.end()).size() == keys.size();
}
} // namespace

CacheListModel::CacheListModel(QList<QByteArray> roles, Catalog *catalog, QObject *parent)
    : QAbstractListModel(parent)
    , m_roles(std::move(roles))
    , m_catalog(catalog ? catalog : Catalog::instance())
{
    if (m_catalog) {
        connect(m_catalog, &Catalog::revisionChanged, this, &CacheListModel::applyRevision);
    }
}

int CacheListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant CacheListModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, QAbstractItemModel::CheckIndexOption::IndexIsValid | QAbstractItemModel::CheckIndexOption::ParentIsInvalid));
    const int i = role - Qt::UserRole - 1;
    if (role == Qt::DisplayRole) {
        return m_rows.at(index.row()).value(QString::fromLatin1(m_roles.value(0)));
    }
    if (i < 0 || i >= m_roles.size()) {
        return {};
    }
    return m_rows.at(index.row()).value(QString::fromLatin1(m_roles.at(i)));
}

QHash<int, QByteArray> CacheListModel::roleNames() const
{
    QHash<int, QByteArray> names;
    for (int i = 0; i < m_roles.size(); ++i) {
        names.insert(Qt::UserRole + 1 + i, m_roles.at(i));
    }
    return names;
}

QVariantMap CacheListModel::get(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row) : QVariantMap();
}

void CacheListModel::reload()
{
    QList<QVariantMap> rows;
    if (m_catalog) {
        m_commune = m_catalog->commune();
        rows = buildRows(*m_catalog->store());
    }
    resetTo(std::move(rows));
}

void CacheListModel::resetTo(QList<QVariantMap> rows)
{
    const int before = int(m_rows.size());
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    if (before != m_rows.size()) {
        Q_EMIT countChanged();
    }
}

QList<int> CacheListModel::changedRoles(const QVariantMap &before, const QVariantMap &after) const
{
    QList<int> roles;
    for (int i = 0; i < m_roles.size(); ++i) {
        const QString name = QString::fromLatin1(m_roles.at(i));
        if (before.value(name) != after.value(name)) {
            if (i == 0) {
                roles.append(Qt::DisplayRole);
            }
            roles.append(Qt::UserRole + 1 + i);
        }
    }
    return roles;
}

void CacheListModel::applyRevision()
{
    if (m_catalog->commune() != m_commune) {
        reload(); // another commune's list, not a new revision of this one
        return;
    }
    QList<QVariantMap> rows = buildRows(*m_catalog->store());
    QStringList newKeys;
    newKeys.reserve(rows.size());
    for (const auto &row : std::as_const(rows)) {
        newKeys.append(keyOf(row));
    }
    QStringList oldKeys;
    oldKeys.reserve(m_rows.size());
    for (const auto &row : std::as_const(m_rows)) {
        oldKeys.append(keyOf(row));
    }
    if (!allDistinct(newKeys) || !allDistinct(oldKeys)) {
        qWarning("%s: rows without distinct keys; resetting the list", metaObject()->className());
        resetTo(std::move(rows));
        return;
    }
    const int before = int(m_rows.size());

    // Rows that left the list, bottom up, one signal per contiguous run.
    const QSet<QString> wanted(newKeys.begin(), newKeys.end());
    for (int last = int(m_rows.size()) - 1; last >= 0;) {
        if (wanted.contains(keyOf(m_rows.at(last)))) {
            --last;
            continue;
        }
        int first = last;
        while (first > 0 && !wanted.contains(keyOf(m_rows.at(first - 1)))) {
            --first;
        }
        beginRemoveRows({}, first, last);
        m_rows.remove(first, last - first + 1);
        endRemoveRows();
        last = first - 1;
    }

    // Every remaining row is in the new list. Walk the new order: rows
    // [0, i) already match it; the row wanted at i is new (inserted with
    // the new rows that follow it) or further down (moved up to i).
    QSet<QString> kept;
    for (const auto &row : std::as_const(m_rows)) {
        kept.insert(keyOf(row));
    }
    for (int i = 0; i < rows.size(); ++i) {
        const QString &key = newKeys.at(i);
        if (!kept.contains(key)) {
            int last = i;
            while (last + 1 < rows.size() && !kept.contains(newKeys.at(last + 1))) {
                ++last;
            }
            beginInsertRows({}, i, last);
            for (int j = i; j <= last; ++j) {
                m_rows.insert(j, rows.at(j));
            }
            endInsertRows();
            i = last;
            continue;
        }
        if (keyOf(m_rows.at(i)) != key) {
            int from = i + 1;
            while (keyOf(m_rows.at(from)) != key) {
                ++from;
            }
            beginMoveRows({}, from, from, {}, i);
            m_rows.move(from, i);
            endMoveRows();
        }
        const QList<int> roles = changedRoles(m_rows.at(i), rows.at(i));
        if (!roles.isEmpty()) {
            m_rows[i] = rows.at(i);
            Q_EMIT dataChanged(index(i), index(i), roles);
        }
    }
    Q_ASSERT(m_rows.size() == rows.size());
    if (before != m_rows.size()) {
        Q_EMIT countChanged();
    }
}
