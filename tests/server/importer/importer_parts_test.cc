// The importer's building blocks, on the awkward cases real plans contain.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "importer/citations.h"
#include "importer/document_parts.h"
#include "importer/item_text.h"
#include "importer/paragraphs.h"
#include "importer/source_text.h"
#include "importer/tokens.h"
#include "importer/unit_matcher.h"
#include "status/errors.h"

namespace sangkien::importer {
namespace {

using domain::UnitRef;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::vector<DirectoryEntry> Directory() {
  std::vector<DirectoryEntry> d;
  auto add = [&](UnitRef::Kind kind, int64_t id, std::vector<std::string> names) {
    UnitRef ref{kind, id, names.front()};
    for (const std::string& n : names) d.push_back({n, ref, domain::UnitKind::kOffice});
  };
  add(UnitRef::Kind::kUnit, 1, {"UBND huyện", "Ủy ban nhân dân huyện"});
  add(UnitRef::Kind::kUnit, 2, {"Phòng Nội vụ"});
  add(UnitRef::Kind::kUnit, 3, {"Phòng Tư pháp"});
  add(UnitRef::Kind::kUnit, 4, {"Phòng Văn hóa, Thông tin"});
  add(UnitRef::Kind::kUnit, 5, {"Trung tâm VH-TT-TT&DL"});
  add(UnitRef::Kind::kUnit, 10, {"HĐND huyện"});
  add(UnitRef::Kind::kUnit, 12, {"Phòng Kinh tế và Hạ tầng"});
  add(UnitRef::Kind::kGroup, 101, {"Các phòng, ngành, đơn vị cấp huyện"});
  add(UnitRef::Kind::kGroup, 102, {"UBND các xã, thị trấn"});
  return d;
}

// "U2:Phòng Nội vụ" / "G101:…" / "?:Công an huyện".
std::vector<std::string> Describe(const std::vector<FoundUnit>& found) {
  std::vector<std::string> out;
  for (const FoundUnit& f : found) {
    std::string tag =
        !f.known ? "?"
                 : (f.ref.kind == UnitRef::Kind::kGroup ? "G" : "U") + std::to_string(f.ref.id);
    out.push_back(tag + ":" + f.ref.display_name);
  }
  return out;
}

class UnitMatcherTest : public ::testing::Test {
 protected:
  UnitMatcherTest() : matcher_(Directory(), folder_) {}
  std::vector<std::string> List(std::string_view text) {
    return Describe(matcher_.ParseList(text));
  }
  FoldCache folder_;
  UnitMatcher matcher_;
};

TEST_F(UnitMatcherTest, NamesWithCommasAreNotSplit) {
  EXPECT_THAT(List("Các phòng, ngành, đơn vị cấp huyện, UBND các xã, thị trấn."),
              ElementsAre("G101:Các phòng, ngành, đơn vị cấp huyện", "G102:UBND các xã, thị trấn"));
  EXPECT_THAT(List("Phòng Văn hóa, Thông tin; Phòng Nội vụ"),
              ElementsAre("U4:Phòng Văn hóa, Thông tin", "U2:Phòng Nội vụ"));
}

TEST_F(UnitMatcherTest, CaseDiacriticsAndAbbreviations) {
  EXPECT_THAT(List("ỦY BAN NHÂN DÂN HUYỆN"), ElementsAre("U1:ỦY BAN NHÂN DÂN HUYỆN"));
  EXPECT_THAT(List("Uỷ ban nhân dân các xã, thị trấn"),
              ElementsAre("G102:Uỷ ban nhân dân các xã, thị trấn"));
  EXPECT_THAT(List("phong noi vu va phong tu phap"),
              ElementsAre("U2:phong noi vu", "U3:phong tu phap"));
  EXPECT_THAT(List("Hội đồng nhân dân huyện"), ElementsAre("U10:Hội đồng nhân dân huyện"));
  // "Các" may be left out; "và", "-" or nothing may stand for a comma.
  EXPECT_THAT(List("phòng, ngành, đơn vị cấp huyện"),
              ElementsAre("G101:phòng, ngành, đơn vị cấp huyện"));
  EXPECT_THAT(List("Phòng Văn hóa và Thông tin, Phòng Văn hóa - Thông tin"),
              ElementsAre("U4:Phòng Văn hóa và Thông tin", "U4:Phòng Văn hóa - Thông tin"));
  EXPECT_THAT(List("Trung tâm VH-TT-TT&DL"), ElementsAre("U5:Trung tâm VH-TT-TT&DL"));
}

TEST_F(UnitMatcherTest, UnknownUnitsBetweenKnownOnes) {
  EXPECT_THAT(List("Công an huyện, Phòng Nội vụ và Ban Chỉ huy Quân sự huyện"),
              ElementsAre("?:Công an huyện", "U2:Phòng Nội vụ", "?:Ban Chỉ huy Quân sự huyện"));
  // "và" inside an unknown name stays, unless a known name follows.
  EXPECT_THAT(
      List("Phòng Tài nguyên và Môi trường; Phòng Lao động - Thương binh và Xã hội"),
      ElementsAre("?:Phòng Tài nguyên và Môi trường", "?:Phòng Lao động - Thương binh và Xã hội"));
  EXPECT_THAT(List("Văn phòng HĐND và UBND huyện"), ElementsAre("?:Văn phòng HĐND và UBND huyện"));
  // A known name wins over a shorter reading.
  EXPECT_THAT(List("Phòng Kinh tế và Hạ tầng"), ElementsAre("U12:Phòng Kinh tế và Hạ tầng"));
  // Lower-case words after a comma continue an unknown name.
  EXPECT_THAT(List("Các phòng, ban, ngành; Phòng Nội vụ"),
              ElementsAre("?:Các phòng, ban, ngành", "U2:Phòng Nội vụ"));
}

TEST_F(UnitMatcherTest, FillersAndRemarks) {
  EXPECT_THAT(List("Phòng Nội vụ, các cơ quan, đơn vị có liên quan"),
              ElementsAre("U2:Phòng Nội vụ"));
  EXPECT_THAT(List("Các đơn vị liên quan"), IsEmpty());
  EXPECT_THAT(List("UBND huyện (qua Phòng Nội vụ)"), ElementsAre("U1:UBND huyện"));
  EXPECT_THAT(List("Phòng Nội vụ tham mưu UBND huyện, Phòng Tư pháp"),
              ElementsAre("U2:Phòng Nội vụ", "U3:Phòng Tư pháp"));
  EXPECT_THAT(List(""), IsEmpty());
  EXPECT_THAT(List(" ; , ."), IsEmpty());
}

TEST_F(UnitMatcherTest, ProseAssignments) {
  std::string text =
      "Phòng Văn hóa, Thông tin chủ trì, phối hợp Phòng Nội vụ, Trung tâm VH-TT-TT&DL tổ chức "
      "thực hiện các chương trình phát thanh.";
  auto a = matcher_.MatchAssignment(text);
  ASSERT_TRUE(a.has_value());
  EXPECT_THAT(Describe(a->lead), ElementsAre("U4:Phòng Văn hóa, Thông tin"));
  EXPECT_THAT(Describe(a->coordinating),
              ElementsAre("U2:Phòng Nội vụ", "U5:Trung tâm VH-TT-TT&DL"));
  EXPECT_EQ(text.substr(a->action_begin, std::string("tổ chức").size()), "tổ chức");

  a = matcher_.MatchAssignment(
      "Các phòng, ngành, đơn vị cấp huyện, UBND các xã, thị trấn và các đơn vị liên quan phối "
      "hợp với cấp uỷ cùng cấp tổ chức quán triệt.");
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(a->lead.size(), 2u);
  EXPECT_THAT(a->coordinating, IsEmpty());

  a = matcher_.MatchAssignment("Giao Phòng Nội vụ chủ trì, phối hợp với Phòng Tư pháp rà soát.");
  ASSERT_TRUE(a.has_value());
  EXPECT_THAT(Describe(a->lead), ElementsAre("U2:Phòng Nội vụ"));
  EXPECT_THAT(Describe(a->coordinating), ElementsAre("U3:Phòng Tư pháp"));

  // No actor, a sentence that only mentions a unit, or "Giao X làm …".
  EXPECT_FALSE(matcher_.MatchAssignment("Tham mưu trình UBND huyện ban hành quy chế.").has_value());
  EXPECT_FALSE(matcher_.MatchAssignment("Trưởng các phòng, ngành căn cứ Kế hoạch.").has_value());
  EXPECT_FALSE(matcher_.MatchAssignment("Giao Phòng Nội vụ làm đơn vị đầu mối.").has_value());
  EXPECT_FALSE(matcher_.MatchAssignment("UBND huyện Tân Lập ban hành.").has_value());
  EXPECT_FALSE(matcher_.MatchAssignment("").has_value());
}

TEST_F(UnitMatcherTest, PrefixAndSuffix) {
  auto p = matcher_.MatchPrefix("ỦY BAN NHÂN DÂN HUYỆN TÂN LẬP");
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->ref.id, 1);
  auto s = matcher_.MatchSuffix("(sau đây viết tắt là …), UBND huyện");
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->ref.display_name, "UBND huyện");
  EXPECT_FALSE(matcher_.MatchSuffix("UBND huyện Tân Lập").has_value());
}

