#include "bench/scale/scale_data.h"

#include <algorithm>
#include <map>
#include <mutex>
#include <optional>
#include <random>
#include <set>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "domain/account.h"
#include "importer/plan_importer.h"
#include "operations/directory_operations.h"
#include "operations/plan_operations.h"
#include "seed/demo_seed.h"
#include "status/status_macros.h"
#include "text/vietnamese.h"

namespace sangkien::bench {
namespace {

using domain::UnitKind;

// The 63 provinces and centrally governed cities.
constexpr const char* kProvinces[] = {
    "Hà Nội",         "Hồ Chí Minh", "Hải Phòng",         "Đà Nẵng",
    "Cần Thơ",        "An Giang",    "Bà Rịa - Vũng Tàu", "Bắc Giang",
    "Bắc Kạn",        "Bạc Liêu",    "Bắc Ninh",          "Bến Tre",
    "Bình Định",      "Bình Dương",  "Bình Phước",        "Bình Thuận",
    "Cà Mau",         "Cao Bằng",    "Đắk Lắk",           "Đắk Nông",
    "Điện Biên",      "Đồng Nai",    "Đồng Tháp",         "Gia Lai",
    "Hà Giang",       "Hà Nam",      "Hà Tĩnh",           "Hải Dương",
    "Hậu Giang",      "Hòa Bình",    "Hưng Yên",          "Khánh Hòa",
    "Kiên Giang",     "Kon Tum",     "Lai Châu",          "Lâm Đồng",
    "Lạng Sơn",       "Lào Cai",     "Long An",           "Nam Định",
    "Nghệ An",        "Ninh Bình",   "Ninh Thuận",        "Phú Thọ",
    "Phú Yên",        "Quảng Bình",  "Quảng Nam",         "Quảng Ngãi",
    "Quảng Ninh",     "Quảng Trị",   "Sóc Trăng",         "Sơn La",
    "Tây Ninh",       "Thái Bình",   "Thái Nguyên",       "Thanh Hóa",
    "Thừa Thiên Huế", "Tiền Giang",  "Trà Vinh",          "Tuyên Quang",
    "Vĩnh Long",      "Vĩnh Phúc",   "Yên Bái",
};
constexpr int kCityCount = 5;  // the first five are thành phố

// Syllables Vietnamese place names are made of; two make a name.
constexpr const char* kSyllables[] = {
    "An",    "Bình",  "Cát",   "Châu",  "Đông",  "Đại",    "Đức",   "Hà",    "Hải",   "Hòa",
    "Hồng",  "Hưng",  "Hương", "Khánh", "Kim",   "Lạc",    "Lâm",   "Lập",   "Long",  "Lộc",
    "Minh",  "Mỹ",    "Nam",   "Nghĩa", "Ngọc",  "Nhân",   "Phong", "Phú",   "Phúc",  "Phước",
    "Quang", "Quảng", "Sơn",   "Tân",   "Thạch", "Thái",   "Thanh", "Thành", "Thạnh", "Thịnh",
    "Thọ",   "Thuận", "Thủy",  "Tiên",  "Trung", "Trường", "Tường", "Văn",   "Vĩnh",  "Xuân",
    "Yên",   "Bảo",   "Cẩm",   "Diễn",  "Gia",   "Hậu",    "Hiệp",  "Kỳ",    "Liên",  "Mai",
    "Ninh",  "Quỳnh", "Tam",   "Tây",   "Triệu", "Tuy",    "Vạn",
};

// What district and commune plans are about; {Y} is the year.
constexpr const char* kPlanThemes[] = {
    "Kế hoạch thực hiện Chương trình hành động số 36-CTr/HU về khuyến khích và bảo vệ cán bộ "
    "năng động, sáng tạo vì lợi ích chung năm {Y}",
    "Kế hoạch cải cách hành chính năm {Y}",
    "Kế hoạch chuyển đổi số và phát triển chính quyền số năm {Y}",
    "Kế hoạch tuyên truyền, phổ biến, giáo dục pháp luật năm {Y}",
    "Kế hoạch phòng, chống tham nhũng, tiêu cực năm {Y}",
    "Kế hoạch thi đua, khen thưởng năm {Y}",
    "Kế hoạch kiểm tra công vụ, kỷ luật, kỷ cương hành chính năm {Y}",
    "Kế hoạch nâng cao chất lượng đội ngũ cán bộ, công chức năm {Y}",
    "Kế hoạch xây dựng nông thôn mới nâng cao năm {Y}",
    "Kế hoạch thực hiện quy chế dân chủ ở cơ sở năm {Y}",
};

constexpr const char* kReportTexts[] = {
    "Đã tổ chức quán triệt, triển khai đến toàn thể cán bộ, công chức; đang rà soát kết quả.",
    "Đã ban hành văn bản hướng dẫn và phân công công chức phụ trách; tiến độ đúng kế hoạch.",
    "Đã rà soát các quy định, đề xuất sửa đổi những nội dung không còn phù hợp.",
    "Đã tổng hợp báo cáo định kỳ, gửi Phòng Nội vụ theo đúng thời hạn.",
    "Đang triển khai; gặp khó khăn về kinh phí, đề nghị cấp trên hỗ trợ.",
};

std::string Replace(std::string s, std::string_view from, std::string_view to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
    s.replace(at, from.size(), to);
  }
  return s;
}

struct Place {
  int64_t id = 0;
  std::string display_name;  // "UBND xã Tân Lập"
  std::string scope;         // "xã Tân Lập", for "trên địa bàn …"
  domain::UnitRef Ref() const { return {domain::UnitRef::Kind::kUnit, id, display_name}; }
};

struct District {
  Place committee;
  std::vector<Place> offices;
  std::vector<Place> communes;
};

class Generator {
 public:
  Generator(storage::Database& db, const ScaleSpec& spec,
            const std::function<void(std::string_view)>& progress)
      : spec_(spec),
        progress_(progress),
        directory_(db, calendar::SystemClock()),
        plans_(db, directory_, calendar::SystemClock()),
        rng_(spec.seed) {}

