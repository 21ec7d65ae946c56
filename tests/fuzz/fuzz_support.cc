#include "fuzz_support.h"

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>

#include "operations/account_operations.h"
#include "operations/calendar_operations.h"
#include "operations/directory_operations.h"
#include "operations/plan_operations.h"
#include "operations/proposal_operations.h"
#include "operations/publicity_operations.h"
#include "sangkien/v1/account_service.pb.h"
#include "sangkien/v1/audit_service.pb.h"
#include "sangkien/v1/calendar_service.pb.h"
#include "sangkien/v1/directory_service.pb.h"
#include "sangkien/v1/plan_service.pb.h"
#include "sangkien/v1/proposal_service.pb.h"
#include "sangkien/v1/publicity_service.pb.h"
#include "sangkien/v1/search_service.pb.h"
#include "sangkien/v1/sync_service.pb.h"
#include "seed/demo_seed.h"
#include "seed/holiday_seed.h"
#include "storage/database.h"

namespace sangkien::fuzz {
namespace {

std::vector<std::string>& TempDirs() {
  static auto* dirs = new std::vector<std::string>();
  return *dirs;
}

void RemoveTempDirs() {
  for (const std::string& dir : TempDirs()) {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
}

[[noreturn]] void Fail(const std::string& what) {
  std::cerr << "fuzz setup failed: " << what << "\n";
  std::abort();
}

}  // namespace

absl::Time FixedNow() {
  return absl::FromCivil(absl::CivilSecond(2026, 11, 27, 9, 0, 0),
                         absl::FixedTimeZone(7 * 60 * 60));
}

std::string MakeTempDir() {
  static std::once_flag registered;
  std::call_once(registered, [] { std::atexit(RemoveTempDirs); });
  std::string pattern =
      (std::filesystem::temp_directory_path() / "sangkien-fuzz-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) Fail("mkdtemp");
  TempDirs().push_back(pattern);
  return pattern;
}

const std::vector<importer::DirectoryEntry>& DemoDirectory() {
  static const auto* entries = [] {
    storage::DatabaseOptions options;
    options.path = MakeTempDir() + "/directory.db";
    options.synchronous_full = false;
    auto db = storage::Database::Open(options);
    if (!db.ok()) Fail(db.status().ToString());
    calendar::Clock clock = [] { return FixedNow(); };
    operations::DirectoryOperations directory(**db, clock);
    operations::PlanOperations plans(**db, directory, clock);
    operations::AccountOperations accounts(**db, clock);
    operations::CalendarOperations calendar(**db, clock);
    if (auto loaded = seed::LoadShippedHolidays(calendar); !loaded.ok()) {
      Fail(loaded.status().ToString());
    }
    operations::ProposalOperations proposals(**db, clock,
                                             operations::HolidayWorkingDays(calendar));
    operations::PublicityOperations publicity(**db, clock);
    auto seeded = seed::SeedDemoIfEmpty(directory, plans, accounts, proposals, publicity);
    if (!seeded.ok()) Fail(seeded.status().ToString());
    auto listed = directory.Entries();
    if (!listed.ok()) Fail(listed.status().ToString());
    return new std::vector<importer::DirectoryEntry>(std::move(*listed));
  }();
  return *entries;
}

const domain::PageTokenCodec& TokenCodec() {
  static const auto* codec = new domain::PageTokenCodec(std::string(32, 'k'));
  return *codec;
}

const std::vector<const google::protobuf::MethodDescriptor*>& UnaryMethods() {
  static const auto* methods = [] {
    auto* out = new std::vector<const google::protobuf::MethodDescriptor*>();
    // One request type of each service file: naming it links the file's
    // generated code, which registers its services in the descriptor pool.
    for (const google::protobuf::FileDescriptor* file :
         {v1::WhoAmIRequest::descriptor()->file(), v1::ListAuditEventsRequest::descriptor()->file(),
          v1::ListUnitsRequest::descriptor()->file(), v1::ListHolidaysRequest::descriptor()->file(),
          v1::ListPlansRequest::descriptor()->file(), v1::GetProposalRequest::descriptor()->file(),
          v1::ListBroadcastsRequest::descriptor()->file(), v1::SearchRequest::descriptor()->file(),
          v1::ListChangesRequest::descriptor()->file()}) {
      for (int s = 0; s < file->service_count(); ++s) {
        const auto* service = file->service(s);
        for (int i = 0; i < service->method_count(); ++i) {
          const auto* method = service->method(i);
          if (!method->client_streaming() && !method->server_streaming()) out->push_back(method);
        }
      }
    }
    if (out->empty()) Fail("no services");
    return out;
  }();
  return *methods;
}

const std::vector<std::string>& CallerLabels() {
  static const std::vector<std::string> kLabels = {
      "public",    "admin",         "coordinator",    "approver",      "inspector",
      "publisher", "staff Tân Lập", "staff Hòa Bình", "kiosk Tân Lập",
  };
  return kLabels;
}

std::string SampleResourceName(std::string_view noun) {
  static const std::map<std::string, std::string, std::less<>> kNames = {
      {"Account", "accounts/1"},
      {"Announcement", "announcements/1"},
      {"Assignment", "plans/1/tasks/1/assignments/1"},
      {"Broadcast", "broadcasts/1"},
      {"CaseStudy", "caseStudies/1"},
      {"CaseStudyImage", "caseStudies/1/images/1"},
      {"Holiday", "holidays/1"},
      {"Plan", "plans/1"},
      {"ProgressReport", "plans/1/tasks/1/progressReports/1"},
      {"Proposal", "proposals/1"},
      {"ProposalEvent", "proposals/1/events/1"},
      {"Task", "plans/1/tasks/1"},
      {"Token", "accounts/1/tokens/1"},
      {"Unit", "units/1"},
      {"UnitGroup", "unitGroups/1"},
      {"UnitRef", "units/1"},
  };
  auto it = kNames.find(noun);
  return it == kNames.end() ? "plans/1" : it->second;
}

std::pair<std::string_view, std::string_view> SplitAtNewline(std::string_view data) {
  size_t newline = data.find('\n');
  if (newline == std::string_view::npos) return {data, {}};
  return {data.substr(0, newline), data.substr(newline + 1)};
}

}  // namespace sangkien::fuzz
