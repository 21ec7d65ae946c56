#include "idletimer.h"

#include <QCoreApplication>
#include <QEvent>

IdleTimer::IdleTimer(QObject *parent)
    : QObject(parent)
{
    m_ticker.setInterval(1000);
    connect(&m_ticker, &QTimer::timeout, this, &IdleTimer::tick);
    m_ticker.start();
    QCoreApplication::instance()->installEventFilter(this);
}

IdleTimer::~IdleTimer()
{
    if (auto *app = QCoreApplication::instance()) {
        app->removeEventFilter(this);
    }
}

void IdleTimer::setTimeout(int seconds)
{
    if (m_timeout == seconds) {
        return;
    }
    m_timeout = seconds;
    Q_EMIT timeoutChanged();
    restart();
}

void IdleTimer::setRunning(bool running)
{
    if (m_running == running) {
        return;
    }
    m_running = running;
    Q_EMIT runningChanged();
    restart();
}

void IdleTimer::restart()
{
    if (m_remaining != m_timeout) {
        m_remaining = m_timeout;
        Q_EMIT remainingChanged();
    }
    m_ticker.start();
}

void IdleTimer::tick()
{
    if (!m_running || m_remaining <= 0) {
        return;
    }
    --m_remaining;
    Q_EMIT remainingChanged();
    if (m_remaining == 0) {
        Q_EMIT timedOut();
    }
}

bool IdleTimer::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::MouseButtonPress:
    case QEvent::TouchBegin:
    case QEvent::KeyPress:
    case QEvent::Wheel:
        restart();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}
