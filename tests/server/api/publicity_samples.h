// Valid publicity requests for the API tests: a broadcast, a case study, an
// announcement and a small real PNG.
#ifndef SANGKIEN_TESTS_SERVER_API_PUBLICITY_SAMPLES_H_
#define SANGKIEN_TESTS_SERVER_API_PUBLICITY_SAMPLES_H_

#include <string>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "sangkien/v1/publicity_service.pb.h"

namespace sangkien::api_test {

// A time in the district (UTC+7) as a Timestamp.
inline google::protobuf::Timestamp LocalTimestamp(int y, int m, int d, int hh, int mm = 0) {
  absl::Time t =
      absl::FromCivil(absl::CivilSecond(y, m, d, hh, mm, 0), absl::FixedTimeZone(7 * 3600));
  google::protobuf::Timestamp out;
  out.set_seconds(absl::ToUnixSeconds(t));
  return out;
}

inline google::protobuf::Timestamp ToTimestamp(absl::Time t) {
  google::protobuf::Timestamp out;
  out.set_seconds(absl::ToUnixSeconds(t));
  return out;
}

// The commune news at 06:00 every day from 1/11/2026, 30 minutes.
inline v1::Broadcast SampleBroadcast(const std::string& station,
                                     v1::PublicationState state = v1::PUBLICATION_STATE_PUBLISHED) {
  v1::Broadcast b;
  b.set_station(station);
  b.set_title("Bản tin thời sự xã");
  b.set_topic("Thời sự");
  b.set_description("Tin hoạt động của xã, lịch tiếp công dân.");
  *b.mutable_start_time() = LocalTimestamp(2026, 11, 1, 6);
  b.mutable_duration()->set_seconds(30 * 60);
  b.set_rrule("FREQ=DAILY");
  b.set_state(state);
  return b;
}

inline v1::CaseStudy SampleCaseStudy(const std::string& unit,
                                     v1::PublicationState state = v1::PUBLICATION_STATE_PUBLISHED) {
  v1::CaseStudy s;
  s.set_title("Một cửa liên thông trực tuyến ở xã Tân Lập");
  s.set_unit(unit);
  s.set_summary("Rút ngắn thời gian giải quyết thủ tục hành chính.");
  s.set_body("Xã bố trí cán bộ hướng dẫn người dân nộp hồ sơ trực tuyến.");
  s.set_results("Thời gian giải quyết giảm từ 5 ngày xuống 2 ngày.");
  s.set_state(state);
  return s;
}

inline v1::Announcement SampleAnnouncement(
    const std::string& unit, v1::PublicationState state = v1::PUBLICATION_STATE_PUBLISHED) {
  v1::Announcement a;
  a.set_title("Lịch tiếp công dân tháng 12");
  a.set_body("Chủ tịch UBND xã tiếp công dân vào sáng thứ Năm hằng tuần.");
  a.set_unit(unit);
  a.set_state(state);
  return a;
}

// A 24×16 PNG (red with a yellow diamond), 118 bytes.
inline std::string SamplePng() {
  static const char kBytes[] =
      "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x18\x00\x00\x00"
      "\x10\x08\x02\x00\x00\x00\x83\x46\x28\xc2\x00\x00\x00\x3d\x49\x44\x41\x54\x78\xda\x63\xb8\xa5"
      "\x2a\x4b\x15\xc4\x30\xc2\x0d\xfa\x7f\x97\x81\x0a\x06\x01\x4d\x81\x20\x8a\x0c\x82\x9b\x42\xd0"
      "\x2c\x06\xe2\x4d\xc1\x6f\x16\x03\x49\xa6\xe0\x31\x8b\xf6\x2e\xa2\x66\x18\x51\x33\xd6\xa8\x99"
      "\x8e\x86\x6c\x5e\x03\x00\xcc\xf4\xc8\xd0\x75\xab\x4a\xba\x00\x00\x00\x00\x49\x45\x4e\x44\xae"
      "\x42\x60\x82";
  return std::string(kBytes, sizeof(kBytes) - 1);
}

}  // namespace sangkien::api_test

#endif  // SANGKIEN_TESTS_SERVER_API_PUBLICITY_SAMPLES_H_
