#include "format.h"

namespace
{
constexpr int kVietnamOffsetSeconds = 7 * 3600;
} // namespace

namespace Format
{
QString date(int year, int month, int day)
{
    if (day == 0 && month == 0) {
        return QString::number(year);
    }
    if (day == 0) {
        return QStringLiteral("%1/%2").arg(month, 2, 10, QLatin1Char('0')).arg(year);
    }
    return QStringLiteral("%1/%2/%3").arg(day, 2, 10, QLatin1Char('0')).arg(month, 2, 10, QLatin1Char('0')).arg(year);
}

QDateTime toLocal(const QDateTime &utc)
{
    return utc.toOffsetFromUtc(kVietnamOffsetSeconds);
}

QString dateTime(const QDateTime &utc)
{
    return toLocal(utc).toString(QStringLiteral("HH:mm dd/MM/yyyy"));
}

QString time(const QDateTime &utc)
{
    return toLocal(utc).toString(QStringLiteral("HH:mm"));
}
} // namespace Format
