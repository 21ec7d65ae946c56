#include "importer/plan_importer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "status/errors.h"

namespace sangkien::importer {
namespace {

using calendar::AnnualDate;
using calendar::TimeframeKind;
using domain::DocumentKind;
using domain::TaskStatus;
using domain::UnitRef;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

constexpr UnitRef::Kind kUnit = UnitRef::Kind::kUnit;
constexpr UnitRef::Kind kGroup = UnitRef::Kind::kGroup;

// Ids of the directory the tests give the importer.
enum : int64_t {
  kUbndHuyen = 1,
  kNoiVu = 2,
  kTuPhap = 3,
  kVanHoaThongTin = 4,
  kTrungTamVanHoa = 5,
  kThanhTra = 6,
  kBanThuongVu = 7,
  kHuyenUy = 8,
  kBanToChuc = 9,
  kHdndHuyen = 10,
  kTaiChinhKeHoach = 11,
  kPhongNganh = 101,
  kXaThiTran = 102,
};

// The district directory as the server holds it for the seed: one entry per
// display name and alias.
std::vector<DirectoryEntry> SeedDirectory() {
  std::vector<DirectoryEntry> d;
  auto add = [&](UnitRef::Kind kind, int64_t id, std::vector<std::string> names,
                 domain::UnitKind unit_kind) {
    UnitRef ref{kind, id, names.front()};
    for (const std::string& n : names) d.push_back({n, ref, unit_kind});
  };
  using domain::UnitKind;
  add(kUnit, kUbndHuyen, {"UBND huyện", "Ủy ban nhân dân huyện"}, UnitKind::kPeoplesCommittee);
  add(kUnit, kNoiVu, {"Phòng Nội vụ"}, UnitKind::kOffice);
  add(kUnit, kTuPhap, {"Phòng Tư pháp"}, UnitKind::kOffice);
  add(kUnit, kVanHoaThongTin, {"Phòng Văn hóa, Thông tin", "Phòng Văn hóa và Thông tin"},
      UnitKind::kOffice);
  add(kUnit, kTrungTamVanHoa,
      {"Trung tâm Văn hóa, Thông tin, Thể thao và Du lịch", "Trung tâm Văn hóa TTTT&DL",
       "Trung tâm VH-TT-TT&DL"},
      UnitKind::kCentre);
  add(kUnit, kThanhTra, {"Thanh tra huyện"}, UnitKind::kInspectorate);
  add(kUnit, kBanThuongVu, {"Ban Thường vụ Huyện uỷ"}, UnitKind::kPartyBody);
  add(kUnit, kHuyenUy, {"Huyện uỷ"}, UnitKind::kPartyBody);
  add(kUnit, kBanToChuc, {"Ban Tổ chức Huyện ủy"}, UnitKind::kPartyBody);
  add(kUnit, kHdndHuyen, {"HĐND huyện"}, UnitKind::kPeoplesCouncil);
  add(kGroup, kPhongNganh,
      {"Các phòng, ngành, đơn vị cấp huyện", "phòng, ngành, đơn vị cấp huyện",
       "Các phòng, ban, ngành cấp huyện"},
      UnitKind::kUnspecified);
  add(kGroup, kXaThiTran,
      {"UBND các xã, thị trấn", "Ủy ban nhân dân các xã, thị trấn", "các xã, thị trấn"},
      UnitKind::kUnspecified);
  return d;
}

// Another district of the same shape, with one more office.
std::vector<DirectoryEntry> DistrictDirectory() {
  std::vector<DirectoryEntry> d = SeedDirectory();
  d.push_back({"Phòng Tài chính - Kế hoạch",
               UnitRef{kUnit, kTaiChinhKeHoach, "Phòng Tài chính - Kế hoạch"},
               domain::UnitKind::kOffice});
  return d;
}

std::vector<DirectoryEntry> CommuneDirectory() {
  std::vector<DirectoryEntry> d;
  auto add = [&](UnitRef::Kind kind, int64_t id, std::vector<std::string> names) {
    UnitRef ref{kind, id, names.front()};
    for (const std::string& n : names) d.push_back({n, ref, domain::UnitKind::kOther});
  };
  add(kUnit, 201, {"UBND xã", "Ủy ban nhân dân xã"});
  add(kUnit, 202, {"Công chức Văn hóa - Xã hội"});
  add(kUnit, 203, {"Đài Truyền thanh xã"});
  add(kUnit, 204, {"Đoàn Thanh niên xã", "Đoàn TNCS Hồ Chí Minh xã"});
  add(kUnit, 205, {"Ban Chỉ huy Quân sự xã"});
  add(kUnit, 206, {"Công an xã"});
  add(kUnit, 207, {"Hội Liên hiệp Phụ nữ xã"});
  add(kUnit, 208, {"Hội Nông dân xã"});
  add(kUnit, 209, {"Hội Cựu chiến binh xã"});
  add(kUnit, 210, {"Trường Tiểu học Hương Sơn"});
  add(kUnit, 211, {"Trường THCS Hương Sơn"});
  add(kUnit, 212, {"Ủy ban MTTQ Việt Nam xã", "UBMTTQ xã"});
  add(kGroup, 301, {"Các ban, ngành, đoàn thể xã"});
  add(kGroup, 302, {"Các thôn", "các thôn, xóm"});
  return d;
}

std::string ReadPlan(const std::string& name) {
  std::ifstream in(std::string(SANGKIEN_SOURCE_DIR) + "/tests/testdata/plans/" + name,
                   std::ios::binary);
  EXPECT_TRUE(in.good()) << name;
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Seed() { return ReadPlan("seed_36_ctr_hu.txt"); }

ImportedPlan MustImport(std::string_view text, const std::vector<DirectoryEntry>& directory) {
  absl::StatusOr<ImportedPlan> result = ImportPlanText(text, directory);
  EXPECT_TRUE(result.ok()) << result.status();
  return result.ok() ? *std::move(result) : ImportedPlan{};
}

const domain::Task* FindTask(const ImportedPlan& p, std::string_view number, int nth = 0) {
  for (const domain::Task& t : p.tasks) {
    if (t.number == number && nth-- == 0) return &t;
  }
  return nullptr;
}

// "G101" / "U2" / "U0:Công an huyện" for compact expectations.
std::vector<std::string> Ids(const std::vector<UnitRef>& refs) {
  std::vector<std::string> out;
  for (const UnitRef& r : refs) {
    std::string s = absl::StrCat(r.kind == kGroup ? "G" : "U", r.id);
    if (r.id == 0) absl::StrAppend(&s, ":", r.display_name);
    out.push_back(s);
  }
  return out;
}

std::vector<std::string> Names(const std::vector<UnitRef>& refs) {
  std::vector<std::string> out;
  for (const UnitRef& r : refs) out.push_back(r.display_name);
  return out;
}

std::vector<const ImportWarning*> WarningsWithCode(const ImportedPlan& p, std::string_view code) {
  std::vector<const ImportWarning*> out;
  for (const ImportWarning& w : p.warnings) {
    if (w.code == code) out.push_back(&w);
  }
  return out;
}

std::vector<std::string> WarnedItems(const ImportedPlan& p, std::string_view code) {
  std::vector<std::string> out;
  for (const ImportWarning* w : WarningsWithCode(p, code)) out.push_back(w->item);
  return out;
}

std::string Day(const std::optional<absl::CivilDay>& d) {
  return d ? absl::StrCat(d->year(), "-", d->month(), "-", d->day()) : "none";
}

// Everything the importer produced, as text, so that variants of one plan
// can be compared whole. Input line numbers are left out on request.
std::string Summary(const ImportedPlan& p, bool with_lines) {
  std::vector<std::string> out;
  const domain::Plan& plan = p.plan;
  out.push_back(absl::StrCat("plan|", plan.symbol, "|", static_cast<int>(plan.kind), "|",
                             plan.issuer, "|", plan.issuer_unit_id, "|", plan.place, "|",
                             Day(plan.issue_date), "|", plan.title, "|", plan.preamble));
  for (const auto& b : plan.basis) {
    out.push_back(absl::StrCat("basis|", b.symbol, "|", static_cast<int>(b.kind), "|", b.issuer,
                               "|", Day(b.issue_date), "|", b.title));
  }
  for (const auto& s : plan.sections) {
    out.push_back(absl::StrCat("section|", s.level, "|", s.number, "|", s.heading, "|", s.body));
  }
  out.push_back(absl::StrCat("signer|", plan.signer.on_behalf_of, "|", plan.signer.position, "|",
                             plan.signer.full_name, "|", absl::StrJoin(plan.recipients, ";")));
  for (const auto& t : p.tasks) {
    out.push_back(absl::StrCat("task|", t.position, "|", t.number, "|", t.section, "|", t.title,
                               "|", t.body, "|", absl::StrJoin(Ids(t.lead_units), ","), "|",
                               absl::StrJoin(Names(t.lead_units), ","), "|",
                               absl::StrJoin(Ids(t.coordinating_units), ","), "|",
                               absl::StrJoin(Names(t.coordinating_units), ","), "|",
                               static_cast<int>(t.timeframe.kind), "|", t.timeframe.original_text,
                               "|", Day(t.timeframe.due_date), "|", static_cast<int>(t.status)));
  }
  for (const auto& w : p.warnings) {
    out.push_back(absl::StrCat("warning|", w.code, "|", w.item, "|", with_lines ? w.line : -1, "|",
                               with_lines ? w.message : "", "|", w.message_vi.empty()));
  }
  out.push_back(absl::StrCat("unknown|", absl::StrJoin(p.unknown_units, ";")));
  return absl::StrJoin(out, "\n");
}

std::string ToNfd(std::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString u =
      icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  std::string out;
  nfd->normalize(u, status).toUTF8String(out);
  EXPECT_TRUE(U_SUCCESS(status));
  return out;
}

std::string Replace(std::string s, std::string_view from, std::string_view to) {
  size_t pos = 0;
  while ((pos = s.find(from, pos)) != std::string::npos) {
    s.replace(pos, from.size(), to);
    pos += to.size();
  }
  return s;
}

// The seed with every blank (or whitespace-only) line removed: the same text
// as copied by a tool that does not add blank lines.
std::string WithoutBlankLines(const std::string& text) {
  std::string out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    out += line + "\n";
  }
  return out;
}

// ---------------------------------------------------------------------------
// The seed plan.

class SeedTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { plan_ = new ImportedPlan(MustImport(Seed(), SeedDirectory())); }
  static void TearDownTestSuite() {
    delete plan_;
    plan_ = nullptr;
  }
  static const ImportedPlan& plan() { return *plan_; }