  absl::StatusOr<ScaleSummary> Run() {
    start_ = absl::Now();
    SK_RETURN_IF_ERROR(LoadSeedPlan());
    SK_RETURN_IF_ERROR(CreateDirectory());
    Say(absl::StrCat(summary_.units, " units"));
    SK_RETURN_IF_ERROR(CreatePlans());
    Say(absl::StrCat(summary_.plans, " plans, ", summary_.tasks, " tasks, ", summary_.assignments,
                     " assignments"));
    SK_RETURN_IF_ERROR(CreateReports());
    Say(absl::StrCat(summary_.reports, " progress reports"));
    for (const auto& [unit, n] : commune_load_) {
      if (n > summary_.busiest_commune_assignments) {
        summary_.busiest_commune_assignments = n;
        summary_.busiest_commune_id = unit;
      }
    }
    return summary_;
  }

 private:
  int Uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  template <typename T>
  const T& Pick(const std::vector<T>& v) {
    return v[std::uniform_int_distribution<size_t>(0, v.size() - 1)(rng_)];
  }

  void Say(std::string_view what) {
    if (progress_) {
      progress_(absl::StrCat(
          std::string(what), " (",
          absl::FormatDuration(absl::Trunc(absl::Now() - start_, absl::Milliseconds(100))), ")"));
    }
  }

  absl::Status LoadSeedPlan() {
    SK_ASSIGN_OR_RETURN(importer::ImportedPlan seed,
                        importer::ImportPlanText(seed::SeedPlanText(), {}));
    seed_ = std::move(seed);
    if (seed_.tasks.empty()) return absl::InternalError("the seed plan has no tasks");
    return absl::OkStatus();
  }

  // Two-syllable names, none folding to one already in `used`.
  std::string PlaceName(std::set<std::string>& used) {
    constexpr int kCount = sizeof(kSyllables) / sizeof(kSyllables[0]);
    for (;;) {
      int a = Uniform(0, kCount - 1), b = Uniform(0, kCount - 1);
      if (a == b) continue;
      std::string name = absl::StrCat(kSyllables[a], " ", kSyllables[b]);
      // Quang Đức and Quảng Đức are one name to the directory.
      if (used.insert(text::FoldForSearch(name)).second) return name;
    }
  }

