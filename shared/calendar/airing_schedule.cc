#include "calendar/airing_schedule.h"

#include <libical/ical.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "absl/strings/str_cat.h"
#include "calendar/civil_date.h"
#include "calendar/ical_time.h"

namespace sangkien::calendar {
namespace {

// Safety net for rules that would take very long to reach a window (an
// HOURLY rule started decades ago).
constexpr int kMaxIterations = 2'000'000;

absl::Time FromLocalIcal(const icaltimetype& t) {
  absl::CivilSecond s(t.year, t.month, t.day, t.is_date ? 0 : t.hour, t.is_date ? 0 : t.minute,
                      t.is_date ? 0 : t.second);
  return absl::FromCivil(s, DistrictTimeZone());
}

struct ParsedRule {
  icalrecurrencetype rule;
  bool ok = false;
};

ParsedRule Parse(std::string_view rrule) {
  // libical wants a NUL-terminated string.
  const std::string text(rrule);
  icalerror_clear_errno();
  ParsedRule parsed;
  parsed.rule = icalrecurrencetype_from_string(text.c_str());
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

bool ExpandsTooOften(const icalrecurrencetype& rule) {
  return rule.freq == ICAL_SECONDLY_RECURRENCE || rule.freq == ICAL_MINUTELY_RECURRENCE;
}

// Calls `fn` with each start the recurrence gives (EXDATEs not yet removed),
// in order, while it returns true and the start is before `until`. Gives
// nothing for a rule libical cannot read or one more often than hourly.
template <typename Fn>
void ForEachStart(const Series& series, absl::Time until, Fn fn) {
  if (series.rrule.empty()) {
    if (series.start_time < until) fn(series.start_time);
    return;
  }
  ParsedRule parsed = Parse(series.rrule);
  if (!parsed.ok || ExpandsTooOften(parsed.rule)) return;
  icalrecur_iterator* it = icalrecur_iterator_new(parsed.rule, DistrictIcalTime(series.start_time));
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

// An airing of no length counts where it starts, so a programme stored
// without a length still shows.
bool Overlaps(absl::Time start, absl::Time end, absl::Time from, absl::Time to) {
  if (start == end) return start >= from && start < to;
  return start < to && end > from;
}

bool ByStart(const Occurrence& x, const Occurrence& y) { return x.start_time < y.start_time; }

}  // namespace

RruleProblem CheckRrule(std::string_view rrule) {
  if (rrule.empty()) return {};
  if (rrule.size() > 1000) {
    return {"is longer than 1000 characters", "dài quá 1000 ký tự"};
  }
  std::string upper(rrule.substr(0, 6));
  std::transform(upper.begin(), upper.end(), upper.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  if (upper == "RRULE:") {
    return {"must be the RRULE value without the \"RRULE:\" prefix",
            "chỉ ghi giá trị RRULE, không có tiền tố \"RRULE:\""};
  }
  ParsedRule parsed = Parse(rrule);
  if (!parsed.ok) {
    const std::string text(rrule);  // Debian's absl::string_view is not std's
    return {absl::StrCat("is not an RFC 5545 recurrence rule: \"", text,
                         "\" (for example FREQ=WEEKLY;BYDAY=MO,TH)"),
            absl::StrCat("không phải là quy tắc lặp RFC 5545 hợp lệ: \"", text,
                         "\" (ví dụ FREQ=WEEKLY;BYDAY=MO,TH)")};
  }
  if (ExpandsTooOften(parsed.rule)) {
    return {"repeats more often than hourly: FREQ must be HOURLY, DAILY, WEEKLY, MONTHLY or YEARLY",
            "lặp dày hơn mỗi giờ: FREQ phải là HOURLY, DAILY, WEEKLY, MONTHLY hoặc YEARLY"};
  }
  return {};
}

bool IsOccurrence(const Series& series, absl::Time t) {
  if (std::find(series.exdates.begin(), series.exdates.end(), t) != series.exdates.end()) {
    return false;
  }
  bool found = false;
  ForEachStart(series, t + absl::Seconds(1), [&](absl::Time start) {
    if (start == t) found = true;
    return !found;
  });
  return found;
}

std::vector<Occurrence> ExpandSeries(const Series& series, absl::Time from, absl::Time to) {
  std::vector<Occurrence> out;
  if (to <= from) return out;
  std::set<absl::Time> excluded(series.exdates.begin(), series.exdates.end());
  std::set<absl::Time> overridden;
  for (const AiringOverride& o : series.overrides) overridden.insert(o.original_start_time);
  ForEachStart(series, to, [&](absl::Time start) {
    if (excluded.count(start) || overridden.count(start)) return true;
    if (Overlaps(start, start + series.duration, from, to)) {
      out.push_back({start, start, start + series.duration, false, {}});
    }
    return true;
  });
  for (const AiringOverride& o : series.overrides) {
    if (o.cancelled || excluded.count(o.original_start_time)) continue;
    absl::Time start = o.start_time.value_or(o.original_start_time);
    absl::Duration length = o.duration.value_or(series.duration);
    if (!Overlaps(start, start + length, from, to)) continue;
    out.push_back({o.original_start_time, start, start + length,
                   start != o.original_start_time || length != series.duration, o.note});
  }
  std::stable_sort(out.begin(), out.end(), ByStart);
  return out;
}

}  // namespace sangkien::calendar