 private:
  static ImportedPlan* plan_;
};

ImportedPlan* SeedTest::plan_ = nullptr;

TEST_F(SeedTest, TasksComeOutInDocumentOrder) {
  std::vector<std::string> numbers;
  std::vector<int> positions;
  for (const domain::Task& t : plan().tasks) {
    numbers.push_back(t.number);
    positions.push_back(t.position);
  }
  EXPECT_THAT(numbers, ElementsAre("1.1", "1.2", "2.1", "4.1", "4.2", "4.3", "4.4", "4.6", "4.5",
                                   "4.6", "4.7"));
  EXPECT_THAT(positions, ElementsAre(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11));
  EXPECT_EQ(plan().plan.task_count, 11);
  EXPECT_EQ(FindTask(plan(), "1.2")->section, "II.1");
  EXPECT_EQ(FindTask(plan(), "2.1")->section, "II.2");
  EXPECT_EQ(FindTask(plan(), "4.7")->section, "II.4");
  for (const domain::Task& t : plan().tasks) {
    EXPECT_EQ(t.id, 0);
    EXPECT_FALSE(t.title.empty()) << t.number;
    EXPECT_FALSE(t.body.empty()) << t.number;
  }
}

TEST_F(SeedTest, LeadAndCoordinatingUnits) {
  struct Expected {
    std::string number;
    int nth;
    std::vector<std::string> lead;
    std::vector<std::string> coordinating;
  };
  const std::vector<Expected> expected = {
      {"1.1", 0, {"G101", "G102"}, {}},           {"1.2", 0, {"U4"}, {"U2", "U5"}},
      {"2.1", 0, {"G101", "G102"}, {}},           {"4.1", 0, {"U2"}, {"G101", "G102"}},
      {"4.2", 0, {"G101", "G102"}, {"U2", "U3"}}, {"4.3", 0, {"U2"}, {"G101", "G102"}},
      {"4.4", 0, {"U4"}, {"G101", "G102"}},       {"4.6", 0, {"U6"}, {"G101", "G102"}},
      {"4.5", 0, {"U6"}, {"G101", "G102"}},       {"4.6", 1, {"G101", "G102"}, {"U2"}},
      {"4.7", 0, {"G101", "G102"}, {"U2"}},
  };
  for (const Expected& e : expected) {
    const domain::Task* t = FindTask(plan(), e.number, e.nth);
    ASSERT_NE(t, nullptr) << e.number;
    EXPECT_EQ(Ids(t->lead_units), e.lead) << e.number;
    EXPECT_EQ(Ids(t->coordinating_units), e.coordinating) << e.number;
  }
}

TEST_F(SeedTest, UnitRefsKeepThePlansWording) {
  // The typo "nganh" and the lower-case "phòng, ngành" still match, and are
  // reported as written.
  EXPECT_THAT(Names(FindTask(plan(), "4.2")->lead_units),
              ElementsAre("Các phòng, nganh, đơn vị cấp huyện", "UBND các xã, thị trấn"));
  EXPECT_THAT(Names(FindTask(plan(), "4.3")->coordinating_units),
              ElementsAre("phòng, ngành, đơn vị cấp huyện", "UBND các xã, thị trấn"));
  EXPECT_THAT(Names(FindTask(plan(), "1.2")->coordinating_units),
              ElementsAre("Phòng Nội vụ", "Trung tâm Văn hóa TTTT&DL"));
  EXPECT_THAT(Names(FindTask(plan(), "1.2")->lead_units), ElementsAre("Phòng Văn hóa, Thông tin"));
  EXPECT_THAT(plan().unknown_units, IsEmpty());
}

TEST_F(SeedTest, Timeframes) {
  const domain::Task* t41 = FindTask(plan(), "4.1");
  EXPECT_EQ(t41->timeframe.kind, TimeframeKind::kYear);
  EXPECT_EQ(t41->timeframe.due_date, absl::CivilDay(2022, 12, 31));
  EXPECT_EQ(t41->status, TaskStatus::kNotStarted);

  const domain::Task* t42 = FindTask(plan(), "4.2");
  EXPECT_EQ(t42->timeframe.kind, TimeframeKind::kOngoingPeriodic);
  EXPECT_THAT(t42->timeframe.report_dates, ElementsAre(AnnualDate{11, 30}));
  // The wrapped wording is joined back into one line.
  EXPECT_EQ(t42->timeframe.original_text,
            "Thường xuyên; định kỳ hàng năm báo cáo UBND huyện kết quả thực hiện qua Phòng Nội "
            "vụ, Phòng Tư pháp trước ngày 30/11");
  EXPECT_EQ(t42->status, TaskStatus::kOngoing);

  const domain::Task* t43 = FindTask(plan(), "4.3");
  EXPECT_EQ(t43->timeframe.kind, TimeframeKind::kQuarter);
  EXPECT_EQ(t43->timeframe.due_date, absl::CivilDay(2022, 9, 30));

  EXPECT_EQ(FindTask(plan(), "4.4")->timeframe.kind, TimeframeKind::kOngoing);
  EXPECT_EQ(FindTask(plan(), "4.4")->status, TaskStatus::kOngoing);

  const domain::Task* t46 = FindTask(plan(), "4.6", 0);
  EXPECT_EQ(t46->timeframe.kind, TimeframeKind::kDueDate);
  EXPECT_EQ(t46->timeframe.due_date, absl::CivilDay(2022, 6, 30));

  EXPECT_EQ(FindTask(plan(), "4.5")->timeframe.kind, TimeframeKind::kOngoing);

  const domain::Task* t46b = FindTask(plan(), "4.6", 1);
  EXPECT_EQ(t46b->timeframe.kind, TimeframeKind::kConditional);
  EXPECT_EQ(t46b->timeframe.condition,
            "Sau khi có quy định, hướng dẫn của các bộ, ngành Trung ương");
  EXPECT_EQ(t46b->status, TaskStatus::kWaiting);

  EXPECT_EQ(FindTask(plan(), "4.7")->timeframe.kind, TimeframeKind::kOngoing);
  for (std::string_view prose : {"1.1", "1.2", "2.1"}) {
    EXPECT_EQ(FindTask(plan(), prose)->timeframe.kind, TimeframeKind::kUnspecified) << prose;
  }
}

TEST_F(SeedTest, TitlesAndBodies) {
  EXPECT_EQ(FindTask(plan(), "4.1")->title,
            "Rà soát, bổ sung, sửa đổi, ban hành các văn bản quy phạm pháp luật về chủ trương "
            "khuyến khích và bảo vệ cán bộ năng động, sáng tạo, dám nghĩ, dám làm, dám đột phá vì "
            "lợi ích chung (trong năm 2022)");
  EXPECT_EQ(FindTask(plan(), "4.3")->title,
            "Ban hành quy trình tiếp nhận, thẩm định, trình cấp thẩm quyền xem xét, cho chủ trương "
            "đối với nội dung đổi mới, sáng tạo, vì lợi ích chung theo quy định");
  // Prose assignments: the title is the work, not the actor.
  EXPECT_EQ(FindTask(plan(), "2.1")->title,
            "Tạo môi trường, điều kiện để thúc đẩy đổi mới, sáng tạo, xây dựng và phát triển đội "
            "ngũ cán bộ, công chức, viên chức");
  EXPECT_THAT(FindTask(plan(), "1.2")->title,
              ::testing::StartsWith("Tổ chức thực hiện các chương trình phát thanh, đưa tin"));
  EXPECT_THAT(FindTask(plan(), "1.1")->title,
              ::testing::StartsWith("Phối hợp với cấp uỷ cùng cấp tổ chức nghiên cứu"));
  // Long first sentences are cut at a word, with an ellipsis; "..." inside
  // (4.2) and "14-KL/TW" (1.1) do not end the sentence.
  for (const domain::Task& t : plan().tasks) {
    EXPECT_LE(t.title.size(), 300u * 4) << t.number;
    EXPECT_NE(t.title.back(), '.') << t.number;
  }
  const domain::Task* t42 = FindTask(plan(), "4.2");
  EXPECT_THAT(t42->title, ::testing::EndsWith("…"));
  EXPECT_THAT(t42->title, HasSubstr("biên chế"));
  EXPECT_THAT(FindTask(plan(), "1.1")->title, HasSubstr("14-KL/TW"));

  // The body is the item unwrapped, without its attribute lines.
  const domain::Task* t46b = FindTask(plan(), "4.6", 1);
  EXPECT_EQ(t46b->body,
            "Hoàn chỉnh Đề án vị trí việc làm, cơ cấu ngạch công chức, biên chế công chức trong "
            "các cơ quan quản lý nhà nước, Đề án vị trí việc làm và số lượng người làm việc trong "
            "đơn vị sự nghiệp công lập theo quy định của Chính phủ tại Nghị định số 62/2020/NĐ-CP "
            "ngày 01/6/2020 và Nghị định số 106/2020/NĐ-CP ngày 10/9/2020.");
  EXPECT_THAT(FindTask(plan(), "1.2")->body,
              ::testing::StartsWith("Phòng Văn hóa, Thông tin chủ trì, phối hợp Phòng Nội vụ"));
}

TEST_F(SeedTest, PrinciplesStaySectionText) {
  for (std::string_view n : {"2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "3.4", "3.5", "3.6"}) {
    EXPECT_EQ(FindTask(plan(), n), nullptr) << n;
  }
  std::vector<std::string> numbers;
  for (const domain::Section& s : plan().plan.sections) {
    numbers.push_back(absl::StrCat(s.level, ":", s.number));
  }
  EXPECT_THAT(numbers,
              ElementsAre("0:I", "1:1", "1:2", "1:3", "1:4", "0:II", "1:1", "2:1.1", "2:1.2", "1:2",
                          "2:2.1", "2:2.2", "2:2.3", "2:2.4", "1:3", "2:3.1", "2:3.2", "2:3.3",
                          "2:3.4", "2:3.5", "2:3.6", "1:4", "2:4.1", "2:4.2", "2:4.3", "2:4.4",
                          "2:4.6", "2:4.5", "2:4.6", "2:4.7", "0:III", "1:1", "1:2", "1:3"));
  const auto& sections = plan().plan.sections;
  // Sections of part II by number.
  auto find = [&](std::string_view number) -> const domain::Section& {
    bool in_two = false;
    for (const auto& s : sections) {
      if (s.level == 0) in_two = s.number == "II";
      if (in_two && s.number == number) return s;
    }
    ADD_FAILURE() << number;
    return sections.front();
  };
  EXPECT_EQ(find("II").heading, "NỘI DUNG KẾ HOẠCH");
  EXPECT_EQ(find("II").body, "");
  EXPECT_THAT(find("3").heading,
              ::testing::StartsWith("Tập trung lãnh đạo, chỉ đạo thực hiện có hiệu quả"));
  EXPECT_EQ(find("3.6").heading, "");
  EXPECT_EQ(find("3.6").body,
            "Nghiêm cấm tập thể, cá nhân thực hiện ý tưởng đổi mới, sáng tạo mà chưa được cấp "
            "thẩm quyền xem xét, cho chủ trương; xử lý nghiêm việc lợi dụng chủ trương khuyến "
            "khích và bảo vệ cán bộ, công chức, viên chức năng động, sáng tạo, dám nghĩ, dám làm, "
            "dám đột phá để thực hiện hoặc bao che hành vi vụ lợi, tham nhũng, tiêu cực, vi phạm "
            "pháp luật.");
  // Attribute lines are kept in the section so the plan reads whole.
  EXPECT_THAT(find("4.3").body, HasSubstr("\na) Cơ quan chủ trì: Phòng Nội vụ."));
  // The closing mark "./." is not part of the text.
  EXPECT_THAT(sections.back().body, ::testing::EndsWith("đồng bộ và hiệu quả."));
}

TEST_F(SeedTest, WarnsAboutNumbering) {
  auto duplicate = WarningsWithCode(plan(), "DUPLICATE_NUMBER");
  ASSERT_EQ(duplicate.size(), 1u);
  EXPECT_EQ(duplicate[0]->item, "4.6");
  EXPECT_EQ(duplicate[0]->line, 323);
  EXPECT_THAT(duplicate[0]->message, HasSubstr("295"));
  EXPECT_THAT(duplicate[0]->message_vi, HasSubstr("trùng"));

  auto order = WarningsWithCode(plan(), "NUMBER_OUT_OF_ORDER");
  ASSERT_EQ(order.size(), 1u);
  EXPECT_EQ(order[0]->item, "4.5");
  EXPECT_EQ(order[0]->line, 307);
  EXPECT_THAT(order[0]->message, HasSubstr("4.6"));
}

TEST_F(SeedTest, WarnsAboutTheInconsistentReference) {
  auto refs = WarningsWithCode(plan(), "INCONSISTENT_REFERENCE");
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0]->line, 375);
  EXPECT_EQ(refs[0]->item, "2");
  EXPECT_THAT(refs[0]->message, HasSubstr("36-CTr/TU ngày 28/4/2022"));
  EXPECT_THAT(refs[0]->message, HasSubstr("36-CTr/HU ngày 18/4/2022"));
  EXPECT_THAT(refs[0]->message, HasSubstr("line 11"));
  EXPECT_THAT(refs[0]->message_vi, HasSubstr("36-CTr/TU"));
}