TEST(MarkerTest, Numbering) {
  auto label = [](std::string_view line) {
    Marker m = ParseMarker(line);
    static constexpr const char* kKinds[] = {"none", "roman", "number", "letter", "bullet"};
    return std::string(kKinds[static_cast<int>(m.kind)]) + ":" + m.label + ":" +
           std::string(line.substr(m.text_begin));
  };
  EXPECT_EQ(label("II. NỘI DUNG"), "roman:II:NỘI DUNG");
  EXPECT_EQ(label("IV) KINH PHÍ"), "roman:IV:KINH PHÍ");
  EXPECT_EQ(label("4.6. Xây dựng"), "number:4.6:Xây dựng");
  EXPECT_EQ(label("4.6 Xây dựng"), "number:4.6:Xây dựng");
  EXPECT_EQ(label("1. Quán triệt"), "number:1:Quán triệt");
  EXPECT_EQ(label("2) Tổ chức"), "number:2:Tổ chức");
  EXPECT_EQ(label("1.2.3. Chi tiết"), "number:1.2.3:Chi tiết");
  EXPECT_EQ(label("a) Cơ quan chủ trì:"), "letter:a:Cơ quan chủ trì:");
  EXPECT_EQ(label("đ) Khác"), "letter:đ:Khác");
  EXPECT_EQ(label("- Đơn vị chủ trì"), "bullet:-:Đơn vị chủ trì");
  EXPECT_EQ(label("-Đơn vị chủ trì"), "bullet:-:Đơn vị chủ trì");
  EXPECT_EQ(label("• Nội dung"), "bullet:•:Nội dung");
  // What starts wrapped lines of running text.
  EXPECT_EQ(ParseMarker("2022. Tiếp tục").kind, MarkerKind::kNone);
  EXPECT_EQ(ParseMarker("30/6/2022 của UBND").kind, MarkerKind::kNone);
  EXPECT_EQ(ParseMarker("36-CTr/HU, bảo đảm").kind, MarkerKind::kNone);
  EXPECT_EQ(ParseMarker("2.5 triệu đồng").kind, MarkerKind::kNone);
  EXPECT_EQ(ParseMarker("1.000 người").kind, MarkerKind::kNone);
  EXPECT_EQ(ParseMarker("b/c)").kind, MarkerKind::kNone);
  EXPECT_EQ(ParseMarker("vụ Huyện uỷ").kind, MarkerKind::kNone);
  EXPECT_EQ(ParseMarker("Việt Nam").kind, MarkerKind::kNone);
  EXPECT_EQ(ParseMarker("-5% so với").kind, MarkerKind::kNone);
}

