#include "calendar/working_days.h"

#include <algorithm>
#include <cstdint>
#include <utility>

#include "absl/strings/str_cat.h"
#include "calendar/civil_date.h"
#include "text/vietnamese.h"

namespace sangkien::calendar {
namespace {

bool Before(const CalendarDay& d, absl::CivilDay day) { return d.date < day; }

// Monday to Friday in [first, first + count).
int64_t WeekdaysFrom(absl::CivilDay first, int64_t count) {
  int64_t weekdays = count / 7 * 5;
  absl::CivilDay d = first + count / 7 * 7;
  for (int64_t i = 0; i < count % 7; ++i, ++d) {
    if (!IsWeekend(d)) ++weekdays;
  }
  return weekdays;
}

// One CSV record and the line it starts on.
struct Record {
  int line = 0;
  std::vector<std::string> fields;
};

// Splits RFC 4180 text into records. A quote inside an unquoted field is
// kept as written; an unterminated quote runs to the end of the text and is
// reported.
std::vector<Record> SplitRecords(std::string_view text, std::vector<CsvRowError>& errors) {
  std::vector<Record> records;
  Record current;
  std::string field;
  bool quoted = false;         // inside a quoted field
  bool field_started = false;  // the record has content (so it is not blank)
  int line = 1;
  current.line = 1;
  auto end_record = [&] {
    current.fields.push_back(std::move(field));
    field.clear();
    bool blank = current.fields.size() == 1 && current.fields[0].empty() && !field_started;
    if (!blank) records.push_back(std::move(current));
    current = Record();
    field_started = false;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line;
        field += c;
      }
      continue;
    }
    switch (c) {
      case '"':
        if (field.empty()) {
          quoted = true;
          field_started = true;
        } else {
          field += c;
        }
        break;
      case ',':
        current.fields.push_back(std::move(field));
        field.clear();
        field_started = true;
        break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') break;  // CRLF: the \n ends it
        field += c;
        break;
      case '\n':
        end_record();
        ++line;
        current.line = line;
        break;
      default:
        field += c;
        field_started = true;
        break;
    }
  }
  if (quoted) {
    errors.push_back({current.line, "a quoted field is not closed before the end of the file"});
  }
  if (!field.empty() || field_started || !current.fields.empty()) end_record();
  return records;
}

std::string Clean(const std::string& s) { return text::ToNfc(text::CollapseWhitespace(s)); }

}  // namespace

bool IsWeekend(absl::CivilDay day) {
  absl::Weekday w = absl::GetWeekday(day);
  return w == absl::Weekday::saturday || w == absl::Weekday::sunday;
}

HolidayCalendar::HolidayCalendar(std::vector<CalendarDay> days) {
  std::stable_sort(days.begin(), days.end(),
                   [](const CalendarDay& a, const CalendarDay& b) { return a.date < b.date; });
  for (CalendarDay& d : days) {
    if (!days_.empty() && days_.back().date == d.date) {
      days_.back() = std::move(d);
    } else {
      days_.push_back(std::move(d));
    }
  }
}

const CalendarDay* HolidayCalendar::Find(absl::CivilDay day) const {
  auto it = std::lower_bound(days_.begin(), days_.end(), day, Before);
  return it != days_.end() && it->date == day ? &*it : nullptr;
}

bool HolidayCalendar::IsWorkingDay(absl::CivilDay day) const {
  if (const CalendarDay* named = Find(day)) {
    if (named->kind == HolidayKind::kMakeupWorkday) return true;
    if (named->kind == HolidayKind::kDayOff) return false;
  }
  return !IsWeekend(day);
}

int64_t HolidayCalendar::CountInclusive(absl::CivilDay first, absl::CivilDay last) const {
  if (last < first) return 0;
  int64_t count = WeekdaysFrom(first, last - first + 1);
  for (auto it = std::lower_bound(days_.begin(), days_.end(), first, Before);
       it != days_.end() && it->date <= last; ++it) {
    bool weekend = IsWeekend(it->date);
    if (it->kind == HolidayKind::kDayOff && !weekend) --count;
    if (it->kind == HolidayKind::kMakeupWorkday && weekend) ++count;
  }
  return count;
}