TEST_F(SeedTest, OtherWarnings) {
  EXPECT_THAT(WarnedItems(plan(), "MISSING_TIMEFRAME"), ElementsAre("1.1", "1.2", "2.1"));
  EXPECT_THAT(WarningsWithCode(plan(), "MISSING_LEAD_UNIT"), IsEmpty());
  EXPECT_THAT(WarningsWithCode(plan(), "UNKNOWN_UNIT"), IsEmpty());
  EXPECT_THAT(WarningsWithCode(plan(), "UNPARSED_TIMEFRAME"), IsEmpty());
  // No symbol, date or place: the seed was copied from the body of the PDF.
  std::vector<std::string> missing;
  for (const ImportWarning* w : WarningsWithCode(plan(), "MISSING_HEADER_FIELD")) {
    missing.push_back(w->message.substr(w->message.rfind('[')));
    EXPECT_FALSE(w->message_vi.empty());
  }
  EXPECT_THAT(missing, ElementsAre("[symbol]", "[issue_date]", "[place]"));
  for (const ImportWarning& w : plan().warnings) {
    EXPECT_FALSE(w.message.empty()) << w.code;
    EXPECT_FALSE(w.message_vi.empty()) << w.code;
    if (w.code != "MISSING_HEADER_FIELD") {
      EXPECT_GT(w.line, 0) << w.code;
    }
  }
  // In line order, so the author can work down the text.
  EXPECT_TRUE(std::is_sorted(plan().warnings.begin(), plan().warnings.end(),
                             [](const auto& a, const auto& b) { return a.line < b.line; }));
}

