// sangkienctl publicity: what the Culture and Information office publishes,
// from the command line — list every broadcast, case study and
// announcement, publish one (optionally inside a window), unpublish one,
// delete one. Writes are audited as "system" like every sangkienctl write.
#include <iostream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/time/time.h"
#include "domain/account.h"
#include "domain/field_mask.h"
#include "domain/validation.h"
#include "operations/publicity_commands.h"
#include "operations/publicity_operations.h"
#include "tools/ctl_common.h"

namespace sangkien::ctl {
namespace {

const char* StateWord(domain::PublicationState s) {
  return s == domain::PublicationState::kPublished ? "published" : "draft";
}

std::string Window(const domain::PublishWindow& w) {
  std::string out;
  if (w.publish_time) out += " from " + DisplayTime(*w.publish_time);
  if (w.unpublish_time) out += " until " + DisplayTime(*w.unpublish_time);
  return out;
}

// Every page of a list, oldest first.
template <typename T, typename Fn>
absl::Status ForAll(const domain::OrderBy& order, Fn list, std::vector<T>& out) {
  domain::ListQuery q;
  q.page_size = domain::kMaxPageSize;
  q.order = order;
  for (;;) {
    auto page = list(q);
    if (!page.ok()) return page.status();
    for (auto& item : page->items) out.push_back(std::move(item));
    if (!page->next) return absl::OkStatus();
    q.after = page->next;
  }
}

int List(operations::PublicityOperations& ops, const domain::Caller& caller) {
  std::vector<domain::Broadcast> broadcasts;
  std::vector<domain::CaseStudy> studies;
  std::vector<domain::Announcement> announcements;
  absl::Status s = ForAll<domain::Broadcast>(
      {"create_time", false},
      [&](const domain::ListQuery& q) { return ops.ListBroadcasts(caller, q); }, broadcasts);
  if (s.ok()) {
    s = ForAll<domain::CaseStudy>(
        {"create_time", false},
        [&](const domain::ListQuery& q) { return ops.ListCaseStudies(caller, q); }, studies);
  }
  if (s.ok()) {
    s = ForAll<domain::Announcement>(
        {"create_time", false},
        [&](const domain::ListQuery& q) { return ops.ListAnnouncements(caller, q); },
        announcements);
  }
  if (!s.ok()) {
    PrintError("cannot list publicity", s);
    return kFailed;
  }
  for (const auto& b : broadcasts) {
    std::cout << domain::BroadcastName(b.id) << "\t" << StateWord(b.state) << "\t"
              << b.station_display_name << "\t" << b.title << "\t"
              << (b.rrule.empty() ? "once" : b.rrule) << "\n";
  }
  for (const auto& c : studies) {
    std::cout << domain::CaseStudyName(c.id) << "\t" << StateWord(c.window.state)
              << Window(c.window) << "\t" << c.unit_display_name << "\t" << c.title << "\n";
  }
  for (const auto& a : announcements) {
    std::cout << domain::AnnouncementName(a.id) << "\t" << StateWord(a.window.state)
              << Window(a.window) << "\t" << a.unit_display_name << "\t" << a.title << "\n";
  }
  return kOk;
}

std::optional<absl::Time> ParseWhen(const std::string& flag, const std::string& text, bool* bad) {
  if (text.empty()) return std::nullopt;
  absl::Time t;
  std::string error;
  if (!absl::ParseTime(absl::RFC3339_full, text, &t, &error)) {
    std::cerr << "sangkienctl: " << flag << " takes a time like 2026-12-01T07:00:00+07:00\n";
    *bad = true;
    return std::nullopt;
  }
  return t;
}

// The window and state a publish or unpublish sets, and the fields it names.
struct Publication {
  domain::PublishWindow window;
  domain::FieldPaths paths;
};

// Deletes, or updates through the same commands the API builds, so that the
// operation refuses here what it refuses there.
absl::Status Apply(operations::PublicityOperations& ops, const domain::Caller& caller,
                   const std::string& verb, const std::string& name, const Publication& p) {
  bool remove = verb == "delete";
  if (auto id = domain::ParseCollectionId(name, "broadcasts")) {
    if (remove) return ops.DeleteBroadcast(caller, *id, "");
    operations::UpdateBroadcastCommand update{{}, {"state"}, ""};
    update.patch.id = *id;
    update.patch.state = p.window.state;
    return ops.UpdateBroadcast(caller, update).status();
  }
  if (auto id = domain::ParseCollectionId(name, "caseStudies")) {
    if (remove) return ops.DeleteCaseStudy(caller, *id, "");
    operations::UpdateCaseStudyCommand update{{}, p.paths, ""};
    update.patch.id = *id;
    update.patch.window = p.window;
    return ops.UpdateCaseStudy(caller, update).status();
  }
  auto id = domain::ParseCollectionId(name, "announcements");
  if (remove) return ops.DeleteAnnouncement(caller, *id, "");
  operations::UpdateAnnouncementCommand update{{}, p.paths, ""};
  update.patch.id = *id;
  update.patch.window = p.window;
  return ops.UpdateAnnouncement(caller, update).status();
}

// publish / unpublish / delete one item by name.
int Change(operations::PublicityOperations& ops, const domain::Caller& caller,
           const std::string& verb, const std::string& name, const Args& args) {
  bool bad = false;
  auto from = ParseWhen("--from", args.Value("--from"), &bad);
  auto until = ParseWhen("--until", args.Value("--until"), &bad);
  if (bad) return kUsage;
  bool broadcast = domain::ParseCollectionId(name, "broadcasts").has_value();
  if (!broadcast && !domain::ParseCollectionId(name, "caseStudies") &&
      !domain::ParseCollectionId(name, "announcements")) {
    std::cerr << "sangkienctl: " << name
              << " is not a broadcasts/N, caseStudies/N or announcements/N name\n";
    return kUsage;
  }
  if (broadcast && (from || until)) {
    std::cerr << "sangkienctl: broadcasts have no publish window\n";
    return kUsage;
  }
  Publication p;
  p.window.state =
      verb == "publish" ? domain::PublicationState::kPublished : domain::PublicationState::kDraft;
  p.paths = {"state"};
  if (verb == "publish") {
    // A publish sets the whole window: without --from or --until that end is open.
    p.window.publish_time = from;
    p.window.unpublish_time = until;
    p.paths = {"state", "publish_time", "unpublish_time"};
  }
  absl::Status s = Apply(ops, caller, verb, name, p);
  if (!s.ok()) {
    PrintError(verb + " " + name, s);
    return kFailed;
  }
  std::cout << name << ": " << (verb == "delete" ? "deleted" : StateWord(p.window.state)) << "\n";
  return kOk;
}

}  // namespace

int PublicityCommand(const std::vector<std::string>& raw) {
  if (raw.empty()) return Usage();
  std::string verb = raw[0];
  std::vector<std::string> rest(raw.begin() + 1, raw.end());
  auto args = Args::Parse(rest, {"--from", "--until"}, {});
  if (!args) return kUsage;
  bool listing = verb == "list";
  bool known = listing || verb == "publish" || verb == "unpublish" || verb == "delete";
  if (!known || args->positional().size() != (listing ? 0u : 1u) ||
      (verb != "publish" && (args->Has("--from") || args->Has("--until")))) {
    std::cerr << "usage: sangkienctl publicity list | publish NAME [--from TIME] [--until TIME]"
                 " | unpublish NAME | delete NAME [--db PATH]\n";
    return kUsage;
  }
  std::unique_ptr<operations::Core> core = OpenCore(args->db());
  if (!core) return kFailed;
  operations::PublicityOperations& ops = core->publicity();
  domain::Caller caller = domain::Caller::System("sangkienctl publicity " + verb);
  if (listing) return List(ops, caller);
  return Change(ops, caller, verb, args->positional()[0], *args);
}

}  // namespace sangkien::ctl
