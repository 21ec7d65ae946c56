#include "airings.h"

#include <libical/ical.h>

#include <algorithm>

#include "sangkien/v1/publicity.pb.h"

namespace
{
constexpr qint64 kVietnamOffsetSeconds = 7 * 3600;

// Seconds since the epoch as Vietnam's wall clock, as a floating icaltime.
icaltimetype toLocalIcal(qint64 utcSeconds)
{
    return icaltime_from_timet_with_zone(static_cast<time_t>(utcSeconds + kVietnamOffsetSeconds), 0, nullptr);
}

qint64 fromLocalIcal(icaltimetype t)
{
    return static_cast<qint64>(icaltime_as_timet(t)) - kVietnamOffsetSeconds;
}
} // namespace

QList<AiringValue> expandAirings(const sangkien::v1::Broadcast &b, const QDateTime &from, const QDateTime &to)
{
    QList<AiringValue> out;
    const qint64 duration = b.has_duration() ? b.duration().seconds() : 0;
    const qint64 fromS = from.toSecsSinceEpoch();
    const qint64 toS = to.toSecsSinceEpoch();

    std::vector<qint64> starts;
    const qint64 first = b.start_time().seconds();
    if (b.rrule().empty()) {
        starts.push_back(first);
    } else {
        std::string rule = b.rrule();
        if (rule.rfind("RRULE:", 0) == 0) {
            rule = rule.substr(6);
        }
        icalrecurrencetype recur = icalrecurrencetype_from_string(rule.c_str());
        if (recur.freq != ICAL_NO_RECURRENCE) {
            icalrecur_iterator *it = icalrecur_iterator_new(recur, toLocalIcal(first));
            if (it) {
                // Every airing up to the window's end; cap runaway rules.
                for (int i = 0; i < 100000; ++i) {
                    icaltimetype next = icalrecur_iterator_next(it);
                    if (icaltime_is_null_time(next)) {
                        break;
                    }
                    const qint64 s = fromLocalIcal(next);
                    if (s >= toS) {
                        break;
                    }
                    if (s + std::max<qint64>(duration, 1) > fromS - 7 * 86400) {
                        starts.push_back(s);
                    }
                }
                icalrecur_iterator_free(it);
            }
        } else {
            starts.push_back(first);
        }
    }

    for (qint64 s : starts) {
        if (std::any_of(b.exdates().begin(), b.exdates().end(), [s](const auto &t) {
                return t.seconds() == s;
            })) {
            continue;
        }
        AiringValue a;
        a.broadcast = QString::fromStdString(b.name());
        a.title = QString::fromStdString(b.title());
        a.topic = QString::fromStdString(b.topic());
        a.station = QString::fromStdString(b.station_display_name().empty() ? b.station() : b.station_display_name());
        qint64 start = s;
        qint64 length = duration;
        bool cancelled = false;
        for (const auto &o : b.overrides()) {
            if (o.original_start_time().seconds() != s) {
                continue;
            }
            if (o.cancelled()) {
                cancelled = true;
                break;
            }
            if (o.has_start_time()) {
                start = o.start_time().seconds();
                a.moved = start != s;
            }
            if (o.has_duration()) {
                length = o.duration().seconds();
            }
            a.note = QString::fromStdString(o.note());
        }
        if (cancelled) {
            continue;
        }
        if (start + length <= fromS || start >= toS) {
            if (!(length == 0 && start >= fromS && start < toS)) {
                continue;
            }
        }
        a.start = QDateTime::fromSecsSinceEpoch(start, Qt::UTC);
        a.end = QDateTime::fromSecsSinceEpoch(start + length, Qt::UTC);
        out.append(a);
    }
    std::sort(out.begin(), out.end(), [](const AiringValue &x, const AiringValue &y) {
        return x.start < y.start;
    });
    return out;
}
