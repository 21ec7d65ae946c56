#include "domain/icalendar_export.h"

#include <libical/ical.h>

#include "absl/strings/str_cat.h"
#include "calendar/civil_date.h"
#include "calendar/ical_time.h"

namespace sangkien::domain {
namespace {

constexpr const char* kVTimezone =
    "BEGIN:VTIMEZONE\r\n"
    "TZID:Asia/Ho_Chi_Minh\r\n"
    "BEGIN:STANDARD\r\n"
    "DTSTART:19750613T000000\r\n"
    "TZOFFSETFROM:+0700\r\n"
    "TZOFFSETTO:+0700\r\n"
    "TZNAME:+07\r\n"
    "END:STANDARD\r\n"
    "END:VTIMEZONE\r\n";

icaltimetype DateValue(absl::CivilDay d) {
  icaltimetype out = icaltime_null_date();
  out.year = static_cast<int>(d.year());
  out.month = d.month();
  out.day = d.day();
  out.is_date = 1;
  return out;
}

// A property holding a local time, tagged with the district's TZID.
icalproperty* WithTzid(icalproperty* p) {
  icalproperty_add_parameter(p, icalparameter_new_tzid(kDistrictTzid));
  return p;
}

icalcomponent* NewCalendar(const std::string& name, bool with_timezone) {
  icalcomponent* cal = icalcomponent_new_vcalendar();
  icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
  icalcomponent_add_property(cal, icalproperty_new_prodid(kICalendarProdId));
  icalcomponent_add_property(cal, icalproperty_new_calscale("GREGORIAN"));
  if (!name.empty()) {
    icalproperty* p = icalproperty_new_x(name.c_str());
    icalproperty_set_x_name(p, "X-WR-CALNAME");
    icalcomponent_add_property(cal, p);
  }
  if (with_timezone) {
    icalcomponent* tz = icalcomponent_new_from_string(kVTimezone);
    if (tz != nullptr) icalcomponent_add_component(cal, tz);
  }
  return cal;
}

std::string Finish(icalcomponent* cal) {
  char* text = icalcomponent_as_ical_string_r(cal);
  std::string out = text == nullptr ? "" : text;
  free(text);
  icalcomponent_free(cal);
  return out;
}

icalcomponent* NewEvent(const std::string& uid, absl::Time stamp, const std::string& summary) {
  icalcomponent* ev = icalcomponent_new_vevent();
  icalcomponent_add_property(ev, icalproperty_new_uid(uid.c_str()));
  icalcomponent_add_property(ev, icalproperty_new_dtstamp(calendar::UtcIcalTime(stamp)));
  icalcomponent_add_property(ev, icalproperty_new_summary(summary.c_str()));
  return ev;
}

icaldurationtype Duration(absl::Duration d) {
  return icaldurationtype_from_int(static_cast<int>(absl::ToInt64Seconds(d)));
}

}  // namespace

std::string BroadcastsToICalendar(const std::vector<Broadcast>& broadcasts,
                                  const std::string& calendar_name, absl::Time stamp) {
  icalcomponent* cal = NewCalendar(calendar_name, true);
  for (const Broadcast& b : broadcasts) {
    std::string uid = absl::StrCat(BroadcastName(b.id), "@sangkien");
    icalcomponent* ev = NewEvent(uid, stamp, b.title);
    icalcomponent_add_property(
        ev, WithTzid(icalproperty_new_dtstart(calendar::DistrictIcalTime(b.start_time))));
    icalcomponent_add_property(ev, icalproperty_new_duration(Duration(b.duration)));
    std::string description = b.topic.empty()         ? b.description
                              : b.description.empty() ? b.topic
                                                      : absl::StrCat(b.topic, "\n", b.description);
    if (!description.empty()) {
      icalcomponent_add_property(ev, icalproperty_new_description(description.c_str()));
    }
    if (!b.station_display_name.empty()) {
      icalcomponent_add_property(ev, icalproperty_new_location(b.station_display_name.c_str()));
    }
    if (!b.rrule.empty()) {
      icalrecurrencetype rule = icalrecurrencetype_from_string(b.rrule.c_str());
      icalerror_clear_errno();
      if (rule.freq != ICAL_NO_RECURRENCE) {
        icalcomponent_add_property(ev, icalproperty_new_rrule(rule));
      }
      for (absl::Time ex : b.exdates) {
        icalcomponent_add_property(
            ev, WithTzid(icalproperty_new_exdate(calendar::DistrictIcalTime(ex))));
      }
    }
    icalcomponent_add_component(cal, ev);
    for (const AiringOverride& o : b.overrides) {
      icalcomponent* moved = NewEvent(uid, stamp, b.title);
      icalcomponent_add_property(moved, WithTzid(icalproperty_new_recurrenceid(
                                            calendar::DistrictIcalTime(o.original_start_time))));
      absl::Time start = o.start_time.value_or(o.original_start_time);
      icalcomponent_add_property(
          moved, WithTzid(icalproperty_new_dtstart(calendar::DistrictIcalTime(start))));
      icalcomponent_add_property(
          moved, icalproperty_new_duration(Duration(o.duration.value_or(b.duration))));
      if (o.cancelled) {
        icalcomponent_add_property(moved, icalproperty_new_status(ICAL_STATUS_CANCELLED));
      }
      if (!o.note.empty()) {
        icalcomponent_add_property(moved, icalproperty_new_comment(o.note.c_str()));
      }
      icalcomponent_add_component(cal, moved);
    }
  }
  return Finish(cal);
}

std::string DeadlinesToICalendar(const std::vector<DeadlineEvent>& events,
                                 const std::string& calendar_name, absl::Time stamp) {
  icalcomponent* cal = NewCalendar(calendar_name, false);
  for (const DeadlineEvent& e : events) {
    icalcomponent* ev = NewEvent(absl::StrCat(e.uid, "@sangkien"), stamp, e.summary);
    icalcomponent_add_property(ev, icalproperty_new_dtstart(DateValue(e.date)));
    icalcomponent_add_property(ev, icalproperty_new_dtend(DateValue(e.date + 1)));
    if (!e.description.empty()) {
      icalcomponent_add_property(ev, icalproperty_new_description(e.description.c_str()));
    }
    if (e.yearly) {
      icalrecurrencetype rule = icalrecurrencetype_from_string("FREQ=YEARLY");
      icalerror_clear_errno();
      icalcomponent_add_property(ev, icalproperty_new_rrule(rule));
    }
    icalcomponent_add_property(ev, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
    icalcomponent_add_component(cal, ev);
  }
  return Finish(cal);
}

}  // namespace sangkien::domain
