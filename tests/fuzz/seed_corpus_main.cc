// Writes the generated part of the fuzz targets' seed corpora:
//   <dir>/rpc_request/  one request per unary method, as the admin and as the
//                       public, its fields filled with plausible values;
//   <dir>/page_token/   valid tokens and markers under the fuzz key.
// The other targets' seeds are files in the source tree. Usage:
//   sangkien-fuzz-seeds <dir>
#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>
#include <google/protobuf/reflection.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/time/time.h"
#include "api/change_marker.h"
#include "fuzz_support.h"
#include "seed/demo_seed.h"

namespace {

namespace fs = std::filesystem;
namespace pb = google::protobuf;
using sangkien::fuzz::SampleResourceName;

// A 1×1 PNG.
constexpr unsigned char kPng[] = {
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44,
    0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f,
    0x15, 0xc4, 0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8,
    0xff, 0xff, 0x3f, 0x00, 0x05, 0xfe, 0x02, 0xfe, 0xa7, 0x35, 0x81, 0x84, 0x00, 0x00, 0x00,
    0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82};

void WriteFile(const fs::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) {
    std::cerr << "cannot write " << path << "\n";
    std::exit(1);
  }
}

// What a method is about: the longest resource noun in its name, or its
// service's main resource.
std::string MethodNoun(const pb::MethodDescriptor& method) {
  std::string best;
  for (const char* noun :
       {"Account", "Announcement", "Assignment", "Broadcast", "CaseStudy", "CaseStudyImage",
        "Holiday", "Plan", "ProgressReport", "Proposal", "ProposalEvent", "Task", "Token", "Unit",
        "UnitGroup"}) {
    if (absl::StrContains(method.name(), noun) && std::string(noun).size() > best.size()) {
      best = noun;
    }
  }
  if (method.name() == "ReplicateAsCaseStudy") return "Proposal";
  if (!best.empty()) return best;
  const std::string& service = method.service()->name();
  if (service == "ProposalService") return "Proposal";
  if (service == "PublicityService") return "Broadcast";
  if (service == "HolidayCalendarService") return "Holiday";
  if (service == "AccountService") return "Account";
  return "Plan";
}

// The collection a resource lives in: "plans/1" for a task; "" at the top.
std::string ParentOf(const std::string& name) {
  std::vector<std::string> parts = absl::StrSplit(name, '/');
  if (parts.size() <= 2) return "";
  parts.resize(parts.size() - 2);
  return absl::StrJoin(parts, "/");
}

std::string StringFor(const pb::FieldDescriptor& field, const std::string& noun) {
  const std::string& n = field.name();
  if (n == "name") return SampleResourceName(noun);
  if (n == "parent") return ParentOf(SampleResourceName(noun));
  if (n == "filter" || n == "order_by" || n == "page_token" || n == "resume_marker" ||
      n == "etag") {
    return "";
  }
  if (n == "request_id") return "seed-1";
  if (n == "query") return "dam nghi dam lam";
  if (n == "rrule") return "FREQ=WEEKLY;BYDAY=TH";
  if (n == "original_text") return "Quý III/2022";
  if (n == "symbol") return "36-CTr/HU";
  if (n == "mime_type" || n == "content_type") return "image/png";
  if (n == "text" && noun == "Plan") {
    std::string_view plan = sangkien::seed::SeedPlanText();
    return std::string(plan.substr(0, plan.find('\n', 3000)));
  }
  if (absl::EndsWith(n, "unit") || absl::EndsWith(n, "units") || n == "station") return "units/10";
  if (n == "proposal") return "proposals/1";
  if (n == "account" || n == "proposer") return "accounts/1";
  if (n == "plan") return "plans/1";
  if (n == "task") return "plans/1/tasks/1";
  return "Thử nghiệm đổi mới, sáng tạo";
}