TEST(ItemTextTest, FirstSentence) {
  EXPECT_EQ(MakeTitle("Thực hiện Kết luận số 14-KL/TW. Tiếp theo."),
            "Thực hiện Kết luận số 14-KL/TW");
  EXPECT_EQ(MakeTitle("Hoàn thành trước ngày 30/6/2022. Báo cáo."),
            "Hoàn thành trước ngày 30/6/2022");
  EXPECT_EQ(MakeTitle("Quản lý biên chế..., đồng thời công bố. Sau đó."),
            "Quản lý biên chế..., đồng thời công bố");
  EXPECT_EQ(MakeTitle("Rà soát văn bản (trong năm 2022). a) Cơ quan"),
            "Rà soát văn bản (trong năm 2022)");
  EXPECT_EQ(MakeTitle("Tổ chức tại TP. Hồ Chí Minh. Xong."), "Tổ chức tại TP. Hồ Chí Minh");
  EXPECT_EQ(MakeTitle("Không có dấu chấm"), "Không có dấu chấm");
  std::string long_text(400, 'x');
  for (size_t i = 5; i < long_text.size(); i += 6) long_text[i] = ' ';
  std::string title = MakeTitle(long_text, 300);
  EXPECT_LE(CodePointCount(title), 300u);
  EXPECT_EQ(title.substr(title.size() - 3), "…");
  EXPECT_EQ(title[title.size() - 4], 'x');  // cut at a word, not inside one
}

