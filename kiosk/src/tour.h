// --tour DIR: shows every screen in turn and writes, for each, a PNG and a
// text file of the strings visible on it. Tests read the text files; the
// README shows the pictures.
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

class QQuickWindow;
class QQuickItem;

class Tour : public QObject
{
    Q_OBJECT
public:
    Tour(QQuickWindow *window, QString directory, int settleMs, QObject *parent = nullptr);

    // Starts after `delayMs`; emits finished() with the number of failures.
    void start(int delayMs);

    // The visible strings under `item`, top to bottom, left to right.
    static QStringList visibleTexts(QQuickWindow *window);

Q_SIGNALS:
    void finished(int failures);

private:
    void next();
    void capture();

    QQuickWindow *m_window;
    QString m_directory;
    int m_settleMs;
    QStringList m_screens;
    int m_index = -1;
    int m_failures = 0;
    int m_waits = 0;
};
