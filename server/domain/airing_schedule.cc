#include "domain/airing_schedule.h"

#include <libical/ical.h>

#include <algorithm>
#include <set>

#include "absl/strings/str_cat.h"
#include "calendar/civil_date.h"
#include "domain/ical_time.h"

namespace sangkien::domain {
namespace {

// Safety net for rules that would take very long to reach a window (an
// HOURLY rule started decades ago).
constexpr int kMaxIterations = 2'000'000;

absl::Time FromLocalIcal(const icaltimetype& t) {
  absl::CivilSecond s(t.year, t.month, t.day, t.is_date ? 0 : t.hour, t.is_date ? 0 : t.minute,
                      t.is_date ? 0 : t.second);
  return absl::FromCivil(s, calendar::DistrictTimeZone());
}

struct ParsedRule {
  icalrecurrencetype rule;
  bool ok = false;
};

ParsedRule Parse(const std::string& rrule) {
  icalerror_clear_errno();
  ParsedRule parsed;
  parsed.rule = icalrecurrencetype_from_string(rrule.c_str());
  parsed.ok = icalerrno == ICAL_NO_ERROR && parsed.rule.freq != ICAL_NO_RECURRENCE;
  icalerror_clear_errno();
  // An UNTIL in UTC ("…Z") is compared with our floating local starts: bring
  // it to district time first.
  if (parsed.ok && !icaltime_is_null_time(parsed.rule.until) && !parsed.rule.until.is_date &&
      icaltime_is_utc(parsed.rule.until)) {
    const icaltimetype& u = parsed.rule.until;
    absl::Time at = absl::FromCivil(
        absl::CivilSecond(u.year, u.month, u.day, u.hour, u.minute, u.second), absl::UTCTimeZone());
    parsed.rule.until = DistrictIcalTime(at);
  }
  return parsed;
}

// Calls `fn` with each start the recurrence gives (EXDATEs not yet removed),
// in order, while it returns true and the start is before `until`.
template <typename Fn>
void ForEachStart(const Broadcast& b, absl::Time until, Fn fn) {
  if (b.rrule.empty()) {
    if (b.start_time < until) fn(b.start_time);
    return;
  }
  ParsedRule parsed = Parse(b.rrule);
  if (!parsed.ok) return;
  icalrecur_iterator* it = icalrecur_iterator_new(parsed.rule, DistrictIcalTime(b.start_time));
  if (it == nullptr) {
    icalerror_clear_errno();
    return;
  }
  for (int i = 0; i < kMaxIterations; ++i) {
    icaltimetype next = icalrecur_iterator_next(it);
    if (icaltime_is_null_time(next)) break;
    absl::Time start = FromLocalIcal(next);
    if (start >= until) break;
    if (!fn(start)) break;
  }
  icalrecur_iterator_free(it);
  icalerror_clear_errno();
}

bool Overlaps(absl::Time start, absl::Time end, absl::Time from, absl::Time to) {
  return start < to && end > from;
}

Airing MakeAiring(const Broadcast& b, absl::Time original, absl::Time start,
                  absl::Duration length) {
  Airing a;
  a.broadcast_id = b.id;
  a.station_unit_id = b.station_unit_id;
  a.station_display_name = b.station_display_name;
  a.title = b.title;
  a.topic = b.topic;
  a.original_start_time = original;
  a.start_time = start;
  a.end_time = start + length;
  return a;
}

bool ByStart(const Airing& x, const Airing& y) {
  if (x.start_time != y.start_time) return x.start_time < y.start_time;
  return x.broadcast_id < y.broadcast_id;
}

}  // namespace

RruleProblem CheckRrule(const std::string& rrule) {
  if (rrule.empty()) return {};
  if (rrule.size() > 1000) {
    return {"is longer than 1000 characters", "dài quá 1000 ký tự"};
  }
  std::string upper = rrule;
  std::transform(upper.begin(), upper.end(), upper.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  if (upper.rfind("RRULE:", 0) == 0) {
    return {"must be the RRULE value without the \"RRULE:\" prefix",
            "chỉ ghi giá trị RRULE, không có tiền tố \"RRULE:\""};
  }
  ParsedRule parsed = Parse(rrule);
  if (!parsed.ok) {
    return {absl::StrCat("is not an RFC 5545 recurrence rule: \"", rrule,
                         "\" (for example FREQ=WEEKLY;BYDAY=MO,TH)"),
            absl::StrCat("không phải là quy tắc lặp RFC 5545 hợp lệ: \"", rrule,
                         "\" (ví dụ FREQ=WEEKLY;BYDAY=MO,TH)")};
  }
  if (parsed.rule.freq == ICAL_SECONDLY_RECURRENCE ||
      parsed.rule.freq == ICAL_MINUTELY_RECURRENCE) {
    return {"repeats more often than hourly: FREQ must be HOURLY, DAILY, WEEKLY, MONTHLY or YEARLY",
            "lặp dày hơn mỗi giờ: FREQ phải là HOURLY, DAILY, WEEKLY, MONTHLY hoặc YEARLY"};
  }
  return {};
}

bool IsOccurrence(const Broadcast& b, absl::Time t) {
  if (std::find(b.exdates.begin(), b.exdates.end(), t) != b.exdates.end()) return false;
  bool found = false;
  ForEachStart(b, t + absl::Seconds(1), [&](absl::Time start) {
    if (start == t) found = true;
    return !found;
  });
  return found;
}

std::vector<Airing> ExpandAirings(const Broadcast& b, absl::Time from, absl::Time to) {
  std::vector<Airing> out;
  if (to <= from) return out;
  std::set<absl::Time> excluded(b.exdates.begin(), b.exdates.end());
  std::set<absl::Time> overridden;
  for (const AiringOverride& o : b.overrides) overridden.insert(o.original_start_time);
  ForEachStart(b, to, [&](absl::Time start) {
    if (excluded.count(start) || overridden.count(start)) return true;
    if (Overlaps(start, start + b.duration, from, to)) {
      out.push_back(MakeAiring(b, start, start, b.duration));
    }
    return true;
  });
  for (const AiringOverride& o : b.overrides) {
    if (o.cancelled || excluded.count(o.original_start_time)) continue;
    absl::Time start = o.start_time.value_or(o.original_start_time);
    absl::Duration length = o.duration.value_or(b.duration);
    if (!Overlaps(start, start + length, from, to)) continue;
    Airing a = MakeAiring(b, o.original_start_time, start, length);
    a.moved = start != o.original_start_time || length != b.duration;
    a.note = o.note;
    out.push_back(std::move(a));
  }
  std::sort(out.begin(), out.end(), ByStart);
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
