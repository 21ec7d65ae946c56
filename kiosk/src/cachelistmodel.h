// Base of the kiosk's list models: rows built from the LocalStore, rebuilt
// whenever the cache changes. Subclasses only say how to build the rows.
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
    // catalog null: the application's Catalog::instance().
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
    // Rebuilds all rows; call from the subclass constructor and setters.
    void reload();
    Catalog *catalog() const { return m_catalog; }

private:
    QList<QByteArray> m_roles;
    Catalog *m_catalog;
    QList<QVariantMap> m_rows;
};