TEST(ItemTextTest, Labels) {
  FoldCache f;
  auto kind = [&](std::string_view label) {
    auto k = ClassifyLabel(label, f);
    return !k ? -1 : static_cast<int>(*k);
  };
  const int lead = static_cast<int>(AttributeKind::kLead);
  const int coord = static_cast<int>(AttributeKind::kCoordinate);
  const int time = static_cast<int>(AttributeKind::kTimeframe);
  EXPECT_EQ(kind("Cơ quan chủ trì"), lead);
  EXPECT_EQ(kind("Cơ quan đề xuất"), lead);
  EXPECT_EQ(kind("Đơn vị chủ trì"), lead);
  EXPECT_EQ(kind("Đơn vị thực hiện"), lead);
  EXPECT_EQ(kind("Chủ trì"), lead);
  EXPECT_EQ(kind("CƠ QUAN CHỦ TRÌ THAM MƯU"), lead);
  EXPECT_EQ(kind("Cơ quan phối hợp"), coord);
  EXPECT_EQ(kind("Đơn vị phối hợp"), coord);
  EXPECT_EQ(kind("Phối hợp"), coord);
  EXPECT_EQ(kind("Thời gian thực hiện"), time);
  EXPECT_EQ(kind("Thời gian hoàn thành"), time);
  EXPECT_EQ(kind("Thời hạn hoàn thành"), time);
  EXPECT_EQ(kind("Tiến độ"), time);
  EXPECT_EQ(kind("Nội dung thực hiện"), -1);
  EXPECT_EQ(kind("Sản phẩm"), -1);
  EXPECT_EQ(kind("Lưu"), -1);
  EXPECT_EQ(kind("Trong đó, các cơ quan, đơn vị được giao chủ trì phải báo cáo"), -1);

  auto attrs = ParseAttributeParagraph(
      "Chủ trì: Phòng Nội vụ; phối hợp: Phòng Tư pháp; thời gian: Thường xuyên; báo cáo trước "
      "ngày 30/11 hằng năm.",
      f);
  ASSERT_EQ(attrs.size(), 3u);
  EXPECT_EQ(attrs[0].value, "Phòng Nội vụ");
  EXPECT_EQ(attrs[1].value, "Phòng Tư pháp");
  EXPECT_EQ(attrs[2].kind, AttributeKind::kTimeframe);
  EXPECT_EQ(attrs[2].value, "Thường xuyên; báo cáo trước ngày 30/11 hằng năm");

  auto inline_attrs = FindInlineAttributes(
      "Tổ chức hội nghị quán triệt (thời gian hoàn thành: Quý II/2024); báo cáo kết quả.", f);
  ASSERT_EQ(inline_attrs.size(), 1u);
  EXPECT_EQ(inline_attrs[0].value, "Quý II/2024");
}

TEST(CitationTest, SymbolsAndKinds) {
  FoldCache f;
  EXPECT_TRUE(LooksLikeSymbol("36-CTr/HU"));
  EXPECT_TRUE(LooksLikeSymbol("62/2020/NĐ-CP"));
  EXPECT_TRUE(LooksLikeSymbol("58/KH-UBND"));
  EXPECT_FALSE(LooksLikeSymbol("30/6/2022"));
  EXPECT_FALSE(LooksLikeSymbol("b/c"));
  EXPECT_FALSE(LooksLikeSymbol("TTTT&DL"));
  EXPECT_EQ(KindFromSymbol("36-CTr/HU", f), domain::DocumentKind::kActionProgramme);
  EXPECT_EQ(KindFromSymbol("14-KL/TW", f), domain::DocumentKind::kConclusion);
  EXPECT_EQ(KindFromSymbol("58/KH-UBND", f), domain::DocumentKind::kPlan);
  EXPECT_EQ(KindFromSymbol("62/2020/NĐ-CP", f), domain::DocumentKind::kDecree);
  EXPECT_EQ(KindFromSymbol("1521/QĐ-TTg", f), domain::DocumentKind::kDecision);
  EXPECT_EQ(KindFromSymbol("35-NQ/TW", f), domain::DocumentKind::kResolution);
  EXPECT_EQ(KindFromSymbol("05-CT/TW", f), domain::DocumentKind::kDirective);
  EXPECT_EQ(ParseNumericDate("31/2/2022"), std::nullopt);
  EXPECT_EQ(ParseNumericDate("29/2/2024"), absl::CivilDay(2024, 2, 29));
}

