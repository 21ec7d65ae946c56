#include "airings.h"

#include <string>
#include <vector>

#include "calendar/airing_schedule.h"
#include "sangkien/v1/publicity.pb.h"

namespace calendar = sangkien::calendar;

namespace
{
absl::Time toTime(const google::protobuf::Timestamp &t)
{
    return absl::FromUnixSeconds(t.seconds()) + absl::Nanoseconds(t.nanos());
}

absl::Time toTime(const QDateTime &t)
{
    return absl::FromUnixMillis(t.toMSecsSinceEpoch());
}

QDateTime toDateTime(absl::Time t)
{
    return QDateTime::fromMSecsSinceEpoch(absl::ToUnixMillis(t), Qt::UTC);
}

absl::Duration toDuration(const google::protobuf::Duration &d)
{
    return absl::Seconds(d.seconds()) + absl::Nanoseconds(d.nanos());
}
} // namespace

QList<AiringValue> expandAirings(const sangkien::v1::Broadcast &b, const QDateTime &from, const QDateTime &to)
{
    // Older feeds wrote the rule with its property name.
    std::string rule = b.rrule();
    if (rule.rfind("RRULE:", 0) == 0) {
        rule.erase(0, 6);
    }
    // A rule the kiosk cannot expand still shows the first airing rather
    // than hiding the broadcast.
    if (!calendar::CheckRrule(rule).ok()) {
        rule.clear();
    }
    std::vector<absl::Time> exdates;
    exdates.reserve(b.exdates_size());
    for (const auto &t : b.exdates()) {
        exdates.push_back(toTime(t));
    }
    std::vector<calendar::AiringOverride> overrides;
    overrides.reserve(b.overrides_size());
    for (const auto &o : b.overrides()) {
        calendar::AiringOverride change;
        change.original_start_time = toTime(o.original_start_time());
        change.cancelled = o.cancelled();
        if (o.has_start_time()) {
            change.start_time = toTime(o.start_time());
        }
        if (o.has_duration()) {
            change.duration = toDuration(o.duration());
        }
        change.note = o.note();
        overrides.push_back(std::move(change));
    }
    const calendar::Series series{toTime(b.start_time()), b.has_duration() ? toDuration(b.duration()) : absl::ZeroDuration(), rule, exdates, overrides};

    const QString name = QString::fromStdString(b.name());
    const QString title = QString::fromStdString(b.title());
    const QString topic = QString::fromStdString(b.topic());
    const QString station = QString::fromStdString(b.station_display_name().empty() ? b.station() : b.station_display_name());
    QList<AiringValue> out;
    for (const calendar::Occurrence &o : calendar::ExpandSeries(series, toTime(from), toTime(to))) {
        AiringValue a;
        a.broadcast = name;
        a.title = title;
        a.topic = topic;
        a.station = station;
        a.start = toDateTime(o.start_time);
        a.end = toDateTime(o.end_time);
        a.originalStart = toDateTime(o.original_start_time);
        // The screen marks a changed time, not a changed length.
        a.moved = o.start_time != o.original_start_time;
        a.note = QString::fromStdString(o.note);
        out.append(a);
    }
    return out;
}