TEST_F(SeedTest, HeaderTitleAndBasis) {
  const domain::Plan& p = plan().plan;
  EXPECT_EQ(p.kind, DocumentKind::kPlan);
  EXPECT_EQ(p.state, domain::PlanState::kDraft);
  EXPECT_EQ(p.title,
            "Thực hiện Chương trình hành động số 36-CTr/HU của Ban Thường vụ Huyện uỷ thực hiện "
            "Kết luận số 14-KL/TW của Bộ Chính trị về chủ trương khuyến khích và bảo vệ cán bộ "
            "năng động, sáng tạo vì lợi ích chung");
  EXPECT_THAT(p.preamble, ::testing::StartsWith("Thực hiện Chương trình hành động số 36-CTr/HU "
                                                "ngày 18/4/2022 của Ban Thường vụ Huyện uỷ"));
  EXPECT_THAT(p.preamble, ::testing::EndsWith("với các nội dung cụ thể như sau:"));
  // The preamble names the issuer: "…, UBND huyện ban hành Kế hoạch …".
  EXPECT_EQ(p.issuer, "UBND huyện");
  EXPECT_EQ(p.issuer_unit_id, kUbndHuyen);
  EXPECT_EQ(p.symbol, "");
  EXPECT_EQ(p.issue_date, std::nullopt);

  ASSERT_EQ(p.basis.size(), 2u);
  EXPECT_EQ(p.basis[0].symbol, "36-CTr/HU");
  EXPECT_EQ(p.basis[0].kind, DocumentKind::kActionProgramme);
  EXPECT_EQ(p.basis[0].issue_date, absl::CivilDay(2022, 4, 18));
  EXPECT_EQ(p.basis[0].issuer, "Ban Thường vụ Huyện uỷ");
  EXPECT_EQ(p.basis[1].symbol, "14-KL/TW");
  EXPECT_EQ(p.basis[1].kind, DocumentKind::kConclusion);
  EXPECT_EQ(p.basis[1].issue_date, absl::CivilDay(2021, 9, 22));
  EXPECT_EQ(p.basis[1].issuer, "Bộ Chính trị");
  EXPECT_EQ(p.basis[1].title,
            "chủ trương khuyến khích và bảo vệ cán bộ năng động, sáng tạo vì lợi ích chung");
}

TEST_F(SeedTest, SignerAndRecipients) {
  const domain::Plan& p = plan().plan;
  EXPECT_EQ(p.signer.on_behalf_of, "TM. ỦY BAN NHÂN DÂN");
  EXPECT_EQ(p.signer.position, "CHỦ TỊCH");
  EXPECT_EQ(p.signer.full_name, "Phạm Viết Hoài");
  EXPECT_THAT(
      p.recipients,
      ElementsAre("Thường trực Huyện ủy (để b/c)", "Thường trực HĐND huyện (để b/c)",
                  "Chủ tịch, các PCT UBND huyện", "Ban Tổ chức Huyện ủy",
                  "Các phòng, ngành, đơn vị cấp huyện", "UBND các xã, thị trấn", "Lưu: VT, NV"));
}

// The same plan as other tools deliver it gives the same result.
TEST(SeedVariantsTest, LineEndingsBomAndNfdChangeNothing) {
  const std::string seed = Seed();
  const std::string expected = Summary(MustImport(seed, SeedDirectory()), /*with_lines=*/true);
  struct Variant {
    std::string name;
    std::string text;
  };
  const std::vector<Variant> variants = {
      {"CRLF", Replace(seed, "\n", "\r\n")},
      {"CR", Replace(seed, "\n", "\r")},
      {"BOM", "\xEF\xBB\xBF" + seed},
      {"NFD", ToNfd(seed)},
      {"BOM+NFD+CRLF", "\xEF\xBB\xBF" + ToNfd(Replace(seed, "\n", "\r\n"))},
      {"NBSP", Replace(seed, "Cơ quan chủ trì:", "Cơ\xC2\xA0quan chủ trì:\xC2\xA0")},
  };
  for (const Variant& v : variants) {
    ASSERT_NE(v.text, seed) << v.name;
    EXPECT_EQ(Summary(MustImport(v.text, SeedDirectory()), /*with_lines=*/true), expected)
        << v.name;
  }
}

TEST(SeedVariantsTest, WithoutBlankLinesGivesTheSamePlan) {
  const std::string seed = Seed();
  const std::string compact = WithoutBlankLines(seed);
  ASSERT_LT(compact.size(), seed.size());
  const ImportedPlan a = MustImport(seed, SeedDirectory());
  const ImportedPlan b = MustImport(compact, SeedDirectory());
  EXPECT_EQ(Summary(b, /*with_lines=*/false), Summary(a, /*with_lines=*/false));
  // Lines are those of the text given.
  size_t at = compact.find("4.6. Hoàn chỉnh");
  int line = 1 + static_cast<int>(std::count(compact.begin(), compact.begin() + at, '\n'));
  EXPECT_EQ(WarningsWithCode(b, "DUPLICATE_NUMBER")[0]->line, line);
  EXPECT_NE(line, 323);
  EXPECT_EQ(Summary(MustImport(Replace(compact, "\n", "\r\n"), SeedDirectory()), false),
            Summary(a, false));
}

TEST(SeedVariantsTest, DirectoryAliasesAreOptional) {
  // Without its aliases the directory still resolves the seed: lower-case
  // and "Các"-less group names, UBND/Ủy ban nhân dân.
  std::vector<DirectoryEntry> bare;
  for (const DirectoryEntry& e : SeedDirectory()) {
    if (e.name == e.ref.display_name) bare.push_back(e);
  }
  ImportedPlan p = MustImport(Seed(), bare);
  EXPECT_EQ(Ids(FindTask(p, "4.3")->coordinating_units),
            (std::vector<std::string>{"G101", "G102"}));
  EXPECT_EQ(Ids(FindTask(p, "4.1")->coordinating_units),
            (std::vector<std::string>{"G101", "G102"}));
  // "Trung tâm Văn hóa TTTT&DL" needs its alias; without it the prose list
  // stops before it rather than inventing a unit.
  EXPECT_EQ(Ids(FindTask(p, "1.2")->coordinating_units), (std::vector<std::string>{"U2"}));
}

// ---------------------------------------------------------------------------
// Things that are not plans.

TEST(NotAPlanTest, GarbageIsRefused) {
  const std::vector<std::pair<std::string, std::string>> inputs = {
      {"empty", ""},
      {"blank", "   \n\n \r\n\t\n"},
      {"prose",
       "The quick brown fox jumps over the lazy dog.\nLorem ipsum dolor sit amet, "
       "consectetur adipiscing elit.\n"},
      {"recipe",
       "Cách nấu phở bò\n\nNguyên liệu: xương bò, bánh phở, hành, gừng, quế, hồi.\n1. Ninh "
       "xương bò trong 6 tiếng, hớt bọt thường xuyên.\n2. Nướng hành, gừng cho thơm rồi cho "
       "vào nồi.\n3. Chần bánh phở, xếp thịt bò, chan nước dùng và thưởng thức.\n"},
      {"list", "I. Mua sắm\n1. Gạo\n2. Nước mắm\nII. Việc nhà\n1. Quét nhà\n"},
      {"pdf", std::string("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\n")},
      {"docx", std::string("PK\x03\x04\x14\x00\x06\x00", 8) + "word/document.xml"},
      {"binary", std::string("\x00\x01\x02\x03KẾ HOẠCH\x00\xFF", 15)},
  };
  for (const auto& [name, text] : inputs) {
    absl::StatusOr<ImportedPlan> r = ImportPlanText(text, SeedDirectory());
    ASSERT_FALSE(r.ok()) << name;
    EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument) << name;
    EXPECT_EQ(ErrorReason(r.status()), "IMPORT_NOT_A_PLAN") << name << ": " << r.status();
    EXPECT_FALSE(ErrorMessageVi(r.status()).empty()) << name;
  }
}

