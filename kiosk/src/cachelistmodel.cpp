#include "cachelistmodel.h"

#include "catalog.h"

CacheListModel::CacheListModel(QList<QByteArray> roles, Catalog *catalog, QObject *parent)
    : QAbstractListModel(parent)
    , m_roles(std::move(roles))
    , m_catalog(catalog ? catalog : Catalog::instance())
{
    if (m_catalog) {
        connect(m_catalog, &Catalog::revisionChanged, this, &CacheListModel::reload);
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
        rows = buildRows(*m_catalog->store());
    }
    const int before = int(m_rows.size());
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    if (before != m_rows.size()) {
        Q_EMIT countChanged();
    }
}
