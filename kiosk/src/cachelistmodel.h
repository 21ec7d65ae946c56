// Base of the kiosk's list models: rows built from the LocalStore.
// Subclasses only say how to build the rows. A new sync revision is applied
// as row removals, insertions, moves and data changes matched by each row's
// stable key (its resource name), so an open list on a live kiosk keeps its
// scroll position and current item; only a different list (another plan,
// query, window or commune) resets the model.
#pragma once

#include <QAbstractListModel>
#include <QVariantMap>
#include <QtQml/qqml.h>

class Catalog;
class LocalStore;

// Lets qmllint resolve our models (Qt 6.4 ships no type description for it).
struct ForeignAbstractItemModel {
    Q_GADGET
    QML_FOREIGN(QAbstractItemModel)
    QML_ANONYMOUS
};

class CacheListModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(int count READ count NOTIFY countChanged)
public:
    // catalog null: the application's Catalog::instance(). `roles` must name
    // the key role (see setKeyRole).
    CacheListModel(QList<QByteArray> roles, Catalog *catalog, QObject *parent);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    int count() const { return int(m_rows.size()); }
    // One row as a map of role name to value.
    Q_INVOKABLE QVariantMap get(int row) const;

Q_SIGNALS:
    void countChanged();

protected:
    virtual QList<QVariantMap> buildRows(const LocalStore &store) const = 0;
    // Rebuilds all rows with a model reset: call from the subclass
    // constructor and from setters that make it a different list.
    void reload();
    // The role whose value identifies a row across revisions ("name" unless
    // set); every row must have a distinct one.
    void setKeyRole(const QByteArray &role) { m_keyRole = QString::fromLatin1(role); }
    Catalog *catalog() const { return m_catalog; }

private:
    // Brings the rows to the cache's new revision by key: removals, then
    // insertions and moves in the new order, then dataChanged for rows whose
    // values differ. Resets instead when the commune changed, or when keys
    // are not unique (no diff is well defined then).
    void applyRevision();
    void resetTo(QList<QVariantMap> rows);
    QString keyOf(const QVariantMap &row) const { return row.value(m_keyRole).toString(); }
    QList<int> changedRoles(const QVariantMap &before, const QVariantMap &after) const;

    QList<QByteArray> m_roles;
    QString m_keyRole = QStringLiteral("name");
    Catalog *m_catalog;
    QString m_commune; // the commune the rows were built for
    QList<QVariantMap> m_rows;
};