TEST(NotAPlanTest, InvalidUtf8IsRefused) {
  std::string text = Seed();
  text.insert(200, "\xC3\x28");  // a lead byte without its continuation
  absl::StatusOr<ImportedPlan> r = ImportPlanText(text, SeedDirectory());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ErrorReason(r.status()), "INVALID_UTF8");
  // Windows-1258 text (what old Vietnamese Word files export) is not UTF-8.
  r = ImportPlanText("K\xC3\xC9 HO\xB9\x43H\n1. Ph\xF2ng N\xE9i v\xF9\n", SeedDirectory());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(ErrorReason(r.status()), "INVALID_UTF8");
}

TEST(NotAPlanTest, TooLargeIsRefused) {
  std::string text = Seed();
  while (text.size() <= 2 * 1024 * 1024) text += Seed();
  absl::StatusOr<ImportedPlan> r = ImportPlanText(text, SeedDirectory());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ErrorReason(r.status()), "IMPORT_TOO_LARGE");
}

TEST(NotAPlanTest, NearlyTwoMegabytesImports) {
  // The limit is what is refused, not what is slow: a text just under it
  // (the seed's body repeated) still imports.
  const std::string seed = Seed();
  const size_t body = seed.find("I. MỤC ĐÍCH");
  const size_t closing = seed.find("Nơi nhận");
  // Only the last copy ends with the closing mark "./.".
  const std::string copy = Replace(seed.substr(body, closing - body), "./.", ".");
  std::string text = seed.substr(0, body);
  while (text.size() + copy.size() < 2 * 1024 * 1024 - 8192) text += copy;
  text += seed.substr(body);
  ImportedPlan p = MustImport(text, SeedDirectory());
  EXPECT_GT(p.tasks.size(), 500u);
  EXPECT_EQ(p.plan.signer.full_name, "Phạm Viết Hoài");
}

TEST(PlanWithoutTasksTest, IsStillAPlan) {
  ImportedPlan p = MustImport(
      "KẾ HOẠCH\nTổng kết công tác năm 2023\n\nI. MỤC ĐÍCH\n1. Đánh giá kết quả đạt được.\n"
      "II. NỘI DUNG\n1. Rà soát các nhiệm vụ đã hoàn thành.\n",
      SeedDirectory());
  EXPECT_THAT(p.tasks, IsEmpty());
  EXPECT_EQ(p.plan.sections.size(), 4u);
  EXPECT_THAT(WarnedItems(p, "NO_TASKS"), ElementsAre(""));
}

TEST(LayoutTest, BulletsWithTheirOwnLeadUnitsAreTasks) {
  ImportedPlan p = MustImport(
      "KẾ HOẠCH\nPhòng, chống thiên tai năm 2024\nI. NHIỆM VỤ\n1. Công tác chuẩn bị\n"
      "- Rà soát, bổ sung phương án ứng phó thiên tai theo cấp độ rủi ro.\n"
      "+ Đơn vị chủ trì: Phòng Nội vụ.\n+ Thời gian hoàn thành: Quý II/2024.\n"
      "- Kiểm tra hệ thống đê điều, hồ đập trước mùa mưa bão.\n+ nội dung chi tiết kiểm tra.\n"
      "+ Đơn vị chủ trì: Phòng Tư pháp.\n+ Đơn vị phối hợp: UBND các xã, thị trấn.\n"
      "+ Thời gian hoàn thành: Trước ngày 31/5/2024.\n"
      "2. Tuyên truyền\n- Nội dung A.\n- Nội dung B.\n"
      "- Đơn vị thực hiện: Phòng Văn hóa, Thông tin.\n",
      SeedDirectory());
  std::vector<std::string> numbers;
  for (const auto& t : p.tasks) numbers.push_back(t.number);
  // Item 2 has one set of attributes: its bullets are its content.
  EXPECT_THAT(numbers, ElementsAre("1(1)", "1(2)", "2"));
  EXPECT_EQ(FindTask(p, "1(1)")->title,
            "Rà soát, bổ sung phương án ứng phó thiên tai theo cấp độ rủi ro");
  EXPECT_EQ(Ids(FindTask(p, "1(2)")->coordinating_units), (std::vector<std::string>{"G102"}));
  EXPECT_THAT(FindTask(p, "1(2)")->body, HasSubstr("+ nội dung chi tiết kiểm tra."));
  EXPECT_EQ(FindTask(p, "2")->title, "Tuyên truyền");
  EXPECT_THAT(FindTask(p, "2")->body, HasSubstr("- Nội dung B."));
  EXPECT_EQ(Ids(FindTask(p, "2")->lead_units), (std::vector<std::string>{"U4"}));
}

TEST(LayoutTest, UnknownUnitsAreSpelledOneWay) {
  ImportedPlan p = MustImport(
      "KẾ HOẠCH\nThử nghiệm\nI. NHIỆM VỤ\n1. Tuần tra.\n- Đơn vị chủ trì: Công an huyện.\n"
      "2. Kiểm tra.\n- Đơn vị chủ trì: Phòng Nội vụ.\n- Đơn vị phối hợp: CÔNG AN HUYỆN, "
      "Cong an huyen.\n",
      SeedDirectory());
  EXPECT_THAT(p.unknown_units, ElementsAre("Công an huyện"));
  EXPECT_THAT(WarningsWithCode(p, "UNKNOWN_UNIT"), ::testing::SizeIs(1));
  EXPECT_EQ(Ids(FindTask(p, "2")->coordinating_units),
            (std::vector<std::string>{"U0:Công an huyện"}));
}

TEST(LayoutTest, NumberingGapsAreReportedOnce) {
  ImportedPlan p = MustImport(
      "KẾ HOẠCH\nThử nghiệm\nI. NHIỆM VỤ\n1. Phòng Nội vụ rà soát.\n"
      "5. Phòng Tư pháp thẩm định.\nIII. TỔ CHỨC THỰC HIỆN\n1. Giao Phòng Nội vụ chủ trì "
      "theo dõi.\n",
      SeedDirectory());
  std::vector<std::string> messages;
  for (const ImportWarning* w : WarningsWithCode(p, "NUMBER_OUT_OF_ORDER")) {
    messages.push_back(w->message);
  }
  EXPECT_THAT(messages, ElementsAre("2–4 is missing before 5", "II is missing before III"));
}

TEST(EncodingTest, Utf16WithByteOrderMarkImports) {
  // Notepad's "Unicode": UTF-16LE with a BOM.
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(Seed());
  std::string utf16 = "\xFF\xFE";
  for (int32_t i = 0; i < u.length(); ++i) {
    char16_t c = u.charAt(i);
    utf16.push_back(static_cast<char>(c & 0xFF));
    utf16.push_back(static_cast<char>(c >> 8));
  }
  EXPECT_EQ(Summary(MustImport(utf16, SeedDirectory()), true),
            Summary(MustImport(Seed(), SeedDirectory()), true));
}

// ---------------------------------------------------------------------------
// Plan 1: a district plan in the "- Đơn vị chủ trì:" layout, CRLF, no blank
// lines, a two-column header and signature flattened by PDF extraction.

class TanLapTest : public ::testing::Test {
 protected:
  void SetUp() override {
    p_ = MustImport(ReadPlan("tan_lap_58_kh_ubnd_crlf.txt"), DistrictDirectory());
  }
  ImportedPlan p_;
};

