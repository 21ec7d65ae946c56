// Expands a Broadcast (start, duration, RRULE, exceptions, moved airings)
// into the airings inside a window, in the kiosk itself, so the schedule
// works offline. The expansion is the server's own (calendar/airing_schedule.h
// in shared/): recurrence read in Vietnam's local time (UTC+7, no DST).
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace sangkien::v1
{
class Broadcast;
}

struct AiringValue {
    QString broadcast;
    QString title;
    QString topic;
    QString station;
    QDateTime start; // UTC
    QDateTime end; // UTC
    QDateTime originalStart; // UTC, the start the rule gives: with broadcast, a stable key
    bool moved = false; // starts at another time than the rule says
    QString note;
};

// Airings that overlap [from, to), sorted by start. A broadcast whose rule
// cannot be read airs once, at its start.
QList<AiringValue> expandAirings(const sangkien::v1::Broadcast &broadcast, const QDateTime &from, const QDateTime &to);
