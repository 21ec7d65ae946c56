// Qt Quick Test runner with the Kiosk module and an empty cache.
#include <QQmlEngine>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest>

#include "catalog.h"
#include "localstore.h"

Q_IMPORT_QML_PLUGIN(KioskPlugin)

class Setup : public QObject
{
    Q_OBJECT
public Q_SLOTS:
    void qmlEngineAvailable(QQmlEngine *engine) { engine->addImportPath(QStringLiteral("qrc:/")); }

private:
    LocalStore m_store{":memory:"};
    Catalog m_catalog{&m_store};
};

QUICK_TEST_MAIN_WITH_SETUP(kiosk_components, Setup)
#include "qmltestmain.moc"