TEST_F(TanLapTest, Header) {
  ASSERT_NE(ReadPlan("tan_lap_58_kh_ubnd_crlf.txt").find("\r\n"), std::string::npos);
  EXPECT_EQ(p_.plan.symbol, "58/KH-UBND");
  EXPECT_EQ(p_.plan.kind, DocumentKind::kPlan);
  EXPECT_EQ(p_.plan.place, "Tân Lập");
  EXPECT_EQ(p_.plan.issue_date, absl::CivilDay(2023, 3, 5));
  EXPECT_EQ(p_.plan.issuer, "ỦY BAN NHÂN DÂN HUYỆN TÂN LẬP");
  EXPECT_EQ(p_.plan.issuer_unit_id, kUbndHuyen);
  EXPECT_EQ(p_.plan.title,
            "Cải cách hành chính và chuyển đổi số trong cơ quan nhà nước trên địa bàn huyện Tân "
            "Lập năm 2023");
  EXPECT_THAT(WarningsWithCode(p_, "MISSING_HEADER_FIELD"), IsEmpty());
  std::vector<std::string> basis;
  for (const auto& b : p_.plan.basis) {
    basis.push_back(absl::StrCat(b.symbol, " ", static_cast<int>(b.kind), " ", Day(b.issue_date),
                                 " ", b.issuer));
  }
  EXPECT_THAT(basis,
              ElementsAre("125/QĐ-UBND 5 2023-1-13 UBND tỉnh", "21/KH-UBND 3 2023-1-30 UBND tỉnh",
                          "15-NQ/HU 4 2022-12-20 Ban Chấp hành Đảng bộ huyện"));
  EXPECT_EQ(p_.plan.basis[2].title, "nhiệm vụ phát triển kinh tế - xã hội năm 2023");
}

TEST_F(TanLapTest, TasksFromBulletAttributes) {
  std::vector<std::string> numbers;
  for (const auto& t : p_.tasks) numbers.push_back(absl::StrCat(t.section, ":", t.number));
  // Lettered sub-items with their own lead units are tasks of their own;
  // section III assigns work in prose.
  EXPECT_THAT(numbers, ElementsAre("II.1:1.1", "II.1:1.2", "II.2:2.a", "II.2:2.b", "II.3:3.1",
                                   "II.3:3.2", "II.4:4.1", "II.4:4.2", "III.2:2", "III.3:3"));
  const domain::Task* t11 = FindTask(p_, "1.1");
  EXPECT_EQ(Ids(t11->lead_units), (std::vector<std::string>{"U2"}));
  EXPECT_EQ(Ids(t11->coordinating_units),
            (std::vector<std::string>{"U0:Văn phòng HĐND và UBND huyện", "U3"}));
  EXPECT_EQ(t11->timeframe.due_date, absl::CivilDay(2023, 3, 31));

  const domain::Task* t12 = FindTask(p_, "1.2");
  EXPECT_EQ(Ids(t12->lead_units), (std::vector<std::string>{"U2", "U4"}));
  EXPECT_EQ(Ids(t12->coordinating_units), (std::vector<std::string>{"G101", "G102"}));
  EXPECT_EQ(t12->timeframe.kind, TimeframeKind::kQuarter);
  EXPECT_EQ(t12->timeframe.due_date, absl::CivilDay(2023, 3, 31));

  const domain::Task* t2a = FindTask(p_, "2.a");
  EXPECT_THAT(t2a->title, ::testing::StartsWith("Rà soát, đánh giá quy định, thủ tục hành chính"));
  EXPECT_EQ(Ids(t2a->lead_units), (std::vector<std::string>{"U3"}));
  EXPECT_EQ(t2a->timeframe.kind, TimeframeKind::kMonth);
  EXPECT_EQ(t2a->timeframe.due_date, absl::CivilDay(2023, 6, 30));
  const domain::Task* t2b = FindTask(p_, "2.b");
  EXPECT_EQ(Ids(t2b->lead_units), (std::vector<std::string>{"U0:Văn phòng HĐND và UBND huyện"}));
  EXPECT_EQ(Ids(t2b->coordinating_units), (std::vector<std::string>{"U4", "G102"}));
  EXPECT_EQ(t2b->status, TaskStatus::kOngoing);

  // "Phòng Tài chính - Kế hoạch, các cơ quan, đơn vị có liên quan": the
  // catch-all names no unit.
  EXPECT_EQ(Ids(FindTask(p_, "3.1")->coordinating_units), (std::vector<std::string>{"U11"}));
  const domain::Task* t32 = FindTask(p_, "3.2");
  EXPECT_EQ(Ids(t32->coordinating_units),
            (std::vector<std::string>{"U2", "U5", "U0:Công an huyện"}));
  EXPECT_EQ(t32->timeframe.kind, TimeframeKind::kHalfYear);
  EXPECT_EQ(t32->timeframe.due_date, absl::CivilDay(2023, 12, 31));

  const domain::Task* t41 = FindTask(p_, "4.1");
  EXPECT_EQ(t41->timeframe.kind, TimeframeKind::kOngoingPeriodic);
  EXPECT_THAT(t41->timeframe.report_dates, ElementsAre(AnnualDate{12, 15}));
  // A value wrapped onto the next line is joined.
  const domain::Task* t42 = FindTask(p_, "4.2");
  EXPECT_EQ(Ids(t42->coordinating_units),
            (std::vector<std::string>{"U4", "U3", "U0:Công an huyện", "G102"}));
  EXPECT_EQ(t42->timeframe.kind, TimeframeKind::kYear);

  const domain::Task* giao = FindTask(p_, "2");
  EXPECT_EQ(Ids(giao->lead_units), (std::vector<std::string>{"U2"}));
  EXPECT_EQ(Ids(giao->coordinating_units), (std::vector<std::string>{"U4"}));
  EXPECT_THAT(giao->title, ::testing::StartsWith("Theo dõi, đôn đốc, kiểm tra"));
  EXPECT_EQ(Ids(FindTask(p_, "3")->lead_units), (std::vector<std::string>{"U11"}));
}

TEST_F(TanLapTest, UnknownUnitsAreReportedOnce) {
  EXPECT_THAT(p_.unknown_units, ElementsAre("Văn phòng HĐND và UBND huyện", "Công an huyện"));
  auto unknown = WarningsWithCode(p_, "UNKNOWN_UNIT");
  ASSERT_EQ(unknown.size(), 2u);
  EXPECT_EQ(unknown[0]->item, "1.1");
  EXPECT_EQ(unknown[0]->line, 27);
  EXPECT_EQ(unknown[1]->item, "3.2");
  EXPECT_EQ(unknown[1]->line, 56);
  EXPECT_THAT(WarnedItems(p_, "MISSING_TIMEFRAME"), ElementsAre("2", "3"));
  EXPECT_THAT(WarningsWithCode(p_, "DUPLICATE_NUMBER"), IsEmpty());
  EXPECT_THAT(WarningsWithCode(p_, "NUMBER_OUT_OF_ORDER"), IsEmpty());
  EXPECT_THAT(WarningsWithCode(p_, "INCONSISTENT_REFERENCE"), IsEmpty());
}

TEST_F(TanLapTest, SignatureInterleavedWithRecipients) {
  EXPECT_EQ(p_.plan.signer.on_behalf_of, "KT. CHỦ TỊCH");
  EXPECT_EQ(p_.plan.signer.position, "PHÓ CHỦ TỊCH");
  EXPECT_EQ(p_.plan.signer.full_name, "Nguyễn Văn Bình");
  EXPECT_THAT(p_.plan.recipients,
              ElementsAre("UBND tỉnh (b/c)", "Sở Nội vụ (b/c)", "TT Huyện ủy, TT HĐND huyện",
                          "CT, các PCT UBND huyện", "Như mục III", "Lưu: VT, NV"));
}

// ---------------------------------------------------------------------------
// Plan 2: Word text (one paragraph per line), NFD, a BOM, "Cơ quan chủ
// trì:" lines without bullets.

class SonHaTest : public ::testing::Test {
 protected:
  void SetUp() override {
    p_ = MustImport(ReadPlan("son_ha_112_kh_ubnd_word_nfd_bom.txt"), DistrictDirectory());
  }
  ImportedPlan p_;
};

