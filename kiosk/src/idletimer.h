// Counts down from the last touch, click or key press anywhere in the
// application; at zero the kiosk returns home and ends any session.
#pragma once

#include <QObject>
#include <QTimer>
#include <QtQml/qqml.h>

class IdleTimer : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int timeout READ timeout WRITE setTimeout NOTIFY timeoutChanged)
    Q_PROPERTY(int remaining READ remaining NOTIFY remainingChanged)
    Q_PROPERTY(bool running READ running WRITE setRunning NOTIFY runningChanged)
public:
    explicit IdleTimer(QObject *parent = nullptr);
    ~IdleTimer() override;

    int timeout() const { return m_timeout; }
    void setTimeout(int seconds);
    int remaining() const { return m_remaining; }
    bool running() const { return m_running; }
    void setRunning(bool running);

    // Starts the count again from `timeout`.
    Q_INVOKABLE void restart();

Q_SIGNALS:
    void timeoutChanged();
    void remainingChanged();
    void runningChanged();
    void timedOut();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void tick();

    QTimer m_ticker;
    int m_timeout = 90;
    int m_remaining = 90;
    bool m_running = true;
};