absl::CivilDay HolidayCalendar::AddWorkingDays(absl::CivilDay day, int n) const {
  const int step = n < 0 ? -1 : 1;
  int64_t remaining = n < 0 ? -static_cast<int64_t>(n) : n;
  absl::CivilDay d = day;
  // Jump whole weeks while the jump certainly stays short of the target,
  // then walk the last few days one at a time.
  while (remaining > 10) {
    int64_t jump = (remaining - 5) / 5 * 7;
    int64_t found = step > 0 ? CountInclusive(d + 1, d + jump) : CountInclusive(d - jump, d - 1);
    if (found >= remaining) break;  // only with many make-up days: walk instead
    d += step * jump;
    remaining -= found;
  }
  while (remaining > 0) {
    d += step;
    if (IsWorkingDay(d)) --remaining;
  }
  return d;
}

int HolidayCalendar::WorkingDaysBetween(absl::CivilDay a, absl::CivilDay b) const {
  if (a <= b) return static_cast<int>(CountInclusive(a + 1, b));
  return -static_cast<int>(CountInclusive(b, a - 1));
}

ParsedHolidayCsv ParseHolidayCsv(std::string_view text) {
  ParsedHolidayCsv out;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<Record> records = SplitRecords(text, out.errors);
  const std::vector<std::string> kHeader = {"date", "kind", "name", "source", "status"};
  if (records.empty() || records[0].fields != kHeader) {
    out.errors.push_back({records.empty() ? 1 : records[0].line,
                          "the first line must be the header date,kind,name,source,status"});
    return out;
  }
  std::vector<CalendarDay> days;
  std::vector<int> lines;  // where each kept day was given
  for (size_t r = 1; r < records.size(); ++r) {
    const Record& rec = records[r];
    auto error = [&](std::string message) { out.errors.push_back({rec.line, std::move(message)}); };
    if (rec.fields.size() != kHeader.size()) {
      error(absl::StrCat("expected 5 fields (date,kind,name,source,status), found ",
                         rec.fields.size()));
      continue;
    }
    bool utf8 = true;
    for (const std::string& f : rec.fields) utf8 = utf8 && text::IsValidUtf8(f);
    if (!utf8) {
      error("the row is not valid UTF-8");
      continue;
    }
    CalendarDay day;
    std::optional<absl::CivilDay> date = ParseIsoDate(rec.fields[0]);
    if (!date) {
      error(absl::StrCat("date \"", rec.fields[0], "\" is not a real date written YYYY-MM-DD"));
      continue;
    }
    day.date = *date;
    if (rec.fields[1] == "off") {
      day.kind = HolidayKind::kDayOff;
    } else if (rec.fields[1] == "makeup_workday") {
      day.kind = HolidayKind::kMakeupWorkday;
      if (!IsWeekend(day.date)) {
        error(
            absl::StrCat(rec.fields[0], " is a make-up working day but not a Saturday or Sunday"));
        continue;
      }
    } else {
      error(absl::StrCat("kind \"", rec.fields[1], "\" is neither off nor makeup_workday"));
      continue;
    }
    day.name = Clean(rec.fields[2]);
    if (day.name.empty()) {
      error("the name is empty");
      continue;
    }
    day.source = Clean(rec.fields[3]);
    day.status = Clean(rec.fields[4]);
    auto same = std::find_if(days.begin(), days.end(),
                             [&](const CalendarDay& d) { return d.date == day.date; });
    if (same != days.end()) {
      error(absl::StrCat(rec.fields[0], " is already given on line ", lines[same - days.begin()]));
      continue;
    }
    days.push_back(std::move(day));
    lines.push_back(rec.line);
  }
  out.calendar = HolidayCalendar(std::move(days));
  return out;
}

}  // namespace sangkien::calendar