  absl::StatusOr<Place> AddUnit(std::string display_name, std::string short_name, std::string scope,
                                UnitKind kind, int64_t parent_id,
                                std::vector<std::string> aliases = {}) {
    domain::Unit unit;
    unit.display_name = std::move(display_name);
    unit.short_name = std::move(short_name);
    unit.kind = kind;
    unit.parent_id = parent_id;
    unit.aliases = std::move(aliases);
    SK_ASSIGN_OR_RETURN(domain::Unit created, directory_.CreateUnit(system_, {unit, {}}));
    ++summary_.units;
    return Place{created.id, created.display_name, std::move(scope)};
  }

  // Provinces, then about one district per 16 units, each with two offices
  // and its communes (most are xã, some thị trấn and phường).
  absl::Status CreateDirectory() {
    const int total = std::max(spec_.units, 8);
    const int province_count = std::clamp(total / 158, 1, 63);
    const int district_count = std::max(province_count, total / 16);
    const int commune_count = total - province_count - 3 * district_count;
    std::vector<Place> provinces;
    for (int p = 0; p < province_count; ++p) {
      std::string kind = p < kCityCount ? "thành phố" : "tỉnh";
      SK_ASSIGN_OR_RETURN(
          Place province,
          AddUnit(absl::StrCat("UBND ", kind, " ", kProvinces[p]), kProvinces[p],
                  absl::StrCat(kind, " ", kProvinces[p]), UnitKind::kPeoplesCommittee, 0,
                  {absl::StrCat("Ủy ban nhân dân ", kind, " ", kProvinces[p])}));
      provinces.push_back(std::move(province));
    }
    std::vector<std::set<std::string>> district_names(province_count);
    for (int d = 0; d < district_count; ++d) {
      int p = d % province_count;
      std::string name = PlaceName(district_names[p]);
      District district;
      SK_ASSIGN_OR_RETURN(district.committee,
                          AddUnit(absl::StrCat("UBND huyện ", name), name,
                                  absl::StrCat("huyện ", name), UnitKind::kPeoplesCommittee,
                                  provinces[p].id, {absl::StrCat("Ủy ban nhân dân huyện ", name)}));
      SK_ASSIGN_OR_RETURN(Place noi_vu, AddUnit(absl::StrCat("Phòng Nội vụ huyện ", name), "Nội vụ",
                                                absl::StrCat("huyện ", name), UnitKind::kOffice,
                                                district.committee.id));
      SK_ASSIGN_OR_RETURN(
          Place van_hoa,
          AddUnit(absl::StrCat("Phòng Văn hóa, Thông tin huyện ", name), "VH-TT",
                  absl::StrCat("huyện ", name), UnitKind::kOffice, district.committee.id));
      district.offices = {std::move(noi_vu), std::move(van_hoa)};
      districts_.push_back(std::move(district));
    }
    std::vector<std::set<std::string>> commune_names(district_count);
    for (int i = 0; i < commune_count; ++i) {
      int d = i % district_count;
      District& district = districts_[d];
      std::string name = PlaceName(commune_names[d]);
      int roll = Uniform(0, 99);
      const char* word = roll < 85 ? "xã" : roll < 93 ? "thị trấn" : "phường";
      UnitKind kind = roll < 85   ? UnitKind::kCommune
                      : roll < 93 ? UnitKind::kTown
                                  : UnitKind::kWard;
      SK_ASSIGN_OR_RETURN(
          Place commune,
          AddUnit(absl::StrCat("UBND ", word, " ", name), name, absl::StrCat(word, " ", name), kind,
                  district.committee.id, {absl::StrCat("Ủy ban nhân dân ", word, " ", name)}));
      district.communes.push_back(std::move(commune));
    }
    // The groups plans name, unless the database has them already; the
    // generated plans name units directly.
    domain::ListQuery any;
    any.page_size = 1;
    any.order = {"id", false};
    SK_ASSIGN_OR_RETURN(auto groups, directory_.ListGroups(any));
    if (!groups.items.empty()) return absl::OkStatus();
    domain::UnitGroup offices;
    offices.display_name = "Các phòng, ngành, đơn vị cấp huyện";
    offices.member_kinds = {UnitKind::kOffice, UnitKind::kInspectorate, UnitKind::kCentre};
    SK_RETURN_IF_ERROR(directory_.CreateGroup(system_, offices).status());
    domain::UnitGroup communes;
    communes.display_name = "UBND các xã, thị trấn";
    communes.member_kinds = {UnitKind::kCommune, UnitKind::kTown};
    return directory_.CreateGroup(system_, communes).status();
  }

