// How the kiosk writes dates and times: Vietnamese conventions (dd/MM/yyyy,
// 24 h clock), always on Vietnam's wall clock (UTC+7, no DST) whatever the
// machine's zone. Depends on nothing else in the kiosk, so the proto
// conversions and the catalog can both use it.
#pragma once

#include <QDateTime>
#include <QString>

namespace Format
{
// "2026", "09/2026" or "30/09/2026": a zero day (and month) leaves it out.
QString date(int year, int month, int day);
QString dateTime(const QDateTime &utc); // "HH:mm dd/MM/yyyy", local time
QString time(const QDateTime &utc); // "HH:mm", local time
QDateTime toLocal(const QDateTime &utc); // Vietnam wall clock
} // namespace Format