TEST_F(SonHaTest, FileIsNfdWithBom) {
  std::string raw = ReadPlan("son_ha_112_kh_ubnd_word_nfd_bom.txt");
  EXPECT_EQ(raw.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_EQ(raw.find("Phòng Tư pháp"), std::string::npos);  // NFC spelling absent
  EXPECT_EQ(ToNfd(raw), raw);
}

TEST_F(SonHaTest, HeaderAndTitle) {
  EXPECT_EQ(p_.plan.symbol, "112/KH-UBND");
  EXPECT_EQ(p_.plan.place, "Sơn Hà");
  EXPECT_EQ(p_.plan.issue_date, absl::CivilDay(2023, 9, 18));
  EXPECT_EQ(p_.plan.issuer, "ỦY BAN NHÂN DÂN HUYỆN SƠN HÀ");
  EXPECT_THAT(p_.plan.title, ::testing::StartsWith("Triển khai Đề án “Tăng cường ứng dụng"));
  ASSERT_EQ(p_.plan.basis.size(), 2u);
  EXPECT_EQ(p_.plan.basis[0].symbol, "1521/QĐ-TTg");
  EXPECT_EQ(p_.plan.basis[0].kind, DocumentKind::kDecision);
  EXPECT_EQ(p_.plan.basis[0].issuer, "Thủ tướng Chính phủ");
  EXPECT_EQ(p_.plan.basis[1].symbol, "95/KH-UBND");
  EXPECT_EQ(p_.plan.basis[1].issue_date, absl::CivilDay(2023, 6, 12));
}

TEST_F(SonHaTest, TasksAndTimeframes) {
  std::vector<std::string> numbers;
  for (const auto& t : p_.tasks) numbers.push_back(absl::StrCat(t.section, ":", t.number));
  EXPECT_THAT(numbers, ElementsAre("II.1:1", "II.2:2", "II.3:3", "II.4:4", "II.5:5", "II.6:6",
                                   "II.7:7", "IV.1:1", "IV.2:2"));
  const domain::Task* t1 = FindTask(p_, "1");
  EXPECT_EQ(Ids(t1->lead_units), (std::vector<std::string>{"U3"}));
  EXPECT_EQ(Ids(t1->coordinating_units), (std::vector<std::string>{"U4", "U5", "G102"}));
  // Wording from NFD text comes back NFC.
  EXPECT_THAT(
      Names(t1->coordinating_units),
      ElementsAre("Phòng Văn hóa và Thông tin", "Trung tâm Văn hóa, Thông tin, Thể thao và Du lịch",
                  "UBND các xã, thị trấn"));
  EXPECT_EQ(t1->timeframe.kind, TimeframeKind::kQuarter);
  EXPECT_EQ(t1->timeframe.due_date, absl::CivilDay(2023, 12, 31));
  EXPECT_EQ(t1->timeframe.original_text, "Quý IV/2023");

  EXPECT_EQ(FindTask(p_, "2")->timeframe.kind, TimeframeKind::kMonth);
  EXPECT_EQ(FindTask(p_, "2")->timeframe.due_date, absl::CivilDay(2024, 6, 30));
  EXPECT_EQ(FindTask(p_, "3")->timeframe.kind, TimeframeKind::kHalfYear);
  EXPECT_EQ(FindTask(p_, "3")->timeframe.due_date, absl::CivilDay(2024, 6, 30));
  EXPECT_EQ(FindTask(p_, "4")->timeframe.due_date, absl::CivilDay(2024, 9, 30));
  const domain::Task* t5 = FindTask(p_, "5");
  EXPECT_EQ(t5->timeframe.kind, TimeframeKind::kOngoingPeriodic);
  EXPECT_THAT(t5->timeframe.report_dates, ElementsAre(AnnualDate{6, 15}, AnnualDate{12, 15}));
  EXPECT_EQ(FindTask(p_, "6")->timeframe.kind, TimeframeKind::kUnparsed);
  EXPECT_EQ(FindTask(p_, "6")->timeframe.original_text, "Theo hướng dẫn của Sở Tư pháp");
  EXPECT_THAT(FindTask(p_, "7")->lead_units, IsEmpty());

  // "X là cơ quan thường trực …" keeps its subject in the title.
  const domain::Task* focal = FindTask(p_, "1", 1);
  EXPECT_THAT(focal->title, ::testing::StartsWith("Phòng Tư pháp là cơ quan thường trực"));
  EXPECT_EQ(Ids(focal->lead_units), (std::vector<std::string>{"U3"}));
  // A prose list separated by ";".
  const domain::Task* all = FindTask(p_, "2", 1);
  EXPECT_EQ(Ids(all->lead_units), (std::vector<std::string>{"G101", "G102"}));
  EXPECT_THAT(all->title, ::testing::StartsWith("Căn cứ chức năng, nhiệm vụ được giao"));
}

TEST_F(SonHaTest, Warnings) {
  EXPECT_THAT(p_.unknown_units, ElementsAre("Trung tâm Chính trị huyện", "Huyện đoàn"));
  EXPECT_THAT(WarnedItems(p_, "UNKNOWN_UNIT"), ElementsAre("2", "4"));
  EXPECT_THAT(WarnedItems(p_, "UNPARSED_TIMEFRAME"), ElementsAre("6"));
  EXPECT_THAT(WarnedItems(p_, "MISSING_LEAD_UNIT"), ElementsAre("7"));
  EXPECT_THAT(WarnedItems(p_, "MISSING_TIMEFRAME"), ElementsAre("1", "2"));
  // Kế hoạch 95/KH-UBND is dated 12/6/2023 in the preamble, 21/6/2023 in IV.1.
  auto refs = WarningsWithCode(p_, "INCONSISTENT_REFERENCE");
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0]->line, 46);
  EXPECT_THAT(refs[0]->message, HasSubstr("95/KH-UBND ngày 21/6/2023"));
  EXPECT_THAT(refs[0]->message, HasSubstr("95/KH-UBND ngày 12/6/2023"));
  EXPECT_THAT(WarningsWithCode(p_, "MISSING_HEADER_FIELD"), IsEmpty());
}

TEST_F(SonHaTest, SectionsAndSigner) {
  std::vector<std::string> top;
  for (const auto& s : p_.plan.sections) {
    if (s.level == 0) top.push_back(s.number + " " + s.heading);
  }
  EXPECT_THAT(top, ElementsAre("I MỤC ĐÍCH, YÊU CẦU", "II NHIỆM VỤ VÀ GIẢI PHÁP",
                               "III KINH PHÍ THỰC HIỆN", "IV TỔ CHỨC THỰC HIỆN"));
  // Text directly under a roman heading is its body.
  for (const auto& s : p_.plan.sections) {
    if (s.number == "III") {
      EXPECT_THAT(s.body, ::testing::StartsWith("Kinh phí thực hiện Kế hoạch"));
    }
  }
  EXPECT_EQ(p_.plan.signer.on_behalf_of, "TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH");
  EXPECT_EQ(p_.plan.signer.position, "PHÓ CHỦ TỊCH");
  EXPECT_EQ(p_.plan.signer.full_name, "Đinh Thị Lan");
  EXPECT_THAT(
      p_.plan.recipients,
      ElementsAre("Sở Tư pháp (b/c)", "TT Huyện ủy", "TT HĐND huyện (b/c)", "CT, PCT UBND huyện",
                  "Các cơ quan, đơn vị tại mục II", "UBND các xã, thị trấn", "Lưu: VT, TP"));
}

// ---------------------------------------------------------------------------
// Plan 3: a commune plan, assignments in prose with ";" between units,
// paragraphs separated by blank lines, a page number inside a paragraph.

class HuongSonTest : public ::testing::Test {
 protected:
  void SetUp() override {
    p_ = MustImport(ReadPlan("huong_son_24_kh_ubnd_commune.txt"), CommuneDirectory());
  }
  ImportedPlan p_;
};

TEST_F(HuongSonTest, Header) {
  EXPECT_EQ(p_.plan.symbol, "24/KH-UBND");
  EXPECT_EQ(p_.plan.issuer, "ỦY BAN NHÂN DÂN XÃ HƯƠNG SƠN");
  EXPECT_EQ(p_.plan.issuer_unit_id, 201);
  EXPECT_EQ(p_.plan.place, "Hương Sơn");
  EXPECT_EQ(p_.plan.issue_date, absl::CivilDay(2024, 4, 12));
  ASSERT_EQ(p_.plan.basis.size(), 2u);
  EXPECT_EQ(p_.plan.basis[0].symbol, "45/KH-UBND");
  EXPECT_EQ(p_.plan.basis[0].issuer, "UBND huyện");
  EXPECT_EQ(p_.plan.basis[1].symbol, "30-KH/ĐU");
  EXPECT_EQ(p_.plan.basis[1].kind, DocumentKind::kPlan);
  EXPECT_EQ(p_.plan.basis[1].issuer, "Đảng ủy xã");
}