  // A task copied from the seed plan, placed in `scope`.
  domain::Task SeedTask(int position, const std::string& scope) {
    const domain::Task& from = Pick(seed_.tasks);
    domain::Task t;
    t.number = absl::StrCat(position);
    t.title = from.title;
    if (Uniform(0, 99) < 40) {
      while (!t.title.empty() && (t.title.back() == '.' || t.title.back() == ';')) {
        t.title.pop_back();
      }
      absl::StrAppend(&t.title, " trên địa bàn ", scope);
    }
    t.body = from.body;
    t.section = from.section;
    t.timeframe = from.timeframe;
    return t;
  }

  // Units a task of this district's plan may involve besides `lead`.
  std::vector<domain::UnitRef> Coordinators(const District& d, int64_t lead, int count) {
    std::vector<domain::UnitRef> out;
    for (int tries = 0; static_cast<int>(out.size()) < count && tries < 20; ++tries) {
      const Place& p =
          Uniform(0, 2) == 0 || d.communes.empty() ? Pick(d.offices) : Pick(d.communes);
      bool taken = p.id == lead ||
                   std::any_of(out.begin(), out.end(), [&](const auto& r) { return r.id == p.id; });
      if (!taken) out.push_back(p.Ref());
    }
    return out;
  }

  struct PlanJob {
    domain::Plan plan;
    std::vector<domain::Task> tasks;
    bool first = false;
  };

  // The next plan to write, or nothing once the assignments are reached.
  std::optional<PlanJob> NextPlan() {
    std::lock_guard lock(mu_);
    const int64_t target = spec_.assignments;
    if (planned_ >= target) return std::nullopt;
    PlanJob job;
    job.first = planned_ == 0;
    const District& district = job.first ? districts_.front() : Pick(districts_);
    bool by_district = job.first || district.communes.empty() || Uniform(0, 99) < 30;
    const Place& issuer = by_district ? district.committee : Pick(district.communes);
    int year = Uniform(2022, 2026);
    domain::Plan& plan = job.plan;
    plan.symbol = absl::StrCat(++symbol_ % 400 + 1, "/KH-UBND");
    plan.kind = domain::DocumentKind::kPlan;
    plan.issuer = issuer.display_name;
    plan.issuer_unit_id = issuer.id;
    plan.place = issuer.scope;
    plan.issue_date = absl::CivilDay(year, Uniform(1, 10), Uniform(1, 28));
    plan.title =
        Replace(kPlanThemes[Uniform(0, std::size(kPlanThemes) - 1)], "{Y}", absl::StrCat(year));
    plan.preamble = seed_.plan.preamble;
    for (size_t s = 0; s < seed_.plan.sections.size() && s < 2; ++s) {
      plan.sections.push_back(seed_.plan.sections[s]);
    }
    plan.state = job.first || Uniform(0, 99) >= 5 ? domain::PlanState::kPublished
                                                  : domain::PlanState::kDraft;
    int task_count = job.first     ? spec_.big_plan_tasks
                     : by_district ? Uniform(15, 45)
                                   : Uniform(6, 24);
    for (int i = 0; i < task_count && planned_ < target; ++i) {
      domain::Task t = SeedTask(i + 1, issuer.scope);
      const Place& lead =
          by_district ? (Uniform(0, 1) == 0 || district.communes.empty() ? Pick(district.offices)
                                                                         : Pick(district.communes))
                      : issuer;
      t.lead_units = {lead.Ref()};
      int extra = static_cast<int>(std::min<int64_t>(Uniform(0, 2), target - planned_ - 1));
      t.coordinating_units = Coordinators(district, lead.id, extra);
      planned_ += 1 + static_cast<int64_t>(t.coordinating_units.size());
      job.tasks.push_back(std::move(t));
    }
    return job;
  }

