#include "domain/airing_schedule.h"

#include <algorithm>

namespace sangkien::domain {
namespace {

calendar::Series SeriesOf(const Broadcast& b) {
  return {b.start_time, b.duration, b.rrule, b.exdates, b.overrides};
}

bool ByStart(const Airing& x, const Airing& y) {
  if (x.start_time != y.start_time) return x.start_time < y.start_time;
  return x.broadcast_id < y.broadcast_id;
}

}  // namespace

bool IsOccurrence(const Broadcast& b, absl::Time t) {
  return calendar::IsOccurrence(SeriesOf(b), t);
}

std::vector<Airing> ExpandAirings(const Broadcast& b, absl::Time from, absl::Time to) {
  std::vector<Airing> out;
  for (calendar::Occurrence& o : calendar::ExpandSeries(SeriesOf(b), from, to)) {
    Airing a;
    a.broadcast_id = b.id;
    a.station_unit_id = b.station_unit_id;
    a.station_display_name = b.station_display_name;
    a.title = b.title;
    a.topic = b.topic;
    a.original_start_time = o.original_start_time;
    a.start_time = o.start_time;
    a.end_time = o.end_time;
    a.moved = o.moved;
    a.note = std::move(o.note);
    out.push_back(std::move(a));
  }
  return out;
}

std::vector<Airing> ExpandAirings(const std::vector<Broadcast>& broadcasts, absl::Time from,
                                  absl::Time to) {
  std::vector<Airing> out;
  for (const Broadcast& b : broadcasts) {
    std::vector<Airing> one = ExpandAirings(b, from, to);
    out.insert(out.end(), one.begin(), one.end());
  }
  std::stable_sort(out.begin(), out.end(), ByStart);
  return out;
}

}  // namespace sangkien::domain