TEST_F(HuongSonTest, ProseAssignments) {
  std::vector<std::string> numbers;
  for (const auto& t : p_.tasks) numbers.push_back(absl::StrCat(t.section, ":", t.number));
  EXPECT_THAT(numbers,
              ElementsAre("II.1:1.1", "II.1:1.2", "II.2:2.1", "II.2:2.2", "II.2:2.4", "III.1:1"));
  const domain::Task* t11 = FindTask(p_, "1.1");
  EXPECT_EQ(Ids(t11->lead_units), (std::vector<std::string>{"U202"}));
  EXPECT_EQ(Ids(t11->coordinating_units), (std::vector<std::string>{"U203", "U204"}));
  // "(thời gian thực hiện: Tháng 4/2024)" inside the sentence.
  EXPECT_EQ(t11->timeframe.kind, TimeframeKind::kMonth);
  EXPECT_EQ(t11->timeframe.due_date, absl::CivilDay(2024, 4, 30));
  EXPECT_EQ(t11->title,
            "Tuyên truyền về mục đích, ý nghĩa của Ngày Sách và Văn hóa đọc Việt Nam (21/4) trên "
            "hệ thống truyền thanh xã, trang thông tin điện tử và mạng xã hội");

  EXPECT_EQ(Ids(FindTask(p_, "1.2")->lead_units),
            (std::vector<std::string>{"G301", "U205", "U206"}));
  const domain::Task* t21 = FindTask(p_, "2.1");
  EXPECT_EQ(Ids(t21->lead_units), (std::vector<std::string>{"U202"}));
  EXPECT_EQ(Ids(t21->coordinating_units), (std::vector<std::string>{"U210", "U211"}));
  EXPECT_EQ(t21->title, "Tổ chức Ngày hội đọc sách, trưng bày, giới thiệu sách tại Nhà văn hóa xã");

  // The page number between two lines of 2.2 does not split it.
  const domain::Task* t22 = FindTask(p_, "2.2");
  EXPECT_EQ(Ids(t22->lead_units), (std::vector<std::string>{"U207", "U208", "U209"}));
  EXPECT_THAT(t22->body, ::testing::EndsWith("có ít nhất 01 tủ sách cộng đồng."));
  EXPECT_EQ(t22->timeframe.due_date, absl::CivilDay(2024, 11, 30));
  // "Đề nghị Ủy ban MTTQ … phối hợp": a request, not an assignment.
  EXPECT_EQ(FindTask(p_, "2", 0), nullptr);
}

TEST_F(HuongSonTest, Warnings) {
  auto order = WarningsWithCode(p_, "NUMBER_OUT_OF_ORDER");
  ASSERT_EQ(order.size(), 1u);
  EXPECT_EQ(order[0]->item, "2.4");
  EXPECT_THAT(order[0]->message, HasSubstr("2.3"));
  EXPECT_THAT(WarnedItems(p_, "UNPARSED_TIMEFRAME"), ElementsAre("2.1"));
  EXPECT_THAT(WarnedItems(p_, "MISSING_TIMEFRAME"), ElementsAre("1.2", "1"));
  EXPECT_THAT(p_.unknown_units, IsEmpty());
}

TEST_F(HuongSonTest, SignerBeforeRecipients) {
  EXPECT_EQ(p_.plan.signer.on_behalf_of, "TM. ỦY BAN NHÂN DÂN");
  EXPECT_EQ(p_.plan.signer.position, "CHỦ TỊCH");
  EXPECT_EQ(p_.plan.signer.full_name, "Lê Thị Hoa");
  EXPECT_THAT(p_.plan.recipients,
              ElementsAre("Phòng VH&TT huyện (b/c)", "TT Đảng ủy, TT HĐND xã",
                          "Các ban, ngành, đoàn thể xã", "Các thôn", "Lưu: VP"));
}

// ---------------------------------------------------------------------------
// Plan 4: the tasks are in an appendix table copied from Word (tab-separated
// cells), after the signature.

class DongSonTest : public ::testing::Test {
 protected:
  void SetUp() override {
    p_ = MustImport(ReadPlan("dong_son_73_kh_ubnd_appendix_table.txt"), DistrictDirectory());
  }
  ImportedPlan p_;
};

TEST_F(DongSonTest, TableRowsAreTasksAfterTheBody) {
  std::vector<std::string> numbers;
  for (const auto& t : p_.tasks) numbers.push_back(absl::StrCat(t.section, ":", t.number));
  EXPECT_THAT(numbers, ElementsAre("III.1:1", "III.2:2", "PL.I:1", "PL.I:2", "PL.II:1", "PL.II:2",
                                   "PL.II:3"));
  const domain::Task* rows = FindTask(p_, "1", 1);
  EXPECT_EQ(rows->title,
            "Rà soát, hệ thống hóa văn bản quy phạm pháp luật do HĐND, UBND huyện ban hành");
  EXPECT_EQ(Ids(rows->lead_units), (std::vector<std::string>{"U3"}));
  EXPECT_EQ(Ids(rows->coordinating_units), (std::vector<std::string>{"G101"}));
  EXPECT_EQ(rows->timeframe.due_date, absl::CivilDay(2024, 6, 30));
  const domain::Task* periodic = FindTask(p_, "2", 2);
  EXPECT_EQ(periodic->title,
            "Tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức về quy định hành chính");
  EXPECT_EQ(periodic->body,
            "Tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức về quy định hành chính\n"
            "Trả lời công khai trên Cổng thông tin điện tử huyện.");
  EXPECT_THAT(periodic->timeframe.report_dates, ElementsAre(AnnualDate{6, 15}, AnnualDate{12, 15}));
  EXPECT_THAT(FindTask(p_, "3")->lead_units, IsEmpty());
  EXPECT_THAT(WarnedItems(p_, "MISSING_LEAD_UNIT"), ElementsAre("3"));
  EXPECT_THAT(p_.unknown_units, ElementsAre("Văn phòng HĐND và UBND huyện"));
}

TEST_F(DongSonTest, TheAppendixIsASectionAndNotPartOfTheClosing) {
  const domain::Section& last = p_.plan.sections.back();
  EXPECT_EQ(last.number, "PL");
  EXPECT_THAT(last.heading, ::testing::StartsWith("PHỤ LỤC PHÂN CÔNG NHIỆM VỤ"));
  EXPECT_THAT(last.body, HasSubstr("1. Rà soát, hệ thống hóa văn bản"));
  EXPECT_EQ(p_.plan.signer.full_name, "Lê Văn Hùng");
  EXPECT_EQ(p_.plan.signer.position, "PHÓ CHỦ TỊCH");
  EXPECT_THAT(p_.plan.recipients,
              ElementsAre("Sở Nội vụ (b/c)", "TT Huyện ủy, TT HĐND huyện", "Lưu: VT, NV"));
  // A heading in capitals does not swallow the sentence under it.
  for (const auto& s : p_.plan.sections) {
    if (s.number == "II") {
      EXPECT_EQ(s.heading, "NHIỆM VỤ");
      EXPECT_EQ(s.body, "Các nhiệm vụ cụ thể được phân công tại Phụ lục kèm theo Kế hoạch này.");
    }
  }
}

TEST(LayoutTest, TableInsideTheBody) {
  ImportedPlan p = MustImport(
      "KẾ HOẠCH\nTuyên truyền năm 2024\nI. NHIỆM VỤ\n1. Phòng Nội vụ tổng hợp.\n"
      "II. PHÂN CÔNG\nSTT\tNhiệm vụ\tĐơn vị chủ trì\tThời gian\n"
      "1\tTổ chức hội nghị\tPhòng Tư pháp\tQuý I/2024\n"
      "2\tPhát hành tài liệu\tPhòng Văn hóa, Thông tin\tQuý II/2024\n"
      "III. TỔ CHỨC THỰC HIỆN\n1. Các phòng, ban, ngành cấp huyện thực hiện.\n",
      SeedDirectory());
  std::vector<std::string> numbers;
  for (const auto& t : p.tasks)
    numbers.push_back(absl::StrCat(t.position, ":", t.section, ":", t.number));
  EXPECT_THAT(numbers, ElementsAre("1:I.1:1", "2:II:1", "3:II:2", "4:III.1:1"));
  EXPECT_EQ(Ids(FindTask(p, "2")->lead_units), (std::vector<std::string>{"U4"}));
  std::vector<std::string> sections;
  for (const auto& s : p.plan.sections) sections.push_back(s.number);
  EXPECT_THAT(sections, ElementsAre("I", "1", "II", "", "III", "1"));
}

}  // namespace
}  // namespace sangkien::importer