  void Written(const PlanJob& job, const operations::PlanWithTasks& created) {
    std::lock_guard lock(mu_);
    if (job.first) summary_.big_plan_id = created.plan.id;
    ++summary_.plans;
    for (const domain::Task& t : created.tasks) {
      ++summary_.tasks;
      std::vector<int64_t> units;
      for (const auto& r : t.lead_units) units.push_back(r.id);
      for (const auto& r : t.coordinating_units) units.push_back(r.id);
      for (int64_t unit : units) {
        ++summary_.assignments;
        ++commune_load_[unit];
        if (spec_.report_every > 0 && summary_.assignments % spec_.report_every == 0) {
          reports_.push_back({created.plan.id, t.id, unit});
        }
      }
    }
    if (summary_.plans % 2000 == 0) {
      Say(absl::StrCat(summary_.plans, " plans, ", summary_.assignments, " assignments"));
    }
  }

  // Runs `work` on spec_.writers threads; the first error wins.
  absl::Status Parallel(const std::function<absl::Status()>& work) {
    std::vector<std::thread> threads;
    absl::Status first;
    std::mutex first_mu;
    for (int i = 0; i < std::max(1, spec_.writers); ++i) {
      threads.emplace_back([&] {
        absl::Status s = work();
        std::lock_guard lock(first_mu);
        if (first.ok()) first = s;
      });
    }
    for (auto& t : threads) t.join();
    return first;
  }

  absl::Status CreatePlans() {
    // Plan 1, the big one, goes first and alone.
    std::optional<PlanJob> job = NextPlan();
    SK_ASSIGN_OR_RETURN(operations::PlanWithTasks big,
                        plans_.CreatePlan(system_, {job->plan, job->tasks}, {}));
    Written(*job, big);
    SK_RETURN_IF_ERROR(Parallel([&]() -> absl::Status {
      while (std::optional<PlanJob> next = NextPlan()) {
        SK_ASSIGN_OR_RETURN(operations::PlanWithTasks created,
                            plans_.CreatePlan(system_, {next->plan, next->tasks}, {}));
        Written(*next, created);
      }
      return absl::OkStatus();
    }));
    // Only communes, towns and wards count as "busiest commune".
    std::set<int64_t> communes;
    for (const auto& d : districts_) {
      for (const auto& c : d.communes) communes.insert(c.id);
    }
    std::erase_if(commune_load_, [&](const auto& kv) { return !communes.contains(kv.first); });
    return absl::OkStatus();
  }

  absl::Status CreateReports() {
    size_t next = 0;
    return Parallel([&]() -> absl::Status {
      for (;;) {
        operations::CreateReportCommand r;
        {
          std::lock_guard lock(mu_);
          if (next == reports_.size()) return absl::OkStatus();
          const ReportTarget& target = reports_[next++];
          r.plan_id = target.plan_id;
          r.task_id = target.task_id;
          r.unit_id = target.unit_id;
          r.report_date = absl::CivilDay(2026, Uniform(1, 10), Uniform(1, 28));
          r.progress_percent = Uniform(0, 4) * 25;
          r.text = kReportTexts[Uniform(0, std::size(kReportTexts) - 1)];
        }
        SK_RETURN_IF_ERROR(plans_.CreateReport(system_, r, {}).status());
        std::lock_guard lock(mu_);
        if (++summary_.reports % 20000 == 0) {
          Say(absl::StrCat(summary_.reports, " progress reports"));
        }
      }
    });
  }

  struct ReportTarget {
    int64_t plan_id, task_id, unit_id;
  };

  const ScaleSpec spec_;
  const std::function<void(std::string_view)>& progress_;
  const domain::Caller system_ = domain::Caller::System("scale");
  operations::DirectoryOperations directory_;
  operations::PlanOperations plans_;
  std::mt19937_64 rng_;
  absl::Time start_;
  importer::ImportedPlan seed_;
  std::vector<District> districts_;
  std::map<int64_t, int64_t> commune_load_;
  std::vector<ReportTarget> reports_;
  ScaleSummary summary_;
  std::mutex mu_;  // guards the members above once writers run in parallel
  int64_t planned_ = 0;
  int symbol_ = 0;
};

}  // namespace

absl::StatusOr<ScaleSummary> GenerateScaleData(
    storage::Database& db, const ScaleSpec& spec,
    const std::function<void(std::string_view)>& progress) {
  Generator generator(db, spec, progress);
  return generator.Run();
}

}  // namespace sangkien::bench