Paragraph Para(std::string text) {
  Paragraph p;
  p.text = std::move(text);
  p.line_starts.emplace_back(0, 7);
  return p;
}

TEST(CitationTest, FindsAndComparesCitations) {
  FoldCache f;
  auto cs = FindCitations(
      Para("theo Kế hoạch số 167/KH-UBND ngày 09/7/2021 của UBND tỉnh thực hiện Chương trình số "
           "13-CTr/TU ngày 16 tháng 4 năm 2021 của Ban Chấp hành Đảng bộ tỉnh về nâng cao năng "
           "lực lãnh đạo (sau đây)"),
      f);
  ASSERT_EQ(cs.size(), 2u);
  EXPECT_EQ(cs[0].ref.symbol, "167/KH-UBND");
  EXPECT_EQ(cs[0].ref.issuer, "UBND tỉnh");
  EXPECT_EQ(cs[0].ref.issue_date, absl::CivilDay(2021, 7, 9));
  EXPECT_EQ(cs[1].ref.issue_date, absl::CivilDay(2021, 4, 16));
  EXPECT_EQ(cs[1].ref.issuer, "Ban Chấp hành Đảng bộ tỉnh");
  EXPECT_EQ(cs[1].ref.title, "nâng cao năng lực lãnh đạo");
  EXPECT_EQ(cs[1].line, 7);

  auto all = FindCitations(
      Para("Chương trình hành động số 36-CTr/HU ngày 18/4/2022 của Ban Thường vụ Huyện uỷ; "
           "Chương trình hành động số 36-CTr/HU; Chương trình số 36-CTr/TU ngày 28/4/2022; Chương "
           "trình số 36-CTr/TU ngày 28/4/2022; Chương trình số 36-CTr/TU ngày 5/1/2019 của Tỉnh "
           "ủy; Kế hoạch số 36/KH-UBND ngày 1/1/2022"),
      f);
  ASSERT_EQ(all.size(), 6u);
  auto conflicts = FindConflicts(all, f);
  // The second HU citation agrees with the first; TU of 28/4/2022 conflicts
  // with HU once, however often it is repeated; TU with another date is
  // flagged too, even years apart; the KH is another document.
  ASSERT_EQ(conflicts.size(), 2u);
  EXPECT_EQ(conflicts[0].later, &all[2]);
  EXPECT_EQ(conflicts[0].earlier, &all[0]);
  EXPECT_EQ(conflicts[1].later, &all[4]);
  EXPECT_EQ(conflicts[1].earlier, &all[2]);
  EXPECT_EQ(DescribeCitation(all[2]), "36-CTr/TU ngày 28/4/2022");

  // Another issuer code, but both issuers named and different: two
  // documents, nothing to flag.
  auto two = FindCitations(
      Para("Chương trình số 12-CTr/HU ngày 1/3/2022 của Huyện ủy Tân Lập; Chương trình số "
           "12-CTr/TU ngày 2/3/2022 của Tỉnh ủy"),
      f);
  EXPECT_THAT(FindConflicts(two, f), IsEmpty());
}

TEST(SourceTextTest, LinesAndPageNumbers) {
  auto lines = ReadSourceLines("\xEF\xBB\xBF  a\xC2\xA0 b \r\n\r\n- 2 -\rc\n");
  ASSERT_TRUE(lines.ok());
  ASSERT_EQ(lines->size(), 4u);
  EXPECT_EQ((*lines)[0].text, "a b");
  EXPECT_TRUE((*lines)[1].blank());
  EXPECT_TRUE((*lines)[2].page_number);
  EXPECT_EQ((*lines)[3].text, "c");
  EXPECT_EQ((*lines)[3].number, 4);
}

TEST(SourceTextTest, RefusesWhatIsNotText) {
  EXPECT_EQ(ErrorReason(ReadSourceLines(std::string("ab\0cd", 5)).status()), "IMPORT_NOT_A_PLAN");
  EXPECT_EQ(ErrorReason(ReadSourceLines(std::string("\xFF\xFE\x00\xD8", 4)).status()),
            "INVALID_UTF8");
  EXPECT_EQ(ErrorReason(ReadSourceLines("\xC0\xAF").status()), "INVALID_UTF8");
  EXPECT_EQ(ErrorReason(ReadSourceLines(std::string(kMaxImportBytes + 1, 'a')).status()),
            "IMPORT_TOO_LARGE");
}