void Fill(pb::Message* m, const std::string& noun, int depth) {
  const pb::Descriptor* d = m->GetDescriptor();
  const pb::Reflection* r = m->GetReflection();
  const std::string& type = d->full_name();
  if (type == "google.protobuf.Timestamp") {
    r->SetInt64(m, d->FindFieldByName("seconds"),
                absl::ToUnixSeconds(sangkien::fuzz::FixedNow() + absl::Hours(24)));
    return;
  }
  if (type == "google.protobuf.Duration") {
    r->SetInt64(m, d->FindFieldByName("seconds"), 1800);
    return;
  }
  if (type == "google.type.Date") {
    r->SetInt32(m, d->FindFieldByName("year"), 2026);
    r->SetInt32(m, d->FindFieldByName("month"), 12);
    r->SetInt32(m, d->FindFieldByName("day"), 1);
    return;
  }
  if (type == "google.protobuf.FieldMask" || type == "google.protobuf.Empty") return;
  for (int i = 0; i < d->field_count(); ++i) {
    const pb::FieldDescriptor* f = d->field(i);
    if (f->real_containing_oneof() != nullptr && r->HasOneof(*m, f->real_containing_oneof())) {
      continue;
    }
    bool repeated = f->is_repeated();
    switch (f->cpp_type()) {
      case pb::FieldDescriptor::CPPTYPE_MESSAGE: {
        if (depth >= 3 || f->is_map()) break;
        pb::Message* sub = repeated ? r->AddMessage(m, f) : r->MutableMessage(m, f);
        Fill(sub, f->message_type()->name(), depth + 1);
        break;
      }
      case pb::FieldDescriptor::CPPTYPE_STRING: {
        std::string value =
            f->type() == pb::FieldDescriptor::TYPE_BYTES
                ? std::string(reinterpret_cast<const char*>(kPng), sizeof(kPng))
                : StringFor(*f, noun);
        if (value.empty()) break;
        repeated ? r->AddString(m, f, value) : r->SetString(m, f, value);
        break;
      }
      case pb::FieldDescriptor::CPPTYPE_INT32: {
        int32_t v = f->name() == "page_size" ? 5 : f->name() == "progress_percent" ? 50 : 1;
        repeated ? r->AddInt32(m, f, v) : r->SetInt32(m, f, v);
        break;
      }
      case pb::FieldDescriptor::CPPTYPE_INT64:
        repeated ? r->AddInt64(m, f, 1) : r->SetInt64(m, f, 1);
        break;
      case pb::FieldDescriptor::CPPTYPE_ENUM: {
        const pb::EnumDescriptor* e = f->enum_type();
        int v = e->value_count() > 1 ? e->value(1)->number() : 0;
        repeated ? r->AddEnumValue(m, f, v) : r->SetEnumValue(m, f, v);
        break;
      }
      default:
        break;  // bools stay false; no double, float or unsigned fields
    }
  }
}

void WriteRpcSeeds(const fs::path& dir) {
  fs::create_directories(dir);
  const auto& methods = sangkien::fuzz::UnaryMethods();
  for (size_t i = 0; i < methods.size(); ++i) {
    const pb::MethodDescriptor& method = *methods[i];
    std::unique_ptr<pb::Message> request(
        pb::MessageFactory::generated_factory()->GetPrototype(method.input_type())->New());
    Fill(request.get(), MethodNoun(method), 0);
    std::string body = request->SerializeAsString();
    for (uint8_t caller : {sangkien::fuzz::kPublicCaller, sangkien::fuzz::kAdminCaller}) {
      std::string bytes = {static_cast<char>(i), static_cast<char>(caller)};
      WriteFile(dir / absl::StrCat(method.service()->name(), ".", method.name(), ".",
                                   sangkien::fuzz::CallerLabels()[caller]),
                bytes + body);
    }
  }
}

std::string Int64Bytes(int64_t v) {
  std::string out;
  for (int i = 7; i >= 0; --i) {
    out.push_back(static_cast<char>((static_cast<uint64_t>(v) >> (8 * i)) & 0xff));
  }
  return out;
}

void WritePageTokenSeeds(const fs::path& dir) {
  fs::create_directories(dir);
  const auto& codec = sangkien::fuzz::TokenCodec();
  std::string list_scope = "ListTasks\nplans/1\nstatus = DONE\ndue_date desc";
  std::string token = codec.Encode(list_scope, {"2022-09-30", 7});
  WriteFile(dir / "decode_list_token", std::string(1, '\0') + list_scope + "\n" + token);
  WriteFile(dir / "decode_empty_sort", std::string(1, '\0') + "ListUnits\n\n\n\n" +
                                           codec.Encode("ListUnits\n\n\n", {"", 1}));
  WriteFile(dir / "round_trip",
            std::string(1, '\1') + Int64Bytes(42) + "ListPlans|issue_date\n2022-05-10");
  WriteFile(dir / "round_trip_negative",
            std::string(1, '\1') + Int64Bytes(-1) + "Search|đột phá\n\xff binary");
  for (const char* compacted : {"0", "12", "-1", " 7", "+5", "99999999999999999999", "0x10", ""}) {
    WriteFile(dir / absl::StrCat("sealed_marker_", compacted[0] ? compacted : "empty"),
              std::string(1, '\2') + Int64Bytes(1234) + Int64Bytes(3) + compacted);
  }
  sangkien::domain::Caller caller;
  caller.principal.account_id = 3;
  WriteFile(dir / "marker_from_outside",
            std::string(1, '\3') + Int64Bytes(3) +
                sangkien::api::EncodeMarker(codec, caller, {1234, 0}));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: sangkien-fuzz-seeds <dir>\n";
    return 2;
  }
  fs::path dir(argv[1]);
  WriteRpcSeeds(dir / "rpc_request");
  WritePageTokenSeeds(dir / "page_token");
  return 0;
}
