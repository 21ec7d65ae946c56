#include "tour.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTextStream>
#include <QTimer>

#include <algorithm>

namespace
{
bool isTextItem(const QObject *object)
{
    for (const QMetaObject *m = object->metaObject(); m; m = m->superClass()) {
        const char *name = m->className();
        if (qstrcmp(name, "QQuickText") == 0 || qstrcmp(name, "QQuickTextEdit") == 0 || qstrcmp(name, "QQuickTextInput") == 0) {
            return true;
        }
    }
    return false;
}

struct Found {
    QPointF position;
    QString text;
};

void collect(QQuickItem *item, const QRectF &windowRect, QList<Found> &out)
{
    if (!item->isVisible() || item->opacity() <= 0.01) {
        return;
    }
    if (isTextItem(item)) {
        const QRectF rect = item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
        QString text = item->property("text").toString();
        if (text.isEmpty() && item->property("placeholderText").isValid()) {
            text = item->property("placeholderText").toString();
        }
        if (!text.trimmed().isEmpty() && rect.intersects(windowRect) && rect.width() > 0) {
            out.append({rect.topLeft(), text});
        }
    }
    const auto children = item->childItems();
    // An opaque overlay on top hides its siblings below it.
    for (auto it = children.crbegin(); it != children.crend(); ++it) {
        if ((*it)->isVisible() && (*it)->property("coversWindow").toBool()) {
            collect(*it, windowRect, out);
            return;
        }
    }
    for (QQuickItem *child : children) {
        // Skip what a clipping parent hides.
        if (item->clip()) {
            const QRectF parentRect = item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
            const QRectF childRect = child->mapRectToScene(QRectF(0, 0, child->width(), child->height()));
            if (!parentRect.intersects(childRect) && child->childItems().isEmpty()) {
                continue;
            }
        }
        collect(child, windowRect, out);
    }
}
} // namespace

Tour::Tour(QQuickWindow *window, QString directory, int settleMs, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_directory(std::move(directory))
    , m_settleMs(settleMs)
{ }

void Tour::start(int delayMs)
{
    QDir().mkpath(m_directory);
    QVariant screens;
    QMetaObject::invokeMethod(m_window, "tourScreens", Q_RETURN_ARG(QVariant, screens));
    m_screens = screens.toStringList();
    QTimer::singleShot(delayMs, this, &Tour::next);
}

QStringList Tour::visibleTexts(QQuickWindow *window)
{
    QList<Found> found;
    collect(window->contentItem(), QRectF(0, 0, window->width(), window->height()), found);
    std::stable_sort(found.begin(), found.end(), [](const Found &a, const Found &b) {
        if (qAbs(a.position.y() - b.position.y()) > 4) {
            return a.position.y() < b.position.y();
        }
        return a.position.x() < b.position.x();
    });
    QStringList out;
    for (const auto &f : found) {
        out << f.text;
    }
    return out;
}

void Tour::next()
{
    ++m_index;
    if (m_index >= m_screens.size()) {
        Q_EMIT finished(m_failures);
        return;
    }
    bool ok = false;
    QMetaObject::invokeMethod(m_window, "showScreen", Q_RETURN_ARG(bool, ok), Q_ARG(QString, m_screens.at(m_index)));
    if (!ok) {
        qWarning("tour: cannot show %s", qPrintable(m_screens.at(m_index)));
        ++m_failures;
    }
    QTimer::singleShot(m_settleMs, this, &Tour::capture);
}

void Tour::capture()
{
    // A screen waiting on the server (signing in) is captured once it has
    // its answer, or after 15 s, whichever comes first.
    if (m_window->property("tourPending").toBool() && m_waits < 60) {
        ++m_waits;
        QTimer::singleShot(250, this, &Tour::capture);
        return;
    }
    m_waits = 0;
    const QString base = QStringLiteral("%1/%2-%3").arg(m_directory).arg(m_index + 1, 2, 10, QLatin1Char('0')).arg(m_screens.at(m_index));
    const QImage image = m_window->grabWindow();
    if (image.isNull() || !image.save(base + QStringLiteral(".png"))) {
        qWarning("tour: cannot save %s.png", qPrintable(base));
        ++m_failures;
    }
    QFile file(base + QStringLiteral(".txt"));
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text)) {
        QTextStream out(&file);
        for (const QString &line : visibleTexts(m_window)) {
            out << QString(line).replace(QLatin1Char('\n'), QLatin1Char(' ')) << '\n';
        }
    } else {
        ++m_failures;
    }
    next();
}