TEST(ParagraphTest, UnwrapsHardWrappedLines) {
  auto lines = ReadSourceLines(
      "1.1. Các phòng phối hợp\n\nvới cấp uỷ tổ chức.\n\na) Cơ quan chủ trì: Phòng\n\nNội "
      "vụ.\n\n\n\nĐoạn mới sau hai dòng trống.\n");
  ASSERT_TRUE(lines.ok());
  LayoutHints hints = DetectLayout(*lines);
  EXPECT_FALSE(hints.single_blank_breaks);
  auto paras = Unwrap(*lines, 0, lines->size(), hints, nullptr);
  ASSERT_EQ(paras.size(), 3u);
  EXPECT_EQ(paras[0].text, "Các phòng phối hợp với cấp uỷ tổ chức.");
  EXPECT_EQ(paras[0].marker_text, "1.1.");
  EXPECT_EQ(paras[0].LineAt(paras[0].text.find("với")), 3);
  EXPECT_EQ(paras[1].Full(), "a) Cơ quan chủ trì: Phòng Nội vụ.");
  EXPECT_EQ(paras[2].text, "Đoạn mới sau hai dòng trống.");
}

TEST(ParagraphTest, WordTextIsOneParagraphPerLine) {
  std::string long_line(200, 'a');
  std::string text;
  for (int i = 0; i < 4; ++i) text += long_line + "\nTiêu đề ngắn\n";
  auto lines = ReadSourceLines(text);
  ASSERT_TRUE(lines.ok());
  LayoutHints hints = DetectLayout(*lines);
  EXPECT_TRUE(hints.line_per_paragraph);
  EXPECT_EQ(Unwrap(*lines, 0, lines->size(), hints, nullptr).size(), 8u);
}

TEST(DocumentPartsTest, HeaderFromFlattenedColumns) {
  FoldCache f;
  auto lines = ReadSourceLines(
      "UBND TỈNH QUẢNG NAM\nSỞ NỘI VỤ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
      "Độc lập - Tự do - Hạnh phúc\n___________\nSố: 12 /KH-SNV Tam Kỳ, ngày 02 tháng 02 năm "
      "2024\nKẾ HOẠCH\n");
  ASSERT_TRUE(lines.ok());
  auto kind = FindKindLine(*lines, f);
  ASSERT_TRUE(kind.has_value());
  EXPECT_EQ(kind->index, 5u);
  HeaderInfo h = ParseHeader(*lines, 0, kind->index, f);
  EXPECT_EQ(h.issuer, "SỞ NỘI VỤ");
  EXPECT_EQ(h.symbol, "12/KH-SNV");
  EXPECT_EQ(h.place, "Tam Kỳ");
  EXPECT_EQ(h.issue_date, absl::CivilDay(2024, 2, 2));
}

TEST(DocumentPartsTest, DraftDateWithBlanks) {
  FoldCache f;
  auto lines = ReadSourceLines("HUYỆN ỦY ĐÔNG SƠN\nSố: -KH/HU\nĐông Sơn, ngày tháng 5 năm 2024\n");
  ASSERT_TRUE(lines.ok());
  HeaderInfo h = ParseHeader(*lines, 0, lines->size(), f);
  EXPECT_EQ(h.issuer, "HUYỆN ỦY ĐÔNG SƠN");
  EXPECT_EQ(h.place, "Đông Sơn");
  EXPECT_EQ(h.issue_date, std::nullopt);
}

TEST(DocumentPartsTest, Closing) {
  FoldCache f;
  auto lines = ReadSourceLines(
      "Nơi nhận: TM. BAN THƯỜNG VỤ\n- Như trên; PHÓ BÍ THƯ\n- Lưu VP.\n(Đã ký)\nTrần Văn "
      "Nam\n");
  ASSERT_TRUE(lines.ok());
  EXPECT_EQ(FindClosingStart(*lines, 0, f), 0u);
  ClosingInfo c = ParseClosing(*lines, 0, lines->size(), f);
  EXPECT_EQ(c.signer.on_behalf_of, "TM. BAN THƯỜNG VỤ");
  EXPECT_EQ(c.signer.position, "PHÓ BÍ THƯ");
  EXPECT_EQ(c.signer.full_name, "Trần Văn Nam");
  EXPECT_THAT(c.recipients, ElementsAre("Như trên", "Lưu VP"));
}

}  // namespace
}  // namespace sangkien::importer
